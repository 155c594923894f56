//! RFC 3339 timestamps. Parsed by hand rather than with a date crate: this is all of the date
//! arithmetic Broadsheet needs, and every reader would download a crate's worth of wasm.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    unix_millis: i64,
}

/// A calendar date, as the reader's calendar sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Timestamp {
    pub fn from_unix_millis(unix_millis: i64) -> Self {
        Timestamp { unix_millis }
    }

    /// Accepts `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with `t`/space for `T` and `z` for
    /// `Z` as RFC 3339 allows. Anything else, including impossible dates, is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.trim().as_bytes();
        if b.len() < 20 {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<i64> {
            let part = b.get(range)?;
            part.iter()
                .all(u8::is_ascii_digit)
                .then(|| part.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        if !(1..=12).contains(&month)
            || day < 1
            || day > i64::from(days_in_month(year as i32, month as u32))
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let mut rest = &b[19..];
        let mut millis = 0i64;
        if rest.first() == Some(&b'.') {
            let digits = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            for (i, d) in rest[1..=digits].iter().take(3).enumerate() {
                millis += i64::from(d - b'0') * [100, 10, 1][i];
            }
            rest = &rest[1 + digits..];
        }
        let offset_minutes = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let digits = [*h1, *h2, *m1, *m2];
                if !digits.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                let v = |i: usize| i64::from(digits[i] - b'0');
                let (oh, om) = (v(0) * 10 + v(1), v(2) * 10 + v(3));
                if oh > 23 || om > 59 {
                    return None;
                }
                let sign = if *sign == b'-' { -1 } else { 1 };
                sign * (oh * 60 + om)
            }
            _ => return None,
        };
        let days = days_from_civil(year as i32, month as u32, day as u32);
        let seconds =
            days * 86_400 + hour * 3_600 + minute * 60 + second.min(59) - offset_minutes * 60;
        Some(Timestamp {
            unix_millis: seconds * 1_000 + millis,
        })
    }

    pub fn unix_millis(self) -> i64 {
        self.unix_millis
    }

    /// The date on a calendar `offset_minutes` east of UTC (the reader's zone).
    pub fn civil_date(self, offset_minutes: i32) -> CivilDate {
        let local = self.unix_millis.div_euclid(1_000) + i64::from(offset_minutes) * 60;
        civil_from_days(local.div_euclid(86_400))
    }

    /// Hours and minutes on a clock `offset_minutes` east of UTC.
    pub fn clock(self, offset_minutes: i32) -> (u32, u32) {
        let local = self.unix_millis.div_euclid(1_000) + i64::from(offset_minutes) * 60;
        let secs = local.rem_euclid(86_400);
        ((secs / 3_600) as u32, (secs % 3_600 / 60) as u32)
    }
}

/// The machine-readable form for `<time datetime>`: UTC, whole seconds.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.civil_date(0);
        let (h, m) = self.clock(0);
        let s = self.unix_millis.div_euclid(1_000).rem_euclid(60);
        write!(
            f,
            "{:04}-{:02}-{:02}T{h:02}:{m:02}:{s:02}Z",
            d.year, d.month, d.day
        )
    }
}

/// A date that is missing or malformed is `None`: an optional date is then just absent, and
/// a required one (an article's `published`) fails its document. So is a generator's zero
/// time, written for a post without a date: Go's (Hugo: `0001-01-01T00:00:00Z`) and the Unix
/// epoch (PHP's `date('c', 0)`); no story was published at either.
impl super::Lenient for Timestamp {
    fn from_text(text: String) -> Option<Self> {
        const GO_ZERO_TIME: i64 = -62_135_596_800_000;
        Timestamp::parse(&text).filter(|t| t.unix_millis != 0 && t.unix_millis != GO_ZERO_TIME)
    }
}

impl CivilDate {
    /// Days since 1970-01-01, so dates can be compared and subtracted.
    pub fn day_number(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> CivilDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    CivilDate { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_zero_times_read_as_no_date() {
        let read = |json: &str| {
            serde_json::from_str::<crate::Maybe<Timestamp>>(json)
                .unwrap()
                .0
        };
        assert_eq!(read(r#""0001-01-01T00:00:00Z""#), None);
        assert_eq!(read(r#""1970-01-01T00:00:00+00:00""#), None);
        assert!(read(r#""1970-01-01T00:00:01Z""#).is_some());
        assert!(read(r#""0001-01-01T00:00:01Z""#).is_some());
    }

    #[test]
    fn parses_utc_and_offsets_to_the_same_instant() {
        let utc = Timestamp::parse("2022-01-10T21:30:00Z").unwrap();
        let moscow = Timestamp::parse("2022-01-11T00:30:00+03:00").unwrap();
        let new_york = Timestamp::parse("2022-01-10T16:30:00-05:00").unwrap();
        assert_eq!(utc, moscow);
        assert_eq!(utc, new_york);
        assert_eq!(utc.unix_millis(), 1_641_850_200_000);
        assert_eq!(utc.to_string(), "2022-01-10T21:30:00Z");
    }

    #[test]
    fn keeps_milliseconds_and_accepts_rfc3339_variants() {
        let t = Timestamp::parse("2022-01-10t21:30:00.123456z").unwrap();
        assert_eq!(t.unix_millis() % 1_000, 123);
        assert!(Timestamp::parse("2022-01-10 21:30:00Z").is_some());
    }

    #[test]
    fn refuses_malformed_and_impossible_dates() {
        for bad in [
            "",
            "2022-01-10",
            "2022-01-10T21:30:00",
            "2022-13-10T21:30:00Z",
            "2021-02-29T00:00:00Z",
            "2022-01-10T24:00:00Z",
            "2022-01-10T21:30:00+3:00",
            "2022-01-10T21:30:00.Z",
            "yesterday at noon, roughly",
            "2022-01-10T21:30:00Zjunk",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad:?}");
        }
        assert!(Timestamp::parse("2024-02-29T00:00:00Z").is_some());
    }

    #[test]
    fn the_calendar_date_depends_on_the_readers_zone() {
        let t = Timestamp::parse("2022-01-10T23:30:00Z").unwrap();
        assert_eq!(
            t.civil_date(0),
            CivilDate {
                year: 2022,
                month: 1,
                day: 10
            }
        );
        assert_eq!(
            t.civil_date(60),
            CivilDate {
                year: 2022,
                month: 1,
                day: 11
            }
        );
        assert_eq!(t.civil_date(-600).day, 10);
        assert_eq!(t.clock(60), (0, 30));
        let new_year = Timestamp::parse("2022-01-01T02:00:00Z").unwrap();
        assert_eq!(
            new_year.civil_date(-300),
            CivilDate {
                year: 2021,
                month: 12,
                day: 31
            }
        );
    }

    #[test]
    fn day_numbers_round_trip_over_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            let date = civil_from_days(days);
            assert_eq!(date.day_number(), days);
        }
    }
}
