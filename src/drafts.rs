//! Unsent forms, kept for the visit: one draft for each form a person can be half-way through (the
//! runner's `FormDraft`; "Say something", all on one page, keeps its text and contact details as typed).
//! Drafts live in memory only, never in storage: a reload or a closed tab forgets them, and they are
//! emptied the moment the entry is saved, so the next person on a shared tablet starts afresh.

use leptos::prelude::*;

use crate::runner::{AboutYouDraft, FormDraft};

/// "Say something" as typed so far.
#[derive(Clone, Copy)]
pub struct SayDraft {
    pub text: RwSignal<String>,
    pub tags: RwSignal<Vec<String>>,
    pub about: AboutYouDraft,
    /// Anonymous unless the person ticks "contact me"; unticking forgets what was typed there.
    pub wants_contact: RwSignal<bool>,
    pub contact_name: RwSignal<String>,
    pub contact_how: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct Drafts {
    pub say: SayDraft,
    pub rate: FormDraft,
    /// The survey being answered (on the surveys page).
    #[cfg(feature = "surveys")]
    pub survey: FormDraft,
}

impl SayDraft {
    pub fn clear(self) {
        self.text.set(String::new());
        self.tags.set(Vec::new());
        self.about.clear();
        self.wants_contact.set(false);
        self.contact_name.set(String::new());
        self.contact_how.set(String::new());
    }
}

impl Drafts {
    /// Made once for the app, so the drafts outlive the screens that fill them.
    pub fn provide() {
        provide_context(Drafts {
            say: SayDraft {
                text: RwSignal::new(String::new()),
                tags: RwSignal::new(Vec::new()),
                about: AboutYouDraft::new(),
                wants_contact: RwSignal::new(false),
                contact_name: RwSignal::new(String::new()),
                contact_how: RwSignal::new(String::new()),
            },
            rate: FormDraft::new(),
            #[cfg(feature = "surveys")]
            survey: FormDraft::new(),
        });
    }

    /// Empties every unsent form: the next person on a shared tablet starts afresh.
    #[cfg(feature = "surveys")]
    pub fn clear(self) {
        self.say.clear();
        self.rate.clear();
        self.survey.clear();
    }
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}
