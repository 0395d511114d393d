//! The server's device API over `fetch`, same origin only.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};
use yoursay_core::protocol::{PushResponse, CATALOGUE_PATH, NOTICE_PATH, PUSH_PATH};
use yoursay_core::Catalogue;

#[derive(Debug, Clone, PartialEq)]
pub enum NetError {
    /// No answer at all: no signal, or the server is down.
    Unreachable,
    /// The server answered with an error for the whole request (its problem details are in the
    /// server's log; the device only needs to keep the entries and try again later).
    Status(u16),
    /// The server answered something this version of the app cannot read.
    Unreadable(String),
}

async fn call(method: &str, path: &str, body: Option<&str>) -> Result<(u16, JsValue), NetError> {
    let init = RequestInit::new();
    init.set_method(method);
    if let Some(body) = body {
        init.set_body(&body.into());
    }
    let request = Request::new_with_str_and_init(path, &init).map_err(|_| NetError::Unreachable)?;
    if body.is_some() {
        request.headers().set("Content-Type", "application/json").map_err(|_| NetError::Unreachable)?;
    }
    request.headers().set("Accept", "application/json").map_err(|_| NetError::Unreachable)?;
    let window = web_sys::window().ok_or(NetError::Unreachable)?;
    let response: Response =
        JsFuture::from(window.fetch_with_request(&request)).await.map_err(|_| NetError::Unreachable)?.unchecked_into();
    // The browser parses the JSON: the app then needs no JSON parser of its own, which keeps the download
    // small for a phone on one bar of signal.
    let json = match response.json() {
        Ok(promise) => JsFuture::from(promise).await.unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    };
    Ok((response.status(), json))
}

fn decode<T: serde::de::DeserializeOwned>(status: u16, json: JsValue) -> Result<T, NetError> {
    if (200..300).contains(&status) {
        serde_wasm_bindgen::from_value(json).map_err(|e| NetError::Unreadable(e.to_string()))
    } else if status == 0 || status == 502 || status == 503 || status == 504 {
        // A gateway or the service worker answering for a server that is down: no different from no signal.
        Err(NetError::Unreachable)
    } else {
        Err(NetError::Status(status))
    }
}

/// Sends stored entries as they are: `{"entries": [...]}`.
pub async fn push(entries: &[JsValue]) -> Result<PushResponse, NetError> {
    let request = js_sys::Object::new();
    let list: js_sys::Array = entries.iter().collect();
    js_sys::Reflect::set(&request, &JsValue::from_str("entries"), &list)
        .map_err(|_| NetError::Unreadable("request".into()))?;
    let body = js_sys::JSON::stringify(&request)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| NetError::Unreadable("JSON.stringify failed".into()))?;
    let (status, json) = call("POST", PUSH_PATH, Some(&body)).await?;
    decode(status, json)
}

pub async fn fetch_catalogue() -> Result<Catalogue, NetError> {
    let (status, json) = call("GET", CATALOGUE_PATH, None).await?;
    decode(status, json)
}

/// The retention period of core's `Notice`, read by name from the browser's parse of it: deriving a
/// decoder for one number would cost the phone's download more than it checks.
pub async fn fetch_retention_months() -> Result<f64, NetError> {
    let (status, json) = call("GET", NOTICE_PATH, None).await?;
    if !(200..300).contains(&status) {
        return Err(NetError::Status(status));
    }
    js_sys::Reflect::get(&json, &JsValue::from_str("retention_months"))
        .ok()
        .and_then(|v| v.as_f64())
        .ok_or_else(|| NetError::Unreadable("notice".into()))
}
