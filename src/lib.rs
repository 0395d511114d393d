//! Your Say / Dweud Eich Dweud: the browser app young people and foster carers use, and the officer's
//! console. See ARCHITECTURE.md for the map.
//!
//! * `storage`: IndexedDB (the outbox and caches). No UI, no network.
//! * `fetch`: the one way to ask the server. `sync`: the device API, the loop that empties the outbox and
//!   when it runs. No UI.
//! * `runner`: the one form runner (Say, Rate and every survey): answers, steps, widgets, the way to the outbox.
//! * `state`, `prefs`, `i18n`, `drafts`: what screens share.
//! * `components`, `pages`: UI only.

mod app;
mod components;
mod docs;
mod drafts;
#[cfg(feature = "surveys")]
pub mod event;
pub mod fetch;
pub mod headlines;
pub mod i18n;
mod pages;
mod platform;
pub mod prefs;
mod router;
pub mod runner;
pub mod state;
pub mod storage;
#[cfg(feature = "surveys")]
pub mod survey;
pub mod sync;
#[cfg(feature = "surveys")]
mod you_said;

pub use app::App;
