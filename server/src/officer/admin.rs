//! Settings, retention on demand, and the audit log.

use axum::extract::{Query, State};
use axum::Json;
use yoursay_core::officer::{
    AuditFacts, AuditItem, Page, RetentionPreview, RetentionRun, Settings, SettingsChange, DEFAULT_MIN_CELL, MIN_CELL,
    RETENTION_MONTHS,
};
use yoursay_core::{ErrorCode, FieldError};

use super::inbox::{page_of, paging};
use super::session::Officer;
use crate::error::{ApiError, ApiResult};
use crate::filters::{number, Params};
use crate::json::ApiJson;
use crate::retention;
use crate::state::AppState;
use crate::store::audit;
use crate::store::settings;

async fn current(state: &AppState) -> ApiResult<Settings> {
    let months = retention::months(&state.pool).await?;
    let min_cell = settings::min_cell(&state.pool).await?;
    Ok(Settings {
        retention_months: u32::try_from(months).unwrap_or(0),
        min_cell: u32::try_from(min_cell).unwrap_or(DEFAULT_MIN_CELL),
    })
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn get_settings(State(state): State<AppState>, officer: Officer) -> ApiResult<Json<Settings>> {
    let _ = officer;
    Ok(Json(current(&state).await?))
}

/// Changes the settings the body names (each checked first, every problem at once), one audit line each.
#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn put_settings(
    State(state): State<AppState>,
    officer: Officer,
    ApiJson(body): ApiJson<SettingsChange>,
) -> ApiResult<Json<Settings>> {
    let changes = [
        (settings::RETENTION_MONTHS, body.retention_months, RETENTION_MONTHS),
        (settings::MIN_CELL, body.min_cell, MIN_CELL),
    ];
    let errors: Vec<FieldError> = changes
        .iter()
        .filter(|(_, value, range)| value.is_some_and(|v| !range.contains(&v)))
        .map(|(key, _, _)| FieldError::new(*key, ErrorCode::OutOfRange))
        .collect();
    if !errors.is_empty() {
        return Err(ApiError::bad_request("Some settings are not valid.", errors));
    }
    let mut tx = state.pool.begin().await?;
    for (key, value, _) in changes {
        if let Some(value) = value {
            settings::set(&mut tx, key, &value.to_string()).await?;
            let facts = AuditFacts::Setting { name: key.to_owned(), value: value.into() };
            audit::record(&mut tx, &officer.email, "settings_update", None, Some(&facts)).await?;
        }
    }
    tx.commit().await?;
    Ok(Json(current(&state).await?))
}

/// `GET /retention/preview?months=N`: how many entries a run would delete with that period (the saved one
/// without `months`), with the same cut-off and query as the run. Deletes nothing.
#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn preview_retention(
    State(state): State<AppState>,
    officer: Officer,
    Query(params): Query<Params>,
) -> ApiResult<Json<RetentionPreview>> {
    let _ = officer;
    let saved = retention::months(&state.pool).await?;
    let (low, high) = (i64::from(*RETENTION_MONTHS.start()), i64::from(*RETENTION_MONTHS.end()));
    let months = number(&params, "months", saved, low..=high)?;
    Ok(Json(retention::preview(&state.pool, months).await?))
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
