//! The publishing rules, hashing and versioning. Answers are tested in `response_tests.rs`; built-ins and
//! starting points in `builtin_tests.rs`.

use serde_json::json;

use super::*;
use crate::catalogue::{default_catalogue, Catalogue};

pub(super) fn catalogue() -> Catalogue {
    default_catalogue()
}

/// A form with one question of every kind, a show-if rule, help and tags: as the console would send it.
pub(super) fn every_kind_json() -> serde_json::Value {
    json!({
        "code": "every_kind",
        "title": {"en": "Every kind", "cy": "Pob math"},
        "intro": {"en": "One question of each kind.", "cy": "Un cwestiwn o bob math."},
        "audience": "everyone",
        "questions": [
            {"code": "faces", "kind": "faces", "required": true,
             "prompt": {"en": "How is your placement?", "cy": "Sut mae dy leoliad?"},
             "tags": {"promises": ["stable_home"], "services": ["foster_placement"]}},
            {"code": "easy", "kind": "easy3", "prompt": {"en": "How was today?", "cy": "Sut oedd heddiw?"}},
            {"code": "often", "kind": "frequency",
             "prompt": {"en": "How often do you see your worker?", "cy": "Pa mor aml wyt ti'n gweld dy weithiwr?"}},
            {"code": "where", "kind": {"single": [
                {"code": "home", "label": {"en": "At home", "cy": "Gartref"}},
                {"code": "school", "label": {"en": "At school", "cy": "Yn yr ysgol"}}]},
             "prompt": {"en": "Where do you feel safest?", "cy": "Ble rwyt ti'n teimlo fwyaf diogel?"}},
            {"code": "which", "kind": {"multi": {"choices": [
                {"code": "sport", "label": {"en": "Sport", "cy": "Chwaraeon"}},
                {"code": "music", "label": {"en": "Music", "cy": "Cerddoriaeth"}},
                {"code": "art", "label": {"en": "Art", "cy": "Celf"}}],
                "none_of_these": {"en": "None of these", "cy": "Dim un o'r rhain"}}},
             "prompt": {"en": "What do you enjoy?", "cy": "Beth wyt ti'n ei fwynhau?"},
             "help": {"en": "Choose as many as you like.", "cy": "Dewisa gymaint ag rwyt ti eisiau."}},
            {"code": "sport_more", "kind": "faces", "required": true,
             "prompt": {"en": "How much sport do you get to do?", "cy": "Faint o chwaraeon wyt ti'n cael eu gwneud?"},
             "show_if": {"question": "which", "any_of": ["sport"]}},
            {"code": "why", "kind": {"text": {"max_chars": 20, "promise_tags": true}},
             "prompt": {"en": "Tell us why", "cy": "Dywed wrthon ni pam"}},
            {"code": "grid", "kind": "service_promise_grid",
             "prompt": {"en": "Rate a service", "cy": "Sgorio gwasanaeth"}}
        ]
    })
}

pub(super) fn every_kind() -> Form {
    serde_json::from_value(every_kind_json()).unwrap()
}

pub(super) fn published(form: &Form, version: u32) -> PublishedForm {
    PublishedForm::parse(form, version, &catalogue())
        .unwrap_or_else(|e| panic!("{} does not publish: {e:?}", form.code))
}

pub(super) fn fields(errors: &[FieldError]) -> Vec<(&str, ErrorCode)> {
    errors.iter().map(|e| (e.field.as_str(), e.code)).collect()
}

fn refused(form: &Form) -> Vec<(String, ErrorCode)> {
    let errors = PublishedForm::parse(form, 1, &catalogue()).expect_err("should be refused");
    errors.into_iter().map(|e| (e.field, e.code)).collect()
}

fn owned(list: &[(&str, ErrorCode)]) -> Vec<(String, ErrorCode)> {
    list.iter().map(|(f, c)| ((*f).to_owned(), *c)).collect()
}

