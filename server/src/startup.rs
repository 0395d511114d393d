//! Building and running the server: configuration, the router and its layers.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use axum::extract::DefaultBodyLimit;
use axum::http::HeaderValue;
use axum::routing::{get, post};
use axum::Router;
use sqlx::AnyPool;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;
use yoursay_core::protocol::{CATALOGUE_PATH, MAX_PUSH_BYTES, NOTICE_PATH, PUSH_PATH};

use crate::state::AppState;
use crate::{db, retention, routes, security, store};

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    pub app_dir: PathBuf,
    /// Mark the session cookie `Secure` even when the request did not say it came over HTTPS.
    pub secure_cookies: bool,
    /// Run the hourly retention task. Tests turn it off and call it directly.
    pub retention_task: bool,
    /// Where people reach the app (`https://yoursay.council.cymru`), for the join address in an event's
    /// QR code; without it the request's `Host` is used.
    pub public_url: Option<String>,
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    pub address: SocketAddr,
    pub pool: AnyPool,
}

impl Application {
    /// Opens (and migrates, and seeds) the database and binds the address; `serve` then runs it.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let backend = db::Backend::of(&config.database_url)?;
        let pool = db::connect(&config.database_url).await?;
        store::catalogue::seed_if_empty(&pool).await?;
        store::keywords::seed_if_never_set(&pool).await?;
        let listener =
            TcpListener::bind(&config.bind).await.with_context(|| format!("could not listen on {}", config.bind))?;
        let address = listener.local_addr()?;
        if config.retention_task {
            retention::spawn_hourly(pool.clone());
        }
        let state = AppState::load(pool.clone(), backend, config).await?;
        Ok(Application { listener, router: router(state), address, pool })
    }

    pub async fn serve(self) -> anyhow::Result<()> {
        axum::serve(self.listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        Ok(())
    }
}

pub fn router(state: AppState) -> Router {
    let csp = security::content_security_policy_for(&state.app_dir);
    let csp = HeaderValue::from_str(&csp).expect("the policy is ASCII");
    let api = Router::new()
        .route(CATALOGUE_PATH, get(routes::catalogue::get))
        .route(NOTICE_PATH, get(routes::notice::get))
        .route(PUSH_PATH, post(routes::entries::push).layer(DefaultBodyLimit::max(MAX_PUSH_BYTES)));
    // API answers are compressed as they go; static files are not: the build wrote their `.br`/`.gz`
    // siblings at maximum quality (`routes::app_files`), so the fallback is added after this layer.
    api.merge(crate::officer::router())
        .merge(routes::forms::router())
        .merge(routes::responses::router())
        .merge(routes::events::router())
        .layer(CompressionLayer::new())
        .fallback(routes::app_files::fallback)
        .layer(axum::middleware::from_fn_with_state(csp, security::add_headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
