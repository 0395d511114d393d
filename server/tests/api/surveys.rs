//! Survey answers pushed by devices: checked against the exact version they answered, stored once, and
//! exported one row per answer with the question's and the answer's words in both languages.

use calamine::Reader;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{new_id, parse_csv, TestApp};

const FORMS: &str = "/api/v1/officer/forms";
const CREATED_AT: i64 = 1_760_000_000_000;

/// A carers' survey with every kind of question, and a show-if rule on the multiple choice.
fn every_kind() -> Value {
    let bi = |en: &str, cy: &str| json!({"en": en, "cy": cy});
    let choice = |code: &str, en: &str, cy: &str| json!({"code": code, "label": bi(en, cy)});
    json!({
        "code": "coffee_nov",
        "title": bi("Coffee and Catch up", "Coffi a Sgwrs"),
        "intro": bi("Tell us how things are going.", "Dywedwch wrthym sut mae pethau'n mynd."),
        "audience": "carers",
        "questions": [
            {"code": "support", "kind": "faces", "required": true,
             "prompt": bi("How well are you supported?", "Pa mor dda ydych chi'n cael eich cefnogi?")},
            {"code": "day", "kind": "easy3", "prompt": bi("How was today?", "Sut oedd heddiw?")},
            {"code": "included", "kind": "frequency",
             "prompt": bi("Are you included in decisions?", "Ydych chi'n cael eich cynnwys mewn penderfyniadau?")},
            {"code": "training", "kind": {"single": [choice("yes", "Yes", "Ydw"), choice("no", "No", "Nac ydw")]},
             "prompt": bi("Did you go to training this year?", "Aethoch chi i hyfforddiant eleni?")},
            {"code": "which_training",
             "kind": {"multi": {"choices": [choice("online", "Online", "Ar-lein"), choice("evening", "Evening", "Gyda'r nos")],
                               "none_of_these": bi("None of these", "Dim un o'r rhain")}},
             "prompt": bi("Which kinds?", "Pa fathau?"),
             "show_if": {"question": "training", "any_of": ["yes"]}},
            {"code": "anything_else", "kind": {"text": {"max_chars": 500}},
             "prompt": bi("Anything else?", "Unrhyw beth arall?")},
            {"code": "services", "kind": "service_promise_grid", "prompt": bi("Rate a service", "Sgorio gwasanaeth")}
        ]
    })
}

fn survey_entry(id: &str, version: i64, answers: Value) -> Value {
    json!({"id": id, "created_at": CREATED_AT, "language": "cy", "role": "kinship_carer", "kind": "survey",
           "event": "COFFEE-NOV", "survey": {"form": "coffee_nov", "version": version, "answers": answers}})
}

fn answer(question: &str, value: Value) -> Value {
    json!({"question": question, "value": value})
}

/// Every question answered, the grid with a score and a don't know.
fn full_answers() -> Value {
    json!([
        answer("support", json!(4)),
        answer("day", json!(2)),
        answer("included", json!("most_of_the_time")),
        answer("training", json!("yes")),
        answer("which_training", json!(["online", "evening"])),
        answer("anything_else", json!("More notice of meetings, please")),
        answer(
            "services",
            json!({"service": "social_worker",
                                  "answers": [{"promise": "support", "answer": 5}, {"promise": "equality", "answer": "dont_know"}]})
        ),
    ])
}

impl TestApp {
    async fn publish_every_kind(&self, form: &Value) {
        self.sign_in().await;
        let made = self.send(Method::POST, FORMS, json!({"code": "coffee_nov"})).await;
        assert_eq!(made.status(), 201, "{}", made.text().await.unwrap());
        let saved = self.send(Method::PUT, &format!("{FORMS}/coffee_nov/draft"), form.clone()).await;
        assert_eq!(saved.status(), 200);
        let published = self.send(Method::POST, &format!("{FORMS}/coffee_nov/publish"), json!({})).await;
        assert!(published.status().is_success(), "{}", published.text().await.unwrap());
    }

