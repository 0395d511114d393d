//! Events: the officer makes, edits, closes and reopens them (each audited), the server draws unique join
//! codes, draws the poster's QR code, and devices download what they need to join, with the exit PIN only
//! as a salted hash. Entries tagged with a closed or unknown event are still accepted and exported.

use reqwest::Method;
use serde_json::{json, Value};
use yoursay_core::event::{DeviceEvent, JoinCode, PinHash};

use crate::helpers::{fields, new_id, problem, view, TestApp, OFFICER};

const EVENTS: &str = "/api/v1/officer/events";

fn draft(surveys: &[&str]) -> Value {
    json!({
        "name": {"en": "Coffee and Catch up", "cy": "Coffi a Sgwrs"},
        "date": "2099-03-14",
        "place": "Neuadd y Dref, Llandudno",
        "surveys": surveys,
        "role": "foster_carer",
        "pass_the_tablet": true,
        "exit_pin": "4821",
        "hear_back_by": "2099-04-30"
    })
}

impl TestApp {
    /// Publishes a survey from a starting point, as an officer would.
    async fn publish_survey(&self, code: &str) {
        let made = self
            .send(
                Method::POST,
                "/api/v1/officer/forms",
                json!({"code": code, "from": {"starting_point": "coffee_catch_up"}}),
            )
            .await;
        assert_eq!(made.status(), 201);
        let published = self.send(Method::POST, &format!("/api/v1/officer/forms/{code}/publish"), json!({})).await;
        assert_eq!(published.status(), 201);
    }

    async fn new_event(&self, body: Value) -> Value {
        let response = self.send(Method::POST, EVENTS, body).await;
        assert_eq!(response.status(), 201);
        response.json().await.unwrap()
    }

    async fn device_event(&self, code: &str) -> reqwest::Response {
        reqwest::Client::new().get(self.url(&format!("/api/v1/events/{code}"))).send().await.unwrap()
    }
}

fn code_of(event: &Value) -> String {
    event["code"].as_str().unwrap().to_owned()
}

