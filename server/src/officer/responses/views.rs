//! Which views a response answers: `PUT /officer/responses/{id}/views` sets them, the inbox names the
//! responses answering each view. The officer's only: the links are rows beside the response, not in its
//! text, so the device feed and the exports (which read the text) cannot carry them, and changing them
//! takes no change number.

use axum::extract::{Path, State};
use axum::Json;
use sqlx::AnyConnection;
use yoursay_core::officer::{AnsweredBy, AuditFacts};
use yoursay_core::you_said::{AnsweredViews, ResponseDetail, ResponseState};
use yoursay_core::{ErrorCode, FieldError};

use super::{detail, found, read_text, state_of, store, target};
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::officer::session::Officer;
use crate::state::AppState;
use crate::store::{audit, views};

/// Replaces the views the response answers, for a draft or a published response (a withdrawn one stays as
/// it was). Every id must be a view in the inbox; those that are not are named.
#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
pub async fn set(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
    ApiJson(answered): ApiJson<AnsweredViews>,
) -> ApiResult<Json<ResponseDetail>> {
    answered.check().map_err(|e| ApiError::bad_request("The views cannot be linked as they are.", e))?;
    let mut tx = state.pool.begin().await?;
    let stored = found(&mut tx, &id).await?;
    if state_of(&stored)? == ResponseState::Withdrawn {
        return Err(ApiError::field(FieldError::new("state", ErrorCode::Conflict)));
    }
    let mut unknown = Vec::new();
    for (i, view) in answered.views.iter().enumerate() {
        if !views::in_inbox_now(&mut tx, view).await? {
            unknown.push(FieldError::new(format!("views[{i}]"), ErrorCode::UnknownValue));
        }
    }
    if !unknown.is_empty() {
        return Err(ApiError::bad_request("Some of these are not views in the inbox.", unknown));
    }
    store::set_views(&mut tx, &id, &answered.views).await?;
    let facts = AuditFacts::AnsweredViews { views: answered.views.len() as u64 };
    audit::record(&mut tx, &officer.email, "response_views", Some(&target(&id)), Some(&facts)).await?;
    let stored = found(&mut tx, &id).await?;
    let view = detail(&mut tx, stored, &state.catalogue()).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// The responses answering view `entry_id`, as the inbox names them.
pub async fn answered_by(conn: &mut AnyConnection, entry_id: &str) -> ApiResult<Vec<AnsweredBy>> {
    store::answering(conn, entry_id)
        .await?
        .into_iter()
        .map(|(response, body)| Ok(AnsweredBy { response, you_said: read_text(&body)?.you_said }))
        .collect()
}
