use axum::extract::State;
use axum::Json;
use yoursay_core::Catalogue;

use crate::error::ApiResult;
use crate::state::AppState;

/// The whole catalogue, retired items included and flagged, so a device can still show the words behind
/// an answer it made before the officer retired an item.
#[tracing::instrument(skip_all)]
pub async fn get(State(state): State<AppState>) -> ApiResult<Json<Catalogue>> {
    Ok(Json(Catalogue::clone(&state.catalogue())))
}
