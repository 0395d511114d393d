//! "You said, we did": drafts stay with the officer, publishing needs both languages, devices pull what
//! changed since their cursor (new, corrected, updated, withdrawn) and nothing else, and every step is
//! audited.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{fields, problem, TestApp};

const RESPONSES: &str = "/api/v1/officer/responses";
const FEED: &str = "/api/v1/responses";

fn response(you_said: &str, cy: &str) -> Value {
    json!({
        "you_said": {"en": you_said, "cy": cy},
        "we_did": {"en": "We are taking on two more social workers.", "cy": "Rydyn ni'n cyflogi dau weithiwr cymdeithasol arall."},
        "progress": "doing_it",
        "promises": ["support"],
        "services": ["social_worker"],
        "events": ["coffee-nov"]
    })
}

impl TestApp {
    /// The device's view: no officer cookie.
    async fn feed(&self, since: Option<&str>) -> reqwest::Response {
        let url = match since {
            Some(c) => self.url(&format!("{FEED}?since={c}")),
            None => self.url(FEED),
        };
        reqwest::Client::new().get(url).send().await.unwrap()
    }

    async fn feed_ok(&self, since: Option<&str>) -> Value {
        let r = self.feed(since).await;
        assert_eq!(r.status(), 200);
        r.json().await.unwrap()
    }
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().map_or_else(|| i["id"].as_str().unwrap().to_owned(), str::to_owned))
        .collect()
}

async fn a_draft_never_reaches_devices_and_publishing_needs_both_languages(app: TestApp) {
    app.sign_in().await;
    let made = app.send(Method::POST, RESPONSES, response("You said you rarely see your social worker.", "")).await;
    assert_eq!(made.status(), 201);
    let draft: Value = made.json().await.unwrap();
    assert_eq!(draft["state"], "draft");
    assert_eq!(fields(&json!({"errors": draft["to_publish"]})), ["you_said.cy"]);
    let id = draft["id"].as_str().unwrap().to_owned();
    assert_eq!(draft["text"]["events"], json!(["COFFEE-NOV"]), "stored in the usual form");

    let empty = app.feed_ok(None).await;
    assert_eq!(
        (empty["items"].clone(), empty["withdrawn"].clone(), empty["cursor"].clone()),
        (json!([]), json!([]), json!("c0"))
    );

    let refused = problem(app.send(Method::POST, &format!("{RESPONSES}/{id}/publish"), json!({})).await, 400).await;
    assert_eq!(fields(&refused), ["you_said.cy"]);
    assert_eq!(app.feed_ok(None).await["items"], json!([]), "a refused publish sends nothing");

    let mut welsh = response(
        "You said you rarely see your social worker.",
        "Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol.",
    );
    welsh["promises"] = json!(["support", "flying"]);
    let bad = problem(app.send(Method::PUT, &format!("{RESPONSES}/{id}"), welsh.clone()).await, 400).await;
    assert_eq!(fields(&bad), ["promises[1]"]);
    welsh["promises"] = json!(["support"]);
    assert_eq!(app.send(Method::PUT, &format!("{RESPONSES}/{id}"), welsh).await.status(), 200);
    let published = app.post_json(&format!("{RESPONSES}/{id}/publish"), json!({})).await;
    assert_eq!(published["state"], "published");
    assert_eq!(published["to_publish"], json!([]));

    let feed = app.feed_ok(None).await;
    assert_eq!(ids(&feed["items"]), std::slice::from_ref(&id));
    let item = &feed["items"][0];
    assert_eq!(item["you_said"]["cy"], "Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol.");
    assert_eq!((item["progress"].clone(), item["promises"].clone()), (json!("doing_it"), json!(["support"])));
    let keys: Vec<&str> = item.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "changed_at",
            "events",
            "id",
            "progress",
            "promises",
            "published_at",
            "services",
            "updates",
            "we_did",
            "you_said"
        ],
        "nothing about who wrote it or which views it answers"
    );
    // Published once: publishing again is refused.
    problem(app.send(Method::POST, &format!("{RESPONSES}/{id}/publish"), json!({})).await, 400).await;
}

