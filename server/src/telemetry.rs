use tracing_subscriber::EnvFilter;

/// Logs to stderr; `RUST_LOG` chooses what, `info` by default.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// Tests log only when `TEST_LOG` is set, so a failing test's output is not buried.
pub fn init_for_tests() {
    if std::env::var_os("TEST_LOG").is_some() {
        init();
    }
}
