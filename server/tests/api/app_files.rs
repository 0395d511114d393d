use base64::Engine;
use sha2::{Digest, Sha256};

use crate::helpers::{problem, TestApp, CONSOLE_INLINE_SCRIPT, INLINE_SCRIPT, INLINE_STYLE, SURVEYS_INLINE_SCRIPT};

async fn app_routes_fall_back_to_index_html_without_caching(app: TestApp) {
    for path in ["/", "/say", "/rate"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert!(response.text().await.unwrap().contains("<!DOCTYPE html>"), "{path}");
    }
    for path in ["/sw.js", "/manifest.webmanifest", "/index.html"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
    }
}

/// A new service worker fills its cache through the browser's HTTP cache: a file whose name is the same in
/// every release (a document, the icon) kept there for a year would be taken as the new release's.
async fn files_named_alike_in_every_release_are_revalidated(app: TestApp) {
    let docs = app.app_dir.path().join("docs/en");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("privacy-young.json"), "{\"sections\":[]}").unwrap();
    std::fs::write(app.app_dir.path().join("icon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    for path in ["/docs/en/privacy-young.json", "/icon.svg"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
    }
}

async fn hashed_assets_are_cached_for_a_year(app: TestApp) {
    let response = app.client.get(app.url("/app-1a2b3c.js")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/javascript"));

    let missing = app.client.get(app.url("/app-old.js")).send().await.unwrap();
    assert_eq!(missing.status(), 404, "a missing asset is not answered with the page");
    // reqwest normalises `..` away, so the escape is tried percent-encoded.
    // A file just outside the app folder, named like an asset: refused with 404, its content never sent.
    let outside = app.app_dir.path().parent().unwrap().join(format!("outside-{}.txt", crate::helpers::random_hex(6)));
    std::fs::write(&outside, "secret outside the app folder").unwrap();
    let name = outside.file_name().unwrap().to_str().unwrap();
    for path in [format!("/%2e%2e/{name}"), format!("/assets/%2e%2e/%2e%2e/{name}"), format!("/%2E%2E%2F{name}")] {
        let escape = app.client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(escape.status(), 404, "{path}");
        assert!(!escape.text().await.unwrap().contains("secret"), "{path}");
    }
    std::fs::remove_file(&outside).unwrap();
    // A path without a file extension is an app route: the app's page, never the system file.
    let escape = app.client.get(app.url("/%2e%2e/%2e%2e/etc/passwd")).send().await.unwrap();
    assert_eq!(escape.status(), 200);
    let body = escape.text().await.unwrap();
    assert!(body.contains(crate::helpers::INLINE_SCRIPT) && !body.contains("root:"), "{body}");
}

async fn unknown_api_paths_are_404_problem_details(app: TestApp) {
    let response = app.client.get(app.url("/api/v1/nothing-here")).send().await.unwrap();
    problem(response, 404).await;
}

async fn every_response_carries_the_security_headers(app: TestApp) {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(INLINE_SCRIPT.as_bytes()));
    let style = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(INLINE_STYLE.as_bytes()));
    for path in ["/", "/api/v1/catalogue", "/api/v1/nope"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        let h = response.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"), "{csp}");
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
        // The phone's page carries its stylesheet inline: allowed by its hash, and nothing else inline.
        assert!(csp.contains(&format!("; style-src 'self' 'sha256-{style}';")), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(csp.contains("connect-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "no-referrer");
        assert_eq!(h["permissions-policy"], "camera=(), microphone=(), geolocation=()");
    }
}

async fn officer_routes_fall_back_to_the_console_page(app: TestApp) {
    for path in ["/officer", "/officer/", "/officer/inbox", "/officer/results", "/officer/sign-in"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        let body = response.text().await.unwrap();
        assert!(body.contains(CONSOLE_INLINE_SCRIPT), "{path} is the console's page: {body}");
    }
    // A real file of the console is served as itself, cached like any hashed asset.
    let asset = app.client.get(app.url("/officer/console-9f8e7d.js")).send().await.unwrap();
    assert_eq!(asset.status(), 200);
    assert_eq!(asset.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(asset.text().await.unwrap(), "export default function init() {}");
    // A missing console asset is a 404, not the page; a path that only starts like the console is the app.
    let missing = app.client.get(app.url("/officer/console-old.js")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    let other = app.client.get(app.url("/officers")).send().await.unwrap();
    assert!(other.text().await.unwrap().contains(INLINE_SCRIPT));
    // The young person's page is not the console's.
    let home = app.client.get(app.url("/say")).send().await.unwrap().text().await.unwrap();
    assert!(home.contains(INLINE_SCRIPT) && !home.contains(CONSOLE_INLINE_SCRIPT));
}

/// The surveys page is a bundle of its own, fetched only when a survey or an event is opened: its routes
/// (surveys, joining an event, pass-the-tablet's exit, "What changed") get its page.
async fn survey_routes_fall_back_to_the_surveys_page(app: TestApp) {
    for path in ["/surveys", "/surveys/", "/surveys/coffee_catch_up", "/event", "/event/leave", "/what-changed"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        let body = response.text().await.unwrap();
        assert!(body.contains(SURVEYS_INLINE_SCRIPT), "{path} is the surveys page: {body}");
    }
    let asset = app.client.get(app.url("/surveys/yoursay-app-4c5d6e.js")).send().await.unwrap();
    assert_eq!(asset.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(app.client.get(app.url("/surveys/old.js")).send().await.unwrap().status(), 404);
    // Only the prefix itself: `/surveysx` and the first-load routes are the first-load page.
    for path in ["/surveysx", "/events", "/say", "/what-changedx"] {
        let body = app.client.get(app.url(path)).send().await.unwrap().text().await.unwrap();
        assert!(body.contains(INLINE_SCRIPT) && !body.contains(SURVEYS_INLINE_SCRIPT), "{path}: {body}");
    }
    // Its start-up script is allowed by the one policy, on every page.
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SURVEYS_INLINE_SCRIPT.as_bytes()));
    for path in ["/", "/surveys/coffee_catch_up"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        let csp = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{path}: {csp}");
    }
}

async fn the_policy_allows_the_consoles_start_up_script(app: TestApp) {
    let app_hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(INLINE_SCRIPT.as_bytes()));
    let console_hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(CONSOLE_INLINE_SCRIPT.as_bytes()));
    for path in ["/", "/officer/inbox", "/api/v1/officer/me"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        let csp = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.contains(&format!("'sha256-{app_hash}'")), "{path}: {csp}");
        assert!(csp.contains(&format!("'sha256-{console_hash}'")), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
    }
}

/// Each page names its wasm in a `Link` header, so a phone asks for it as soon as the page's headers arrive
/// rather than once the page is read (`server/src/routes/preload.rs`); other responses name nothing.
async fn each_page_names_its_wasm_in_a_link_header(app: TestApp) {
    let link = |path: &'static str| {
        let request = app.client.get(app.url(path));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            response.headers().get("link").map(|v| v.to_str().unwrap().to_owned())
        }
    };
    let phone = r#"</app-1a2b3c_bg.wasm>; rel=preload; as=fetch; crossorigin; type="application/wasm""#;
    for path in ["/", "/say", "/rate", "/help"] {
        assert_eq!(link(path).await.as_deref(), Some(phone), "{path}");
    }
    let surveys = "</surveys/yoursay-app-4c5d6e_bg.wasm>; rel=preload; as=fetch; crossorigin";
    for path in ["/surveys/coffee_catch_up", "/event", "/what-changed"] {
        assert_eq!(link(path).await.as_deref(), Some(surveys), "{path}");
    }
    // The console's page preloads nothing; files and the API are not pages.
    for path in ["/officer/inbox", "/manifest.webmanifest", "/app-1a2b3c.js", "/api/v1/catalogue"] {
        assert_eq!(link(path).await, None, "{path}");
    }
}

