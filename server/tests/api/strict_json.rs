//! Every route that reads a JSON body reads it strictly, through the one extractor: bytes after the JSON
//! value are refused with 400 problem details naming the body, and so are unknown fields. Officer
//! responses are never cached.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{fields, new_id, problem, view, TestApp, OFFICER, PASSWORD};

const WORDS: &str =
    r#"{"name": {"en": "Homes", "cy": "Cartrefi"}, "line": {"en": "Where you live", "cy": "Lle rwyt ti'n byw"}}"#;
const NEW_PROMISE: &str = r#"{"code": "listened_to", "name": {"en": "Listened to", "cy": "Cael fy nghlywed"}, "line": {"en": "Adults listen to you", "cy": "Mae oedolion yn gwrando arnat ti"}}"#;

/// (method, path, a valid body, the same body with an unknown field, the field's name as reported).
fn body_routes() -> Vec<(Method, &'static str, String, String, &'static str)> {
    let entries = json!({"entries": [view(&new_id(), "trailing bytes")]}).to_string();
    let sign_in = json!({"email": OFFICER, "password": PASSWORD}).to_string();
    let with = |body: &str, extra: &str| format!("{},{extra}}}", body.trim_end().strip_suffix('}').unwrap());
    vec![
        (Method::POST, "/api/v1/entries", entries.clone(), with(&entries, r#""device": "x""#), "device"),
        (Method::POST, "/api/v1/officer/session", sign_in.clone(), with(&sign_in, r#""remember": true"#), "remember"),
        (
            Method::PUT,
            "/api/v1/officer/settings",
            r#"{"retention_months": 13}"#.into(),
            r#"{"retention_months": 13, "retention_days": 1}"#.into(),
            "retention_days",
        ),
        (
            Method::PUT,
            "/api/v1/officer/keywords",
            r#"{"en": ["hurt"], "cy": ["brifo"]}"#.into(),
            r#"{"en": ["hurt"], "cy": ["brifo"], "fr": []}"#.into(),
            "fr",
        ),
        (
            Method::POST,
            "/api/v1/officer/catalogue/promises",
            NEW_PROMISE.into(),
            with(NEW_PROMISE, r#""colour": "red""#),
            "colour",
        ),
        (
            Method::PUT,
            "/api/v1/officer/catalogue/services/housing",
            WORDS.into(),
            with(WORDS, r#""icon": "house""#),
            "icon",
        ),
    ]
}

async fn send_raw(app: &TestApp, method: Method, path: &str, body: String) -> reqwest::Response {
    app.client
        .request(method, app.url(path))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn every_json_route_refuses_trailing_bytes_and_unknown_fields(app: TestApp) {
    app.sign_in().await;
    for (method, path, body, with_unknown, unknown) in body_routes() {
        // The issue's example: a second object after the first must not be ignored (nor read).
        let trailing = format!("{body}{}", r#"{"retention_months": 1}"#);
        let refused = problem(send_raw(&app, method.clone(), path, trailing).await, 400).await;
        assert_eq!(fields(&refused), ["body"], "{method} {path}: {refused}");
        assert_eq!(refused["detail"], "The body is not valid JSON.", "{method} {path}");

        let garbage = problem(send_raw(&app, method.clone(), path, format!("{body} x")).await, 400).await;
        assert_eq!(fields(&garbage), ["body"], "{method} {path}");

        let refused = problem(send_raw(&app, method.clone(), path, with_unknown).await, 400).await;
        assert_eq!(fields(&refused), [unknown], "{method} {path}: {refused}");
        assert_eq!(refused["errors"][0]["code"], "unknown_field", "{method} {path}");

        // White space after the value is fine: the same body is then taken.
        let taken = send_raw(&app, method.clone(), path, format!("{body} \n")).await;
        assert!(taken.status().is_success(), "{method} {path}: {}", taken.status());
    }
    // Nothing a refused request carried was stored: only the accepted copies took effect.
    assert_eq!(app.get_json("/api/v1/officer/settings").await["retention_months"], 13);
    assert_eq!(app.count("entries").await, 1);
}

async fn officer_mutations_without_a_body_still_refuse_trailing_bytes(app: TestApp) {
    let id = new_id();
    app.push_ok(&[view(&id, "Reviewed once")]).await;
    app.sign_in().await;
    let bodiless = [
        format!("/api/v1/officer/views/{id}/review"),
        format!("/api/v1/officer/views/{id}/hide"),
        format!("/api/v1/officer/views/{id}/unhide"),
        format!("/api/v1/officer/views/{id}/follow-up"),
        "/api/v1/officer/catalogue/services/housing/retire".into(),
        "/api/v1/officer/catalogue/services/housing/restore".into(),
        "/api/v1/officer/retention/run".into(),
    ];
    for path in &bodiless {
        let refused = problem(send_raw(&app, Method::POST, path, r#"{}{"x": 1}"#.into()).await, 400).await;
        assert_eq!(fields(&refused), ["body"], "{path}");
    }
    let refused = problem(send_raw(&app, Method::DELETE, "/api/v1/officer/session", "{} x".into()).await, 400).await;
    assert_eq!(fields(&refused), ["body"]);
    // Nothing happened: no moderation, no retention run, still signed in.
    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(_, a)| a).collect();
    assert_eq!(actions, ["sign_in"]);
    // `{}` and an empty body are both fine.
    for body in ["{}", ""] {
        let taken = send_raw(&app, Method::POST, &bodiless[0], body.into()).await;
        assert_eq!(taken.status(), 200, "{body:?}");
    }
}

async fn officer_responses_are_never_cached(app: TestApp) {
    let id = new_id();
    app.push_ok(&[view(&id, "Please call me back")]).await;
    // Refusals too: a 401 must not be cached any more than the data.
    let refused = app.client.get(app.url("/api/v1/officer/views")).send().await.unwrap();
    assert_eq!(refused.status(), 401);
    assert_eq!(refused.headers()["cache-control"], "no-store");
    app.sign_in().await;
    let reads = [
        "/api/v1/officer/me",
        "/api/v1/officer/views",
        "/api/v1/officer/audit",
        "/api/v1/officer/keywords",
        "/api/v1/officer/results",
        "/api/v1/officer/settings",
        "/api/v1/officer/export?format=csv",
        "/api/v1/officer/export?format=xlsx",
    ];
    for path in reads {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    let writes: [(Method, String, Value); 4] = [
        (Method::POST, format!("/api/v1/officer/views/{id}/review"), json!({})),
        (Method::PUT, "/api/v1/officer/settings".into(), json!({"retention_months": 30})),
        (Method::POST, "/api/v1/officer/retention/run".into(), json!({})),
        (Method::DELETE, "/api/v1/officer/session".into(), json!({})),
    ];
    for (method, path, body) in writes {
        let response = app.send(method.clone(), &path, body).await;
        assert!(response.status().is_success(), "{method} {path}: {}", response.status());
        assert_eq!(response.headers()["cache-control"], "no-store", "{method} {path}");
    }
    // The device's routes stay cacheable by the service worker's rules: no blanket no-store there.
    let catalogue = app.client.get(app.url("/api/v1/catalogue")).send().await.unwrap();
    assert_ne!(catalogue.headers().get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"));
}

crate::on_both_databases!(
    every_json_route_refuses_trailing_bytes_and_unknown_fields,
    officer_mutations_without_a_body_still_refuse_trailing_bytes,
    officer_responses_are_never_cached,
);
