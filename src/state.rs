//! What every screen shares: the outbox counts, the sync status, the catalogue. Screens read signals;
//! only the functions here change them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::{catalogue::device_catalogue, Catalogue, EntryKind, EntryWire, FieldError};

use crate::storage::{self, OutboxCounts, StorageError, Store};
use crate::sync::{self, SyncReport};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncStatus {
    Idle,
    Sending,
    /// The last attempt reached the server and everything waiting went.
    AllSent,
    /// The last attempt could not reach the server.
    Offline,
    /// The server answered with an error for the whole batch.
    Failed,
}

/// A refused entry as shown on screen: when and why, never what was written (the device may be shared).
#[derive(Debug, Clone, PartialEq)]
pub struct RefusedSummary {
    pub id: String,
    pub kind: Option<EntryKind>,
    pub errors: Vec<FieldError>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub counts: RwSignal<OutboxCounts>,
    pub refused: RwSignal<Vec<RefusedSummary>>,
    pub sync: RwSignal<SyncStatus>,
    pub catalogue: RwSignal<Catalogue>,
    /// False until the device database opened; if it never does, screens say entries cannot be kept.
    pub storage_ok: RwSignal<Option<bool>>,
    /// The open device database (a browser object, so kept on this thread only).
    store: StoredValue<Option<Store>, LocalStorage>,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            counts: RwSignal::new(OutboxCounts::default()),
            refused: RwSignal::new(Vec::new()),
            sync: RwSignal::new(SyncStatus::Idle),
            catalogue: RwSignal::new(device_catalogue()),
            storage_ok: RwSignal::new(None),
            store: StoredValue::new_local(None),
        }
    }

    /// Opens the device database, then counts and sends what is waiting while it fetches the catalogue.
    pub fn start(self) {
        spawn_local(async move {
            match storage::open(storage::DB_NAME).await {
                Ok(opened) => {
                    self.store.set_value(Some(opened.clone()));
                    self.storage_ok.set(Some(true));
                    if let Ok(Some(cached)) = opened.cached_catalogue().await {
                        self.catalogue.set(cached);
                    }
                    // A run counts what waits before anything else (the strip shows it at once) and
                    // sends it; started here rather than awaited, so its code is compiled once.
                    sync::schedule::send_now(self);
                }
                Err(e) => {
                    leptos::logging::error!("{e}");
                    self.storage_ok.set(Some(false));
                }
            }
            self.refresh_catalogue().await;
        });
    }

    pub fn store(self) -> Option<Store> {
        self.store.get_value()
    }

    /// Counts what waits and lists what was refused, from the outbox's index: at start, after a failed run
    /// and after a discard. Saves and successful runs adjust the counts instead (`counted_*`).
    pub async fn refresh_counts(self) {
        let Some(store) = self.store() else { return };
        if let Ok(counts) = store.counts().await {
            self.counts.set(counts);
            self.refresh_refused(&store, counts.refused).await;
        }
    }

    async fn refresh_refused(self, store: &Store, how_many: usize) {
        if how_many == 0 {
            if !self.refused.get_untracked().is_empty() {
                self.refused.set(Vec::new());
            }
            return;
        }
        if let Ok(records) = store.refused().await {
            self.refused.set(
                records
                    .iter()
                    .map(|r| RefusedSummary { id: r.id.clone(), kind: r.kind(), errors: r.errors.clone() })
                    .collect(),
            );
        }
    }

    /// A sync run ended: what it sent no longer waits, what was refused is listed.
    pub(crate) async fn counted_sent(self, report: SyncReport) {
        self.counts.update(|c| {
            c.waiting = c.waiting.saturating_sub(report.confirmed + report.refused);
            c.refused += report.refused;
        });
        if report.refused > 0 {
            if let Some(store) = self.store() {
                self.refresh_refused(&store, report.refused).await;
            }
        }
    }

    async fn refresh_catalogue(self) {
        let Ok(fresh) = sync::http::fetch_catalogue().await else { return };
        if fresh.version != self.catalogue.get_untracked().version {
            if let Some(store) = self.store() {
                let _ = store.cache_catalogue(&fresh).await;
            }
            self.catalogue.set(fresh);
        }
    }

    /// Saves an entry on the device. Resolves only once IndexedDB has committed it; the count grows by one
    /// without re-reading the outbox, and sending is left to the schedule.
    pub async fn save(self, entry: EntryWire) -> Result<(), StorageError> {
        let store = self.store().ok_or_else(|| StorageError("the device database is not open".into()))?;
        store.save_entry(&entry, js_sys::Date::now()).await?;
        self.counts.update(|c| c.waiting += 1);
        sync::schedule::after_save(self);
        Ok(())
    }

    /// "Send now", and any other trigger: see `sync::schedule`.
    pub fn sync_now(self) {
        sync::schedule::send_now(self);
    }

    /// Removes one refused entry the person chose to let go. The counts and the list are updated in place
    /// rather than read again: re-reading compiled a second copy of the whole count into the phone's download.
    pub async fn discard_refused(self, id: String) {
        let Some(store) = self.store() else { return };
        if store.discard(&id).await.is_ok() {
            self.refused.update(|r| r.retain(|s| s.id != id));
            self.counts.update(|c| c.refused = c.refused.saturating_sub(1));
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
