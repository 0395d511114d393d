//! A survey response: the answers one person gave to one version of a form.
//!
//! [`SurveyWire`] is the JSON shape (`{"form", "version", "answers": [{"question", "value"}]}`; a skipped
//! question is absent); [`SurveyResponse::parse`] checks it against the exact version it answered and
//! reports every problem at once. An answer given is named by its position (`answers[2].value[1]`); a
//! required question left unanswered has no position and is named by its code (`answers[support]`; codes
//! start with a letter, positions are numbers).

use serde::{Deserialize, Serialize};

use super::visibility::{self, Given};
use super::{Easy3, Frequency, Kind, PublishedForm, Question, NONE_OF_THESE};
use crate::catalogue::Catalogue;
use crate::entry::{
    parse_rating_parts, parse_view_parts, whole_from_f64, whole_from_u64, Answer, AnswerWire, ItemCode, Rating, Score,
    View,
};
use crate::error::{ErrorCode, FieldError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyWire {
    pub form: String,
    pub version: i64,
    pub answers: Vec<SurveyAnswerWire>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyAnswerWire {
    pub question: String,
    pub value: ValueWire,
}

/// An answer's value as sent: a number (faces, easy scale), a word (don't know, frequency, a single
/// choice, text), a list of words (multiple choice), or named parts (a grid answer, or text with promise
/// tags). Read by hand rather than `#[serde(untagged)]`, whose buffering costs the phone's download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueWire {
    Number(i64),
    Word(String),
    Words(Vec<String>),
    Parts(PartsWire),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartsWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promises: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<AnswerWire>>,
}

impl Serialize for ValueWire {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ValueWire::Number(n) => s.serialize_i64(*n),
            ValueWire::Word(w) => s.serialize_str(w),
            ValueWire::Words(list) => list.serialize(s),
            ValueWire::Parts(parts) => parts.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for ValueWire {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'v> serde::de::Visitor<'v> for Visitor {
            type Value = ValueWire;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number, a word, a list of words or an object")
            }
            fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
                Ok(ValueWire::Number(n))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
                whole_from_u64(n).map(ValueWire::Number)
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Self::Value, E> {
                whole_from_f64(n).map(ValueWire::Number)
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(ValueWire::Word(s.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'v>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut words = Vec::new();
                while let Some(w) = seq.next_element::<String>()? {
                    words.push(w);
                }
                Ok(ValueWire::Words(words))
            }
            fn visit_map<A: serde::de::MapAccess<'v>>(self, map: A) -> Result<Self::Value, A::Error> {
                PartsWire::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(ValueWire::Parts)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A response checked against its form's version: every answer fits its question, in the form's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyResponse {
    pub form: ItemCode,
    pub version: u32,
    pub answers: Vec<SurveyAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyAnswer {
    pub question: ItemCode,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Face(Answer),
    Easy(Easy3),
    Frequency(Frequency),
    Choice(ItemCode),
    /// At least one choice, in the order the question lists them.
    Choices(Vec<ItemCode>),
    NoneOfThese,
    /// Free text, with the promises the person ticked (if the question offers them): a view's shape.
    Text(View),
    /// A service and the promises answered for it: a rating's shape.
    Grid(Rating),
}

impl Value {
    /// The choices this answer picked, as a show-if rule sees them.
    pub fn chosen(&self) -> Vec<&str> {
        match self {
            Value::Choice(c) => vec![c.as_str()],
            Value::Choices(list) => list.iter().map(ItemCode::as_str).collect(),
            Value::NoneOfThese => vec![NONE_OF_THESE],
            _ => Vec::new(),
        }
    }

    pub fn to_wire(&self) -> ValueWire {
        let code = |c: &ItemCode| c.as_str().to_owned();
        match self {
            Value::Face(Answer::Score(s)) => ValueWire::Number(s.value() as i64),
            Value::Face(Answer::DontKnow) => ValueWire::Word(Answer::DONT_KNOW.to_owned()),
            Value::Easy(e) => ValueWire::Number(e.value() as i64),
            Value::Frequency(f) => ValueWire::Word(f.code().to_owned()),
            Value::Choice(c) => ValueWire::Word(code(c)),
            Value::Choices(list) => ValueWire::Words(list.iter().map(code).collect()),
            Value::NoneOfThese => ValueWire::Words(vec![NONE_OF_THESE.to_owned()]),
            Value::Text(view) if view.promises.is_empty() => ValueWire::Word(view.text.as_str().to_owned()),
            Value::Text(view) => ValueWire::Parts(PartsWire {
                text: Some(view.text.as_str().to_owned()),
                promises: Some(view.promises.iter().map(code).collect()),
                ..PartsWire::default()
            }),
            Value::Grid(rating) => ValueWire::Parts(PartsWire {
                service: Some(code(&rating.service)),
                answers: Some(rating.answers_wire()),
                ..PartsWire::default()
            }),
        }
    }
}

impl SurveyResponse {
    /// Checks `wire` against `form`, the version it says it answered (the caller finds it by the wire's
    /// `form` and `version`; a mismatch is refused). Refused, each by its path, every problem at once: an
    /// unknown or repeated question, a value of the wrong kind, an unknown choice, "none of these" with
    /// other choices, text too long, a service or promise the catalogue never had, an answer to a question
    /// its show-if rule hides, and a required question left unanswered while shown.
    pub fn parse(wire: &SurveyWire, form: &PublishedForm, catalogue: &Catalogue) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        if wire.form != form.code() {
            errors.push(FieldError::new("form", ErrorCode::UnknownValue));
        }
        if wire.version != i64::from(form.version()) {
            errors.push(FieldError::new("version", ErrorCode::UnknownValue));
        }
        let questions = &form.form().questions;
        if wire.answers.len() > questions.len() {
            errors.push(FieldError::new("answers", ErrorCode::TooMany));
        }
        if !errors.is_empty() {
            // Answers meant for another form or version cannot be read against this one.
            return Err(errors);
        }

        // For each question: the position of its answer and, if it fitted, the value.
        let mut given: Vec<Option<(usize, Option<Value>)>> = vec![None; questions.len()];
        for (i, a) in wire.answers.iter().enumerate() {
            let at = format!("answers[{i}]");
            let Some(k) = questions.iter().position(|q| q.code == a.question) else {
                let code =
                    if ItemCode::parse(&a.question, "").is_ok() { ErrorCode::UnknownValue } else { ErrorCode::Invalid };
                errors.push(FieldError::new("question", code).under(&at));
                continue;
            };
            if given[k].is_some() {
                errors.push(FieldError::new("question", ErrorCode::Duplicate).under(&at));
                continue;
            }
            let before = errors.len();
            let value = parse_value(&questions[k], &a.value, catalogue, &mut errors);
            for e in &mut errors[before..] {
                *e = e.clone().under(&at);
            }
            given[k] = Some((i, value));
        }

        // Show-if rules and required questions. A question whose visibility depends on a refused answer
        // is not judged: that answer's error already says what to fix.
        let shown = visibility::shown(questions, |t| match &given[t] {
            None => Given::Unanswered,
            Some((_, None)) => Given::Unreadable,
            Some((_, Some(v))) => Given::Chose(v.chosen()),
        });
        for (k, q) in questions.iter().enumerate() {
            match (shown[k], &given[k]) {
                (Some(false), Some((i, _))) => {
                    errors.push(FieldError::new(format!("answers[{i}]"), ErrorCode::Conflict))
                }
                (Some(true), None) if q.required => {
                    errors.push(FieldError::new(format!("answers[{}]", q.code), ErrorCode::Missing))
                }
                _ => {}
            }
        }

        if !errors.is_empty() {
            return Err(errors);
        }
        let answers = questions
            .iter()
            .zip(given)
            .filter_map(|(q, g)| {
                let value = g?.1?;
                Some(SurveyAnswer { question: ItemCode::parse(&q.code, "question").ok()?, value })
            })
            .collect();
        Ok(SurveyResponse {
            form: ItemCode::parse(form.code(), "form").map_err(|e| vec![e])?,
            version: form.version(),
            answers,
        })
    }

    pub fn to_wire(&self) -> SurveyWire {
        SurveyWire {
            form: self.form.as_str().to_owned(),
            version: i64::from(self.version),
            answers: self
                .answers
                .iter()
                .map(|a| SurveyAnswerWire { question: a.question.as_str().to_owned(), value: a.value.to_wire() })
                .collect(),
        }
    }
}

/// The value of one answer, checked against its question. Errors are pushed named from `value`.
fn parse_value(q: &Question, wire: &ValueWire, catalogue: &Catalogue, errors: &mut Vec<FieldError>) -> Option<Value> {
    let field = "value";
    let before = errors.len();
    let value = match (&q.kind, wire) {
        (Kind::Faces, ValueWire::Number(n)) => {
            Score::parse(*n).map(|s| Value::Face(Answer::Score(s))).map_err(|e| FieldError::new(field, e.code))
        }
        (Kind::Faces, ValueWire::Word(w)) if w == Answer::DONT_KNOW => Ok(Value::Face(Answer::DontKnow)),
        (Kind::Faces, ValueWire::Word(_)) => Err(FieldError::new(field, ErrorCode::UnknownValue)),
        (Kind::Easy3, ValueWire::Number(n)) => Easy3::parse(*n, field).map(Value::Easy),
        (Kind::Frequency, ValueWire::Word(w)) => Frequency::parse(w, field).map(Value::Frequency),
        (Kind::Single(choices), ValueWire::Word(w)) => match choices.iter().find(|c| c.code == *w) {
            Some(c) => ItemCode::parse(&c.code, field).map(Value::Choice),
            None => Err(FieldError::new(field, ErrorCode::UnknownValue)),
        },
        (Kind::Multi(m), ValueWire::Words(words)) => {
            return parse_multi(m, words, errors);
        }
        (Kind::Text(t), ValueWire::Word(text)) => {
            let view = parse_view_parts(Some(text.as_str()), None, t.max_chars as usize, errors);
            rename_text_errors(errors, before);
            return view.map(Value::Text);
        }
        (Kind::Text(t), ValueWire::Parts(p)) if t.promise_tags => {
            not_for(&[("service", p.service.is_some()), ("answers", p.answers.is_some())], errors);
            let view = parse_view_parts(p.text.as_deref(), p.promises.as_deref(), t.max_chars as usize, errors);
            // Positions in the parsed value match the wire's only when nothing was refused.
            if let Some(v) = view.as_ref().filter(|_| errors.len() == before) {
                catalogue.check_promise_tags(&v.promises, errors);
            }
            nest(errors, before);
            return view.filter(|_| errors.len() == before).map(Value::Text);
        }
        (Kind::ServicePromiseGrid, ValueWire::Parts(p)) => {
            not_for(&[("text", p.text.is_some()), ("promises", p.promises.is_some())], errors);
            let rating = parse_rating_parts(p.service.as_deref(), p.answers.as_deref(), errors);
            if let Some(r) = rating.as_ref().filter(|_| errors.len() == before) {
                catalogue.check_rating(r, errors);
            }
            nest(errors, before);
            return rating.filter(|_| errors.len() == before).map(Value::Grid);
        }
        // The right question, the wrong kind of answer: a word for a face scale, a list for free text…
        _ => Err(FieldError::new(field, ErrorCode::Invalid)),
    };
    value.map_err(|e| errors.push(e)).ok()
}

fn parse_multi(m: &super::MultiChoice, words: &[String], errors: &mut Vec<FieldError>) -> Option<Value> {
    let before = errors.len();
    if words.is_empty() {
        errors.push(FieldError::new("value", ErrorCode::Empty));
    }
    let mut none = false;
    let mut picked: Vec<usize> = Vec::new();
    for (j, w) in words.iter().enumerate().take(m.choices.len() + 1) {
        let field = format!("value[{j}]");
        if w == NONE_OF_THESE && m.none_of_these.is_some() {
            if none {
                errors.push(FieldError::new(field, ErrorCode::Duplicate));
            }
            none = true;
        } else if let Some(k) = m.choices.iter().position(|c| c.code == *w) {
            if picked.contains(&k) {
                errors.push(FieldError::new(field, ErrorCode::Duplicate));
            }
            picked.push(k);
        } else {
            errors.push(FieldError::new(field, ErrorCode::UnknownValue));
        }
    }
    if words.len() > m.choices.len() + 1 {
        errors.push(FieldError::new("value", ErrorCode::TooMany));
    }
    if none && !picked.is_empty() {
        // "None of these" means none: ticked with a choice, the answer contradicts itself.
        errors.push(FieldError::new("value", ErrorCode::Conflict));
    }
    if errors.len() > before {
        return None;
    }
    if none {
        return Some(Value::NoneOfThese);
    }
    picked.sort_unstable();
    picked.iter().map(|&k| ItemCode::parse(&m.choices[k].code, "value").ok()).collect::<Option<_>>().map(Value::Choices)
}

fn not_for(parts: &[(&str, bool)], errors: &mut Vec<FieldError>) {
    for (name, present) in parts {
        if *present {
            errors.push(FieldError::new(*name, ErrorCode::UnknownField));
        }
    }
}

/// Errors from `before` on, named from the parts of the value (`service`), nested under `value`.
fn nest(errors: &mut [FieldError], before: usize) {
    for e in &mut errors[before..] {
        *e = e.clone().under("value");
    }
}

/// Plain text is the value itself: `text` errors are the value's.
fn rename_text_errors(errors: &mut [FieldError], before: usize) {
    for e in &mut errors[before..] {
        *e = FieldError::new("value", e.code);
    }
}
