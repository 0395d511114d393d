//! Events: an occasion the officer runs (a Coffee and Catch up session, a youth forum) with a join code to
//! read aloud, print on a poster and put in a QR code. A device that joins downloads a [`DeviceEvent`]: the
//! surveys to offer, the role to preset, whether the tablet is passed round, and the exit PIN as a salted
//! hash so it can be checked offline.
//!
//! One definition of every type that crosses the wire, for the server, the console and the phone.

use serde::{Deserialize, Serialize};

use crate::catalogue::Bilingual;
use crate::entry::{EventCode, Role};
use crate::error::{ErrorCode, FieldError};
use crate::form::api::PublishedFormWire;
use crate::form::hash::sha256;
use crate::form::Form;

/// `GET {EVENTS_PATH}/{code}`: the device's view of one event.
pub const EVENTS_PATH: &str = "/api/v1/events";
/// Longest event name, per language.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest place.
pub const MAX_PLACE_CHARS: usize = 160;
/// Most surveys one event offers.
pub const MAX_SURVEYS: usize = 10;

/// The characters of a join code: upper-case letters and digits without the pairs people confuse when
/// reading a poster or hearing a code said aloud (0/O, 1/I/L, 5/S, 2/Z, 8/B). 25 characters, so six of
/// them make 244 million codes.
pub const ALPHABET: &[u8; 25] = b"ACDEFGHJKMNPQRTUVWXY34679";
/// Characters in a join code.
pub const JOIN_CODE_LEN: usize = 6;

/// The code a person types or scans to join an event: six characters from [`ALPHABET`]. Typed codes are
/// read case-insensitively, with spaces and hyphens ignored (`k7m-q4x` is `K7MQ4X`). Every join code is a
/// valid [`EventCode`], so entries made at the event carry it as they always carried codes; older free-form
/// event codes already on devices stay valid `EventCode`s without being join codes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct JoinCode(String);

impl JoinCode {
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let code: String =
            s.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        if code.is_empty() {
            return Err(FieldError::new("code", ErrorCode::Empty));
        }
        if code.len() != JOIN_CODE_LEN || !code.bytes().all(|b| ALPHABET.contains(&b)) {
            return Err(FieldError::new("code", ErrorCode::Invalid));
        }
        Ok(JoinCode(code))
    }

    /// A code drawn from random bytes, one character per byte below 250 (so every character is equally
    /// likely); `None` when fewer than six bytes were usable (ask for more, 16 is plenty).
    pub fn from_random(bytes: &[u8]) -> Option<Self> {
        let code: String = bytes
            .iter()
            .filter(|b| **b < 250)
            .take(JOIN_CODE_LEN)
            .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
            .collect();
        (code.len() == JOIN_CODE_LEN).then_some(JoinCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// In two groups of three for reading aloud and printing: `K7M Q4X`.
    pub fn grouped(&self) -> String {
        format!("{} {}", &self.0[..3], &self.0[3..])
    }

    /// The code entries made at the event carry.
    pub fn event_code(&self) -> EventCode {
        EventCode::parse(&self.0).expect("a join code is a valid event code")
    }
}

impl<'de> Deserialize<'de> for JoinCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        JoinCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A calendar day, `YYYY-MM-DD`. Compares as days do (the text sorts in date order).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct EventDate(String);

impl EventDate {
    pub fn parse(s: &str, field: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(FieldError::new(field, ErrorCode::Empty));
        }
        let invalid = || FieldError::new(field, ErrorCode::Invalid);
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(invalid());
        }
        let number = |part: &str| part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse::<u32>().ok()).flatten();
        let (Some(year), Some(month), Some(day)) = (number(&s[..4]), number(&s[5..7]), number(&s[8..])) else {
            return Err(invalid());
        };
        if !(2000..=2999).contains(&year) || !(1..=12).contains(&month) || day < 1 || day > days_in(year, month) {
            return Err(invalid());
        }
        Ok(EventDate(s.to_owned()))
    }

    /// The UTC day holding `millis` since the Unix epoch.
    pub fn from_millis(millis: i64) -> Self {
        // Howard Hinnant's days-to-civil algorithm.
        let z = millis.div_euclid(86_400_000) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        EventDate(format!("{year:04}-{month:02}-{day:02}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for EventDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        EventDate::parse(&s, "date").map_err(serde::de::Error::custom)
    }
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The PIN that leaves pass-the-tablet mode: 4 to 8 digits, set by the officer.
#[derive(Clone, PartialEq, Eq)]
pub struct ExitPin(String);

impl std::fmt::Debug for ExitPin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ExitPin(…)")
    }
}

