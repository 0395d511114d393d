//! Everything the device keeps in IndexedDB, behind a small API that hides the IndexedDB details.
//!
//! One database, versioned schema:
//! * `outbox`: entries not yet confirmed by the server, keyed by entry id, indexed by state and age.
//! * `cache`: copies of server data needed offline (the catalogue; the "you said, we did" cursor and what
//!   this device has shown of it), keyed by name.
//! * `responses`: "you said, we did" responses as last pulled, keyed by response id.

mod outbox;
mod responses;
mod schema;

pub use outbox::{OutboxCounts, OutboxRecord, QueuePosition, RecordState};
pub use responses::{is_new, newest_first, Seen};

/// The open device database. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    db: indexed_db_futures::database::Database,
}

mod cache;
pub use schema::{open, open_at, DB_NAME};

/// Something went wrong in the browser's storage. The message is for logs, not for people: screens
/// show their own translated words.
#[derive(Debug, Clone, PartialEq)]
pub struct StorageError(pub String);

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "storage: {}", self.0)
    }
}

// The library's own messages are not kept: formatting them (database versions are floats in IndexedDB)
// pulled Rust's float formatting, about 4 KB on the wire, into every phone's download for a line in the
// console log. What failed is still named.
impl From<indexed_db_futures::error::Error> for StorageError {
    fn from(_: indexed_db_futures::error::Error) -> Self {
        StorageError("request failed".into())
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StorageError {
    fn from(_: indexed_db_futures::error::OpenDbError) -> Self {
        StorageError("could not open".into())
    }
}
