use leptos::prelude::*;

use crate::i18n::{fill, use_i18n, Key};
use crate::prefs;

/// Event mode, visible: a device opened with an event link tags everything it sends with the event's
/// code, so the screen says so and offers a one-tap way out. Full events (surveys, exit PIN) build on this.
#[component]
pub fn EventBanner() -> impl IntoView {
    let i18n = use_i18n();
    let event = RwSignal::new(prefs::event());
    follow_joined(event);
    let leave = way_out(event);
    view! {
        <div class="status-row" data-testid="event" hidden=move || event.with(Option::is_none)>
                <p class="status-text">
                    {move || fill(i18n.t(Key::EventActive), &[("code", &event.get().unwrap_or_default())])}
                </p>
                <button
                    type="button"
                    class="button button-secondary button-small"
                    on:click=move |_| leave()
                >
                    {i18n.tr(Key::EventLeave)}
                </button>
        </div>
    }
}

/// One tap out of the event; on the surveys page, through the event's own way out (the exit PIN in
/// pass-the-tablet mode). Made with the component, where the context is.
#[cfg(not(feature = "surveys"))]
fn way_out(event: RwSignal<Option<String>>) -> impl Fn() + Copy {
    move || {
        prefs::set_event(None);
        event.set(None);
    }
}

#[cfg(feature = "surveys")]
fn way_out(event: RwSignal<Option<String>>) -> impl Fn() + Copy {
    let joined = crate::event::use_joined();
    let nav = crate::router::use_nav();
    move || {
        if joined.tablet() {
            nav.go(crate::event::LEAVE_PATH, false);
            return;
        }
        joined.leave();
        prefs::set_event(None);
        event.set(None);
    }
}

/// The event joined on the surveys page changes the banner at once.
#[cfg(feature = "surveys")]
fn follow_joined(event: RwSignal<Option<String>>) {
    let joined = crate::event::use_joined();
    Effect::new(move |_| {
        let code = joined.0.with(|e| e.as_ref().map(|e| e.code.as_str().to_owned()));
        event.set(code.or_else(prefs::event));
    });
}

#[cfg(not(feature = "surveys"))]
fn follow_joined(_: RwSignal<Option<String>>) {}
