//! The officer's view of the data: export, results, catalogue changes, retention, risk flags.

use calamine::Reader;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{fields, new_id, parse_csv, problem, promise_codes, rating, view, TestApp, CREATED_AT};

const HOUR: i64 = 60 * 60 * 1000;

/// A known data set: a view with a formula-looking answer and two tags, a rating with two answers, and a
/// hidden view that must stay out of the export.
async fn known_data_set(app: &TestApp) -> (String, String) {
    let (v, r, hidden) = (
        "11111111-1111-4111-8111-111111111111".to_owned(),
        "22222222-2222-4222-a222-222222222222".to_owned(),
        new_id(),
    );
    let mut formula = view(&v, "=HYPERLINK(\"http://evil.example\", \"click\")\nand, \"more\"");
    formula["promises"] = json!(["support", "stable_home"]);
    formula["event"] = json!("coffee-nov");
    formula["role"] = json!("foster_carer");
    let mut rated = rating(&r, "social_worker", &[("equality", json!(4)), ("support", json!("dont_know"))]);
    rated["created_at"] = json!(CREATED_AT + HOUR);
    let results = app.push_ok(&[formula, rated, view(&hidden, "do not quote me")]).await;
    assert!(results.iter().all(|r| r["status"] == "accepted"), "{results:?}");
    app.post_json(&format!("/api/v1/officer/views/{hidden}/hide"), json!({})).await;
    (v, r)
}

async fn the_export_matches_the_expected_rows_in_csv_xlsx_and_from_the_cli(app: TestApp) {
    app.sign_in().await;
    let (v, r) = known_data_set(&app).await;

    let response = app
        .client
        .get(app.url("/api/v1/officer/export?format=csv&from=2025-10-01&to=2025-10-31"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"yoursay-export-"));
    let csv = response.bytes().await.unwrap().to_vec();
    let expected = format!(
        "\u{feff}entry_id,created_at,event,role,role_en,role_cy,age_band,age_band_en,age_band_cy,language,kind,service_code,service_en,service_cy,promise_code,promise_en,promise_cy,score,score_en,score_cy,text,survey,survey_version,question_code,question_en,question_cy,choice_code,choice_en,choice_cy\r\n\
         {v},2025-10-09T08:53:20Z,COFFEE-NOV,foster_carer,Foster carer,Gofalwr maeth,,,,en,view,,,,support; stable_home,Support; A stable home,Cefnogaeth; Cartref sefydlog,,,,\"'=HYPERLINK(\"\"http://evil.example\"\", \"\"click\"\")\nand, \"\"more\"\"\",,,,,,,,\r\n\
         {r},2025-10-09T09:53:20Z,,young_person,Young person in care,Person ifanc mewn gofal,11_15,11 to 15,11 i 15,cy,rating,social_worker,Social worker,Gweithiwr cymdeithasol,equality,Equality,Cydraddoldeb,4,Good,Da,,,,,,,,,\r\n\
         {r},2025-10-09T09:53:20Z,,young_person,Young person in care,Person ifanc mewn gofal,11_15,11 to 15,11 i 15,cy,rating,social_worker,Social worker,Gweithiwr cymdeithasol,support,Support,Cefnogaeth,dont_know,Don't know,Ddim yn gwybod,,,,,,,,,\r\n"
    );
    assert_eq!(String::from_utf8(csv.clone()).unwrap(), expected);

    let xlsx = app
        .client
        .get(app.url("/api/v1/officer/export?format=xlsx&from=2025-10-01&to=2025-10-31"))
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let xlsx = xlsx.bytes().await.unwrap().to_vec();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("Entries").unwrap();
    let from_xlsx: Vec<Vec<String>> = sheet.rows().map(|row| row.iter().map(|c| c.to_string()).collect()).collect();
    let csv_text = String::from_utf8(csv.clone()).unwrap();
    let from_csv = parse_csv(csv_text.trim_start_matches('\u{feff}'));
    assert_eq!(from_xlsx, from_csv);
    assert_eq!(from_csv.len(), 4);

    // Filters narrow it: only ratings, or a day with nothing.
    let ratings =
        app.client.get(app.url("/api/v1/officer/export?kind=rating")).send().await.unwrap().text().await.unwrap();
    assert_eq!(parse_csv(&ratings).len(), 3);
    let none =
        app.client.get(app.url("/api/v1/officer/export?from=2025-10-10")).send().await.unwrap().text().await.unwrap();
    assert_eq!(parse_csv(&none).len(), 1);
    let bad = app.client.get(app.url("/api/v1/officer/export?format=pdf&from=10/10/2025")).send().await.unwrap();
    assert_eq!(problem(bad, 400).await["errors"][0]["field"], "format");

    // The command line writes the same bytes.
    let out = app.app_dir.path().join("export.csv");
    app.export_with_cli(&["--from", "2025-10-01", "--to", "2025-10-31", "--format", "csv"], &out);
    assert_eq!(std::fs::read(&out).unwrap(), csv);
    let log = app.get_json("/api/v1/officer/audit").await;
    let exports: Vec<&Value> = log["items"].as_array().unwrap().iter().filter(|i| i["action"] == "export").collect();
    assert_eq!(exports[0]["actor"], "cli");
    assert_eq!(exports[0]["detail"], "3 rows; from=2025-10-01 to=2025-10-31");

    // Every filter of the console's export is on the command line too: the age band narrows it the same.
    let by_age = app.client.get(app.url("/api/v1/officer/export?age_band=11_15")).send().await.unwrap();
    let by_age = by_age.bytes().await.unwrap().to_vec();
    assert_eq!(
        parse_csv(std::str::from_utf8(&by_age).unwrap().trim_start_matches('\u{feff}')).len(),
        3,
        "the rating's two rows"
    );
    app.export_with_cli(&["--age-band", "11_15"], &out);
    assert_eq!(std::fs::read(&out).unwrap(), by_age);
}