async fn devices_get_only_what_changed_since_their_cursor(app: TestApp) {
    app.sign_in().await;
    let mut ids_made = Vec::new();
    for n in 0..3 {
        let made = app.post_json(RESPONSES, response(&format!("Point {n}"), &format!("Pwynt {n}"))).await;
        let id = made["id"].as_str().unwrap().to_owned();
        app.post_json(&format!("{RESPONSES}/{id}/publish"), json!({})).await;
        ids_made.push(id);
    }
    let first = app.feed_ok(None).await;
    assert_eq!(ids(&first["items"]), ids_made, "in the order they were published");
    let cursor = first["cursor"].as_str().unwrap().to_owned();
    let nothing = app.feed_ok(Some(&cursor)).await;
    assert_eq!((nothing["items"].clone(), nothing["withdrawn"].clone()), (json!([]), json!([])));
    assert_eq!(nothing["cursor"], cursor.as_str(), "the same cursor back when nothing changed");

    // An update to the second, a withdrawal of the third, a correction of the first.
    let update =
        json!({"progress": "done", "text": {"en": "Both started in March.", "cy": "Dechreuodd y ddau ym mis Mawrth."}});
    let updated = app.post_json(&format!("{RESPONSES}/{}/updates", ids_made[1]), update).await;
    assert_eq!(updated["text"]["progress"], "done");
    assert_eq!(updated["updates"][0]["text"]["cy"], "Dechreuodd y ddau ym mis Mawrth.");
    app.post_json(&format!("{RESPONSES}/{}/withdraw", ids_made[2]), json!({})).await;
    let corrected = app.put_json(&format!("{RESPONSES}/{}", ids_made[0]), response("Point zero", "Pwynt sero")).await;
    assert_eq!(corrected["state"], "published");
    let missing_welsh =
        app.send(Method::PUT, &format!("{RESPONSES}/{}", ids_made[0]), response("Point zero", "")).await;
    assert_eq!(
        fields(&problem(missing_welsh, 400).await),
        ["you_said.cy"],
        "a published response keeps both languages"
    );

    let next = app.feed_ok(Some(&cursor)).await;
    assert_eq!(ids(&next["items"]), [ids_made[1].clone(), ids_made[0].clone()]);
    assert_eq!(ids(&next["withdrawn"]), [ids_made[2].clone()]);
    assert_eq!(next["items"][0]["progress"], "done");
    assert_eq!(next["items"][0]["updates"].as_array().unwrap().len(), 1);
    assert_eq!(next["items"][1]["you_said"]["en"], "Point zero");
    // A withdrawn response cannot be updated or corrected; from the beginning, it is only a removal.
    problem(
        app.send(
            Method::POST,
            &format!("{RESPONSES}/{}/updates", ids_made[2]),
            json!({"progress": "done", "text": {"en": "a", "cy": "b"}}),
        )
        .await,
        400,
    )
    .await;
    let all = app.feed_ok(None).await;
    assert_eq!(ids(&all["items"]), [ids_made[1].clone(), ids_made[0].clone()]);
    assert_eq!(ids(&all["withdrawn"]), [ids_made[2].clone()]);

    // A cursor from the future or garbage: a clear 400 naming it.
    for bad in ["c999", "yesterday", "c-1"] {
        let refused = problem(app.feed(Some(bad)).await, 400).await;
        assert_eq!(fields(&refused), ["since"], "{bad}");
    }
    let unknown = reqwest::Client::new().get(app.url(&format!("{FEED}?after=c1"))).send().await.unwrap();
    assert_eq!(fields(&problem(unknown, 400).await), ["after"]);

    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(_, action)| action).collect();
    for expected in ["response_create", "response_publish", "response_update", "response_withdraw", "response_correct"]
    {
        assert!(actions.iter().any(|a| a == expected), "{expected} in {actions:?}");
    }
}

async fn the_officer_routes_refuse_without_a_session(app: TestApp) {
    let stranger = reqwest::Client::new();
    for (method, path) in [("GET", RESPONSES), ("POST", RESPONSES), ("POST", "/api/v1/officer/responses/x/publish")] {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let r = stranger.request(method, app.url(path)).json(&json!({})).send().await.unwrap();
        problem(r, 401).await;
    }
    assert_eq!(app.count("responses").await, 0);
}

