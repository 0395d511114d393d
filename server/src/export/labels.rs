//! The English and Welsh words for the codes the export carries (role, age band, score), taken from the
//! app's own translation files so a label reads the same in the spreadsheet as on the phone.

use std::collections::HashMap;
use std::sync::OnceLock;

use yoursay_core::form::{Easy3, Frequency};
use yoursay_core::{AgeBand, Answer, Role};

/// English and Welsh.
pub type Pair = [&'static str; 2];

static WORDS: OnceLock<[HashMap<String, String>; 2]> = OnceLock::new();

/// The phone's words (`app.json`) and the words of survey answers (`answers.json`, kept apart so the phone
/// downloads them only with the screens that show them).
fn words() -> &'static [HashMap<String, String>; 2] {
    WORDS.get_or_init(|| {
        let read = |jsons: [&str; 3]| -> HashMap<String, String> {
            jsons
                .into_iter()
                .flat_map(|json| {
                    serde_json::from_str::<HashMap<String, String>>(json)
                        .expect("i18n/*/*.json are flat objects of strings")
                })
                .collect()
        };
        [
            read([
                include_str!("../../../i18n/en/app.json"),
                include_str!("../../../i18n/en/answers.json"),
                include_str!("../../../i18n/en/you_said.json"),
            ]),
            read([
                include_str!("../../../i18n/cy/app.json"),
                include_str!("../../../i18n/cy/answers.json"),
                include_str!("../../../i18n/cy/you_said.json"),
            ]),
        ]
    })
}

/// The words for `key`; the key itself if a translation file lacks it (a test checks none does).
fn pair(key: &str) -> Pair {
    let [en, cy] = words();
    let get = |map: &'static HashMap<String, String>| map.get(key).map_or("", String::as_str);
    [get(en), get(cy)]
}

pub fn role(role: Role) -> Pair {
    pair(match role {
        Role::YoungPerson => "role.young_person",
        Role::CareLeaver => "role.care_leaver",
        Role::FosterCarer => "role.foster_carer",
        Role::KinshipCarer => "role.kinship_carer",
        Role::Professional => "role.professional",
        Role::Other => "role.other",
    })
}

pub fn age_band(age: AgeBand) -> Pair {
    pair(match age {
        AgeBand::From4To7 => "age.4_to_7",
        AgeBand::From8To10 => "age.8_to_10",
        AgeBand::From11To15 => "age.11_to_15",
        AgeBand::From16To18 => "age.16_to_18",
        AgeBand::From19To25 => "age.19_to_25",
        AgeBand::From26 => "age.26_plus",
    })
}

/// The word under each face on the phone's scale.
pub fn answer(answer: Answer) -> Pair {
    pair(match answer {
        Answer::DontKnow => "scale.dont_know",
        Answer::Score(s) => match s.value() {
            1 => "scale.really_bad",
            2 => "scale.bad",
            3 => "scale.ok",
            4 => "scale.good",
            _ => "scale.really_good",
        },
    })
}

/// The words under the easy three-face scale.
pub fn easy(point: Easy3) -> Pair {
    pair(match point.value() {
        1 => "easy.not_good",
        2 => "easy.ok",
        _ => "easy.good",
    })
}

pub fn frequency(f: Frequency) -> Pair {
    pair(match f {
        Frequency::Always => "frequency.always",
        Frequency::MostOfTheTime => "frequency.most_of_the_time",
        Frequency::Sometimes => "frequency.sometimes",
        Frequency::Never => "frequency.never",
    })
}

/// Words from the translation files by key, in English and Welsh (for texts the server writes itself).
pub fn words_for(key: &str) -> Pair {
    pair(key)
}

/// "You said, we did" progress in words.
pub fn progress(p: yoursay_core::you_said::Progress) -> Pair {
    pair(&format!("progress.{}", p.code()))
}

#[cfg(test)]
mod tests {
    use yoursay_core::Score;

    use super::*;

    #[test]
    fn every_code_has_words_in_both_languages() {
        let mut all: Vec<Pair> = Role::ALL.into_iter().map(role).collect();
        all.extend(AgeBand::ALL.into_iter().map(age_band));
        all.extend((1..=5).map(|n| answer(Answer::Score(Score::parse(n).unwrap()))));
        all.push(answer(Answer::DontKnow));
        all.extend((1..=3).map(|n| easy(Easy3::parse(n, "").unwrap())));
        all.extend(Frequency::ALL.into_iter().map(frequency));
        all.extend(yoursay_core::you_said::Progress::ALL.into_iter().map(progress));
        for [en, cy] in all {
            assert!(!en.is_empty() && !cy.is_empty() && en != cy, "{en} / {cy}");
        }
        assert_eq!(age_band(AgeBand::From11To15), ["11 to 15", "11 i 15"]);
        assert_eq!(answer(Answer::DontKnow), ["Don't know", "Ddim yn gwybod"]);
    }
}
