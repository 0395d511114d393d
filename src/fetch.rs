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

/// No answer at all: no signal, or the server is down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreachable;

pub async fn fetch(method: &str, path: &str, body: Option<&str>) -> Result<Answer, Unreachable> {
    let init = RequestInit::new();
    init.set_method(method);
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
        Ok(promise) if status != 204 => JsFuture::from(promise).await.unwrap_or(JsValue::NULL),
        _ => JsValue::NULL,
    };
    Ok(Answer { status, retry_after, json })
}
