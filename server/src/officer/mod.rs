//! The participation officer's API under `/api/v1/officer`: see `server/API.md`.

use axum::Router;

use crate::startup::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
