use leptos::prelude::*;

use crate::i18n::{fill, use_i18n, Key};
use crate::prefs;

/// Event mode, visible: a device opened with an event link tags everything it sends with the event's
/// code, so the screen says so and offers a one-tap way out. Full events (surveys, exit PIN) build on this.
#[component]
pub fn EventBanner() -> impl IntoView {
    let i18n = use_i18n();
    let event = RwSignal::new(prefs::event());
    view! {
        <div class="status-row" data-testid="event" hidden=move || event.with(Option::is_none)>
                <p class="status-text">
                    {move || fill(i18n.t(Key::EventActive), &[("code", &event.get().unwrap_or_default())])}
                </p>
                <button
                    type="button"
                    class="button button-secondary button-small"
                    on:click=move |_| {
                        prefs::set_event(None);
                        event.set(None);
                    }
                >
                    {i18n.tr(Key::EventLeave)}
                </button>
        </div>
    }
}