/// The build writes `.br`/`.gz` siblings (`scripts/precompress.sh`); the server picks one by
/// `Accept-Encoding` and never compresses a static file itself. The siblings here hold marker bytes, so the
/// body shows which file was sent.
async fn precompressed_siblings_are_served_by_accept_encoding(app: TestApp) {
    let dir = app.app_dir.path();
    let script = "export function hello() { return 'hello'; }\n".repeat(40);
    std::fs::write(dir.join("glue-5d6e.js"), &script).unwrap();
    std::fs::write(dir.join("glue-5d6e.js.br"), "brotli sibling").unwrap();
    std::fs::write(dir.join("glue-5d6e.js.gz"), "gzip sibling").unwrap();
    // Only a brotli sibling: a gzip-only client gets the file itself, uncompressed.
    std::fs::write(dir.join("index.html.br"), "brotli page").unwrap();
    let get = |path: &'static str, accept: &'static str| {
        let request = app.client.get(app.url(path));
        let request = if accept.is_empty() { request } else { request.header("accept-encoding", accept) };
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200, "{path} with {accept:?}");
            let h = response.headers().clone();
            let encoding = h.get("content-encoding").map(|v| v.to_str().unwrap().to_owned());
            assert_eq!(h["vary"], "accept-encoding", "{path} with {accept:?}");
            (encoding, h, response.text().await.unwrap())
        }
    };
    let (encoding, headers, body) = get("/glue-5d6e.js", "gzip, deflate, br").await;
    assert_eq!((encoding.as_deref(), body.as_str()), (Some("br"), "brotli sibling"));
    assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable");
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/javascript"));
    assert!(headers.contains_key("content-security-policy"));
    let (encoding, _, body) = get("/glue-5d6e.js", "gzip").await;
    assert_eq!((encoding.as_deref(), body.as_str()), (Some("gzip"), "gzip sibling"));
    let (encoding, _, body) = get("/glue-5d6e.js", "br;q=0, gzip;q=0.5").await;
    assert_eq!((encoding.as_deref(), body.as_str()), (Some("gzip"), "gzip sibling"));
    let (encoding, _, body) = get("/glue-5d6e.js", "identity").await;
    assert_eq!((encoding, body), (None, script.clone()));
    let (encoding, _, body) = get("/glue-5d6e.js", "").await;
    assert_eq!((encoding, body), (None, script));

    // The page, also for the app's own routes, through its sibling; no-cache as before.
    for path in ["/", "/say", "/index.html"] {
        let (encoding, headers, body) = get(path, "br, gzip").await;
        assert_eq!((encoding.as_deref(), body.as_str()), (Some("br"), "brotli page"), "{path}");
        assert_eq!(headers["cache-control"], "no-cache", "{path}");
        assert!(headers["content-type"].to_str().unwrap().starts_with("text/html"), "{path}");
        // A missing gzip sibling: the page itself, not compressed on the fly.
        let (encoding, _, body) = get(path, "gzip").await;
        assert_eq!(encoding, None, "{path}");
        assert!(body.contains(INLINE_SCRIPT), "{path}");
    }
    // A file with no siblings at all is sent as it is, whatever the client accepts.
    let (encoding, _, body) = get("/manifest.webmanifest", "br, gzip").await;
    assert_eq!((encoding, body.as_str()), (None, "{\"name\":\"Your Say\"}"));
    // The API still compresses its JSON on the fly.
    let catalogue =
        app.client.get(app.url("/api/v1/catalogue")).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(catalogue.headers()["content-encoding"], "gzip");
}

crate::on_both_databases!(
    officer_routes_fall_back_to_the_console_page,
    survey_routes_fall_back_to_the_surveys_page,
    the_policy_allows_the_consoles_start_up_script,
    app_routes_fall_back_to_index_html_without_caching,
    hashed_assets_are_cached_for_a_year,
    files_named_alike_in_every_release_are_revalidated,
    unknown_api_paths_are_404_problem_details,
    every_response_carries_the_security_headers,
    precompressed_siblings_are_served_by_accept_encoding,
    each_page_names_its_wasm_in_a_link_header,
);
