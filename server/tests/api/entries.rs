use serde_json::{json, Value};
use sqlx::Row;

use crate::helpers::{fields, new_id, problem, promise_codes, rating, view, TestApp};

async fn the_same_batch_pushed_twice_is_stored_once(app: TestApp) {
    let batch = [view(&new_id(), "More trips please"), rating(&new_id(), "social_worker", &[("equality", json!(4))])];
    let first = app.push_ok(&batch).await;
    assert!(first.iter().all(|r| r["status"] == "accepted"), "{first:?}");
    assert_eq!(app.count("entries").await, 2);
    assert_eq!(app.count("rating_answers").await, 1);

    let second = app.push_ok(&batch).await;
    assert!(second.iter().all(|r| r["status"] == "already_had"), "{second:?}");
    assert_eq!(app.count("entries").await, 2);
    assert_eq!(app.count("rating_answers").await, 1);
}

async fn one_bad_entry_is_refused_and_the_good_ones_are_stored(app: TestApp) {
    let (good1, bad, good2) = (new_id(), new_id(), new_id());
    let mut bad_entry = view(&bad, "hello");
    bad_entry["role"] = json!("teacher");
    let results = app
        .push_ok(&[view(&good1, "one"), bad_entry, rating(&good2, "housing", &[("support", json!("dont_know"))])])
        .await;
    let statuses: Vec<_> = results.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["accepted", "refused", "accepted"]);
    assert_eq!(results[1]["id"], bad.as_str());
    assert_eq!(fields(&results[1]), ["role"]);
    assert_eq!(results[1]["errors"][0]["code"], "unknown_value");
    assert_eq!(app.count("entries").await, 2);
}

async fn a_wrongly_typed_or_unknown_entry_field_is_refused_by_name(app: TestApp) {
    let (a, b, c) = (new_id(), new_id(), new_id());
    let mut unknown = view(&a, "hi");
    unknown["colour"] = json!("blue");
    let mut wrong_type = view(&b, "hi");
    wrong_type["created_at"] = json!("yesterday");
    let bad_answer = rating(&c, "housing", &[("support", json!("lots"))]);
    let results = app.push_ok(&[unknown, wrong_type, bad_answer]).await;
    assert_eq!(fields(&results[0]), ["colour"]);
    assert_eq!(results[0]["errors"][0]["code"], "unknown_field");
    assert_eq!(fields(&results[1]), ["created_at"]);
    assert_eq!(fields(&results[2]), ["answers[0].answer"]);
    assert_eq!(app.count("entries").await, 0);
}

async fn a_rating_for_an_unknown_service_is_refused(app: TestApp) {
    let results = app.push_ok(&[rating(&new_id(), "dragon_keeper", &[("equality", json!(5))])]).await;
    assert_eq!(results[0]["status"], "refused");
    assert_eq!(fields(&results[0]), ["service"]);
    assert_eq!(results[0]["errors"][0]["code"], "unknown_code");
}

async fn a_repeated_id_within_one_batch_is_already_had(app: TestApp) {
    let id = new_id();
    let results = app.push_ok(&[view(&id, "first"), view(&id, "second")]).await;
    assert_eq!(results[0]["status"], "accepted");
    assert_eq!(results[1]["status"], "already_had");
    assert_eq!(app.count("entries").await, 1);
}

async fn an_oversize_body_gets_413_problem_details(app: TestApp) {
    let text = "a".repeat(600 * 1024);
    let body = json!({"entries": [view(&new_id(), &text)]}).to_string();
    problem(app.push_raw(body).await, 413).await;
    assert_eq!(app.count("entries").await, 0);
}

async fn malformed_requests_get_400_naming_the_field(app: TestApp) {
    let body = problem(app.push_raw("{\"entries\": [").await, 400).await;
    assert_eq!(fields(&body), ["body"]);

    let body = problem(app.push_raw("[1, 2]").await, 400).await;
    assert_eq!(fields(&body), ["body"]);

    let body = problem(app.push_raw(json!({"entries": [], "device": "x"}).to_string()).await, 400).await;
    assert_eq!(fields(&body), ["device"]);
    assert_eq!(body["errors"][0]["code"], "unknown_field");

    let too_many: Vec<Value> = (0..51).map(|_| view(&new_id(), "hi")).collect();
    let body = problem(app.push(&too_many).await, 400).await;
    assert_eq!(fields(&body), ["entries"]);
    assert_eq!(body["errors"][0]["code"], "too_many");

    let body = problem(app.push(&[view(&new_id(), "fine"), json!({"kind": "view"})]).await, 400).await;
    assert_eq!(fields(&body), ["entries[1].id"]);
    assert_eq!(app.count("entries").await, 0, "a request refused as a whole stores nothing");
}

