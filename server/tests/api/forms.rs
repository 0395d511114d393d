use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use yoursay_core::catalogue::default_catalogue;
use yoursay_core::form::api::{DeviceForms, PublishedFormWire};

use crate::helpers::{fields, problem, TestApp, OFFICER};

const FORMS: &str = "/api/v1/officer/forms";

/// Every officer forms route, with a path that would otherwise be valid.
const ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/v1/officer/forms"),
    ("POST", "/api/v1/officer/forms"),
    ("GET", "/api/v1/officer/forms/coffee_nov/draft"),
    ("PUT", "/api/v1/officer/forms/coffee_nov/draft"),
    ("POST", "/api/v1/officer/forms/coffee_nov/publish"),
    ("POST", "/api/v1/officer/forms/coffee_nov/retire"),
    ("POST", "/api/v1/officer/forms/coffee_nov/restore"),
    ("GET", "/api/v1/officer/forms/coffee_nov/versions/1"),
    ("GET", "/api/v1/officer/forms/coffee_nov/results"),
];

impl TestApp {
    /// Makes a form from a starting point and answers its draft.
    async fn new_form(&self, code: &str, starting_point: &str) -> Value {
        let response =
            self.send(Method::POST, FORMS, json!({"code": code, "from": {"starting_point": starting_point}})).await;
        assert_eq!(response.status(), 201);
        response.json().await.unwrap()
    }

    async fn put_draft(&self, code: &str, form: &Value) -> reqwest::Response {
        self.send(Method::PUT, &format!("{FORMS}/{code}/draft"), form.clone()).await
    }

    async fn publish(&self, code: &str) -> reqwest::Response {
        self.send(Method::POST, &format!("{FORMS}/{code}/publish"), json!({})).await
    }

    async fn device_get(&self, path: &str) -> reqwest::Response {
        // A device has no officer cookie.
        reqwest::Client::new().get(self.url(path)).send().await.unwrap()
    }

    async fn device_forms(&self) -> Vec<PublishedFormWire> {
        let response = self.device_get("/api/v1/forms").await;
        assert_eq!(response.status(), 200);
        let list: DeviceForms = response.json().await.unwrap();
        list.forms
    }
}

async fn every_forms_route_refuses_without_a_session(app: TestApp) {
    app.sign_in().await;
    app.new_form("coffee_nov", "coffee_catch_up").await;
    let stranger = reqwest::Client::new();
    for (method, path) in ROUTES {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let response = stranger.request(method.clone(), app.url(path)).json(&json!({})).send().await.unwrap();
        assert_eq!(response.status(), 401, "{method} {path}");
        problem(response, 401).await;
    }
    assert_eq!(app.count("form_versions").await, 0, "nothing was published");
}

async fn publishing_is_refused_with_every_problem_until_both_languages_exist(app: TestApp) {
    app.sign_in().await;
    let draft = app.new_form("coffee_nov", "coffee_catch_up").await;
    assert_eq!(draft["to_publish"], json!([]), "a starting point can be published as it is");
    let mut form = draft["form"].clone();
    assert_eq!(form["code"], "coffee_nov");
    form["questions"][2]["prompt"]["cy"] = json!("");
    form["title"]["cy"] = json!("  ");
    let saved: Value = app.put_draft("coffee_nov", &form).await.json().await.unwrap();
    assert_eq!(fields(&json!({"errors": saved["to_publish"]})), ["title.cy", "questions[2].prompt.cy"]);

    let refused = problem(app.publish("coffee_nov").await, 400).await;
    assert_eq!(fields(&refused), ["title.cy", "questions[2].prompt.cy"]);
    assert_eq!(refused["errors"][1]["code"], "empty");
    assert_eq!(app.count("form_versions").await, 0);
    assert!(app.device_forms().await.is_empty(), "a draft is never served to devices");

    // A show-if rule pointing forward is refused too.
    let mut form = draft["form"].clone();
    let last = form["questions"].as_array().unwrap().last().unwrap()["code"].clone();
    form["questions"][0]["show_if"] = json!({"question": last, "any_of": ["yes"]});
    assert_eq!(app.put_draft("coffee_nov", &form).await.status(), 200, "an unfinished draft is kept");
    let refused = problem(app.publish("coffee_nov").await, 400).await;
    assert_eq!(fields(&refused), ["questions[0].show_if.question"]);
    assert_eq!(refused["errors"][0]["code"], "invalid");

    form["questions"][0]["show_if"] = Value::Null;
    app.put_draft("coffee_nov", &form).await;
    assert_eq!(app.publish("coffee_nov").await.status(), 201);
}

