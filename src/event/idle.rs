//! In pass-the-tablet mode, a form left alone is cleared for the next person: after two minutes without a
//! touch or a key, "Still there?" asks first (WCAG 2.2.1) and gives 30 seconds with "More time"; then every
//! unsent form is emptied and the screen goes home. Nothing half-filled is ever sent.

use leptos::prelude::*;

use super::joined::use_joined;
use crate::i18n::{event::Key as E, fill, use_i18n};
use crate::router::use_nav;

/// Quiet time on a form before the question.
pub const IDLE_MS: f64 = 120_000.0;
/// Time to answer "Still there?" before the form is cleared.
pub const PROMPT_MS: f64 = 30_000.0;

/// Screens that hold someone's answers until they send them.
fn is_form(path: &str) -> bool {
    path == "/say" || path == "/rate" || path.strip_prefix("/surveys/").is_some_and(|code| !code.is_empty())
}

/// The watcher and its prompt; drawn once, in the layout.
#[component]
pub fn IdleGuard() -> impl IntoView {
    let i18n = use_i18n();
    let joined = use_joined();
    let nav = use_nav();
    // Every unsent form, taken from context when the guard is made (a timer runs outside any component,
    // where there is no context to ask).
    let unsent = crate::drafts::use_drafts();
    let last_activity = StoredValue::new(js_sys::Date::now());
    // When the prompt was shown (None: not shown).
    let prompted = RwSignal::new(None::<f64>);
    let now = RwSignal::new(js_sys::Date::now());
    let more_time = move || {
        last_activity.set_value(js_sys::Date::now());
        prompted.set(None);
    };
    for event in ["pointerdown", "keydown", "input"] {
        let handle = window_event_listener_untyped(event, move |_| {
            if prompted.get_untracked().is_none() {
                last_activity.set_value(js_sys::Date::now());
            }
        });
        std::mem::forget(handle);
    }
    let tick = move || {
        let t = js_sys::Date::now();
        now.set(t);
        if !joined.tablet() || !is_form(&nav.path_untracked()) {
            prompted.set(None);
            last_activity.set_value(t);
            return;
        }
        match prompted.get_untracked() {
            None if t - last_activity.get_value() >= IDLE_MS => {
                prompted.set(Some(t));
                crate::platform::focus_by_id("idle-more");
            }
            Some(at) if t - at >= PROMPT_MS => {
                prompted.set(None);
                last_activity.set_value(t);
                unsent.clear();
                nav.go("/", true);
            }
            _ => {}
        }
    };
    // The guard lives as long as the app: its interval is never cleared.
    let _ = set_interval_with_handle(tick, std::time::Duration::from_secs(1));
    let seconds_left = move || {
        let left = prompted.get().map_or(PROMPT_MS, |at| (PROMPT_MS - (now.get() - at)).max(0.0));
        (left / 1000.0).ceil().to_string()
    };
    view! {
        <Show when=move || prompted.get().is_some()>
            <div class="idle-backdrop">
                <div class="idle-prompt" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
                    <h2 id="idle-title">{i18n.tr(E::IdleTitle)}</h2>
                    <p id="idle-text">{move || fill(i18n.t(E::IdleText), &[("n", &seconds_left())])}</p>
                    <button type="button" id="idle-more" class="button button-primary" on:click=move |_| more_time()>
                        {i18n.tr(E::IdleMore)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
