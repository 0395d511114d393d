//! The outbox: every entry is written here, and the write committed, before the person is thanked. An
//! entry leaves only when the server has confirmed it; one the server refused stays with its reasons.
//!
//! Records are plain JavaScript objects `{id, saved_at, state, entry, errors}`. The entry is kept as the
//! very object that will be sent, and the app never needs to read it back as Rust: that keeps a JSON
//! reader for entries out of the phone's download.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use yoursay_core::protocol::AfterPush;
use yoursay_core::{EntryKind, EntryWire, FieldError};

use super::schema::{OUTBOX, QUEUE};
use super::{StorageError, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordState {
    Waiting,
    Refused,
}

impl RecordState {
    fn code(self) -> &'static str {
        match self {
            RecordState::Waiting => "waiting",
            RecordState::Refused => "refused",
        }
    }
}

#[derive(Debug, Clone)]
pub struct OutboxRecord {
    pub id: String,
    pub saved_at: f64,
    pub state: RecordState,
    /// The entry exactly as it will be sent.
    pub entry: JsValue,
    pub errors: Vec<FieldError>,
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, StorageError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|_| StorageError("not storable".into()))
}

impl OutboxRecord {
    /// Where this record sits in the queue.
    pub fn position(&self) -> QueuePosition {
        QueuePosition { saved_at: self.saved_at, id: self.id.clone() }
    }

    pub fn new(entry: &EntryWire, saved_at: f64) -> Result<Self, StorageError> {
        Ok(OutboxRecord {
            id: entry.id.clone(),
            saved_at,
            state: RecordState::Waiting,
            entry: to_js(entry)?,
            errors: Vec::new(),
        })
    }

    /// What kind of entry it is, for saying what could not be sent; None for a kind this version does not
    /// know (an outbox kept across an upgrade).
    pub fn kind(&self) -> Option<EntryKind> {
        field(&self.entry, "kind").as_string().and_then(|k| EntryKind::from_code(&k))
    }

    /// The entry as Rust, for tests and tools; the app itself only sends it on.
    pub fn entry_wire(&self) -> Option<EntryWire> {
        serde_wasm_bindgen::from_value(self.entry.clone()).ok()
    }

    fn to_js(&self) -> Result<JsValue, StorageError> {
        let object = Object::new();
        let set = |name: &str, value: &JsValue| {
            Reflect::set(&object, &JsValue::from_str(name), value).map_err(|_| StorageError(name.into()))
        };
        set("id", &JsValue::from_str(&self.id))?;
        set("saved_at", &JsValue::from_f64(self.saved_at))?;
        set("state", &JsValue::from_str(self.state.code()))?;
        set("entry", &self.entry)?;
        set("errors", &to_js(&self.errors)?)?;
        Ok(object.into())
    }

    /// A stored object back as a record; `None` for anything this version does not recognise, which is
    /// then left untouched in storage rather than sent half-understood.
    fn from_js(object: &JsValue) -> Option<Self> {
        let state = match field(object, "state").as_string()?.as_str() {
            "waiting" => RecordState::Waiting,
            "refused" => RecordState::Refused,
            _ => return None,
        };
        Some(OutboxRecord {
            id: field(object, "id").as_string()?,
            saved_at: field(object, "saved_at").as_f64()?,
            state,
            entry: field(object, "entry"),
            errors: serde_wasm_bindgen::from_value(field(object, "errors")).unwrap_or_default(),
        })
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub waiting: usize,
    pub refused: usize,
}

/// Where a record sits in the queue: its `[state, saved_at, id]` key in the `queue` index. Oldest first,
/// and the id breaks ties between entries saved in the same millisecond.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuePosition {
    pub saved_at: f64,
    pub id: String,
}

fn queue_key(state: RecordState, rest: &[JsValue]) -> JsValue {
    let key = js_sys::Array::of1(&JsValue::from_str(state.code()));
    for part in rest {
        key.push(part);
    }
    key.into()
}