async fn a_published_version_never_changes(app: TestApp) {
    app.sign_in().await;
    let draft = app.new_form("annual_2026", "annual_consultation").await;
    let first: Value = app.publish("annual_2026").await.json().await.unwrap();
    assert_eq!(first["published"], true);
    assert_eq!(first["version"], 1);
    let v1_path = "/api/v1/forms/annual_2026/1";
    let v1_before = app.device_get(v1_path).await.bytes().await.unwrap();

    // Publishing the same content again makes nothing new.
    let again = app.publish("annual_2026").await;
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.unwrap();
    assert_eq!((again["published"].clone(), again["version"].clone()), (json!(false), json!(1)));
    assert_eq!(again["content_hash"], first["content_hash"]);

    let mut form = draft["form"].clone();
    form["questions"][0]["prompt"]["en"] = json!("How are things for you at the moment?");
    form["questions"][0]["prompt"]["cy"] = json!("Sut mae pethau i ti ar hyn o bryd?");
    app.put_draft("annual_2026", &form).await;
    let list = app.get_json(FORMS).await;
    assert_eq!(list["forms"][0]["draft"]["unpublished_changes"], true);
    let second: Value = app.publish("annual_2026").await.json().await.unwrap();
    assert_eq!((second["published"].clone(), second["version"].clone()), (json!(true), json!(2)));
    assert_ne!(second["content_hash"], first["content_hash"]);

    let v1_after = app.device_get(v1_path).await.bytes().await.unwrap();
    assert_eq!(v1_before, v1_after, "version 1 is served byte for byte as before");
    let v1: PublishedFormWire = serde_json::from_slice(&v1_after).unwrap();
    assert_eq!(v1.content_hash, first["content_hash"].as_str().unwrap());
    let restored = v1.restore(&default_catalogue()).expect("version 1 still matches its hash");
    assert_eq!(restored.form().questions[0].prompt.en, draft["form"]["questions"][0]["prompt"]["en"]);

    let current = app.device_forms().await;
    assert_eq!(current.len(), 1);
    assert_eq!((current[0].version, current[0].form.code.as_str()), (2, "annual_2026"));
    current[0].restore(&default_catalogue()).expect("the current version matches its hash");

    let officer_v1 = app.get_json(&format!("{FORMS}/annual_2026/versions/1")).await;
    assert_eq!(officer_v1["info"]["published_by"], OFFICER);
    assert_eq!(officer_v1["form"], serde_json::to_value(restored.form()).unwrap());
    let list = app.get_json(FORMS).await;
    assert_eq!(list["forms"][0]["latest"]["version"], 2);
    assert_eq!(list["forms"][0]["draft"]["unpublished_changes"], false);
    problem(app.device_get("/api/v1/forms/annual_2026/3").await, 404).await;
    let bad = problem(app.device_get("/api/v1/forms/annual_2026/first").await, 400).await;
    assert_eq!(fields(&bad), ["version"]);
}

async fn a_question_code_is_never_reused_for_another_kind(app: TestApp) {
    app.sign_in().await;
    let draft = app.new_form("feedback_may", "event_feedback").await;
    assert_eq!(app.publish("feedback_may").await.status(), 201);
    // Version 2 drops the first question; version 3 brings its code back as free text.
    let mut form = draft["form"].clone();
    let first = form["questions"].as_array_mut().unwrap().remove(0);
    assert_ne!(first["kind"], json!({"text": {"max_chars": 500}}));
    app.put_draft("feedback_may", &form).await;
    assert_eq!(app.publish("feedback_may").await.status(), 201);
    let reused = json!({"code": first["code"], "kind": {"text": {"max_chars": 500}},
                        "prompt": {"en": "Anything else?", "cy": "Unrhyw beth arall?"}});
    form["questions"].as_array_mut().unwrap().push(reused);
    let n = form["questions"].as_array().unwrap().len() - 1;
    app.put_draft("feedback_may", &form).await;
    let refused = problem(app.publish("feedback_may").await, 400).await;
    assert_eq!(fields(&refused), [format!("questions[{n}].kind")]);
    assert_eq!(refused["errors"][0]["code"], "conflict");
    assert_eq!(app.count("form_versions").await, 2);
}