async fn the_catalogue_has_the_eleven_principles(app: TestApp) {
    let catalogue: Value = app.client.get(app.url("/api/v1/catalogue")).send().await.unwrap().json().await.unwrap();
    assert_eq!(catalogue["version"], 1);
    let promises = catalogue["promises"].as_array().unwrap();
    assert_eq!(promises.len(), 11);
    assert_eq!(promises[0]["code"], "equality");
    assert_eq!(promises[0]["name"]["cy"], "Cydraddoldeb");
    assert_eq!(promises[0]["retired"], false);
    assert!(catalogue["services"].as_array().unwrap().len() >= 14);
}

/// Four devices each send their outbox (three batches of 50: views tagged with promises, ratings of eleven
/// promises) at the same moment, one also re-sending a batch whose answer it lost. Every entry gets an
/// answer, none is stored twice, and no answer is an error because another device was writing.
async fn four_devices_pushing_at_once_all_get_answers_and_nothing_doubles(app: TestApp) {
    let promises = promise_codes();
    let batch = |device: usize, n: usize| -> Vec<Value> {
        (0..50)
            .map(|i| {
                if (device + n + i).is_multiple_of(3) {
                    let mut v = view(&new_id(), &format!("device {device}, batch {n}, view {i}"));
                    v["promises"] = json!([promises[i % 11], promises[(i + 3) % 11]]);
                    v
                } else {
                    let answers: Vec<(&str, Value)> =
                        promises.iter().enumerate().map(|(p, code)| (code.as_str(), json!(1 + (i + p) % 5))).collect();
                    rating(&new_id(), "social_worker", &answers)
                }
            })
            .collect()
    };
    let outboxes: Vec<Vec<Vec<Value>>> = (0..4).map(|d| (0..3).map(|n| batch(d, n)).collect()).collect();
    let app = std::sync::Arc::new(app);
    let devices = outboxes.iter().cloned().enumerate().map(|(d, outbox)| {
        let app = app.clone();
        tokio::spawn(async move {
            let mut statuses = Vec::new();
            for b in &outbox {
                statuses.extend(app.push_ok(b).await.iter().map(|r| r["status"].as_str().unwrap().to_owned()));
            }
            if d == 0 {
                let again = app.push_ok(&outbox[0]).await;
                assert!(again.iter().all(|r| r["status"] == "already_had"), "{again:?}");
            }
            statuses
        })
    });
    for device in devices.collect::<Vec<_>>() {
        let statuses = device.await.unwrap();
        assert_eq!(statuses.len(), 150);
        assert!(statuses.iter().all(|s| s == "accepted"), "{statuses:?}");
    }
    // A device re-sends a batch while its first try is still in flight: each entry is accepted by exactly
    // one of the two requests and stored once.
    let late = batch(4, 0);
    let (one, two) = tokio::join!(app.push_ok(&late), app.push_ok(&late));
    for (a, b) in one.iter().zip(&two) {
        let mut pair = [a["status"].as_str().unwrap(), b["status"].as_str().unwrap()];
        pair.sort();
        assert_eq!(pair, ["accepted", "already_had"]);
    }
    let sent: Vec<&Value> = outboxes.iter().flatten().flatten().chain(&late).collect();
    let answers: usize = sent.iter().map(|e| e["answers"].as_array().map_or(0, Vec::len)).sum();
    let tags: usize = sent.iter().map(|e| e["promises"].as_array().map_or(0, Vec::len)).sum();
    assert_eq!(app.count("entries").await, 650);
    assert_eq!(app.count("rating_answers").await, answers as i64);
    assert_eq!(app.count("view_promises").await, tags as i64);
}

