use axum::extract::State;
use axum::Json;
use yoursay_core::protocol::Notice;

use crate::error::ApiResult;
use crate::retention;
use crate::state::AppState;

/// The retention period the officer set, for the privacy notices on every device. Public: it is what the
/// notices tell everyone anyway.
#[tracing::instrument(skip_all)]
pub async fn get(State(state): State<AppState>) -> ApiResult<Json<Notice>> {
    Ok(Json(Notice { retention_months: retention::months(&state.pool).await? }))
}
