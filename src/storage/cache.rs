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
        // A copy this version cannot read is as good as none: the bundled catalogue or the server's will do.
        let cached: Result<Option<Catalogue>, _> = tx.object_store(CACHE)?.get(CATALOGUE_KEY).serde()?.await;
        Ok(cached.ok().flatten())
    }

    pub async fn cache_catalogue(&self, catalogue: &Catalogue) -> Result<(), StorageError> {
        let tx = self.db.transaction(CACHE).with_mode(TransactionMode::Readwrite).build()?;
        tx.object_store(CACHE)?.put(catalogue).with_key(CATALOGUE_KEY.to_owned()).serde()?.await?;
        tx.commit().await?;
        Ok(())
    }
}
