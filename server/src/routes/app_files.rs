//! Serves the built app. Trunk hashes asset names, so those may be cached for a year; every file whose
//! name stays the same from one release to the next (the pages, the service worker, the manifest, the icon,
//! the documents under `docs/`) must be revalidated every time, or a new release would never reach a phone:
//! the new service worker fills its cache through the browser's HTTP cache, and a year-long copy there of
//! last release's document would be kept as this release's.
//!
//! The build writes maximum-quality `.br` and `.gz` siblings of each text file (`scripts/precompress.sh`);
//! a request is answered with the best sibling its `Accept-Encoding` allows, so the bytes a phone pays are
//! the smallest the build could make and no CPU is spent compressing per request.

use std::path::{Component, Path, PathBuf};

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::AppState;

const NO_CACHE: &str = "no-cache";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Anything no route matched: an unknown API path is a 404 problem; any other GET is a file of the app,
/// or index.html for the app's own routes (`/say`), or the officer console's `officer/index.html` for its
/// routes (`/officer/inbox`).
pub async fn fallback(State(state): State<AppState>, method: Method, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path();
    if path == "/api" || path.starts_with("/api/") || (method != Method::GET && method != Method::HEAD) {
        return ApiError::NotFound.into_response();
    }
    let accepted = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let dir = &state.app_dir;
    if let Some(file) = safe_join(dir, path) {
        if let Some(response) = serve_file(&file, accepted).await {
            return response;
        }
    }
    // A missing asset (a name with a dot) is a 404, not the page: a stale service worker asking for last
    // release's script must not be handed HTML.
    if path.rsplit('/').next().is_some_and(|last| last.contains('.')) {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    }
    // The officer's console and the surveys page are bundles of their own, each with its own page for
    // its routes (`/officer/inbox`, `/surveys/coffee_catch_up`).
    let (page_dir, not_built) = match PAGES.iter().find(|p| under(path, p.prefix)) {
        Some(page) => (page.dir, page.not_built),
        None => ("", "The app has not been built: run trunk build."),
    };
    let Some(mut response) = serve_file(&dir.join(page_dir).join("index.html"), accepted).await else {
        return (StatusCode::NOT_FOUND, not_built).into_response();
    };
    if let Some(links) = state.preloads.of(page_dir) {
        response.headers_mut().insert(header::LINK, links.clone());
    }
    response
}

/// A bundle with its own page, built into a folder of the app directory and served under a URL prefix.
pub struct Page {
    pub prefix: &'static str,
    pub dir: &'static str,
    not_built: &'static str,
}

/// The folder of the app directory the officer's console is built into.
pub const CONSOLE_DIR: &str = "officer";

/// The officer's console, and the surveys page (the app with the survey runner and events, fetched on
/// demand).
pub const PAGES: [Page; 4] = [
    Page {
        prefix: "/officer",
        dir: CONSOLE_DIR,
        not_built: "The officer console has not been built: run scripts/build-console.sh.",
    },
    Page { prefix: "/surveys", dir: "surveys", not_built: SURVEYS_NOT_BUILT },
    // Joining an event and pass-the-tablet mode live on the surveys page too (an event offers surveys).
    Page { prefix: "/event", dir: "surveys", not_built: SURVEYS_NOT_BUILT },
    // "What changed" ("you said, we did" kept in the device database, with filters) is too big for the first load.
    Page { prefix: "/what-changed", dir: "surveys", not_built: SURVEYS_NOT_BUILT },
];

const SURVEYS_NOT_BUILT: &str = "The surveys page has not been built: run scripts/build-surveys.sh.";

/// The built pages, each folder once (`""` for the phone's own page, then those of `PAGES`, several of which
/// share one), as (folder, HTML); a page not built yet is left out.
pub fn read_pages(app_dir: &Path) -> Vec<(&'static str, String)> {
    let mut dirs = vec![""];
    for page in &PAGES {
        if !dirs.contains(&page.dir) {
            dirs.push(page.dir);
        }
    }
    dirs.into_iter()
        .filter_map(|dir| Some((dir, std::fs::read_to_string(app_dir.join(dir).join("index.html")).ok()?)))
        .collect()
}

/// `prefix` and anything under `prefix/`, but not `/officers` or `/officer-x`.
fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
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

/// Pre-compressed siblings, best first: (content coding, file suffix).
const SIBLINGS: [(&str, &str); 2] = [("br", "br"), ("gzip", "gz")];

/// `file` as the smallest variant the client accepts: its `.br` or `.gz` sibling when one was built, else
/// the file itself. `None` when the file cannot be read.
async fn serve_file(file: &Path, accept_encoding: &str) -> Option<Response> {
    for (coding, suffix) in SIBLINGS {
        if !accepts(accept_encoding, coding) {
            continue;
        }
        let mut sibling = file.as_os_str().to_owned();
        sibling.push(".");
        sibling.push(suffix);
        if let Ok(bytes) = tokio::fs::read(&sibling).await {
            return Some(file_response(file, Some(coding), bytes));
        }
    }
    let bytes = tokio::fs::read(file).await.ok()?;
    Some(file_response(file, None, bytes))
}

/// Whether an `Accept-Encoding` value allows `coding` (named, or `*`, with a quality above zero).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    let mut named = None;
    let mut star = None;
    for item in accept_encoding.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or_default().trim();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(coding) {
            named = Some(quality);
        } else if name == "*" {
            star = Some(quality);
        }
    }
    named.or(star).is_some_and(|q| q > 0.0)
}

fn file_response(path: &Path, coding: Option<&'static str>, bytes: Vec<u8>) -> Response {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let cache = if named_by_content(name) { IMMUTABLE } else { NO_CACHE };
    let mut response =
        ([(header::CONTENT_TYPE, content_type(name)), (header::CACHE_CONTROL, cache)], bytes).into_response();
    let headers = response.headers_mut();
    // Caches must keep one copy per encoding, even of the uncompressed answer.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(coding) = coding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    response
}

/// Whether Trunk put a hash of the file's content in its name (`yoursay-app-44c3baf052722618_bg.wasm`,
/// `main-ef0f8043e368cba.css`): hex digits, at least one a digit, after the last `-` of the name without
/// its extension and wasm-bindgen's `_bg`. Such a name never names other bytes, so the file may be kept.
fn named_by_content(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        hash.len() >= 4 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && hash.bytes().any(|b| b.is_ascii_digit())
    })
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

#[cfg(test)]
mod tests {
    use super::{accepts, named_by_content};

    #[test]
    fn only_names_carrying_a_content_hash_may_be_kept() {
        for name in [
            "yoursay-app-44c3baf052722618_bg.wasm",
            "yoursay-app-44c3baf052722618.js",
            "main-ef0f8043e368cba.css",
            "glue-5d6e.js",
        ] {
            assert!(named_by_content(name), "{name}");
        }
        for name in [
            "index.html",
            "sw.js",
            "manifest.webmanifest",
            "icon.svg",
            "privacy-young.json",
            "privacy-adults.json",
            "accessibility.json",
            "x-face.js",
            "v-12.js",
        ] {
            assert!(!named_by_content(name), "{name}");
        }
    }

    #[test]
    fn accept_encoding_is_read_with_its_qualities() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip, deflate, br, zstd", "gzip"));
        assert!(!accepts("gzip", "br"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(accepts("BR;q=0.5", "br"));
        assert!(accepts("*", "br"));
        assert!(!accepts("*;q=0", "gzip"));
        assert!(!accepts("*, br;q=0", "br"), "a named coding overrides the wildcard");
        assert!(!accepts("brotli", "br"));
    }
}
