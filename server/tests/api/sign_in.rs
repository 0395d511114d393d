//! The sign-in limit under simultaneous guessing, and limits that outlive a restart. The memory a burst of
//! attempts costs is measured by `scripts/bench.sh` (sign-in row), not here.

use reqwest::StatusCode;
use serde_json::json;
use tempfile::tempdir;

use crate::helpers::{problem, spawn_app_on, TestApp, OFFICER, PASSWORD};

/// Sends `n` sign-ins at once and returns their statuses.
pub async fn simultaneous_sign_ins(app: &TestApp, email: &str, password: &str, n: usize) -> Vec<StatusCode> {
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..n {
        let request =
            app.client.post(app.url("/api/v1/officer/session")).json(&json!({"email": email, "password": password}));
        set.spawn(async move { request.send().await.unwrap().status() });
    }
    set.join_all().await
}

fn tally(statuses: &[StatusCode], status: u16) -> usize {
    statuses.iter().filter(|s| s.as_u16() == status).count()
}

async fn audited(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn thirty_simultaneous_wrong_passwords_get_five_checks_and_the_rest_429(app: TestApp) {
    app.create_officer(OFFICER, PASSWORD).await;
    let statuses = simultaneous_sign_ins(&app, OFFICER, "a wrong guess", 30).await;
    assert_eq!(tally(&statuses, 401), 5, "checked: {statuses:?}");
    assert_eq!(tally(&statuses, 429), 25, "refused before a check: {statuses:?}");
    // Only checked attempts are audited as failures; the refused ones as throttled.
    assert_eq!(audited(&app, "sign_in_failed").await, 5);
    assert_eq!(audited(&app, "sign_in_throttled").await, 25);
    // The right password waits too, and is told for how long in words.
    let response = app.try_sign_in(OFFICER, PASSWORD).await;
    let retry: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=30).contains(&retry), "{retry}");
    let body = problem(response, 429).await;
    assert_eq!(body["detail"], format!("Too many failed sign-ins. Try again in {retry} seconds."));
}

async fn unknown_emails_are_limited_like_known_ones(app: TestApp) {
    let statuses = simultaneous_sign_ins(&app, "nobody@council.cymru", "a wrong guess", 12).await;
    assert_eq!(tally(&statuses, 401), 5, "{statuses:?}");
    assert_eq!(tally(&statuses, 429), 7, "{statuses:?}");
}

async fn one_address_is_limited_across_many_emails(app: TestApp) {
    // 4 guesses at each of 6 emails from one address: under the per-email limit, over the per-address one.
    let mut statuses = Vec::new();
    for i in 0..6 {
        statuses.extend(simultaneous_sign_ins(&app, &format!("guess{i}@council.cymru"), "wrong", 4).await);
    }
    assert_eq!(tally(&statuses, 401), 20, "{statuses:?}");
    assert_eq!(tally(&statuses, 429), 4, "{statuses:?}");
}

async fn a_restart_keeps_the_count(app: TestApp) {
    app.create_officer(OFFICER, PASSWORD).await;
    for _ in 0..4 {
        problem(app.try_sign_in(OFFICER, "a wrong guess").await, 401).await;
    }
    // A new server process on the same database: one attempt is left, then the lock.
    let restarted = spawn_app_on(app.database_url.clone(), tempdir().unwrap()).await;
    problem(restarted.try_sign_in(OFFICER, "a wrong guess").await, 401).await;
    problem(restarted.try_sign_in(OFFICER, PASSWORD).await, 429).await;
}

async fn a_right_password_clears_the_count(app: TestApp) {
    app.create_officer(OFFICER, PASSWORD).await;
    for _ in 0..4 {
        problem(app.try_sign_in(OFFICER, "a wrong guess").await, 401).await;
    }
    assert_eq!(app.try_sign_in(OFFICER, PASSWORD).await.status(), 200);
    for _ in 0..4 {
        problem(app.try_sign_in(OFFICER, "a wrong guess").await, 401).await;
    }
    assert_eq!(app.try_sign_in(OFFICER, PASSWORD).await.status(), 200);
}

crate::on_both_databases!(
    thirty_simultaneous_wrong_passwords_get_five_checks_and_the_rest_429,
    unknown_emails_are_limited_like_known_ones,
    one_address_is_limited_across_many_emails,
    a_restart_keeps_the_count,
    a_right_password_clears_the_count,
);