async fn the_xlsx_export_has_a_sheet_of_published_responses(app: TestApp) {
    app.sign_in().await;
    let published =
        app.post_json(RESPONSES, response("You said the bus is late.", "Dywedaist ti fod y bws yn hwyr.")).await;
    let id = published["id"].as_str().unwrap().to_owned();
    app.post_json(&format!("{RESPONSES}/{id}/publish"), json!({})).await;
    let update =
        json!({"progress": "done", "text": {"en": "=New times from May.", "cy": "Amseroedd newydd o fis Mai."}});
    app.post_json(&format!("{RESPONSES}/{id}/updates"), update).await;
    app.post_json(RESPONSES, response("A draft nobody sees", "Drafft")).await;
    let gone = app.post_json(RESPONSES, response("Withdrawn", "Wedi'i dynnu")).await;
    let gone = gone["id"].as_str().unwrap().to_owned();
    app.post_json(&format!("{RESPONSES}/{gone}/publish"), json!({})).await;
    app.post_json(&format!("{RESPONSES}/{gone}/withdraw"), json!({})).await;

    let xlsx = app.client.get(app.url("/api/v1/officer/export?format=xlsx")).send().await.unwrap();
    assert_eq!(xlsx.status(), 200);
    let bytes = xlsx.bytes().await.unwrap().to_vec();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    use calamine::Reader;
    assert_eq!(book.sheet_names(), ["Entries", "You said, we did"]);
    let sheet = book.worksheet_range("You said, we did").unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(rows.len(), 2, "the header and the one published response: {rows:?}");
    assert_eq!(rows[0][0], "published_at");
    let row = &rows[1];
    assert_eq!(
        row[1..8],
        [
            "done",
            "Done",
            "Wedi'i wneud",
            "You said the bus is late.",
            "Dywedaist ti fod y bws yn hwyr.",
            "We are taking on two more social workers.",
            "Rydyn ni'n cyflogi dau weithiwr cymdeithasol arall."
        ]
    );
    assert_eq!(row[8..11], ["support", "social_worker", "COFFEE-NOV"]);
    assert!(row[11].ends_with(": Done. =New times from May."), "{}", row[11]);
    assert!(row[12].ends_with(": Wedi'i wneud. Amseroedd newydd o fis Mai."), "{}", row[12]);
}

async fn a_quote_is_only_from_a_view_marked_safe_to_quote_and_leaves_devices_when_hidden(app: TestApp) {
    app.sign_in().await;
    let (quiet, quoted) = (crate::helpers::new_id(), crate::helpers::new_id());
    app.push_ok(&[
        crate::helpers::view(&quiet, "Nobody asked me"),
        crate::helpers::view(&quoted, "I want to see my social worker more"),
    ])
    .await;
    let mut text = response(
        "You said you rarely see your social worker.",
        "Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol.",
    );
    text["quote"] = json!(quoted);
    let made = app.post_json(RESPONSES, text).await;
    let id = made["id"].as_str().unwrap().to_owned();
    assert_eq!(fields(&json!({"errors": made["to_publish"]})), ["quote"], "not marked yet");
    let refused = problem(app.send(Method::POST, &format!("{RESPONSES}/{id}/publish"), json!({})).await, 400).await;
    assert_eq!(fields(&refused), ["quote"]);

    let marked = app.post_json(&format!("/api/v1/officer/views/{quoted}/safe-to-quote"), json!({})).await;
    assert_eq!(marked["safe_to_quote"], true);
    let listed = app.get_json("/api/v1/officer/views?status=safe_to_quote").await;
    assert_eq!(ids(&listed["items"]), std::slice::from_ref(&quoted));
    app.post_json(&format!("{RESPONSES}/{id}/publish"), json!({})).await;
    let feed = app.feed_ok(None).await;
    assert_eq!(feed["items"][0]["quote"], "I want to see my social worker more");
    let cursor = feed["cursor"].as_str().unwrap().to_owned();

    // Hidden later: the quote leaves devices with the next pull, and a hidden view cannot be marked.
    let hidden = app.post_json(&format!("/api/v1/officer/views/{quoted}/hide"), json!({})).await;
    assert_eq!(hidden["safe_to_quote"], false);
    let again = app.feed_ok(Some(&cursor)).await;
    assert_eq!(ids(&again["items"]), std::slice::from_ref(&id));
    assert!(again["items"][0].get("quote").is_none(), "{again}");
    let still_hidden = app.post_json(&format!("/api/v1/officer/views/{quoted}/safe-to-quote"), json!({})).await;
    assert_eq!(still_hidden["safe_to_quote"], false);
    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(_, action)| action).collect();
    assert!(actions.contains(&"view_safe_to_quote".to_owned()));
}

