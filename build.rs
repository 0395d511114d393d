//! Turns the translation files `i18n/en/*.json` and `i18n/cy/*.json` into one `Key` enum per file, with one
//! `match` per language, so a missing translation is a build error and a typo in a key does not compile.
//! Each area has its own file (`app.json` → `i18n::app::Key`, `officer.json` → `i18n::officer::Key`), so a
//! young person's phone does not download the officer's words. The phone's own bundle (feature
//! `words-in-page`) reads the app's words from its page instead of carrying them (`i18n::page_words`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

type Table = BTreeMap<String, String>;

fn load(path: &Path) -> Table {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not a flat JSON object of strings: {e}", path.display()))
}

fn areas(lang: &str) -> BTreeMap<String, Table> {
    let dir = format!("i18n/{lang}");
    println!("cargo:rerun-if-changed={dir}");
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), load(&p)))
        .collect()
}

fn variant(key: &str) -> String {
    key.split(['.', '_', '-'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// `in_page`: the words are read from the page (feature `words-in-page`, `i18n::page_words`), not carried.
fn module(area: &str, en: &Table, cy: &Table, in_page: bool) -> String {
    let only_en: Vec<_> = en.keys().filter(|k| !cy.contains_key(*k)).collect();
    let only_cy: Vec<_> = cy.keys().filter(|k| !en.contains_key(*k)).collect();
    if !only_en.is_empty() || !only_cy.is_empty() {
        panic!("{area}.json: missing in i18n/cy: {only_en:?}; missing in i18n/en: {only_cy:?}");
    }
    for (key, text) in en.iter().chain(cy.iter()) {
        if text.trim().is_empty() {
            panic!("{area}.json: translation {key} is empty");
        }
    }
    let mut out = format!("pub mod {area} {{\n    /// A user-facing string from i18n/*/{area}.json.\n");
    out.push_str("    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n    pub enum Key {\n");
    for key in en.keys() {
        writeln!(out, "        /// {key}\n        {},", variant(key)).unwrap();
    }
    out.push_str("    }\n\n    impl Key {\n        pub const ALL: &'static [Key] = &[\n");
    for key in en.keys() {
        writeln!(out, "            Key::{},", variant(key)).unwrap();
    }
    out.push_str("        ];\n    }\n\n    impl super::Text for Key {\n");
    if in_page {
        // The words are in the page, in this order (`Key::ALL`: the keys sorted by their bytes). `text`
        // is one call, not a match over two: every place that shows a word calls it.
        for (lang, language) in [("en", "En"), ("cy", "Cy")] {
            writeln!(out, "        fn {lang}(self) -> &'static str {{\n            self.text(super::Language::{language})\n        }}").unwrap();
        }
        out.push_str("        fn text(self, lang: super::Language) -> &'static str {\n            super::page_words::get(lang, self as usize)\n        }\n");
    } else {
        for (lang, table) in [("en", en), ("cy", cy)] {
            writeln!(out, "        fn {lang}(self) -> &'static str {{\n            match self {{").unwrap();
            for (key, text) in table.iter() {
                writeln!(out, "                Key::{} => {:?},", variant(key), text).unwrap();
            }
            out.push_str("            }\n        }\n");
        }
    }
    out.push_str("    }\n}\n");
    out
}

/// The area whose words the phone's page carries (`scripts/inline-first-load.py` writes the same file's).
const PAGE_AREA: &str = "app";

fn main() {
    let words_in_page = std::env::var_os("CARGO_FEATURE_WORDS_IN_PAGE").is_some();
    let en = areas("en");
    let cy = areas("cy");
    let names: Vec<_> = en.keys().chain(cy.keys()).collect();
    let mut out = String::new();
    for area in en.keys() {
        let cy_table = cy.get(area).unwrap_or_else(|| panic!("i18n/cy/{area}.json is missing"));
        out.push_str(&module(area, &en[area], cy_table, words_in_page && area == PAGE_AREA));
    }
    if let Some(extra) = names.iter().find(|n| !en.contains_key(n.as_str())) {
        panic!("i18n/en/{extra}.json is missing");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("i18n_keys.rs");
    std::fs::write(dest, out).unwrap();
}
