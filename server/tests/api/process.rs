//! The real `yoursay-server` binary as a child process, for what an in-process server cannot show: being
//! killed with SIGKILL mid-request, two instances on one database, the `backup` command.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;

pub const BIN: &str = env!("CARGO_BIN_EXE_yoursay-server");

pub struct ServerProcess {
    child: Child,
    pub address: String,
    pub client: reqwest::Client,
    stderr: mpsc::UnboundedReceiver<String>,
    _app_dir: tempfile::TempDir,
}

impl ServerProcess {
    /// Starts `yoursay-server serve` on a free port; `failpoint` sets `YOURSAY_FAILPOINT` (see
    /// `server/src/failpoint.rs`).
    pub async fn start(database_url: &str, failpoint: Option<&str>) -> Self {
        let app_dir = tempfile::tempdir().unwrap();
        let mut command = Command::new(BIN);
        command
            .args(["serve", "--bind", "127.0.0.1:0", "--app-dir"])
            .arg(app_dir.path())
            .env("YOURSAY_DATABASE_URL", database_url)
            .env("RUST_LOG", "warn")
            .env_remove(yoursay_server::failpoint::ENV)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        if let Some(point) = failpoint {
            command.env(yoursay_server::failpoint::ENV, point);
        }
        let mut child = command.spawn().expect("the server binary starts");
        let (tx, stderr) = mpsc::unbounded_channel();
        let mut err_lines = BufReader::new(child.stderr.take().unwrap()).lines();
        tokio::spawn(async move {
            while let Ok(Some(line)) = err_lines.next_line().await {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut out_lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let listening = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = out_lines.next_line().await.unwrap() {
                if let Some(address) = line.strip_prefix("Your Say is listening on ") {
                    return address.to_owned();
                }
            }
            panic!("the server stopped before listening");
        })
        .await
        .expect("the server listens within a minute");
        tokio::spawn(async move { while let Ok(Some(_)) = out_lines.next_line().await {} });
        let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
        ServerProcess { child, address: listening, client, stderr, _app_dir: app_dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Waits until the server writes `needle` to standard error.
    pub async fn wait_for(&mut self, needle: &str) {
        let found = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = self.stderr.recv().await {
                if line.contains(needle) {
                    return true;
                }
            }
            false
        })
        .await;
        assert_eq!(found, Ok(true), "the server never said {needle:?}");
    }

    /// SIGKILL: no shutdown, no flushing, no answer to requests in flight.
    pub async fn kill(mut self) {
        self.child.start_kill().unwrap();
        self.child.wait().await.unwrap();
    }
}
