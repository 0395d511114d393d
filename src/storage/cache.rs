//! Copies of server data the app needs when there is no signal.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;
use yoursay_core::Catalogue;

use super::schema::CACHE;
use super::{StorageError, Store};

const CATALOGUE_KEY: &str = "catalogue";

impl Store {
    pub async fn cached_catalogue(&self) -> Result<Option<Catalogue>, StorageError> {
        let tx = self.db.transaction(CACHE).build()?;
        let cached: Option<JsValue> = tx.object_store(CACHE)?.get(CATALOGUE_KEY).primitive()?.await?;
        // A copy this version cannot read is as good as none: the bundled catalogue or the server's will do.
        Ok(cached.and_then(|js| serde_wasm_bindgen::from_value(js).ok()))
    }

    pub async fn cache_catalogue(&self, catalogue: &Catalogue) -> Result<(), StorageError> {
        let js = serde::Serialize::serialize(catalogue, &serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|_| StorageError("not storable".into()))?;
        let tx = self.db.transaction(CACHE).with_mode(TransactionMode::Readwrite).build()?;
        tx.object_store(CACHE)?.put(js).with_key(CATALOGUE_KEY).primitive()?.await?;
        tx.commit().await?;
        Ok(())
    }
}