/// Every key of `state`, after `after` when given: `[state]` sorts before and `[state, []]` after every
/// `[state, saved_at, id]` (IndexedDB orders numbers before strings before arrays).
fn queue_range(state: RecordState, after: Option<&QueuePosition>) -> KeyRange<JsValue> {
    let upper = queue_key(state, &[js_sys::Array::new().into()]);
    match after {
        Some(p) => KeyRange::Bound(
            queue_key(state, &[JsValue::from_f64(p.saved_at), JsValue::from_str(&p.id)]),
            true,
            upper,
            false,
        ),
        None => KeyRange::Bound(queue_key(state, &[]), false, upper, false),
    }
}

impl Store {
    /// Saves an entry and returns only once the transaction has committed: after this the entry survives
    /// a closed tab, a flat battery or a reload.
    ///
    /// The commit is asked for together with the put, not after the put's own answer: one trip to the
    /// browser's database instead of two, on the path from "Send" to "Thank you". A put that fails aborts
    /// the transaction, so the commit still answers `Ok` only once the entry is stored
    /// (`tests/outbox.rs` checks that in the browser).
    pub async fn save_entry(&self, entry: &EntryWire, saved_at: f64) -> Result<(), StorageError> {
        let record = OutboxRecord::new(entry, saved_at)?.to_js()?;
        let tx = self.db.transaction(OUTBOX).with_mode(TransactionMode::Readwrite).build()?;
        let _put = tx.object_store(OUTBOX)?.put(record).primitive()?;
        tx.commit().await?;
        Ok(())
    }

    /// Records in `state`, oldest first, after `after`, at most `limit`.
    async fn in_state(
        &self,
        state: RecordState,
        after: Option<&QueuePosition>,
        limit: u32,
    ) -> Result<Vec<OutboxRecord>, StorageError> {
        let tx = self.db.transaction(OUTBOX).build()?;
        let store = tx.object_store(OUTBOX)?;
        let index = store.index(QUEUE)?;
        let objects = index
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(queue_range(state, after))
            .with_limit(limit)
            .primitive()?
            .await?;
        let mut records = Vec::new();
        for object in objects {
            records.extend(OutboxRecord::from_js(&object?));
        }
        Ok(records)
    }

    /// Every record: waiting ones oldest first, then refused ones oldest first.
    pub async fn records(&self) -> Result<Vec<OutboxRecord>, StorageError> {
        let mut records = self.waiting().await?;
        records.extend(self.refused().await?);
        Ok(records)
    }

    /// Every waiting record, oldest first.
    pub async fn waiting(&self) -> Result<Vec<OutboxRecord>, StorageError> {
        self.in_state(RecordState::Waiting, None, u32::MAX).await
    }

    /// The oldest `limit` waiting records after `after`: what sync sends next. Costs the batch, not the queue.
    pub async fn waiting_batch(
        &self,
        after: Option<&QueuePosition>,
        limit: u32,
    ) -> Result<Vec<OutboxRecord>, StorageError> {
        self.in_state(RecordState::Waiting, after, limit).await
    }

    /// The records the server refused (few: each is shown on screen until the person discards it).
    pub async fn refused(&self) -> Result<Vec<OutboxRecord>, StorageError> {
        self.in_state(RecordState::Refused, None, u32::MAX).await
    }

    /// How many records wait and how many were refused, counted by the index without reading them.
    pub async fn counts(&self) -> Result<OutboxCounts, StorageError> {
        let tx = self.db.transaction(OUTBOX).build()?;
        let store = tx.object_store(OUTBOX)?;
        let index = store.index(QUEUE)?;
        let waiting =
            index.count().with_query::<JsValue, _>(queue_range(RecordState::Waiting, None)).primitive()?.await?;
        let refused =
            index.count().with_query::<JsValue, _>(queue_range(RecordState::Refused, None)).primitive()?.await?;
        Ok(OutboxCounts { waiting: waiting as usize, refused: refused as usize })
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
                    let found: Option<JsValue> = store.get(id.as_str()).primitive()?.await?;
                    if let Some(mut record) = found.as_ref().and_then(OutboxRecord::from_js) {
                        record.state = RecordState::Refused;
                        record.errors = errors.clone();
                        store.put(record.to_js()?).primitive()?.await?;
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
