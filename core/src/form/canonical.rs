//! The canonical encoding of a form's content, which [`super::hash`] hashes.
//!
//! Written by hand rather than through JSON so that nothing outside this file (field order, whitespace,
//! escaping, a serde upgrade) can change a published version's hash. Every part is written in a fixed
//! order; strings and lists carry their length, so no two different forms encode alike. Changing this
//! format changes every hash: never change it, only add a format with a new tag.

use super::{Choice, Form, Kind, Question};
use crate::catalogue::Bilingual;

const FORMAT: &str = "yoursay-form/1";

pub(super) fn encode(form: &Form) -> Vec<u8> {
    let mut out = Canonical(Vec::with_capacity(1024));
    out.str(FORMAT);
    out.str(&form.code);
    out.bilingual(&form.title);
    out.bilingual(&form.intro);
    out.str(form.audience.code());
    out.len(form.questions.len());
    for q in &form.questions {
        out.question(q);
    }
    out.0
}

struct Canonical(Vec<u8>);

impl Canonical {
    fn len(&mut self, n: usize) {
        self.0.extend_from_slice(&(n as u64).to_be_bytes());
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn flag(&mut self, b: bool) {
        self.0.push(u8::from(b));
    }

    fn bilingual(&mut self, b: &Bilingual) {
        self.str(&b.en);
        self.str(&b.cy);
    }

    fn strs(&mut self, list: &[String]) {
        self.len(list.len());
        for s in list {
            self.str(s);
        }
    }

    fn choices(&mut self, choices: &[Choice]) {
        self.len(choices.len());
        for c in choices {
            self.str(&c.code);
            self.bilingual(&c.label);
        }
    }

    fn question(&mut self, q: &Question) {
        self.str(&q.code);
        self.str(q.kind.name());
        match &q.kind {
            Kind::Faces | Kind::Easy3 | Kind::Frequency | Kind::ServicePromiseGrid => {}
            Kind::Single(choices) => self.choices(choices),
            Kind::Multi(m) => {
                self.choices(&m.choices);
                self.flag(m.none_of_these.is_some());
                if let Some(none) = &m.none_of_these {
                    self.bilingual(none);
                }
            }
            Kind::Text(t) => {
                self.len(t.max_chars as usize);
                self.flag(t.promise_tags);
            }
        }
        self.bilingual(&q.prompt);
        self.flag(q.help.is_some());
        if let Some(help) = &q.help {
            self.bilingual(help);
        }
        self.flag(q.required);
        self.flag(q.show_if.is_some());
        if let Some(rule) = &q.show_if {
            self.str(&rule.question);
            self.strs(&rule.any_of);
        }
        self.strs(&q.tags.promises);
        self.strs(&q.tags.services);
    }
}
