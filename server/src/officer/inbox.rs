//! The inbox of views, moderation actions, and the risk word list.

use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Serialize;
use yoursay_core::{ErrorCode, FieldError};

use super::session::Officer;
use crate::error::{ApiError, ApiResult};
use crate::filters::{number, param, Filters, Params};
use crate::json::ApiJson;
use crate::risk::RiskWords;
use crate::state::AppState;
use crate::store::views::{self, Action, Status, ViewItem};
use crate::store::{audit, keywords};

#[derive(Debug, Serialize)]
pub struct Page<T> {
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub items: Vec<T>,
}

pub fn paging(params: &Params) -> Result<(i64, i64), ApiError> {
    Ok((number(params, "page", 1, 1..=1_000_000)?, number(params, "per_page", 50, 1..=200)?))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn list(
    State(state): State<AppState>,
    officer: Officer,
    Query(params): Query<Params>,
) -> ApiResult<Json<Page<ViewItem>>> {
    let filters = Filters::from_params(&params, &["from", "to", "event", "role", "language", "promise"])?;
    let status = match param(&params, "status") {
        None => None,
        Some(s) => {
            Some(Status::parse(s).ok_or_else(|| ApiError::field(FieldError::new("status", ErrorCode::UnknownValue)))?)
        }
    };
    let (page, per_page) = paging(&params)?;
    let (total, items) = views::page(&state.pool, &filters, status, per_page, (page - 1) * per_page).await?;
    Ok(Json(Page { total, page, per_page, items }))
}

async fn act(state: AppState, officer: Officer, id: String, action: Action) -> ApiResult<Json<ViewItem>> {
    let mut tx = state.pool.begin().await?;
    if !views::act(&mut tx, &id, action).await? {
        return Err(ApiError::NotFound);
    }
    audit::record(&mut tx, &officer.email, action.audit_name(), Some(&id), None).await?;
    tx.commit().await?;
    views::get(&state.pool, &id).await?.map(Json).ok_or(ApiError::NotFound)
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
pub async fn review(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> ApiResult<Json<ViewItem>> {
    act(state, officer, id, Action::Review).await
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
pub async fn hide(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> ApiResult<Json<ViewItem>> {
    act(state, officer, id, Action::Hide).await
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
pub async fn unhide(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> ApiResult<Json<ViewItem>> {
    act(state, officer, id, Action::Unhide).await
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
pub async fn follow_up(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> ApiResult<Json<ViewItem>> {
    act(state, officer, id, Action::FollowUp).await
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn get_keywords(State(state): State<AppState>, officer: Officer) -> ApiResult<Json<RiskWords>> {
    let _ = officer;
    Ok(Json(keywords::load(&state.pool).await?))
}

const MAX_WORDS: usize = 500;
const MAX_WORD_CHARS: usize = 60;

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn put_keywords(
    State(state): State<AppState>,
    officer: Officer,
    ApiJson(words): ApiJson<RiskWords>,
) -> ApiResult<Json<RiskWords>> {
    let mut errors = Vec::new();
    for (lang, list) in [("en", &words.en), ("cy", &words.cy)] {
        if list.len() > MAX_WORDS {
            errors.push(FieldError::new(lang, ErrorCode::TooMany));
        }
        for (i, w) in list.iter().enumerate() {
            if w.chars().count() > MAX_WORD_CHARS {
                errors.push(FieldError::new(format!("{lang}[{i}]"), ErrorCode::TooLong));
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::bad_request("Some words are not valid.", errors));
    }
    let words = words.normalised();
    let mut tx = state.pool.begin().await?;
    keywords::replace(&mut tx, &words).await?;
    let flagged = views::reflag_all(&mut tx, &words).await?;
    let detail = format!("{} English, {} Welsh words; {flagged} views flagged", words.en.len(), words.cy.len());
    audit::record(&mut tx, &officer.email, "keywords_update", None, Some(&detail)).await?;
    tx.commit().await?;
    state.refresh_risk_words().await?;
    Ok(Json(keywords::load(&state.pool).await?))
}
