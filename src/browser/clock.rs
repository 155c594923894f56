//! The time now, and moments and days in words: the browser's `Intl` in the reader's locale
//! and zone; natively UTC and English, which is what a page rendered ahead of time shows until
//! the browser takes over.

use crate::model::{CivilDate, Timestamp};

pub use imp::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsValue;

    pub fn now() -> Timestamp {
        Timestamp::from_unix_millis(js_sys::Date::now() as i64)
    }

    /// The three ways we show a moment. Each `Intl.DateTimeFormat` is made once and kept:
    /// making one costs more than formatting with it, and a feed formats hundreds of times.
    #[derive(Clone, Copy)]
    enum Style {
        DateTime,
        Time,
        Day,
    }

    impl Style {
        fn options(self) -> &'static [(&'static str, &'static str)] {
            match self {
                Style::DateTime => &[("dateStyle", "long"), ("timeStyle", "short")],
                Style::Time => &[("timeStyle", "short")],
                // Noon UTC of the day, formatted in UTC, names the same calendar day everywhere.
                Style::Day => &[
                    ("weekday", "long"),
                    ("day", "numeric"),
                    ("month", "long"),
                    ("year", "numeric"),
                    ("timeZone", "UTC"),
                ],
            }
        }
    }

    thread_local! {
        static FORMATTERS: std::cell::RefCell<[Option<js_sys::Intl::DateTimeFormat>; 3]> =
            const { std::cell::RefCell::new([None, None, None]) };
    }

    fn format(millis: f64, style: Style) -> String {
        let formatter = FORMATTERS.with(|cache| {
            cache.borrow_mut()[style as usize]
                .get_or_insert_with(|| {
                    // js-sys types these options only behind its unstable APIs; one loop of
                    // plain property sets costs the wasm less than a setter per option.
                    let opts = js_sys::Object::new();
                    for (k, v) in style.options() {
                        let _ = js_sys::Reflect::set(
                            &opts,
                            &JsValue::from_str(k),
                            &JsValue::from_str(v),
                        );
                    }
                    js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts)
                })
                .clone()
        });
        let date = js_sys::Date::new(&JsValue::from_f64(millis));
        formatter
            .format()
            .call1(&formatter, &date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    pub fn format_date_time(at: Timestamp) -> String {
        format(at.unix_millis() as f64, Style::DateTime)
    }

    pub fn format_time(at: Timestamp) -> String {
        format(at.unix_millis() as f64, Style::Time)
    }

    pub fn format_day(date: CivilDate) -> String {
        format(
            date.day_number() as f64 * 86_400_000.0 + 43_200_000.0,
            Style::Day,
        )
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const WEEKDAYS: [&str; 7] = [
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
    ];

    pub fn now() -> Timestamp {
        let since_epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Timestamp::from_unix_millis(since_epoch.as_millis() as i64)
    }

    fn long_date(date: CivilDate) -> String {
        format!(
            "{} {} {}",
            date.day,
            MONTHS[(date.month - 1) as usize],
            date.year
        )
    }

    pub fn format_date_time(at: Timestamp) -> String {
        format!("{}, {} UTC", long_date(at.civil_date(0)), format_time(at))
    }

    pub fn format_time(at: Timestamp) -> String {
        let (h, m) = at.clock(0);
        format!("{h:02}:{m:02}")
    }

    pub fn format_day(date: CivilDate) -> String {
        let weekday = WEEKDAYS[date.day_number().rem_euclid(7) as usize];
        format!("{weekday} {}", long_date(date))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn native_formats_name_the_day_and_zone() {
        let t = Timestamp::parse("2022-01-10T21:05:00Z").unwrap();
        assert_eq!(format_date_time(t), "10 January 2022, 21:05 UTC");
        assert_eq!(format_day(t.civil_date(0)), "Monday 10 January 2022");
    }
}