#[test]
fn a_form_with_every_kind_publishes_and_its_json_round_trips() {
    let form = every_kind();
    let p = published(&form, 1);
    assert_eq!((p.code(), p.version()), ("every_kind", 1));
    assert_eq!(p.form(), &form, "already trimmed: publishing keeps it as it is");
    assert_eq!(serde_json::from_value::<Form>(serde_json::to_value(&form).unwrap()).unwrap(), form);
    let names: Vec<_> = form.questions.iter().map(|q| q.kind.name()).collect();
    assert_eq!(names, ["faces", "easy3", "frequency", "single", "multi", "faces", "text", "service_promise_grid"]);
}

#[test]
fn unknown_fields_in_a_form_are_refused_not_ignored() {
    let mut json = every_kind_json();
    json["questions"][0]["colour"] = json!("red");
    let err = serde_json::from_value::<Form>(json).unwrap_err();
    assert!(err.to_string().contains("unknown field `colour`"), "{err}");
}

#[test]
fn a_draft_may_lack_welsh_but_publishing_names_every_missing_text() {
    let mut form = every_kind();
    form.title.cy.clear();
    form.intro.cy = "  ".into();
    for q in &mut form.questions {
        q.prompt.cy.clear();
        if let Some(help) = &mut q.help {
            help.cy.clear();
        }
        match &mut q.kind {
            Kind::Single(choices) => choices[1].label.cy.clear(),
            Kind::Multi(m) => {
                m.choices[0].label.cy.clear();
                m.none_of_these.as_mut().unwrap().cy.clear();
            }
            _ => {}
        }
    }
    let mut expected = vec![("title.cy".to_owned(), ErrorCode::Empty), ("intro.cy".to_owned(), ErrorCode::Empty)];
    for i in 0..8 {
        expected.push((format!("questions[{i}].prompt.cy"), ErrorCode::Empty));
        match i {
            3 => expected.push(("questions[3].kind.single[1].label.cy".into(), ErrorCode::Empty)),
            4 => expected.extend([
                ("questions[4].help.cy".into(), ErrorCode::Empty),
                ("questions[4].kind.multi.choices[0].label.cy".into(), ErrorCode::Empty),
                ("questions[4].kind.multi.none_of_these.cy".into(), ErrorCode::Empty),
            ]),
            _ => {}
        }
    }
    let got = refused(&form);
    assert_eq!(got, expected);
}

#[test]
fn english_is_needed_as_much_as_welsh() {
    let mut form = every_kind();
    form.title.en.clear();
    form.questions[6].prompt.en = " ".into();
    assert_eq!(refused(&form), owned(&[("title.en", ErrorCode::Empty), ("questions[6].prompt.en", ErrorCode::Empty)]));
}

#[test]
fn texts_are_bounded_in_characters_in_each_language() {
    let mut form = every_kind();
    form.title.cy = "ŵ".repeat(MAX_TITLE_CHARS);
    assert!(PublishedForm::parse(&form, 1, &catalogue()).is_ok(), "ŵ is two bytes but one character");
    form.title.cy.push('ŵ');
    form.questions[0].prompt.en = "a".repeat(MAX_PROMPT_CHARS + 1);
    assert_eq!(
        refused(&form),
        owned(&[("title.cy", ErrorCode::TooLong), ("questions[0].prompt.en", ErrorCode::TooLong)])
    );
}

#[test]
fn codes_must_be_well_formed_and_unique_and_none_of_these_is_reserved() {
    let mut form = every_kind();
    form.code = "Every Kind".into();
    form.questions[1].code = "faces".into();
    form.questions[2].code = "2often".into();
    let Kind::Single(choices) = &mut form.questions[3].kind else { unreachable!() };
    choices[1].code = "home".into();
    let Kind::Multi(m) = &mut form.questions[4].kind else { unreachable!() };
    m.choices[2].code = NONE_OF_THESE.into();
    assert_eq!(
        refused(&form),
        owned(&[
            ("code", ErrorCode::Invalid),
            ("questions[1].code", ErrorCode::Duplicate),
            ("questions[2].code", ErrorCode::Invalid),
            ("questions[3].kind.single[1].code", ErrorCode::Duplicate),
            ("questions[4].kind.multi.choices[2].code", ErrorCode::Invalid),
        ])
    );
}

