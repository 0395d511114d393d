//! The participation officer's console (issue 3): sign-in, inbox, results, catalogue, risk words,
//! settings, audit log and export. A module of the `yoursay-officer` binary (`src/officer_main.rs`), not
//! of the library the young person's app is built from, so none of it can reach their bundle.
//!
//! * `api`: the officer API over `fetch`. No UI.
//! * `charts`: SVG geometry, pure functions (tested natively).
//! * `ui`, `layout`, `filters`: what the screens share.
//! * `pages`: one module per screen, UI only.

pub mod api;
mod app;
pub mod charts;
mod filters;
mod layout;
mod pages;
mod ui;

pub use app::OfficerApp;
