//! The publishing rules: what a draft must be before anyone can answer it. Every problem is reported at
//! once, each named by its path in the form's JSON (`questions[3].prompt.cy`), as `Entry::parse` does.

use serde::Serialize;

use super::{hash, Choice, Form, Kind, Question, MAX_CHOICES, MIN_CHOICES, NONE_OF_THESE};
use super::{MAX_HELP_CHARS, MAX_INTRO_CHARS, MAX_LABEL_CHARS, MAX_PROMPT_CHARS, MAX_QUESTIONS, MAX_TITLE_CHARS};
use crate::catalogue::{Bilingual, Catalogue};
use crate::entry::{ItemCode, ViewText, MAX_PROMISES};
use crate::error::{ErrorCode, FieldError};

/// A frozen version of a form: every text in English and Welsh, codes well-formed and unique, show-if
/// rules pointing back to choices that exist, tags naming catalogue items. The only way to get one is
/// [`PublishedForm::parse`] (or [`super::publish`], which also applies the rules between versions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublishedForm {
    version: u32,
    content_hash: String,
    form: Form,
}

impl PublishedForm {
    /// Checks `form` against every publishing rule and freezes it as `version`. Texts are trimmed and an
    /// empty help line (both languages blank) is dropped before hashing, so the hash is of what people see.
    /// Tags may name retired catalogue items: a stored version is parsed again when it is read back.
    pub fn parse(form: &Form, version: u32, catalogue: &Catalogue) -> Result<PublishedForm, Vec<FieldError>> {
        let form = normalised(form);
        let mut errors = Vec::new();
        if version == 0 {
            errors.push(FieldError::new("version", ErrorCode::OutOfRange));
        }
        check(&form, catalogue, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PublishedForm { version, content_hash: hash::content_hash(&form), form })
    }

    /// A version read back from storage (or received from the server): parsed again — catalogue codes are
    /// never deleted, so it still passes — and its content hash compared with the one it was published
    /// with, so a stored version changed afterwards is refused (`content_hash`, [`ErrorCode::Conflict`]).
    pub fn restore(
        form: &Form,
        version: u32,
        content_hash: &str,
        catalogue: &Catalogue,
    ) -> Result<PublishedForm, Vec<FieldError>> {
        let published = Self::parse(form, version, catalogue)?;
        if published.content_hash != content_hash {
            return Err(vec![FieldError::new("content_hash", ErrorCode::Conflict)]);
        }
        Ok(published)
    }

    pub fn code(&self) -> &str {
        &self.form.code
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    pub fn form(&self) -> &Form {
        &self.form
    }
}

fn normalised(form: &Form) -> Form {
    let trim = |b: &Bilingual| Bilingual::new(b.en.trim(), b.cy.trim());
    let choices = |list: &[Choice]| -> Vec<Choice> {
        list.iter().map(|c| Choice { code: c.code.clone(), label: trim(&c.label) }).collect()
    };
    let mut out = form.clone();
    out.title = trim(&form.title);
    out.intro = trim(&form.intro);
    for q in &mut out.questions {
        q.prompt = trim(&q.prompt);
        q.help = q.help.as_ref().map(trim).filter(|h| !(h.en.is_empty() && h.cy.is_empty()));
        match &mut q.kind {
            Kind::Single(list) => *list = choices(list),
            Kind::Multi(m) => {
                m.choices = choices(&m.choices);
                m.none_of_these = m.none_of_these.as_ref().map(trim);
            }
            Kind::Faces | Kind::Easy3 | Kind::Frequency | Kind::Text(_) | Kind::ServicePromiseGrid => {}
        }
    }
    out
}

/// Both languages present and within `max_chars`; one error per language that is not.
fn text(b: &Bilingual, field: &str, max_chars: usize, errors: &mut Vec<FieldError>) {
    for (lang, t) in [("en", &b.en), ("cy", &b.cy)] {
        if t.is_empty() {
            errors.push(FieldError::new(format!("{field}.{lang}"), ErrorCode::Empty));
        } else if t.chars().count() > max_chars {
            errors.push(FieldError::new(format!("{field}.{lang}"), ErrorCode::TooLong));
        }
    }
}

/// A well-formed code not already in `seen`; the code is added to `seen`.
fn code<'a>(s: &'a str, field: &str, seen: &mut Vec<&'a str>, errors: &mut Vec<FieldError>) {
    match ItemCode::parse(s, field) {
        Err(e) => errors.push(e),
        Ok(_) if seen.contains(&s) => errors.push(FieldError::new(field, ErrorCode::Duplicate)),
        Ok(_) => seen.push(s),
    }
}

fn check(form: &Form, catalogue: &Catalogue, errors: &mut Vec<FieldError>) {
    if let Err(e) = ItemCode::parse(&form.code, "code") {
        errors.push(e);
    }
    text(&form.title, "title", MAX_TITLE_CHARS, errors);
    text(&form.intro, "intro", MAX_INTRO_CHARS, errors);
    if form.questions.is_empty() {
        errors.push(FieldError::new("questions", ErrorCode::Empty));
    } else if form.questions.len() > MAX_QUESTIONS {
        errors.push(FieldError::new("questions", ErrorCode::TooMany));
    }
    let mut codes = Vec::new();
    for (i, q) in form.questions.iter().enumerate().take(MAX_QUESTIONS) {
        let at = format!("questions[{i}]");
        code(&q.code, &format!("{at}.code"), &mut codes, errors);
        text(&q.prompt, &format!("{at}.prompt"), MAX_PROMPT_CHARS, errors);
        if let Some(help) = &q.help {
            text(help, &format!("{at}.help"), MAX_HELP_CHARS, errors);
        }
        check_kind(&q.kind, &format!("{at}.kind"), errors);
        check_show_if(&form.questions, i, &at, errors);
        check_tags(q, catalogue, &at, errors);
    }
}

