//! One module per screen. Screens hold their own form state, so leaving a screen forgets what was typed:
//! the next person on a shared tablet starts with an empty form.

pub mod about;
pub mod help;
pub mod home;
pub mod not_found;
pub mod rate;
pub mod say;
pub mod thanks;

use leptos::prelude::*;

/// Saves a checked entry on the device, then thanks the person; the form it came from is replaced in
/// the history so Back cannot show it again. If the device cannot save, the form stays as it is and
/// `on_failure` says so.
fn save_then_thank(
    (state, nav): (crate::state::AppState, crate::router::Nav),
    wire: yoursay_core::EntryWire,
    saving: RwSignal<bool>,
    on_failure: impl FnOnce() + 'static,
) {
    saving.set(true);
    leptos::task::spawn_local(async move {
        match state.save(wire).await {
            Ok(()) => nav.go("/thanks", true),
            Err(e) => {
                leptos::logging::error!("{e}");
                on_failure();
                saving.set(false);
            }
        }
    });
}