#[test]
fn choices_are_two_to_twenty_with_labels_unique_in_each_language() {
    let mut form = every_kind();
    let choice =
        |i: usize| Choice { code: format!("c{i}"), label: Bilingual::new(&format!("C {i}"), &format!("D {i}")) };
    form.questions[3].kind = Kind::Single(vec![choice(0)]);
    let Kind::Multi(m) = &mut form.questions[4].kind else { unreachable!() };
    m.choices = (0..=MAX_CHOICES).map(choice).collect();
    m.choices[1].label.cy = "d 0".into();
    let errors = refused(&form);
    assert_eq!(
        errors,
        owned(&[
            ("questions[3].kind.single", ErrorCode::OutOfRange),
            ("questions[4].kind.multi.choices", ErrorCode::TooMany),
            ("questions[4].kind.multi.choices[1].label.cy", ErrorCode::Duplicate),
            ("questions[5].show_if.any_of[0]", ErrorCode::UnknownValue),
        ])
    );
    form.questions[3].kind = Kind::Single(vec![]);
    assert_eq!(refused(&form)[0], ("questions[3].kind.single".into(), ErrorCode::Empty));
}

#[test]
fn free_text_limits_are_one_to_the_view_limit() {
    let mut form = every_kind();
    form.questions[6].kind = Kind::Text(TextLimit { max_chars: 0, promise_tags: false });
    assert_eq!(refused(&form), owned(&[("questions[6].kind.text.max_chars", ErrorCode::OutOfRange)]));
    form.questions[6].kind =
        Kind::Text(TextLimit { max_chars: crate::ViewText::MAX_CHARS as u32 + 1, promise_tags: false });
    assert_eq!(refused(&form), owned(&[("questions[6].kind.text.max_chars", ErrorCode::OutOfRange)]));
    form.questions[6].kind =
        Kind::Text(TextLimit { max_chars: crate::ViewText::MAX_CHARS as u32, promise_tags: false });
    assert!(PublishedForm::parse(&form, 1, &catalogue()).is_ok());
}

#[test]
fn a_form_has_one_to_sixty_questions() {
    let mut form = every_kind();
    form.questions.clear();
    assert_eq!(refused(&form), owned(&[("questions", ErrorCode::Empty)]));
    let mut form = every_kind();
    let extra = form.questions[1].clone();
    while form.questions.len() <= MAX_QUESTIONS {
        let mut q = extra.clone();
        q.code = format!("extra_{}", form.questions.len());
        form.questions.push(q);
    }
    assert_eq!(refused(&form), owned(&[("questions", ErrorCode::TooMany)]));
    form.questions.truncate(MAX_QUESTIONS);
    assert!(PublishedForm::parse(&form, 1, &catalogue()).is_ok());
}

