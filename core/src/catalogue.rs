//! The catalogue: the promises services are rated against and the services that are rated.
//!
//! Codes are forever. The officer may change the words, add items or retire them, but never re-use a code
//! for something else, so every past rating keeps meaning what it meant when it was given.

mod default;

use serde::{Deserialize, Serialize};

use crate::entry::{Entry, EntryBody, ItemCode, Rating};
use crate::error::{ErrorCode, FieldError};
use crate::language::Language;

pub use default::{default_catalogue, device_catalogue};

/// Text entered in both languages. Neither may be empty: a screen is never half-translated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub en: String,
    pub cy: String,
}

impl Bilingual {
    pub fn new(en: &str, cy: &str) -> Self {
        Bilingual { en: en.to_owned(), cy: cy.to_owned() }
    }

    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::En => &self.en,
            Language::Cy => &self.cy,
        }
    }

    /// Text in both languages, each present and within `max_chars`; every problem at once (both
    /// languages empty is two problems, `name.en` and `name.cy`), so the officer fixes them in one go.
    pub fn parse(en: &str, cy: &str, field: &str, max_chars: usize) -> Result<Self, Vec<FieldError>> {
        let problems: Vec<FieldError> = [(en, "en"), (cy, "cy")]
            .into_iter()
            .filter_map(|(text, lang)| {
                let code = if text.trim().is_empty() {
                    ErrorCode::Empty
                } else if text.chars().count() > max_chars {
                    ErrorCode::TooLong
                } else {
                    return None;
                };
                Some(FieldError::new(format!("{field}.{lang}"), code))
            })
            .collect();
        if problems.is_empty() {
            Ok(Bilingual::new(en.trim(), cy.trim()))
        } else {
            Err(problems)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueItem {
    pub code: String,
    /// The short name on a button: "Equality", "Social worker".
    pub name: Bilingual,
    /// One plain line a child can understand.
    pub line: Bilingual,
    /// For a Charter principle, its official "We will…" statement, shown to carers and the officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Bilingual>,
    /// Retired items are not offered any more, but old answers for them stay valid.
    #[serde(default)]
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    /// Goes up by one with every change the officer makes, so a device knows its cached copy is stale.
    pub version: u32,
    pub promises: Vec<CatalogueItem>,
    pub services: Vec<CatalogueItem>,
}

impl Catalogue {
    pub fn promise(&self, code: &str) -> Option<&CatalogueItem> {
        self.promises.iter().find(|p| p.code == code)
    }

    pub fn service(&self, code: &str) -> Option<&CatalogueItem> {
        self.services.iter().find(|s| s.code == code)
    }

    pub fn active_promises(&self) -> impl Iterator<Item = &CatalogueItem> {
        self.promises.iter().filter(|p| !p.retired)
    }

    pub fn active_services(&self) -> impl Iterator<Item = &CatalogueItem> {
        self.services.iter().filter(|s| !s.retired)
    }

    /// An entry may only name items the catalogue has ever had. Retired items are still accepted: the
    /// entry may have been made offline before the officer retired them.
    pub fn check(&self, entry: &Entry) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        match &entry.body {
            EntryBody::View(view) => self.check_promise_tags(&view.promises, &mut errors),
            EntryBody::Rating(rating) => self.check_rating(rating, &mut errors),
            // A survey's services and promises are checked with its answers, against the form's version.
            EntryBody::Survey(_) => {}
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Promise tags the catalogue never had, named `promises[i]`.
    pub(crate) fn check_promise_tags(&self, promises: &[ItemCode], errors: &mut Vec<FieldError>) {
        for (i, p) in promises.iter().enumerate() {
            if self.promise(p.as_str()).is_none() {
                errors.push(FieldError::new(format!("promises[{i}]"), ErrorCode::UnknownCode));
            }
        }
    }

    /// A service or promise the catalogue never had, named `service` or `answers[i].promise`.
    pub(crate) fn check_rating(&self, rating: &Rating, errors: &mut Vec<FieldError>) {
        if self.service(rating.service.as_str()).is_none() {
            errors.push(FieldError::new("service", ErrorCode::UnknownCode));
        }
        for (i, a) in rating.answers.iter().enumerate() {
            if self.promise(a.promise.as_str()).is_none() {
                errors.push(FieldError::new(format!("answers[{i}].promise"), ErrorCode::UnknownCode));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::EntryWire;

    #[test]
    fn the_default_catalogue_has_the_eleven_charter_principles_in_order() {
        let c = default_catalogue();
        let codes: Vec<_> = c.promises.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "equality",
                "eradicate_stigma",
                "togetherness",
                "support",
                "ambition",
                "nurture",
                "good_health",
                "stable_home",
                "good_education",
                "thrive",
                "lifelong"
            ]
        );
    }

    #[test]
    fn every_item_is_complete_in_both_languages_and_codes_are_valid_and_unique() {
        let c = default_catalogue();
        assert!(c.services.len() >= 14, "PRODUCT.md lists at least 14 services");
        for list in [&c.promises, &c.services] {
            let mut seen = std::collections::HashSet::new();
            for item in list.iter() {
                ItemCode::parse(&item.code, "code").unwrap();
                assert!(seen.insert(&item.code), "{} twice", item.code);
                for lang in Language::ALL {
                    assert!(!item.name.get(lang).trim().is_empty(), "{} has no {lang:?} name", item.code);
                    assert!(!item.line.get(lang).trim().is_empty(), "{} has no {lang:?} line", item.code);
                }
                assert_ne!(item.name.en, item.name.cy, "{} name looks untranslated", item.code);
                assert_ne!(item.line.en, item.line.cy, "{} line looks untranslated", item.code);
                if let Some(statement) = &item.statement {
                    assert!(statement.en.starts_with("We will"), "{}", item.code);
                    assert!(statement.cy.starts_with("Byddwn"), "{}", item.code);
                }
                assert!(!item.retired);
            }
        }
    }

    #[test]
    fn check_refuses_codes_the_catalogue_never_had_and_accepts_retired_ones() {
        let mut c = default_catalogue();
        let wire: EntryWire = serde_json::from_value(serde_json::json!({
            "id": "0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b", "created_at": 1_790_000_000_000i64, "language": "en",
            "kind": "rating", "service": "dragon_keeper",
            "answers": [{"promise": "equality", "answer": 3}, {"promise": "flying", "answer": 1}]
        }))
        .unwrap();
        let entry = Entry::parse(&wire, 1_790_000_000_000).unwrap();
        let errors = c.check(&entry).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["service", "answers[1].promise"]);

        c.promises[0].retired = true;
        let mut ok = wire.clone();
        ok.service = Some("social_worker".into());
        ok.answers.as_mut().unwrap().truncate(1);
        assert!(c.check(&Entry::parse(&ok, 1_790_000_000_000).unwrap()).is_ok());
    }

    #[test]
    fn the_device_copy_is_the_default_without_statements_and_older_than_any_server_copy() {
        let (device, full) = (device_catalogue(), default_catalogue());
        assert!(device.version < full.version, "a device always takes the server's copy");
        assert!(full.promises.iter().all(|p| p.statement.is_some()));
        let mut stripped = full.clone();
        stripped.version = device.version;
        stripped.promises.iter_mut().for_each(|p| p.statement = None);
        assert_eq!(device, stripped);
    }

    #[test]
    fn bilingual_text_needs_both_languages() {
        let fields = |en: &str, cy: &str| -> Vec<(String, ErrorCode)> {
            Bilingual::parse(en, cy, "name", 80).unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
        };
        assert_eq!(fields("Housing", " "), [("name.cy".to_owned(), ErrorCode::Empty)]);
        assert_eq!(fields("", "Tai"), [("name.en".to_owned(), ErrorCode::Empty)]);
        assert_eq!(fields("Housing", &"a".repeat(81)), [("name.cy".to_owned(), ErrorCode::TooLong)]);
        // Both at once, not the English one first and the Welsh one on the next try.
        assert_eq!(
            fields("", &"a".repeat(81)),
            [("name.en".to_owned(), ErrorCode::Empty), ("name.cy".to_owned(), ErrorCode::TooLong)]
        );
        assert!(Bilingual::parse(" Housing ", "Tai", "name", 80).is_ok_and(|b| b.en == "Housing"));
    }
}
