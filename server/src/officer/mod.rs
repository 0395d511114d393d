//! The participation officer's API under `/api/v1/officer`: see `server/API.md`.

pub mod admin;
pub mod catalogue;
pub mod events;
pub mod export;
pub mod forms;
pub mod inbox;
pub mod password;
pub mod responses;
pub mod results;
pub mod session;
pub mod survey_results;
pub mod throttle;

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::Router;

use crate::error::ApiError;
use crate::json::{self, is_json};
use crate::state::AppState;

pub const PREFIX: &str = "/api/v1/officer";
const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn router() -> Router<AppState> {
    let routes = Router::new()
        .route("/session", post(session::sign_in).delete(session::sign_out))
        .route("/me", get(session::me))
        .route("/audit", get(admin::audit_log))
        .route("/views", get(inbox::list))
        .route("/views/{id}/{action}", post(inbox::act))
        .route("/entries/{id}", delete(inbox::erase))
        .route("/keywords", get(inbox::get_keywords).put(inbox::put_keywords))
        .route("/results", get(results::get))
        .route("/catalogue/{kind}", post(catalogue::add))
        .route("/catalogue/{kind}/{code}", put(catalogue::edit))
        .route("/catalogue/{kind}/{code}/retire", post(catalogue::retire))
        .route("/catalogue/{kind}/{code}/restore", post(catalogue::restore))
        .route("/export", get(export::download))
        .route("/settings", get(admin::get_settings).put(admin::put_settings))
        .route("/retention/preview", get(admin::preview_retention))
        .route("/retention/run", post(admin::run_retention))
        .merge(forms::router())
        .merge(responses::router())
        .merge(events::router())
        .layer(axum::middleware::from_fn(require_json))
        .layer(axum::middleware::from_fn(no_store))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    Router::new().nest(PREFIX, routes)
}

/// Every officer mutation must declare a JSON body, bodiless ones included: a cross-site HTML form can
/// only send form or text types, and anything else needs a CORS preflight this server never approves.
/// The body, when there is one, must be strict JSON even where the route reads nothing from it
/// (`{}{"x":1}` is refused everywhere, not only where a handler parses it).
async fn require_json(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe {
        return next.run(request).await;
    }
    if !is_json(request.headers()) {
        return ApiError::UnsupportedMediaType.into_response();
    }
    // Only survey drafts may be large; everything else is held to 64 KiB here already, so unsigned-in
    // callers cannot make the server buffer a megabyte per request on routes that read nothing.
    let limit = if request.uri().path().starts_with("/forms") { forms::MAX_DRAFT_BYTES } else { MAX_BODY_BYTES };
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return ApiError::PayloadTooLarge.into_response();
    };
    if !bytes.iter().all(u8::is_ascii_whitespace) {
        if let Err(refused) = json::parse(&bytes) {
            return refused.into_response();
        }
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// Officer responses can carry contact details and views: no browser or proxy may keep a copy.
async fn no_store(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
