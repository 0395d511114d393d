//! The published forms this device knows. Asked of the server when the surveys page starts and when the
//! list is opened; with no signal the service worker answers with the last list it fetched.

use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::form::api::PublishedFormWire;

use crate::sync::http::{self, NetError};

#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Loading,
    Ready(Vec<PublishedFormWire>),
    /// Neither the server nor the service worker had a list (never online with the surveys page).
    Unavailable,
}

#[derive(Clone, Copy)]
pub struct SurveyForms {
    pub loaded: RwSignal<Loaded>,
}

impl SurveyForms {
    pub fn provide() {
        let forms = SurveyForms { loaded: RwSignal::new(Loaded::Loading) };
        provide_context(forms);
        forms.refresh();
    }

    /// Reads the list again. A list already shown stays shown when the new one cannot be had, and is
    /// replaced only when it changed (the runner on screen would otherwise be drawn again).
    pub fn refresh(self) {
        spawn_local(async move {
            let next = match http::fetch_forms().await {
                Ok(list) => Loaded::Ready(list.forms),
                Err(NetError::Unreachable | NetError::Status(_) | NetError::Unreadable(_)) => {
                    if matches!(self.loaded.get_untracked(), Loaded::Ready(_)) {
                        return;
                    }
                    Loaded::Unavailable
                }
            };
            if self.loaded.with_untracked(|now| *now != next) {
                self.loaded.set(next);
            }
        });
    }

    /// The form with this code: from the published list, or else from the event this device joined (kept
    /// on the device, so an event's survey opens even if the list was never fetched).
    pub fn find(self, code: &str) -> Option<PublishedFormWire> {
        let listed = self.loaded.with(|l| match l {
            Loaded::Ready(list) => list.iter().find(|f| f.form.code == code).cloned(),
            _ => None,
        });
        listed.or_else(|| {
            crate::event::use_joined().0.with(|e| e.as_ref()?.surveys.iter().find(|f| f.form.code == code).cloned())
        })
    }

    /// Still waiting for the first answer, with no event survey to show meanwhile?
    pub fn loading(self) -> bool {
        self.loaded.with(|l| *l == Loaded::Loading)
    }
}

pub fn use_survey_forms() -> SurveyForms {
    expect_context::<SurveyForms>()
}
