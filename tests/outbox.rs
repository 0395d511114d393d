//! Browser tests of the outbox against real IndexedDB in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown -p yoursay-app`).

#![cfg(target_arch = "wasm32")]

mod common;

use common::fresh;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use yoursay_app::storage::{self, QueuePosition, RecordState};
use yoursay_core::protocol::{after_push, AfterPush, Outcome, PushResponse, PushResult};
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
        survey: None,
    }
}

const A: &str = "0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b";
const B: &str = "1c6f4d2b-8e3a-4d2f-8b4c-3a7e9f2d5b8c";
const C: &str = "2d7a5e3c-9f4b-4e3a-ac5d-4b8fa03e6c9d";

#[wasm_bindgen_test]
async fn entries_survive_closing_and_reopening_the_database() {
    let db = fresh("test-survive").await;
    // Saved in an order their ids do not sort in (C < A < B by time, A < B < C by id).
    db.save_entry(&entry(C, "first"), 1.0).await.unwrap();
    db.save_entry(&entry(A, "Mae angen mwy o weithgareddau"), 2.0).await.unwrap();
    db.save_entry(&entry(B, "third"), 3.0).await.unwrap();
    db.close();

    let reopened = storage::open("test-survive").await.unwrap();
    let records = reopened.waiting().await.unwrap();
    let ids: Vec<_> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, [C, A, B], "oldest first, nothing lost");
    let records = &records[1..];
    let mut expected = entry(A, "Mae angen mwy o weithgareddau");
    expected.created_at = records[0].entry_wire().unwrap().created_at;
    assert_eq!(records[0].entry_wire().unwrap(), expected, "stored exactly as it will be sent");
    assert_eq!(reopened.counts().await.unwrap().waiting, 3);
}

#[wasm_bindgen_test]
async fn saving_the_same_entry_twice_keeps_one_record() {
    let db = fresh("test-idempotent").await;
    let e = entry(A, "once");
    db.save_entry(&e, 1.0).await.unwrap();
    db.save_entry(&e, 1.0).await.unwrap();
    assert_eq!(db.counts().await.unwrap().waiting, 1);
}

/// `save_entry` asks for the commit without waiting for its put's own answer, and says "saved" only when
/// the commit does: that is only safe if a write that fails after it was asked for makes the commit fail.
/// Here the second write is an `add` of a key the store already has, which fails in the database, after
/// the call: the commit must then be an error and the store must hold only the first record.
#[wasm_bindgen_test]
async fn a_write_that_fails_after_the_commit_was_asked_for_makes_the_commit_fail() {
    let name = "test-failed-write";
    drop(fresh(name).await);
    let db = indexed_db_futures::database::Database::open(name).await.unwrap();
    let record = |text: &str| {
        let object = js_sys::Object::new();
        js_sys::Reflect::set(&object, &"id".into(), &A.into()).unwrap();
        js_sys::Reflect::set(&object, &"text".into(), &text.into()).unwrap();
        JsValue::from(object)
    };
    let tx = db.transaction("outbox").with_mode(TransactionMode::Readwrite).build().unwrap();
    let _first = tx.object_store("outbox").unwrap().add(record("first")).primitive().unwrap();
    tx.commit().await.expect("the first add is committed");

    let tx = db.transaction("outbox").with_mode(TransactionMode::Readwrite).build().unwrap();
    let _second = tx.object_store("outbox").unwrap().add(record("second")).primitive().unwrap();
    assert!(tx.commit().await.is_err(), "a commit after a failed write must not answer Ok");

    let tx = db.transaction("outbox").build().unwrap();
    let kept: JsValue = tx.object_store("outbox").unwrap().get(A).primitive().unwrap().await.unwrap().unwrap();
    assert_eq!(js_sys::Reflect::get(&kept, &"text".into()).unwrap(), JsValue::from("first"));
    drop(tx);
    db.close();
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

/// An id that sorts in the opposite order to `n`.
fn id_for(n: usize) -> String {
    format!("{:08x}-0000-4000-8000-000000000000", 0xffff_ffff - n)
}

#[wasm_bindgen_test]
async fn sync_reads_the_queue_a_batch_at_a_time_oldest_first_without_skipping_or_repeating() {
    let db = fresh("test-batches").await;
    // 130 waiting (more than two batches of 50), three to a millisecond, ids against the time order;
    // seven refused among them.
    let mut expected = Vec::new();
    for n in 0..137 {
        let id = id_for(n);
        db.save_entry(&entry(&id, "text"), (n / 3) as f64).await.unwrap();
        expected.push(((n / 3) as f64, id));
    }
    let refused: Vec<String> = (0..7).map(|k| id_for(k * 19)).collect();
    let decisions: Vec<_> = refused
        .iter()
        .map(|id| (id.clone(), AfterPush::MarkRefused(vec![FieldError::new("text", ErrorCode::TooLong)])))
        .collect();
    db.apply(&decisions).await.unwrap();
    expected.retain(|(_, id)| !refused.contains(id));
    expected.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let expected: Vec<String> = expected.into_iter().map(|(_, id)| id).collect();

    let counts = db.counts().await.unwrap();
    assert_eq!((counts.waiting, counts.refused), (130, 7));
    let mut read = Vec::new();
    let mut after: Option<QueuePosition> = None;
    let mut sizes = Vec::new();
    loop {
        let batch = db.waiting_batch(after.as_ref(), 50).await.unwrap();
        let Some(last) = batch.last() else { break };
        after = Some(last.position());
        sizes.push(batch.len());
        read.extend(batch.into_iter().map(|r| r.id));
    }
    assert_eq!(sizes, [50, 50, 30]);
    assert_eq!(read, expected, "every waiting entry once, oldest first, ties by id");
    let refused_read: Vec<String> = db.refused().await.unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(refused_read.len(), 7);
    assert!(refused_read.iter().all(|id| refused.contains(id)));
}

/// Writes `records` exactly as the previous release (schema version 1: one `outbox` store keyed by id, no
/// index) did, without any of this release's code.
async fn write_as_release_1(name: &str, records: &[JsValue]) {
    common::delete_database(name).await;
    let db = indexed_db_futures::database::Database::open(name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            db.create_object_store("outbox").with_key_path("id".into()).build()?;
            db.create_object_store("cache").build()?;
            Ok(())
        })
        .await
        .unwrap();
    let tx = db.transaction("outbox").with_mode(TransactionMode::Readwrite).build().unwrap();
    let store = tx.object_store("outbox").unwrap();
    for record in records {
        store.put(record.clone()).primitive().unwrap().await.unwrap();
    }
    tx.commit().await.unwrap();
    db.close();
}