async fn results_count_per_promise_and_service_and_suppress_small_cells(app: TestApp) {
    let mut batch = Vec::new();
    for score in [4, 4, 5, 5, 5, 5] {
        batch.push(rating(&new_id(), "social_worker", &[("equality", json!(score))]));
    }
    batch.push(rating(&new_id(), "housing", &[("equality", json!("dont_know")), ("support", json!(3))]));
    app.push_ok(&batch).await;
    app.sign_in().await;

    let results = app.get_json("/api/v1/officer/results").await;
    assert_eq!(results["min_cell"], 5);
    let equality = &results["by_promise"][0];
    assert_eq!(equality["code"], "equality");
    // 2 × "good" and 1 × "don't know" are small; 7 answers in all are shown, so 4 × "really good" would
    // give the small ones' sum away only as a pair: two hidden, nothing more withheld.
    assert_eq!(equality["tally"]["scores"], json!([{"shown": 0}, {"shown": 0}, {"shown": 0}, "small", "small"]));
    assert_eq!(equality["tally"]["dont_know"], "small");
    assert_eq!(equality["tally"]["total"], json!({"shown": 7}));
    assert_eq!(equality["tally"]["percentages"]["scores"], json!([0.0, 0.0, 0.0, null, null]));

    let support = results["by_promise"].as_array().unwrap().iter().find(|p| p["code"] == "support").unwrap();
    assert_eq!(support["tally"]["total"], "small");
    assert_eq!(support["tally"]["percentages"], Value::Null);

    let service =
        |code: &str| results["by_service"].as_array().unwrap().iter().find(|s| s["code"] == code).unwrap().clone();
    // The social worker's 6 answers are all of equality's but housing's 1: 7 − 6 would give it away.
    assert_eq!(service("social_worker")["tally"]["total"], "withheld");
    assert_eq!(service("social_worker")["ratings"], "withheld");
    assert_eq!(service("housing")["ratings"], "small");
    assert_eq!(service("housing")["tally"]["total"], "small");

    let cells = results["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 3);
    assert_eq!((cells[0]["service"].as_str(), cells[0]["promise"].as_str()), (Some("social_worker"), Some("equality")));
    assert_no_small_number_shown(&results, 5);

    let lower = app.get_json("/api/v1/officer/results?min_cell=1&role=young_person").await;
    assert_eq!(service_of(&lower, "housing")["tally"]["total"], json!({"shown": 2}));
    let none = app.get_json("/api/v1/officer/results?role=care_leaver").await;
    assert_eq!(none["by_promise"][0]["tally"]["total"], json!({"shown": 0}));
    let bad = app.client.get(app.url("/api/v1/officer/results?min_cell=0&role=teacher")).send().await.unwrap();
    let body = problem(bad, 400).await;
    assert_eq!(fields(&body), ["role"]);
}

/// Crafted so that the old page gave a hidden cell away: social worker × equality is 6 "really good",
/// 5 "good" and 2 "really bad" (13 in all), so 13 − 6 − 5 = 2 unless one more count is withheld; and the
/// promise's own "really bad" equals that cell's, so it must not be shown either.
async fn results_withhold_what_would_give_a_small_count_away(app: TestApp) {
    let mut batch = Vec::new();
    for (service, score, times) in [
        ("social_worker", json!(5), 6),
        ("social_worker", json!(4), 5),
        ("social_worker", json!(1), 2),
        ("housing", json!(5), 7),
        ("housing", json!("dont_know"), 5),
    ] {
        for _ in 0..times {
            batch.push(rating(&new_id(), service, &[("equality", score.clone())]));
        }
    }
    app.push_ok(&batch).await;
    app.sign_in().await;
    let results = app.get_json("/api/v1/officer/results").await;
    assert_no_small_number_shown(&results, 5);

    let cell = |service: &str| {
        results["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["service"] == service && c["promise"] == "equality")
            .unwrap()["tally"]
            .clone()
    };
    let social_worker = cell("social_worker");
    assert_eq!(social_worker["scores"][0], "small");
    assert_eq!(social_worker["scores"][3], "withheld", "the smallest other count goes with the small one");
    assert_eq!(social_worker["scores"][4], json!({"shown": 6}));
    assert_eq!(social_worker["total"], json!({"shown": 13}));
    assert_eq!(social_worker["percentages"]["scores"], json!([null, 0.0, 0.0, null, 46.2]));
    let equality = &results["by_promise"][0]["tally"];
    assert_eq!(equality["scores"][0], "small", "the promise's own count is the cell's");
    assert_eq!(equality["total"], json!({"shown": 25}));

    // Shown above the threshold, the same data is all there.
    let lower = app.get_json("/api/v1/officer/results?min_cell=1").await;
    assert_eq!(lower["by_promise"][0]["tally"]["scores"][0], json!({"shown": 2}));
}

/// Ratings of equality for the social worker: `(score, times, created_at, age_band)`.
fn ratings_of_equality(rows: &[(Value, usize, i64, &str)]) -> Vec<Value> {
    let mut batch = Vec::new();
    for (score, times, at, age) in rows {
        for _ in 0..*times {
            let mut r = rating(&new_id(), "social_worker", &[("equality", score.clone())]);
            r["created_at"] = json!(at);
            r["age_band"] = json!(age);
            batch.push(r);
        }
    }
    batch
}

fn equality_tally(results: &Value) -> Value {
    results["by_promise"].as_array().unwrap().iter().find(|p| p["code"] == "equality").unwrap()["tally"].clone()
}

async fn results_filter_by_age_band(app: TestApp) {
    app.push_ok(&ratings_of_equality(&[
        (json!(5), 6, CREATED_AT, "16_18"),
        (json!(4), 2, CREATED_AT, "16_18"),
        (json!(1), 7, CREATED_AT, "11_15"),
        (json!(3), 5, CREATED_AT, "4_7"),
    ]))
    .await;
    app.sign_in().await;

    let all = equality_tally(&app.get_json("/api/v1/officer/results").await);
    assert_eq!(all["total"], json!({"shown": 20}));
    let older = app.get_json("/api/v1/officer/results?age_band=16_18").await;
    let tally = equality_tally(&older);
    assert_eq!(tally["scores"], json!([{"shown": 0}, {"shown": 0}, {"shown": 0}, "small", "withheld"]));
    assert_eq!(tally["total"], json!({"shown": 8}));
    assert_no_small_number_shown(&older, 5);
    let younger = equality_tally(&app.get_json("/api/v1/officer/results?age_band=11_15&role=young_person").await);
    assert_eq!(younger["scores"][0], json!({"shown": 7}));
    assert_eq!(younger["total"], json!({"shown": 7}));
    let lower = equality_tally(&app.get_json("/api/v1/officer/results?age_band=16_18&min_cell=1").await);
    assert_eq!(lower["scores"][3], json!({"shown": 2}));
    let nobody = equality_tally(&app.get_json("/api/v1/officer/results?age_band=26_plus").await);
    assert_eq!(nobody["total"], json!({"shown": 0}));

    // An unknown band, or a band written as words, is refused by name; so is the inbox's.
    for path in ["/api/v1/officer/results?age_band=12_14", "/api/v1/officer/views?age_band=sixteen"] {
        let bad = app.client.get(app.url(path)).send().await.unwrap();
        let body = problem(bad, 400).await;
        assert_eq!(fields(&body), ["age_band"], "{path}");
        assert_eq!(body["errors"][0]["code"], "unknown_value");
    }
}

/// October 2025 against September 2025 (whole months), with entries just outside both; September has a
/// count under the threshold, October does not, and each period is suppressed on its own.
async fn results_compare_with_the_previous_period(app: TestApp) {
    const DAY: i64 = 24 * HOUR;
    // CREATED_AT is 2025-10-09 08:53 UTC.
    let (october, september) = (CREATED_AT, CREATED_AT - 20 * DAY);
    let (august_31, november_1) = (CREATED_AT - 39 * DAY, CREATED_AT + 23 * DAY);
    app.push_ok(&ratings_of_equality(&[
        (json!(5), 6, october, "16_18"),
        (json!(4), 6, october, "16_18"),
        (json!(1), 6, october, "11_15"),
        (json!(5), 5, september, "16_18"),
        (json!(2), 2, september, "16_18"),
        (json!(3), 6, september, "16_18"),
        (json!(1), 9, august_31, "16_18"),
        (json!(1), 9, november_1, "16_18"),
    ]))
    .await;
    app.sign_in().await;

    let results = app.get_json("/api/v1/officer/results?from=2025-10-01&to=2025-10-31&compare=previous").await;
    assert_eq!(results["period"], json!({"from": "2025-10-01", "to": "2025-10-31"}));
    assert_eq!(results["previous"]["period"], json!({"from": "2025-09-01", "to": "2025-09-30"}));
    let now = equality_tally(&results);
    assert_eq!(now["scores"], json!([{"shown": 6}, {"shown": 0}, {"shown": 0}, {"shown": 6}, {"shown": 6}]));
    assert_eq!(now["total"], json!({"shown": 18}));
    let then = equality_tally(&results["previous"]);
    // The 2 is small, and the smallest other count (the 5 "really good") goes with it.
    assert_eq!(then["scores"], json!([{"shown": 0}, "small", {"shown": 6}, {"shown": 0}, "withheld"]));
    assert_eq!(then["total"], json!({"shown": 13}));
    assert_eq!(then["percentages"]["scores"], json!([0.0, null, 46.2, 0.0, null]));
    assert_no_small_number_shown(&results, 5);
    assert_no_small_number_shown(&results["previous"], 5);

    // Without `compare` there is no previous period; the filters apply to both periods alike.
    let alone = app.get_json("/api/v1/officer/results?from=2025-10-01&to=2025-10-31").await;
    assert!(alone.get("previous").is_none());
    assert_eq!(equality_tally(&alone), now);
    let older =
        app.get_json("/api/v1/officer/results?from=2025-10-01&to=2025-10-31&compare=previous&age_band=16_18").await;
    assert_eq!(equality_tally(&older)["total"], json!({"shown": 12}));
    assert_eq!(equality_tally(&older["previous"])["total"], json!({"shown": 13}));

    // A week that is not whole months: the seven days before it (1 to 7 October: nothing; 2 October
    // onwards catches the October entries).
    let week = app.get_json("/api/v1/officer/results?from=2025-10-09&to=2025-10-15&compare=previous").await;
    assert_eq!(week["previous"]["period"], json!({"from": "2025-10-02", "to": "2025-10-08"}));
    assert_eq!(equality_tally(&week)["total"], json!({"shown": 18}));
    assert_eq!(equality_tally(&week["previous"])["total"], json!({"shown": 0}));
    // Down to one: the previous period's small count is shown.
    let low = app.get_json("/api/v1/officer/results?from=2025-10-01&to=2025-10-31&compare=previous&min_cell=1").await;
    assert_eq!(equality_tally(&low["previous"])["scores"][1], json!({"shown": 2}));
}

async fn results_refuse_bad_compare_and_age_band_parameters(app: TestApp) {
    app.sign_in().await;
    for (query, expected) in [
        ("compare=previous", vec!["from", "to"]),
        ("compare=previous&from=2025-10-01", vec!["to"]),
        ("compare=previous&to=2025-10-31", vec!["from"]),
        ("compare=next&from=2025-10-01&to=2025-10-31", vec!["compare"]),
        ("compare=previous&from=2025-10-31&to=2025-10-01", vec!["to"]),
        ("compare=previous&from=1-10-2025&to=2025-10-31", vec!["from"]),
        ("age_band=adult&role=teacher", vec!["role", "age_band"]),
    ] {
        let response = app.client.get(app.url(&format!("/api/v1/officer/results?{query}"))).send().await.unwrap();
        let body = problem(response, 400).await;
        assert_eq!(fields(&body), expected, "{query}");
    }
    let empty = app.get_json("/api/v1/officer/results?compare=&age_band=").await;
    assert!(empty.get("previous").is_none(), "an empty select means no comparison");
}

/// No count from 1 to `min − 1` anywhere; no tally, and no score across a promise's or a service's pairs,
/// with exactly one hidden number (it could be worked out by subtraction).
fn assert_no_small_number_shown(results: &Value, min: u64) {
    fn walk(v: &Value, min: u64) {
        match v {
            Value::Object(map) => {
                if let Some(n) = map.get("shown").and_then(Value::as_u64) {
                    assert!(n == 0 || n >= min, "a count of {n} is shown: {v}");
                }
                map.values().for_each(|v| walk(v, min));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, min)),
            _ => {}
        }
    }
    walk(results, min);
    let parts = |tally: &Value| -> Vec<Value> {
        let mut p: Vec<Value> = tally["scores"].as_array().unwrap().clone();
        p.push(tally["dont_know"].clone());
        p.push(tally["total"].clone());
        p
    };
    let hidden = |v: &Value| v.is_string();
    let cells = results["cells"].as_array().unwrap();
    for row in results["by_promise"].as_array().unwrap().iter().chain(results["by_service"].as_array().unwrap()) {
        let mine = parts(&row["tally"]);
        assert_ne!(mine.iter().filter(|v| hidden(v)).count(), 1, "one hidden in {row}");
        let code = row["code"].as_str().unwrap();
        let pairs: Vec<Vec<Value>> =
            cells.iter().filter(|c| c["promise"] == code || c["service"] == code).map(|c| parts(&c["tally"])).collect();
        if pairs.is_empty() {
            continue;
        }
        for i in 0..7 {
            let line = pairs.iter().map(|p| &p[i]).chain([&mine[i]]);
            assert_ne!(line.filter(|v| hidden(v)).count(), 1, "one hidden in column {i} of {code}");
        }
    }
}

fn service_of(results: &Value, code: &str) -> Value {
    results["by_service"].as_array().unwrap().iter().find(|s| s["code"] == code).unwrap().clone()
}

async fn catalogue_edits_bump_the_version_and_keep_old_ratings_codes(app: TestApp) {
    let old = new_id();
    app.push_ok(&[rating(&old, "housing", &[("equality", json!(2))])]).await;
    app.sign_in().await;

    let catalogue = app.post_json("/api/v1/officer/catalogue/services/housing/retire", json!({})).await;
    assert_eq!(catalogue["version"], 2);
    let housing = catalogue["services"].as_array().unwrap().iter().find(|s| s["code"] == "housing").unwrap();
    assert_eq!(housing["retired"], true);

    let public: Value = app.client.get(app.url("/api/v1/catalogue")).send().await.unwrap().json().await.unwrap();
    assert_eq!(public["version"], 2);

    let words =
        json!({"name": {"en": "Homes", "cy": "Cartrefi"}, "line": {"en": "Where you live", "cy": "Lle rwyt ti'n byw"}});
    let catalogue = app.put_json("/api/v1/officer/catalogue/services/housing", words).await;
    assert_eq!(catalogue["version"], 3);

    let export = app.client.get(app.url("/api/v1/officer/export")).send().await.unwrap().text().await.unwrap();
    let rows = parse_csv(export.trim_start_matches('\u{feff}'));
    assert_eq!(rows[1][0], old);
    assert_eq!(rows[1][11..14], ["housing", "Homes", "Cartrefi"]);

    // An offline device may still send a rating for a retired service.
    let late = app.push_ok(&[rating(&new_id(), "housing", &[("equality", json!(3))])]).await;
    assert_eq!(late[0]["status"], "accepted");

    let new_promise = json!({"code": "listened_to", "name": {"en": "Listened to", "cy": "Cael fy nghlywed"},
                             "line": {"en": "Adults listen to you", "cy": "Mae oedolion yn gwrando arnat ti"}});
    let response = app.send(Method::POST, "/api/v1/officer/catalogue/promises", new_promise.clone()).await;
    assert_eq!(response.status(), 201);
    let catalogue: Value = response.json().await.unwrap();
    assert_eq!(catalogue["version"], 4);
    assert_eq!(catalogue["promises"][11]["code"], "listened_to");

    let again = problem(app.send(Method::POST, "/api/v1/officer/catalogue/promises", new_promise).await, 400).await;
    assert_eq!(again["errors"][0]["field"], "code");
    assert_eq!(again["errors"][0]["code"], "duplicate");
    let bad = json!({"code": "Bad Code", "name": {"en": "X", "cy": " "}, "line": {"en": "x", "cy": "y"}});
    let body = problem(app.send(Method::POST, "/api/v1/officer/catalogue/services", bad).await, 400).await;
    assert_eq!(fields(&body), ["code", "name.cy"]);
    problem(app.send(Method::POST, "/api/v1/officer/catalogue/services/nope/retire", json!({})).await, 404).await;
    problem(app.send(Method::POST, "/api/v1/officer/catalogue/dragons/housing/retire", json!({})).await, 404).await;

    let restored = app.post_json("/api/v1/officer/catalogue/services/housing/restore", json!({})).await;
    assert_eq!(restored["version"], 5);
    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(_, a)| a).collect();
    for a in ["catalogue_retire", "catalogue_edit", "catalogue_add", "catalogue_restore"] {
        assert!(actions.contains(&a.to_owned()), "{a} in {actions:?}");
    }
}

