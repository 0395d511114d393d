//! Empties the outbox: oldest first, a batch at a time, removing only what the server confirmed. Each
//! batch is read from the outbox's queue index, so a sync costs what it sends, not what waits.

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
    Net(NetError),
    Storage(StorageError),
}

impl From<StorageError> for SyncError {
    fn from(e: StorageError) -> Self {
        SyncError::Storage(e)
    }
}

/// Sends every waiting entry once. Entries the server did not mention stay waiting and are passed over
/// (the next batch starts after the last one sent), so a run always ends. Callers make sure only one runs
/// at a time (`schedule`).
pub async fn sync_outbox(store: &Store) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    let mut after = None;
    loop {
        let batch = store.waiting_batch(after.as_ref(), MAX_BATCH as u32).await?;
        let Some(last) = batch.last() else { break };
        after = Some(last.position());
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
        if batch.len() < MAX_BATCH {
            break;
        }
    }
    Ok(report)
}
