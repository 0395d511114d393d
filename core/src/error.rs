//! Field-level errors: what went wrong, where, as a stable code the app can translate.

use serde::{Deserialize, Serialize};

/// Why a value was refused. The code is stable on the wire; the app shows its own translated words for it
/// and the server's problem details carry the English [`ErrorCode::message`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Missing,
    Empty,
    TooLong,
    TooMany,
    Invalid,
    OutOfRange,
    UnknownValue,
    UnknownField,
    Duplicate,
    UnknownCode,
    /// Fine on its own, but not together with another value: "none of these" ticked with a choice, an
    /// answer to a question its show-if rule hides, a question code reused for another kind of question.
    Conflict,
}

impl ErrorCode {
    pub fn message(self) -> &'static str {
        match self {
            ErrorCode::Missing => "is required",
            ErrorCode::Empty => "must not be empty",
            ErrorCode::TooLong => "is too long",
            ErrorCode::TooMany => "has too many items",
            ErrorCode::Invalid => "is not in the expected format",
            ErrorCode::OutOfRange => "is out of range",
            ErrorCode::UnknownValue => "is not one of the allowed values",
            ErrorCode::UnknownField => "is not a known field",
            ErrorCode::Duplicate => "is repeated",
            ErrorCode::UnknownCode => "is not in the catalogue",
            ErrorCode::Conflict => "does not fit with another value",
        }
    }
}

/// One refused field, named by its path in the submitted JSON (`answers[2].answer`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: ErrorCode) -> Self {
        let field = field.into();
        let message = format!("{field} {}", code.message());
        FieldError { field, code, message }
    }

    /// The same error, nested under a parent path: `answers[2]` + `answer`.
    pub fn under(mut self, parent: &str) -> Self {
        self.field = format!("{parent}.{}", self.field);
        self.message = format!("{} {}", self.field, self.code.message());
        self
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FieldError {}
