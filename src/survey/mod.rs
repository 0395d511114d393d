//! Surveys on the device: the list of published surveys and the one form runner that answers them, one
//! question per screen. Built only into the surveys page (the `surveys` feature, `surveys/index.html`),
//! which the service worker caches with the rest of the app: the first load stays small, and a survey
//! opens with no signal once the device has been online (the service worker keeps the last list of
//! published forms, `public/sw.js`).
//!
//! * `forms`: the published forms this device knows, shared by the screens.
//! * `list`, `runner`, `question`, `check`: UI only.

mod check;
mod forms;
mod list;
mod question;
mod runner;

use leptos::prelude::*;

pub use forms::SurveyForms;

/// Where the surveys live in the app: `/surveys` lists them, `/surveys/{code}` runs one.
pub const PREFIX: &str = crate::router::SURVEYS;

/// Shares the published forms for the whole visit (the survey's draft is with the others, `crate::drafts`).
pub fn provide() {
    SurveyForms::provide();
}

/// The screen for a path under [`PREFIX`].
#[component]
pub fn SurveyScreen(path: String) -> impl IntoView {
    let code = path.strip_prefix(PREFIX).unwrap_or_default().trim_matches('/').to_owned();
    if code.is_empty() {
        view! { <list::SurveyList /> }.into_any()
    } else {
        view! { <runner::SurveyRun code=code /> }.into_any()
    }
}

/// Is `path` one of the survey screens?
pub fn is_survey_path(path: &str) -> bool {
    path.strip_prefix(PREFIX).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}
