//! Getting entries off the device and fresh data onto it.
//!
//! `http` knows the server's API; `engine` empties the outbox through it; `schedule` decides when a run
//! happens and turns its outcome into the status the strip shows; `feed` pulls "you said, we did". None of them draws anything.

pub mod engine;
/// "You said, we did" pulled into the device database (the surveys page's "What changed").
#[cfg(feature = "surveys")]
pub mod feed;
pub mod http;
pub mod schedule;

pub use engine::{sync_outbox, SyncError, SyncReport};