async fn catalogue_names_every_problem_at_once_and_refuses_a_name_already_used(app: TestApp) {
    app.sign_in().await;
    // Both languages empty: both named in one answer, not the English one first.
    let empty = json!({"code": "new_one", "name": {"en": " ", "cy": ""}, "line": {"en": "", "cy": ""}});
    let body = problem(app.send(Method::POST, "/api/v1/officer/catalogue/services", empty).await, 400).await;
    assert_eq!(fields(&body), ["name.en", "name.cy", "line.en", "line.cy"]);

    // "Housing" is a service already (and "Tai" its Welsh): the same name in either language, in any case,
    // would be two identical choices on the phone.
    let twin = |en: &str, cy: &str| json!({"code": "housing_two", "name": {"en": en, "cy": cy}, "line": {"en": "Where you live", "cy": "Lle rwyt ti'n byw"}});
    let body =
        problem(app.send(Method::POST, "/api/v1/officer/catalogue/services", twin(" housing ", "Cartrefi")).await, 400)
            .await;
    assert_eq!(fields(&body), ["name.en"]);
    assert_eq!(body["errors"][0]["code"], "duplicate");
    let body =
        problem(app.send(Method::POST, "/api/v1/officer/catalogue/services", twin("Homes", "TAI")).await, 400).await;
    assert_eq!(fields(&body), ["name.cy"]);
    // A retired item's name still counts: it is in past results under that name.
    app.post_json("/api/v1/officer/catalogue/services/housing/retire", json!({})).await;
    problem(app.send(Method::POST, "/api/v1/officer/catalogue/services", twin("Housing", "Cartrefi")).await, 400).await;
    // A promise may share a service's name: they are never offered side by side.
    let promise =
        json!({"code": "housing_promise", "name": {"en": "Housing", "cy": "Tai"}, "line": {"en": "x", "cy": "y"}});
    assert_eq!(app.send(Method::POST, "/api/v1/officer/catalogue/promises", promise).await.status(), 201);

    // Renaming to another item's name is refused; keeping one's own name, or changing only its line, is not.
    let catalogue: Value = app.client.get(app.url("/api/v1/catalogue")).send().await.unwrap().json().await.unwrap();
    let services: Vec<&Value> =
        catalogue["services"].as_array().unwrap().iter().filter(|s| s["code"] != "housing").collect();
    let (first, second) = (services[0], services[1]);
    let rename = json!({"name": first["name"], "line": second["line"]});
    let path = format!("/api/v1/officer/catalogue/services/{}", second["code"].as_str().unwrap());
    let body = problem(app.send(Method::PUT, &path, rename).await, 400).await;
    assert_eq!(fields(&body), ["name.en", "name.cy"]);
    let keep = json!({"name": second["name"], "line": {"en": "New line", "cy": "Llinell newydd"}});
    let kept = app.put_json(&path, keep).await;
    let after = kept["services"].as_array().unwrap().iter().find(|s| s["code"] == second["code"]).unwrap().clone();
    assert_eq!(after["line"]["cy"], "Llinell newydd");
}

