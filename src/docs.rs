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

pub async fn fetch(name: &str, lang: Language) -> Option<Document> {
    let answer = crate::fetch::fetch("GET", &format!("/docs/{}/{name}.json", lang.code()), None).await.ok()?;
    if !(200..300).contains(&answer.status) {
        return None;
    }
    Document::from_js(&answer.json)
}

/// The retention period the officer set, from the server, remembered for when the notice is read offline.
pub async fn fresh_retention_months() -> Result<u32, crate::sync::http::NetError> {
    let months = crate::sync::http::fetch_retention_months().await?.clamp(0.0, 1200.0) as u32;
    crate::prefs::set_retention_months(months);
    Ok(months)
}
