use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, FieldError};

/// The two languages of every screen. `cy` is Welsh (Cymraeg).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Cy,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Cy];

    /// The BCP 47 tag for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Cy => "cy",
        }
    }

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        match s {
            "en" => Ok(Language::En),
            "cy" => Ok(Language::Cy),
            _ => Err(FieldError::new("language", ErrorCode::UnknownValue)),
        }
    }

    pub fn other(self) -> Self {
        match self {
            Language::En => Language::Cy,
            Language::Cy => Language::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_codes_and_round_trips() {
        for lang in Language::ALL {
            assert_eq!(Language::parse(lang.code()), Ok(lang));
        }
    }

    #[test]
    fn refuses_other_codes() {
        for bad in ["", "EN", "fr", "cym", "en-GB"] {
            assert_eq!(Language::parse(bad).unwrap_err().code, ErrorCode::UnknownValue);
        }
    }
}
