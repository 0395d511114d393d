//! Browser tests of the outbox against real IndexedDB in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown -p yoursay-app`).

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use yoursay_app::storage::{self, RecordState};
use yoursay_core::protocol::{after_push, Outcome, PushResponse, PushResult};
use yoursay_core::{EntryKind, EntryWire, ErrorCode, FieldError};

wasm_bindgen_test_configure!(run_in_browser);

fn entry(id: &str, text: &str) -> EntryWire {
    EntryWire {
        id: id.into(),
        created_at: js_sys::Date::now() as i64,
        language: "cy".into(),
        event: None,
        role: Some("young_person".into()),
        age_band: None,
        kind: EntryKind::View.code().into(),
        text: Some(text.into()),
        promises: Some(vec!["support".into()]),
        service: None,
        answers: None,
        contact: None,
    }
}

/// Each test uses its own database so tests never see each other's data.
async fn fresh(name: &str) -> storage::Store {
    if let Ok(request) = indexed_db_futures::database::Database::delete_by_name(name) {
        let _ = request.await;
    }
    storage::open(name).await.expect("open")
}

const A: &str = "0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b";
const B: &str = "1c6f4d2b-8e3a-4d2f-8b4c-3a7e9f2d5b8c";
const C: &str = "2d7a5e3c-9f4b-4e3a-ac5d-4b8fa03e6c9d";

#[wasm_bindgen_test]
async fn entries_survive_closing_and_reopening_the_database() {
    let db = fresh("test-survive").await;
    db.save_entry(&entry(A, "Mae angen mwy o weithgareddau"), 1.0).await.unwrap();
    db.save_entry(&entry(B, "second"), 2.0).await.unwrap();
    db.close();

    let reopened = storage::open("test-survive").await.unwrap();
    let records = reopened.waiting().await.unwrap();
    let ids: Vec<_> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, [A, B], "oldest first, nothing lost");
    let mut expected = entry(A, "Mae angen mwy o weithgareddau");
    expected.created_at = records[0].entry_wire().unwrap().created_at;
    assert_eq!(records[0].entry_wire().unwrap(), expected, "stored exactly as it will be sent");
    assert_eq!(reopened.counts().await.unwrap().waiting, 2);
}

#[wasm_bindgen_test]
async fn saving_the_same_entry_twice_keeps_one_record() {
    let db = fresh("test-idempotent").await;
    let e = entry(A, "once");
    db.save_entry(&e, 1.0).await.unwrap();
    db.save_entry(&e, 1.0).await.unwrap();
    assert_eq!(db.counts().await.unwrap().waiting, 1);
}

#[wasm_bindgen_test]
async fn confirmed_entries_are_removed_and_refused_ones_stay_with_their_reason() {
    let db = fresh("test-apply").await;
    for (i, id) in [A, B, C].iter().enumerate() {
        db.save_entry(&entry(id, "text"), i as f64).await.unwrap();
    }
    let reason = vec![FieldError::new("text", ErrorCode::TooLong)];
    let response = PushResponse {
        results: vec![
            PushResult { id: A.into(), outcome: Outcome::Accepted },
            PushResult { id: B.into(), outcome: Outcome::Refused { errors: reason.clone() } },
            // C: the server said nothing about it, so it must stay waiting.
        ],
    };
    let sent: Vec<String> = [A, B, C].map(String::from).to_vec();
    db.apply(&after_push(&sent, &response)).await.unwrap();
    db.close();

    let db = storage::open("test-apply").await.unwrap();
    let records = db.records().await.unwrap();
    assert_eq!(records.len(), 2);
    let refused = records.iter().find(|r| r.id == B).expect("refused entry kept");
    assert_eq!(refused.state, RecordState::Refused);
    assert_eq!(refused.errors, reason);
    let waiting = db.waiting().await.unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].id, C);
    let counts = db.counts().await.unwrap();
    assert_eq!((counts.waiting, counts.refused), (1, 1));

    db.discard(B).await.unwrap();
    assert_eq!(db.counts().await.unwrap().refused, 0);
}

#[wasm_bindgen_test]
async fn the_catalogue_cache_round_trips() {
    let db = fresh("test-cache").await;
    assert_eq!(db.cached_catalogue().await.unwrap(), None);
    let mut catalogue = yoursay_core::catalogue::default_catalogue();
    catalogue.version = 7;
    db.cache_catalogue(&catalogue).await.unwrap();
    db.close();
    let db = storage::open("test-cache").await.unwrap();
    assert_eq!(db.cached_catalogue().await.unwrap(), Some(catalogue));
}

#[wasm_bindgen_test]
async fn a_rating_with_scores_and_dont_know_comes_back_exactly() {
    use yoursay_core::entry::{AnswerValueWire, AnswerWire};
    let db = fresh("test-rating").await;
    let mut rating = entry(A, "unused");
    rating.kind = EntryKind::Rating.code().into();
    rating.text = None;
    rating.promises = None;
    rating.service = Some("social_worker".into());
    rating.answers = Some(vec![
        AnswerWire { promise: "equality".into(), answer: AnswerValueWire::Score(4) },
        AnswerWire { promise: "support".into(), answer: AnswerValueWire::Word("dont_know".into()) },
    ]);
    db.save_entry(&rating, 1.0).await.unwrap();
    db.close();
    let db = storage::open("test-rating").await.unwrap();
    let stored = db.waiting().await.unwrap().remove(0).entry_wire().unwrap();
    assert_eq!(stored, rating);
    // And it still parses as the server will parse it.
    assert!(yoursay_core::Entry::parse(&stored, js_sys::Date::now() as i64).is_ok());
}
