use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{fields, new_id, problem, view, TestApp, OFFICER, PASSWORD};

/// Every officer route, with a path that would otherwise be valid.
const ROUTES: &[(&str, &str)] = &[
    ("DELETE", "/api/v1/officer/session"),
    ("GET", "/api/v1/officer/me"),
    ("GET", "/api/v1/officer/audit"),
    ("GET", "/api/v1/officer/views"),
    ("POST", "/api/v1/officer/views/0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b/review"),
    ("POST", "/api/v1/officer/views/0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b/hide"),
    ("POST", "/api/v1/officer/views/0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b/unhide"),
    ("POST", "/api/v1/officer/views/0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b/follow-up"),
    ("GET", "/api/v1/officer/keywords"),
    ("PUT", "/api/v1/officer/keywords"),
    ("GET", "/api/v1/officer/results"),
    ("POST", "/api/v1/officer/catalogue/promises"),
    ("PUT", "/api/v1/officer/catalogue/services/housing"),
    ("POST", "/api/v1/officer/catalogue/services/housing/retire"),
    ("POST", "/api/v1/officer/catalogue/services/housing/restore"),
    ("GET", "/api/v1/officer/export?format=csv"),
    ("GET", "/api/v1/officer/settings"),
    ("PUT", "/api/v1/officer/settings"),
    ("GET", "/api/v1/officer/retention/preview?months=12"),
    ("POST", "/api/v1/officer/retention/run"),
    ("DELETE", "/api/v1/officer/entries/0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b"),
];

async fn every_officer_route_refuses_without_a_session(app: TestApp) {
    app.create_officer(OFFICER, PASSWORD).await;
    for (method, path) in ROUTES {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let response = app.send(method.clone(), path, json!({})).await;
        problem(response, 401).await;
        // A forged cookie is no better than none.
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .header("cookie", "yoursay_session=forged")
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "{method} {path}");
    }
}

async fn sign_in_sets_a_strict_http_only_cookie_and_sign_out_ends_it(app: TestApp) {
    app.create_officer(OFFICER, PASSWORD).await;
    let response = app.try_sign_in("  Officer@Council.Cymru ", PASSWORD).await;
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("yoursay_session="), "{cookie}");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800"] {
        assert!(cookie.contains(part), "{cookie} lacks {part}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP on localhost: {cookie}");
    assert_eq!(app.get_json("/api/v1/officer/me").await["email"], OFFICER);

    let behind_tls = app
        .client
        .post(app.url("/api/v1/officer/session"))
        .header("x-forwarded-proto", "https")
        .json(&json!({"email": OFFICER, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert!(behind_tls.headers()["set-cookie"].to_str().unwrap().contains("; Secure"));

    let out = app.send(Method::DELETE, "/api/v1/officer/session", json!({})).await;
    assert_eq!(out.status(), 204);
    problem(app.client.get(app.url("/api/v1/officer/me")).send().await.unwrap(), 401).await;
}

async fn a_wrong_password_fails_and_is_audited(app: TestApp) {
    app.create_officer(OFFICER, PASSWORD).await;
    problem(app.try_sign_in(OFFICER, "not the password").await, 401).await;
    problem(app.try_sign_in("nobody@council.cymru", PASSWORD).await, 401).await;
    problem(app.client.get(app.url("/api/v1/officer/me")).send().await.unwrap(), 401).await;

    app.sign_in().await;
    let actions = app.audit_actions().await;
    assert!(actions.contains(&(OFFICER.into(), "sign_in_failed".into())), "{actions:?}");
    assert!(actions.contains(&("nobody@council.cymru".into(), "sign_in_failed".into())), "{actions:?}");
    assert_eq!(actions[0], (OFFICER.into(), "sign_in".into()), "newest first");
}

async fn repeated_failures_lock_sign_in_for_a_while(app: TestApp) {
    app.create_officer(OFFICER, PASSWORD).await;
    for _ in 0..5 {
        problem(app.try_sign_in(OFFICER, "guess").await, 401).await;
    }
    // Even the right password waits now.
    let response = app.try_sign_in(OFFICER, PASSWORD).await;
    let retry: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=30).contains(&retry), "{retry}");
    problem(response, 429).await;
    // Another officer is not locked out by someone guessing at the first.
    app.create_officer("second@council.cymru", PASSWORD).await;
    assert_eq!(app.try_sign_in("second@council.cymru", PASSWORD).await.status(), 200);
    assert!(app.audit_actions().await.contains(&(OFFICER.into(), "sign_in_throttled".into())));
}

