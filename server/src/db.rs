//! The database: one code path for SQLite and PostgreSQL through sqlx's Any driver, and a tiny migration
//! runner (sqlx's own migrator is per-backend and does not run on `AnyPool`).

use std::path::Path;

use anyhow::Context;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            anyhow::bail!("the database URL must start with sqlite: or postgres:")
        }
    }

    /// The backend behind an open connection, for SQL that differs between the two.
    pub fn of_connection(conn: &sqlx::AnyConnection) -> Self {
        if conn.backend_name() == "PostgreSQL" {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// (version, SQL). Applied in order, each in its own transaction, recorded in `schema_migrations`.
pub const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_initial.sql")),
    (2, include_str!("../migrations/0002_contact.sql")),
    (3, include_str!("../migrations/0003_sign_in_limits.sql")),
    (6, include_str!("../migrations/0006_forms.sql")),
    (7, include_str!("../migrations/0007_survey_answers.sql")),
    (8, include_str!("../migrations/0008_responses.sql")),
    (9, include_str!("../migrations/0009_safe_to_quote.sql")),
    (10, include_str!("../migrations/0010_draft_revision.sql")),
    (11, include_str!("../migrations/0011_events.sql")),
    (12, include_str!("../migrations/0012_erased_entries.sql")),
    (14, include_str!("../migrations/0014_audit_facts.sql")),
    (15, include_str!("../migrations/0015_response_views.sql")),
];

pub async fn connect(url: &str) -> anyhow::Result<AnyPool> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of(url)?;
    if backend == Backend::Sqlite {
        create_sqlite_folder(url)?;
    }
    let pool = AnyPoolOptions::new()
        // SQLite has one writer; more connections only queue up on its lock. Of the five, the writer of
        // devices' pushes keeps one and the log's copying takes one while a push goes on.
        .max_connections(if backend == Backend::Sqlite { 5 } else { 10 })
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // Said explicitly rather than left to a default: a device deletes an entry as soon as
                    // the server says it has it, so that answer must survive a power cut (in WAL mode,
                    // NORMAL could lose the last commits).
                    sqlx::query("PRAGMA synchronous = FULL").execute(&mut *conn).await?;
                    // The server's own task copies the log into the file (`checkpoints.rs`), not the
                    // commit that happens to cross SQLite's threshold.
                    sqlx::query("PRAGMA wal_autocheckpoint = 0").execute(&mut *conn).await?;
                }
                Ok(())
            })
        })
        .connect(url)
        .await
        .with_context(|| format!("could not open the {backend:?} database"))?;
    if backend == Backend::Sqlite {
        // WAL lets the officer read while devices write; it is a property of the file, so once is enough.
        sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
    }
    prepare(&pool, backend).await?;
    Ok(pool)
}

/// Arbitrary numbers naming this application's PostgreSQL advisory locks (one per purpose). The lock
/// functions return `void`, which the Any driver cannot decode, hence `SELECT 1 FROM pg_advisory_…`.
pub const START_LOCK: i64 = 0x596f_7572_5361_7901;
pub const RETENTION_LOCK: i64 = 0x596f_7572_5361_7902;
/// Taken shared by every push and alone by an erase, so an entry being stored and erased at the same moment
/// ends erased (see `lock_shared_for_transaction`).
pub const ERASE_LOCK: i64 = 0x596f_7572_5361_7903;

/// Migrates and seeds. Several instances starting at once on one PostgreSQL database take turns (an
/// advisory lock), so none of them applies a migration or seeds the catalogue a second time.
async fn prepare(pool: &AnyPool, backend: Backend) -> anyhow::Result<()> {
    let mut lock = pool.acquire().await?;
    if backend == Backend::Postgres {
        sqlx::query("SELECT 1 FROM pg_advisory_lock($1)").bind(START_LOCK).execute(&mut *lock).await?;
    }
    migrate(pool, backend).await?;
    crate::store::catalogue::seed_if_empty(pool).await?;
    crate::store::keywords::seed_if_never_set(pool).await?;
    if backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_unlock($1)").bind(START_LOCK).execute(&mut *lock).await?;
    }
    Ok(())
}

/// Inside a transaction: waits for any other instance's transaction holding the same lock to end (a no-op
/// on SQLite, where one writer at a time is the rule anyway).
pub async fn lock_for_transaction(conn: &mut sqlx::AnyConnection, lock: i64) -> sqlx::Result<()> {
    if Backend::of_connection(conn) == Backend::Postgres {
        sqlx::query("SELECT 1 FROM pg_advisory_xact_lock($1)").bind(lock).execute(conn).await?;
    }
    Ok(())
}

/// Like [`lock_for_transaction`], but any number of transactions may hold it shared at once; one taking it
/// with [`lock_for_transaction`] waits for them all, and they for it. Pushes hold [`ERASE_LOCK`] shared so they
/// never wait for each other, only for an erase: without it, on PostgreSQL a push checking for a tombstone
/// just before an erase commits could insert the entry again right after (its `ON CONFLICT` sees the row gone).
pub async fn lock_shared_for_transaction(conn: &mut sqlx::AnyConnection, lock: i64) -> sqlx::Result<()> {
    if Backend::of_connection(conn) == Backend::Postgres {
        sqlx::query("SELECT 1 FROM pg_advisory_xact_lock_shared($1)").bind(lock).execute(conn).await?;
    }
    Ok(())
}

/// The file of a `sqlite:` URL (`None` for an in-memory database).
pub fn sqlite_path(url: &str) -> Option<&str> {
    let path = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let path = path.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// `sqlite://data/yoursay.sqlite3?mode=rwc` creates the file but not its folder.
fn create_sqlite_folder(url: &str) -> anyhow::Result<()> {
    let Some(path) = sqlite_path(url) else {
        return Ok(());
    };
    if let Some(parent) = Path::new(path).parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("could not create {}", parent.display()))?;
    }
    Ok(())
}

pub async fn migrate(pool: &AnyPool, backend: Backend) -> anyhow::Result<()> {
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)",
    )
    .execute(pool)
    .await?;
    let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| r.try_get::<i64, _>(0))
        .collect::<Result<_, _>>()?;
    for (version, sql) in MIGRATIONS {
        if applied.contains(version) {
            continue;
        }
        let auto_id = match backend {
            Backend::Sqlite => "INTEGER PRIMARY KEY AUTOINCREMENT",
            Backend::Postgres => "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        };
        let sql = sql.replace("{{AUTO_ID}}", auto_id);
        let mut tx = pool.begin().await?;
        for statement in statements(&sql) {
            sqlx::query(&statement)
                .execute(&mut *tx)
                .await
                .with_context(|| format!("migration {version} failed at: {statement}"))?;
        }
        sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
            .bind(*version)
            .bind(crate::clock::now_ms())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(version, "applied migration");
    }
    Ok(())
}

/// Splits a migration into statements, dropping `--` comments. Migrations never put `;` inside a string.
fn statements(sql: &str) -> Vec<String> {
    let without_comments: String =
        sql.lines().map(|l| l.split("--").next().unwrap_or_default()).collect::<Vec<_>>().join("\n");
    without_comments.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

pub fn flag(b: bool) -> i64 {
    i64::from(b)
}