#[wasm_bindgen_test]
async fn records_written_by_the_previous_release_are_kept_and_sent_once_after_the_upgrade() {
    let fixture = js_sys::JSON::parse(include_str!("fixtures/outbox-v1.json")).unwrap();
    let records: Vec<JsValue> = js_sys::Array::from(&fixture).iter().collect();
    assert_eq!(records.len(), 4);
    write_as_release_1("test-upgrade", &records).await;

    // Release 2 (the queue index) upgraded some phones first; release 3 (the "you said, we did" store)
    // upgrades them again: each step keeps every record.
    let release_2 = storage::open_at("test-upgrade", 2).await.unwrap();
    let counts = release_2.counts().await.unwrap();
    assert_eq!((counts.waiting, counts.refused), (3, 1), "nothing lost in the upgrade to version 2");
    release_2.close();
    let db = storage::open("test-upgrade").await.unwrap();
    let counts = db.counts().await.unwrap();
    assert_eq!((counts.waiting, counts.refused), (3, 1), "nothing lost in the upgrade");
    // The new store is there, beside the outbox.
    let feed = yoursay_core::you_said::Feed { items: Vec::new(), withdrawn: Vec::new(), cursor: "c0".into() };
    db.apply_feed(&feed, false).await.expect("the responses store exists after the upgrade");
    assert_eq!(db.feed_cursor().await.unwrap().as_deref(), Some("c0"));
    // A new entry saved after the upgrade queues behind the old ones.
    db.save_entry(&entry(A, "after the upgrade"), 1_770_000_000_000.0).await.unwrap();
    let expected = [
        "f3a9c2e1-5b7d-4e8a-9c1f-2d4b6a8e0c13",
        "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e",
        "9e8d7c6b-5a4f-4e3d-b2c1-0f9e8d7c6b5a",
        A,
    ];
    // Sent as sync sends them: batch after batch (of 2 here) until none is left, each confirmed and removed.
    let mut sent = Vec::new();
    let mut after: Option<QueuePosition> = None;
    loop {
        let batch = db.waiting_batch(after.as_ref(), 2).await.unwrap();
        let Some(last) = batch.last() else { break };
        after = Some(last.position());
        for record in &batch {
            let wire = record.entry_wire().expect("an old record still reads as an entry");
            assert_eq!(wire.id, record.id);
            assert!(yoursay_core::Entry::parse(&wire, js_sys::Date::now() as i64).is_ok(), "{} still valid", record.id);
        }
        let ids: Vec<String> = batch.iter().map(|r| r.id.clone()).collect();
        let response = PushResponse {
            results: ids.iter().map(|id| PushResult { id: id.clone(), outcome: Outcome::Accepted }).collect(),
        };
        db.apply(&after_push(&ids, &response)).await.unwrap();
        sent.extend(ids);
    }
    assert_eq!(sent, expected, "each old entry sent exactly once, oldest first, then the new one");
    assert!(db.waiting_batch(None, 50).await.unwrap().is_empty());
    let refused = db.refused().await.unwrap();
    assert_eq!(refused.len(), 1, "the refused entry stays, with its reason");
    assert_eq!(refused[0].errors, vec![FieldError::new("service", ErrorCode::UnknownCode)]);
    db.close();
    // And the upgrade happens once: opening again keeps what is there.
    let db = storage::open("test-upgrade").await.unwrap();
    assert_eq!(db.counts().await.unwrap().refused, 1);
}
