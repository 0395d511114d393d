//! SQLite's write-ahead log is copied into the database file by the server's own task while devices push
//! (`checkpoints.rs`), and stays short however long a device keeps pushing.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sqlx::Row;
use yoursay_server::checkpoints::MAX_LOG_PAGES;

use crate::helpers::{new_id, promise_codes, rating, spawn_app, view, Db};

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// Fifty entries as a device's outbox holds them: views, and ratings of a service against all eleven
/// promises (one rating changes pages of the entries table, its indexes and the answers table).
fn batch(n: usize, promises: &[String]) -> Vec<Value> {
    (0..50)
        .map(|i| {
            if i % 5 < 2 {
                view(&new_id(), &format!("batch {n}, view {i}: more trips please, and a bus home after seven"))
            } else {
                let answers: Vec<(&str, Value)> =
                    promises.iter().enumerate().map(|(p, code)| (code.as_str(), json!(1 + (i + p) % 5))).collect();
                rating(&new_id(), "social_worker", &answers)
            }
        })
        .collect()
}

/// Four devices push batch after batch at once, more than the log may hold. Each commit's pages reach the
/// database file while the server runs (no connection copies them at commit: `wal_autocheckpoint` is off
/// on every connection), and the log never grows much past its limit. (When the copying falls behind a
/// writer that never pauses, the writer has the log copied whole: `checkpoints.rs` tests that case.)
#[tokio::test]
async fn sqlite_copies_its_log_into_the_file_while_devices_push_and_keeps_the_log_short() {
    let app = std::sync::Arc::new(spawn_app(Db::Sqlite).await.unwrap());
    let database = yoursay_server::db::sqlite_path(&app.database_url).unwrap().to_owned();
    let (database, log) = (Path::new(&database).to_owned(), Path::new(&format!("{database}-wal")).to_owned());
    for _ in 0..5 {
        let mut conn = app.pool.acquire().await.unwrap();
        let pages: i64 =
            sqlx::query("PRAGMA wal_autocheckpoint").fetch_one(&mut *conn).await.unwrap().try_get(0).unwrap();
        assert_eq!(pages, 0, "only the server's own task copies the log");
    }

    // A page of the log is the page and a 24-byte frame header; one commit adds a few hundred pages for
    // each push it holds.
    let page_size: i64 = sqlx::query("PRAGMA page_size").fetch_one(&app.pool).await.unwrap().try_get(0).unwrap();
    let bound = (MAX_LOG_PAGES + 4 * 1_000) as u64 * (page_size as u64 + 24);
    let started = file_size(&database);
    let watching = {
        let log = log.clone();
        tokio::spawn(async move {
            let mut longest = 0;
            loop {
                longest = longest.max(file_size(&log));
                tokio::time::sleep(Duration::from_millis(2)).await;
                if longest > bound {
                    return longest;
                }
            }
        })
    };
    let promises = std::sync::Arc::new(promise_codes());
    let devices: Vec<_> = (0..4)
        .map(|device| {
            let (app, promises) = (app.clone(), promises.clone());
            tokio::spawn(async move {
                for n in 0..25 {
                    let results = app.push_ok(&batch(device * 100 + n, &promises)).await;
                    assert!(results.iter().all(|r| r["status"] == "accepted"), "{results:?}");
                }
            })
        })
        .collect();
    for device in devices {
        device.await.unwrap();
    }
    assert!(!watching.is_finished(), "the log grew to {} bytes (bound {bound})", watching.await.unwrap());
    watching.abort();
    assert!(file_size(&log) > 0, "the server writes through the log");
    assert_eq!(app.count("entries").await, 5_000);
    assert_eq!(app.count("rating_answers").await, 3_000 * 11);

    // What the pushes wrote is in the database file itself, with the server still running.
    let deadline = Instant::now() + Duration::from_secs(10);
    while file_size(&database) < started + 4 * 1024 * 1024 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        file_size(&database) >= started + 4 * 1024 * 1024,
        "the database file grew from {started} to only {} bytes",
        file_size(&database)
    );
}