#[test]
fn show_if_points_only_backwards_to_a_choice_question_and_its_choices() {
    let rule = |question: &str, any_of: &[&str]| {
        Some(ShowIf { question: question.into(), any_of: any_of.iter().map(|s| (*s).to_owned()).collect() })
    };
    type Case = (Option<ShowIf>, Vec<(&'static str, ErrorCode)>);
    let cases: Vec<Case> = vec![
        (rule("which", &["none_of_these"]), vec![]),
        (rule("where", &["home", "school"]), vec![]),
        (rule("sport_more", &["sport"]), vec![("questions[5].show_if.question", ErrorCode::Invalid)]),
        (rule("grid", &["x"]), vec![("questions[5].show_if.question", ErrorCode::Invalid)]),
        (rule("nowhere", &["sport"]), vec![("questions[5].show_if.question", ErrorCode::UnknownValue)]),
        (rule("faces", &["sport"]), vec![("questions[5].show_if.question", ErrorCode::Invalid)]),
        (rule("which", &["chess"]), vec![("questions[5].show_if.any_of[0]", ErrorCode::UnknownValue)]),
        (rule("which", &[]), vec![("questions[5].show_if.any_of", ErrorCode::Empty)]),
        (rule("which", &["art", "art"]), vec![("questions[5].show_if.any_of[1]", ErrorCode::Duplicate)]),
    ];
    for (show_if, expected) in cases {
        let mut form = every_kind();
        form.questions[5].show_if = show_if.clone();
        let got = PublishedForm::parse(&form, 1, &catalogue()).err().unwrap_or_default();
        assert_eq!(fields(&got), expected, "{show_if:?}");
    }
    // Forwards or to itself, even to a choice question with those very choices.
    for (at, target, choice) in [(2, "which", "sport"), (3, "where", "home")] {
        let mut form = every_kind();
        form.questions[at].show_if = rule(target, &[choice]);
        assert_eq!(refused(&form), vec![(format!("questions[{at}].show_if.question"), ErrorCode::Invalid)], "{target}");
    }
    // A single choice question has no "none of these".
    let mut form = every_kind();
    form.questions[5].show_if = rule("where", &[NONE_OF_THESE]);
    assert_eq!(refused(&form), owned(&[("questions[5].show_if.any_of[0]", ErrorCode::UnknownValue)]));
}

#[test]
fn tags_name_catalogue_items_once_and_retired_ones_still_count() {
    let mut form = every_kind();
    form.questions[0].tags = Tags {
        promises: vec!["support".into(), "flying".into(), "support".into(), "Bad".into()],
        services: vec!["dragon_keeper".into(), "housing".into()],
    };
    assert_eq!(
        refused(&form),
        owned(&[
            ("questions[0].tags.promises[1]", ErrorCode::UnknownCode),
            ("questions[0].tags.promises[2]", ErrorCode::Duplicate),
            ("questions[0].tags.promises[3]", ErrorCode::Invalid),
            ("questions[0].tags.services[0]", ErrorCode::UnknownCode),
        ])
    );
    let mut retired = catalogue();
    retired.promises.iter_mut().for_each(|p| p.retired = true);
    assert!(PublishedForm::parse(&every_kind(), 1, &retired).is_ok(), "a stored version reads back after retiring");
}

#[test]
fn version_numbers_start_at_one() {
    assert_eq!(
        fields(&PublishedForm::parse(&every_kind(), 0, &catalogue()).unwrap_err()),
        [("version", ErrorCode::OutOfRange)]
    );
}

#[test]
fn publishing_trims_texts_and_drops_a_blank_help_line_before_hashing() {
    let mut messy = every_kind();
    messy.title.en = "  Every kind \n".into();
    messy.questions[0].help = Some(Bilingual::new(" ", ""));
    let Kind::Single(choices) = &mut messy.questions[3].kind else { unreachable!() };
    choices[0].label.cy = " Gartref ".into();
    let (clean, messy) = (published(&every_kind(), 1), published(&messy, 1));
    assert_eq!(messy.form(), clean.form());
    assert_eq!(messy.content_hash(), clean.content_hash());
}

#[test]
fn the_content_hash_is_stable_and_ignores_the_version_number() {
    let a = published(&every_kind(), 1);
    let b = published(&every_kind(), 7);
    assert_eq!(a.content_hash(), b.content_hash());
    assert_eq!(a.content_hash().len(), 64);
    assert!(a.content_hash().bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    // Pinned: the hash of a published version must never change, on any machine or in any later version
    // of this program, or stored versions would no longer match their hash.
    assert_eq!(a.content_hash(), PINNED_EVERY_KIND_HASH);
}

/// Also computed by a separate Python encoder written from `canonical.rs`'s layout and hashed with hashlib.
const PINNED_EVERY_KIND_HASH: &str = "32adb31185b945583e090637ef64433709f7a2e4d2b58f5163345f522ea9927f";

#[test]
fn a_stored_version_is_restored_only_with_the_hash_it_was_published_with() {
    let p = published(&every_kind(), 3);
    let restored = PublishedForm::restore(p.form(), 3, p.content_hash(), &catalogue()).unwrap();
    assert_eq!(restored, p);
    let mut altered = p.form().clone();
    altered.questions[0].prompt.en = "How is your placement going?".into();
    let errors = PublishedForm::restore(&altered, 3, p.content_hash(), &catalogue()).unwrap_err();
    assert_eq!(fields(&errors), [("content_hash", ErrorCode::Conflict)]);
}

#[test]
fn every_part_of_the_content_changes_the_hash() {
    let base = hash::content_hash(&every_kind());
    type Edit = (&'static str, fn(&mut Form));
    let edits: Vec<Edit> = vec![
        ("code", |f| f.code = "every_kind2".into()),
        ("title.cy", |f| f.title.cy = "Pob un".into()),
        ("intro.en", |f| f.intro.en.push('!')),
        ("audience", |f| f.audience = Audience::Carers),
        ("order", |f| f.questions.swap(1, 2)),
        ("prompt", |f| f.questions[0].prompt.cy.push('?')),
        ("help", |f| f.questions[0].help = Some(Bilingual::new("Help", "Help"))),
        ("required", |f| f.questions[1].required = true),
        ("kind", |f| f.questions[1].kind = Kind::Faces),
        ("choice", |f| {
            if let Kind::Single(c) = &mut f.questions[3].kind {
                c[0].code = "house".into();
            }
        }),
        ("none", |f| {
            if let Kind::Multi(m) = &mut f.questions[4].kind {
                m.none_of_these = None;
            }
        }),
        ("max_chars", |f| f.questions[6].kind = Kind::Text(TextLimit { max_chars: 21, promise_tags: true })),
        ("promise_tags", |f| f.questions[6].kind = Kind::Text(TextLimit { max_chars: 20, promise_tags: false })),
        ("show_if", |f| f.questions[5].show_if.as_mut().unwrap().any_of.push("art".into())),
        ("tags", |f| f.questions[0].tags.services.clear()),
        // Moving a string from one field to the next must not give the same bytes.
        ("boundary", |f| {
            f.title = Bilingual::new("Every kindPob", " math");
        }),
    ];
    let mut seen = vec![base.clone()];
    for (name, edit) in edits {
        let mut form = every_kind();
        edit(&mut form);
        let h = hash::content_hash(&form);
        assert!(!seen.contains(&h), "{name} did not change the hash");
        seen.push(h);
    }
}

#[test]
fn the_first_publication_is_version_one_and_unchanged_content_makes_no_new_version() {
    let cat = catalogue();
    let Publication::New(v1) = publish(&every_kind(), &[], &cat).unwrap() else { panic!("first is new") };
    assert_eq!(v1.version(), 1);
    assert_eq!(publish(&every_kind(), std::slice::from_ref(&v1), &cat).unwrap(), Publication::Unchanged { version: 1 });

    let mut edited = every_kind();
    edited.questions[0].prompt.en = "How do you feel about your placement?".into();
    let Publication::New(v2) = publish(&edited, std::slice::from_ref(&v1), &cat).unwrap() else {
        panic!("an edit is new")
    };
    assert_eq!(v2.version(), 2);
    assert_ne!(v2.content_hash(), v1.content_hash());
    assert_eq!(wording_changes(v1.form(), v2.form()), ["faces"]);

    // Reverting to the first content is still a new version: the newest is what devices run.
    let Publication::New(v3) = publish(&every_kind(), &[v2, v1.clone()], &cat).unwrap() else { panic!("revert") };
    assert_eq!((v3.version(), v3.content_hash()), (3, v1.content_hash()));
}

#[test]
fn a_question_code_is_never_reused_for_another_kind_even_after_a_version_dropped_it() {
    let cat = catalogue();
    let v1 = published(&every_kind(), 1);
    let mut v2_form = every_kind();
    v2_form.questions.remove(1); // "easy" dropped
    let v2 = published(&v2_form, 2);
    let mut draft = v2_form.clone();
    draft.questions.push(Question {
        code: "easy".into(),
        kind: Kind::Frequency,
        prompt: Bilingual::new("How often?", "Pa mor aml?"),
        help: None,
        required: false,
        show_if: None,
        tags: Tags::default(),
    });
    let last = draft.questions.len() - 1;
    let errors = publish(&draft, &[v1.clone(), v2.clone()], &cat).unwrap_err();
    assert_eq!(fields(&errors), [(format!("questions[{last}].kind").as_str(), ErrorCode::Conflict)]);

    // The same kind with other settings keeps its meaning: allowed.
    draft.questions[last].kind = Kind::Easy3;
    assert!(matches!(publish(&draft, &[v1.clone(), v2.clone()], &cat), Ok(Publication::New(p)) if p.version() == 3));
    // Versions of another form do not count.
    let mut other = every_kind();
    other.code = "other_form".into();
    other.questions[1].kind = Kind::Faces;
    assert!(matches!(publish(&other, &[v1, v2], &cat), Ok(Publication::New(p)) if p.version() == 1));
}

#[test]
fn publishing_reports_rule_breaks_and_reused_codes_together() {
    let v1 = published(&every_kind(), 1);
    let mut draft = every_kind();
    draft.title.cy.clear();
    draft.questions[2].kind = Kind::Faces;
    assert_eq!(
        fields(&publish(&draft, &[v1], &catalogue()).unwrap_err()),
        [("title.cy", ErrorCode::Empty), ("questions[2].kind", ErrorCode::Conflict)]
    );
}

#[test]
fn wording_changes_name_questions_whose_prompt_or_choices_differ_in_either_language() {
    let old = every_kind();
    let mut new = every_kind();
    new.questions[1].prompt.cy = "Sut oedd y diwrnod?".into();
    let Kind::Single(choices) = &mut new.questions[3].kind else { unreachable!() };
    choices[1].label.en = "In school".into();
    let Kind::Multi(m) = &mut new.questions[4].kind else { unreachable!() };
    m.none_of_these = Some(Bilingual::new("Nothing", "Dim byd"));
    // Not wording: help, required, tags, a new question, a dropped question.
    new.questions[0].help = Some(Bilingual::new("Think about this year", "Meddylia am eleni"));
    new.questions[2].required = true;
    new.questions[0].tags.promises.clear();
    new.questions.remove(7);
    let mut extra = new.questions[1].clone();
    extra.code = "brand_new".into();
    new.questions.push(extra);
    assert_eq!(wording_changes(&old, &new), ["easy", "where", "which"]);

    let mut added = every_kind();
    let Kind::Single(choices) = &mut added.questions[3].kind else { unreachable!() };
    choices.push(Choice { code: "park".into(), label: Bilingual::new("In the park", "Yn y parc") });
    assert_eq!(wording_changes(&old, &added), ["where"], "a choice added changes what was asked");
    assert!(wording_changes(&old, &every_kind()).is_empty());
}

#[test]
fn frequency_and_easy3_values_parse_from_their_codes() {
    for f in Frequency::ALL {
        assert_eq!(Frequency::parse(f.code(), "value"), Ok(f));
    }
    assert_eq!(Frequency::parse("often", "value").unwrap_err().code, ErrorCode::UnknownValue);
    assert_eq!(Easy3::parse(3, "value").unwrap().value(), 3);
    assert_eq!(Easy3::parse(0, "value").unwrap_err().code, ErrorCode::OutOfRange);
    assert_eq!(Easy3::parse(4, "value").unwrap_err().code, ErrorCode::OutOfRange);
    assert_eq!(Audience::ALL.map(|a| serde_json::to_value(a).unwrap()), Audience::ALL.map(|a| json!(a.code())));
}
