//! The rules between versions of one form. A published version never changes; editing makes a new version,
//! and the answers to every version are merged by question code, so a code must keep its meaning: it is
//! never reused for another kind of question, even after a version that dropped it.

use super::{Form, Kind, PublishedForm, Question};
use crate::catalogue::Catalogue;
use crate::error::{ErrorCode, FieldError};

/// What publishing a draft did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Publication {
    /// A new version, numbered one after the newest so far (1 for a form never published).
    New(PublishedForm),
    /// The draft's content is exactly the newest version's (same content hash): nothing new to publish.
    Unchanged { version: u32 },
}

/// Publishes `draft` as the next version of its form. `history` holds the versions published so far (any
/// order; versions of other forms are ignored). Refused, with every problem, if the draft breaks a
/// publishing rule or reuses a question code of any earlier version for another kind of question
/// (`questions[i].kind`, [`ErrorCode::Conflict`]).
pub fn publish(draft: &Form, history: &[PublishedForm], catalogue: &Catalogue) -> Result<Publication, Vec<FieldError>> {
    let earlier: Vec<&PublishedForm> = history.iter().filter(|p| p.code() == draft.code).collect();
    let newest = earlier.iter().copied().max_by_key(|p| p.version());
    let next = newest.map_or(1, |p| p.version() + 1);
    let parsed = PublishedForm::parse(draft, next, catalogue);
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    for (i, q) in draft.questions.iter().enumerate() {
        let reused =
            earlier.iter().filter_map(|p| p.form().question(&q.code)).any(|old| old.kind.name() != q.kind.name());
        if reused {
            errors.push(FieldError::new(format!("questions[{i}].kind"), ErrorCode::Conflict));
        }
    }
    match parsed {
        Ok(p) if errors.is_empty() => Ok(match newest {
            Some(n) if n.content_hash() == p.content_hash() => Publication::Unchanged { version: n.version() },
            _ => Publication::New(p),
        }),
        _ => Err(errors),
    }
}

/// The questions (by code, in `later`'s order) asked in both forms whose wording differs: the prompt, or
/// the choices offered or their words, in either language. Results merged across versions say so for
/// these. Help lines are not counted: they explain a question, they do not change what was asked.
pub fn wording_changes<'a>(earlier: &Form, later: &'a Form) -> Vec<&'a str> {
    later
        .questions
        .iter()
        .filter(|q| earlier.question(&q.code).is_some_and(|old| worded_differently(old, q)))
        .map(|q| q.code.as_str())
        .collect()
}

fn worded_differently(old: &Question, new: &Question) -> bool {
    let trimmed = |b: &crate::Bilingual| (b.en.trim().to_owned(), b.cy.trim().to_owned());
    if trimmed(&old.prompt) != trimmed(&new.prompt) {
        return true;
    }
    let choices = |k: &Kind| -> Vec<(String, (String, String))> {
        match k {
            Kind::Single(c) => c.iter().map(|c| (c.code.clone(), trimmed(&c.label))).collect(),
            Kind::Multi(m) => m
                .choices
                .iter()
                .map(|c| (c.code.clone(), trimmed(&c.label)))
                .chain(m.none_of_these.as_ref().map(|n| (super::NONE_OF_THESE.to_owned(), trimmed(n))))
                .collect(),
            _ => Vec::new(),
        }
    };
    choices(&old.kind) != choices(&new.kind)
}
