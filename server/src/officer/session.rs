//! Signing in and out, and the [`Officer`] extractor every other officer route takes: a handler that has
//! an `Officer` argument cannot run without a live session.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use sha2::{Digest, Sha256};
use yoursay_core::officer::{Me, SignIn};

use super::password::{self, Email};
use crate::clock::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::state::AppState;
use crate::store::{audit, officers};

pub const COOKIE: &str = "yoursay_session";
const SESSION_MS: i64 = 8 * 60 * 60 * 1000;

/// The signed-in officer.
#[derive(Debug, Clone)]
pub struct Officer {
    pub email: String,
    pub expires_at: i64,
    token_hash: String,
}

impl FromRequestParts<AppState> for Officer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = session_cookie(&parts.headers).ok_or(ApiError::Unauthorized)?;
        let token_hash = hash_token(&token);
        let (email, expires_at) = officers::session(&state.pool, &token_hash).await?.ok_or(ApiError::Unauthorized)?;
        Ok(Officer { email, expires_at, token_hash })
    }
}

/// The peer address, for counting failed sign-ins per address. "unknown" when served without connect info.
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let addr = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
        Ok(ClientAddr(addr.unwrap_or_else(|| "unknown".into())))
    }
}

#[tracing::instrument(skip_all, fields(address = %addr))]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SignIn>,
) -> ApiResult<Response> {
    let email = Email::parse(&body.email).map_err(ApiError::field)?;
    let email = email.as_str();
    let now = now_ms();
    if let Err(refused) = state.throttle.take_attempt(&state.pool, email, &addr, now).await {
        audit::record_now(&state.pool, email, "sign_in_throttled", Some(&addr), None).await?;
        return Err(refused);
    }
    // Unknown emails are checked against a dummy hash, so they take as long as known ones.
    let stored = officers::password_hash(&state.pool, email).await?;
    let password = body.password;
    let mut turn = state.throttle.check_turn().await?;
    let ok = tokio::task::spawn_blocking(move || password::verify_with(&password, stored.as_deref(), turn.memory()))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    if !ok {
        audit::record_now(&state.pool, email, "sign_in_failed", Some(&addr), None).await?;
        return Err(ApiError::Unauthorized);
    }
    state.throttle.succeeded(&state.pool, email, &addr, now).await?;

    let token = new_token()?;
    let expires_at = now_ms() + SESSION_MS;
    officers::create_session(&state.pool, &hash_token(&token), email, expires_at).await?;
    audit::record_now(&state.pool, email, "sign_in", Some(&addr), None).await?;
    tracing::info!(officer = email, "signed in");

    let secure = state.config.secure_cookies || came_over_https(&headers);
    let cookie = format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{}",
        SESSION_MS / 1000,
        if secure { "; Secure" } else { "" }
    );
    let mut response = Json(Me { email: email.to_owned(), expires_at }).into_response();
    response.headers_mut().insert(header::SET_COOKIE, HeaderValue::from_str(&cookie).map_err(anyhow::Error::from)?);
    Ok(response)
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn sign_out(State(state): State<AppState>, officer: Officer, headers: HeaderMap) -> ApiResult<Response> {
    officers::delete_session(&state.pool, &officer.token_hash).await?;
    audit::record_now(&state.pool, &officer.email, "sign_out", None, None).await?;
    let secure = state.config.secure_cookies || came_over_https(&headers);
    let cookie =
        format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0{}", if secure { "; Secure" } else { "" });
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn me(officer: Officer) -> Json<Me> {
    Json(Me { email: officer.email, expires_at: officer.expires_at })
}

fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == COOKIE && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}

pub(crate) fn came_over_https(headers: &HeaderMap) -> bool {
    headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()).is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

fn new_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