async fn the_charter_statement_is_added_edited_checked_and_removed(app: TestApp) {
    app.sign_in().await;
    let we_will = json!({"en": "We will listen to you and take you seriously.", "cy": "Byddwn yn gwrando arnat ti ac yn dy gymryd o ddifrif."});
    let item = json!({"code": "taken_seriously", "name": {"en": "Taken seriously", "cy": "Cael fy nghymryd o ddifrif"},
                      "line": {"en": "Adults act on what you say", "cy": "Mae oedolion yn gweithredu ar beth rwyt ti'n ei ddweud"},
                      "statement": we_will});
    let response = app.send(Method::POST, "/api/v1/officer/catalogue/promises", item).await;
    assert_eq!(response.status(), 201);
    let public: Value = app.client.get(app.url("/api/v1/catalogue")).send().await.unwrap().json().await.unwrap();
    let added = public["promises"].as_array().unwrap().iter().find(|p| p["code"] == "taken_seriously").unwrap().clone();
    assert_eq!(added["statement"], we_will);

    // Checked like the other words: both languages, at most 600 characters, every problem named at once.
    let half = json!({"code": "half_said", "name": {"en": "Half", "cy": "Hanner"}, "line": {"en": "x", "cy": "y"},
                      "statement": {"en": "We will try.", "cy": "  "}});
    let body = problem(app.send(Method::POST, "/api/v1/officer/catalogue/promises", half).await, 400).await;
    assert_eq!(fields(&body), ["statement.cy"]);
    assert_eq!(body["errors"][0]["code"], "empty");
    let long = json!({"name": {"en": "Taken seriously", "cy": ""}, "line": {"en": "x", "cy": "y"},
                      "statement": {"en": "w".repeat(601), "cy": "Byddwn."}});
    let body =
        problem(app.send(Method::PUT, "/api/v1/officer/catalogue/promises/taken_seriously", long).await, 400).await;
    assert_eq!(fields(&body), ["name.cy", "statement.en"]);
    assert_eq!(body["errors"][1]["code"], "too_long");
    let not_text =
        json!({"name": {"en": "A", "cy": "B"}, "line": {"en": "x", "cy": "y"}, "statement": {"en": "We will."}});
    problem(app.send(Method::PUT, "/api/v1/officer/catalogue/promises/taken_seriously", not_text).await, 400).await;
    assert!(!fields(
        &problem(app.send(Method::POST, "/api/v1/officer/catalogue/promises", json!({"code": "x"})).await, 400).await
    )
    .is_empty());

    // A rating given under the first words keeps its code through every change.
    let rated = new_id();
    app.push_ok(&[rating(&rated, "social_worker", &[("taken_seriously", json!(4))])]).await;

    // Edited (trimmed, stored in both languages), on an existing promise too.
    let edited = json!({"name": {"en": "Taken seriously", "cy": "Cael fy nghymryd o ddifrif"}, "line": {"en": "x", "cy": "y"},
                        "statement": {"en": " We will act on what you tell us. ", "cy": "Byddwn yn gweithredu ar beth rwyt ti'n ei ddweud wrthon ni."}});
    let catalogue = app.put_json("/api/v1/officer/catalogue/promises/taken_seriously", edited).await;
    let after =
        catalogue["promises"].as_array().unwrap().iter().find(|p| p["code"] == "taken_seriously").unwrap().clone();
    assert_eq!(after["statement"]["en"], "We will act on what you tell us.");
    assert_eq!(after["statement"]["cy"], "Byddwn yn gweithredu ar beth rwyt ti'n ei ddweud wrthon ni.");
    let equality = catalogue["promises"][0].clone();
    let mut words = json!({"name": equality["name"], "line": equality["line"],
                           "statement": {"en": "We will treat you fairly.", "cy": "Byddwn yn dy drin yn deg."}});
    let catalogue = app
        .put_json(&format!("/api/v1/officer/catalogue/promises/{}", equality["code"].as_str().unwrap()), words.clone())
        .await;
    assert_eq!(catalogue["promises"][0]["statement"]["cy"], "Byddwn yn dy drin yn deg.");

    // Sending the words without a statement removes it.
    words.as_object_mut().unwrap().remove("statement");
    let catalogue = app
        .put_json(&format!("/api/v1/officer/catalogue/promises/{}", equality["code"].as_str().unwrap()), words)
        .await;
    assert!(catalogue["promises"][0].get("statement").is_none_or(Value::is_null), "{}", catalogue["promises"][0]);

    let export =
        app.client.get(app.url("/api/v1/officer/export?kind=rating")).send().await.unwrap().text().await.unwrap();
    let rows = parse_csv(export.trim_start_matches('\u{feff}'));
    let row = rows.iter().find(|r| r[0] == rated).expect("the rating is exported");
    assert_eq!(row[14], "taken_seriously");
    // The history keeps the words of every version: the add and the edit.
    assert_eq!(app.count("catalogue_history WHERE code = 'taken_seriously'").await, 2);
}

