//! The server killed with SIGKILL while a batch is in flight, once before its transaction commits and once
//! after (the `YOURSAY_FAILPOINT` stopping points hold it at exactly that moment): after the device sends
//! the same batch again, every entry is stored exactly once.

use serde_json::{json, Value};
use sqlx::{AnyPool, Row};
use yoursay_server::failpoint::{PUSH_AFTER_COMMIT, PUSH_BEFORE_COMMIT};

use crate::helpers::{fresh_database, new_id, rating, view, Db};
use crate::process::ServerProcess;

/// A full batch as a device sends it: views and ratings (each rating has answers in their own table).
fn batch() -> Vec<Value> {
    (0..50)
        .map(|i| {
            if i % 2 == 0 {
                view(&new_id(), &format!("View number {i}"))
            } else {
                rating(&new_id(), "housing", &[("equality", json!(4)), ("support", json!("dont_know"))])
            }
        })
        .collect()
}

async fn push(server: &ServerProcess, batch: &[Value]) -> reqwest::Result<Vec<String>> {
    let response = server.client.post(server.url("/api/v1/entries")).json(&json!({ "entries": batch })).send().await?;
    let body: Value = response.error_for_status()?.json().await?;
    Ok(body["results"].as_array().unwrap().iter().map(|r| r["status"].as_str().unwrap().to_owned()).collect())
}

async fn counts(pool: &AnyPool) -> (i64, i64) {
    let entries = sqlx::query("SELECT COUNT(*) FROM entries").fetch_one(pool).await.unwrap().try_get(0).unwrap();
    let answers = sqlx::query("SELECT COUNT(*) FROM rating_answers").fetch_one(pool).await.unwrap().try_get(0).unwrap();
    (entries, answers)
}

/// Sends `batch` to a server stopped at `point`, kills it there, and checks the device got no answer
/// (so it keeps the entries and will send them again).
async fn kill_at(database_url: &str, point: &str, batch: &[Value]) {
    let mut server = ServerProcess::start(database_url, Some(point)).await;
    let in_flight = {
        let client = server.client.clone();
        let url = server.url("/api/v1/entries");
        let body = json!({ "entries": batch });
        tokio::spawn(async move { client.post(url).json(&body).send().await })
    };
    server.wait_for(&format!("failpoint reached: {point}")).await;
    server.kill().await;
    let answer = in_flight.await.unwrap();
    assert!(answer.is_err(), "the device must get no answer from a killed server: {answer:?}");
}

async fn every_entry_is_stored_once_after_kills_before_and_after_commit(db: Db) {
    let Some((database_url, _dir)) = fresh_database(db).await else { return };
    let (first, second) = (batch(), batch());

    // Killed before the commit: nothing of the batch is stored.
    kill_at(&database_url, PUSH_BEFORE_COMMIT, &first).await;
    let server = ServerProcess::start(&database_url, None).await;
    let pool = AnyPool::connect(&database_url).await.unwrap();
    assert_eq!(counts(&pool).await, (0, 0), "a batch killed before its commit leaves nothing behind");
    // The device sends it again: all new.
    assert!(push(&server, &first).await.unwrap().iter().all(|s| s == "accepted"));
    assert_eq!(counts(&pool).await, (50, 50));
    server.kill().await;

    // Killed after the commit: stored, but the device never heard so.
    kill_at(&database_url, PUSH_AFTER_COMMIT, &second).await;
    assert_eq!(counts(&pool).await, (100, 100), "the committed batch survives the kill");
    let server = ServerProcess::start(&database_url, None).await;
    // The device sends it again and learns it is already there; nothing is stored twice.
    assert!(push(&server, &second).await.unwrap().iter().all(|s| s == "already_had"));
    assert!(push(&server, &first).await.unwrap().iter().all(|s| s == "already_had"));
    assert_eq!(counts(&pool).await, (100, 100));
    let stored: Vec<String> = sqlx::query("SELECT id FROM entries ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get(0).unwrap())
        .collect();
    let mut sent: Vec<String> = first.iter().chain(&second).map(|e| e["id"].as_str().unwrap().to_owned()).collect();
    sent.sort();
    assert_eq!(stored, sent);
    pool.close().await;
    server.kill().await;
}

mod sqlite {
    #[tokio::test]
    async fn every_entry_is_stored_once_after_kills_before_and_after_commit() {
        super::every_entry_is_stored_once_after_kills_before_and_after_commit(crate::helpers::Db::Sqlite).await
    }
}

mod postgres {
    #[tokio::test]
    async fn every_entry_is_stored_once_after_kills_before_and_after_commit() {
        super::every_entry_is_stored_once_after_kills_before_and_after_commit(crate::helpers::Db::Postgres).await
    }
}
