use leptos::prelude::*;

use crate::components::layout::Layout;
use crate::i18n::I18n;
use crate::pages::about::{Accessibility, PrivacyAdults, PrivacyYoung};
use crate::pages::{help::Help, home::Home, not_found::NotFound, rate::Rate, say::Say, thanks::Thanks};
use crate::router::Nav;
use crate::state::AppState;
use crate::{platform, prefs};

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n { lang: RwSignal::new(prefs::language()) };
    provide_context(i18n);
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        platform::set_document_language(lang.code());
        platform::sync_title();
        prefs::set_language(lang);
    });

    prefs::take_event_from_url();
    let state = AppState::new();
    provide_context(state);
    state.start();
    platform::start();
    crate::sync::schedule::start(state);

    crate::drafts::Drafts::provide();
    #[cfg(feature = "surveys")]
    crate::event::provide();
    #[cfg(feature = "surveys")]
    crate::survey::provide();
    let nav = Nav::provide();
    // Each screen is built afresh when it is entered; a form's answers wait in its draft (memory only)
    // until it is sent, and the draft is emptied then, so the next person never sees them.
    let screen = move || match nav.path().as_str() {
        "/" => view! { <Home /> }.into_any(),
        "/say" => view! { <Say /> }.into_any(),
        "/rate" => view! { <Rate /> }.into_any(),
        "/thanks" => view! { <Thanks /> }.into_any(),
        "/help" => view! { <Help /> }.into_any(),
        "/privacy" => view! { <PrivacyYoung /> }.into_any(),
        "/privacy/adults" => view! { <PrivacyAdults /> }.into_any(),
        "/accessibility" => view! { <Accessibility /> }.into_any(),
        // "What changed" is on the surveys page only: the first load's home screen links to it with a page load.
        #[cfg(feature = "surveys")]
        crate::you_said::PATH => view! { <crate::you_said::WhatChanged /> }.into_any(),
        #[cfg(feature = "surveys")]
        crate::event::PATH => view! { <crate::event::EventScreen /> }.into_any(),
        #[cfg(feature = "surveys")]
        crate::event::LEAVE_PATH => view! { <crate::event::LeaveScreen /> }.into_any(),
        #[cfg(feature = "surveys")]
        p if crate::survey::is_survey_path(p) => view! { <crate::survey::SurveyScreen path=p.to_owned() /> }.into_any(),
        _ => view! { <NotFound /> }.into_any(),
    };
    view! { <Layout>{screen}</Layout> }
}