impl ExitPin {
    pub const MIN_DIGITS: usize = 4;
    pub const MAX_DIGITS: usize = 8;

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(FieldError::new("exit_pin", ErrorCode::Empty));
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FieldError::new("exit_pin", ErrorCode::Invalid));
        }
        if !(Self::MIN_DIGITS..=Self::MAX_DIGITS).contains(&s.len()) {
            return Err(FieldError::new("exit_pin", ErrorCode::OutOfRange));
        }
        Ok(ExitPin(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Rounds of HMAC-SHA-256 in [`PinHash`]: enough to slow a guess down, few enough that a cheap tablet
/// checks a PIN in well under a second in WebAssembly.
pub const PIN_ROUNDS: u32 = 20_000;

/// The exit PIN as stored and sent: PBKDF2-HMAC-SHA-256 (RFC 8018) of the PIN with a random salt, hex.
///
/// The device checks the PIN offline, so it holds the salt and hash, and anyone can download an event by
/// its code. A PIN of 4 to 8 digits has at most 10^8 values: someone with the hash and a laptop can find
/// it in minutes whatever the rounds. So the PIN is a convenience lock that stops the next young person
/// leaving pass-the-tablet mode by accident or curiosity, not a secret: it guards nothing but the mode,
/// and officers are told not to reuse a PIN that guards anything else. The salt and rounds stop one
/// precomputed table serving every event, and the server never stores or sends the PIN itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinHash {
    /// 16 random bytes, hex.
    pub salt: String,
    /// 32 bytes, hex.
    pub hash: String,
    pub rounds: u32,
}

impl PinHash {
    /// Hashes `pin` with `salt` (random bytes from the caller: 16 are right).
    pub fn new(pin: &ExitPin, salt: &[u8]) -> Self {
        PinHash { salt: hex(salt), hash: hex(&pbkdf2(pin.as_str().as_bytes(), salt, PIN_ROUNDS)), rounds: PIN_ROUNDS }
    }

    /// Whether `typed` is the PIN (spaces around it ignored). Compares every byte, whatever differs.
    pub fn check(&self, typed: &str) -> bool {
        let (Some(salt), Some(want)) = (unhex(&self.salt), unhex(&self.hash)) else {
            return false;
        };
        if self.rounds == 0 || self.rounds > 10 * PIN_ROUNDS {
            return false;
        }
        let got = pbkdf2(typed.trim().as_bytes(), &salt, self.rounds);
        want.len() == got.len() && want.iter().zip(got.iter()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    }
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&sha256(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut inner = Vec::with_capacity(64 + message.len());
    inner.extend(block.iter().map(|b| b ^ 0x36));
    inner.extend_from_slice(message);
    let mut outer = Vec::with_capacity(96);
    outer.extend(block.iter().map(|b| b ^ 0x5c));
    outer.extend_from_slice(&sha256(&inner));
    sha256(&outer)
}

/// PBKDF2 with HMAC-SHA-256, one 32-byte block.
fn pbkdf2(password: &[u8], salt: &[u8], rounds: u32) -> [u8; 32] {
    let mut first = salt.to_vec();
    first.extend_from_slice(&1u32.to_be_bytes());
    let mut u = hmac_sha256(password, &first);
    let mut out = u;
    for _ in 1..rounds {
        u = hmac_sha256(password, &u);
        for (o, x) in out.iter_mut().zip(u.iter()) {
            *o ^= x;
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || s.is_empty() {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| s.get(i..i + 2).and_then(|p| u8::from_str_radix(p, 16).ok())).collect()
}

/// What the officer sends to make or change an event (`POST /officer/events`, `PUT /officer/events/{code}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDraft {
    pub name: Bilingual,
    pub date: String,
    pub place: String,
    /// Form codes of published surveys, in the order the device offers them.
    #[serde(default)]
    pub surveys: Vec<String>,
    /// The role a device preset for everyone at the event (foster carers at a Coffee and Catch up).
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub pass_the_tablet: bool,
    /// 4 to 8 digits. Needed when pass-the-tablet is on and no PIN was set before; absent on an edit keeps
    /// the PIN set before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_pin: Option<String>,
    /// The day people are told they will hear back by: past it with no "you said, we did" response
    /// published for the event, the event is overdue.
    pub hear_back_by: String,
}

/// An [`EventDraft`] that passed [`EventDraft::check`]: trimmed, dates and PIN parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedEvent {
    pub name: Bilingual,
    pub date: EventDate,
    pub place: String,
    pub surveys: Vec<String>,
    pub role: Option<Role>,
    pub pass_the_tablet: bool,
    pub exit_pin: Option<ExitPin>,
    pub hear_back_by: EventDate,
}

impl EventDraft {
    /// Every problem at once, by path: both languages of the name, the place, real dates with the
    /// hear-back day not before the event, each survey a published form (`published` says which are)
    /// named once, and the PIN's digits; `has_pin` says a PIN is already set, so pass-the-tablet may be on
    /// without sending one again.
    pub fn check(&self, published: impl Fn(&str) -> bool, has_pin: bool) -> Result<CheckedEvent, Vec<FieldError>> {
        let mut errors = Vec::new();
        for (lang, words) in [("en", &self.name.en), ("cy", &self.name.cy)] {
            text(&mut errors, &format!("name.{lang}"), words, MAX_NAME_CHARS);
        }
        text(&mut errors, "place", &self.place, MAX_PLACE_CHARS);
        let date = EventDate::parse(&self.date, "date").map_err(|e| errors.push(e)).ok();
        let hear_back_by = EventDate::parse(&self.hear_back_by, "hear_back_by").map_err(|e| errors.push(e)).ok();
        if let (Some(date), Some(by)) = (&date, &hear_back_by) {
            if by < date {
                errors.push(FieldError::new("hear_back_by", ErrorCode::OutOfRange));
            }
        }
        if self.surveys.len() > MAX_SURVEYS {
            errors.push(FieldError::new("surveys", ErrorCode::TooMany));
        } else {
            for (i, code) in self.surveys.iter().enumerate() {
                if !published(code) {
                    errors.push(FieldError::new(format!("surveys[{i}]"), ErrorCode::UnknownCode));
                } else if self.surveys[..i].contains(code) {
                    errors.push(FieldError::new(format!("surveys[{i}]"), ErrorCode::Duplicate));
                }
            }
        }
        let exit_pin = match &self.exit_pin {
            Some(pin) => ExitPin::parse(pin).map_err(|e| errors.push(e)).ok(),
            None => {
                if self.pass_the_tablet && !has_pin {
                    errors.push(FieldError::new("exit_pin", ErrorCode::Missing));
                }
                None
            }
        };
        match (date, hear_back_by) {
            (Some(date), Some(hear_back_by)) if errors.is_empty() => Ok(CheckedEvent {
                name: Bilingual::new(self.name.en.trim(), self.name.cy.trim()),
                date,
                place: self.place.trim().to_owned(),
                surveys: self.surveys.clone(),
                role: self.role,
                pass_the_tablet: self.pass_the_tablet,
                exit_pin,
                hear_back_by,
            }),
            _ => Err(errors),
        }
    }
}

fn text(errors: &mut Vec<FieldError>, field: &str, words: &str, max: usize) {
    let n = words.trim().chars().count();
    if n == 0 {
        errors.push(FieldError::new(field, ErrorCode::Empty));
    } else if n > max {
        errors.push(FieldError::new(field, ErrorCode::TooLong));
    }
}

/// An event as the officer's console shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub code: JoinCode,
    pub name: Bilingual,
    pub date: EventDate,
    pub place: String,
    pub surveys: Vec<String>,
    pub role: Option<Role>,
    pub pass_the_tablet: bool,
    /// Whether an exit PIN is set (the PIN itself is never sent back).
    pub has_pin: bool,
    pub hear_back_by: EventDate,
    /// A closed event is no longer joined; entries made at it are still accepted.
    pub closed: bool,
    /// The hear-back day has passed and no "you said, we did" response naming the event is published.
    pub overdue: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Event {
    /// The form the console's editor starts from (no PIN: it is never sent back).
    pub fn draft(&self) -> EventDraft {
        EventDraft {
            name: self.name.clone(),
            date: self.date.as_str().to_owned(),
            place: self.place.clone(),
            surveys: self.surveys.clone(),
            role: self.role,
            pass_the_tablet: self.pass_the_tablet,
            exit_pin: None,
            hear_back_by: self.hear_back_by.as_str().to_owned(),
        }
    }
}

/// `GET /officer/events`: upcoming events first (soonest first), then past ones (latest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventList {
    /// The server's today (UTC), which "upcoming" and "overdue" were judged by.
    pub today: EventDate,
    pub events: Vec<Event>,
}

/// `GET {EVENTS_PATH}/{code}`: what a device downloads when it joins. `F` is the form as the server sends
/// it (the stored text); a device reads [`Form`] and checks each with [`PublishedFormWire::restore`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceEvent<F = Form> {
    pub code: JoinCode,
    pub name: Bilingual,
    pub date: EventDate,
    pub place: String,
    pub hear_back_by: EventDate,
    /// The newest published version of each survey the event offers, in the officer's order.
    pub surveys: Vec<PublishedFormWire<F>>,
    pub role: Option<Role>,
    pub pass_the_tablet: bool,
    /// Present when an exit PIN is set.
    pub pin: Option<PinHash>,
}

/// Where a [`DeviceEvent`]'s surveys are when serialised: a list shaped like [`crate::form::api::DeviceForms`]'s
/// (the phone's home screen reads their headlines from the event it joined).
pub const SURVEYS_FIELD: &str = "surveys";

/// Where a poster's QR code and printed address send a phone: the event screen of the app's surveys page,
/// which joins at once. One definition for the server's QR code and the console's poster.
pub fn join_path(code: &JoinCode) -> String {
    format!("/event?code={}", code.as_str())
}

/// How long a device waits before the next exit PIN may be tried after `tries` wrong ones in a row: three
/// come free, then 5 s, doubling each time, at most 10 minutes. The PIN guards a mode, not data, so the wait
/// only has to make guessing at a session tedious, never lock the person running it out for long.
pub fn pin_wait_seconds(tries: u32) -> u32 {
    match tries {
        0..=2 => 0,
        n => (5u32 << (n - 3).min(7)).min(600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_events_surveys_are_listed_like_the_published_forms() {
        let form = crate::form::starting_points::all().into_iter().next().expect("a starting point");
        let published = PublishedFormWire { version: 1, content_hash: "h".into(), form };
        let event = DeviceEvent {
            code: JoinCode::parse("K7MQ4X").unwrap(),
            name: Bilingual::new("Coffee and Catch up", "Coffi a Sgwrs"),
            date: EventDate::parse("2026-12-10", "date").unwrap(),
            place: "Barry".into(),
            hear_back_by: EventDate::parse("2027-01-31", "hear_back_by").unwrap(),
            surveys: vec![published.clone()],
            role: None,
            pass_the_tablet: false,
            pin: None,
        };
        let forms = crate::form::api::DeviceForms { forms: vec![published] };
        let event = serde_json::to_value(&event).unwrap();
        let forms = serde_json::to_value(&forms).unwrap();
        assert_eq!(event[SURVEYS_FIELD], forms[crate::form::api::FORMS_FIELD]);
    }

    #[test]
    fn the_pin_wait_grows_after_three_tries_and_stops_growing() {
        let waits: Vec<u32> = (1..=12).map(pin_wait_seconds).collect();
        assert_eq!(waits, [0, 0, 5, 10, 20, 40, 80, 160, 320, 600, 600, 600]);
    }

    #[test]
    fn join_codes_have_no_look_alikes_and_read_as_typed() {
        for c in b"0O1IL5S2Z8B" {
            assert!(!ALPHABET.contains(c), "{}", *c as char);
        }
        let mut seen = ALPHABET.to_vec();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), ALPHABET.len());
        assert_eq!(JoinCode::parse(" k7m-q4x ").unwrap().as_str(), "K7MQ4X");
        assert_eq!(JoinCode::parse("K7M Q4X").unwrap().grouped(), "K7M Q4X");
        assert_eq!(JoinCode::parse("").unwrap_err().code, ErrorCode::Empty);
        assert_eq!(JoinCode::parse("K7MQ4").unwrap_err().code, ErrorCode::Invalid);
        assert_eq!(JoinCode::parse("K7MQ40").unwrap_err().code, ErrorCode::Invalid, "0 is not in the alphabet");
        assert_eq!(JoinCode::parse("COFFEE-NOV").unwrap_err().field, "code");
    }

    #[test]
    fn a_join_code_is_an_event_code_and_old_codes_stay_valid() {
        let code = JoinCode::parse("k7mq4x").unwrap();
        assert_eq!(code.event_code().as_str(), "K7MQ4X");
        assert_eq!(EventCode::parse("K7MQ4X").unwrap(), code.event_code());
        assert_eq!(EventCode::parse("coffee-nov").unwrap().as_str(), "COFFEE-NOV");
    }

    #[test]
    fn codes_are_drawn_evenly_from_random_bytes() {
        assert_eq!(JoinCode::from_random(&[0, 1, 2, 3, 4, 24]).unwrap().as_str(), "ACDEF9");
        assert_eq!(JoinCode::from_random(&[25, 250, 255, 26, 27, 28, 29, 30]).unwrap().as_str(), "ACDEFG");
        assert!(JoinCode::from_random(&[0, 1, 2, 250, 251]).is_none());
        for seed in 0..200u8 {
            let bytes: Vec<u8> = (0..16).map(|i| seed.wrapping_mul(31).wrapping_add(i * 17)).collect();
            if let Some(code) = JoinCode::from_random(&bytes) {
                assert_eq!(JoinCode::parse(code.as_str()).unwrap(), code);
                assert!(EventCode::parse(code.as_str()).is_ok());
            }
        }
    }

    #[test]
    fn dates_are_real_days() {
        assert_eq!(EventDate::parse("2028-02-29", "date").unwrap().as_str(), "2028-02-29");
        for bad in ["2027-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "2026-00-10", "+026-01-01"] {
            assert_eq!(EventDate::parse(bad, "hear_back_by").unwrap_err().field, "hear_back_by", "{bad}");
        }
        assert_eq!(EventDate::from_millis(0).as_str(), "1970-01-01");
        assert_eq!(EventDate::from_millis(1_760_000_000_000).as_str(), "2025-10-09");
        assert_eq!(EventDate::from_millis(951_782_400_000).as_str(), "2000-02-29");
        assert!(EventDate::parse("2026-03-01", "d").unwrap() > EventDate::parse("2026-02-28", "d").unwrap());
    }

    #[test]
    fn pins_are_four_to_eight_digits() {
        assert_eq!(ExitPin::parse(" 4821 ").unwrap().as_str(), "4821");
        assert_eq!(ExitPin::parse("48a1").unwrap_err().code, ErrorCode::Invalid);
        assert_eq!(ExitPin::parse("482").unwrap_err().code, ErrorCode::OutOfRange);
        assert_eq!(ExitPin::parse("123456789").unwrap_err().code, ErrorCode::OutOfRange);
        assert_eq!(format!("{:?}", ExitPin::parse("4821").unwrap()), "ExitPin(…)");
    }

    #[test]
    fn hmac_and_pbkdf2_match_the_published_vectors() {
        // RFC 4231 test case 2.
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // PBKDF2-HMAC-SHA256 vectors (RFC 7914 section 11 and the widely used set for 1 and 4096 rounds).
        assert_eq!(
            hex(&pbkdf2(b"password", b"salt", 1)),
            "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        );
        assert_eq!(
            hex(&pbkdf2(b"password", b"salt", 4096)),
            "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
        );
    }

    #[test]
    fn a_pin_hash_checks_the_pin_and_nothing_else() {
        let pin = ExitPin::parse("4821").unwrap();
        let hashed = PinHash::new(&pin, &[7; 16]);
        assert_eq!(hashed.salt.len(), 32);
        assert_eq!(hashed.hash.len(), 64);
        assert!(!hashed.hash.contains("4821") && !hashed.salt.contains("4821"));
        assert!(hashed.check("4821"));
        assert!(hashed.check(" 4821"));
        assert!(!hashed.check("4822"));
        assert!(!hashed.check(""));
        assert_ne!(PinHash::new(&pin, &[8; 16]).hash, hashed.hash, "the salt changes the hash");
        assert!(!PinHash { salt: "zz".into(), ..hashed.clone() }.check("4821"));
        assert!(!PinHash { rounds: 0, ..hashed }.check("4821"));
    }

    fn draft() -> EventDraft {
        EventDraft {
            name: Bilingual::new(" Coffee and Catch up ", "Coffi a Sgwrs"),
            date: "2026-03-14".into(),
            place: "Neuadd y Dref, Llandudno".into(),
            surveys: vec!["coffee_nov".into()],
            role: Some(Role::FosterCarer),
            pass_the_tablet: true,
            exit_pin: Some("4821".into()),
            hear_back_by: "2026-04-30".into(),
        }
    }

    #[test]
    fn a_good_draft_is_trimmed_and_parsed() {
        let checked = draft().check(|c| c == "coffee_nov", false).unwrap();
        assert_eq!(checked.name.en, "Coffee and Catch up");
        assert_eq!(checked.exit_pin.unwrap().as_str(), "4821");
        assert_eq!(checked.hear_back_by.as_str(), "2026-04-30");
    }

    #[test]
    fn every_problem_is_named_by_path() {
        let bad = EventDraft {
            name: Bilingual::new("Coffee", " "),
            date: "2026-03-14".into(),
            place: "".into(),
            surveys: vec!["coffee_nov".into(), "never_published".into(), "coffee_nov".into()],
            role: None,
            pass_the_tablet: true,
            exit_pin: Some("48x1".into()),
            hear_back_by: "2026-03-01".into(),
        };
        let errors = bad.check(|c| c == "coffee_nov", false).unwrap_err();
        let fields: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            [
                ("name.cy", ErrorCode::Empty),
                ("place", ErrorCode::Empty),
                ("hear_back_by", ErrorCode::OutOfRange),
                ("surveys[1]", ErrorCode::UnknownCode),
                ("surveys[2]", ErrorCode::Duplicate),
                ("exit_pin", ErrorCode::Invalid),
            ]
        );
    }

    #[test]
    fn pass_the_tablet_needs_a_pin_unless_one_is_set() {
        let no_pin = EventDraft { exit_pin: None, ..draft() };
        let errors = no_pin.check(|_| true, false).unwrap_err();
        assert_eq!((errors[0].field.as_str(), errors[0].code), ("exit_pin", ErrorCode::Missing));
        assert!(no_pin.check(|_| true, true).unwrap().exit_pin.is_none(), "the PIN set before is kept");
        assert!(EventDraft { pass_the_tablet: false, ..no_pin }.check(|_| true, false).is_ok());
    }

    #[test]
    fn unknown_fields_are_refused_and_the_pin_never_serialised_back() {
        let json = serde_json::to_value(draft()).unwrap();
        let mut extra = json.clone();
        extra["colour"] = "red".into();
        assert!(serde_json::from_value::<EventDraft>(extra).is_err());
        assert_eq!(serde_json::from_value::<EventDraft>(json).unwrap(), draft());
        let event = Event {
            code: JoinCode::parse("K7MQ4X").unwrap(),
            name: Bilingual::new("a", "b"),
            date: EventDate::parse("2026-03-14", "date").unwrap(),
            place: "x".into(),
            surveys: vec![],
            role: None,
            pass_the_tablet: true,
            has_pin: true,
            hear_back_by: EventDate::parse("2026-03-14", "date").unwrap(),
            closed: false,
            overdue: false,
            created_at: 0,
            updated_at: 0,
        };
        assert!(!serde_json::to_string(&event.draft()).unwrap().contains("exit_pin"));
    }
}