async fn an_event_is_made_edited_closed_and_reopened_and_every_step_audited(app: TestApp) {
    app.sign_in().await;
    app.publish_survey("coffee_nov").await;
    let made = app.new_event(draft(&["coffee_nov"])).await;
    let code = code_of(&made);
    JoinCode::parse(&code).expect("a join code");
    assert_eq!(
        (made["name"]["cy"].clone(), made["surveys"].clone(), made["role"].clone(), made["pass_the_tablet"].clone()),
        (json!("Coffi a Sgwrs"), json!(["coffee_nov"]), json!("foster_carer"), json!(true))
    );
    assert_eq!(
        (made["has_pin"].clone(), made["closed"].clone(), made["overdue"].clone()),
        (json!(true), json!(false), json!(false))
    );
    assert!(!made.to_string().contains("4821"), "the PIN is never sent back");

    let mut changed = draft(&[]);
    changed["place"] = json!("Canolfan Ieuenctid, Bangor");
    changed.as_object_mut().unwrap().remove("exit_pin");
    let edited = app.put_json(&format!("{EVENTS}/{}", code.to_lowercase()), changed).await;
    assert_eq!(
        (edited["place"].clone(), edited["surveys"].clone(), edited["has_pin"].clone()),
        (json!("Canolfan Ieuenctid, Bangor"), json!([]), json!(true)),
        "without exit_pin the PIN is kept"
    );
    assert_eq!(app.get_json(&format!("{EVENTS}/{code}")).await, edited);

    let closed = app.post_json(&format!("{EVENTS}/{code}/close"), json!({})).await;
    assert_eq!(closed["closed"], true);
    let reopened = app.post_json(&format!("{EVENTS}/{code}/reopen"), json!({})).await;
    assert_eq!(reopened["closed"], false);

    let actions: Vec<String> =
        app.audit_actions().await.into_iter().filter(|(a, _)| a == OFFICER).map(|(_, b)| b).collect();
    for action in ["event_create", "event_edit", "event_close", "event_reopen"] {
        assert!(actions.iter().any(|a| a == action), "{action} in {actions:?}");
    }
    let log = app.get_json("/api/v1/officer/audit?per_page=200").await;
    assert!(log["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["action"] == "event_create" && i["target"] == format!("event:{code}")));

    let missing = app.client.get(app.url(&format!("{EVENTS}/ACDEFG"))).send().await.unwrap();
    assert_eq!(missing.status(), 404);
}

async fn codes_are_unique_and_events_listed_upcoming_first_then_past(app: TestApp) {
    app.sign_in().await;
    let mut codes = std::collections::HashSet::new();
    for date in ["2099-05-01", "2020-01-10", "2099-02-01", "2021-06-01"] {
        let mut body = draft(&[]);
        body["date"] = json!(date);
        body["hear_back_by"] = json!(date);
        let event = app.new_event(body).await;
        assert!(codes.insert(code_of(&event)), "a code is never given twice");
    }
    let list = app.get_json(EVENTS).await;
    let dates: Vec<&str> = list["events"].as_array().unwrap().iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2099-02-01", "2099-05-01", "2021-06-01", "2020-01-10"]);
    assert_eq!(list["today"].as_str().unwrap().len(), 10);
    assert_eq!(app.count("events").await, 4);
}

async fn an_event_past_its_hear_back_day_without_a_published_response_is_overdue(app: TestApp) {
    app.sign_in().await;
    let mut past = draft(&[]);
    past["date"] = json!("2025-01-10");
    past["hear_back_by"] = json!("2025-02-01");
    let code = code_of(&app.new_event(past).await);
    let upcoming = code_of(&app.new_event(draft(&[])).await);
    let overdue = |list: &Value| -> Vec<(String, bool)> {
        list["events"].as_array().unwrap().iter().map(|e| (code_of(e), e["overdue"].as_bool().unwrap())).collect()
    };
    assert_eq!(overdue(&app.get_json(EVENTS).await), [(upcoming.clone(), false), (code.clone(), true)]);

    let response = json!({
        "you_said": {"en": "You said the room was too small.", "cy": "Dywedoch chi fod yr ystafell yn rhy fach."},
        "we_did": {"en": "We booked a bigger one.", "cy": "Rydyn ni wedi cadw un mwy."},
        "progress": "done", "events": [code.to_lowercase()]
    });
    let draft_response = app.post_json("/api/v1/officer/responses", response).await;
    assert_eq!(overdue(&app.get_json(EVENTS).await)[1], (code.clone(), true), "a draft does not count");
    let id = draft_response["id"].as_str().unwrap();
    app.post_json(&format!("/api/v1/officer/responses/{id}/publish"), json!({})).await;
    assert_eq!(overdue(&app.get_json(EVENTS).await), [(upcoming, false), (code, false)]);
}

async fn the_poster_qr_code_is_svg_of_the_join_address(app: TestApp) {
    app.sign_in().await;
    let code = code_of(&app.new_event(draft(&[])).await);
    let response = app.client.get(app.url(&format!("{EVENTS}/{code}/qr.svg"))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    assert_eq!(response.headers()["cache-control"], "no-store");
    let svg = response.text().await.unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..60.min(svg.len())]);
    assert!(svg.trim_end().ends_with("</svg>"));
    let host = app.address.trim_start_matches("http://");
    assert!(svg.contains(&format!("<title>http://{host}/event?code={code}</title>")), "{}", &svg[..200.min(svg.len())]);
    assert!(svg.contains("<path") || svg.contains("<rect"), "modules are drawn");

    let signed_out = reqwest::Client::new().get(app.url(&format!("{EVENTS}/{code}/qr.svg"))).send().await.unwrap();
    assert_eq!(signed_out.status(), 401);
    let unknown = app.client.get(app.url(&format!("{EVENTS}/AAAAAA/qr.svg"))).send().await.unwrap();
    assert_eq!(unknown.status(), 404);
}

async fn a_device_joins_by_code_in_any_case_and_gets_the_pin_only_as_a_hash(app: TestApp) {
    app.sign_in().await;
    app.publish_survey("coffee_nov").await;
    let code = code_of(&app.new_event(draft(&["coffee_nov"])).await);
    let typed = format!("{}-{}", code[..3].to_lowercase(), &code[3..]);
    let response = app.device_event(&typed).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-cache");
    let text = response.text().await.unwrap();
    assert!(!text.contains("4821"), "the PIN itself never leaves the server");
    let raw: Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = raw.as_object().unwrap().keys().map(String::as_str).collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["code", "date", "hear_back_by", "name", "pass_the_tablet", "pin", "place", "role", "surveys"]);
    let event: DeviceEvent = serde_json::from_str(&text).unwrap();
    assert_eq!(event.code.as_str(), code);
    assert_eq!(event.role, Some(yoursay_core::Role::FosterCarer));
    assert!(event.pass_the_tablet);
    assert_eq!(
        (event.surveys.len(), event.surveys[0].form.code.as_str(), event.surveys[0].version),
        (1, "coffee_nov", 1)
    );
    let catalogue = yoursay_core::catalogue::default_catalogue();
    event.surveys[0].restore(&catalogue).expect("the survey is the published version, hash and all");
    let pin: PinHash = event.pin.expect("a PIN hash");
    assert!(pin.check("4821") && !pin.check("1234"));
    assert_eq!((pin.salt.len(), pin.hash.len()), (32, 64));
    let stored: String =
        sqlx::Row::try_get(&sqlx::query("SELECT pin_hash FROM events").fetch_one(&app.pool).await.unwrap(), 0).unwrap();
    assert_eq!(stored, pin.hash, "the server stores only the hash");

    let mut without = draft(&[]);
    without["pass_the_tablet"] = json!(false);
    without.as_object_mut().unwrap().remove("exit_pin");
    let plain = code_of(&app.new_event(without).await);
    let plain: Value = app.device_event(&plain).await.json().await.unwrap();
    assert_eq!(
        (plain["pin"].clone(), plain["pass_the_tablet"].clone(), plain["surveys"].clone()),
        (Value::Null, json!(false), json!([]))
    );
}

