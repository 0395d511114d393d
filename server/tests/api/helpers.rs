//! Starting a real server on a random port against a fresh database, and talking to it like a device
//! or an officer's browser would.

use std::sync::Once;

use serde_json::{json, Value};
use sqlx::{AnyPool, Row};
use tempfile::TempDir;
use yoursay_server::startup::{Application, Config};

pub const INLINE_SCRIPT: &str = "import init from '/app-1a2b3c.js';await init('/app-1a2b3c_bg.wasm');";
/// The phone's page carries its stylesheet inline (`scripts/inline-first-load.py`).
pub const INLINE_STYLE: &str = "body{margin:0;font:1rem/1.4 system-ui}";
/// The phone's page asks for its wasm first thing, as the build writes it.
pub const WASM_PRELOAD: &str = "<link as=fetch crossorigin href=/app-1a2b3c_bg.wasm rel=preload type=application/wasm>";
/// The officer console's start-up script (its own bundle under `/officer/`).
pub const CONSOLE_INLINE_SCRIPT: &str =
    "import init from '/officer/console-9f8e7d.js';await init('/officer/console-9f8e7d_bg.wasm');";
/// The surveys page's start-up script (the app with the survey runner, under `/surveys/`).
pub const SURVEYS_INLINE_SCRIPT: &str =
    "import init from '/surveys/yoursay-app-4c5d6e.js';await init('/surveys/yoursay-app-4c5d6e_bg.wasm');";
/// October 2025: well inside the default retention period, before the test machine's clock.
pub const CREATED_AT: i64 = 1_760_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub pool: AnyPool,
    pub database_url: String,
    pub app_dir: TempDir,
    _db_dir: TempDir,
}

pub async fn spawn_app(db: Db) -> Option<TestApp> {
    let (database_url, db_dir) = fresh_database(db).await?;
    Some(spawn_app_on(database_url, db_dir).await)
}

/// A new empty database's URL (and the folder that holds it, for SQLite). `None` only when PostgreSQL is
/// skipped on purpose.
pub async fn fresh_database(db: Db) -> Option<(String, TempDir)> {
    let db_dir = tempfile::tempdir().unwrap();
    let database_url = match db {
        Db::Sqlite => format!("sqlite://{}?mode=rwc", db_dir.path().join("test.sqlite3").display()),
        Db::Postgres => fresh_postgres_database().await?,
    };
    Some((database_url, db_dir))
}

/// Another server on an existing database, as after a restart or beside another instance.
pub async fn spawn_app_on(database_url: String, db_dir: TempDir) -> TestApp {
    yoursay_server::telemetry::init_for_tests();
    let app_dir = tempfile::tempdir().unwrap();
    write_app_files(&app_dir);
    let config = Config {
        database_url: database_url.clone(),
        bind: "127.0.0.1:0".into(),
        app_dir: app_dir.path().to_path_buf(),
        secure_cookies: false,
        retention_task: false,
        public_url: None,
    };
    let app = Application::build(config).await.expect("the server starts");
    let address = format!("http://{}", app.address);
    let pool = app.pool.clone();
    tokio::spawn(app.serve());
    let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
    TestApp { address, client, pool, database_url, app_dir, _db_dir: db_dir }
}

/// Each test gets its own database on the throw-away cluster `scripts/postgres.sh` starts, so tests stay
/// independent and can run in parallel. Without `YOURSAY_TEST_POSTGRES_URL` the test fails, so a green
/// run always means PostgreSQL was tested, unless `YOURSAY_SKIP_POSTGRES=1` asks to skip it (and the run
/// says so).
pub async fn fresh_postgres_database() -> Option<String> {
    static SKIPPED: Once = Once::new();
    let Ok(base) = std::env::var("YOURSAY_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var("YOURSAY_SKIP_POSTGRES").is_ok_and(|v| v == "1"),
            "YOURSAY_TEST_POSTGRES_URL is not set: start PostgreSQL with `pg_env=\"$(bash scripts/postgres.sh start)\" && eval \"$pg_env\"`, \
             or set YOURSAY_SKIP_POSTGRES=1 to skip the PostgreSQL tests on purpose"
        );
        SKIPPED.call_once(|| {
            // Written past the test harness's capture so the skip is visible in every run.
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "YOURSAY_SKIP_POSTGRES=1: PostgreSQL tests SKIPPED");
        });
        return None;
    };
    sqlx::any::install_default_drivers();
    let name = format!("yoursay_test_{}", random_hex(12));
    let admin = AnyPool::connect(&base)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at YOURSAY_TEST_POSTGRES_URL cannot be reached: {e}"));
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.unwrap();
    admin.close().await;
    let (prefix, _) = base.rsplit_once('/').expect("a URL like postgres://user@host:port/db");
    Some(format!("{prefix}/{name}"))
}

