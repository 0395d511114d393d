//! A form as answered so far, kept for the visit: memory only, never stored, emptied when the entry is
//! saved, so the next person on a shared tablet starts afresh. A person who opens "Get help now" or "Your
//! privacy" half-way, or goes Back, finds their answers where they left them.

use leptos::prelude::*;
use yoursay_core::{AgeBand, Role};

use super::{Answered, Step};

/// The optional "about you" answers of one form.
#[derive(Clone, Copy)]
pub struct AboutYouDraft {
    pub role: RwSignal<Option<Role>>,
    pub age_band: RwSignal<Option<AgeBand>>,
}

impl AboutYouDraft {
    pub(crate) fn new() -> Self {
        AboutYouDraft { role: RwSignal::new(None), age_band: RwSignal::new(None) }
    }

    pub fn clear(self) {
        self.role.set(None);
        self.age_band.set(None);
    }
}

/// One form being answered on this device: "Rate a service" and the survey open now each have one.
#[derive(Clone, Copy)]
pub struct FormDraft {
    /// Which form and version the answers belong to: opening another one starts afresh.
    pub form: RwSignal<Option<(String, u32)>>,
    pub step: RwSignal<Step>,
    /// One per question of the form, by position; `None` while unanswered.
    pub answers: RwSignal<Vec<Option<Answered>>>,
    pub about: AboutYouDraft,
}

impl FormDraft {
    pub(crate) fn new() -> Self {
        FormDraft {
            form: RwSignal::new(None),
            step: RwSignal::new(Step::Intro),
            answers: RwSignal::new(Vec::new()),
            about: AboutYouDraft::new(),
        }
    }

    /// Starts `code` version `version` with `questions` questions, unless it is the one already open;
    /// `role` is the event's preset answer to "about you", if any.
    pub fn open(self, code: &str, version: u32, questions: usize, role: Option<Role>) {
        let same = self.form.with_untracked(|f| f.as_ref().is_some_and(|(c, v)| c == code && *v == version));
        if !same {
            self.clear();
            self.form.set(Some((code.to_owned(), version)));
            self.answers.set(vec![None; questions]);
            self.about.role.set(role);
        }
    }

    pub fn clear(self) {
        self.form.set(None);
        self.step.set(Step::Intro);
        self.answers.set(Vec::new());
        self.about.clear();
    }
}
