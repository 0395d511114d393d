//! What a person answered to one question, as the screen holds it, and how it is sent.

use yoursay_core::entry::AnswerWire;
use yoursay_core::form::response::PartsWire;
#[cfg(feature = "surveys")]
use yoursay_core::form::Frequency;
use yoursay_core::form::ValueWire;

pub use crate::components::faces::Choice;

/// What a person answered to one question, as the screen holds it. The kinds only surveys use exist only
/// in the surveys page's build: the first load runs the built-in forms, free text and the grid.
#[derive(Debug, Clone, PartialEq)]
pub enum Answered {
    /// A face (1–5) or "don't know".
    #[cfg(feature = "surveys")]
    Face(Choice),
    #[cfg(feature = "surveys")]
    Easy(u8),
    #[cfg(feature = "surveys")]
    Frequency(Frequency),
    #[cfg(feature = "surveys")]
    Single(String),
    /// Choice codes in the question's order; "none of these" alone.
    #[cfg(feature = "surveys")]
    Multi(Vec<String>),
    Text {
        text: String,
        promises: Vec<String>,
    },
    /// A service, the promises offered (fixed when the service was picked, so a catalogue refresh cannot
    /// shift which promise an answer belongs to) and the choice made for each promise so far.
    Grid {
        service: String,
        promises: Vec<String>,
        choices: Vec<(String, Choice)>,
    },
}

impl Answered {
    /// The choices a show-if rule sees.
    pub fn chosen(&self) -> Vec<&str> {
        match self {
            #[cfg(feature = "surveys")]
            Answered::Single(code) => vec![code.as_str()],
            #[cfg(feature = "surveys")]
            Answered::Multi(codes) => codes.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether anything was really given: what a required question needs and a show-if rule sees.
    pub fn is_given(&self) -> bool {
        self.to_wire().is_some()
    }

    /// The answer as sent; `None` when nothing was really given (blank text, no box ticked, every promise
    /// of a grid skipped), which counts as unanswered.
    pub fn to_wire(&self) -> Option<ValueWire> {
        Some(match self {
            #[cfg(feature = "surveys")]
            Answered::Face(choice) => match choice.to_wire()? {
                yoursay_core::entry::AnswerValueWire::Score(n) => ValueWire::Number(n),
                yoursay_core::entry::AnswerValueWire::Word(w) => ValueWire::Word(w),
            },
            #[cfg(feature = "surveys")]
            Answered::Easy(n) => ValueWire::Number(i64::from(*n)),
            #[cfg(feature = "surveys")]
            Answered::Frequency(f) => ValueWire::Word(f.code().to_owned()),
            #[cfg(feature = "surveys")]
            Answered::Single(code) => ValueWire::Word(code.clone()),
            #[cfg(feature = "surveys")]
            Answered::Multi(codes) if codes.is_empty() => return None,
            #[cfg(feature = "surveys")]
            Answered::Multi(codes) => ValueWire::Words(codes.clone()),
            Answered::Text { text, .. } if text.trim().is_empty() => return None,
            Answered::Text { text, promises } if promises.is_empty() => ValueWire::Word(text.trim().to_owned()),
            Answered::Text { text, promises } => ValueWire::Parts(PartsWire {
                text: Some(text.trim().to_owned()),
                promises: Some(promises.clone()),
                ..PartsWire::default()
            }),
            Answered::Grid { service, choices, .. } => {
                let answers: Vec<AnswerWire> = choices
                    .iter()
                    .filter_map(|(promise, c)| Some(AnswerWire { promise: promise.clone(), answer: c.to_wire()? }))
                    .collect();
                if answers.is_empty() {
                    return None;
                }
                ValueWire::Parts(PartsWire {
                    service: Some(service.clone()),
                    answers: Some(answers),
                    ..PartsWire::default()
                })
            }
        })
    }
}
