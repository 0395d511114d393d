//! The small values an entry is made of, each with its own `parse`.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, FieldError};

/// When the entry was made on the device, in milliseconds since the Unix epoch (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    /// 2024-01-01T00:00:00Z: nothing was written with this app before then.
    pub const EARLIEST: i64 = 1_704_067_200_000;
    /// Device clocks drift; a day ahead of the server is tolerated, more is a broken clock.
    pub const MAX_CLOCK_AHEAD_MS: i64 = 24 * 60 * 60 * 1000;

    pub fn parse(ms: i64, now_ms: i64) -> Result<Self, FieldError> {
        if ms < Self::EARLIEST || ms > now_ms.saturating_add(Self::MAX_CLOCK_AHEAD_MS) {
            return Err(FieldError::new("created_at", ErrorCode::OutOfRange));
        }
        Ok(Timestamp(ms))
    }

    pub fn millis(self) -> i64 {
        self.0
    }
}

/// Who is answering, when they chose to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    YoungPerson,
    CareLeaver,
    FosterCarer,
    /// A relative or family friend caring for the child: the largest group of placements in one seed council.
    KinshipCarer,
    /// Residential home staff and other professionals working with children in care.
    Professional,
    Other,
}

impl Role {
    /// In the order "about you" offers them. New roles get new codes; a code is never renamed, so entries
    /// waiting on a device since before a role was added still parse.
    pub const ALL: [Role; 6] =
        [Role::YoungPerson, Role::CareLeaver, Role::FosterCarer, Role::KinshipCarer, Role::Professional, Role::Other];

    pub fn code(self) -> &'static str {
        match self {
            Role::YoungPerson => "young_person",
            Role::CareLeaver => "care_leaver",
            Role::FosterCarer => "foster_carer",
            Role::KinshipCarer => "kinship_carer",
            Role::Professional => "professional",
            Role::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        Role::ALL.into_iter().find(|r| r.code() == s).ok_or_else(|| FieldError::new("role", ErrorCode::UnknownValue))
    }
}

/// What an entry is: a view in the person's own words, a rating of a service against the promises, or the
/// answers to one version of a survey. Its code is what the wire, the outbox and the database carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    View,
    Rating,
    Survey,
}

impl EntryKind {
    pub const ALL: [EntryKind; 3] = [EntryKind::View, EntryKind::Rating, EntryKind::Survey];

    pub fn code(self) -> &'static str {
        match self {
            EntryKind::View => "view",
            EntryKind::Rating => "rating",
            EntryKind::Survey => "survey",
        }
    }

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        Self::from_code(s).ok_or_else(|| FieldError::new("kind", ErrorCode::UnknownValue))
    }

    /// The kind a stored code names, if any; the phone uses this to stay small (no error to build).
    pub fn from_code(s: &str) -> Option<Self> {
        EntryKind::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// Broad age bands: enough to see whose voice is missing, too coarse to identify anyone. 4–7 and 8–10 are
/// Bright Spots' bands for the youngest (answered with a trusted adult); 11–15 and 16–18 together make
/// Bright Spots' 11–18, so figures can be compared with theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgeBand {
    #[serde(rename = "4_7")]
    From4To7,
    #[serde(rename = "8_10")]
    From8To10,
    #[serde(rename = "11_15")]
    From11To15,
    #[serde(rename = "16_18")]
    From16To18,
    #[serde(rename = "19_25")]
    From19To25,
    #[serde(rename = "26_plus")]
    From26,
}

impl AgeBand {
    pub const ALL: [AgeBand; 6] = [
        AgeBand::From4To7,
        AgeBand::From8To10,
        AgeBand::From11To15,
        AgeBand::From16To18,
        AgeBand::From19To25,
        AgeBand::From26,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AgeBand::From4To7 => "4_7",
            AgeBand::From8To10 => "8_10",
            AgeBand::From11To15 => "11_15",
            AgeBand::From16To18 => "16_18",
            AgeBand::From19To25 => "19_25",
            AgeBand::From26 => "26_plus",
        }
    }

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        AgeBand::ALL
            .into_iter()
            .find(|a| a.code() == s)
            .ok_or_else(|| FieldError::new("age_band", ErrorCode::UnknownValue))
    }
}

