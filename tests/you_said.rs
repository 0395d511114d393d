//! Browser tests of "you said, we did" as the device keeps it, against real IndexedDB in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown -p yoursay-app --features surveys`).

#![cfg(target_arch = "wasm32")]

mod common;

use common::fresh;
use wasm_bindgen_test::*;
use yoursay_app::storage::{self, is_new};
use yoursay_core::you_said::{Feed, FeedItem, Progress, Update};
use yoursay_core::Bilingual;

wasm_bindgen_test_configure!(run_in_browser);

fn item(id: &str, published_at: i64, we_did: &str) -> FeedItem {
    FeedItem {
        id: id.into(),
        you_said: Bilingual::new("You said <b>more</b> time", "Dywedaist ti fwy o amser"),
        we_did: Bilingual::new(we_did, "Rydyn ni'n gwrando"),
        progress: Progress::Heard,
        promises: vec!["support".into()],
        services: vec!["social_worker".into()],
        events: Vec::new(),
        quote: None,
        published_at,
        changed_at: published_at,
        updates: Vec::new(),
    }
}

fn feed(items: Vec<FeedItem>, withdrawn: &[&str], cursor: &str) -> Feed {
    Feed { items, withdrawn: withdrawn.iter().map(|s| s.to_string()).collect(), cursor: cursor.into() }
}

fn ids(items: &[FeedItem]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

#[wasm_bindgen_test]
async fn a_pull_adds_replaces_and_removes_and_what_is_kept_survives_reopening() {
    let db = fresh("test-feed").await;
    assert_eq!(db.feed_cursor().await.unwrap(), None, "no cursor before the first pull");
    assert!(db.responses().await.unwrap().is_empty());

    db.apply_feed(&feed(vec![item("r1", 1_000, "We listened"), item("r2", 2_000, "We hired")], &[], "c2"), true)
        .await
        .unwrap();
    assert_eq!(ids(&db.responses().await.unwrap()), ["r2", "r1"], "newest first");
    assert_eq!(db.feed_cursor().await.unwrap().as_deref(), Some("c2"));

    // The next pull: r1 corrected and given an update, r2 withdrawn, r3 published.
    let mut corrected = item("r1", 1_000, "We listened, and changed the rota");
    corrected.changed_at = 5_000;
    corrected.progress = Progress::Done;
    corrected.updates =
        vec![Update { at: 5_000, progress: Progress::Done, text: Bilingual::new("Done.", "Wedi'i wneud.") }];
    db.apply_feed(&feed(vec![corrected.clone(), item("r3", 3_000, "We asked")], &["r2"], "c5"), false).await.unwrap();
    let kept = db.responses().await.unwrap();
    assert_eq!(ids(&kept), ["r3", "r1"], "withdrawn one gone, the new one first");
    assert_eq!(kept[1], corrected, "the corrected one replaced, with its update, in both languages");
    assert_eq!(db.feed_cursor().await.unwrap().as_deref(), Some("c5"));

    // Withdrawing something the device never had is no error.
    db.apply_feed(&feed(Vec::new(), &["never-had"], "c6"), false).await.unwrap();
    assert_eq!(db.responses().await.unwrap().len(), 2);

    db.close();
    let db = storage::open("test-feed").await.unwrap();
    let kept = db.responses().await.unwrap();
    assert_eq!(ids(&kept), ["r3", "r1"], "kept across closing and reopening");
    assert_eq!(kept[1].we_did.cy, "Rydyn ni'n gwrando");
    assert_eq!(db.feed_cursor().await.unwrap().as_deref(), Some("c6"));

    // Starting over (the server refused the cursor): what the device had is replaced by the full pull.
    db.apply_feed(&feed(vec![item("r9", 9_000, "Everything again")], &[], "c1"), true).await.unwrap();
    assert_eq!(ids(&db.responses().await.unwrap()), ["r9"]);
    assert_eq!(db.feed_cursor().await.unwrap().as_deref(), Some("c1"));
}

#[wasm_bindgen_test]
async fn new_markers_clear_once_seen_and_come_back_when_a_response_changes() {
    let db = fresh("test-feed-seen").await;
    db.apply_feed(&feed(vec![item("r1", 1_000, "a"), item("r2", 2_000, "b")], &[], "c2"), true).await.unwrap();
    let seen = db.seen_responses().await.unwrap();
    assert!(db.responses().await.unwrap().iter().all(|i| is_new(i, &seen)), "never looked: all new");

    // Only r2 was on screen (a filter hid r1).
    db.mark_seen(&[("r2".into(), 2_000)]).await.unwrap();
    db.close();
    let db = storage::open("test-feed-seen").await.unwrap();
    let seen = db.seen_responses().await.unwrap();
    let kept = db.responses().await.unwrap();
    assert_eq!(
        kept.iter().map(|i| (i.id.as_str(), is_new(i, &seen))).collect::<Vec<_>>(),
        [("r2", false), ("r1", true)]
    );

    // r2 gets an update: new again; r1 is withdrawn and forgotten by the next look.
    let mut updated = item("r2", 2_000, "b");
    updated.changed_at = 7_000;
    db.apply_feed(&feed(vec![updated], &["r1"], "c4"), false).await.unwrap();
    let seen = db.seen_responses().await.unwrap();
    let kept = db.responses().await.unwrap();
    assert!(is_new(&kept[0], &seen), "changed since last seen");
    db.mark_seen(&[("r2".into(), 7_000)]).await.unwrap();
    let seen = db.seen_responses().await.unwrap();
    assert!(!is_new(&db.responses().await.unwrap()[0], &seen));
    assert_eq!(seen.keys().collect::<Vec<_>>(), ["r2"], "a withdrawn response's mark is not kept");
}
