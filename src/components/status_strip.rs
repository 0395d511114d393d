use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::EntryKind;

use crate::i18n::{error_key, use_i18n, Key};
use crate::state::{use_app_state, SyncStatus};

/// How many entries wait on this device, and "Send now". Counts only: on a shared tablet nobody may read
/// what the last person wrote. Changes are announced politely.
#[component]
pub fn StatusStrip() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let waiting = move || state.counts.get().waiting;
    let status_text = move || {
        let key = match state.sync.get() {
            SyncStatus::Sending => Key::StatusSending,
            SyncStatus::AllSent if waiting() == 0 => Key::StatusAllSent,
            SyncStatus::Offline => Key::StatusOffline,
            SyncStatus::Failed => Key::StatusFailed,
            _ if waiting() == 0 => Key::StatusNothingWaiting,
            _ => Key::StatusWillSend,
        };
        i18n.t(key)
    };
    view! {
        <footer class="status-strip">
            <Show when=move || state.storage_ok.get() == Some(false)>
                <p class="status-warning" role="alert">{i18n.tr(Key::StatusNoStorage)}</p>
            </Show>
            <div class="status-row">
                <p class="status-text" role="status" aria-live="polite" data-testid="status">
                    <span class="status-count">
                        {i18n.tr(Key::StatusWaiting)} " " <strong data-testid="waiting-count">{waiting}</strong>
                    </span>
                    " "
                    <span class="status-detail">{status_text}</span>
                </p>
                <button
                    type="button"
                    class="button button-secondary"
                    disabled=move || waiting() == 0 || state.sync.get() == SyncStatus::Sending
                    on:click=move |_| spawn_local(state.sync_now())
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
                                            {move || {
                                                reasons
                                                    .iter()
                                                    .map(|e| format!("{} ({})", i18n.t(error_key(e.code)), e.field))
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
        </footer>
    }
}
