//! The inbox of views, moderation actions, and the risk word list.

use axum::extract::{Path, Query, State};
use axum::Json;
use yoursay_core::officer::{AuditFacts, Page, ViewAction, ViewItem};
use yoursay_core::{ErrorCode, FieldError};

use super::session::Officer;
use crate::clock::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::filters::{number, param, Filters, Params};
use crate::json::ApiJson;
use crate::risk::RiskWords;
use crate::state::AppState;
use crate::store::views::{self, Status};
use crate::store::{audit, entries, keywords};

/// `page` and `per_page` from the query, checked.
pub fn paging(params: &Params) -> Result<(i64, i64), ApiError> {
    Ok((number(params, "page", 1, 1..=1_000_000)?, number(params, "per_page", 50, 1..=200)?))
}

/// One page of a list, as the wire has it (the numbers checked by [`paging`] fit).
pub fn page_of<T>(total: i64, page: i64, per_page: i64, items: Vec<T>) -> Page<T> {
    let wire = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Page { total: wire(total), page: wire(page), per_page: wire(per_page), items }
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn list(
    State(state): State<AppState>,
    officer: Officer,
    Query(params): Query<Params>,
) -> ApiResult<Json<Page<ViewItem>>> {
    let filters = Filters::from_params(&params, &["from", "to", "event", "role", "age_band", "language", "promise"])?;
    let status = match param(&params, "status") {
        None => None,
        Some(s) => {
            Some(Status::parse(s).ok_or_else(|| ApiError::field(FieldError::new("status", ErrorCode::UnknownValue)))?)
        }
    };
    let (page, per_page) = paging(&params)?;
    let (total, mut items) = views::page(&state.pool, &filters, status, per_page, (page - 1) * per_page).await?;
    let mut conn = state.pool.acquire().await?;
    for item in &mut items {
        item.answered_by = super::responses::answered_by(&mut conn, &item.id).await?;
    }
    Ok(Json(page_of(total, page, per_page, items)))
}

/// `POST /views/{id}/{action}`: every moderation action, audited; an unknown action is not found.
#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id, action = %action))]
pub async fn act(
    State(state): State<AppState>,
    officer: Officer,
    Path((id, action)): Path<(String, String)>,
) -> ApiResult<Json<ViewItem>> {
    let action = ViewAction::parse(&action).ok_or(ApiError::NotFound)?;
    let mut tx = state.pool.begin().await?;
    if !views::act(&mut tx, &id, action).await? {
        return Err(ApiError::NotFound);
    }
    if matches!(action, ViewAction::Hide | ViewAction::NotSafeToQuote) {
        super::responses::quote_taken_back(&mut tx, &id).await?;
    }
    audit::record(&mut tx, &officer.email, action.audit_name(), Some(&id), None).await?;
    tx.commit().await?;
    let mut item = views::get(&state.pool, &id).await?.ok_or(ApiError::NotFound)?;
    item.answered_by = super::responses::answered_by(&mut *state.pool.acquire().await?, &id).await?;
    Ok(Json(item))
}

/// `DELETE /entries/{id}`: erases one entry on the person's request, with everything that hangs off it,
/// in one transaction with its audit line (the id only: nothing the entry said). The id is kept so the
/// device sending it again is answered `already_had` and nothing is stored (`store::entries::erase`).
#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
pub async fn erase(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> ApiResult<axum::http::StatusCode> {
    let mut tx = state.pool.begin().await?;
    // Waits for pushes storing at this moment, and holds new ones back until the id is kept.
    crate::db::lock_for_transaction(&mut tx, crate::db::ERASE_LOCK).await?;
    if !entries::erase(&mut tx, &id, now_ms()).await? {
        return Err(ApiError::NotFound);
    }
    super::responses::quote_erased(&mut tx, &id).await?;
    audit::record(&mut tx, &officer.email, "entry_erase", Some(&id), None).await?;
    tx.commit().await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
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
    let facts = AuditFacts::RiskWords { english: words.en.len() as u64, welsh: words.cy.len() as u64, flagged };
    audit::record(&mut tx, &officer.email, "keywords_update", None, Some(&facts)).await?;
    tx.commit().await?;
    state.refresh_risk_words().await?;
    Ok(Json(keywords::load(&state.pool).await?))
}
