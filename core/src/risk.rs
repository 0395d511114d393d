//! Risk flagging: a view that says someone may be at risk must reach the officer first. The officer edits
//! the word lists; matching is case-insensitive on whole words so "hit" flags "he hit me" but not "white".

use serde::{Deserialize, Serialize};

/// The lists as the officer edits them, one per language. Every view is checked against both lists:
/// people mix languages, and a Welsh word in an English view still matters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskWords {
    pub en: Vec<String>,
    pub cy: Vec<String>,
}

impl RiskWords {
    /// A starting list; the officer should review it with the safeguarding lead. Welsh mutates the first
    /// letter of a word after some words ("wedi fy mrifo", "yn fy nharo"), so common mutated forms are
    /// listed too.
    pub fn default_list() -> Self {
        let en = [
            "hurt",
            "hurts",
            "hurting",
            "hit",
            "hits",
            "hitting",
            "abuse",
            "abused",
            "abusing",
            "unsafe",
            "not safe",
            "scared",
            "frightened",
            "suicide",
            "suicidal",
            "kill myself",
            "self-harm",
            "self harm",
            "cutting myself",
            "want to die",
            "rape",
            "raped",
            "touched me",
            "beat me",
            "beats me",
            "hate myself",
        ];
        let cy = [
            "brifo",
            "frifo",
            "mrifo",
            "taro",
            "daro",
            "nharo",
            "cam-drin",
            "gam-drin",
            "ngham-drin",
            "camdrin",
            "ddim yn ddiogel",
            "ofn",
            "ofnus",
            "hunanladdiad",
            "lladd fy hun",
            "ladd fy hun",
            "hunan-niweidio",
            "hunan niweidio",
            "eisiau marw",
            "isio marw",
            "treisio",
            "dreisio",
            "nhreisio",
        ];
        RiskWords { en: en.map(String::from).to_vec(), cy: cy.map(String::from).to_vec() }
    }

    /// Trimmed, lower-cased, without blanks or repeats, so the stored list is what is matched.
    pub fn normalised(&self) -> Self {
        fn clean(words: &[String]) -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for w in words {
                let w = collapse(&w.to_lowercase());
                if !w.is_empty() && !out.contains(&w) {
                    out.push(w);
                }
            }
            out
        }
        RiskWords { en: clean(&self.en), cy: clean(&self.cy) }
    }

    /// The listed words found in `text`, in list order.
    pub fn find(&self, text: &str) -> Vec<String> {
        let haystack = collapse(&text.to_lowercase());
        self.en.iter().chain(&self.cy).filter(|w| contains_word(&haystack, w)).fold(Vec::new(), |mut found, w| {
            if !found.contains(w) {
                found.push(w.clone());
            }
            found
        })
    }
}

/// One space between words, so "kill   myself" or a line break in the middle still matches.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `word` occurs in `haystack` with no letter or digit directly before or after it.
fn contains_word(haystack: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    haystack.match_indices(word).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_in_either_language_case_insensitively() {
        let words = RiskWords::default_list();
        assert_eq!(words.find("He HIT me last week"), ["hit"]);
        assert!(words.find("The white walls are nice").is_empty());
        assert_eq!(words.find("Dw i ddim yn ddiogel adref"), ["ddim yn ddiogel"]);
        assert_eq!(words.find("Mae o'n fy nharo i"), ["nharo"]);
        assert_eq!(words.find("sometimes I want to\n die"), ["want to die"]);
        assert_eq!(words.find("Rwy'n teimlo'n ofnus. I'm scared"), ["scared", "ofnus"]);
        assert!(words.find("ofnadwy o dda").is_empty(), "ofn inside ofnadwy is not the word ofn");
    }

    #[test]
    fn normalising_trims_lowercases_and_drops_repeats() {
        let words = RiskWords { en: vec![" Hurt ".into(), "hurt".into(), "".into()], cy: vec!["Eisiau  Marw".into()] };
        assert_eq!(words.normalised(), RiskWords { en: vec!["hurt".into()], cy: vec!["eisiau marw".into()] });
    }
}
