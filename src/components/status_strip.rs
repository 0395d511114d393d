use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::EntryKind;

use super::event_banner::EventBanner;
use crate::i18n::{error_key, field_key, use_i18n, Key};
use crate::state::{use_app_state, SyncStatus};

/// How many entries wait on this device, and "Send now". Counts only: on a shared tablet nobody may read
/// what the last person wrote. Changes are announced politely.
///
/// It sits in the page's flow under the header, never fixed over the content: a strip that floats over
/// the page covers whatever control is scrolled beneath it. One slim line when nothing waits; one
/// sentence and "Send now" when something does.
#[component]
pub fn StatusStrip() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let waiting = move || state.counts.get().waiting;
    let sentence = move || {
        let n = waiting();
        let key = match state.sync.get() {
            SyncStatus::Sending => Key::StatusSending,
            SyncStatus::AllSent if n == 0 => Key::StatusAllSent,
            _ if n == 0 => Key::StatusNothingWaiting,
            SyncStatus::Offline => Key::StatusOffline,
            SyncStatus::Failed => Key::StatusFailed,
            _ => Key::StatusWillSend,
        };
        crate::i18n::fill(i18n.t(key), &[("n", &n.to_string())])
    };
    view! {
        <div class="status-strip">
            <Show when=move || state.storage_ok.get() == Some(false)>
                <p class="status-warning" role="alert">{i18n.tr(Key::StatusNoStorage)}</p>
            </Show>
            <EventBanner />
            <div class="status-row">
                <p class="status-text" role="status" aria-live="polite" data-testid="status" data-waiting=waiting>
                    {sentence}
                </p>
                <button
                    type="button"
                    class="button button-secondary button-small"
                    hidden=move || waiting() == 0
                    disabled=move || state.sync.get() == SyncStatus::Sending
                    on:click=move |_| state.sync_now()
                >
                    {i18n.tr(Key::StatusSendNow)}
                </button>
            </div>
            <Show when=move || !state.refused.get().is_empty()>
                <div class="refused" role="alert">
                    <h2>{i18n.tr(Key::RefusedHeading)}</h2>
                    <p>{i18n.tr(Key::RefusedExplain)}</p>
                    <ul>
                        // Rebuilt whole when it changes: it is short and rare, and a keyed list would cost
                        // more download than it saves work.
                        {move || {
                            state
                                .refused
                                .get()
                                .into_iter()
                                .map(|r| {
                                    let id = r.id;
                                    let kind = if r.kind == Some(EntryKind::Rating) { Key::KindRating } else { Key::KindView };
                                    let reasons = r.errors;
                                    view! {
                                        <li data-testid="refused-entry">
                                            <span>{i18n.tr(kind)}</span>
                                            ": "
                                            // Words, not the server's field paths: "(answers[0].promise)"
                                            // means nothing to the person holding the phone.
                                            {move || {
                                                reasons
                                                    .iter()
                                                    .map(|e| {
                                                        format!("{} ({})", i18n.t(error_key(e.code)), i18n.t(field_key(&e.field)))
                                                    })
                                                    .collect::<Vec<_>>()
                                                    .join("; ")
                                            }}
                                            " "
                                            <button
                                                type="button"
                                                class="button button-small"
                                                on:click=move |_| spawn_local(state.discard_refused(id.clone()))
                                            >
                                                {i18n.tr(Key::RefusedDiscard)}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </Show>
        </div>
    }
}
