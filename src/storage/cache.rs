//! Copies of server data the app needs when there is no signal.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use yoursay_core::Catalogue;

use super::schema::CACHE;
use super::{StorageError, Store};

const CATALOGUE_KEY: &str = "catalogue";

impl Store {
    pub async fn cached_catalogue(&self) -> Result<Option<Catalogue>, StorageError> {
        let tx = self.db.transaction(CACHE).build()?;
        let json: Option<String> = tx.object_store(CACHE)?.get(CATALOGUE_KEY).primitive()?.await?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    pub async fn cache_catalogue(&self, catalogue: &Catalogue) -> Result<(), StorageError> {
        let json = serde_json::to_string(catalogue).map_err(|e| StorageError(e.to_string()))?;
        let tx = self.db.transaction(CACHE).with_mode(TransactionMode::Readwrite).build()?;
        tx.object_store(CACHE)?.put(json).with_key(CATALOGUE_KEY).primitive()?.await?;
        tx.commit().await?;
        Ok(())
    }
}