async fn a_retired_form_leaves_the_device_list_but_its_versions_are_still_served(app: TestApp) {
    app.sign_in().await;
    app.new_form("coffee_nov", "coffee_catch_up").await;
    app.new_form("leavers_2026", "care_leavers").await;
    app.new_form("unfinished", "event_feedback").await;
    app.publish("coffee_nov").await;
    app.publish("leavers_2026").await;
    let codes = |forms: Vec<PublishedFormWire>| forms.into_iter().map(|f| f.form.code).collect::<Vec<_>>();
    assert_eq!(codes(app.device_forms().await), ["coffee_nov", "leavers_2026"], "never-published forms are not sent");

    let summary: Value = app.post_json(&format!("{FORMS}/coffee_nov/retire"), json!({})).await;
    assert_eq!(summary["retired"], true);
    assert_eq!(codes(app.device_forms().await), ["leavers_2026"]);
    let old = app.device_get("/api/v1/forms/coffee_nov/1").await;
    assert_eq!(old.status(), 200, "an old device can still show what it has");
    let old: PublishedFormWire = old.json().await.unwrap();
    old.restore(&default_catalogue()).unwrap();
    problem(app.device_get("/api/v1/forms/unfinished/1").await, 404).await;

    let list = app.get_json(FORMS).await;
    let retired: Vec<(&str, bool)> =
        list["forms"].as_array().unwrap().iter().map(|f| (f["code"].as_str().unwrap(), f["retired"] == true)).collect();
    assert_eq!(retired, [("coffee_nov", true), ("leavers_2026", false), ("unfinished", false)]);
    assert_eq!(list["forms"][2]["latest"], Value::Null);
    assert_eq!(list["forms"][0]["audience"], "carers");

    app.post_json(&format!("{FORMS}/coffee_nov/restore"), json!({})).await;
    assert_eq!(codes(app.device_forms().await), ["coffee_nov", "leavers_2026"]);
}

