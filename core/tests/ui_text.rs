//! Repository checks for "bilingual from the first string": every translation file has the same keys and
//! placeholders in English and Welsh, and no screen renders a user-facing literal instead of a key.
//! (They live with the core crate because they run natively and fast; they read the app's files.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn table(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect()
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned())).collect()
}

/// Compares two translation tables; returns every difference as a line.
fn differences(en: &BTreeMap<String, String>, cy: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    for key in en.keys().filter(|k| !cy.contains_key(*k)) {
        out.push(format!("{key}: English only"));
    }
    for key in cy.keys().filter(|k| !en.contains_key(*k)) {
        out.push(format!("{key}: Welsh only"));
    }
    for (key, en_text) in en {
        let Some(cy_text) = cy.get(key) else { continue };
        if en_text.trim().is_empty() || cy_text.trim().is_empty() {
            out.push(format!("{key}: empty"));
        }
        if placeholders(en_text) != placeholders(cy_text) {
            out.push(format!("{key}: placeholders differ"));
        }
    }
    out
}

#[test]
fn every_translation_file_has_the_same_keys_and_placeholders_in_both_languages() {
    let root = repo().join("i18n");
    let en_files = json_files(&root.join("en"));
    assert_eq!(en_files, json_files(&root.join("cy")), "the same files in i18n/en and i18n/cy");
    assert!(en_files.contains("app.json"));
    let mut problems = Vec::new();
    for file in &en_files {
        let en = table(&root.join("en").join(file));
        let cy = table(&root.join("cy").join(file));
        problems.extend(differences(&en, &cy).into_iter().map(|p| format!("{file}: {p}")));
    }
    assert!(problems.is_empty(), "translation problems:\n{}", problems.join("\n"));
}

/// A long document's shape: its sections' paragraph counts. Both languages must match.
fn document_shape(path: &Path) -> Vec<usize> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sections = doc["sections"].as_array().unwrap_or_else(|| panic!("{}: no sections", path.display()));
    sections
        .iter()
        .map(|s| {
            assert!(!s["heading"].as_str().unwrap_or_default().trim().is_empty(), "{}: empty heading", path.display());
            let paragraphs = s["paragraphs"].as_array().unwrap();
            assert!(paragraphs.iter().all(|p| !p.as_str().unwrap_or_default().trim().is_empty()), "{}", path.display());
            paragraphs.len()
        })
        .collect()
}

#[test]
fn every_long_document_exists_in_both_languages_with_the_same_sections() {
    let root = repo().join("i18n/docs");
    let names = json_files(&root.join("en"));
    assert_eq!(names, json_files(&root.join("cy")));
    for required in ["privacy-young.json", "privacy-adults.json", "accessibility.json"] {
        assert!(names.contains(required), "{required}");
    }
    for name in &names {
        let (en, cy) = (document_shape(&root.join("en").join(name)), document_shape(&root.join("cy").join(name)));
        assert_eq!(en, cy, "{name}: sections and paragraphs differ between English and Welsh");
    }
}

#[test]
fn the_translation_check_catches_a_missing_key_and_a_lost_placeholder() {
    let en = BTreeMap::from([("a".to_owned(), "Promise {n}".to_owned()), ("b".to_owned(), "Hi".to_owned())]);
    let cy = BTreeMap::from([("a".to_owned(), "Addewid".to_owned())]);
    assert_eq!(differences(&en, &cy), ["b: English only", "a: placeholders differ"]);
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The bodies of `view! { … }` macros in a source file.
fn view_bodies(source: &str) -> Vec<&str> {
    let mut bodies = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find("view! {") {
        let body_start = start + "view! {".len();
        let mut depth = 1;
        let mut end = body_start;
        for (i, c) in rest[body_start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = body_start + i;
                break;
            }
        }
        bodies.push(&rest[body_start..end]);
        rest = &rest[end.max(body_start)..];
    }
    bodies
}

const TEXT_ATTRIBUTES: [&str; 5] = ["aria-label=", "title=", "placeholder=", "alt=", "aria-description="];

/// Literal strings with letters in them that a person would see: text between tags, or the value of an
/// attribute that is read out or shown.
fn literal_user_text(body: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let Some(len) = body[i + 1..].find('"') else { break };
        let literal = &body[i + 1..i + 1 + len];
        let before = body[..i].trim_end();
        let after = body[i + 2 + len..].trim_start();
        let has_letters = literal.chars().any(char::is_alphabetic);
        let text_node =
            (before.ends_with('>') || before.ends_with('}')) && (after.starts_with('<') || after.starts_with('{'));
        let text_attribute = TEXT_ATTRIBUTES.iter().any(|a| before.ends_with(a));
        if has_letters && (text_node || text_attribute) {
            found.push(literal.to_owned());
        }
        i += len + 2;
    }
    found
}

#[test]
fn no_component_renders_a_literal_user_facing_string() {
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    rust_files(&repo().join("console/src"), &mut files);
    assert!(files.len() > 5, "found the app's sources");
    let mut problems = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for body in view_bodies(&source) {
            for literal in literal_user_text(body) {
                problems.push(format!("{}: \"{literal}\"", file.strip_prefix(repo()).unwrap().display()));
            }
        }
    }
    assert!(problems.is_empty(), "use a translation key instead of:\n{}", problems.join("\n"));
}

#[test]
fn the_literal_check_catches_text_nodes_and_labels_but_not_classes_or_punctuation() {
    let body =
        r#"<p class="lead">"Hello there"</p> <button aria-label="Close">{x}</button> {a} ": " {b} <i title="ok"></i>"#;
    assert_eq!(literal_user_text(body), ["Hello there", "Close", "ok"]);
    assert!(literal_user_text(r#"<a href="/say" class="button">{t}</a>"#).is_empty());
}

/// What a Welsh reader corrected (issue 13) must not come back: a northern form among southern ones, a
/// mismatched answer or register, unmutated options after a label, the Charter not in the Welsh
/// Government's own words. Each pair is (text that must not appear, why).
#[test]
fn the_welsh_readers_corrections_hold() {
    const NOT_AGAIN: [(&str, &str); 11] = [
        ("mae o?", "southern \"mae e\", as everywhere else"),
        ("neu'n hŷn", "\"26 neu hŷn\""),
        ("Methu ei anfon", "a list heading: \"Methu eu hanfon\""),
        ("swyddogion cyfranogiad", "\"swyddog(ion) cyfranogi\" throughout"),
        ("\"Ie, ", "\"Ydw\" answers \"Wyt ti…?\""),
        ("\"Tynnu\"", "\"Dileu\""),
        ("dod ymlaen", "\"cyd-dynnu\""),
        ("Rydw i'n…", "a label the options stand after unmutated"),
        ("gofalwyr maeth sydd â phrofiad o ofal", "reads as care-experienced carers"),
        ("â phrofiad o fod mewn gofal", "the Charter's \"sydd â phrofiad o ofal\""),
        ("Dweud dy ddweud", "the brand's register on the same screen"),
    ];
    let root = repo();
    let files = [
        "i18n/cy/app.json",
        "i18n/cy/officer.json",
        "i18n/docs/cy/privacy-young.json",
        "i18n/docs/cy/privacy-adults.json",
        "core/src/catalogue/default.rs",
    ];
    let mut problems = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        for (wrong, why) in NOT_AGAIN {
            if text.contains(wrong) {
                problems.push(format!("{file}: \"{wrong}\" ({why})"));
            }
        }
    }
    assert!(problems.is_empty(), "Welsh corrections undone:\n{}", problems.join("\n"));
}
