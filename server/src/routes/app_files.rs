//! Serves the built app. Trunk hashes asset names, so those may be cached for a year; the files whose
//! names never change (the page, the service worker, the manifest) must be revalidated every time, or a
//! new release would never reach a phone.

use std::path::{Component, Path, PathBuf};

use axum::extract::State;
use axum::http::{header, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::AppState;

const NO_CACHE: &str = "no-cache";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Anything no route matched: an unknown API path is a 404 problem; any other GET is a file of the app,
/// or index.html for the app's own routes (`/say`), or the officer console's `officer/index.html` for its
/// routes (`/officer/inbox`).
pub async fn fallback(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    let path = uri.path();
    if path == "/api" || path.starts_with("/api/") || (method != Method::GET && method != Method::HEAD) {
        return ApiError::NotFound.into_response();
    }
    let dir = &state.app_dir;
    if let Some(file) = safe_join(dir, path) {
        if let Ok(bytes) = tokio::fs::read(&file).await {
            return file_response(&file, bytes);
        }
    }
    // A missing asset (a name with a dot) is a 404, not the page: a stale service worker asking for last
    // release's script must not be handed HTML.
    if path.rsplit('/').next().is_some_and(|last| last.contains('.')) {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    }
    // The officer's console is a bundle of its own in `<app-dir>/officer/`, with its own page for its routes.
    if is_console(path) {
        let index = dir.join(CONSOLE_DIR).join("index.html");
        return match tokio::fs::read(&index).await {
            Ok(bytes) => file_response(&index, bytes),
            Err(_) => (StatusCode::NOT_FOUND, "The officer console has not been built: run scripts/build-console.sh.")
                .into_response(),
        };
    }
    let index = dir.join("index.html");
    match tokio::fs::read(&index).await {
        Ok(bytes) => file_response(&index, bytes),
        Err(_) => (StatusCode::NOT_FOUND, "The app has not been built: run trunk build.").into_response(),
    }
}

/// The folder of the app directory the officer's console is built into, and its URL prefix.
pub const CONSOLE_DIR: &str = "officer";

/// `/officer` and anything under `/officer/`, but not `/officers` or `/officer-x`.
fn is_console(path: &str) -> bool {
    path.strip_prefix("/officer").is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The file under `dir` that `path` names, refusing `..` and anything that is not a plain file.
fn safe_join(dir: &Path, path: &str) -> Option<PathBuf> {
    let relative = path.trim_start_matches('/');
    if relative.is_empty() {
        return None;
    }
    let mut out = dir.to_path_buf();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(c) => out.push(c),
            _ => return None,
        }
    }
    out.is_file().then_some(out)
}

fn file_response(path: &Path, bytes: Vec<u8>) -> Response {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let cache = if matches!(name, "index.html" | "sw.js" | "manifest.webmanifest") { NO_CACHE } else { IMMUTABLE };
    ([(header::CONTENT_TYPE, content_type(name)), (header::CACHE_CONTROL, cache)], bytes).into_response()
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