fn check_kind(kind: &Kind, at: &str, errors: &mut Vec<FieldError>) {
    match kind {
        Kind::Faces | Kind::Easy3 | Kind::Frequency | Kind::ServicePromiseGrid => {}
        Kind::Single(choices) => check_choices(choices, &format!("{at}.single"), errors),
        Kind::Multi(m) => {
            check_choices(&m.choices, &format!("{at}.multi.choices"), errors);
            if let Some(none) = &m.none_of_these {
                text(none, &format!("{at}.multi.none_of_these"), MAX_LABEL_CHARS, errors);
            }
        }
        Kind::Text(t) => {
            if t.max_chars == 0 || t.max_chars as usize > ViewText::MAX_CHARS {
                errors.push(FieldError::new(format!("{at}.text.max_chars"), ErrorCode::OutOfRange));
            }
        }
    }
}

fn check_choices(choices: &[Choice], at: &str, errors: &mut Vec<FieldError>) {
    match choices.len() {
        0 => errors.push(FieldError::new(at, ErrorCode::Empty)),
        n if n < MIN_CHOICES => errors.push(FieldError::new(at, ErrorCode::OutOfRange)),
        n if n > MAX_CHOICES => errors.push(FieldError::new(at, ErrorCode::TooMany)),
        _ => {}
    }
    let mut codes = Vec::new();
    for (j, c) in choices.iter().enumerate() {
        let field = format!("{at}[{j}].code");
        if c.code == NONE_OF_THESE {
            // Reserved for the exclusive "none of these" option, whose words are set on the question.
            errors.push(FieldError::new(field, ErrorCode::Invalid));
        } else {
            code(&c.code, &field, &mut codes, errors);
        }
        text(&c.label, &format!("{at}[{j}].label"), MAX_LABEL_CHARS, errors);
        for (lang, label) in [("en", &c.label.en), ("cy", &c.label.cy)] {
            let same = |other: &Choice| {
                let o = if lang == "en" { &other.label.en } else { &other.label.cy };
                !label.is_empty() && o.to_lowercase() == label.to_lowercase()
            };
            if choices[..j].iter().any(same) {
                errors.push(FieldError::new(format!("{at}[{j}].label.{lang}"), ErrorCode::Duplicate));
            }
        }
    }
}

/// A show-if rule names an earlier choice question and only choices it has: the runner can then decide,
/// at each step, from answers already given. `i` is the position of the question with the rule.
fn check_show_if(questions: &[Question], i: usize, at: &str, errors: &mut Vec<FieldError>) {
    let Some(rule) = &questions[i].show_if else { return };
    let at = format!("{at}.show_if");
    let target = questions[..i].iter().find(|b| b.code == rule.question);
    let choices = target.and_then(|t| t.kind.choice_codes());
    let field = format!("{at}.question");
    match target {
        // Itself or a later question: the runner could not know yet whether to show this one.
        None if questions[i..].iter().any(|q| q.code == rule.question) => {
            errors.push(FieldError::new(field, ErrorCode::Invalid));
        }
        None => errors.push(FieldError::new(field, ErrorCode::UnknownValue)),
        Some(_) if choices.is_none() => errors.push(FieldError::new(field, ErrorCode::Invalid)),
        Some(_) => {}
    }
    if rule.any_of.is_empty() {
        errors.push(FieldError::new(format!("{at}.any_of"), ErrorCode::Empty));
    }
    let Some(choices) = choices else { return };
    for (j, c) in rule.any_of.iter().enumerate() {
        let field = format!("{at}.any_of[{j}]");
        if !choices.contains(&c.as_str()) {
            errors.push(FieldError::new(field, ErrorCode::UnknownValue));
        } else if rule.any_of[..j].contains(c) {
            errors.push(FieldError::new(field, ErrorCode::Duplicate));
        }
    }
}

fn check_tags(q: &Question, catalogue: &Catalogue, at: &str, errors: &mut Vec<FieldError>) {
    let promises = |c: &str| catalogue.promise(c).is_some();
    let services = |c: &str| catalogue.service(c).is_some();
    check_tag_list(&q.tags.promises, &format!("{at}.tags.promises"), promises, errors);
    check_tag_list(&q.tags.services, &format!("{at}.tags.services"), services, errors);
}

fn check_tag_list(list: &[String], at: &str, known: impl Fn(&str) -> bool, errors: &mut Vec<FieldError>) {
    if list.len() > MAX_PROMISES {
        errors.push(FieldError::new(at, ErrorCode::TooMany));
        return;
    }
    let mut seen = Vec::new();
    for (j, c) in list.iter().enumerate() {
        let field = format!("{at}[{j}]");
        let before = errors.len();
        code(c, &field, &mut seen, errors);
        if errors.len() == before && !known(c) {
            errors.push(FieldError::new(field, ErrorCode::UnknownCode));
        }
    }
}