async fn a_device_that_is_up_to_date_gets_304(app: TestApp) {
    app.sign_in().await;
    app.new_form("coffee_nov", "coffee_catch_up").await;
    app.publish("coffee_nov").await;
    let first = app.device_get("/api/v1/forms").await;
    let tag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(first.headers()["cache-control"], "no-cache");

    let ask = |tag: String| {
        let url = app.url("/api/v1/forms");
        async move { reqwest::Client::new().get(url).header("if-none-match", tag).send().await.unwrap() }
    };
    let same = ask(tag.clone()).await;
    assert_eq!(same.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(same.headers()["etag"].to_str().unwrap(), tag);
    assert!(same.bytes().await.unwrap().is_empty());

    // Saving a draft changes nothing a device sees; publishing, retiring and restoring do.
    let draft = app.get_json(&format!("{FORMS}/coffee_nov/draft")).await;
    let mut form = draft["form"].clone();
    form["intro"]["en"] = json!("Thank you for coming today.");
    app.put_draft("coffee_nov", &form).await;
    assert_eq!(ask(tag.clone()).await.status(), StatusCode::NOT_MODIFIED, "a draft is not sent");
    app.publish("coffee_nov").await;
    let newer = ask(tag.clone()).await;
    assert_eq!(newer.status(), 200);
    let newer_tag = newer.headers()["etag"].to_str().unwrap().to_owned();
    assert_ne!(newer_tag, tag);
    app.post_json(&format!("{FORMS}/coffee_nov/retire"), json!({})).await;
    assert_eq!(ask(newer_tag.clone()).await.status(), 200);

    let v1 = app.device_get("/api/v1/forms/coffee_nov/1").await;
    let v1_tag = v1.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(ask_path(&app, "/api/v1/forms/coffee_nov/1", &v1_tag).await, StatusCode::NOT_MODIFIED);
    assert_eq!(ask_path(&app, "/api/v1/forms/coffee_nov/2", &v1_tag).await, StatusCode::OK);
}

async fn ask_path(app: &TestApp, path: &str, tag: &str) -> StatusCode {
    reqwest::Client::new().get(app.url(path)).header("if-none-match", tag).send().await.unwrap().status()
}

async fn drafts_are_made_blank_or_copied_and_checked_by_path(app: TestApp) {
    app.sign_in().await;
    let blank: Value = app.post_json(FORMS, json!({"code": "blank_one"})).await;
    assert_eq!(blank["form"]["questions"], json!([]));
    assert_eq!(blank["form"]["audience"], "everyone");
    assert_eq!(
        fields(&json!({"errors": blank["to_publish"]})),
        ["title.en", "title.cy", "intro.en", "intro.cy", "questions"]
    );

    let original = app.new_form("annual_2026", "annual_consultation").await;
    app.publish("annual_2026").await;
    let copy: Value = app.post_json(FORMS, json!({"code": "annual_2027", "from": {"form": "annual_2026"}})).await;
    assert_eq!(copy["form"]["code"], "annual_2027");
    assert_eq!(copy["form"]["questions"], original["form"]["questions"]);
    let copy_of_draft: Value = app.post_json(FORMS, json!({"code": "blank_two", "from": {"form": "blank_one"}})).await;
    assert_eq!(copy_of_draft["form"]["title"], json!({"en": "", "cy": ""}));

    let taken = problem(app.send(Method::POST, FORMS, json!({"code": "annual_2026"})).await, 400).await;
    assert_eq!((fields(&taken), taken["errors"][0]["code"].clone()), (vec!["code".to_owned()], json!("duplicate")));
    let builtin = problem(app.send(Method::POST, FORMS, json!({"code": "say_something"})).await, 400).await;
    assert_eq!(fields(&builtin), ["code"]);
    let bad = problem(app.send(Method::POST, FORMS, json!({"code": "Coffee Nov"})).await, 400).await;
    assert_eq!(fields(&bad), ["code"]);
    let unknown = app.send(Method::POST, FORMS, json!({"code": "x_one", "from": {"starting_point": "bake_off"}})).await;
    assert_eq!(fields(&problem(unknown, 400).await), ["from.starting_point"]);
    let unknown = app.send(Method::POST, FORMS, json!({"code": "x_two", "from": {"form": "nope"}})).await;
    assert_eq!(fields(&problem(unknown, 400).await), ["from.form"]);

    // A draft may be unfinished but not beyond the bounds; its code is fixed; its shape is checked by path.
    let mut form = original["form"].clone();
    form["questions"][1]["prompt"]["cy"] = json!("a".repeat(301));
    let too_long = problem(app.put_draft("annual_2026", &form).await, 400).await;
    assert_eq!(fields(&too_long), ["questions[1].prompt.cy"]);
    let mut form = original["form"].clone();
    form["code"] = json!("annual_2028");
    assert_eq!(fields(&problem(app.put_draft("annual_2026", &form).await, 400).await), ["code"]);
    let mut form = original["form"].clone();
    form["questions"][0]["colour"] = json!("red");
    assert_eq!(fields(&problem(app.put_draft("annual_2026", &form).await, 400).await), ["questions[0].colour"]);
    problem(app.put_draft("nope", &original["form"]).await, 404).await;
    problem(app.client.get(app.url(&format!("{FORMS}/nope/draft"))).send().await.unwrap(), 404).await;
    problem(app.publish("nope").await, 404).await;
    let unchanged = app.get_json(&format!("{FORMS}/annual_2026/draft")).await;
    assert_eq!(unchanged["form"], original["form"]);
}

async fn every_forms_action_is_audited(app: TestApp) {
    app.sign_in().await;
    let draft = app.new_form("coffee_nov", "coffee_catch_up").await;
    app.publish("coffee_nov").await;
    app.publish("coffee_nov").await;
    let mut form = draft["form"].clone();
    form["title"]["en"] = json!("Coffee and Catch up, November");
    app.put_draft("coffee_nov", &form).await;
    app.publish("coffee_nov").await;
    app.post_json(&format!("{FORMS}/coffee_nov/retire"), json!({})).await;
    app.post_json(&format!("{FORMS}/coffee_nov/restore"), json!({})).await;
    problem(app.publish("nope").await, 404).await;

    let log = app.get_json("/api/v1/officer/audit?per_page=200").await;
    let rows: Vec<(&str, &str)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["action"].as_str().unwrap().starts_with("form_"))
        .map(|i| {
            assert_eq!(i["actor"], OFFICER);
            assert_eq!(i["target"], "form:coffee_nov");
            (i["action"].as_str().unwrap(), i["detail"].as_str().unwrap_or(""))
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("form_restore", ""),
            ("form_retire", ""),
            ("form_publish", "version 2"),
            ("form_draft_save", ""),
            ("form_publish", "unchanged: version 1"),
            ("form_publish", "version 1"),
            ("form_create", "from starting point coffee_catch_up"),
        ],
        "newest first"
    );
}

