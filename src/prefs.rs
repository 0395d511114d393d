//! Small preferences kept in localStorage (gloo-storage), the privacy notice's retention period so the
//! notice can state it offline, and the event this device joined. Never entries: those live in IndexedDB.
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
/// The event this device joined, as the server sent it (`src/event/joined.rs` writes it on the surveys page).
pub const JOINED_EVENT: &str = "yoursay.event.joined";

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

/// The joined event as the browser parses it, while this device is still set up for that event (an event
/// link or "Leave event" since may have changed the event code; then the kept copy is stale).
pub fn joined_event() -> Option<wasm_bindgen::JsValue> {
    let event = js_sys::JSON::parse(&get(JOINED_EVENT)?).ok()?;
    let code = js_sys::Reflect::get(&event, &wasm_bindgen::JsValue::from_str("code")).ok()?.as_string()?;
    (self::event().as_deref() == Some(code.as_str())).then_some(event)
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
