//! An entry: one submission from one device. It is made on the phone, kept in the outbox, pushed to the
//! server and stored there exactly once.
//!
//! [`EntryWire`] is the JSON shape on the wire and in IndexedDB; [`Entry`] is what it means once parsed.

mod fields;
mod id;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use fields::{AgeBand, Answer, ContactLine, EntryKind, EventCode, ItemCode, Role, Score, Timestamp, ViewText};
pub use id::EntryId;

use crate::error::{ErrorCode, FieldError};
use crate::form::SurveyWire;
use crate::language::Language;

/// How many promises a view may be tagged with, and how many a rating may answer: more than the catalogue
/// will sensibly hold, few enough to bound a request.
pub const MAX_PROMISES: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: EntryId,
    pub created_at: Timestamp,
    pub language: Language,
    pub event: Option<EventCode>,
    pub role: Option<Role>,
    pub age_band: Option<AgeBand>,
    /// Present only when the person chose "contact me". Entries are anonymous by default.
    pub contact: Option<Contact>,
    pub body: EntryBody,
}

/// Who to contact and how, in the person's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: ContactLine,
    pub how: ContactLine,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryBody {
    View(View),
    Rating(Rating),
    Survey(SurveyEntry),
}

impl EntryBody {
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryBody::View(_) => EntryKind::View,
            EntryBody::Rating(_) => EntryKind::Rating,
            EntryBody::Survey(_) => EntryKind::Survey,
        }
    }
}

/// Answers to one published version of a survey, their shape checked. Whether they fit that version is
/// checked where the version is known: the server finds it by `(form, version)` and runs
/// [`crate::SurveyResponse::parse`], so an entry stays parseable without the form at hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyEntry {
    pub form: ItemCode,
    pub version: u32,
    answers: Arc<SurveyWire>,
}

impl SurveyEntry {
    /// The answers as sent, for checking against their version.
    pub fn answers(&self) -> &SurveyWire {
        &self.answers
    }
}

/// Free text, optionally tagged with the promises it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub text: ViewText,
    pub promises: Vec<ItemCode>,
}

/// How well one service keeps each promise the person chose to answer. Skipped promises are absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub service: ItemCode,
    pub answers: Vec<PromiseAnswer>,
}

