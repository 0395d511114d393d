//! Headers on every response: a Content-Security-Policy that allows nothing but this server (no fonts,
//! analytics or CDNs can ever load), plus the usual hardening headers.

use std::path::Path;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Builds the policy. Trunk puts an inline `<script type="module">` into index.html to start the wasm, and
/// the phone's page carries its stylesheet and glue inline (`scripts/inline-first-load.py`); each is
/// allowed by its hash, so no `'unsafe-inline'` is needed.
pub fn content_security_policy(pages: Option<&str>) -> String {
    let scripts = allowed(pages, "script");
    let styles = allowed(pages, "style");
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
    )
}

/// The hashes of the inline `tag` elements of `pages`, each once, as policy sources.
fn allowed(pages: Option<&str>, tag: &str) -> String {
    let mut hashes = pages.map(|html| inline_hashes(html, tag)).unwrap_or_default();
    hashes.sort();
    hashes.dedup();
    hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect()
}

/// The policy for the app in `app_dir`: the inline scripts and styles of its index.html and of the pages
/// of the other bundles (the officer console's `officer/index.html`, the surveys page's
/// `surveys/index.html`, each with its own start-up script) are allowed by hash.
pub fn content_security_policy_for(app_dir: &Path) -> String {
    let pages = crate::routes::app_files::read_pages(app_dir);
    if !pages.iter().any(|(dir, _)| dir.is_empty()) {
        tracing::warn!(dir = %app_dir.display(), "no index.html in the app folder: the app is not built yet");
    }
    let html: Vec<&str> = pages.iter().map(|(_, html)| html.as_str()).collect();
    content_security_policy((!html.is_empty()).then(|| html.join("\n")).as_deref())
}

/// sha256 (base64) of the body of each `<tag>` element (`script` or `style`) without a `src`, exactly as
/// the browser hashes it.
pub fn inline_hashes(html: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}");
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = find_ci(rest, &open) {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let attributes = &after[open.len()..tag_end];
        let body_and_more = &after[tag_end + 1..];
        let Some(end) = find_ci(body_and_more, &close) else { break };
        let body = &body_and_more[..end];
        let named = attributes.is_empty() || attributes.starts_with(|c: char| c.is_ascii_whitespace());
        let attributes = crate::html::attributes(attributes);
        let value = |name: &str| crate::html::attribute(&attributes, name);
        if named && value("src").is_none() && !value("type").is_some_and(is_data_block) && !body.is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(base64::engine::general_purpose::STANDARD.encode(digest));
        }
        rest = &body_and_more[end..];
    }
    hashes
}

/// A `<script>` the browser never runs, whose `type` is not JavaScript's (the phone's words,
/// `<script type=text/plain id=words>`): nothing to allow.
fn is_data_block(kind: &str) -> bool {
    !matches!(kind.to_ascii_lowercase().as_str(), "" | "module" | "text/javascript" | "application/javascript")
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(needle)
}

pub async fn add_headers(State(csp): State<HeaderValue>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = r#"<html><head><script src="/app.js"></script><SCRIPT type="module">import init from '/a.js';init();</SCRIPT></head></html>"#;
        let expected =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"import init from '/a.js';init();"));
        assert_eq!(inline_hashes(html, "script"), std::slice::from_ref(&expected));
        let policy = content_security_policy(Some(html));
        assert!(policy.contains(&format!("'wasm-unsafe-eval' 'sha256-{expected}'; style-src 'self';")), "{policy}");
    }

    #[test]
    fn scripts_the_browser_never_runs_are_not_allowed() {
        let html = r#"<script type=text/plain id=words>Send\nAnfon</script><script type="module">a()</script><script type='text/javascript'>b()</script><script>c()</script>"#;
        let hash = |body: &[u8]| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body));
        assert_eq!(inline_hashes(html, "script"), [hash(b"a()"), hash(b"b()"), hash(b"c()")]);
    }

    #[test]
    fn inline_styles_are_allowed_by_their_own_hash_in_style_src_only() {
        let css = "body{margin:0}";
        let html = format!(
            r#"<html><head><style>{css}</style><link href=/x.css rel=stylesheet><stylesheet>no</stylesheet><script>a()</script></head></html>"#
        );
        let style = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css.as_bytes()));
        let script = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"a()"));
        assert_eq!(inline_hashes(&html, "style"), std::slice::from_ref(&style));
        let policy = content_security_policy(Some(&html));
        assert!(policy.contains(&format!("style-src 'self' 'sha256-{style}';")), "{policy}");
        assert!(policy.contains(&format!("'wasm-unsafe-eval' 'sha256-{script}';")), "{policy}");
    }
}
