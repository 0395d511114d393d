//! The browser features around the app: the service worker, persistent storage, the document's language
//! and title, focus. When to sync is `sync::schedule`'s business.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

pub fn start() {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();

    // Ask the browser not to evict IndexedDB under storage pressure. The answer does not change what
    // we do, so it is not awaited for anything.
    if let Ok(promise) = navigator.storage().persist() {
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }

    // Localhost and HTTPS only; elsewhere the app still works online.
    let _ = navigator.service_worker().register("/sw.js");
}

/// `document.documentElement.lang`, so screen readers pronounce Welsh as Welsh.
pub fn set_document_language(code: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// Titles the document after the screen's heading ("Say something – Your Say"), so each screen has its
/// own title in the current language (WCAG 2.4.2). Runs after the screen or the language changed.
/// The app's name is read from the header, so this follows the language without being told.
pub fn sync_title() {
    request_animation_frame(title_from_heading);
}

fn title_from_heading() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let text = |selector: &str| doc.query_selector(selector).ok().flatten().and_then(|e| e.text_content());
    let app_name = text("header .brand").unwrap_or_default();
    match text("main h1") {
        Some(h) if !h.trim().is_empty() && h.trim() != app_name => doc.set_title(&format!("{} – {app_name}", h.trim())),
        _ => doc.set_title(&app_name),
    }
}

/// Moves focus to the page's main heading after a step, so screen reader users hear where they are.
pub fn focus_heading() {
    request_animation_frame(|| {
        let heading =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("main h1").ok().flatten());
        if let Some(h) = heading.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = h.focus();
        }
        title_from_heading();
    });
}

/// Moves focus to the element with this id (a field with a problem, a button to answer).
pub fn focus_by_id(id: &'static str) {
    request_animation_frame(move || {
        let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
        if let Some(el) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = el.focus();
        }
    });
}

/// The value of `name` in the address's query (`?name=value`), decoded, if it is there.
pub fn address_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let raw = search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))?;
    js_sys::decode_uri_component(raw).ok().map(String::from)
}

/// [`address_param`], taking the query out of the address when it is there, so a reload or Back does not
/// act on the same link twice (an event link, a join code).
pub fn take_from_address(name: &str) -> Option<String> {
    let value = address_param(name)?;
    let window = web_sys::window()?;
    if let (Ok(history), Ok(path)) = (window.history(), window.location().pathname()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(value)
}

/// A new random v4 UUID from the browser's CSPRNG.
pub fn new_entry_id() -> Option<String> {
    web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.random_uuid())
}
