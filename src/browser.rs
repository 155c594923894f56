//! The thin layer of calls that need a browser. Each has a native counterpart with the same
//! signature, so components render to HTML in `cargo test` and at build time.

use crate::model::{CivilDate, Timestamp};

/// Where the JSON API lives: `<meta name="broadsheet:api" content="...">` in the page, so a
/// deployment can point Broadsheet at another backend without recompiling.
pub const API_META_NAME: &str = "broadsheet:api";
pub const DEFAULT_API_BASE: &str = "/api/";

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsValue;

    pub fn api_base() -> String {
        let selector = format!("meta[name=\"{API_META_NAME}\"]");
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|el| el.get_attribute("content"))
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_API_BASE.to_owned())
    }

    pub fn utc_offset_minutes(at: Timestamp) -> i32 {
        let date = js_sys::Date::new(&JsValue::from_f64(at.unix_millis() as f64));
        // getTimezoneOffset is minutes *west* of UTC.
        -(date.get_timezone_offset() as i32)
    }

    pub fn now() -> Timestamp {
        Timestamp::from_unix_millis(js_sys::Date::now() as i64)
    }

    fn format(millis: f64, options: &[(&str, &str)]) -> String {
        let opts = js_sys::Object::new();
        for (k, v) in options {
            let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        let locales = js_sys::Array::new();
        let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &opts);
        let date = js_sys::Date::new(&JsValue::from_f64(millis));
        formatter.format().call1(&formatter, &date).ok().and_then(|s| s.as_string()).unwrap_or_default()
    }

    pub fn format_date_time(at: Timestamp) -> String {
        format(at.unix_millis() as f64, &[("dateStyle", "long"), ("timeStyle", "short")])
    }

    pub fn format_time(at: Timestamp) -> String {
        format(at.unix_millis() as f64, &[("timeStyle", "short")])
    }

    pub fn format_day(date: CivilDate) -> String {
        // Noon UTC of that day, formatted in UTC, names the same calendar day everywhere.
        let millis = date.day_number() as f64 * 86_400_000.0 + 43_200_000.0;
        format(
            millis,
            &[("weekday", "long"), ("day", "numeric"), ("month", "long"), ("year", "numeric"), ("timeZone", "UTC")],
        )
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    //! Native rendering has no reader: it uses UTC and English, which is what a page
    //! rendered ahead of time shows until the browser takes over.
    use super::*;

    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ];
    const WEEKDAYS: [&str; 7] =
        ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"];

    pub fn api_base() -> String {
        DEFAULT_API_BASE.to_owned()
    }

    pub fn utc_offset_minutes(_: Timestamp) -> i32 {
        0
    }

    pub fn now() -> Timestamp {
        let since_epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Timestamp::from_unix_millis(since_epoch.as_millis() as i64)
    }

    fn long_date(date: CivilDate) -> String {
        format!("{} {} {}", date.day, MONTHS[(date.month - 1) as usize], date.year)
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

pub use imp::{api_base, format_date_time, format_day, format_time, now, utc_offset_minutes};

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
