//! Getting entries off the device and fresh data onto it.
//!
//! `http` knows the server's API; `engine` empties the outbox through it. Neither touches the UI: they
//! report what happened and the caller updates the screen.

pub mod engine;
pub mod http;

pub use engine::{sync_outbox, SyncError, SyncReport};