async fn an_unknown_code_is_404_and_a_closed_event_410(app: TestApp) {
    app.sign_in().await;
    for unknown in ["AAAAAA", "COFFEE-NOV", "x"] {
        let body = problem(app.device_event(unknown).await, 404).await;
        assert_eq!(fields(&body), ["code"], "{unknown}");
        assert_eq!(body["errors"][0]["code"], "unknown_code");
    }
    let code = code_of(&app.new_event(draft(&[])).await);
    app.post_json(&format!("{EVENTS}/{code}/close"), json!({})).await;
    let gone = problem(app.device_event(&code).await, 410).await;
    assert_eq!(gone["detail"], "This event has ended.");
    app.post_json(&format!("{EVENTS}/{code}/reopen"), json!({})).await;
    assert_eq!(app.device_event(&code).await.status(), 200);
}

async fn entries_of_a_closed_or_unknown_event_are_still_accepted_and_exported(app: TestApp) {
    app.sign_in().await;
    let code = code_of(&app.new_event(draft(&[])).await);
    app.post_json(&format!("{EVENTS}/{code}/close"), json!({})).await;
    let (at_closed, at_unknown) = (new_id(), new_id());
    let mut late = view(&at_closed, "Sent weeks after the event closed");
    late["event"] = json!(code.to_lowercase());
    let mut old = view(&at_unknown, "Tagged with a code this server never made");
    old["event"] = json!("coffee-nov");
    let results = app.push_ok(&[late, old]).await;
    let statuses: Vec<&str> = results.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["accepted", "accepted"]);

    let csv = app.client.get(app.url(&format!("/api/v1/officer/export?format=csv&event={code}"))).send().await.unwrap();
    assert_eq!(csv.status(), 200);
    let rows = crate::helpers::parse_csv(&csv.text().await.unwrap());
    let event_column = rows[0].iter().position(|c| c.trim_start_matches('\u{feff}') == "event").unwrap();
    let id_column = rows[0].iter().position(|c| c.trim_start_matches('\u{feff}') == "entry_id").unwrap();
    assert_eq!(rows.len(), 2, "the header and the one entry of the event");
    assert_eq!((rows[1][id_column].as_str(), rows[1][event_column].as_str()), (at_closed.as_str(), code.as_str()));
}

