use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::survey_links::SurveyLinks;
use crate::i18n::{use_i18n, Key};
use crate::router::Link;

#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    crate::platform::focus_heading();
    // At an event, the surveys the officer chose for it (kept on the device when it joined). Otherwise the
    // published surveys, from the server or, with no signal, from the service worker's last copy. Until
    // they are known (and if there are none) the home screen links to the surveys page, as its plain-HTML
    // first screen does.
    let at_event = crate::prefs::joined_event().map(|e| crate::headlines::of_event(&e)).unwrap_or_default();
    let published = at_event.is_empty();
    let heading = if published { Key::HomeSurveysHeading } else { Key::EventSurveys };
    let surveys = RwSignal::new(at_event);
    if published {
        spawn_local(async move {
            if let Ok(list) = crate::sync::http::fetch_form_headlines().await {
                surveys.set(list);
            }
        });
    }
    view! {
        <section class="page home">
            <h1 tabindex="-1">{i18n.tr(Key::HomeTitle)}</h1>
            <p class="lead">{i18n.tr(Key::HomeIntro)}</p>
            <div class="choices">
                <Link href="/say" class="choice choice-say">
                    <span class="choice-title">{i18n.tr(Key::HomeSay)}</span>
                    <span class="choice-hint">{i18n.tr(Key::HomeSayHint)}</span>
                </Link>
                <Link href="/rate" class="choice choice-rate">
                    <span class="choice-title">{i18n.tr(Key::HomeRate)}</span>
                    <span class="choice-hint">{i18n.tr(Key::HomeRateHint)}</span>
                </Link>
                // A page of its own (the surveys build, fetched on demand and kept by the service worker), so
                // an ordinary link: the first load never carries the survey runner.
                <Show when=move || surveys.with(Vec::is_empty)>
                    <a href=crate::router::SURVEYS class="choice choice-survey">
                        <span class="choice-title">{i18n.tr(Key::HomeSurveys)}</span>
                    </a>
                </Show>
            </div>
            <Show when=move || !surveys.with(Vec::is_empty)>
                <h2>{i18n.tr(heading)}</h2>
                <SurveyLinks forms=surveys.get() />
            </Show>
            // On the surveys page too (kept in the device database, pulled by cursor): a page load.
            <p><a href="/what-changed" class="text-target">{i18n.tr(Key::WhatChangedTitle)}</a></p>
            <p class="hint">{i18n.tr(Key::HomeAnonymous)}</p>
        </section>
    }
}
