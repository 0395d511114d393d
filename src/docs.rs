//! Long documents (privacy notices, the accessibility statement) are translation files of their own,
//! `i18n/docs/{en,cy}/NAME.json`, fetched when opened instead of being built into the app: few people
//! read them, and every byte of the first load counts on one bar of signal. The service worker caches
//! them with the rest of the build, so they open offline too.

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use yoursay_core::Language;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

impl Document {
    /// Reads `{"sections": [{"heading", "paragraphs": [..]}]}` straight from the parsed JSON: a serde reader
    /// for two small shapes costs the phone's download more than these lines. Anything else is no document.
    fn from_js(json: &JsValue) -> Option<Document> {
        let get = |object: &JsValue, name: &str| Reflect::get(object, &JsValue::from_str(name)).ok();
        let list = |value: JsValue| value.dyn_into::<Array>().ok();
        let sections = list(get(json, "sections")?)?
            .iter()
            .map(|section| {
                let heading = get(&section, "heading")?.as_string()?;
                let paragraphs =
                    list(get(&section, "paragraphs")?)?.iter().map(|p| p.as_string()).collect::<Option<Vec<_>>>()?;
                Some(Section { heading, paragraphs })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Document { sections })
    }
}

/// "What changed": the council's published responses, made by the server as a document in one language.
/// Not a build file, so the service worker does not hold it: the last copy fetched is kept instead.
pub const WHAT_CHANGED: &str = "what-changed";

pub async fn fetch(name: &str, lang: Language) -> Option<Document> {
    let path = match name {
        WHAT_CHANGED => format!("/api/v1/responses/document?lang={}", lang.code()),
        _ => format!("/docs/{}/{name}.json", lang.code()),
    };
    let answer = crate::fetch::fetch("GET", &path, None).await.ok().filter(|a| (200..300).contains(&a.status));
    match answer {
        Some(answer) => {
            if name == WHAT_CHANGED {
                if let Some(text) = js_sys::JSON::stringify(&answer.json).ok().and_then(|t| t.as_string()) {
                    crate::prefs::keep_document(name, lang, &text);
                }
            }
            Document::from_js(&answer.json)
        }
        // No signal: the copy kept last time, if there is one.
        None => Document::from_js(&js_sys::JSON::parse(&crate::prefs::kept_document(name, lang)?).ok()?),
    }
}

/// The retention period the officer set, from the server, remembered for when the notice is read offline.
pub async fn fresh_retention_months() -> Result<u32, crate::sync::http::NetError> {
    let months = crate::sync::http::fetch_retention_months().await?.clamp(0.0, 1200.0) as u32;
    crate::prefs::set_retention_months(months);
    Ok(months)
}
