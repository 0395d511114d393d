//! The officer API of server/API.md over `fetch`, same origin, the session cookie sent by the browser.
//! Network and types only: no UI. Every `POST`/`PUT`/`DELETE` carries `Content-Type: application/json`,
//! with `{}` when there is nothing to say, as the server requires.

use serde::Serialize;
use wasm_bindgen::JsValue;
use yoursay_core::officer::OFFICER_PATH as BASE;
pub use yoursay_core::officer::{
    AnsweredBy, AuditFacts, AuditItem, Cell, ItemWords, Me, NewItem, Page, ResultRow, Results, RetentionPreview,
    RetentionRun, RiskWords, Settings, SettingsChange, SignIn, Tally, ViewAction, ViewItem, ViewStatus,
};
use yoursay_core::protocol::Problem;
use yoursay_core::{Catalogue, FieldError};

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer: the server is down or the network is gone.
    Unreachable,
    /// 401: no valid session (or, for sign-in, the wrong email or password).
    SignedOut,
    /// 429: too many failed sign-ins; try again after this many seconds.
    TooMany {
        retry_after_secs: u32,
    },
    /// 400 with the fields to fix.
    Invalid(Vec<FieldError>),
    NotFound,
    /// 409: someone else changed it first (a survey draft saved by another officer since it was opened).
    Conflict,
    /// Any other status, or an answer this console cannot read.
    Other(u16),
}

impl ApiError {
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ApiError::Invalid(errors) => errors,
            _ => &[],
        }
    }
}

struct Answer {
    status: u16,
    json: JsValue,
    retry_after: Option<u32>,
}

async fn call(method: &str, path: &str, body: Option<String>) -> Result<Answer, ApiError> {
    let body = match (method, body) {
        ("GET", _) => None,
        (_, Some(body)) => Some(body),
        (_, None) => Some("{}".to_owned()),
    };
    let url = if path.starts_with("/api/") { path.to_owned() } else { format!("{BASE}{path}") };
    let answer = yoursay_app::fetch::fetch(method, &url, body.as_deref()).await.map_err(|_| ApiError::Unreachable)?;
    Ok(Answer { status: answer.status, json: answer.json, retry_after: answer.retry_after })
}

fn decode<T: serde::de::DeserializeOwned>(answer: Answer) -> Result<T, ApiError> {
    match answer.status {
        200..=299 => serde_wasm_bindgen::from_value(answer.json).map_err(|_| ApiError::Other(answer.status)),
        401 => Err(ApiError::SignedOut),
        429 => Err(ApiError::TooMany { retry_after_secs: answer.retry_after.unwrap_or(30) }),
        404 => Err(ApiError::NotFound),
        409 => Err(ApiError::Conflict),
        400 => {
            let problem: Option<Problem> = serde_wasm_bindgen::from_value(answer.json).ok();
            Err(ApiError::Invalid(problem.map(|p| p.errors).unwrap_or_default()))
        }
        0 | 502..=504 => Err(ApiError::Unreachable),
        other => Err(ApiError::Other(other)),
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String, ApiError> {
    let js = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|_| ApiError::Other(0))?;
    js_sys::JSON::stringify(&js).ok().and_then(|s| s.as_string()).ok_or(ApiError::Other(0))
}

async fn get<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(call("GET", path, None).await?)
}

async fn send<T: serde::de::DeserializeOwned>(method: &str, path: &str, body: Option<String>) -> Result<T, ApiError> {
    decode(call(method, path, body).await?)
}

/// A query string from the filled-in parameters only, each value percent-encoded.
pub fn query(params: &[(&str, String)]) -> String {
    let parts: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v.trim()))))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

// ---- session ----

pub async fn sign_in(email: &str, password: &str) -> Result<Me, ApiError> {
    let body = SignIn { email: email.to_owned(), password: password.to_owned() };
    send("POST", "/session", Some(to_json(&body)?)).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    let answer = call("DELETE", "/session", None).await?;
    match answer.status {
        200..=299 | 401 => Ok(()),
        other => Err(ApiError::Other(other)),
    }
}

