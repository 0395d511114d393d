//! Time as the server sees it: milliseconds since the Unix epoch, UTC, like the entries themselves.

use time::{Date, Month, OffsetDateTime, Time};

pub fn now_ms() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

pub fn date_start_ms(date: Date) -> i64 {
    (date.with_time(Time::MIDNIGHT).assume_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// `2025-05-01T09:30:00Z`: what the export shows and what a spreadsheet sorts correctly.
pub fn iso_utc(ms: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

/// The UTC calendar day of `ms`: (year, month 1–12, day).
pub fn utc_day(ms: i64) -> Option<(i32, u8, u8)> {
    let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()?;
    Some((t.year(), u8::from(t.month()), t.day()))
}

pub fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// The same moment `months` calendar months earlier (the day clamped to the shorter month's end), so
/// "keep for 12 months" means what the officer expects, not 360 days.
pub fn months_before(ms: i64, months: u32) -> i64 {
    let Ok(t) = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000) else { return ms };
    let total = t.year() * 12 + (t.month() as i32 - 1) - months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = Month::try_from(month0 as u8 + 1).unwrap_or(Month::January);
    let day = t.day().min(month.length(year));
    match Date::from_calendar_date(year, month, day) {
        Ok(date) => (date.with_time(t.time()).assume_utc().unix_timestamp_nanos() / 1_000_000) as i64,
        Err(_) => ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_before_clamps_to_the_end_of_a_short_month() {
        let may31 = date_start_ms(parse_date("2025-05-31").unwrap());
        assert_eq!(iso_utc(months_before(may31, 3)), "2025-02-28T00:00:00Z");
        assert_eq!(iso_utc(months_before(may31, 17)), "2023-12-31T00:00:00Z");
    }
}