fn write_app_files(dir: &TempDir) {
    let index = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=utf-8>{WASM_PRELOAD}\
         <link rel=\"manifest\" href=\"/manifest.webmanifest\"><style>{INLINE_STYLE}</style>\
         <script type=\"module\">{INLINE_SCRIPT}</script></head><body></body></html>"
    );
    std::fs::write(dir.path().join("index.html"), index).unwrap();
    std::fs::write(dir.path().join("app-1a2b3c.js"), "export default function init() {}").unwrap();
    std::fs::write(dir.path().join("sw.js"), "self.addEventListener('fetch', () => {});").unwrap();
    std::fs::write(dir.path().join("manifest.webmanifest"), "{\"name\":\"Your Say\"}").unwrap();
    let console = dir.path().join("officer");
    std::fs::create_dir(&console).unwrap();
    let console_index = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>console</title>\
         <script type=\"module\">{CONSOLE_INLINE_SCRIPT}</script></head><body></body></html>"
    );
    std::fs::write(console.join("index.html"), console_index).unwrap();
    std::fs::write(console.join("console-9f8e7d.js"), "export default function init() {}").unwrap();
    let surveys = dir.path().join("surveys");
    std::fs::create_dir(&surveys).unwrap();
    let surveys_index = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>surveys</title>\
         <script type=\"module\">{SURVEYS_INLINE_SCRIPT}</script>\
         <link rel=\"preload\" href=\"/surveys/yoursay-app-4c5d6e_bg.wasm\" as=\"fetch\" crossorigin></head>\
         <body></body></html>"
    );
    std::fs::write(surveys.join("index.html"), surveys_index).unwrap();
    std::fs::write(surveys.join("yoursay-app-4c5d6e.js"), "export default function init() {}").unwrap();
}

pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::getrandom(&mut buf).unwrap();
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// A random version 4 UUID, as a device's `crypto.randomUUID()` makes.
pub fn new_id() -> String {
    let h = random_hex(16);
    format!("{}-{}-4{}-a{}-{}", &h[0..8], &h[8..12], &h[13..16], &h[17..20], &h[20..32])
}

pub fn view(id: &str, text: &str) -> Value {
    json!({"id": id, "created_at": CREATED_AT, "language": "en", "kind": "view", "text": text})
}

pub fn rating(id: &str, service: &str, answers: &[(&str, Value)]) -> Value {
    let answers: Vec<Value> = answers.iter().map(|(p, a)| json!({"promise": p, "answer": a})).collect();
    json!({"id": id, "created_at": CREATED_AT, "language": "cy", "kind": "rating", "service": service,
           "answers": answers, "role": "young_person", "age_band": "11_15"})
}

/// The Charter's eleven promises, in order.
pub fn promise_codes() -> Vec<String> {
    yoursay_core::catalogue::default_catalogue().promises.into_iter().map(|p| p.code).collect()
}

impl TestApp {
    /// Runs `yoursay-server export` on this app's database, writing `out`; the command must succeed.
    pub fn export_with_cli(&self, args: &[&str], out: &std::path::Path) {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_yoursay-server"))
            .args(["export", "--database-url", &self.database_url, "--out", out.to_str().unwrap()])
            .args(args)
            .env("RUST_LOG", "error")
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn push(&self, entries: &[Value]) -> reqwest::Response {
        self.client.post(self.url("/api/v1/entries")).json(&json!({ "entries": entries })).send().await.unwrap()
    }

    pub async fn push_ok(&self, entries: &[Value]) -> Vec<Value> {
        let response = self.push(entries).await;
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        body["results"].as_array().unwrap().clone()
    }

    pub async fn push_raw(&self, body: impl Into<reqwest::Body>) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/entries"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&self.pool).await.unwrap().try_get(0).unwrap()
    }
}

/// Reads a problem-details response, checking its media type.
pub async fn problem(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status(), status);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status);
    body
}

pub fn fields(problem_or_outcome: &Value) -> Vec<String> {
    problem_or_outcome["errors"]
        .as_array()
        .map(|errors| errors.iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

/// Runs each listed test once on SQLite and once on PostgreSQL (skipped only with YOURSAY_SKIP_POSTGRES=1).
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test] async fn $name() {
                super::$name($crate::helpers::spawn_app($crate::helpers::Db::Sqlite).await.unwrap()).await
            })*
        }
        mod postgres {
            $(#[tokio::test] async fn $name() {
                if let Some(app) = $crate::helpers::spawn_app($crate::helpers::Db::Postgres).await {
                    super::$name(app).await
                }
            })*
        }
    };
}

pub const OFFICER: &str = "officer@council.cymru";
pub const PASSWORD: &str = "a long enough passphrase";

impl TestApp {
    pub async fn create_officer(&self, email: &str, password: &str) {
        let hash = yoursay_server::officer::password::hash(password).unwrap();
        yoursay_server::store::officers::upsert(&self.pool, email, &hash).await.unwrap();
    }

    pub async fn try_sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/officer/session"))
            .json(&json!({"email": email, "password": password}))
            .send()
            .await
            .unwrap()
    }

    /// Creates the test officer and signs in; the client keeps the cookie.
    pub async fn sign_in(&self) {
        self.create_officer(OFFICER, PASSWORD).await;
        let response = self.try_sign_in(OFFICER, PASSWORD).await;
        assert_eq!(response.status(), 200);
    }

    pub async fn get_json(&self, path: &str) -> Value {
        let response = self.client.get(self.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.unwrap()
    }

    pub async fn send(&self, method: reqwest::Method, path: &str, body: Value) -> reqwest::Response {
        self.client.request(method, self.url(path)).json(&body).send().await.unwrap()
    }

    pub async fn post_json(&self, path: &str, body: Value) -> Value {
        let response = self.send(reqwest::Method::POST, path, body).await;
        assert!(response.status().is_success(), "POST {path}: {}", response.status());
        response.json().await.unwrap()
    }

    pub async fn put_json(&self, path: &str, body: Value) -> Value {
        let response = self.send(reqwest::Method::PUT, path, body).await;
        assert!(response.status().is_success(), "PUT {path}: {}", response.status());
        response.json().await.unwrap()
    }

    pub async fn audit_actions(&self) -> Vec<(String, String)> {
        let log = self.get_json("/api/v1/officer/audit?per_page=200").await;
        log["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["actor"].as_str().unwrap().to_owned(), i["action"].as_str().unwrap().to_owned()))
            .collect()
    }
}

/// Reads CSV as RFC 4180 says (enough for the export's own output).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}
