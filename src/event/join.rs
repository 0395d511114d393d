//! `/event`: join an event by its code (typed, or from its QR code's `?code=`), then the event itself: its
//! name, when and where, when people will hear back, its surveys, and "Ready for use without signal" once
//! everything it needs is on the device.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yoursay_core::event::{DeviceEvent, JoinCode};
use yoursay_core::form::api::FormHeadline;

use super::joined::use_joined;
use crate::components::survey_links::SurveyLinks;
use crate::i18n::{event::Key as E, fill, survey::Key as S, use_i18n, Key};
use crate::router::{use_nav, Link};
use crate::sync::http::{self, NetError};

#[component]
pub fn EventScreen() -> impl IntoView {
    let joined = use_joined();
    view! {
        <section class="page event">
            {move || match joined.0.get() {
                Some(event) => view! { <EventHome event=event /> }.into_any(),
                None => view! { <JoinForm /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn JoinForm() -> impl IntoView {
    let i18n = use_i18n();
    let joined = use_joined();
    crate::platform::focus_heading();
    let code = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<E>);
    let joining = RwSignal::new(false);
    let join = move |typed: String| {
        if joining.get_untracked() {
            return;
        }
        let Ok(parsed) = JoinCode::parse(&typed) else {
            problem.set(Some(E::JoinBadCode));
            crate::platform::focus_by_id("event-code");
            return;
        };
        joining.set(true);
        problem.set(None);
        spawn_local(async move {
            match http::fetch_event(parsed.as_str()).await {
                Ok(event) => joined.join(event),
                Err(e) => {
                    problem.set(Some(match e {
                        NetError::Status(404) => E::JoinUnknown,
                        NetError::Status(410) => E::JoinEnded,
                        NetError::Unreachable => E::JoinOffline,
                        _ => E::JoinFailed,
                    }));
                    crate::platform::focus_by_id("event-code");
                }
            }
            joining.set(false);
        });
    };
    // The QR code's address carries the code: join at once, the same way as typing it.
    if let Some(from_qr) = crate::platform::take_from_address("code") {
        code.set(from_qr.clone());
        join(from_qr);
    }
    view! {
        <h1 tabindex="-1">{i18n.tr(E::JoinTitle)}</h1>
        <p class="lead">{i18n.tr(E::JoinIntro)}</p>
        <form on:submit=move |ev| {
            ev.prevent_default();
            join(code.get_untracked());
        } novalidate>
            <label for="event-code" class="label-big">{i18n.tr(E::JoinLabel)}</label>
            <p class="hint" id="event-code-hint">{i18n.tr(E::JoinHint)}</p>
            <Show when=move || problem.get().is_some()>
                <p class="error" id="event-code-error" role="alert">{move || problem.get().map(|k| i18n.t(k))}</p>
            </Show>
            <input
                type="text"
                id="event-code"
                class="event-code-input"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                maxlength="12"
                aria-describedby=move || {
                    if problem.get().is_some() { "event-code-error event-code-hint" } else { "event-code-hint" }
                }
                aria-invalid=move || problem.get().is_some().then_some("true")
                prop:value=move || code.get()
                on:input=move |ev| {
                    code.set(event_target_value(&ev));
                    problem.set(None);
                }
            />
            <button type="submit" class="button button-primary" disabled=move || joining.get()>
                {move || i18n.t(if joining.get() { E::JoinJoining } else { E::JoinButton })}
            </button>
        </form>
    }
}

#[component]
fn EventHome(event: DeviceEvent) -> impl IntoView {
    let i18n = use_i18n();
    let joined = use_joined();
    let nav = use_nav();
    crate::platform::focus_heading();
    let ready = RwSignal::new(false);
    watch_ready(ready);
    let name = event.name.clone();
    let (date, place, hear_back) = (event.date.clone(), event.place.clone(), event.hear_back_by.clone());
    let when = move || {
        fill(i18n.t(E::EventWhen), &[("date", &crate::i18n::date_in_words(date.as_str(), i18n)), ("place", &place)])
    };
    let hear =
        move || fill(i18n.t(E::EventHearBack), &[("date", &crate::i18n::date_in_words(hear_back.as_str(), i18n))]);
    let tablet = event.pass_the_tablet;
    let surveys = event.surveys.clone();
    let list = if surveys.is_empty() {
        view! { <p class="notice">{i18n.tr(E::EventNoSurveys)}</p> }.into_any()
    } else {
        view! {
            <h2>{i18n.tr(Key::EventSurveys)}</h2>
            <SurveyLinks forms=surveys.iter().map(FormHeadline::of).collect() />
        }
        .into_any()
    };
    view! {
        <h1 tabindex="-1">{move || i18n.pick(&name)}</h1>
        <p class="lead">{when}</p>
        <p>{hear}</p>
        <p class="notice" data-testid="event-ready" data-ready=move || ready.get().to_string()>
            {move || i18n.t(if ready.get() { E::EventReady } else { E::EventGettingReady })}
        </p>
        {tablet.then(|| view! { <p class="hint">{i18n.tr(E::EventTabletOn)}</p> })}
        {list}
        <div class="choices">
            <Link href="/say" class="choice">
                <span class="choice-title">{i18n.tr(Key::HomeSay)}</span>
            </Link>
            <Link href="/rate" class="choice">
                <span class="choice-title">{i18n.tr(Key::HomeRate)}</span>
            </Link>
        </div>
        <button
            type="button"
            class="button button-secondary"
            on:click=move |_| {
                if joined.tablet() {
                    nav.go(super::LEAVE_PATH, false);
                } else {
                    joined.leave();
                    nav.go("/", true);
                }
            }
        >
            {i18n.tr(E::EventLeave)}
        </button>
        <p><Link href=crate::survey::PREFIX class="text-target">{i18n.tr(S::RunAllSurveys)}</Link></p>
    }
}

/// Ready for use without signal: a service worker is in charge of this page and has this page's files
/// (the event and its surveys are already kept, in localStorage). Checked again each second until true.
fn watch_ready(ready: RwSignal<bool>) {
    spawn_local(async move {
        // Until ready, or until the screen is left (its signal let go).
        while ready.try_get_untracked() == Some(false) {
            if offline_ready().await {
                ready.try_set(true);
                return;
            }
            let _ = JsFuture::from(js_sys::Promise::new(&mut |done, _| {
                if let Some(w) = web_sys::window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&done, 1000);
                }
            }))
            .await;
        }
    });
}

async fn offline_ready() -> bool {
    let Some(window) = web_sys::window() else { return false };
    if window.navigator().service_worker().controller().is_none() {
        return false;
    }
    let Ok(caches) = window.caches() else { return false };
    match JsFuture::from(caches.match_with_str("/surveys/")).await {
        Ok(hit) => hit.dyn_ref::<web_sys::Response>().is_some(),
        Err(_) => false,
    }
}