pub async fn me() -> Result<Me, ApiError> {
    get("/me").await
}

// ---- inbox ----

pub async fn views(query_string: &str) -> Result<Page<ViewItem>, ApiError> {
    get(&format!("/views{query_string}")).await
}

pub async fn view_action(id: &str, action: ViewAction) -> Result<ViewItem, ApiError> {
    let id = String::from(js_sys::encode_uri_component(id));
    send("POST", &format!("/views/{id}/{}", action.path()), None).await
}

/// Erases one entry for good, on the person's request (`204`, no body).
pub async fn erase_entry(id: &str) -> Result<(), ApiError> {
    let id = String::from(js_sys::encode_uri_component(id));
    let answer = call("DELETE", &format!("/entries/{id}"), None).await?;
    if answer.status == 204 {
        return Ok(());
    }
    decode::<serde::de::IgnoredAny>(answer).map(|_| ())
}

// ---- keywords ----

pub async fn keywords() -> Result<RiskWords, ApiError> {
    get("/keywords").await
}

pub async fn save_keywords(words: &RiskWords) -> Result<RiskWords, ApiError> {
    send("PUT", "/keywords", Some(to_json(words)?)).await
}

// ---- results ----

pub async fn results(query_string: &str) -> Result<Results, ApiError> {
    get(&format!("/results{query_string}")).await
}

// ---- surveys ----

pub use yoursay_core::form::api::{
    Draft, FormList, FormSummary, NewForm, OptionCount, PublishOutcome, QuestionResults, StartFrom, SurveyResults,
};
pub use yoursay_core::form::Form;

pub async fn forms() -> Result<FormList, ApiError> {
    get("/forms").await
}

fn form_path(code: &str, rest: &str) -> String {
    format!("/forms/{}{rest}", String::from(js_sys::encode_uri_component(code)))
}

pub async fn create_form(new: &NewForm) -> Result<Draft, ApiError> {
    send("POST", "/forms", Some(to_json(new)?)).await
}

pub async fn form_draft(code: &str) -> Result<Draft, ApiError> {
    get(&form_path(code, "/draft")).await
}

/// Saves the draft as opened at `revision`: [`ApiError::Conflict`] when another save came first.
pub async fn save_form_draft(form: &Form, revision: i64) -> Result<Draft, ApiError> {
    send("PUT", &form_path(&form.code, &format!("/draft?revision={revision}")), Some(to_json(form)?)).await
}

pub async fn publish_form(code: &str) -> Result<PublishOutcome, ApiError> {
    send("POST", &form_path(code, "/publish"), None).await
}

/// Retires a form (no longer offered to devices) or restores it.
pub async fn set_form_retired(code: &str, retire: bool) -> Result<FormSummary, ApiError> {
    send("POST", &form_path(code, if retire { "/retire" } else { "/restore" }), None).await
}

pub async fn survey_results(code: &str, query_string: &str) -> Result<SurveyResults, ApiError> {
    get(&form_path(code, &format!("/results{query_string}"))).await
}

// ---- you said, we did ----

pub use yoursay_core::you_said::{
    AnsweredViews, NewUpdate, Progress, ResponseDetail, ResponseList, ResponseState, ResponseText,
};

pub async fn responses() -> Result<ResponseList, ApiError> {
    get("/responses").await
}

pub async fn create_response(text: &ResponseText) -> Result<ResponseDetail, ApiError> {
    send("POST", "/responses", Some(to_json(text)?)).await
}

pub async fn save_response(id: &str, text: &ResponseText) -> Result<ResponseDetail, ApiError> {
    send("PUT", &format!("/responses/{id}"), Some(to_json(text)?)).await
}

/// `publish` or `withdraw`.
pub async fn response_action(id: &str, action: &str) -> Result<ResponseDetail, ApiError> {
    send("POST", &format!("/responses/{id}/{action}"), None).await
}

