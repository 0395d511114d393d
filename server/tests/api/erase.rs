//! Erasing one entry on the person's request: gone from the inbox, results, survey answers and the export
//! in one go, audited without its content, never brought back by the device sending it again; and the
//! retention preview and the small-number threshold on the settings.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{fields, new_id, problem, rating, view, TestApp, CREATED_AT, OFFICER};

const ENTRIES: &str = "/api/v1/officer/entries";

/// A one-question survey published as `erase_me`, and an entry answering it in words.
async fn published_survey(app: &TestApp) {
    let bi = |en: &str, cy: &str| json!({"en": en, "cy": cy});
    app.post_json("/api/v1/officer/forms", json!({"code": "erase_me"})).await;
    let form = json!({
        "code": "erase_me",
        "title": bi("A quick question", "Cwestiwn sydyn"),
        "intro": bi("Tell us.", "Dywedwch wrthym."),
        "audience": "everyone",
        "questions": [{"code": "say", "kind": {"text": {"max_chars": 500}}, "prompt": bi("Anything?", "Unrhyw beth?")}]
    });
    app.put_json("/api/v1/officer/forms/erase_me/draft", form).await;
    app.post_json("/api/v1/officer/forms/erase_me/publish", json!({})).await;
}

fn survey_entry(id: &str, text: &str) -> Value {
    json!({"id": id, "created_at": CREATED_AT, "language": "en", "kind": "survey",
           "survey": {"form": "erase_me", "version": 1, "answers": [{"question": "say", "value": text}]}})
}

fn inbox_ids(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect()
}

