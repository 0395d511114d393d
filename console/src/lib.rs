//! The participation officer's console (`yoursay-console`): sign-in, inbox, results, catalogue, risk
//! words, settings, audit log and export. A crate and a wasm bundle of its own (`/officer/`), so none of
//! it reaches a young person's phone: their bundle is built from the `yoursay-app` library alone.
//!
//! What the two share (translations, the language preference) comes from that library under the same
//! paths (`crate::i18n`, `crate::prefs`).
//!
//! * `api`: the officer API over `fetch`. No UI.
//! * `charts`: SVG geometry, pure functions (tested in the browser test run of this crate).
//! * `form_edit`: the survey builder's pure logic (problem paths to boxes, edits of a form), tested too.
//! * `ui`, `layout`, `filters`, `address`: what the screens share (`address`: a list's filters and page
//!   kept in the screen's address).
//! * `pages`: one module per screen, UI only.

use yoursay_app::{i18n, prefs};

mod address;
pub mod api;
mod app;
pub mod charts;
mod filters;
pub mod form_edit;
mod layout;
mod pages;
mod ui;

pub use app::OfficerApp;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
