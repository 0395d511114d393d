//! `/event/leave`: only the event's exit PIN ends pass-the-tablet mode. A wrong PIN gets a calm message and,
//! after three, a growing wait (`tablet::wrong_pin`); the mode stays on. "Get help now" stays in the header.

use leptos::prelude::*;

use super::joined::use_joined;
use super::tablet;
use crate::i18n::{event::Key as E, fill, use_i18n};
use crate::router::{use_nav, Link};

#[component]
pub fn LeaveScreen() -> impl IntoView {
    let i18n = use_i18n();
    let joined = use_joined();
    let nav = use_nav();
    crate::platform::focus_heading();
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let wait = RwSignal::new(tablet::wait_seconds(js_sys::Date::now()));
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let left = tablet::wait_seconds(js_sys::Date::now());
            if left != wait.get_untracked() {
                wait.set(left);
            }
        },
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    let leave = move || {
        if wait.get_untracked() > 0 {
            return;
        }
        let typed = pin.get_untracked();
        pin.set(String::new());
        let right = joined.0.with_untracked(|e| match e.as_ref().and_then(|e| e.pin.as_ref()) {
            Some(hash) => hash.check(&typed),
            // An event without a PIN: leaving is one tap on this screen.
            None => true,
        });
        if right {
            joined.leave();
            nav.go("/", true);
        } else {
            wrong.set(true);
            wait.set(tablet::wrong_pin(js_sys::Date::now()));
            crate::platform::focus_by_id("leave-pin");
        }
    };
    // Named outside `view!`: written inline, the macro read `> 0` as the end of the tag and the button's
    // text, so the button was disabled from the start ("disabled" set to the number 0).
    let waiting = move || wait.get() > 0;
    let message = move || {
        let w = wait.get();
        if w > 0 {
            Some(fill(i18n.t(E::LeaveWait), &[("n", &w.to_string())]))
        } else if wrong.get() {
            Some(i18n.t(E::LeaveWrong).to_owned())
        } else {
            None
        }
    };
    view! {
        <section class="page leave">
            <h1 tabindex="-1">{i18n.tr(E::LeaveTitle)}</h1>
            <p class="lead">{i18n.tr(E::LeaveIntro)}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                leave();
            } novalidate>
                <label for="leave-pin" class="label-big">{i18n.tr(E::LeaveLabel)}</label>
                <Show when=move || message().is_some()>
                    <p class="error" id="leave-error" role="alert">{message}</p>
                </Show>
                <input
                    type="password"
                    id="leave-pin"
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="8"
                    aria-describedby=move || message().is_some().then_some("leave-error")
                    aria-invalid=move || wrong.get().then_some("true")
                    prop:value=move || pin.get()
                    on:input=move |ev| pin.set(event_target_value(&ev))
                />
                <button type="submit" class="button button-primary" disabled=waiting>
                    {i18n.tr(E::LeaveButton)}
                </button>
            </form>
            <p><Link href=super::PATH class="text-target">{i18n.tr(E::LeaveCancel)}</Link></p>
        </section>
    }
}