async fn csv(app: &TestApp) -> String {
    let r = app.client.get(app.url("/api/v1/officer/export?format=csv")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

async fn an_erased_entry_is_gone_everywhere_and_never_comes_back(app: TestApp) {
    app.sign_in().await;
    published_survey(&app).await;
    let (said, rated, answered, kept) = (new_id(), new_id(), new_id(), new_id());
    let mut tagged = view(&said, "Please delete what I said about my placement");
    tagged["promises"] = json!(["support", "equality"]);
    tagged["contact"] = json!({"name": "Sam", "how": "07700 900123"});
    let pushed = [
        tagged.clone(),
        rating(&rated, "housing", &[("equality", json!(2)), ("support", json!("dont_know"))]),
        survey_entry(&answered, "My answer to erase"),
        view(&kept, "This one stays"),
    ];
    let results = app.push_ok(&pushed).await;
    assert!(results.iter().all(|r| r["status"] == "accepted"), "{results:?}");

    // Quoted in a published "you said, we did" response: erasing takes the quote out, and devices hear of it.
    app.post_json(&format!("/api/v1/officer/views/{said}/safe-to-quote"), json!({})).await;
    let bi = |en: &str, cy: &str| json!({"en": en, "cy": cy});
    let text = json!({"you_said": bi("You said placements move too often.", "Dywedoch fod lleoliadau'n newid yn rhy aml."),
        "we_did": bi("We are looking into it.", "Rydyn ni'n edrych i mewn iddo."), "progress": "looking_into_it",
        "promises": ["support"], "services": ["social_worker"], "events": [], "quote": said});
    let response = app.post_json("/api/v1/officer/responses", text).await;
    let response_id = response["id"].as_str().unwrap().to_owned();
    app.post_json(&format!("/api/v1/officer/responses/{response_id}/publish"), json!({})).await;
    let feed: Value = app.get_json("/api/v1/responses").await;
    assert!(feed["items"][0]["quote"].is_string(), "quoted before: {feed}");
    let cursor = feed["cursor"].as_str().unwrap().to_owned();

    let before = csv(&app).await;
    assert!(before.contains(&said) && before.contains(&rated) && before.contains(&answered));
    let results_before = app.get_json("/api/v1/officer/results?min_cell=1").await;
    assert_eq!(results_before["cells"].as_array().unwrap().len(), 2, "housing × equality and × support");

    for id in [&said, &rated, &answered] {
        let r = app.send(Method::DELETE, &format!("{ENTRIES}/{id}"), json!({})).await;
        assert_eq!(r.status(), 204, "erasing {id}");
        assert_eq!(r.headers()["cache-control"], "no-store");
    }

    // Gone from the inbox, every child table, results and the export; the other view stays.
    let inbox = app.get_json("/api/v1/officer/views?per_page=200").await;
    assert_eq!(inbox_ids(&inbox), std::slice::from_ref(&kept));
    for table in ["entries", "view_promises", "rating_answers", "survey_answers"] {
        let n = app.count(&format!("{table} WHERE {} IN ('{said}', '{rated}', '{answered}')", id_column(table))).await;
        assert_eq!(n, 0, "nothing of the erased entries in {table}");
    }
    assert_eq!(app.count("entries").await, 1);
    let results = app.get_json("/api/v1/officer/results?min_cell=1").await;
    let housing = results["by_service"].as_array().unwrap().iter().find(|r| r["code"] == "housing").unwrap();
    assert_eq!(housing["ratings"], json!({"shown": 0}), "no housing rating left: {results}");
    assert_eq!(results["cells"], json!([]));
    let survey = app.get_json("/api/v1/officer/forms/erase_me/results?min_cell=1").await;
    assert_eq!(survey["responses"], json!({"shown": 0}), "{survey}");
    let after = csv(&app).await;
    for gone in [&said, &rated, &answered] {
        assert!(!after.contains(gone.as_str()), "{gone} still exported");
    }
    assert!(after.contains(&kept));

    // The response no longer quotes it, and devices are told so with the next pull.
    let changed = app.get_json(&format!("/api/v1/responses?since={cursor}")).await;
    assert_eq!(changed["items"].as_array().unwrap().len(), 1, "{changed}");
    assert!(changed["items"][0].get("quote").is_none(), "{changed}");
    let stored = app.get_json(&format!("/api/v1/officer/responses/{response_id}")).await;
    assert!(stored["text"].get("quote").is_none_or(Value::is_null), "{stored}");

    // A device sending them again is told they are had, so it lets them go; nothing is stored.
    let again = app.push_ok(&pushed).await;
    let statuses: Vec<&str> = again.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["already_had", "already_had", "already_had", "already_had"]);
    assert_eq!(app.count("entries").await, 1);
    assert_eq!(app.count("view_promises").await, 0);
    assert_eq!(app.count("rating_answers").await, 0);
    assert_eq!(app.count("survey_answers").await, 0);
    // Also when it comes in a batch with a new entry.
    let fresh = new_id();
    let mixed = app.push_ok(&[tagged, view(&fresh, "A new one")]).await;
    assert_eq!(mixed[0]["status"], "already_had");
    assert_eq!(mixed[1]["status"], "accepted");
    assert_eq!(app.count("entries").await, 2);

    // Audited with the id only: none of the words.
    let log = app.get_json("/api/v1/officer/audit?per_page=200").await;
    let erased: Vec<&Value> =
        log["items"].as_array().unwrap().iter().filter(|i| i["action"] == "entry_erase").collect();
    assert_eq!(erased.len(), 3);
    let targets: Vec<&str> = erased.iter().map(|i| i["target"].as_str().unwrap()).collect();
    assert_eq!(targets, [answered.as_str(), rated.as_str(), said.as_str()], "newest first");
    for item in &erased {
        assert_eq!(item["actor"], OFFICER);
        assert_eq!(item["detail"], Value::Null);
    }
    let whole_log = log.to_string();
    assert!(!whole_log.contains("placement") && !whole_log.contains("Sam") && !whole_log.contains("07700"));
    assert_eq!(app.count("erased_entries").await, 3);
}

fn id_column(table: &str) -> &'static str {
    if table == "entries" {
        "id"
    } else {
        "entry_id"
    }
}

async fn erasing_an_unknown_or_already_erased_entry_is_not_found(app: TestApp) {
    let id = new_id();
    app.push_ok(&[view(&id, "Delete me")]).await;
    // Without a session: 401, and nothing is erased.
    problem(app.send(Method::DELETE, &format!("{ENTRIES}/{id}"), json!({})).await, 401).await;
    assert_eq!(app.count("entries").await, 1);
    app.sign_in().await;
    // A mutation without a JSON body type is refused like the others.
    let plain = app.client.delete(app.url(&format!("{ENTRIES}/{id}"))).body("").send().await.unwrap();
    assert_eq!(plain.status(), 415);
    problem(app.send(Method::DELETE, &format!("{ENTRIES}/{}", new_id()), json!({})).await, 404).await;
    assert_eq!(app.send(Method::DELETE, &format!("{ENTRIES}/{id}"), json!({})).await.status(), 204);
    problem(app.send(Method::DELETE, &format!("{ENTRIES}/{id}"), json!({})).await, 404).await;
    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(_, a)| a).collect();
    assert_eq!(actions.iter().filter(|a| *a == "entry_erase").count(), 1, "{actions:?}");
}

const HOUR: i64 = 3600 * 1000;

