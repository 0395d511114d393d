//! When the outbox is sent, in one place: on start, after a save, on the browser's `online` event, on a
//! retry timer while something waits, and on "Send now". One run at a time; each run's outcome becomes
//! the status the strip shows.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::engine::{sync_outbox, SyncError, SyncReport};
use super::http::NetError;
use crate::state::{AppState, SyncStatus};

/// How often to retry while entries wait. Short enough that a returning signal is used within the
/// minute, long enough not to drain a battery.
const RETRY_EVERY: Duration = Duration::from_secs(30);

/// Sets up the triggers that come from the browser: the `online` event and the retry timer. The first
/// run is started by [`AppState::start`] once the device database is open.
pub fn start(state: AppState) {
    let online = window_event_listener(leptos::ev::online, move |_| send_now(state));
    std::mem::forget(online);
    let _ = set_interval_with_handle(
        move || {
            if state.counts.get_untracked().waiting > 0 {
                send_now(state);
            }
        },
        RETRY_EVERY,
    );
}

/// After an entry was saved: send it at once, unless the last try found no connection, in which case the
/// `online` event or the timer will (trying again now would only keep the phone busy for nothing).
pub fn after_save(state: AppState) {
    if state.sync.get_untracked() != SyncStatus::Offline {
        send_now(state);
    }
}

/// Starts a run in the background ("Send now", start-up, and every trigger above). Every trigger goes
/// through here so the run's state machine is compiled once, not once per caller that awaits it: each
/// copy cost the phone's download about a kilobyte.
pub fn send_now(state: AppState) {
    spawn_local(run(state));
}

/// One sync run, unless one is already going (the timer, `online` and "Send now" can fire together; one
/// push at a time keeps the server's answers and the outbox in step).
async fn run(state: AppState) {
    if state.sync.get_untracked() == SyncStatus::Sending {
        return;
    }
    let Some(store) = state.store() else { return };
    if state.counts.get_untracked().waiting == 0 {
        state.refresh_counts().await;
        if state.counts.get_untracked().waiting == 0 {
            return;
        }
    }
    state.sync.set(SyncStatus::Sending);
    let outcome = sync_outbox(&store).await;
    match outcome {
        Ok(report) => state.counted_sent(report).await,
        // Part of the run may have gone: count again.
        Err(_) => state.refresh_counts().await,
    }
    state.sync.set(status_after(&outcome, state.counts.get_untracked().waiting));
}

/// What the strip says after a run.
fn status_after(outcome: &Result<SyncReport, SyncError>, still_waiting: usize) -> SyncStatus {
    match outcome {
        Ok(_) if still_waiting == 0 => SyncStatus::AllSent,
        Ok(_) => SyncStatus::Idle,
        Err(SyncError::Net(NetError::Unreachable)) => SyncStatus::Offline,
        Err(_) => SyncStatus::Failed,
    }
}
