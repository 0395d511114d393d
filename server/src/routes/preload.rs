//! The `Link` header of each page of the app: its `<link rel=preload>` elements (the wasm), repeated as a
//! header so the browser asks for them as soon as the page's headers arrive, while the page itself is still
//! on its way. On one bar of signal every request waits about 400 ms for its first byte; this way the
//! wasm's wait overlaps the page's own download instead of following it (`scripts/inline-first-load.py`
//! puts what else the first screen needs into the page; `scripts/bench.sh` measures the whole).

use std::collections::HashMap;
use std::path::Path;

use axum::http::HeaderValue;

use super::app_files::read_pages;

/// Read from the pages when the server starts, as the Content-Security-Policy is: a build replaces them
/// only together with a restart.
#[derive(Debug, Default)]
pub struct Preloads {
    /// By the page's folder in the app directory (`""` for the phone's own page).
    by_dir: HashMap<&'static str, HeaderValue>,
}

impl Preloads {
    pub fn read(app_dir: &Path) -> Self {
        let by_dir =
            read_pages(app_dir).into_iter().filter_map(|(dir, html)| Some((dir, link_header(&html)?))).collect();
        Preloads { by_dir }
    }

    /// The header for the page in `dir` (`""` for the phone's page), if it preloads anything.
    pub fn of(&self, dir: &str) -> Option<&HeaderValue> {
        self.by_dir.get(dir)
    }
}

/// `Link: </a_bg.wasm>; rel=preload; as=fetch; crossorigin; type="application/wasm"` for each
/// `<link rel=preload>` of `html` that names a file of this server (a path, with nothing a header could
/// misread). `None` when there is none.
pub fn link_header(html: &str) -> Option<HeaderValue> {
    let links: Vec<String> = link_elements(html).filter_map(|attributes| preload_link(&attributes)).collect();
    if links.is_empty() {
        return None;
    }
    HeaderValue::from_str(&links.join(", ")).ok()
}

fn preload_link(attributes: &[(String, Option<String>)]) -> Option<String> {
    let value = |name: &str| crate::html::attribute(attributes, name);
    if !value("rel")?.split_ascii_whitespace().any(|rel| rel.eq_ignore_ascii_case("preload")) {
        return None;
    }
    let href = value("href").filter(|href| is_plain_path(href))?;
    let mut link = format!("<{href}>; rel=preload");
    if let Some(destination) = value("as").filter(|v| is_token(v)) {
        link.push_str(&format!("; as={destination}"));
    }
    match value("crossorigin") {
        Some("" | "anonymous") => link.push_str("; crossorigin"),
        Some("use-credentials") => link.push_str("; crossorigin=use-credentials"),
        _ => {}
    }
    if let Some(kind) = value("type").filter(|v| v.split('/').all(is_token)) {
        link.push_str(&format!("; type=\"{kind}\""));
    }
    Some(link)
}

/// `/surveys/yoursay-app-4c5d6e_bg.wasm`: a path on this server, with no character a header could misread.
fn is_plain_path(href: &str) -> bool {
    href.starts_with('/')
        && !href.starts_with("//")
        && href.bytes().all(|b| b.is_ascii_alphanumeric() || b"/._-".contains(&b))
}

fn is_token(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.+".contains(&b))
}

/// The attributes (names lower-cased, values unquoted) of each `<link>` element of `html`, written as
/// Trunk's minifier writes them (`<link as=fetch crossorigin href=/a.wasm rel=preload>`) or quoted.
fn link_elements(html: &str) -> impl Iterator<Item = Vec<(String, Option<String>)>> + '_ {
    let lower = html.to_ascii_lowercase();
    let starts: Vec<usize> = lower
        .match_indices("<link")
        .map(|(at, _)| at + "<link".len())
        .filter(|&at| html[at..].starts_with(|c: char| c.is_ascii_whitespace()))
        .collect();
    starts.into_iter().map(move |at| crate::html::attributes(&html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(html: &str) -> Option<String> {
        link_header(html).map(|v| v.to_str().unwrap().to_owned())
    }

    #[test]
    fn a_minified_wasm_preload_becomes_a_link_header() {
        let html = "<!doctype html><meta charset=utf-8><link as=fetch crossorigin href=/yoursay-app-4d84_bg.wasm \
                    rel=preload type=application/wasm><link href=/icon.svg rel=icon type=image/svg+xml>";
        assert_eq!(
            header(html).as_deref(),
            Some(r#"</yoursay-app-4d84_bg.wasm>; rel=preload; as=fetch; crossorigin; type="application/wasm""#)
        );
    }

    #[test]
    fn quoted_attributes_and_several_preloads_are_read() {
        let html = r#"<LINK rel="preload" href="/surveys/a_bg.wasm" as="fetch" crossorigin="anonymous">
                      <link rel='modulepreload' href='/surveys/a.js'><link rel="preload" href='/b.css' as=style>"#;
        assert_eq!(
            header(html).as_deref(),
            Some("</surveys/a_bg.wasm>; rel=preload; as=fetch; crossorigin, </b.css>; rel=preload; as=style")
        );
    }

    #[test]
    fn no_preload_no_header() {
        assert_eq!(header("<link rel=stylesheet href=/main.css><linkage rel=preload href=/x>"), None);
        assert_eq!(header(""), None);
    }

    #[test]
    fn only_plain_paths_of_this_server_are_named() {
        for href in ["https://cdn.example/a.wasm", "//cdn.example/a.wasm", "/a.wasm>;rel=x", "/a%0d.wasm", "a.wasm"] {
            let html = format!(r#"<link rel=preload as=fetch href="{href}">"#);
            assert_eq!(header(&html), None, "{href}");
        }
        assert_eq!(
            header(r#"<link rel=preload as="fetch;x" type="a/b c" href=/a.wasm>"#).as_deref(),
            Some("</a.wasm>; rel=preload"),
            "values a header could misread are left out"
        );
    }
}
