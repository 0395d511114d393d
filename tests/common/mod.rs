//! What the browser test files share (each `tests/*.rs` is its own crate and includes this with
//! `mod common;`).

use yoursay_app::storage;

/// Deletes the device database `name`, so a test starts from nothing; no database is fine too.
pub async fn delete_database(name: &str) {
    if let Ok(request) = indexed_db_futures::database::Database::delete_by_name(name) {
        let _ = request.await;
    }
}

/// A freshly made device database of its own for one test, so tests never see each other's data.
pub async fn fresh(name: &str) -> storage::Store {
    delete_database(name).await;
    storage::open(name).await.expect("open")
}
