//! Getting entries off the device and fresh data onto it.
//!
//! `http` knows the server's API; `engine` empties the outbox through it; `schedule` decides when a run
//! happens and turns its outcome into the status the strip shows. None of them draws anything.

pub mod engine;
pub mod http;
pub mod schedule;

pub use engine::{sync_outbox, SyncError, SyncReport};