async fn retention_deletes_entries_older_than_the_setting(app: TestApp) {
    let now = yoursay_server::clock::now_ms();
    let (old, recent) = (new_id(), new_id());
    let mut old_rating = rating(&old, "housing", &[("equality", json!(1))]);
    old_rating["created_at"] = json!(1_706_745_600_000i64); // 2024-02-01
    let mut recent_view = view(&recent, "still here");
    recent_view["created_at"] = json!(now - 24 * HOUR);
    app.push_ok(&[old_rating, recent_view]).await;
    app.sign_in().await;

    app.put_json("/api/v1/officer/settings", json!({"retention_months": 12})).await;
    let run = app.post_json("/api/v1/officer/retention/run", json!({})).await;
    assert_eq!(run["deleted"], 1);
    assert_eq!(app.count("entries").await, 1);
    assert_eq!(app.count("rating_answers").await, 0);
    let log = app.get_json("/api/v1/officer/audit").await;
    let item = &log["items"][0];
    assert_eq!(item["action"], "retention_run");
    assert!(item["detail"].as_str().unwrap().starts_with("deleted 1 entries"), "{item}");

    let again = app.post_json("/api/v1/officer/retention/run", json!({})).await;
    assert_eq!(again["deleted"], 0);
}

/// The privacy notices on a device state the retention period the officer set, read without signing in.
async fn the_public_notice_states_the_retention_period_the_officer_set(app: TestApp) {
    let notice = |client: reqwest::Client| {
        let url = app.url("/api/v1/notice");
        async move { client.get(url).send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let device = reqwest::Client::new();
    assert_eq!(notice(device.clone()).await, json!({"retention_months": 24}), "the default before any setting");

    app.sign_in().await;
    app.put_json("/api/v1/officer/settings", json!({"retention_months": 18})).await;
    assert_eq!(notice(device.clone()).await, json!({"retention_months": 18}), "what the officer set, for everyone");

    let refused = app.client.post(app.url("/api/v1/notice")).body("{}").send().await.unwrap();
    assert_eq!(refused.status(), 405, "read-only");
}

async fn risk_words_in_welsh_and_english_flag_views_and_rank_them_first(app: TestApp) {
    let (welsh, english, calm) = (new_id(), new_id(), new_id());
    let mut w = view(&welsh, "Mae o wedi fy mrifo i");
    w["language"] = json!("cy");
    let mut e = view(&english, "I do not feel SAFE... actually I feel unsafe at home");
    e["created_at"] = json!(CREATED_AT + HOUR);
    let mut c = view(&calm, "Great trip to the beach, thank you");
    c["created_at"] = json!(CREATED_AT + 2 * HOUR);
    app.push_ok(&[w, e, c]).await;
    app.sign_in().await;

    let inbox = app.get_json("/api/v1/officer/views").await;
    let ids: Vec<&str> = inbox["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [english.as_str(), welsh.as_str(), calm.as_str()], "flagged first, then newest");
    assert_eq!(inbox["items"][0]["flag_words"], json!(["unsafe"]));
    assert_eq!(inbox["items"][1]["flag_words"], json!(["mrifo"]));
    assert_eq!(inbox["items"][2]["flagged"], false);
    assert_eq!(inbox["items"][2]["status"], "new");

    let flagged = app.get_json("/api/v1/officer/views?status=flagged&language=cy").await;
    assert_eq!(flagged["total"], 1);
    assert_eq!(flagged["items"][0]["id"], welsh.as_str());

    let followed = app.post_json(&format!("/api/v1/officer/views/{english}/follow-up"), json!({})).await;
    assert_eq!(followed["followed_up"], true);
    let inbox = app.get_json("/api/v1/officer/views?per_page=2").await;
    assert_eq!(inbox["total"], 3);
    assert_eq!(inbox["items"][0]["id"], welsh.as_str());
    assert_eq!(inbox["items"][1]["id"], calm.as_str(), "followed up: back in date order");

    let mut words = app.get_json("/api/v1/officer/keywords").await;
    assert!(words["cy"].as_array().unwrap().contains(&json!("eisiau marw")));
    words["en"].as_array_mut().unwrap().push(json!("  Beach "));
    let stored = app.put_json("/api/v1/officer/keywords", words).await;
    assert!(stored["en"].as_array().unwrap().contains(&json!("beach")));
    let calm_now = app.get_json("/api/v1/officer/views?status=flagged").await;
    let ids: Vec<&str> = calm_now["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [calm.as_str(), welsh.as_str()]);

    let hidden = app.post_json(&format!("/api/v1/officer/views/{calm}/hide"), json!({})).await;
    assert_eq!(hidden["status"], "hidden");
    let bad = app.client.get(app.url("/api/v1/officer/views?status=odd&per_page=500")).send().await.unwrap();
    assert_eq!(fields(&problem(bad, 400).await), ["status"]);
}

async fn contact_details_reach_the_inbox_only_when_given_and_never_the_export(app: TestApp) {
    let (anonymous, asked) = (new_id(), new_id());
    let mut v = view(&asked, "Please can someone call me about my placement");
    v["contact"] = json!({"name": " Sam ", "how": "07700 900123"});
    app.push_ok(&[view(&anonymous, "No name here"), v]).await;
    let mut half = view(&new_id(), "half");
    half["contact"] = json!({"name": "Sam"});
    let refused = app.push_ok(&[half]).await;
    assert_eq!(refused[0]["status"], "refused", "contact details need both a name and a way to reach them");
    app.sign_in().await;

    let inbox = app.get_json("/api/v1/officer/views").await;
    let by_id = |id: &str| inbox["items"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap().clone();
    assert_eq!(by_id(&asked)["contact"], json!({"name": "Sam", "how": "07700 900123"}));
    assert_eq!(by_id(&anonymous)["contact"], Value::Null);

    let csv = app.client.get(app.url("/api/v1/officer/export?format=csv")).send().await.unwrap().text().await.unwrap();
    assert!(csv.contains(&asked), "the view is exported");
    assert!(!csv.contains("07700 900123"), "contact details stay out of the export");
}

/// An export far larger than one chunk of the stream: 240 ratings of eleven promises and 60 tagged views,
/// in order, every row once, the same in CSV, XLSX and from the command line, and audited once each.
async fn a_large_export_streams_every_row_once_in_order(app: TestApp) {
    let promises = promise_codes();
    let mut entries = Vec::new();
    for i in 0..300_i64 {
        let id = new_id();
        let mut entry = if i % 5 == 0 {
            let mut v = view(&id, &format!("View number {i}, with a comma"));
            v["promises"] = json!([promises[i as usize % 11]]);
            v
        } else {
            let answers: Vec<(&str, Value)> = promises
                .iter()
                .enumerate()
                .map(|(p, code)| {
                    (code.as_str(), if p == 10 { json!("dont_know") } else { json!(1 + (i as usize + p) % 5) })
                })
                .collect();
            rating(&id, "health", &answers)
        };
        entry["created_at"] = json!(CREATED_AT + i * 1000);
        entries.push(entry);
    }
    for batch in entries.chunks(50) {
        app.push_ok(batch).await;
    }
    app.sign_in().await;
    let csv = app.client.get(app.url("/api/v1/officer/export")).send().await.unwrap().bytes().await.unwrap().to_vec();
    assert!(csv.len() > 3 * 64 * 1024, "{} bytes: more than a few chunks", csv.len());
    let text = String::from_utf8(csv.clone()).unwrap();
    let rows = parse_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 1 + 60 + 240 * 11);
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    let mut expected: Vec<&str> = Vec::new();
    for e in &entries {
        let n = e["answers"].as_array().map_or(1, Vec::len);
        expected.extend(std::iter::repeat_n(e["id"].as_str().unwrap(), n));
    }
    assert_eq!(ids, expected, "oldest first, each answer once");
    assert!(rows.iter().all(|r| r.len() == yoursay_server::export::COLUMNS));

    let xlsx = app.client.get(app.url("/api/v1/officer/export?format=xlsx")).send().await.unwrap();
    let xlsx = xlsx.bytes().await.unwrap().to_vec();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("Entries").unwrap();
    let from_xlsx: Vec<Vec<String>> = sheet.rows().map(|row| row.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(from_xlsx, rows);

    let out = app.app_dir.path().join("large.csv");
    app.export_with_cli(&[], &out);
    assert_eq!(std::fs::read(&out).unwrap(), csv);
    let log = app.get_json("/api/v1/officer/audit").await;
    let details: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["action"] == "export")
        .map(|i| i["detail"].as_str().unwrap())
        .collect();
    assert_eq!(details, ["2700 rows; everything"; 3]);
}

/// Roles and an age band added after devices were already in use: stored, filtered and exported by code,
/// next to entries with the older codes.
async fn kinship_carers_professionals_and_4_to_7_year_olds_are_stored_filtered_and_exported(app: TestApp) {
    let mut kin = view(&new_id(), "Mwy o gymorth i neiniau a theidiau sy'n gofalu");
    kin["role"] = json!("kinship_carer");
    kin["age_band"] = json!("26_plus");
    let mut staff = rating(&new_id(), "residential_home", &[("nurture", json!(4))]);
    staff["role"] = json!("professional");
    staff["age_band"] = Value::Null;
    let mut youngest = view(&new_id(), "I like my room");
    youngest["role"] = json!("young_person");
    youngest["age_band"] = json!("4_7");
    let mut older = rating(&new_id(), "social_worker", &[("support", json!(5))]);
    older["role"] = json!("foster_carer");
    let results = app.push_ok(&[kin, staff, youngest, older]).await;
    assert!(results.iter().all(|r| r["status"] == "accepted"), "{results:?}");
    app.sign_in().await;

    let export = |query: &'static str| {
        let app = &app;
        async move {
            let csv = app.client.get(app.url(&format!("/api/v1/officer/export?{query}"))).send().await.unwrap();
            let rows = parse_csv(csv.text().await.unwrap().trim_start_matches('\u{feff}'));
            // role and age_band, without the header row
            rows[1..].iter().map(|r| (r[3].clone(), r[6].clone())).collect::<Vec<_>>()
        }
    };
    let pair = |role: &str, age: &str| (role.to_owned(), age.to_owned());
    assert_eq!(export("role=kinship_carer").await, [pair("kinship_carer", "26_plus")]);
    assert_eq!(export("role=professional").await, [pair("professional", "")]);
    assert_eq!(export("role=young_person").await, [pair("young_person", "4_7")]);
    assert_eq!(export("role=foster_carer").await, [pair("foster_carer", "11_15")]);
    let bad = app.client.get(app.url("/api/v1/officer/export?role=kinship")).send().await.unwrap();
    assert_eq!(fields(&problem(bad, 400).await), ["role"]);
}

crate::on_both_databases!(
    contact_details_reach_the_inbox_only_when_given_and_never_the_export,
    the_export_matches_the_expected_rows_in_csv_xlsx_and_from_the_cli,
    results_count_per_promise_and_service_and_suppress_small_cells,
    results_withhold_what_would_give_a_small_count_away,
    results_filter_by_age_band,
    results_compare_with_the_previous_period,
    results_refuse_bad_compare_and_age_band_parameters,
    catalogue_edits_bump_the_version_and_keep_old_ratings_codes,
    the_charter_statement_is_added_edited_checked_and_removed,
    catalogue_names_every_problem_at_once_and_refuses_a_name_already_used,
    retention_deletes_entries_older_than_the_setting,
    the_public_notice_states_the_retention_period_the_officer_set,
    risk_words_in_welsh_and_english_flag_views_and_rank_them_first,
    a_large_export_streams_every_row_once_in_order,
    kinship_carers_professionals_and_4_to_7_year_olds_are_stored_filtered_and_exported,
);
