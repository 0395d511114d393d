//! Settings, retention on demand, and the audit log.

use axum::extract::{Query, State};
use axum::Json;
use yoursay_core::officer::{AuditFacts, AuditItem, Page, RetentionRun, Settings};
use yoursay_core::{ErrorCode, FieldError};

use super::inbox::{page_of, paging};
use super::session::Officer;
use crate::error::{ApiError, ApiResult};
use crate::filters::Params;
use crate::json::ApiJson;
use crate::retention;
use crate::state::AppState;
use crate::store::audit;
use crate::store::settings;

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn get_settings(State(state): State<AppState>, officer: Officer) -> ApiResult<Json<Settings>> {
    let _ = officer;
    let months = retention::months(&state.pool).await?;
    Ok(Json(Settings { retention_months: u32::try_from(months).unwrap_or(0) }))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn put_settings(
    State(state): State<AppState>,
    officer: Officer,
    ApiJson(body): ApiJson<Settings>,
) -> ApiResult<Json<Settings>> {
    if !(1..=120).contains(&body.retention_months) {
        return Err(ApiError::field(FieldError::new("retention_months", ErrorCode::OutOfRange)));
    }
    let mut tx = state.pool.begin().await?;
    settings::set(&mut tx, settings::RETENTION_MONTHS, &body.retention_months.to_string()).await?;
    let facts =
        AuditFacts::Setting { name: settings::RETENTION_MONTHS.to_owned(), value: body.retention_months.into() };
    audit::record(&mut tx, &officer.email, "settings_update", None, Some(&facts)).await?;
    tx.commit().await?;
    Ok(Json(body))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn run_retention(State(state): State<AppState>, officer: Officer) -> ApiResult<Json<RetentionRun>> {
    Ok(Json(retention::run(&state.pool, &officer.email).await?))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn audit_log(
    State(state): State<AppState>,
    officer: Officer,
    Query(params): Query<Params>,
) -> ApiResult<Json<Page<AuditItem>>> {
    let _ = officer;
    let (page, per_page) = paging(&params)?;
    let (total, items) = audit::page(&state.pool, per_page, (page - 1) * per_page).await?;
    Ok(Json(page_of(total, page, per_page, items)))
}
