//! Forms: everything a person fills in is a form — an ordered list of questions, each of one [`Kind`].
//! "Say something" and "Rate a service" are built-in forms ([`builtin`]); surveys are forms the officer
//! writes (often starting from a copy of one of the [`starting_points`]) and publishes.
//!
//! A [`Form`] is what the officer edits: a draft, whose texts may still lack Welsh. Publishing turns it into
//! a [`PublishedForm`] ([`publish`]): checked against every rule at once, frozen, numbered and identified by
//! a content hash ([`hash`]). Answers ([`response`]) are checked against the exact version they answered.
//!
//! Codes (form, question, choice) follow the catalogue's rules ([`ItemCode`]): lower snake case, and never
//! reused with another meaning, so answers from any version can be merged by code.

pub mod api;
pub mod builtin;
mod canonical;
pub mod draft;
pub mod hash;
mod publish;
pub mod response;
pub mod starting_points;
mod versions;
pub mod visibility;

use serde::{Deserialize, Serialize};

use crate::catalogue::Bilingual;
use crate::error::{ErrorCode, FieldError};

pub use publish::PublishedForm;
pub use response::{SurveyAnswer, SurveyAnswerWire, SurveyResponse, SurveyWire, Value, ValueWire};
pub use versions::{publish, wording_changes, Publication};

/// Bounds that keep a form something a person finishes on a phone, and a request something a server reads
/// without worry.
pub const MAX_QUESTIONS: usize = 60;
pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 20;
pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_INTRO_CHARS: usize = 1000;
pub const MAX_PROMPT_CHARS: usize = 300;
pub const MAX_HELP_CHARS: usize = 600;
pub const MAX_LABEL_CHARS: usize = 120;

/// The code a multiple-choice answer uses for "none of these". No choice may have it.
pub const NONE_OF_THESE: &str = "none_of_these";

/// A form as the officer edits it. Serialised as is for drafts, ready-made starting points and (inside a
/// [`PublishedForm`]) published versions. Unknown fields are refused so a typo is an error, never lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    pub code: String,
    pub title: Bilingual,
    pub intro: Bilingual,
    pub audience: Audience,
    pub questions: Vec<Question>,
}

/// Who a form is for: the home screen says so ("for foster and kinship carers"). Welsh forms address young
/// people and care leavers as "ti", adults as "chi".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    YoungPeople,
    CareLeavers,
    /// Foster and kinship carers.
    Carers,
    Everyone,
}

impl Audience {
    pub const ALL: [Audience; 4] = [Audience::YoungPeople, Audience::CareLeavers, Audience::Carers, Audience::Everyone];

    /// The audience with this code; `None` for a code this version does not know.
    pub fn from_code(code: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Audience::YoungPeople => "young_people",
            Audience::CareLeavers => "care_leavers",
            Audience::Carers => "carers",
            Audience::Everyone => "everyone",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique within the form and, across its versions, never reused for another kind of question.
    pub code: String,
    pub kind: Kind,
    pub prompt: Bilingual,
    /// A line under the question ("Please do not name children"). Absent, or complete in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Bilingual>,
    /// Must be answered when shown. A question its show-if rule hides is never required.
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<ShowIf>,
    /// Catalogue items the answers are about, so they also count in the results by promise and service.
    #[serde(default, skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}

/// What is asked and what an answer looks like. Serialised externally tagged (`"faces"`,
/// `{"single": [..]}`): serde reads that without buffering, which keeps the phone's download small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Five labelled faces, really bad (1) to really good (5), and "don't know". Answer: `1`..`5` or
    /// `"dont_know"`.
    Faces,
    /// Three faces for young children: not good (1), OK (2), good (3). Answer: `1`..`3`.
    Easy3,
    /// Always / most of the time / sometimes / never. Answer: one of [`Frequency`]'s codes.
    Frequency,
    /// Exactly one of the choices. Answer: a choice code.
    Single(Vec<Choice>),
    /// Any of the choices, or "none of these" alone. Answer: a list of choice codes.
    Multi(MultiChoice),
    /// Free text. Answer: the text, or `{"text", "promises"}` when the person may tag promises.
    Text(TextLimit),
    /// Choose a service, then one face scale per Charter promise of the current catalogue. Answer:
    /// `{"service", "answers": [{"promise", "answer"}]}`, a rating's shape.
    ServicePromiseGrid,
}

impl Kind {
    /// The kind's name without its settings: a question code keeps this across versions.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Faces => "faces",
            Kind::Easy3 => "easy3",
            Kind::Frequency => "frequency",
            Kind::Single(_) => "single",
            Kind::Multi(_) => "multi",
            Kind::Text(_) => "text",
            Kind::ServicePromiseGrid => "service_promise_grid",
        }
    }

    /// The choices a show-if rule may name: a choice question's choices, "none of these" included.
    fn choice_codes(&self) -> Option<Vec<&str>> {
        match self {
            Kind::Single(choices) => Some(choices.iter().map(|c| c.code.as_str()).collect()),
            Kind::Multi(m) => Some(
                m.choices
                    .iter()
                    .map(|c| c.code.as_str())
                    .chain(m.none_of_these.as_ref().map(|_| NONE_OF_THESE))
                    .collect(),
            ),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub code: String,
    pub label: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MultiChoice {
    pub choices: Vec<Choice>,
    /// The words of an exclusive "none of these" option, when the question offers one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub none_of_these: Option<Bilingual>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextLimit {
    /// At most [`crate::ViewText::MAX_CHARS`].
    pub max_chars: u32,
    /// Offer the catalogue's promises to tick, as "Say something" does.
    #[serde(default)]
    pub promise_tags: bool,
}

/// Show a question only when an earlier choice question was answered with one of these choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowIf {
    pub question: String,
    pub any_of: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tags {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promises: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
}

impl Tags {
    pub fn is_empty(&self) -> bool {
        self.promises.is_empty() && self.services.is_empty()
    }
}

/// The answer to a frequency question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    Always,
    MostOfTheTime,
    Sometimes,
    Never,
}

impl Frequency {
    pub const ALL: [Frequency; 4] =
        [Frequency::Always, Frequency::MostOfTheTime, Frequency::Sometimes, Frequency::Never];

    pub fn code(self) -> &'static str {
        match self {
            Frequency::Always => "always",
            Frequency::MostOfTheTime => "most_of_the_time",
            Frequency::Sometimes => "sometimes",
            Frequency::Never => "never",
        }
    }

    pub fn parse(s: &str, field: &str) -> Result<Self, FieldError> {
        Frequency::ALL
            .into_iter()
            .find(|f| f.code() == s)
            .ok_or_else(|| FieldError::new(field, ErrorCode::UnknownValue))
    }
}

/// A point on the easy three-face scale: 1 (not good), 2 (OK), 3 (good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Easy3(u8);

impl Easy3 {
    pub fn parse(n: i64, field: &str) -> Result<Self, FieldError> {
        if (1..=3).contains(&n) {
            Ok(Easy3(n as u8))
        } else {
            Err(FieldError::new(field, ErrorCode::OutOfRange))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl Form {
    pub fn question(&self, code: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.code == code)
    }
}

#[cfg(test)]
mod builtin_tests;
#[cfg(test)]
mod response_tests;
#[cfg(test)]
mod tests;
