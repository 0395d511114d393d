//! The server's device API over `fetch`, same origin only.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};
use yoursay_core::protocol::{Problem, PushRequest, PushResponse, CATALOGUE_PATH, PUSH_PATH};
use yoursay_core::{Catalogue, EntryWire};

#[derive(Debug, Clone, PartialEq)]
pub enum NetError {
    /// No answer at all: no signal, or the server is down.
    Unreachable,
    /// The server answered with an error for the whole request.
    Status(u16, Option<Problem>),
    /// The server answered something this version of the app cannot read.
    Unreadable(String),
}

async fn call(method: &str, path: &str, body: Option<&str>) -> Result<(u16, String), NetError> {
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
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| NetError::Unreachable)?
        .unchecked_into();
    let text = JsFuture::from(response.text().map_err(|_| NetError::Unreachable)?)
        .await
        .map_err(|_| NetError::Unreachable)?
        .as_string()
        .unwrap_or_default();
    Ok((response.status(), text))
}

fn decode<T: serde::de::DeserializeOwned>(status: u16, text: &str) -> Result<T, NetError> {
    if (200..300).contains(&status) {
        serde_json::from_str(text).map_err(|e| NetError::Unreadable(e.to_string()))
    } else if status == 0 || status == 502 || status == 503 || status == 504 {
        // A gateway or the service worker answering for a server that is down: no different from no signal.
        Err(NetError::Unreachable)
    } else {
        Err(NetError::Status(status, serde_json::from_str(text).ok()))
    }
}

pub async fn push(entries: Vec<EntryWire>) -> Result<PushResponse, NetError> {
    let body = serde_json::to_string(&PushRequest { entries }).map_err(|e| NetError::Unreadable(e.to_string()))?;
    let (status, text) = call("POST", PUSH_PATH, Some(&body)).await?;
    decode(status, &text)
}

pub async fn fetch_catalogue() -> Result<Catalogue, NetError> {
    let (status, text) = call("GET", CATALOGUE_PATH, None).await?;
    decode(status, &text)
}
