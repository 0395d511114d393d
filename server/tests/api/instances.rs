//! Two `yoursay-server` processes on one PostgreSQL database, as behind a load balancer: they start
//! together, store an entry pushed through both once, share sessions and the sign-in limit, and their
//! retention runs do not collide.

use serde_json::{json, Value};
use sqlx::{AnyPool, Row};

use crate::helpers::{fresh_database, new_id, view, Db, OFFICER, PASSWORD};
use crate::process::ServerProcess;

/// 2024-02-01: older than the default 24 months' retention.
const LONG_AGO: i64 = 1_706_745_600_000;

async fn push(server: &ServerProcess, entries: &[Value]) -> Vec<String> {
    let response = server.client.post(server.url("/api/v1/entries")).json(&json!({ "entries": entries })).send().await;
    let body: Value = response.unwrap().error_for_status().unwrap().json().await.unwrap();
    body["results"].as_array().unwrap().iter().map(|r| r["status"].as_str().unwrap().to_owned()).collect()
}

async fn sign_in(server: &ServerProcess, email: &str, password: &str) -> reqwest::Response {
    server
        .client
        .post(server.url("/api/v1/officer/session"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap()
}

async fn count(pool: &AnyPool, sql: &str) -> i64 {
    sqlx::query(sql).fetch_one(pool).await.unwrap().try_get(0).unwrap()
}

#[tokio::test]
async fn two_server_processes_share_one_postgresql_database() {
    let Some((url, _dir)) = fresh_database(Db::Postgres).await else { return };
    // Started at the same moment on an empty database: one migrates and seeds, the other waits its turn.
    let (a, b) = tokio::join!(ServerProcess::start(&url, None), ServerProcess::start(&url, None));
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(&url).await.unwrap();
    let migrations = yoursay_server::db::MIGRATIONS.len() as i64;
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM schema_migrations").await, migrations, "each applied once");

    // The same batch through both at once (a device retrying through the other instance): stored once.
    let batch: Vec<Value> = (0..50)
        .map(|i| {
            let mut entry = view(&new_id(), &format!("Through both {i}"));
            if i < 20 {
                entry["created_at"] = json!(LONG_AGO);
            }
            entry
        })
        .collect();
    let (through_a, through_b) = tokio::join!(push(&a, &batch), push(&b, &batch));
    for (i, pair) in through_a.iter().zip(&through_b).enumerate() {
        let mut pair = [pair.0.as_str(), pair.1.as_str()];
        pair.sort_unstable();
        assert_eq!(pair, ["accepted", "already_had"], "entry {i} accepted by exactly one instance");
    }
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM entries").await, 50);

    // Signed in through one instance, signed in through the other.
    let hash = yoursay_server::officer::password::hash(PASSWORD).unwrap();
    yoursay_server::store::officers::upsert(&pool, OFFICER, &hash).await.unwrap();
    let signed_in = sign_in(&a, OFFICER, PASSWORD).await;
    assert_eq!(signed_in.status(), 200);
    let cookie = signed_in.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let me = b.client.get(b.url("/api/v1/officer/me")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(me.status(), 200);
    assert_eq!(me.json::<Value>().await.unwrap()["email"], OFFICER);

    // Retention on both at once: each old entry deleted once, both runs succeed and are audited.
    let run = |server: &ServerProcess| {
        server
            .client
            .post(server.url("/api/v1/officer/retention/run"))
            .header("cookie", &cookie)
            .json(&json!({}))
            .send()
    };
    let (run_a, run_b) = tokio::join!(run(&a), run(&b));
    let (run_a, run_b): (Value, Value) = (
        run_a.unwrap().error_for_status().unwrap().json().await.unwrap(),
        run_b.unwrap().error_for_status().unwrap().json().await.unwrap(),
    );
    assert_eq!(run_a["deleted"].as_i64().unwrap() + run_b["deleted"].as_i64().unwrap(), 20, "{run_a} {run_b}");
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM entries").await, 30);
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'retention_run' AND actor = 'officer@council.cymru'"
        )
        .await,
        2
    );

    // The sign-in limit counts attempts through both: 3 through one and 2 through the other use it up.
    let second = "second@council.cymru";
    yoursay_server::store::officers::upsert(&pool, second, &hash).await.unwrap();
    for _ in 0..3 {
        assert_eq!(sign_in(&a, second, "a wrong guess").await.status(), 401);
    }
    for _ in 0..2 {
        assert_eq!(sign_in(&b, second, "a wrong guess").await.status(), 401);
    }
    assert_eq!(sign_in(&a, second, PASSWORD).await.status(), 429);
    assert_eq!(sign_in(&b, second, PASSWORD).await.status(), 429);

    pool.close().await;
    a.kill().await;
    b.kill().await;
}
