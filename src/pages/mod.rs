//! One module per screen. A form's answers live in its draft (`crate::drafts`, memory only) until it is
//! saved, when the draft is emptied: the next person on a shared tablet starts with an empty form.

pub mod about;
pub mod help;
pub mod home;
pub mod not_found;
pub mod rate;
pub mod say;
pub mod thanks;

use leptos::prelude::*;

/// Saves a checked entry on the device, then thanks the person; the form it came from is replaced in
/// the history so Back cannot show it again. `then(true)` once saved (the form empties its draft);
/// `then(false)` if the device cannot save: the form stays as it is and says so.
pub(crate) fn save_then_thank(
    (state, nav): (crate::state::AppState, crate::router::Nav),
    wire: yoursay_core::EntryWire,
    saving: RwSignal<bool>,
    then: impl FnOnce(bool) + 'static,
) {
    saving.set(true);
    leptos::task::spawn_local(async move {
        match state.save(wire).await {
            Ok(()) => {
                then(true);
                nav.go("/thanks", true);
            }
            Err(e) => {
                leptos::logging::error!("{e}");
                then(false);
                saving.set(false);
            }
        }
    });
}