/// The server keeps the catalogue and risk words in memory: a change by the officer must reach the very
/// next push.
async fn a_push_right_after_the_officer_adds_a_promise_or_a_risk_word_uses_it(app: TestApp) {
    app.sign_in().await;
    let before = app.push_ok(&[rating(&new_id(), "housing", &[("listened_to", json!(5))])]).await;
    assert_eq!(before[0]["status"], "refused", "not in the catalogue yet");
    let promise = json!({"code": "listened_to", "name": {"en": "Listened to", "cy": "Cael fy nghlywed"},
                         "line": {"en": "Adults listen to you", "cy": "Mae oedolion yn gwrando arnat ti"}});
    app.post_json("/api/v1/officer/catalogue/promises", promise).await;
    let after = app.push_ok(&[rating(&new_id(), "housing", &[("listened_to", json!(5))])]).await;
    assert_eq!(after[0]["status"], "accepted", "{after:?}");

    let mut words = app.get_json("/api/v1/officer/keywords").await;
    words["en"].as_array_mut().unwrap().push(json!("locked in"));
    app.put_json("/api/v1/officer/keywords", words).await;
    let id = new_id();
    app.push_ok(&[view(&id, "They locked in my phone at night")]).await;
    let flagged = app.get_json("/api/v1/officer/views?status=flagged").await;
    assert_eq!(flagged["items"][0]["id"], id.as_str());
    assert_eq!(flagged["items"][0]["flag_words"], json!(["locked in"]));
}

/// The writer keeps one connection between pushes; a push whose storing fails (here a table the insert
/// needs is missing) is answered 500 with nothing half-written, and the pushes after it are stored as usual.
async fn a_push_that_fails_to_store_leaves_nothing_and_the_next_pushes_are_stored(app: TestApp) {
    app.push_ok(&[rating(&new_id(), "housing", &[("support", json!(3))])]).await;
    let id = new_id();
    let mut tagged = view(&id, "The youth club is great");
    tagged["promises"] = json!(["togetherness", "support", "ambition"]);
    sqlx::query("ALTER TABLE view_promises RENAME TO view_promises_away").execute(&app.pool).await.unwrap();
    let failed = app.push(std::slice::from_ref(&tagged)).await;
    assert_eq!(failed.status(), 500);
    assert_eq!(app.count("entries").await, 1, "the view was not stored without its tags");

    sqlx::query("ALTER TABLE view_promises_away RENAME TO view_promises").execute(&app.pool).await.unwrap();
    let again = app.push_ok(std::slice::from_ref(&tagged)).await;
    assert_eq!(again[0]["status"], "accepted", "{again:?}");
    let next = app.push_ok(&[view(&new_id(), "More trips please")]).await;
    assert_eq!(next[0]["status"], "accepted", "{next:?}");
    assert_eq!(app.count("entries").await, 3);
    assert_eq!(app.count("view_promises").await, 3);
}

crate::on_both_databases!(
    the_same_batch_pushed_twice_is_stored_once,
    one_bad_entry_is_refused_and_the_good_ones_are_stored,
    a_wrongly_typed_or_unknown_entry_field_is_refused_by_name,
    a_rating_for_an_unknown_service_is_refused,
    a_repeated_id_within_one_batch_is_already_had,
    an_oversize_body_gets_413_problem_details,
    malformed_requests_get_400_naming_the_field,
    the_catalogue_has_the_eleven_principles,
    four_devices_pushing_at_once_all_get_answers_and_nothing_doubles,
    a_push_right_after_the_officer_adds_a_promise_or_a_risk_word_uses_it,
    a_push_that_fails_to_store_leaves_nothing_and_the_next_pushes_are_stored,
);

/// A device deletes an entry once the server says it has it, so the server's commits must reach the disk
/// before it answers, on every connection it uses.
#[tokio::test]
async fn sqlite_commits_are_fully_synchronous_on_every_connection() {
    let app = crate::helpers::spawn_app(crate::helpers::Db::Sqlite).await.unwrap();
    let mut connections = Vec::new();
    for _ in 0..4 {
        let mut conn = app.pool.acquire().await.unwrap();
        let level: i64 = sqlx::query("PRAGMA synchronous").fetch_one(&mut *conn).await.unwrap().try_get(0).unwrap();
        assert_eq!(level, 2, "2 is FULL");
        connections.push(conn);
    }
}
