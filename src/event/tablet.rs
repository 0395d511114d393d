//! Pass-the-tablet mode: the marker the service worker reads, and the exit PIN's wait between tries.
//!
//! While the marker is in the service worker's data cache (`/tablet-mode` in `yoursay-data`, see
//! `public/sw.js`), every page of the app opens as the surveys page, which has this mode's screens: so the
//! first-load app needs no code for it, and a reload or a typed address cannot step out of the mode.

use gloo_storage::{LocalStorage, Storage};
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const DATA_CACHE: &str = "yoursay-data";
const MARKER: &str = "/tablet-mode";
const TRIES: &str = "yoursay.pin.tries";
const WAIT_UNTIL: &str = "yoursay.pin.wait_until";

/// Puts the marker in the service worker's cache, or takes it out.
pub fn set_mode(on: bool) {
    spawn_local(async move {
        let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else { return };
        let Ok(cache) = JsFuture::from(caches.open(DATA_CACHE)).await else { return };
        let cache: web_sys::Cache = cache.unchecked_into();
        let done = if on {
            match web_sys::Response::new_with_opt_str(Some("on")) {
                Ok(response) => cache.put_with_str(MARKER, &response),
                Err(_) => return,
            }
        } else {
            cache.delete_with_str(MARKER)
        };
        let _ = JsFuture::from(done).await;
    });
    if !on {
        LocalStorage::delete(TRIES);
        LocalStorage::delete(WAIT_UNTIL);
    }
}

/// How long to wait before the next PIN may be tried, in whole seconds (0: now).
pub fn wait_seconds(now_ms: f64) -> u32 {
    let until: f64 =
        LocalStorage::raw().get_item(WAIT_UNTIL).ok().flatten().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    if until > now_ms {
        ((until - now_ms) / 1000.0).ceil() as u32
    } else {
        0
    }
}

/// A wrong PIN: three tries come free, then each wrong one waits twice as long (5 s, 10 s, 20 s …, at most
/// 10 minutes). Kept in localStorage so a reload does not start the count again. Returns the wait.
pub fn wrong_pin(now_ms: f64) -> u32 {
    let tries: u32 = LocalStorage::raw().get_item(TRIES).ok().flatten().and_then(|s| s.parse().ok()).unwrap_or(0) + 1;
    let _ = LocalStorage::raw().set_item(TRIES, &tries.to_string());
    let wait = yoursay_core::event::pin_wait_seconds(tries);
    if wait > 0 {
        let _ = LocalStorage::raw().set_item(WAIT_UNTIL, &(now_ms + f64::from(wait) * 1000.0).to_string());
    }
    wait
}