async fn what_changed_is_served_as_a_document_in_each_language_with_drafts_left_out(app: TestApp) {
    app.sign_in().await;
    let doc = |lang: &'static str| {
        let url = app.url(&format!("{FEED}/document?lang={lang}"));
        async move { reqwest::Client::new().get(url).send().await.unwrap() }
    };
    let empty: Value = doc("cy").await.json().await.unwrap();
    assert_eq!(empty["sections"][0]["heading"], "Dim byd eto");
    app.post_json(RESPONSES, response("A draft", "Drafft")).await;
    let made = app.post_json(RESPONSES, response("Buses are late.", "Mae bysiau'n hwyr.")).await;
    let id = made["id"].as_str().unwrap();
    app.post_json(&format!("{RESPONSES}/{id}/publish"), json!({})).await;
    let update =
        json!({"progress": "done", "text": {"en": "New times from May.", "cy": "Amseroedd newydd o fis Mai."}});
    let updated = app.post_json(&format!("{RESPONSES}/{id}/updates"), update).await;
    let at = updated["updates"][0]["at"].as_i64().unwrap();

    let en: Value = doc("en").await.json().await.unwrap();
    assert_eq!(en["sections"].as_array().unwrap().len(), 1, "the draft is left out");
    assert_eq!(en["sections"][0]["heading"], "You said: Buses are late.");
    let paragraphs: Vec<&str> =
        en["sections"][0]["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert_eq!(paragraphs[0], "Done: We are taking on two more social workers.");
    // Dates in words: "23 November 2026", "23 Tachwedd 2026".
    let today = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(at) * 1_000_000).unwrap();
    let month = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][usize::from(u8::from(today.month())) - 1];
    assert_eq!(paragraphs[1], format!("Update, {} {month} {}: Done. New times from May.", today.day(), today.year()));
    let cy: Value = doc("cy").await.json().await.unwrap();
    assert_eq!(cy["sections"][0]["heading"], "Dywedaist ti: Mae bysiau'n hwyr.");
    assert_eq!(cy["sections"][0]["paragraphs"][0], "Wedi'i wneud: Rydyn ni'n cyflogi dau weithiwr cymdeithasol arall.");
    let mis = [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ][usize::from(u8::from(today.month())) - 1];
    assert_eq!(
        cy["sections"][0]["paragraphs"][1],
        format!("Diweddariad, {} {mis} {}: Wedi'i wneud. Amseroedd newydd o fis Mai.", today.day(), today.year())
    );
    assert_eq!(fields(&problem(doc("fr").await, 400).await), ["lang"]);
}

/// Every cell of every sheet of the XLSX export, as text.
async fn xlsx_cells(app: &TestApp) -> Vec<String> {
    use calamine::Reader;
    let xlsx = app.client.get(app.url("/api/v1/officer/export?format=xlsx")).send().await.unwrap();
    assert_eq!(xlsx.status(), 200);
    let bytes = xlsx.bytes().await.unwrap().to_vec();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let mut cells = Vec::new();
    for name in book.sheet_names() {
        let sheet = book.worksheet_range(&name).unwrap();
        cells.extend(sheet.rows().flat_map(|r| r.iter().map(|c| c.to_string())));
    }
    cells
}

