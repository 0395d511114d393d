//! Published versions of forms, read once and kept: a version is written once and never changed, so a
//! copy can never go stale. A push of 50 survey entries reads each version it names at most once, and the
//! export reads each version its rows name once, for the question and choice labels.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use sqlx::AnyPool;
use yoursay_core::{Catalogue, Form, PublishedForm};

use crate::store::forms::{self, StoredVersion};

#[derive(Default)]
pub struct PublishedForms {
    held: RwLock<HashMap<(String, u32), Arc<PublishedForm>>>,
}

impl PublishedForms {
    /// The version `version` of form `code`, retired or not; `None` if it was never published. Only
    /// versions that exist are kept, so asking for made-up codes cannot grow the map.
    pub async fn get(
        &self,
        pool: &AnyPool,
        catalogue: &Catalogue,
        code: &str,
        version: u32,
    ) -> anyhow::Result<Option<Arc<PublishedForm>>> {
        let key = (code.to_owned(), version);
        if let Some(found) = self.held.read().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return Ok(Some(found.clone()));
        }
        let Some(stored) = forms::version(pool, code, version).await? else { return Ok(None) };
        let restored = Arc::new(restore(&stored, catalogue)?);
        self.held.write().unwrap_or_else(|p| p.into_inner()).insert(key, restored.clone());
        Ok(Some(restored))
    }

    /// Whether any version of form `code` was ever published: tells "no such survey" from "no such version".
    pub async fn known(&self, pool: &AnyPool, code: &str) -> anyhow::Result<bool> {
        if self.held.read().unwrap_or_else(|p| p.into_inner()).keys().any(|(c, _)| c == code) {
            return Ok(true);
        }
        let found: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM form_versions WHERE code = $1").bind(code).fetch_one(pool).await?;
        Ok(found > 0)
    }
}

/// A stored version read back and checked against the hash it was published with. Stored versions were
/// written by this server from valid forms, so failing here is the server's fault, never the sender's.
pub fn restore(stored: &StoredVersion, catalogue: &Catalogue) -> anyhow::Result<PublishedForm> {
    let form: Form = serde_json::from_str(&stored.form)
        .map_err(|e| anyhow::anyhow!("stored form {} {} is not a form: {e}", stored.code, stored.version))?;
    PublishedForm::restore(&form, stored.version, &stored.content_hash, catalogue).map_err(|errors| {
        anyhow::anyhow!("stored version {} {} no longer passes: {errors:?}", stored.code, stored.version)
    })
}
