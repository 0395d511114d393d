//! Unsent forms, kept for the visit. A person who opens "Get help now" or "Your privacy" half-way
//! through "Say something", or goes Back in the middle of a rating, finds their answers where they left
//! them. Drafts live in memory only, never in storage: a reload or a closed tab forgets them, and they
//! are emptied the moment the entry is saved, so the next person on a shared tablet starts afresh.

use leptos::prelude::*;
use yoursay_core::{AgeBand, CatalogueItem, Role};

use crate::components::faces::Choice;

/// The optional "about you" answers of one form.
#[derive(Clone, Copy)]
pub struct AboutYouDraft {
    pub role: RwSignal<Option<Role>>,
    pub age_band: RwSignal<Option<AgeBand>>,
}

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

/// Where a rating has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateStep {
    PickService,
    Promise(usize),
    AboutYou,
}

/// "Rate a service" as answered so far.
#[derive(Clone, Copy)]
pub struct RateDraft {
    pub step: RwSignal<RateStep>,
    pub service: RwSignal<Option<CatalogueItem>>,
    /// The promises offered, fixed when the rating starts, so a catalogue refresh mid-way cannot shift
    /// which promise an answer belongs to.
    pub promises: RwSignal<Vec<CatalogueItem>>,
    pub choices: RwSignal<Vec<(String, Choice)>>,
    pub about: AboutYouDraft,
}

#[derive(Clone, Copy)]
pub struct Drafts {
    pub say: SayDraft,
    pub rate: RateDraft,
}

impl AboutYouDraft {
    pub(crate) fn new() -> Self {
        AboutYouDraft { role: RwSignal::new(None), age_band: RwSignal::new(None) }
    }

    pub(crate) fn clear(self) {
        self.role.set(None);
        self.age_band.set(None);
    }
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

impl RateDraft {
    pub fn clear(self) {
        self.step.set(RateStep::PickService);
        self.service.set(None);
        self.promises.set(Vec::new());
        self.choices.set(Vec::new());
        self.about.clear();
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
            rate: RateDraft {
                step: RwSignal::new(RateStep::PickService),
                service: RwSignal::new(None),
                promises: RwSignal::new(Vec::new()),
                choices: RwSignal::new(Vec::new()),
                about: AboutYouDraft::new(),
            },
        });
    }
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}
