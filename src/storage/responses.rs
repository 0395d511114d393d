//! "You said, we did" as this device keeps it: the council's published responses (nothing personal: the
//! officer's words in both languages), the feed's cursor, and which changes this device has shown. Read
//! with no signal; changed only by applying a pull, in one transaction with the cursor it came with.

use std::collections::BTreeMap;

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;
use yoursay_core::you_said::{Feed, FeedItem};

use super::schema::{CACHE, RESPONSES};
use super::{StorageError, Store};

/// The cursor to send next time (`cache` store).
const CURSOR_KEY: &str = "responses_cursor";
/// Each response's `changed_at` as it was when this device last showed it (`cache` store).
const SEEN_KEY: &str = "responses_seen";

/// Which change of each response this device has shown: id → `changed_at`.
pub type Seen = BTreeMap<String, i64>;

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, StorageError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|_| StorageError("not storable".into()))
}

impl Store {
    /// Applies what the server sent: items added or replaced (by id), withdrawn ids removed, the new cursor
    /// kept — all or nothing. `from_start`: the pull began at the beginning (a cursor the server refused),
    /// so what the device held before is cleared first.
    pub async fn apply_feed(&self, feed: &Feed, from_start: bool) -> Result<(), StorageError> {
        let tx = self.db.transaction([RESPONSES, CACHE]).with_mode(TransactionMode::Readwrite).build()?;
        let responses = tx.object_store(RESPONSES)?;
        if from_start {
            responses.clear()?.await?;
        }
        for item in &feed.items {
            responses.put(to_js(item)?).primitive()?.await?;
        }
        for id in &feed.withdrawn {
            responses.delete(id.as_str()).primitive()?.await?;
        }
        tx.object_store(CACHE)?.put(feed.cursor.as_str()).with_key(CURSOR_KEY).primitive()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// The cursor to send with the next pull; none before the first.
    pub async fn feed_cursor(&self) -> Result<Option<String>, StorageError> {
        let tx = self.db.transaction(CACHE).build()?;
        let cursor: Option<JsValue> = tx.object_store(CACHE)?.get(CURSOR_KEY).primitive()?.await?;
        Ok(cursor.and_then(|c| c.as_string()))
    }

    /// Every response kept, newest first. One this version cannot read is left out rather than failing the
    /// rest (the next pull from the start replaces it).
    pub async fn responses(&self) -> Result<Vec<FeedItem>, StorageError> {
        let tx = self.db.transaction(RESPONSES).build()?;
        let objects = tx.object_store(RESPONSES)?.get_all::<JsValue>().primitive()?.await?;
        let mut items = Vec::new();
        for object in objects {
            items.extend(serde_wasm_bindgen::from_value::<FeedItem>(object?).ok());
        }
        newest_first(&mut items);
        Ok(items)
    }

    /// Which changes this device has shown (empty before the first look).
    pub async fn seen_responses(&self) -> Result<Seen, StorageError> {
        let tx = self.db.transaction(CACHE).build()?;
        let seen: Option<JsValue> = tx.object_store(CACHE)?.get(SEEN_KEY).primitive()?.await?;
        Ok(seen.and_then(|js| serde_wasm_bindgen::from_value(js).ok()).unwrap_or_default())
    }

    /// Remembers that these responses were shown as they are now; ids no longer kept are forgotten.
    pub async fn mark_seen(&self, shown: &[(String, i64)]) -> Result<(), StorageError> {
        let kept: Vec<String> = self.responses().await?.into_iter().map(|i| i.id).collect();
        let mut seen = self.seen_responses().await?;
        seen.retain(|id, _| kept.contains(id));
        seen.extend(shown.iter().cloned());
        let tx = self.db.transaction(CACHE).with_mode(TransactionMode::Readwrite).build()?;
        tx.object_store(CACHE)?.put(to_js(&seen)?).with_key(SEEN_KEY).primitive()?.await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The order "What changed" shows: newest published first (ties by id, so the order never jumps).
pub fn newest_first(items: &mut [FeedItem]) {
    items.sort_by(|a, b| b.published_at.cmp(&a.published_at).then_with(|| a.id.cmp(&b.id)));
}

/// Is this response new or changed since the device last showed it?
pub fn is_new(item: &FeedItem, seen: &Seen) -> bool {
    seen.get(&item.id) != Some(&item.changed_at)
}