async fn bad_input_is_refused_naming_each_field(app: TestApp) {
    app.sign_in().await;
    let mut extra = draft(&[]);
    extra["colour"] = json!("red");
    let refused = problem(app.send(Method::POST, EVENTS, extra).await, 400).await;
    assert_eq!(fields(&refused), ["colour"]);
    assert_eq!(refused["errors"][0]["code"], "unknown_field");

    let mut bad = draft(&["never_published"]);
    bad["name"]["cy"] = json!("  ");
    bad["exit_pin"] = json!("48a1");
    bad["hear_back_by"] = json!("2099-02-30");
    let refused = problem(app.send(Method::POST, EVENTS, bad).await, 400).await;
    assert_eq!(fields(&refused), ["name.cy", "hear_back_by", "surveys[0]", "exit_pin"]);

    let mut no_pin = draft(&[]);
    no_pin.as_object_mut().unwrap().remove("exit_pin");
    let refused = problem(app.send(Method::POST, EVENTS, no_pin).await, 400).await;
    assert_eq!(
        (fields(&refused), refused["errors"][0]["code"].clone()),
        (vec!["exit_pin".to_owned()], json!("missing"))
    );
    let mut wizard = draft(&[]);
    wizard["role"] = json!("wizard");
    let refused = problem(app.send(Method::POST, EVENTS, wizard).await, 400).await;
    assert_eq!((fields(&refused), refused["errors"][0]["code"].clone()), (vec!["role".to_owned()], json!("invalid")));
    let mut short = draft(&[]);
    short["exit_pin"] = json!("123");
    assert_eq!(fields(&problem(app.send(Method::POST, EVENTS, short).await, 400).await), ["exit_pin"]);
    assert_eq!(app.count("events").await, 0, "nothing refused was stored");

    let code = code_of(&app.new_event(draft(&[])).await);
    let mut edit = draft(&[]);
    edit["name"]["en"] = json!("");
    let refused = problem(app.send(Method::PUT, &format!("{EVENTS}/{code}"), edit).await, 400).await;
    assert_eq!(fields(&refused), ["name.en"]);
    assert_eq!(app.send(Method::PUT, &format!("{EVENTS}/AAAAAA"), draft(&[])).await.status(), 404);
}

async fn every_events_route_refuses_without_a_session(app: TestApp) {
    let client = reqwest::Client::new();
    for (method, path) in [
        (Method::GET, EVENTS.to_owned()),
        (Method::POST, EVENTS.to_owned()),
        (Method::GET, format!("{EVENTS}/K7MQ4X")),
        (Method::PUT, format!("{EVENTS}/K7MQ4X")),
        (Method::POST, format!("{EVENTS}/K7MQ4X/close")),
        (Method::POST, format!("{EVENTS}/K7MQ4X/reopen")),
        (Method::GET, format!("{EVENTS}/K7MQ4X/qr.svg")),
    ] {
        let response = client.request(method.clone(), app.url(&path)).json(&draft(&[])).send().await.unwrap();
        assert_eq!(response.status(), 401, "{method} {path}");
    }
}

crate::on_both_databases!(
    an_event_is_made_edited_closed_and_reopened_and_every_step_audited,
    codes_are_unique_and_events_listed_upcoming_first_then_past,
    an_event_past_its_hear_back_day_without_a_published_response_is_overdue,
    the_poster_qr_code_is_svg_of_the_join_address,
    a_device_joins_by_code_in_any_case_and_gets_the_pin_only_as_a_hash,
    an_unknown_code_is_404_and_a_closed_event_410,
    entries_of_a_closed_or_unknown_event_are_still_accepted_and_exported,
    bad_input_is_refused_naming_each_field,
    every_events_route_refuses_without_a_session,
);
