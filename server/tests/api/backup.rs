//! `yoursay-server backup`: a copy of a live SQLite database taken while devices keep pushing, restored
//! into a new file and checked.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use sqlx::Row;
use tempfile::tempdir;
use tokio::process::Command;

use crate::helpers::{new_id, spawn_app, spawn_app_on, view, Db};
use crate::process::BIN;

async fn backup(database_url: &str, out: &std::path::Path) -> std::process::Output {
    Command::new(BIN)
        .arg("backup")
        .arg("--out")
        .arg(out)
        .env("YOURSAY_DATABASE_URL", database_url)
        .output()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_backup_during_a_stream_of_pushes_holds_everything_confirmed_before_it() {
    let app = spawn_app(Db::Sqlite).await.unwrap();
    // Enough already stored that the copy takes a moment.
    for batch in 0..20 {
        let entries: Vec<_> = (0..50).map(|i| view(&new_id(), &format!("Earlier view {batch}-{i}"))).collect();
        app.push_ok(&entries).await;
    }
    let confirmed = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stream = {
        let (client, url, confirmed, stop) =
            (app.client.clone(), app.url("/api/v1/entries"), confirmed.clone(), stop.clone());
        tokio::spawn(async move {
            let mut batches = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) || batches < 3 {
                let entries: Vec<_> = (0..10).map(|i| view(&new_id(), &format!("Streamed view {i}"))).collect();
                let response = client.post(&url).json(&serde_json::json!({ "entries": entries })).send().await.unwrap();
                assert_eq!(response.status(), 200, "the server keeps taking entries during the backup");
                let body: serde_json::Value = response.json().await.unwrap();
                assert!(body["results"].as_array().unwrap().iter().all(|r| r["status"] == "accepted"));
                confirmed.lock().unwrap().extend(entries.iter().map(|e| e["id"].as_str().unwrap().to_owned()));
                batches += 1;
            }
            batches
        })
    };
    // Let the stream get going, then back up while it runs.
    while confirmed.lock().unwrap().len() < 30 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let before: Vec<String> = confirmed.lock().unwrap().clone();
    let dir = tempdir().unwrap();
    let copy = dir.path().join("backup.sqlite3");
    let output = backup(&app.database_url, &copy).await;
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("integrity check ok") && said.contains("To restore"), "{said}");
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let batches = stream.await.unwrap();
    let sent: HashSet<String> = confirmed.lock().unwrap().iter().cloned().collect();
    assert!(sent.len() > before.len(), "entries kept arriving after the backup started ({batches} batches)");

    // Restore as README says: the copy becomes the database file of a new server.
    let restored_dir = tempdir().unwrap();
    let restored_file = restored_dir.path().join("yoursay.sqlite3");
    std::fs::copy(&copy, &restored_file).unwrap();
    let restored = spawn_app_on(format!("sqlite://{}?mode=rwc", restored_file.display()), restored_dir).await;
    let check: String =
        sqlx::query("PRAGMA integrity_check").fetch_one(&restored.pool).await.unwrap().try_get(0).unwrap();
    assert_eq!(check, "ok");
    let ids: HashSet<String> = sqlx::query("SELECT id FROM entries WHERE text LIKE 'Streamed%'")
        .fetch_all(&restored.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get(0).unwrap())
        .collect();
    let missing: Vec<&String> = before.iter().filter(|id| !ids.contains(*id)).collect();
    assert!(missing.is_empty(), "confirmed before the backup but not in it: {missing:?}");
    assert!(ids.is_subset(&sent), "the copy holds only entries that were sent");
    assert_eq!(restored.count("entries").await, 1000 + ids.len() as i64);
    // The restored server takes entries as before.
    restored.push_ok(&[view(&new_id(), "After the restore")]).await;
}

#[tokio::test]
async fn a_backup_never_overwrites_a_file_and_points_postgresql_to_pg_dump() {
    let app = spawn_app(Db::Sqlite).await.unwrap();
    let dir = tempdir().unwrap();
    let existing = dir.path().join("exists.sqlite3");
    std::fs::write(&existing, "precious").unwrap();
    let output = backup(&app.database_url, &existing).await;
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious");

    let output = backup("postgres://postgres@127.0.0.1:1/yoursay", &dir.path().join("pg.sqlite3")).await;
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("pg_dump"), "{output:?}");
}