impl Rating {
    /// The answers in their wire shape, as a rating or a survey's grid answer sends them.
    pub(crate) fn answers_wire(&self) -> Vec<AnswerWire> {
        self.answers
            .iter()
            .map(|a| AnswerWire {
                promise: a.promise.as_str().to_owned(),
                answer: match a.answer {
                    Answer::Score(s) => AnswerValueWire::Score(s.value() as i64),
                    Answer::DontKnow => AnswerValueWire::Word(Answer::DONT_KNOW.to_owned()),
                },
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseAnswer {
    pub promise: ItemCode,
    pub answer: Answer,
}

/// The JSON shape of an entry. Unknown fields are refused so a typo is an error, never silently lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryWire {
    pub id: String,
    pub created_at: i64,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_band: Option<String>,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promises: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<AnswerWire>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactWire>,
    /// A survey's answers: nested, because `answers` already means a rating's. Shared rather than copied
    /// when an entry is parsed and written back: deep-copying them cost the phone's download more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey: Option<Arc<SurveyWire>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactWire {
    pub name: String,
    pub how: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerWire {
    pub promise: String,
    pub answer: AnswerValueWire,
}

/// `1`..`5`, or `"dont_know"`. Read by hand rather than `#[serde(untagged)]`, whose buffering costs the
/// phone's download more than this whole type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValueWire {
    Score(i64),
    Word(String),
}

impl Serialize for AnswerValueWire {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AnswerValueWire::Score(n) => s.serialize_i64(*n),
            AnswerValueWire::Word(w) => s.serialize_str(w),
        }
    }
}

impl<'de> Deserialize<'de> for AnswerValueWire {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = AnswerValueWire;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number or \"dont_know\"")
            }
            fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
                Ok(AnswerValueWire::Score(n))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
                whole_from_u64(n).map(AnswerValueWire::Score)
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Self::Value, E> {
                whole_from_f64(n).map(AnswerValueWire::Score)
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(AnswerValueWire::Word(s.to_owned()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A JSON number read as a whole number: JSON has one number type, and `4.0` is a fine way to write 4.
pub(crate) fn whole_from_f64<E: serde::de::Error>(n: f64) -> Result<i64, E> {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Ok(n as i64)
    } else {
        Err(E::custom("expected a whole number"))
    }
}

pub(crate) fn whole_from_u64<E: serde::de::Error>(n: u64) -> Result<i64, E> {
    i64::try_from(n).map_err(|_| E::custom("number too large"))
}

impl Entry {
    /// Parses a wire entry, collecting every problem rather than stopping at the first, so one answer
    /// tells the sender everything to fix. `now_ms` is the receiver's clock, for the time sanity check.
    pub fn parse(wire: &EntryWire, now_ms: i64) -> Result<Entry, Vec<FieldError>> {
        let mut errors = Vec::new();
        let id = keep(EntryId::parse(&wire.id), &mut errors);
        let created_at = keep(Timestamp::parse(wire.created_at, now_ms), &mut errors);
        let language = keep(Language::parse(&wire.language), &mut errors);
        // Outer None: given but invalid; Some(None): not given, which is fine.
        let event = optional(&wire.event, EventCode::parse, &mut errors);
        let role = optional(&wire.role, Role::parse, &mut errors);
        let age_band = optional(&wire.age_band, AgeBand::parse, &mut errors);
        let contact = match &wire.contact {
            None => Some(None),
            Some(c) => {
                let name = keep(ContactLine::parse(&c.name, "contact.name"), &mut errors);
                let how = keep(ContactLine::parse(&c.how, "contact.how"), &mut errors);
                name.zip(how).map(|(name, how)| Some(Contact { name, how }))
            }
        };

        let body = match EntryKind::parse(&wire.kind) {
            Ok(EntryKind::View) => parse_view(wire).map(EntryBody::View),
            Ok(EntryKind::Rating) => parse_rating(wire).map(EntryBody::Rating),
            Ok(EntryKind::Survey) => parse_survey(wire).map(EntryBody::Survey),
            Err(e) => Err(vec![e]),
        };
        let body = body.map_err(|mut e| errors.append(&mut e)).ok();

        match (id, created_at, language, event, role, age_band, contact, body) {
            (
                Some(id),
                Some(created_at),
                Some(language),
                Some(event),
                Some(role),
                Some(age_band),
                Some(contact),
                Some(body),
            ) if errors.is_empty() => Ok(Entry { id, created_at, language, event, role, age_band, contact, body }),
            _ => Err(errors),
        }
    }

    pub fn to_wire(&self) -> EntryWire {
        let mut wire = EntryWire {
            id: self.id.as_str().to_owned(),
            created_at: self.created_at.millis(),
            language: self.language.code().to_owned(),
            event: self.event.as_ref().map(|e| e.as_str().to_owned()),
            role: self.role.map(|r| r.code().to_owned()),
            age_band: self.age_band.map(|a| a.code().to_owned()),
            kind: self.body.kind().code().to_owned(),
            text: None,
            promises: None,
            service: None,
            answers: None,
            survey: None,
            contact: self
                .contact
                .as_ref()
                .map(|c| ContactWire { name: c.name.as_str().to_owned(), how: c.how.as_str().to_owned() }),
        };
        match &self.body {
            EntryBody::View(v) => {
                wire.text = Some(v.text.as_str().to_owned());
                wire.promises = Some(v.promises.iter().map(|p| p.as_str().to_owned()).collect());
            }
            EntryBody::Rating(r) => {
                wire.service = Some(r.service.as_str().to_owned());
                wire.answers = Some(r.answers_wire());
            }
            EntryBody::Survey(s) => wire.survey = Some(s.answers.clone()),
        }
        wire
    }
}

fn keep<T>(result: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

fn optional<T>(
    value: &Option<String>,
    parse: impl Fn(&str) -> Result<T, FieldError>,
    errors: &mut Vec<FieldError>,
) -> Option<Option<T>> {
    match value {
        None => Some(None),
        Some(v) => keep(parse(v).map(Some), errors),
    }
}

fn not_for(field: &str, present: bool, errors: &mut Vec<FieldError>) {
    if present {
        errors.push(FieldError::new(field, ErrorCode::UnknownField));
    }
}

fn parse_view(wire: &EntryWire) -> Result<View, Vec<FieldError>> {
    let mut errors = Vec::new();
    not_for("service", wire.service.is_some(), &mut errors);
    not_for("answers", wire.answers.is_some(), &mut errors);
    not_for("survey", wire.survey.is_some(), &mut errors);
    let view = parse_view_parts(wire.text.as_deref(), wire.promises.as_deref(), ViewText::MAX_CHARS, &mut errors);
    match view {
        Some(view) if errors.is_empty() => Ok(view),
        _ => Err(errors),
    }
}

/// Text and optional promise tags: a view, or a survey's free-text answer (whose question sets `max_chars`).
/// Errors are named relative to the parts (`text`, `promises[1]`).
pub(crate) fn parse_view_parts(
    text: Option<&str>,
    promises: Option<&[String]>,
    max_chars: usize,
    errors: &mut Vec<FieldError>,
) -> Option<View> {
    let text = match text {
        None => Err(FieldError::new("text", ErrorCode::Missing)),
        Some(t) => ViewText::parse_within(t, max_chars, "text"),
    }
    .map_err(|e| errors.push(e))
    .ok();
    let promises = parse_promise_tags(promises.unwrap_or_default(), errors);
    text.map(|text| View { text, promises })
}

pub(crate) fn parse_promise_tags(tags: &[String], errors: &mut Vec<FieldError>) -> Vec<ItemCode> {
    if tags.len() > MAX_PROMISES {
        errors.push(FieldError::new("promises", ErrorCode::TooMany));
        return Vec::new();
    }
    let mut codes: Vec<ItemCode> = Vec::with_capacity(tags.len());
    for (i, tag) in tags.iter().enumerate() {
        let field = format!("promises[{i}]");
        match ItemCode::parse(tag, &field) {
            Ok(code) if codes.contains(&code) => errors.push(FieldError::new(field, ErrorCode::Duplicate)),
            Ok(code) => codes.push(code),
            Err(e) => errors.push(e),
        }
    }
    codes
}

fn parse_rating(wire: &EntryWire) -> Result<Rating, Vec<FieldError>> {
    let mut errors = Vec::new();
    not_for("text", wire.text.is_some(), &mut errors);
    not_for("promises", wire.promises.is_some(), &mut errors);
    not_for("survey", wire.survey.is_some(), &mut errors);
    let rating = parse_rating_parts(wire.service.as_deref(), wire.answers.as_deref(), &mut errors);
    match rating {
        Some(rating) if errors.is_empty() => Ok(rating),
        _ => Err(errors),
    }
}

/// A service and the promises answered for it: a rating, or a survey's service × promise grid answer.
/// Errors are named relative to the parts (`service`, `answers[2].answer`).
pub(crate) fn parse_rating_parts(
    service: Option<&str>,
    wires: Option<&[AnswerWire]>,
    errors: &mut Vec<FieldError>,
) -> Option<Rating> {
    let service = match service {
        None => Err(FieldError::new("service", ErrorCode::Missing)),
        Some(s) => ItemCode::parse(s, "service"),
    }
    .map_err(|e| errors.push(e))
    .ok();

    match wires {
        None => errors.push(FieldError::new("answers", ErrorCode::Missing)),
        // Skipping every promise is allowed on screen, but then there is nothing to send.
        Some([]) => errors.push(FieldError::new("answers", ErrorCode::Empty)),
        Some(w) if w.len() > MAX_PROMISES => errors.push(FieldError::new("answers", ErrorCode::TooMany)),
        Some(_) => {}
    }
    let wires = wires.unwrap_or_default();
    let mut answers: Vec<PromiseAnswer> = Vec::with_capacity(wires.len());
    for (i, a) in wires.iter().enumerate().take(MAX_PROMISES) {
        let at = format!("answers[{i}]");
        let promise = ItemCode::parse(&a.promise, "promise").map_err(|e| errors.push(e.under(&at))).ok();
        let answer = match &a.answer {
            AnswerValueWire::Score(n) => Score::parse(*n).map(Answer::Score),
            AnswerValueWire::Word(w) if w == Answer::DONT_KNOW => Ok(Answer::DontKnow),
            AnswerValueWire::Word(_) => Err(FieldError::new("answer", ErrorCode::UnknownValue)),
        }
        .map_err(|e| errors.push(e.under(&at)))
        .ok();
        if let (Some(promise), Some(answer)) = (promise, answer) {
            if answers.iter().any(|x| x.promise == promise) {
                errors.push(FieldError::new("promise", ErrorCode::Duplicate).under(&at));
            } else {
                answers.push(PromiseAnswer { promise, answer });
            }
        }
    }
    service.map(|service| Rating { service, answers })
}

/// The shape of a survey entry: the form's code, a version number, at most one answer per question a form
/// may have. Errors are named under `survey` (`survey.version`).
fn parse_survey(wire: &EntryWire) -> Result<SurveyEntry, Vec<FieldError>> {
    let mut errors = Vec::new();
    for (field, present) in [
        ("text", wire.text.is_some()),
        ("promises", wire.promises.is_some()),
        ("service", wire.service.is_some()),
        ("answers", wire.answers.is_some()),
    ] {
        not_for(field, present, &mut errors);
    }
    let Some(survey) = &wire.survey else {
        errors.push(FieldError::new("survey", ErrorCode::Missing));
        return Err(errors);
    };
    let form = ItemCode::parse(&survey.form, "survey.form").map_err(|e| errors.push(e)).ok();
    let version = u32::try_from(survey.version)
        .ok()
        .filter(|v| *v >= 1)
        .ok_or_else(|| errors.push(FieldError::new("survey.version", ErrorCode::OutOfRange)))
        .ok();
    if survey.answers.len() > crate::form::MAX_QUESTIONS {
        errors.push(FieldError::new("survey.answers", ErrorCode::TooMany));
    }
    match (form, version) {
        (Some(form), Some(version)) if errors.is_empty() => Ok(SurveyEntry { form, version, answers: survey.clone() }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests;
