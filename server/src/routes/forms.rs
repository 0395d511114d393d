//! The device's surveys: the current version of every offered form, with an `ETag` so a device that is up
//! to date gets `304` and no body, and any version ever published, so answers waiting on a device for
//! weeks can still be shown and sent. Drafts never leave the officer's API.
//!
//! A version is sent as the text it was stored with when published, never re-encoded: what a device was
//! sent once, it is sent again byte for byte.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use yoursay_core::form::api::{DeviceForms, PublishedFormWire, FORMS_PATH};
use yoursay_core::{ErrorCode, FieldError};

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::forms::{self as store, StoredVersion};

pub fn router() -> Router<AppState> {
    Router::new().route(FORMS_PATH, get(list)).route(&format!("{FORMS_PATH}/{{code}}/{{version}}"), get(version))
}

/// A version number in a path: a whole number from 1.
pub fn version_number(s: &str) -> ApiResult<u32> {
    s.parse().ok().filter(|v| *v > 0).ok_or_else(|| ApiError::field(FieldError::new("version", ErrorCode::Invalid)))
}

pub(crate) fn wire(v: &StoredVersion) -> ApiResult<PublishedFormWire<&RawValue>> {
    let form = serde_json::from_str(&v.form).map_err(|e| anyhow::Error::from(e).context("a stored version"))?;
    Ok(PublishedFormWire { version: v.version, content_hash: v.content_hash.clone(), form })
}

/// Weak, because the compression layer may send other bytes for the same content.
fn entity_tag(parts: impl IntoIterator<Item = String>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update(b"\n");
    }
    let hex: String = hasher.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

/// `If-None-Match` holds `tag` (compared weakly) or `*`.
fn not_modified(headers: &HeaderMap, tag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || opaque(t) == opaque(tag))
}

/// JSON with its tag; a device must ask again each time (`no-cache`), and gets `304` while the tag holds.
fn tagged(headers: &HeaderMap, tag: String, body: &impl Serialize) -> ApiResult<Response> {
    let tag_header = HeaderValue::from_str(&tag).map_err(anyhow::Error::from)?;
    let cache = (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if not_modified(headers, &tag) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag_header), cache]).into_response());
    }
    let json = serde_json::to_vec(body).map_err(anyhow::Error::from)?;
    let content_type = (header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok(([(header::ETAG, tag_header), cache, content_type], json).into_response())
}

#[tracing::instrument(skip_all)]
pub async fn list(State(state): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    let mut conn = state.pool.acquire().await?;
    let current = store::latest_versions(&mut conn, false).await?;
    let tag = entity_tag(current.iter().map(|v| format!("{} {} {}", v.code, v.version, v.content_hash)));
    let forms = current.iter().map(wire).collect::<ApiResult<_>>()?;
    tagged(&headers, tag, &DeviceForms { forms })
}

#[tracing::instrument(skip_all, fields(code = %code, version = %version))]
pub async fn version(
    State(state): State<AppState>,
    Path((code, version)): Path<(String, String)>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let version = version_number(&version)?;
    let stored = store::version(&state.pool, &code, version).await?.ok_or(ApiError::NotFound)?;
    let tag = entity_tag([format!("{} {} {}", stored.code, stored.version, stored.content_hash)]);
    tagged(&headers, tag, &wire(&stored)?)
}