    async fn export_csv(&self) -> Vec<Vec<String>> {
        let csv = self.client.get(self.url("/api/v1/officer/export?format=csv")).send().await.unwrap();
        assert_eq!(csv.status(), 200);
        let text = csv.text().await.unwrap();
        parse_csv(text.trim_start_matches('\u{feff}'))
    }
}

/// The cells of `row` under the named columns.
fn cells<'a>(header: &[String], row: &'a [String], names: &[&str]) -> Vec<&'a str> {
    names.iter().map(|n| row[header.iter().position(|h| h == n).unwrap()].as_str()).collect()
}

async fn answers_to_every_kind_are_stored_once_and_bad_ones_refused_by_name(app: TestApp) {
    app.publish_every_kind(&every_kind()).await;
    let (full, short) = (new_id(), new_id());
    let good = [
        survey_entry(&full, 1, full_answers()),
        survey_entry(&short, 1, json!([answer("support", json!("dont_know")), answer("training", json!("no"))])),
    ];
    let mut unknown_form = survey_entry(&new_id(), 1, full_answers());
    unknown_form["survey"]["form"] = json!("no_such_survey");
    let bad = [
        unknown_form,
        survey_entry(&new_id(), 9, full_answers()),
        survey_entry(&new_id(), 1, json!([answer("support", json!(3)), answer("training", json!("maybe"))])),
        // Which kinds of training, from someone who went to none: the show-if rule hides that question.
        survey_entry(
            &new_id(),
            1,
            json!([
                answer("support", json!(3)),
                answer("training", json!("no")),
                answer("which_training", json!(["online"]))
            ]),
        ),
        survey_entry(&new_id(), 1, json!([answer("day", json!(3))])),
        survey_entry(
            &new_id(),
            1,
            json!([
                answer("support", json!(3)),
                answer(
                    "services",
                    json!({"service": "no_such_service", "answers": [{"promise": "support", "answer": 2}]})
                )
            ]),
        ),
    ];
    let batch: Vec<Value> = good.iter().chain(&bad).cloned().collect();
    let results = app.push_ok(&batch).await;
    let outcome = |r: &Value| -> (String, Vec<String>) {
        let fields = r["errors"]
            .as_array()
            .map_or(vec![], |e| e.iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect());
        (r["status"].as_str().unwrap().to_owned(), fields)
    };
    let outcomes: Vec<(String, Vec<String>)> = results.iter().map(outcome).collect();
    let expected: Vec<(&str, Vec<&str>)> = vec![
        ("accepted", vec![]),
        ("accepted", vec![]),
        ("refused", vec!["survey.form"]),
        ("refused", vec!["survey.version"]),
        ("refused", vec!["survey.answers[1].value"]),
        ("refused", vec!["survey.answers[2]"]),
        ("refused", vec!["survey.answers[support]"]),
        ("refused", vec!["survey.answers[1].value.service"]),
    ];
    let expected: Vec<(String, Vec<String>)> =
        expected.into_iter().map(|(s, f)| (s.to_owned(), f.into_iter().map(String::from).collect())).collect();
    assert_eq!(outcomes, expected, "{results:?}");

    // 7 answers with 2 choices and 2 grid promises make 9 parts; the short one 2.
    assert_eq!(app.count("survey_answers").await, 11);
    assert_eq!(app.count("entries").await, 2);
    let again = app.push_ok(&good).await;
    assert!(again.iter().all(|r| r["status"] == "already_had"), "{again:?}");
    assert_eq!(app.count("survey_answers").await, 11, "a retry never doubles the answers");
}