async fn a_draft_at_the_bounds_is_stored_and_a_larger_body_is_refused(app: TestApp) {
    app.sign_in().await;
    let draft = app.new_form("long_survey", "event_feedback").await;
    let label = |i: usize, j: usize| json!({"en": format!("{i} {j} {}", "e".repeat(110)), "cy": format!("{i} {j} {}", "ŵ".repeat(110))});
    let questions: Vec<Value> = (0..60)
        .map(|i| {
            let choices: Vec<Value> = (0..20).map(|j| json!({"code": format!("c{j}"), "label": label(i, j)})).collect();
            json!({"code": format!("q{i}"), "kind": {"single": choices}, "prompt": label(i, 99)})
        })
        .collect();
    let mut form = draft["form"].clone();
    form["questions"] = json!(questions);
    let size = serde_json::to_vec(&form).unwrap().len();
    assert!(size > 256 * 1024, "{size} bytes: well over the officer's usual 64 KiB");
    let saved = app.put_draft("long_survey", &form).await;
    assert_eq!(saved.status(), 200);
    assert_eq!(app.publish("long_survey").await.status(), 201);

    let too_big = json!({"padding": "x".repeat(1024 * 1024)});
    problem(app.put_draft("long_survey", &too_big).await, 413).await;
    // Other officer routes keep their own limit.
    let big_settings = json!({"retention_months": 12, "padding": "x".repeat(100 * 1024)});
    problem(app.send(Method::PUT, "/api/v1/officer/settings", big_settings).await, 413).await;
}

/// The officer router reads mutation bodies before any handler runs (to refuse non-strict JSON): only the
/// forms routes may make it read more than 64 KiB, or anyone could make it buffer a megabyte a request on
/// a route that reads nothing, before the session is checked.
async fn only_survey_drafts_may_send_a_large_body(app: TestApp) {
    let big = json!({"padding": "x".repeat(100 * 1024)});
    let refused = app.send(Method::POST, "/api/v1/officer/views/some-id/review", big).await;
    problem(refused, 413).await;
}

/// Two officers open the same draft; the second to save, from the revision both opened, is refused with
/// 409 and a message naming who saved first, and the first one's changes stay.
async fn a_save_from_an_older_revision_is_refused_and_nothing_is_undone(app: TestApp) {
    app.sign_in().await;
    let opened = app.new_form("coffee_nov", "coffee_catch_up").await;
    let revision = opened["revision"].as_i64().unwrap();
    let mut first = opened["form"].clone();
    first["title"]["en"] = json!("Coffee and Catch up, November");
    let saved = app.send(Method::PUT, &format!("{FORMS}/coffee_nov/draft?revision={revision}"), first.clone()).await;
    assert_eq!(saved.status(), 200);
    let saved: Value = saved.json().await.unwrap();
    assert_eq!(saved["revision"], revision + 1);

    let mut second = opened["form"].clone();
    second["title"]["en"] = json!("Carers' coffee morning");
    let refused = app.send(Method::PUT, &format!("{FORMS}/coffee_nov/draft?revision={revision}"), second.clone()).await;
    let refused = problem(refused, 409).await;
    assert!(refused["detail"].as_str().unwrap().contains(OFFICER), "{refused}");
    let now = app.get_json(&format!("{FORMS}/coffee_nov/draft")).await;
    assert_eq!(now["form"]["title"]["en"], "Coffee and Catch up, November", "the first save is kept");

    // From the newest revision it saves; without one (an older console) it saves as before.
    let fresh = now["revision"].as_i64().unwrap();
    assert_eq!(
        app.send(Method::PUT, &format!("{FORMS}/coffee_nov/draft?revision={fresh}"), second.clone()).await.status(),
        200
    );
    assert_eq!(app.put_draft("coffee_nov", &first).await.status(), 200);
    let bad =
        problem(app.send(Method::PUT, &format!("{FORMS}/coffee_nov/draft?revision=latest"), first).await, 400).await;
    assert_eq!(fields(&bad), ["revision"]);
}

crate::on_both_databases!(
    a_save_from_an_older_revision_is_refused_and_nothing_is_undone,
    a_draft_at_the_bounds_is_stored_and_a_larger_body_is_refused,
    only_survey_drafts_may_send_a_large_body,
    every_forms_route_refuses_without_a_session,
    publishing_is_refused_with_every_problem_until_both_languages_exist,
    a_published_version_never_changes,
    a_question_code_is_never_reused_for_another_kind,
    a_retired_form_leaves_the_device_list_but_its_versions_are_still_served,
    a_device_that_is_up_to_date_gets_304,
    drafts_are_made_blank_or_copied_and_checked_by_path,
    every_forms_action_is_audited,
);
