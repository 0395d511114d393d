//! The period before a chosen one, for "compare with the previous period": pure date arithmetic.

use time::{Date, Duration, Month};

/// The period of the same length immediately before `from..=to` (both days included). When `from` is the
/// first of a month and `to` the last day of a month, the period is whole calendar months and the previous
/// one is the same number of whole months (so March compares with February, not with 31 days ending on
/// 28 February); otherwise it is the same number of days. `None` if `to` is before `from` or the dates run
/// off the calendar.
pub fn previous(from: Date, to: Date) -> Option<(Date, Date)> {
    if to < from {
        return None;
    }
    let prev_to = from.previous_day()?;
    let whole_months = from.day() == 1 && to.next_day().is_some_and(|d| d.day() == 1);
    if whole_months {
        let months = month_index(to) - month_index(from) + 1;
        let start = month_index(from) - months;
        let prev_from = Date::from_calendar_date(
            start.div_euclid(12),
            Month::try_from(u8::try_from(start.rem_euclid(12) + 1).ok()?).ok()?,
            1,
        )
        .ok()?;
        return Some((prev_from, prev_to));
    }
    let days = (to - from).whole_days() + 1;
    let prev_from = from.checked_sub(Duration::days(days))?;
    Some((prev_from, prev_to))
}

/// Months since year 0, so that month arithmetic is a subtraction.
fn month_index(d: Date) -> i32 {
    d.year() * 12 + i32::from(u8::from(d.month())) - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_date;

    fn prev(from: &str, to: &str) -> Option<(String, String)> {
        previous(parse_date(from).unwrap(), parse_date(to).unwrap()).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_owned(), b.to_owned()))
    }

    #[test]
    fn a_whole_month_compares_with_the_whole_month_before() {
        assert_eq!(prev("2025-03-01", "2025-03-31"), pair("2025-02-01", "2025-02-28"));
        assert_eq!(prev("2024-03-01", "2024-03-31"), pair("2024-02-01", "2024-02-29"), "a leap year");
        assert_eq!(prev("2025-10-01", "2025-10-31"), pair("2025-09-01", "2025-09-30"));
    }

    #[test]
    fn several_whole_months_and_across_a_new_year() {
        assert_eq!(prev("2025-01-01", "2025-03-31"), pair("2024-10-01", "2024-12-31"));
        assert_eq!(prev("2026-01-01", "2026-01-31"), pair("2025-12-01", "2025-12-31"));
        assert_eq!(prev("2025-04-01", "2026-03-31"), pair("2024-04-01", "2025-03-31"), "a financial year");
    }

    #[test]
    fn other_periods_are_the_same_number_of_days() {
        assert_eq!(prev("2025-10-10", "2025-10-16"), pair("2025-10-03", "2025-10-09"), "a week");
        assert_eq!(prev("2025-03-01", "2025-03-30"), pair("2025-01-30", "2025-02-28"), "not to the month's end");
        assert_eq!(prev("2025-03-02", "2025-03-31"), pair("2025-01-31", "2025-03-01"));
        assert_eq!(prev("2025-03-05", "2025-03-05"), pair("2025-03-04", "2025-03-04"), "one day");
        assert_eq!(prev("2025-01-01", "2025-01-10"), pair("2024-12-22", "2024-12-31"));
    }

    #[test]
    fn a_period_ending_before_it_starts_has_none() {
        assert_eq!(prev("2025-03-05", "2025-03-04"), None);
    }
}
