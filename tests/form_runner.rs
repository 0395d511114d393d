//! Browser tests of the one form runner with the built-in forms (`cargo test --target
//! wasm32-unknown-unknown -p yoursay-app`): "Say something" and "Rate a service" answered as forms, sent
//! by the same path as every survey, and waiting in real IndexedDB in today's view and rating shapes.

#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen_test::*;
use yoursay_app::runner::send::{check, compose, Envelope};
use yoursay_app::runner::{steps, Answered, Choice};
use yoursay_app::storage;
use yoursay_core::form::builtin::{self, BUILTIN_VERSION};
use yoursay_core::{Entry, EntryBody, Language, Role};

wasm_bindgen_test_configure!(run_in_browser);

fn welsh_young_person() -> Envelope {
    Envelope { language: Language::Cy, role: Some(Role::YoungPerson), age_band: None }
}

#[wasm_bindgen_test]
fn say_something_left_blank_is_its_required_question_missing() {
    let form = builtin::say_something();
    let blank = [Some(Answered::Text { text: "   ".into(), promises: vec!["listen".into()] })];
    assert_eq!(steps::first_missing(&form.questions, &blank), Some(0));
    assert_eq!(steps::first_missing(&form.questions, &[None]), Some(0));
}

#[wasm_bindgen_test]
async fn say_something_and_rate_a_service_wait_in_the_outbox_as_a_view_and_a_rating() {
    let name = "test-builtin-forms";
    let db = common::fresh(name).await;

    let say = builtin::say_something();
    let typed =
        [Some(Answered::Text { text: "  Nobody told me about the move ".into(), promises: vec!["listen".into()] })];
    let view = compose(&say.code, BUILTIN_VERSION, &say.questions, &typed, welsh_young_person())
        .and_then(|w| check(w).map_err(|mut e| e.remove(0)));
    let view = view.unwrap();
    assert_eq!((view.kind.as_str(), view.text.as_deref()), ("view", Some("Nobody told me about the move")));
    assert_eq!(view.promises.as_deref(), Some(&["listen".to_owned()][..]));
    assert_eq!((view.language.as_str(), view.role.as_deref()), ("cy", Some("young_person")));
    assert!(view.survey.is_none());

    let rate = builtin::rate_a_service();
    let tapped = [Some(Answered::Grid {
        service: "social_worker".into(),
        promises: vec!["listen".into(), "home".into(), "equality".into()],
        choices: vec![
            ("listen".into(), Choice::Score(2)),
            ("home".into(), Choice::Skip),
            ("equality".into(), Choice::DontKnow),
        ],
    })];
    let rating = compose(&rate.code, BUILTIN_VERSION, &rate.questions, &tapped, welsh_young_person())
        .and_then(|w| check(w).map_err(|mut e| e.remove(0)))
        .unwrap();
    assert_eq!((rating.kind.as_str(), rating.service.as_deref()), ("rating", Some("social_worker")));
    let promises: Vec<&str> = rating.answers.iter().flatten().map(|a| a.promise.as_str()).collect();
    assert_eq!(promises, ["listen", "equality"], "a skipped promise is left out");
    assert_ne!(view.id, rating.id, "each entry has its own id");

    db.save_entry(&view, 1.0).await.unwrap();
    db.save_entry(&rating, 2.0).await.unwrap();
    db.close();
    let db = storage::open(name).await.unwrap();
    let stored: Vec<_> = db.waiting().await.unwrap().into_iter().map(|r| r.entry_wire().unwrap()).collect();
    assert_eq!(stored, [view, rating]);
    let now = js_sys::Date::now() as i64;
    assert!(matches!(Entry::parse(&stored[0], now).unwrap().body, EntryBody::View(_)));
    assert!(matches!(Entry::parse(&stored[1], now).unwrap().body, EntryBody::Rating(_)));
}