async fn answers_to_an_old_version_or_a_retired_survey_are_accepted_and_exported_with_their_version(app: TestApp) {
    let form = every_kind();
    app.publish_every_kind(&form).await;
    // Version 2 rewords the first question; a device offline since version 1 still sends version 1.
    let mut reworded = form.clone();
    reworded["questions"][0]["prompt"] =
        json!({"en": "How supported do you feel?", "cy": "Pa mor gefnogol ydych chi'n teimlo?"});
    app.send(Method::PUT, &format!("{FORMS}/coffee_nov/draft"), reworded).await;
    assert_eq!(app.send(Method::POST, &format!("{FORMS}/coffee_nov/publish"), json!({})).await.status(), 201);
    app.send(Method::POST, &format!("{FORMS}/coffee_nov/retire"), json!({})).await;

    let (old, new) = (new_id(), new_id());
    let mut newer = survey_entry(&new, 2, json!([answer("support", json!(1))]));
    newer["created_at"] = json!(CREATED_AT + 1000);
    let results = app.push_ok(&[survey_entry(&old, 1, full_answers()), newer]).await;
    assert!(results.iter().all(|r| r["status"] == "accepted"), "{results:?}");

    let rows = app.export_csv().await;
    let header = &rows[0];
    let columns = ["entry_id", "kind", "survey", "survey_version", "question_code", "question_en", "question_cy"];
    let answers = [
        "service_code",
        "promise_code",
        "score",
        "score_en",
        "score_cy",
        "choice_code",
        "choice_en",
        "choice_cy",
        "text",
    ];
    let got: Vec<(Vec<&str>, Vec<&str>)> =
        rows[1..].iter().map(|r| (cells(header, r, &columns), cells(header, r, &answers))).collect();
    let q = |code: &'static str, en: &'static str, cy: &'static str| (code, en, cy);
    let support1 = q("support", "How well are you supported?", "Pa mor dda ydych chi'n cael eich cefnogi?");
    let support2 = q("support", "How supported do you feel?", "Pa mor gefnogol ydych chi'n teimlo?");
    let day = q("day", "How was today?", "Sut oedd heddiw?");
    let included =
        q("included", "Are you included in decisions?", "Ydych chi'n cael eich cynnwys mewn penderfyniadau?");
    let training = q("training", "Did you go to training this year?", "Aethoch chi i hyfforddiant eleni?");
    let which = q("which_training", "Which kinds?", "Pa fathau?");
    let text = q("anything_else", "Anything else?", "Unrhyw beth arall?");
    let grid = q("services", "Rate a service", "Sgorio gwasanaeth");
    let row =
        |id: &'static str,
         version: &'static str,
         (code, en, cy): (&'static str, &'static str, &'static str),
         a: [&'static str; 9]| { (vec![id, "survey", "coffee_nov", version, code, en, cy], a.to_vec()) };
    let o: &'static str = Box::leak(old.clone().into_boxed_str());
    let n: &'static str = Box::leak(new.clone().into_boxed_str());
    let expected = vec![
        row(o, "1", support1, ["", "", "4", "Good", "Da", "", "", "", ""]),
        row(o, "1", day, ["", "", "2", "OK", "Iawn", "", "", "", ""]),
        row(
            o,
            "1",
            included,
            ["", "", "", "", "", "most_of_the_time", "Most of the time", "Y rhan fwyaf o'r amser", ""],
        ),
        row(o, "1", training, ["", "", "", "", "", "yes", "Yes", "Ydw", ""]),
        row(o, "1", which, ["", "", "", "", "", "online", "Online", "Ar-lein", ""]),
        row(o, "1", which, ["", "", "", "", "", "evening", "Evening", "Gyda'r nos", ""]),
        row(o, "1", text, ["", "", "", "", "", "", "", "", "More notice of meetings, please"]),
        row(o, "1", grid, ["social_worker", "support", "5", "Really good", "Da iawn", "", "", "", ""]),
        row(o, "1", grid, ["social_worker", "equality", "dont_know", "Don't know", "Ddim yn gwybod", "", "", "", ""]),
        row(n, "2", support2, ["", "", "1", "Really bad", "Gwael iawn", "", "", "", ""]),
    ];
    assert_eq!(got, expected);
    // The rows carry the entry's details like any other.
    assert_eq!(
        cells(header, &rows[1], &["event", "role", "role_en", "language"]),
        ["COFFEE-NOV", "kinship_carer", "Family or friend carer", "cy"]
    );

    // The same rows in the XLSX.
    let xlsx = app.client.get(app.url("/api/v1/officer/export?format=xlsx")).send().await.unwrap();
    let xlsx = xlsx.bytes().await.unwrap().to_vec();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("Entries").unwrap();
    let from_xlsx: Vec<Vec<String>> = sheet.rows().map(|row| row.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(from_xlsx, rows);
}

async fn a_survey_text_answer_that_says_someone_is_at_risk_is_flagged(app: TestApp) {
    app.publish_every_kind(&every_kind()).await;
    let id = new_id();
    let answers = json!([answer("support", json!(2)), answer("anything_else", json!("He hit me last week"))]);
    let results = app.push_ok(&[survey_entry(&id, 1, answers)]).await;
    assert_eq!(results[0]["status"], "accepted");
    let row: (i64, String) = sqlx::query_as("SELECT flagged, flag_words FROM entries WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(row, (1, "hit".to_owned()));

    // The officer sees it in the inbox, flagged first, and can moderate it like a view.
    let calm = new_id();
    app.push_ok(&[survey_entry(
        &calm,
        1,
        json!([answer("support", json!(4)), answer("anything_else", json!("Lovely day"))]),
    )])
    .await;
    let numbers_only = new_id();
    app.push_ok(&[survey_entry(&numbers_only, 1, json!([answer("support", json!(5))]))]).await;
    let inbox = app.get_json("/api/v1/officer/views").await;
    let items: Vec<(String, String, bool)> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap().to_owned(), i["text"].as_str().unwrap().to_owned(), i["flagged"] == true))
        .collect();
    assert_eq!(
        items,
        [(id.clone(), "He hit me last week".to_owned(), true), (calm.clone(), "Lovely day".to_owned(), false)],
        "answers in words are in the inbox, flagged first; a survey answered in numbers only is not"
    );
    let hidden = app.post_json(&format!("/api/v1/officer/views/{calm}/hide"), json!({})).await;
    assert_eq!(hidden["status"], "hidden");

    // A changed word list re-checks survey answers too.
    let mut words = app.get_json("/api/v1/officer/keywords").await;
    words["en"].as_array_mut().unwrap().push(json!("lovely"));
    app.put_json("/api/v1/officer/keywords", words).await;
    let flagged: Vec<(String, String)> =
        sqlx::query_as("SELECT id, flag_words FROM entries WHERE flagged = 1 ORDER BY flag_words")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(flagged, [(id, "hit".to_owned()), (calm, "lovely".to_owned())]);
}

/// Six carers answer everything on version 1; two answer little on version 2, which rewords the first
/// question. Counts of 2 are under the threshold of 5, and one more number of their line is withheld.
async fn results_merge_versions_by_question_and_hide_small_numbers(app: TestApp) {
    let form = every_kind();
    app.publish_every_kind(&form).await;
    let full: Vec<Value> = (0..6).map(|_| survey_entry(&new_id(), 1, full_answers())).collect();
    app.push_ok(&full).await;
    let mut reworded = form.clone();
    reworded["questions"][0]["prompt"] =
        json!({"en": "How supported do you feel?", "cy": "Pa mor gefnogol ydych chi'n teimlo?"});
    app.send(Method::PUT, &format!("{FORMS}/coffee_nov/draft"), reworded).await;
    app.send(Method::POST, &format!("{FORMS}/coffee_nov/publish"), json!({})).await;
    let short =
        || survey_entry(&new_id(), 2, json!([answer("support", json!("dont_know")), answer("training", json!("no"))]));
    app.push_ok(&[short(), short()]).await;

    let results = app.get_json(&format!("{FORMS}/coffee_nov/results")).await;
    assert_eq!(results["responses"], json!({"shown": 8}));
    assert_eq!(results["versions"], json!([1, 2]));
    assert_eq!(results["title"]["cy"], "Coffi a Sgwrs");
    let question =
        |code: &str| results["questions"].as_array().unwrap().iter().find(|q| q["code"] == code).unwrap().clone();
    let options = |code: &str| -> Vec<(String, Value)> {
        question(code)["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| (o["code"].as_str().unwrap().to_owned(), o["count"].clone()))
            .collect()
    };
    let shown = |n: u32| json!({"shown": n});
    let own = |list: &[(&str, Value)]| -> Vec<(String, Value)> {
        list.iter().map(|(c, v)| ((*c).to_owned(), v.clone())).collect()
    };

    let support = question("support");
    assert_eq!(support["prompt"]["en"], "How supported do you feel?", "the newest wording");
    assert_eq!(support["reworded_in"], json!([1]));
    assert_eq!(support["kind"], "faces");
    assert_eq!(support["answered"], shown(8));
    assert_eq!(
        options("support"),
        own(&[
            ("1", shown(0)),
            ("2", shown(0)),
            ("3", shown(0)),
            ("4", json!("withheld")),
            ("5", shown(0)),
            ("dont_know", json!("small"))
        ]),
        "2 is small, and 6 would give it away from the 8 who answered"
    );
    assert_eq!(question("support")["options"][3]["label"], json!({"en": "Good", "cy": "Da"}));
    assert_eq!(options("training"), own(&[("yes", json!("withheld")), ("no", json!("small"))]));
    assert_eq!(question("day")["reworded_in"], json!([]));
    assert_eq!(options("day"), own(&[("1", shown(0)), ("2", shown(6)), ("3", shown(0))]));
    assert_eq!(options("included")[1], ("most_of_the_time".to_owned(), shown(6)));
    // Several choices each: no line to protect, so each stands alone.
    assert_eq!(
        options("which_training"),
        own(&[("online", shown(6)), ("evening", shown(6)), ("none_of_these", shown(0))])
    );
    assert_eq!(question("which_training")["options"][2]["label"]["cy"], "Dim un o'r rhain");
    assert_eq!(question("anything_else")["answered"], shown(6));
    assert_eq!(question("anything_else")["options"], json!([]));
    let grid = options("services");
    assert!(grid.contains(&("support".to_owned(), shown(6))) && grid.contains(&("equality".to_owned(), shown(6))));
    assert_eq!(grid.len(), crate::helpers::promise_codes().len());

    // Filtered to nobody: zeros, nothing hidden. Unknown survey: 404. A bad filter: named.
    let none = app.get_json(&format!("{FORMS}/coffee_nov/results?role=foster_carer")).await;
    assert_eq!(none["responses"], shown(0));
    assert_eq!(none["versions"], json!([]));
    // These survey entries carry no age band: filtered by one, nobody.
    let by_age = app.get_json(&format!("{FORMS}/coffee_nov/results?age_band=16_18")).await;
    assert_eq!(by_age["responses"], shown(0));
    let bad_age = crate::helpers::problem(
        app.send(Method::GET, &format!("{FORMS}/coffee_nov/results?age_band=teen"), Value::Null).await,
        400,
    )
    .await;
    assert_eq!(crate::helpers::fields(&bad_age), ["age_band"]);
    crate::helpers::problem(app.send(Method::GET, &format!("{FORMS}/no_such/results"), Value::Null).await, 404).await;
    let bad = crate::helpers::problem(
        app.send(Method::GET, &format!("{FORMS}/coffee_nov/results?from=yesterday"), Value::Null).await,
        400,
    )
    .await;
    assert_eq!(crate::helpers::fields(&bad), ["from"]);
}

crate::on_both_databases!(
    results_merge_versions_by_question_and_hide_small_numbers,
    answers_to_every_kind_are_stored_once_and_bad_ones_refused_by_name,
    answers_to_an_old_version_or_a_retired_survey_are_accepted_and_exported_with_their_version,
    a_survey_text_answer_that_says_someone_is_at_risk_is_flagged,
);
