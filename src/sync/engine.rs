//! Empties the outbox: oldest first, in batches, removing only what the server confirmed.

use std::cell::Cell;

use yoursay_core::protocol::{after_push, AfterPush, MAX_BATCH};

use super::http::{self, NetError};
use crate::storage::{StorageError, Store};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub confirmed: usize,
    pub refused: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SyncError {
    /// Another sync is running; this one did nothing.
    Busy,
    Net(NetError),
    Storage(StorageError),
}

impl From<StorageError> for SyncError {
    fn from(e: StorageError) -> Self {
        SyncError::Storage(e)
    }
}

thread_local! {
    // The timer, the `online` event and "Send now" can fire together; one push at a time keeps the
    // server's answers and the outbox in step.
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

struct RunGuard;

impl RunGuard {
    fn take() -> Option<RunGuard> {
        RUNNING.with(|r| (!r.replace(true)).then_some(RunGuard))
    }
}

impl Drop for RunGuard {
    fn drop(&mut self) {
        RUNNING.with(|r| r.set(false));
    }
}

pub async fn sync_outbox(store: &Store) -> Result<SyncReport, SyncError> {
    let _guard = RunGuard::take().ok_or(SyncError::Busy)?;
    let mut report = SyncReport::default();
    let waiting = store.waiting().await?;
    for batch in waiting.chunks(MAX_BATCH) {
        let ids: Vec<String> = batch.iter().map(|r| r.id.clone()).collect();
        let entries: Vec<_> = batch.iter().map(|r| r.entry.clone()).collect();
        let response = http::push(&entries).await.map_err(SyncError::Net)?;
        let decisions = after_push(&ids, &response);
        for (_, decision) in &decisions {
            match decision {
                AfterPush::Remove => report.confirmed += 1,
                AfterPush::MarkRefused(_) => report.refused += 1,
                AfterPush::Keep => {}
            }
        }
        store.apply(&decisions).await?;
    }
    Ok(report)
}