async fn the_views_a_response_answers_are_the_officers_only(app: TestApp) {
    app.sign_in().await;
    let (first, second, rated) = (crate::helpers::new_id(), crate::helpers::new_id(), crate::helpers::new_id());
    app.push_ok(&[
        crate::helpers::view(&first, "I never see my social worker"),
        crate::helpers::view(&second, "My social worker keeps changing"),
        crate::helpers::rating(&rated, "housing", &[("equality", json!(2))]),
    ])
    .await;
    let made = app.post_json(RESPONSES, response("You said you rarely see your social worker.", "")).await;
    let id = made["id"].as_str().unwrap().to_owned();
    assert_eq!(made["views"], json!([]));
    let views_path = format!("{RESPONSES}/{id}/views");

    // A draft links views; an id that is not a view in the inbox (unknown, or a rating) is named.
    let linked = app.put_json(&views_path, json!({"views": [first]})).await;
    assert_eq!(linked["views"], json!([first]));
    let unknown = app.send(Method::PUT, &views_path, json!({"views": [second, "nope", rated]})).await;
    assert_eq!(fields(&problem(unknown, 400).await), ["views[1]", "views[2]"]);
    let twice = app.send(Method::PUT, &views_path, json!({"views": [second, second]})).await;
    assert_eq!(fields(&problem(twice, 400).await), ["views[1]"]);
    let many: Vec<String> = (0..=20).map(|_| first.clone()).collect();
    assert_eq!(
        fields(&problem(app.send(Method::PUT, &views_path, json!({"views": many})).await, 400).await),
        ["views"]
    );
    let stray = app.send(Method::PUT, &views_path, json!({"views": [], "quote": first})).await;
    assert_eq!(fields(&problem(stray, 400).await), ["quote"]);
    assert_eq!(app.get_json(&format!("{RESPONSES}/{id}")).await["views"], json!([first]), "refusals change nothing");
    let missing = app.send(Method::PUT, &format!("{RESPONSES}/none/views"), json!({"views": []})).await;
    problem(missing, 404).await;

    // Published, the links are replaced without telling devices anything.
    let welsh = response(
        "You said you rarely see your social worker.",
        "Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol.",
    );
    app.put_json(&format!("{RESPONSES}/{id}"), welsh).await;
    let published = app.post_json(&format!("{RESPONSES}/{id}/publish"), json!({})).await;
    assert_eq!(published["views"], json!([first]), "publishing keeps the links");
    let cursor = app.feed_ok(None).await["cursor"].as_str().unwrap().to_owned();
    let replaced = app.put_json(&views_path, json!({"views": [second, first]})).await;
    assert_eq!((replaced["state"].clone(), replaced["views"].clone()), (json!("published"), json!([second, first])));
    let since = app.feed_ok(Some(&cursor)).await;
    assert_eq!((since["items"].clone(), since["cursor"].clone()), (json!([]), json!(cursor)), "no change for devices");

    // The inbox names the responses answering each view, in both languages.
    let inbox = app.get_json("/api/v1/officer/views?per_page=200").await;
    let item = |view: &str| inbox["items"].as_array().unwrap().iter().find(|i| i["id"] == view).unwrap().clone();
    assert_eq!(item(&first)["answered_by"][0]["response"], json!(id));
    assert_eq!(
        item(&second)["answered_by"][0]["you_said"]["cy"],
        "Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol."
    );
    let reviewed = app.post_json(&format!("/api/v1/officer/views/{first}/review"), json!({})).await;
    assert_eq!(reviewed["answered_by"][0]["response"], json!(id), "a moderated view still says so");

    // Never on a device, never in an export, not in the audit log either.
    for body in
        [app.feed_ok(None).await.to_string(), app.get_json(&format!("{FEED}/document?lang=en")).await.to_string()]
    {
        for view in [&first, &second] {
            assert!(!body.contains(view.as_str()), "{view} in {body}");
        }
    }
    let csv = app.client.get(app.url("/api/v1/officer/export")).send().await.unwrap().text().await.unwrap();
    assert!(!csv.contains(&id), "the response is not in the entries' export");
    let cells = xlsx_cells(&app).await;
    assert!(cells.iter().any(|c| c.contains("rarely see")), "the response is in the workbook");
    for view in [&first, &second] {
        let rows_naming = cells.iter().filter(|c| c.as_str() == view.as_str()).count();
        assert_eq!(rows_naming, 1, "{view}: its own entry row only, not beside the response");
    }
    let log = app.get_json("/api/v1/officer/audit").await;
    let line = log["items"].as_array().unwrap().iter().find(|l| l["action"] == "response_views").unwrap();
    assert_eq!(line["target"], json!(format!("response:{id}")));
    assert_eq!(line["facts"], json!({"fact": "answered_views", "views": 2}));
    assert!(!log.to_string().contains(&second), "the log counts the views, it does not name them");

    // Withdrawn, it stays as it was.
    app.post_json(&format!("{RESPONSES}/{id}/withdraw"), json!({})).await;
    let refused = problem(app.send(Method::PUT, &views_path, json!({"views": []})).await, 400).await;
    assert_eq!(fields(&refused), ["state"]);
    // A withdrawn response no longer answers anything: the inbox stops naming it, so the view reads as open.
    let inbox = app.get_json("/api/v1/officer/views?per_page=200").await;
    for item in inbox["items"].as_array().unwrap() {
        assert_eq!(item["answered_by"], json!([]), "{}", item["id"]);
    }
}