async fn the_retention_preview_counts_what_a_run_would_delete(app: TestApp) {
    let now = yoursay_server::clock::now_ms();
    let mut old = view(&new_id(), "From long ago");
    old["created_at"] = json!(now - 400 * 24 * HOUR); // some 13 months
    let mut older = view(&new_id(), "From longer ago");
    older["created_at"] = json!(now - 800 * 24 * HOUR); // some 26 months
    let mut recent = view(&new_id(), "Recent");
    recent["created_at"] = json!(now - 24 * HOUR);
    app.push_ok(&[old, older, recent]).await;
    problem(app.client.get(app.url("/api/v1/officer/retention/preview?months=12")).send().await.unwrap(), 401).await;
    app.sign_in().await;

    let saved = app.get_json("/api/v1/officer/retention/preview").await;
    assert_eq!((saved["months"].clone(), saved["would_delete"].clone()), (json!(24), json!(1)), "{saved}");
    let twelve = app.get_json("/api/v1/officer/retention/preview?months=12").await;
    assert_eq!(twelve["would_delete"], 2);
    assert!(twelve["cutoff_iso"].as_str().unwrap().ends_with('Z'));
    assert_eq!(app.count("entries").await, 3, "a preview deletes nothing");
    for bad in ["0", "121", "twelve"] {
        let r =
            app.client.get(app.url(&format!("/api/v1/officer/retention/preview?months={bad}"))).send().await.unwrap();
        assert_eq!(fields(&problem(r, 400).await), ["months"]);
    }

    // The run deletes what the preview counted, with the same cut-off.
    app.put_json("/api/v1/officer/settings", json!({"retention_months": 12})).await;
    let run = app.post_json("/api/v1/officer/retention/run", json!({})).await;
    assert_eq!(run["deleted"], 2);
    assert_eq!(run["cutoff_iso"].as_str().unwrap()[..10], twelve["cutoff_iso"].as_str().unwrap()[..10]);
    assert_eq!(app.get_json("/api/v1/officer/retention/preview").await["would_delete"], 0);
}

fn equality(results: &Value) -> &Value {
    results["by_promise"].as_array().unwrap().iter().find(|p| p["code"] == "equality").unwrap()
}

async fn the_small_number_threshold_is_a_setting_results_use(app: TestApp) {
    let ratings: Vec<Value> = (0..3).map(|_| rating(&new_id(), "social_worker", &[("equality", json!(4))])).collect();
    app.push_ok(&ratings).await;
    app.sign_in().await;
    let settings = app.get_json("/api/v1/officer/settings").await;
    assert_eq!(settings, json!({"retention_months": 24, "min_cell": 5}));
    let results = app.get_json("/api/v1/officer/results").await;
    assert_eq!(results["min_cell"], 5);
    assert_eq!(equality(&results)["tally"]["total"], "small");

    let changed = app.put_json("/api/v1/officer/settings", json!({"min_cell": 3})).await;
    assert_eq!(changed, json!({"retention_months": 24, "min_cell": 3}), "only what was sent changes");
    let results = app.get_json("/api/v1/officer/results").await;
    assert_eq!(results["min_cell"], 3);
    assert_eq!(equality(&results)["tally"]["total"], json!({"shown": 3}));
    // A request may still name its own.
    assert_eq!(app.get_json("/api/v1/officer/results?min_cell=10").await["min_cell"], 10);

    // Both out of range: both named, nothing changed.
    let r = app.send(Method::PUT, "/api/v1/officer/settings", json!({"retention_months": 0, "min_cell": 101})).await;
    assert_eq!(fields(&problem(r, 400).await), ["retention_months", "min_cell"]);
    let r = app.send(Method::PUT, "/api/v1/officer/settings", json!({"retention_months": 12, "min_cell": 0})).await;
    assert_eq!(fields(&problem(r, 400).await), ["min_cell"]);
    assert_eq!(app.get_json("/api/v1/officer/settings").await, json!({"retention_months": 24, "min_cell": 3}));

    let log = app.get_json("/api/v1/officer/audit").await;
    assert_eq!(log["items"][0]["action"], "settings_update");
    assert_eq!(log["items"][0]["detail"], "min_cell = 3");
}

crate::on_both_databases!(
    an_erased_entry_is_gone_everywhere_and_never_comes_back,
    erasing_an_unknown_or_already_erased_entry_is_not_found,
    the_retention_preview_counts_what_a_run_would_delete,
    the_small_number_threshold_is_a_setting_results_use,
);
