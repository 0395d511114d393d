//! The outbox: every entry is written here, and the write committed, before the person is thanked. An
//! entry leaves only when the server has confirmed it; one the server refused stays with its reasons.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::{Deserialize, Serialize};
use yoursay_core::protocol::AfterPush;
use yoursay_core::{EntryWire, FieldError};

use super::schema::OUTBOX;
use super::{StorageError, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordState {
    Waiting,
    Refused,
}

/// What the outbox keeps per entry: the entry exactly as it will be sent, and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRecord {
    pub id: String,
    pub saved_at: f64,
    pub state: RecordState,
    pub entry: EntryWire,
    #[serde(default)]
    pub errors: Vec<FieldError>,
}

impl OutboxRecord {
    pub fn new(entry: &EntryWire, saved_at: f64) -> Self {
        OutboxRecord { id: entry.id.clone(), saved_at, state: RecordState::Waiting, entry: entry.clone(), errors: Vec::new() }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub waiting: usize,
    pub refused: usize,
}

impl Store {
    /// Saves an entry and returns only once the transaction has committed: after this the entry survives
    /// a closed tab, a flat battery or a reload.
    pub async fn save_entry(&self, entry: &EntryWire, saved_at: f64) -> Result<(), StorageError> {
        let tx = self.db.transaction(OUTBOX).with_mode(TransactionMode::Readwrite).build()?;
        let store = tx.object_store(OUTBOX)?;
        store.put(OutboxRecord::new(entry, saved_at)).serde()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every record, oldest first.
    pub async fn records(&self) -> Result<Vec<OutboxRecord>, StorageError> {
        let tx = self.db.transaction(OUTBOX).build()?;
        let store = tx.object_store(OUTBOX)?;
        let mut records = store
            .get_all::<OutboxRecord>()
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        records.sort_by(|a, b| a.saved_at.total_cmp(&b.saved_at));
        Ok(records)
    }

    pub async fn waiting(&self) -> Result<Vec<OutboxRecord>, StorageError> {
        let mut records = self.records().await?;
        records.retain(|r| r.state == RecordState::Waiting);
        Ok(records)
    }

    pub async fn counts(&self) -> Result<OutboxCounts, StorageError> {
        let records = self.records().await?;
        let refused = records.iter().filter(|r| r.state == RecordState::Refused).count();
        Ok(OutboxCounts { waiting: records.len() - refused, refused })
    }

    /// Applies the server's answers in one transaction: confirmed entries go, refused ones are marked
    /// with the reasons, anything else stays as it was.
    pub async fn apply(&self, decisions: &[(String, AfterPush)]) -> Result<(), StorageError> {
        let tx = self.db.transaction(OUTBOX).with_mode(TransactionMode::Readwrite).build()?;
        let store = tx.object_store(OUTBOX)?;
        for (id, decision) in decisions {
            match decision {
                AfterPush::Remove => store.delete(id.as_str()).primitive()?.await?,
                AfterPush::MarkRefused(errors) => {
                    let found: Option<OutboxRecord> = store.get(id.as_str()).serde()?.await?;
                    if let Some(mut record) = found {
                        record.state = RecordState::Refused;
                        record.errors = errors.clone();
                        store.put(record).serde()?.await?;
                    }
                }
                AfterPush::Keep => {}
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The person chose to discard an entry the server refused (after reading why).
    pub async fn discard(&self, id: &str) -> Result<(), StorageError> {
        let tx = self.db.transaction(OUTBOX).with_mode(TransactionMode::Readwrite).build()?;
        tx.object_store(OUTBOX)?.delete(id).primitive()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes the connection (tests reopen to prove data survives).
    pub fn close(self) {
        self.db.close();
    }
}