/// Replaces the views a response answers (kept for the officer only).
pub async fn set_response_views(id: &str, views: &AnsweredViews) -> Result<ResponseDetail, ApiError> {
    send("PUT", &format!("/responses/{id}/views"), Some(to_json(views)?)).await
}

pub async fn add_response_update(id: &str, update: &NewUpdate) -> Result<ResponseDetail, ApiError> {
    send("POST", &format!("/responses/{id}/updates"), Some(to_json(update)?)).await
}

// ---- events ----

pub use yoursay_core::event::{Event, EventDraft, EventList, JoinCode};

pub async fn events() -> Result<EventList, ApiError> {
    get("/events").await
}

pub async fn event(code: &str) -> Result<Event, ApiError> {
    let code = String::from(js_sys::encode_uri_component(code));
    get(&format!("/events/{code}")).await
}

pub async fn create_event(draft: &EventDraft) -> Result<Event, ApiError> {
    send("POST", "/events", Some(to_json(draft)?)).await
}

pub async fn save_event(code: &JoinCode, draft: &EventDraft) -> Result<Event, ApiError> {
    send("PUT", &format!("/events/{}", code.as_str()), Some(to_json(draft)?)).await
}

/// `close` or `reopen`.
pub async fn event_action(code: &JoinCode, action: &str) -> Result<Event, ApiError> {
    send("POST", &format!("/events/{}/{action}", code.as_str()), None).await
}

/// The poster's QR code (an image the browser fetches with the session cookie).
pub fn event_qr_url(code: &JoinCode) -> String {
    format!("{BASE}/events/{}/qr.svg", code.as_str())
}

// ---- catalogue ----

/// `promises` or `services`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Promises,
    Services,
}

impl Kind {
    pub fn path(self) -> &'static str {
        match self {
            Kind::Promises => "promises",
            Kind::Services => "services",
        }
    }
}

pub async fn catalogue() -> Result<Catalogue, ApiError> {
    decode(call("GET", yoursay_core::protocol::CATALOGUE_PATH, None).await?)
}

pub async fn add_item(kind: Kind, item: &NewItem) -> Result<Catalogue, ApiError> {
    send("POST", &format!("/catalogue/{}", kind.path()), Some(to_json(item)?)).await
}

pub async fn edit_item(kind: Kind, code: &str, words: &ItemWords) -> Result<Catalogue, ApiError> {
    let code = String::from(js_sys::encode_uri_component(code));
    send("PUT", &format!("/catalogue/{}/{code}", kind.path()), Some(to_json(words)?)).await
}

/// `retire` or `restore`.
pub async fn set_retired(kind: Kind, code: &str, retire: bool) -> Result<Catalogue, ApiError> {
    let code = String::from(js_sys::encode_uri_component(code));
    let action = if retire { "retire" } else { "restore" };
    send("POST", &format!("/catalogue/{}/{code}/{action}", kind.path()), None).await
}

// ---- settings, retention, audit ----

pub async fn settings() -> Result<Settings, ApiError> {
    get("/settings").await
}

/// Changes only the settings `change` names; answers all of them.
pub async fn save_settings(change: SettingsChange) -> Result<Settings, ApiError> {
    send("PUT", "/settings", Some(to_json(&change)?)).await
}

/// What a retention run keeping `months` months would delete now.
pub async fn retention_preview(months: u32) -> Result<RetentionPreview, ApiError> {
    get(&format!("/retention/preview?months={months}")).await
}

pub async fn run_retention() -> Result<RetentionRun, ApiError> {
    send("POST", "/retention/run", None).await
}

pub async fn audit(page: u32, per_page: u32) -> Result<Page<AuditItem>, ApiError> {
    get(&format!("/audit?page={page}&per_page={per_page}")).await
}

/// The address of a download: a plain link, the session cookie goes with it.
pub fn export_url(query_string: &str) -> String {
    format!("{BASE}/export{query_string}")
}
