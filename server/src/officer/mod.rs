//! The participation officer's API under `/api/v1/officer`: see `server/API.md`.

pub mod admin;
pub mod catalogue;
pub mod inbox;
pub mod password;
pub mod results;
pub mod session;
pub mod throttle;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;

use crate::error::ApiError;
use crate::json::is_json;
use crate::startup::AppState;

pub const PREFIX: &str = "/api/v1/officer";

pub fn router() -> Router<AppState> {
    let routes = Router::new()
        .route("/session", post(session::sign_in).delete(session::sign_out))
        .route("/me", get(session::me))
        .route("/audit", get(admin::audit_log))
        .route("/views", get(inbox::list))
        .route("/views/{id}/{action}", post(inbox::act))
        .route("/keywords", get(inbox::get_keywords).put(inbox::put_keywords))
        .route("/results", get(results::get))
        .route("/catalogue/{kind}", post(catalogue::add))
        .route("/catalogue/{kind}/{code}", put(catalogue::edit))
        .route("/catalogue/{kind}/{code}/retire", post(catalogue::retire))
        .route("/catalogue/{kind}/{code}/restore", post(catalogue::restore))
        .route("/export", get(admin::export))
        .route("/settings", get(admin::get_settings).put(admin::put_settings))
        .route("/retention/run", post(admin::run_retention))
        .layer(axum::middleware::from_fn(require_json))
        .layer(DefaultBodyLimit::max(64 * 1024));
    Router::new().nest(PREFIX, routes)
}

/// Every officer mutation must declare a JSON body, bodiless ones included: a cross-site HTML form can
/// only send form or text types, and anything else needs a CORS preflight this server never approves.
async fn require_json(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !is_json(request.headers()) {
        return ApiError::UnsupportedMediaType.into_response();
    }
    next.run(request).await
}
