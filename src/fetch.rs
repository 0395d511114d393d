//! One way to ask this server for something (same origin): a method, a path and an optional JSON body
//! in; the status, `Retry-After` and the body as the browser's own `JSON` read it out. The app then needs
//! no JSON parser of its own, which keeps the download small for a phone on one bar of signal. Each caller
//! decodes the answer its own way.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

/// What the server said.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    /// `Retry-After` in seconds, when the server sent one.
    pub retry_after: Option<u32>,
    /// The body read as JSON; `null` when it was empty or not JSON.
    pub json: JsValue,
}

/// No answer at all: no signal, the server is down, or no answer came in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreachable;

/// How long a request may take, answer included. With one bar of signal a request can hang with no
/// error for many minutes; until it gives up, the outbox would say "Sending…" and no other sync run
/// could start. Given up, it is no answer at all: what was being sent stays waiting and goes again later
/// (the server answers `already_had` for what it stored meanwhile). 20 s lets a batch of 50 entries go
/// up even at a few kilobits a second.
pub const ANSWER_WITHIN_MS: u32 = 20_000;

/// A signal that aborts the request after [`ANSWER_WITHIN_MS`], where the browser has `AbortSignal.timeout`
/// (older ones wait as they always did).
fn time_limit() -> Option<web_sys::AbortSignal> {
    let constructor = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("AbortSignal")).ok()?;
    let has_timeout = js_sys::Reflect::has(&constructor, &JsValue::from_str("timeout")).unwrap_or(false);
    has_timeout.then(|| web_sys::AbortSignal::timeout_with_u32(ANSWER_WITHIN_MS))
}

pub async fn fetch(method: &str, path: &str, body: Option<&str>) -> Result<Answer, Unreachable> {
    let init = RequestInit::new();
    init.set_method(method);
    let limit = time_limit();
    init.set_signal(limit.as_ref());
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = Request::new_with_str_and_init(path, &init).map_err(|_| Unreachable)?;
    let headers = request.headers();
    if body.is_some() {
        headers.set("Content-Type", "application/json").map_err(|_| Unreachable)?;
    }
    headers.set("Accept", "application/json").map_err(|_| Unreachable)?;
    let window = web_sys::window().ok_or(Unreachable)?;
    let response: Response =
        JsFuture::from(window.fetch_with_request(&request)).await.map_err(|_| Unreachable)?.unchecked_into();
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").ok().flatten().and_then(|v| v.trim().parse().ok());
    let json = match response.json() {
        Ok(promise) if status != 204 => match JsFuture::from(promise).await {
            Ok(json) => json,
            // The time ran out while the answer was still coming: it was not heard.
            Err(_) if limit.as_ref().is_some_and(web_sys::AbortSignal::aborted) => return Err(Unreachable),
            Err(_) => JsValue::NULL,
        },
        _ => JsValue::NULL,
    };
    Ok(Answer { status, retry_after, json })
}
