//! Long documents (privacy notices, the accessibility statement) are translation files of their own,
//! `i18n/docs/{en,cy}/NAME.json`, fetched when opened instead of being built into the app: few people
//! read them, and every byte of the first load counts on one bar of signal. The service worker caches
//! them with the rest of the build, so they open offline too.

use serde::Deserialize;
use yoursay_core::Language;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Document {
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

pub async fn fetch(name: &str, lang: Language) -> Option<Document> {
    let answer = crate::fetch::fetch("GET", &format!("/docs/{}/{name}.json", lang.code()), None).await.ok()?;
    if !(200..300).contains(&answer.status) {
        return None;
    }
    serde_wasm_bindgen::from_value(answer.json).ok()
}

/// The retention period the officer set, from the server, remembered for when the notice is read offline.
pub async fn fresh_retention_months() -> Result<u32, crate::sync::http::NetError> {
    let months = crate::sync::http::fetch_retention_months().await?.clamp(0.0, 1200.0) as u32;
    crate::prefs::set_retention_months(months);
    Ok(months)
}
