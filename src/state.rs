//! What every screen shares: the outbox counts, the sync status, the catalogue. Screens read signals;
//! only the functions here change them.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::{catalogue::device_catalogue, Catalogue, EntryKind, EntryWire, FieldError};

use crate::storage::{self, OutboxCounts, RecordState, StorageError, Store};
use crate::sync::{self, http::NetError, SyncError};

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
}

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

fn store() -> Option<Store> {
    STORE.with(|s| s.borrow().clone())
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            counts: RwSignal::new(OutboxCounts::default()),
            refused: RwSignal::new(Vec::new()),
            sync: RwSignal::new(SyncStatus::Idle),
            catalogue: RwSignal::new(device_catalogue()),
            storage_ok: RwSignal::new(None),
        }
    }

    /// Opens the device database, shows what is waiting, then fetches the catalogue and syncs.
    pub fn start(self) {
        spawn_local(async move {
            match storage::open(storage::DB_NAME).await {
                Ok(opened) => {
                    STORE.with(|s| *s.borrow_mut() = Some(opened.clone()));
                    self.storage_ok.set(Some(true));
                    if let Ok(Some(cached)) = opened.cached_catalogue().await {
                        self.catalogue.set(cached);
                    }
                    self.refresh_counts().await;
                }
                Err(e) => {
                    leptos::logging::error!("{e}");
                    self.storage_ok.set(Some(false));
                }
            }
            self.refresh_catalogue().await;
            self.sync_now().await;
        });
    }

    pub async fn refresh_counts(self) {
        let Some(store) = store() else { return };
        if let Ok(records) = store.records().await {
            let refused: Vec<_> = records
                .iter()
                .filter(|r| r.state == RecordState::Refused)
                .map(|r| RefusedSummary { id: r.id.clone(), kind: r.kind(), errors: r.errors.clone() })
                .collect();
            self.counts.set(OutboxCounts { waiting: records.len() - refused.len(), refused: refused.len() });
            self.refused.set(refused);
        }
    }

    async fn refresh_catalogue(self) {
        let Ok(fresh) = sync::http::fetch_catalogue().await else { return };
        if fresh.version != self.catalogue.get_untracked().version {
            if let Some(store) = store() {
                let _ = store.cache_catalogue(&fresh).await;
            }
            self.catalogue.set(fresh);
        }
    }

    /// Saves an entry on the device. Resolves only once IndexedDB has committed it, then tries to send.
    pub async fn save(self, entry: EntryWire) -> Result<(), StorageError> {
        let store = store().ok_or_else(|| StorageError("the device database is not open".into()))?;
        store.save_entry(&entry, js_sys::Date::now()).await?;
        self.refresh_counts().await;
        spawn_local(self.sync_now());
        Ok(())
    }

    pub async fn sync_now(self) {
        let Some(store) = store() else { return };
        if self.counts.get_untracked().waiting == 0 {
            self.refresh_counts().await;
            if self.counts.get_untracked().waiting == 0 {
                return;
            }
        }
        self.sync.set(SyncStatus::Sending);
        let outcome = sync::sync_outbox(&store).await;
        if outcome == Err(SyncError::Busy) {
            // The sync already running will report.
            return;
        }
        self.refresh_counts().await;
        self.sync.set(match outcome {
            Ok(_) if self.counts.get_untracked().waiting == 0 => SyncStatus::AllSent,
            Ok(_) => SyncStatus::Idle,
            Err(SyncError::Net(NetError::Unreachable)) => SyncStatus::Offline,
            Err(_) => SyncStatus::Failed,
        });
    }

    pub async fn discard_refused(self, id: String) {
        if let Some(store) = store() {
            let _ = store.discard(&id).await;
        }
        self.refresh_counts().await;
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
