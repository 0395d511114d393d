//! Settings, retention on demand, the audit log, and the export download.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use yoursay_core::officer::{AuditItem, Page, RetentionRun, Settings};
use yoursay_core::{ErrorCode, FieldError};

use super::inbox::{page_of, paging};
use super::session::Officer;
use crate::clock::{iso_utc, now_ms};
use crate::error::{ApiError, ApiResult};
use crate::export::{self, Format};
use crate::filters::{param, Filters, Params};
use crate::json::ApiJson;
use crate::retention;
use crate::startup::AppState;
use crate::store::audit;
use crate::store::{self, settings};

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
    let detail = format!("retention_months = {}", body.retention_months);
    audit::record(&mut tx, &officer.email, "settings_update", None, Some(&detail)).await?;
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

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn export(
    State(state): State<AppState>,
    officer: Officer,
    Query(params): Query<Params>,
) -> ApiResult<Response> {
    let format = match param(&params, "format") {
        None => Format::Csv,
        Some(f) => {
            Format::parse(f).ok_or_else(|| ApiError::field(FieldError::new("format", ErrorCode::UnknownValue)))?
        }
    };
    let filters = Filters::from_params(&params, &["from", "to", "event", "role", "kind"])?;
    let (bytes, _) = export_file(&state.pool, &officer.email, format, &filters, &describe(&params)).await?;
    let filename = format!("yoursay-export-{}.{}", &iso_utc(now_ms())[..10], format.extension());
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

/// Builds the file and audits it; shared by the API and the command line. Returns the bytes and row count.
pub async fn export_file(
    pool: &sqlx::AnyPool,
    actor: &str,
    format: Format,
    filters: &Filters,
    description: &str,
) -> anyhow::Result<(Vec<u8>, usize)> {
    let catalogue = store::catalogue::load(pool).await?;
    let rows = export::rows(pool, &catalogue, filters).await?;
    let bytes = format.write(&rows)?;
    let detail = format!("{} rows; {description}", rows.len());
    audit::record_now(pool, actor, "export", Some(format.extension()), Some(&detail)).await?;
    Ok((bytes, rows.len()))
}

fn describe(params: &Params) -> String {
    let mut parts: Vec<String> = ["from", "to", "event", "role", "kind"]
        .iter()
        .filter_map(|k| param(params, k).map(|v| format!("{k}={v}")))
        .collect();
    if parts.is_empty() {
        parts.push("everything".into());
    }
    parts.join(" ")
}