/// The short code of an event (printed on the poster and in its QR code): 3 to 16 letters, digits or
/// hyphens, stored upper-case so `coffee-nov` and `COFFEE-NOV` are the same event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct EventCode(String);

impl EventCode {
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(FieldError::new("event", ErrorCode::Empty));
        }
        if s.chars().count() > 16 {
            return Err(FieldError::new("event", ErrorCode::TooLong));
        }
        if s.len() < 3 || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(FieldError::new("event", ErrorCode::Invalid));
        }
        Ok(EventCode(s.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A code that names a catalogue item (a promise or a service): lower-case letters, digits and `_`.
/// Codes are stable forever: the words behind them may change, the code does not.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ItemCode(String);

impl ItemCode {
    pub const MAX_LEN: usize = 40;

    pub fn parse(s: &str, field: &str) -> Result<Self, FieldError> {
        if s.is_empty() {
            return Err(FieldError::new(field, ErrorCode::Empty));
        }
        if s.len() > Self::MAX_LEN {
            return Err(FieldError::new(field, ErrorCode::TooLong));
        }
        let valid = s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(FieldError::new(field, ErrorCode::Invalid));
        }
        Ok(ItemCode(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for ItemCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ItemCode::parse(&s, "code").map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for EventCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        EventCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// What someone wrote in "Say something": trimmed, not empty, at most [`ViewText::MAX_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ViewText(String);

impl ViewText {
    /// About a page of writing: plenty for a view, and bounded so one entry cannot fill a phone's storage.
    pub const MAX_CHARS: usize = 2000;

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        Self::parse_within(s, Self::MAX_CHARS, "text")
    }

    /// The same rules with a tighter limit (a survey's free-text question sets its own, never above
    /// [`ViewText::MAX_CHARS`]), the error named `field`.
    pub fn parse_within(s: &str, max_chars: usize, field: &str) -> Result<Self, FieldError> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(FieldError::new(field, ErrorCode::Empty));
        }
        if trimmed.chars().count() > max_chars.min(Self::MAX_CHARS) {
            return Err(FieldError::new(field, ErrorCode::TooLong));
        }
        if trimmed.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
            return Err(FieldError::new(field, ErrorCode::Invalid));
        }
        Ok(ViewText(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One line of contact details, given only by someone who chose "contact me": trimmed, not empty, short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ContactLine(String);

impl ContactLine {
    /// A name, or a phone number, e-mail address or "through my social worker": never an essay.
    pub const MAX_CHARS: usize = 120;

    pub fn parse(s: &str, field: &str) -> Result<Self, FieldError> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(FieldError::new(field, ErrorCode::Empty));
        }
        if trimmed.chars().count() > Self::MAX_CHARS {
            return Err(FieldError::new(field, ErrorCode::TooLong));
        }
        if trimmed.chars().any(char::is_control) {
            return Err(FieldError::new(field, ErrorCode::Invalid));
        }
        Ok(ContactLine(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A point on the five-point face scale, 1 (really bad) to 5 (really good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Score(u8);

impl Score {
    pub const ALL: [u8; 5] = [1, 2, 3, 4, 5];

    pub fn parse(n: i64) -> Result<Self, FieldError> {
        if (1..=5).contains(&n) {
            Ok(Score(n as u8))
        } else {
            Err(FieldError::new("answer", ErrorCode::OutOfRange))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// The answer to one promise: a score, or an honest "don't know". A skipped promise has no answer at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Score(Score),
    DontKnow,
}

impl Answer {
    pub const DONT_KNOW: &'static str = "dont_know";
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_790_000_000_000;

    #[test]
    fn timestamps_before_2024_or_far_in_the_future_are_refused() {
        assert!(Timestamp::parse(Timestamp::EARLIEST, NOW).is_ok());
        assert!(Timestamp::parse(NOW + Timestamp::MAX_CLOCK_AHEAD_MS, NOW).is_ok());
        assert_eq!(Timestamp::parse(0, NOW).unwrap_err().code, ErrorCode::OutOfRange);
        assert!(Timestamp::parse(NOW + Timestamp::MAX_CLOCK_AHEAD_MS + 1, NOW).is_err());
    }

    #[test]
    fn roles_age_bands_and_kinds_round_trip_through_their_codes() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Ok(r));
            assert_eq!(serde_json::to_value(r).unwrap(), r.code());
        }
        for a in AgeBand::ALL {
            assert_eq!(AgeBand::parse(a.code()), Ok(a));
            assert_eq!(serde_json::to_value(a).unwrap(), a.code());
        }
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::parse(k.code()), Ok(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.code());
        }
        assert_eq!(EntryKind::parse("poll").unwrap_err().field, "kind");
        assert!(Role::parse("teacher").is_err());
        assert!(AgeBand::parse("7").is_err());
    }

    #[test]
    fn codes_sent_before_kinship_carers_professionals_and_4_to_7_were_added_still_parse() {
        // Entries can wait on a device for weeks: every code an older app sent must keep its meaning.
        let roles = ["young_person", "care_leaver", "foster_carer", "other"].map(|c| Role::parse(c).unwrap());
        assert_eq!(roles, [Role::YoungPerson, Role::CareLeaver, Role::FosterCarer, Role::Other]);
        let ages = ["8_10", "11_15", "16_18", "19_25", "26_plus"].map(|c| AgeBand::parse(c).unwrap().code());
        assert_eq!(ages, ["8_10", "11_15", "16_18", "19_25", "26_plus"]);
        assert_eq!(Role::parse("kinship_carer"), Ok(Role::KinshipCarer));
        assert_eq!(Role::parse("professional"), Ok(Role::Professional));
        assert_eq!(AgeBand::parse("4_7"), Ok(AgeBand::From4To7));
        assert_eq!(AgeBand::ALL[0], AgeBand::From4To7, "youngest first, as \"about you\" lists them");
    }

    #[test]
    fn event_codes_are_normalised_and_bounded() {
        assert_eq!(EventCode::parse(" coffee-nov ").unwrap().as_str(), "COFFEE-NOV");
        assert_eq!(EventCode::parse("").unwrap_err().code, ErrorCode::Empty);
        assert_eq!(EventCode::parse("AB").unwrap_err().code, ErrorCode::Invalid);
        assert_eq!(EventCode::parse("has space").unwrap_err().code, ErrorCode::Invalid);
        assert_eq!(EventCode::parse("ABCDEFGHIJKLMNOPQ").unwrap_err().code, ErrorCode::TooLong);
    }

    #[test]
    fn item_codes_are_lower_snake_case() {
        assert!(ItemCode::parse("social_worker", "service").is_ok());
        assert!(ItemCode::parse("good_health2", "promise").is_ok());
        for bad in ["Social", "2fast", "a-b", "ŵ", ""] {
            assert!(ItemCode::parse(bad, "service").is_err(), "{bad}");
        }
        assert_eq!(ItemCode::parse(&"a".repeat(41), "service").unwrap_err().code, ErrorCode::TooLong);
    }

    #[test]
    fn view_text_is_trimmed_and_bounded_in_characters_not_bytes() {
        assert_eq!(ViewText::parse("  Mae angen mwy o gefnogaeth  ").unwrap().as_str(), "Mae angen mwy o gefnogaeth");
        assert_eq!(ViewText::parse(" \n ").unwrap_err().code, ErrorCode::Empty);
        // ŵ is two bytes: the limit counts what a person typed.
        assert!(ViewText::parse(&"ŵ".repeat(ViewText::MAX_CHARS)).is_ok());
        assert_eq!(ViewText::parse(&"a".repeat(ViewText::MAX_CHARS + 1)).unwrap_err().code, ErrorCode::TooLong);
        assert_eq!(ViewText::parse("bad\u{0}byte").unwrap_err().code, ErrorCode::Invalid);
    }

    #[test]
    fn contact_lines_are_short_single_lines() {
        assert_eq!(ContactLine::parse("  Sam ", "contact.name").unwrap().as_str(), "Sam");
        assert_eq!(ContactLine::parse("", "contact.name").unwrap_err().field, "contact.name");
        assert_eq!(ContactLine::parse("a\nb", "contact.how").unwrap_err().code, ErrorCode::Invalid);
        assert_eq!(ContactLine::parse(&"a".repeat(121), "contact.how").unwrap_err().code, ErrorCode::TooLong);
    }

    #[test]
    fn scores_are_one_to_five() {
        for n in 1..=5 {
            assert_eq!(Score::parse(n).unwrap().value() as i64, n);
        }
        assert!(Score::parse(0).is_err());
        assert!(Score::parse(6).is_err());
    }
}
