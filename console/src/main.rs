//! The participation officer's console: a bundle of its own (`/officer/`), so none of it reaches a young
//! person's phone. Built by scripts/build-console.sh from console/index.html.
//!
//! The console's code lives in this binary, not in the library: the young person's bundle is then built
//! from exactly the same library as without the console, byte for byte. What the two share (translations,
//! the language preference) comes from the library under the same paths (`crate::i18n`, `crate::prefs`).

use yoursay_app::{i18n, prefs};

mod officer;

fn main() {
    leptos::mount::mount_to_body(officer::OfficerApp);
}