async fn officer_mutations_need_a_json_content_type(app: TestApp) {
    app.sign_in().await;
    let response = app.client.post(app.url("/api/v1/officer/retention/run")).body("").send().await.unwrap();
    problem(response, 415).await;
    let form = app
        .client
        .post(app.url("/api/v1/officer/session"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("email={OFFICER}&password={PASSWORD}"))
        .send()
        .await
        .unwrap();
    problem(form, 415).await;
}

async fn the_audit_log_records_officer_actions(app: TestApp) {
    let id = new_id();
    app.push_ok(&[view(&id, "The youth club is great")]).await;
    app.sign_in().await;
    let mut statuses = Vec::new();
    for action in ["review", "hide", "unhide", "follow-up"] {
        let item = app.post_json(&format!("/api/v1/officer/views/{id}/{action}"), json!({})).await;
        statuses.push(item["status"].as_str().unwrap().to_owned());
    }
    assert_eq!(statuses, ["reviewed", "hidden", "reviewed", "followed_up"], "the server says where a view stands");
    let unknown = app.send(Method::POST, &format!("/api/v1/officer/views/{id}/delete"), json!({})).await;
    problem(unknown, 404).await;
    app.put_json("/api/v1/officer/settings", json!({"retention_months": 36})).await;
    // The export streams; it is audited as the file is finished, so the download is read to its end.
    app.client.get(app.url("/api/v1/officer/export?format=csv")).send().await.unwrap().bytes().await.unwrap();
    app.send(Method::DELETE, "/api/v1/officer/session", json!({})).await;
    app.sign_in().await;
    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(_, a)| a).collect();
    let expected = [
        "sign_in",
        "sign_out",
        "export",
        "settings_update",
        "view_follow_up",
        "view_unhide",
        "view_hide",
        "view_review",
        "sign_in",
    ];
    assert_eq!(actions, expected);
    let log = app.get_json("/api/v1/officer/audit?per_page=2&page=2").await;
    assert_eq!(log["total"], 9);
    assert_eq!(log["items"][0]["action"], "export");
    assert_eq!(log["items"][0]["actor"], OFFICER);
    assert_eq!(log["items"][1]["target"], Value::Null);
    problem(app.client.get(app.url("/api/v1/officer/views/nope")).send().await.unwrap(), 404).await;
    let missing = app.send(Method::POST, &format!("/api/v1/officer/views/{}/review", new_id()), json!({})).await;
    problem(missing, 404).await;
}

async fn settings_are_validated(app: TestApp) {
    app.sign_in().await;
    assert_eq!(app.get_json("/api/v1/officer/settings").await["retention_months"], 24);
    let body =
        problem(app.send(Method::PUT, "/api/v1/officer/settings", json!({"retention_months": 0})).await, 400).await;
    assert_eq!(fields(&body), ["retention_months"]);
    let body = problem(app.send(Method::PUT, "/api/v1/officer/settings", json!({"retention": 5})).await, 400).await;
    assert_eq!(fields(&body), ["retention"]);
}

crate::on_both_databases!(
    every_officer_route_refuses_without_a_session,
    sign_in_sets_a_strict_http_only_cookie_and_sign_out_ends_it,
    a_wrong_password_fails_and_is_audited,
    repeated_failures_lock_sign_in_for_a_while,
    officer_mutations_need_a_json_content_type,
    the_audit_log_records_officer_actions,
    settings_are_validated,
);
