//! Small preferences kept in localStorage (gloo-storage) and the privacy notice's retention period so the
//! notice can state it offline. Never entries: those live in IndexedDB.
//!
//! Values are plain strings through `LocalStorage::raw()`: gloo's typed `get`/`set` would bring a JSON
//! parser into the phone's download for two short codes.

use gloo_storage::{LocalStorage, Storage};
use yoursay_core::Language;

fn get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    // Private browsing may refuse; the app then simply forgets the choice next time.
    let _ = LocalStorage::raw().set_item(key, value);
}

const LANGUAGE: &str = "yoursay.language";
const EVENT: &str = "yoursay.event";
const RETENTION: &str = "yoursay.retention_months";

/// The language chosen last time; otherwise the browser's, Welsh if it prefers Welsh.
pub fn language() -> Language {
    if let Some(code) = get(LANGUAGE) {
        if let Ok(lang) = Language::parse(&code) {
            return lang;
        }
    }
    let browser = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    if browser.to_ascii_lowercase().starts_with("cy") {
        Language::Cy
    } else {
        Language::En
    }
}

pub fn set_language(lang: Language) {
    set(LANGUAGE, lang.code());
}

/// The event this device is set up for (from an event link or QR code), if any.
pub fn event() -> Option<String> {
    get(EVENT)
}

/// An event link (`/?event=CODE`, as printed in the event's QR code) puts this device in that event's
/// mode until "Leave event" or another link changes it (`/?event=` clears it). The code is then taken
/// out of the address, so a reload after leaving does not put the device back in the event.
pub fn take_event_from_url() {
    let Some(value) = crate::platform::take_from_address("event") else { return };
    match yoursay_core::EventCode::parse(&value) {
        Ok(code) => set_event(Some(code.as_str())),
        Err(_) => set_event(None),
    }
}

pub fn set_event(code: Option<&str>) {
    match code {
        Some(code) => set(EVENT, code),
        None => LocalStorage::delete(EVENT),
    }
}

/// The retention period the officer set, as last read from the server.
pub fn retention_months() -> Option<u32> {
    get(RETENTION)?.parse().ok()
}

pub fn set_retention_months(months: u32) {
    set(RETENTION, &months.to_string());
}
