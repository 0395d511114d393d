//! The server's device API, through the one fetch helper (`crate::fetch`).

use wasm_bindgen::JsValue;
use yoursay_core::form::api::{DeviceForms, FormHeadline, FORMS_PATH};
use yoursay_core::protocol::{PushResponse, CATALOGUE_PATH, NOTICE_PATH, PUSH_PATH};
use yoursay_core::Catalogue;

#[derive(Debug, Clone, PartialEq)]
pub enum NetError {
    /// No answer at all: no signal, or the server is down.
    Unreachable,
    /// The server answered with an error for the whole request (its problem details are in the
    /// server's log; the device only needs to keep the entries and try again later).
    Status(u16),
    /// The server answered something this version of the app cannot read. (The reader's own message is
    /// dropped: turning it into a string cost the phone's download more than a log line is worth.)
    Unreadable(&'static str),
}

async fn call(method: &str, path: &str, body: Option<&str>) -> Result<(u16, JsValue), NetError> {
    let answer = crate::fetch::fetch(method, path, body).await.map_err(|_| NetError::Unreachable)?;
    Ok((answer.status, answer.json))
}

/// Whether the server answered with success; what any other status means for the device.
fn answered(status: u16) -> Result<(), NetError> {
    if (200..300).contains(&status) {
        Ok(())
    } else if status == 0 || status == 502 || status == 503 || status == 504 {
        // A gateway or the service worker answering for a server that is down: no different from no signal.
        Err(NetError::Unreachable)
    } else {
        Err(NetError::Status(status))
    }
}

fn decode<T: serde::de::DeserializeOwned>(status: u16, json: JsValue) -> Result<T, NetError> {
    answered(status)?;
    serde_wasm_bindgen::from_value(json).map_err(|_| NetError::Unreadable("answer"))
}

/// Sends stored entries as they are: `{"entries": [...]}`.
pub async fn push(entries: &[JsValue]) -> Result<PushResponse, NetError> {
    let request = js_sys::Object::new();
    let list: js_sys::Array = entries.iter().collect();
    js_sys::Reflect::set(&request, &JsValue::from_str("entries"), &list)
        .map_err(|_| NetError::Unreadable("request"))?;
    let body = js_sys::JSON::stringify(&request)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or(NetError::Unreadable("JSON.stringify failed"))?;
    let (status, json) = call("POST", PUSH_PATH, Some(&body)).await?;
    decode(status, json)
}

pub async fn fetch_catalogue() -> Result<Catalogue, NetError> {
    let (status, json) = call("GET", CATALOGUE_PATH, None).await?;
    decode(status, json)
}

/// The surveys published now (each one's current version). With no signal the service worker answers with
/// the last list it fetched (`public/sw.js`), so a survey seen once online opens offline.
pub async fn fetch_forms() -> Result<DeviceForms, NetError> {
    let (status, json) = call("GET", FORMS_PATH, None).await?;
    decode(status, json)
}

/// What the lists of surveys show of each published one (the home screen's list), read field by field
/// (`crate::headlines`) rather than decoded as forms: the first load carries no form decoder. With no
/// signal the service worker answers with the last list it kept.
pub async fn fetch_form_headlines() -> Result<Vec<FormHeadline>, NetError> {
    let (status, json) = call("GET", FORMS_PATH, None).await?;
    answered(status)?;
    Ok(crate::headlines::of_published(&json))
}

/// What a device keeps when it joins an event (`code` as typed: the server reads any case, spaces and
/// hyphens). `Status(404)`: no such event; `Status(410)`: it has ended.
pub async fn fetch_event(code: &str) -> Result<yoursay_core::event::DeviceEvent, NetError> {
    let path = format!("{}/{}", yoursay_core::event::EVENTS_PATH, code);
    let (status, json) = call("GET", &path, None).await?;
    decode(status, json)
}

/// The retention period of core's `Notice`, read by name from the browser's parse of it: deriving a
/// decoder for one number would cost the phone's download more than it checks.
pub async fn fetch_retention_months() -> Result<f64, NetError> {
    let (status, json) = call("GET", NOTICE_PATH, None).await?;
    answered(status)?;
    js_sys::Reflect::get(&json, &JsValue::from_str("retention_months"))
        .ok()
        .and_then(|v| v.as_f64())
        .ok_or(NetError::Unreadable("notice"))
}

/// "You said, we did" changed since `since` (none: from the beginning). `Status(400)`: a cursor this
/// server never gave out (a database restored, say): pull again from the beginning.
pub async fn fetch_feed(since: Option<&str>) -> Result<yoursay_core::you_said::Feed, NetError> {
    let path = match since {
        Some(cursor) => format!(
            "{}?since={}",
            yoursay_core::you_said::FEED_PATH,
            String::from(js_sys::encode_uri_component(cursor))
        ),
        None => yoursay_core::you_said::FEED_PATH.to_owned(),
    };
    let (status, json) = call("GET", &path, None).await?;
    decode(status, json)
}
