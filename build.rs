//! Turns the translation files `i18n/en/*.json` and `i18n/cy/*.json` into a `Key` enum with one `match` per
//! language, so a missing translation is a build error and a typo in a key does not compile. Each area of
//! the app has its own file (`app.json`, `officer.json`, …); keys must be unique across files.

use std::collections::BTreeMap;
use std::fmt::Write as _;

fn load(lang: &str) -> BTreeMap<String, String> {
    let dir = format!("i18n/{lang}");
    println!("cargo:rerun-if-changed={dir}");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut all = BTreeMap::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap();
        let table: BTreeMap<String, String> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not a flat JSON object of strings: {e}", path.display()));
        for (key, value) in table {
            if all.insert(key.clone(), value).is_some() {
                panic!("translation key {key} is defined twice in {dir}");
            }
        }
    }
    all
}

fn variant(key: &str) -> String {
    key.split(['.', '_', '-'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

fn main() {
    let en = load("en");
    let cy = load("cy");
    let only_en: Vec<_> = en.keys().filter(|k| !cy.contains_key(*k)).collect();
    let only_cy: Vec<_> = cy.keys().filter(|k| !en.contains_key(*k)).collect();
    if !only_en.is_empty() || !only_cy.is_empty() {
        panic!("translations differ: missing in i18n/cy: {only_en:?}; missing in i18n/en: {only_cy:?}");
    }
    for (key, text) in en.iter().chain(cy.iter()) {
        if text.trim().is_empty() {
            panic!("translation {key} is empty");
        }
    }

    let mut out = String::from("/// A user-facing string. Generated from i18n/*.json by build.rs.\n");
    out.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for key in en.keys() {
        writeln!(out, "    /// {key}\n    {},", variant(key)).unwrap();
    }
    out.push_str("}\n\nimpl Key {\n    pub const ALL: &'static [Key] = &[\n");
    for key in en.keys() {
        writeln!(out, "        Key::{},", variant(key)).unwrap();
    }
    out.push_str("    ];\n");
    for (lang, table) in [("en", &en), ("cy", &cy)] {
        writeln!(out, "\n    pub fn {lang}(self) -> &'static str {{\n        match self {{").unwrap();
        for (key, text) in table.iter() {
            writeln!(out, "            Key::{} => {:?},", variant(key), text).unwrap();
        }
        out.push_str("        }\n    }\n");
    }
    out.push_str("}\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("i18n_keys.rs");
    std::fs::write(dest, out).unwrap();
}
