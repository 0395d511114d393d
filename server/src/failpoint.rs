//! Test-only stopping points for fault tests. With `YOURSAY_FAILPOINT=<name>` in its environment the
//! server stops at that point of every request that reaches it (sleeping, holding whatever it holds), and
//! says so on standard error, so a test can SIGKILL it at exactly that moment. Unset, each check is a
//! comparison with a value read once at start.

use std::sync::OnceLock;
use std::time::Duration;

/// After a batch's inserts, before its transaction commits.
pub const PUSH_BEFORE_COMMIT: &str = "push_before_commit";
/// After a batch's transaction committed, before the device is answered.
pub const PUSH_AFTER_COMMIT: &str = "push_after_commit";

pub const ENV: &str = "YOURSAY_FAILPOINT";

fn chosen() -> Option<&'static str> {
    static CHOSEN: OnceLock<Option<String>> = OnceLock::new();
    CHOSEN.get_or_init(|| std::env::var(ENV).ok().filter(|v| !v.is_empty())).as_deref()
}

/// Stops here for an hour if this is the chosen point.
pub async fn stop_here(name: &str) {
    if chosen() == Some(name) {
        eprintln!("failpoint reached: {name}");
        tracing::warn!(failpoint = name, "stopped at a test failpoint");
        tokio::time::sleep(Duration::from_secs(60 * 60)).await;
    }
}
