use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;

use super::{StorageError, Store};

pub const DB_NAME: &str = "yoursay";
pub(super) const OUTBOX: &str = "outbox";
pub(super) const CACHE: &str = "cache";

/// Bump when the schema changes, and add a step to the match below: steps run in order from the
/// device's version, so a phone that skipped releases still upgrades correctly.
const VERSION: u32 = 1;

/// Opens (and creates or upgrades) the database called `name`. The app uses [`DB_NAME`]; tests use
/// their own names so they never touch real data.
pub async fn open(name: &str) -> Result<Store, StorageError> {
    let db = Database::open(name)
        .with_version(VERSION)
        .with_on_upgrade_needed(|event, db| {
            let old = event.old_version() as u32;
            if old < 1 {
                db.create_object_store(OUTBOX).with_key_path("id".into()).build()?;
                db.create_object_store(CACHE).build()?;
            }
            Ok(())
        })
        .await?;
    Ok(Store { db })
}