async fn erasing_a_view_or_retention_deleting_it_takes_its_links(app: TestApp) {
    app.sign_in().await;
    let (erased, old, kept) = (crate::helpers::new_id(), crate::helpers::new_id(), crate::helpers::new_id());
    let mut aged = crate::helpers::view(&old, "An old view");
    aged["created_at"] = json!(1_706_745_600_000i64); // 2024-02-01
    let mut recent = crate::helpers::view(&kept, "A recent view");
    recent["created_at"] = json!(yoursay_server::clock::now_ms() - 60_000);
    let mut erase_me = crate::helpers::view(&erased, "Please delete what I said");
    erase_me["created_at"] = recent["created_at"].clone();
    app.push_ok(&[erase_me, aged, recent]).await;
    let made =
        app.post_json(RESPONSES, response("Several of you said things.", "Dywedodd sawl un ohonoch bethau.")).await;
    let id = made["id"].as_str().unwrap().to_owned();
    let views_path = format!("{RESPONSES}/{id}/views");
    app.put_json(&views_path, json!({"views": [erased, old, kept]})).await;
    assert_eq!(app.count("response_views").await, 3);

    let r = app.send(Method::DELETE, &format!("/api/v1/officer/entries/{erased}"), json!({})).await;
    assert_eq!(r.status(), 204);
    assert_eq!(app.get_json(&format!("{RESPONSES}/{id}")).await["views"], json!([old, kept]));

    app.put_json("/api/v1/officer/settings", json!({"retention_months": 12})).await;
    let run = app.post_json("/api/v1/officer/retention/run", json!({})).await;
    assert_eq!(run["deleted"], 1);
    assert_eq!(app.get_json(&format!("{RESPONSES}/{id}")).await["views"], json!([kept]));
    assert_eq!(app.count("response_views").await, 1);
    // The response itself stays, and still links what is left.
    let inbox = app.get_json("/api/v1/officer/views").await;
    assert_eq!(inbox["items"][0]["answered_by"][0]["response"], json!(id));
}

/// Each change is for one state: publishing a draft, updating or withdrawing a published response,
/// correcting anything not withdrawn. Anything else is refused naming `state`, and changes nothing.
async fn a_change_asked_of_a_response_in_the_wrong_state_is_refused_by_name(app: TestApp) {
    app.sign_in().await;
    let draft = app
        .post_json(RESPONSES, response("You said the bus stops at six.", "Dywedoch chi fod y bws yn stopio am chwech."))
        .await;
    let id = draft["id"].as_str().unwrap().to_owned();
    let update =
        json!({"progress": "done", "text": {"en": "Later buses run now.", "cy": "Mae bysiau hwyrach yn rhedeg nawr."}});
    let refused_state = |problem: Value| {
        assert_eq!(fields(&problem), ["state"], "{problem}");
        assert_eq!(problem["errors"][0]["code"], "conflict", "{problem}");
    };
    let at = |path: &str| format!("{RESPONSES}/{id}{path}");

    refused_state(problem(app.send(Method::POST, &at("/updates"), update.clone()).await, 400).await);
    refused_state(problem(app.send(Method::POST, &at("/withdraw"), json!({})).await, 400).await);
    assert_eq!(app.get_json(&at("")).await["state"], "draft");

    app.post_json(&at("/publish"), json!({})).await;
    refused_state(problem(app.send(Method::POST, &at("/publish"), json!({})).await, 400).await);
    app.post_json(&at("/withdraw"), json!({})).await;
    refused_state(problem(app.send(Method::POST, &at("/withdraw"), json!({})).await, 400).await);
    refused_state(problem(app.send(Method::PUT, &at(""), response("Changed", "Newid")).await, 400).await);
    let shown = app.get_json(&at("")).await;
    assert_eq!(shown["state"], "withdrawn");
    assert_eq!(shown["text"]["you_said"]["en"], "You said the bus stops at six.");
    assert_eq!(shown["updates"], json!([]));

    let unknown =
        app.send(Method::POST, &format!("{RESPONSES}/0123456789abcdef0123456789abcdef/publish"), json!({})).await;
    assert_eq!(unknown.status(), 404);
}

crate::on_both_databases!(
    the_views_a_response_answers_are_the_officers_only,
    erasing_a_view_or_retention_deleting_it_takes_its_links,
    what_changed_is_served_as_a_document_in_each_language_with_drafts_left_out,
    a_quote_is_only_from_a_view_marked_safe_to_quote_and_leaves_devices_when_hidden,
    the_xlsx_export_has_a_sheet_of_published_responses,
    a_draft_never_reaches_devices_and_publishing_needs_both_languages,
    devices_get_only_what_changed_since_their_cursor,
    the_officer_routes_refuse_without_a_session,
    a_change_asked_of_a_response_in_the_wrong_state_is_refused_by_name,
);
