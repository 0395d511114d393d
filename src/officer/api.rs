//! The officer API of server/API.md over `fetch`, same origin, the session cookie sent by the browser.
//! Network and types only: no UI. Every `POST`/`PUT`/`DELETE` carries `Content-Type: application/json`,
//! with `{}` when there is nothing to say, as the server requires.

use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};
use yoursay_core::protocol::Problem;
use yoursay_core::{Bilingual, Catalogue, FieldError};

const BASE: &str = "/api/v1/officer";

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

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Me {
    pub email: String,
    pub expires_at: f64,
}

#[derive(Serialize)]
struct SignIn<'a> {
    email: &'a str,
    password: &'a str,
}

pub async fn sign_in(email: &str, password: &str) -> Result<Me, ApiError> {
    send("POST", "/session", Some(to_json(&SignIn { email, password })?)).await
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

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ViewItem {
    pub id: String,
    pub created_at: f64,
    pub received_at: f64,
    pub language: String,
    pub event: Option<String>,
    pub role: Option<String>,
    pub age_band: Option<String>,
    pub text: String,
    #[serde(default)]
    pub promises: Vec<String>,
    pub status: String,
    pub reviewed: bool,
    pub hidden: bool,
    pub flagged: bool,
    #[serde(default)]
    pub flag_words: Vec<String>,
    pub followed_up: bool,
    /// Only when the person asked to be contacted.
    #[serde(default)]
    pub contact: Option<Contact>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Contact {
    pub name: String,
    pub how: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Page<T> {
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<T>,
}

pub async fn views(query_string: &str) -> Result<Page<ViewItem>, ApiError> {
    get(&format!("/views{query_string}")).await
}

/// `action` is `review`, `hide`, `unhide` or `follow-up`.
pub async fn view_action(id: &str, action: &str) -> Result<ViewItem, ApiError> {
    let id = String::from(js_sys::encode_uri_component(id));
    send("POST", &format!("/views/{id}/{action}"), None).await
}

// ---- keywords ----

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Keywords {
    pub en: Vec<String>,
    pub cy: Vec<String>,
}

pub async fn keywords() -> Result<Keywords, ApiError> {
    get("/keywords").await
}

pub async fn save_keywords(words: &Keywords) -> Result<Keywords, ApiError> {
    send("PUT", "/keywords", Some(to_json(words)?)).await
}

// ---- results ----

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Percentages {
    pub scores: [f64; 5],
    pub dont_know: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Tally {
    pub scores: [u32; 5],
    pub dont_know: u32,
    pub total: u32,
    pub suppressed: bool,
    pub percentages: Option<Percentages>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ResultRow {
    pub code: String,
    pub name: Bilingual,
    #[serde(default)]
    pub retired: bool,
    #[serde(default)]
    pub ratings: Option<u32>,
    pub tally: Tally,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Results {
    pub min_cell: u32,
    pub catalogue_version: u32,
    pub by_promise: Vec<ResultRow>,
    pub by_service: Vec<ResultRow>,
    /// One per service × promise pair with at least one answer.
    #[serde(default)]
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Cell {
    pub service: String,
    pub promise: String,
    pub tally: Tally,
}

pub async fn results(query_string: &str) -> Result<Results, ApiError> {
    get(&format!("/results{query_string}")).await
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemWords {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: Bilingual,
    pub line: Bilingual,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<Bilingual>,
}

pub async fn catalogue() -> Result<Catalogue, ApiError> {
    decode(call("GET", yoursay_core::protocol::CATALOGUE_PATH, None).await?)
}

pub async fn add_item(kind: Kind, words: &ItemWords) -> Result<Catalogue, ApiError> {
    send("POST", &format!("/catalogue/{}", kind.path()), Some(to_json(words)?)).await
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

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub retention_months: u32,
}

pub async fn settings() -> Result<Settings, ApiError> {
    get("/settings").await
}

pub async fn save_settings(settings: Settings) -> Result<Settings, ApiError> {
    send("PUT", "/settings", Some(to_json(&settings)?)).await
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RetentionRun {
    pub deleted: u32,
    pub cutoff: f64,
    pub cutoff_iso: String,
}

pub async fn run_retention() -> Result<RetentionRun, ApiError> {
    send("POST", "/retention/run", None).await
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AuditItem {
    pub id: f64,
    pub at: f64,
    pub at_iso: String,
    pub actor: String,
    pub action: String,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
}

pub async fn audit(page: u32, per_page: u32) -> Result<Page<AuditItem>, ApiError> {
    get(&format!("/audit?page={page}&per_page={per_page}")).await
}

/// The address of a download: a plain link, the session cookie goes with it.
pub fn export_url(query_string: &str) -> String {
    format!("{BASE}/export{query_string}")
}
