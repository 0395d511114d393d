//! `yoursay-server backup --out FILE`: a consistent copy of a live SQLite database, taken while the server
//! keeps storing entries. SQLite's `VACUUM INTO` writes the copy from one read transaction (WAL mode lets
//! writers go on meanwhile), so the copy holds exactly what was committed when it started. The copy is then
//! opened and checked (`PRAGMA integrity_check`) before it is reported as made. PostgreSQL has its own
//! tools for this (`pg_dump`), named in the error.

use std::path::Path;

use anyhow::{bail, Context};
use sqlx::{AnyPool, Row};

use crate::db::{self, Backend};

#[derive(Debug)]
pub struct Backup {
    pub entries: i64,
    pub bytes: u64,
}

pub async fn run(database_url: &str, out: &Path) -> anyhow::Result<Backup> {
    if Backend::of(database_url)? == Backend::Postgres {
        bail!(
            "backup copies SQLite databases; for PostgreSQL use its own tools: \
             pg_dump --format=custom --file=yoursay.dump \"$YOURSAY_DATABASE_URL\" (restore with pg_restore --clean \
             --dbname=URL yoursay.dump); see README, \"Backups\""
        );
    }
    let source = db::sqlite_path(database_url).context("an in-memory database cannot be backed up")?;
    if !Path::new(source).is_file() {
        bail!("there is no database at {source}");
    }
    if out.exists() {
        bail!("{} already exists: choose a new file name", out.display());
    }
    let out_text = out.to_str().context("the --out path must be valid UTF-8")?;
    sqlx::any::install_default_drivers();
    // Opened as it is, without migrating: a backup taken before an upgrade must be of the old schema.
    let pool = AnyPool::connect(&format!("sqlite://{source}")).await.context("could not open the database")?;
    sqlx::query("VACUUM INTO $1").bind(out_text).execute(&pool).await.context("could not write the copy")?;
    pool.close().await;

    let copy = AnyPool::connect(&format!("sqlite://{out_text}?mode=ro")).await.context("could not open the copy")?;
    let check: String = sqlx::query("PRAGMA integrity_check").fetch_one(&copy).await?.try_get(0)?;
    if check != "ok" {
        bail!("the copy failed its integrity check: {check}");
    }
    let entries: i64 = sqlx::query("SELECT COUNT(*) FROM entries").fetch_one(&copy).await?.try_get(0)?;
    copy.close().await;
    let bytes = std::fs::metadata(out)?.len();
    Ok(Backup { entries, bytes })
}
