//! Browser tests of the survey runner's answers (`cargo test --target wasm32-unknown-unknown -p yoursay-app
//! --features surveys`): which question comes next under show-if rules, what is sent, and that a survey
//! entry waits in real IndexedDB exactly as it will be sent.

#![cfg(all(target_arch = "wasm32", feature = "surveys"))]

mod common;

use std::sync::Arc;

use wasm_bindgen_test::*;
use yoursay_app::runner::{steps, Answered, Choice, Step};
use yoursay_app::storage;
use yoursay_core::form::{Frequency, Question, SurveyWire, ValueWire};
use yoursay_core::{EntryKind, EntryWire, Form};

wasm_bindgen_test_configure!(run_in_browser);

/// Faces (required), a single choice, a multiple choice shown only after "yes", free text, a grid.
fn form() -> Form {
    serde_json::from_str(
        r#"{"code": "coffee", "title": {"en": "Coffee", "cy": "Coffi"}, "intro": {"en": "Hi", "cy": "Helo"},
            "audience": "carers", "questions": [
            {"code": "support", "kind": "faces", "required": true, "prompt": {"en": "Support?", "cy": "Cymorth?"}},
            {"code": "training", "kind": {"single": [{"code": "yes", "label": {"en": "Yes", "cy": "Ydw"}},
                {"code": "no", "label": {"en": "No", "cy": "Nac ydw"}}]}, "prompt": {"en": "Training?", "cy": "Hyfforddiant?"}},
            {"code": "which", "kind": {"multi": {"choices": [{"code": "online", "label": {"en": "Online", "cy": "Ar-lein"}},
                {"code": "evening", "label": {"en": "Evening", "cy": "Nos"}}]}}, "prompt": {"en": "Which?", "cy": "Pa rai?"},
                "show_if": {"question": "training", "any_of": ["yes"]}},
            {"code": "often", "kind": "frequency", "prompt": {"en": "Often?", "cy": "Yn aml?"}},
            {"code": "grid", "kind": "service_promise_grid", "prompt": {"en": "Rate", "cy": "Sgorio"}}
        ]}"#,
    )
    .unwrap()
}

fn questions() -> Vec<Question> {
    form().questions
}

#[wasm_bindgen_test]
fn show_if_decides_the_next_question_and_the_progress() {
    let qs = questions();
    let mut answers: Vec<Option<Answered>> = vec![None; qs.len()];
    assert_eq!(steps::first(&qs, &answers), Step::Question { index: 0, part: 0 });
    answers[1] = Some(Answered::Single("no".into()));
    assert_eq!(steps::after(&qs, &answers, 1), Step::Question { index: 3, part: 0 }, "'which' is hidden after no");
    assert_eq!(steps::progress(&qs, &answers, 3), (3, 4));
    answers[1] = Some(Answered::Single("yes".into()));
    assert_eq!(steps::after(&qs, &answers, 1), Step::Question { index: 2, part: 0 });
    assert_eq!(steps::progress(&qs, &answers, 3), (4, 5));
    assert_eq!(steps::after(&qs, &answers, 4), Step::AboutYou);
    assert_eq!(steps::before(&qs, &answers, Some(0)), Step::Intro);
    assert_eq!(steps::before(&qs, &answers, Some(3)), Step::Question { index: 2, part: 0 });
}

#[wasm_bindgen_test]
fn an_answer_left_on_a_question_hidden_later_is_not_sent_and_a_missing_required_one_is_found() {
    let qs = questions();
    let mut answers: Vec<Option<Answered>> = vec![None; qs.len()];
    assert_eq!(steps::first_missing(&qs, &answers), Some(0));
    answers[0] = Some(Answered::Face(Choice::Score(4)));
    answers[1] = Some(Answered::Single("yes".into()));
    answers[2] = Some(Answered::Multi(vec!["online".into()]));
    answers[3] = Some(Answered::Frequency(Frequency::Sometimes));
    // Every promise of the grid skipped: as if unanswered.
    answers[4] = Some(Answered::Grid {
        service: "social_worker".into(),
        promises: vec!["equality".into()],
        choices: vec![("equality".into(), Choice::Skip)],
    });
    assert_eq!(steps::first_missing(&qs, &answers), None);
    // The person goes back and changes "yes" to "no": the multiple choice answer stays in the draft but
    // is not sent (the server would refuse an answer to a hidden question).
    answers[1] = Some(Answered::Single("no".into()));
    let wire = steps::to_wire("coffee", 3, &qs, &answers);
    let sent: Vec<(&str, &ValueWire)> = wire.answers.iter().map(|a| (a.question.as_str(), &a.value)).collect();
    assert_eq!(
        sent,
        [
            ("support", &ValueWire::Number(4)),
            ("training", &ValueWire::Word("no".into())),
            ("often", &ValueWire::Word("sometimes".into())),
        ]
    );
    assert_eq!(wire.version, 3);
}

#[wasm_bindgen_test]
fn blank_text_and_no_ticks_count_as_unanswered() {
    assert_eq!(Answered::Text { text: "  ".into(), promises: vec![] }.to_wire(), None);
    assert_eq!(Answered::Multi(vec![]).to_wire(), None);
    assert_eq!(
        Answered::Text { text: " More notice ".into(), promises: vec![] }.to_wire(),
        Some(ValueWire::Word("More notice".into()))
    );
}

#[wasm_bindgen_test]
async fn a_survey_entry_waits_in_the_outbox_exactly_as_it_will_be_sent() {
    let name = "test-survey-entry";
    let db = common::fresh(name).await;
    let qs = questions();
    let mut answers: Vec<Option<Answered>> = vec![None; qs.len()];
    answers[0] = Some(Answered::Face(Choice::DontKnow));
    answers[1] = Some(Answered::Single("yes".into()));
    answers[2] = Some(Answered::Multi(vec!["online".into(), "evening".into()]));
    let survey: SurveyWire = steps::to_wire("coffee", 2, &qs, &answers);
    let entry = EntryWire {
        id: "3e8b6f4d-0a5c-4f4b-bd6e-5c9ab14f7dae".into(),
        created_at: js_sys::Date::now() as i64,
        language: "cy".into(),
        event: None,
        role: Some("kinship_carer".into()),
        age_band: None,
        kind: EntryKind::Survey.code().into(),
        text: None,
        promises: None,
        service: None,
        answers: None,
        contact: None,
        survey: Some(Arc::new(survey)),
    };
    db.save_entry(&entry, 1.0).await.unwrap();
    db.close();
    let db = storage::open(name).await.unwrap();
    let stored = db.waiting().await.unwrap().remove(0).entry_wire().unwrap();
    assert_eq!(stored, entry);
    assert!(yoursay_core::Entry::parse(&stored, js_sys::Date::now() as i64).is_ok());
}
