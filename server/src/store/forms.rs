//! Forms as stored: one row per form (code, audience, retired), its draft as JSON, and its published
//! versions, each written once and never changed. JSON is read and written by the callers; here only SQL.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

/// One published version, its form as the JSON text it was published as.
#[derive(Debug, Clone)]
pub struct StoredVersion {
    pub code: String,
    pub version: u32,
    pub content_hash: String,
    pub form: String,
    pub published_at: i64,
    pub published_by: String,
}

#[derive(Debug, Clone)]
pub struct StoredDraft {
    pub form: String,
    /// Taken by each save (from 1): what a later save says it started from.
    pub revision: i64,
    pub updated_at: i64,
    pub updated_by: String,
}

/// A form with its draft, as the officer's list shows it.
#[derive(Debug, Clone)]
pub struct StoredForm {
    pub code: String,
    pub retired: bool,
    pub draft: StoredDraft,
}

const VERSION_COLUMNS: &str = "v.code, v.version, v.content_hash, v.form, v.published_at, v.published_by";

fn version_from_row(row: &AnyRow) -> sqlx::Result<StoredVersion> {
    Ok(StoredVersion {
        code: row.try_get("code")?,
        version: u32::try_from(row.try_get::<i64, _>("version")?).unwrap_or(0),
        content_hash: row.try_get("content_hash")?,
        form: row.try_get("form")?,
        published_at: row.try_get("published_at")?,
        published_by: row.try_get("published_by")?,
    })
}

fn draft_from_row(row: &AnyRow) -> sqlx::Result<StoredDraft> {
    Ok(StoredDraft {
        form: row.try_get("form")?,
        revision: row.try_get("revision")?,
        updated_at: row.try_get("updated_at")?,
        updated_by: row.try_get("updated_by")?,
    })
}

/// Adds a form and its first draft. `false` (and nothing written) when the code was ever used.
pub async fn create(conn: &mut AnyConnection, code: &str, audience: &str, draft: &StoredDraft) -> sqlx::Result<bool> {
    let added = sqlx::query(
        "INSERT INTO forms (code, audience, retired, created_at, created_by, updated_at) VALUES ($1, $2, 0, $3, $4, $3) \
         ON CONFLICT (code) DO NOTHING",
    )
    .bind(code)
    .bind(audience)
    .bind(draft.updated_at)
    .bind(&draft.updated_by)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if added == 0 {
        return Ok(false);
    }
    sqlx::query("INSERT INTO form_drafts (code, form, updated_at, updated_by) VALUES ($1, $2, $3, $4)")
        .bind(code)
        .bind(&draft.form)
        .bind(draft.updated_at)
        .bind(&draft.updated_by)
        .execute(conn)
        .await?;
    Ok(true)
}

/// Takes the form's row for the rest of the transaction by writing to it first, so two officers publishing
/// at once take turns (on SQLite the first write takes the database's write lock; on PostgreSQL, the row's)
/// and each reads what the other committed. `false` when there is no such form.
pub async fn lock(conn: &mut AnyConnection, code: &str, now: i64) -> sqlx::Result<bool> {
    let n = sqlx::query("UPDATE forms SET updated_at = $1 WHERE code = $2")
        .bind(now)
        .bind(code)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(n > 0)
}

pub async fn draft(conn: &mut AnyConnection, code: &str) -> sqlx::Result<Option<StoredDraft>> {
    let row = sqlx::query("SELECT form, revision, updated_at, updated_by FROM form_drafts WHERE code = $1")
        .bind(code)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(draft_from_row).transpose()
}

pub async fn save_draft(conn: &mut AnyConnection, code: &str, audience: &str, draft: &StoredDraft) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE form_drafts SET form = $1, updated_at = $2, updated_by = $3, revision = revision + 1 WHERE code = $4",
    )
    .bind(&draft.form)
    .bind(draft.updated_at)
    .bind(&draft.updated_by)
    .bind(code)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE forms SET audience = $1 WHERE code = $2").bind(audience).bind(code).execute(conn).await?;
    Ok(())
}

pub async fn set_retired(conn: &mut AnyConnection, code: &str, retired: bool) -> sqlx::Result<()> {
    sqlx::query("UPDATE forms SET retired = $1 WHERE code = $2")
        .bind(i64::from(retired))
        .bind(code)
        .execute(conn)
        .await?;
    Ok(())
}

/// Every version of one form, oldest first.
pub async fn versions(conn: &mut AnyConnection, code: &str) -> sqlx::Result<Vec<StoredVersion>> {
    sqlx::query(&format!("SELECT {VERSION_COLUMNS} FROM form_versions v WHERE v.code = $1 ORDER BY v.version"))
        .bind(code)
        .fetch_all(conn)
        .await?
        .iter()
        .map(version_from_row)
        .collect()
}

pub async fn version(pool: &AnyPool, code: &str, version: u32) -> sqlx::Result<Option<StoredVersion>> {
    version_on(&mut *pool.acquire().await?, code, version).await
}

pub async fn version_on(conn: &mut AnyConnection, code: &str, version: u32) -> sqlx::Result<Option<StoredVersion>> {
    sqlx::query(&format!("SELECT {VERSION_COLUMNS} FROM form_versions v WHERE v.code = $1 AND v.version = $2"))
        .bind(code)
        .bind(i64::from(version))
        .fetch_optional(conn)
        .await?
        .as_ref()
        .map(version_from_row)
        .transpose()
}

pub async fn insert_version(conn: &mut AnyConnection, v: &StoredVersion) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO form_versions (code, version, content_hash, form, published_at, published_by) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&v.code)
    .bind(i64::from(v.version))
    .bind(&v.content_hash)
    .bind(&v.form)
    .bind(v.published_at)
    .bind(&v.published_by)
    .execute(conn)
    .await?;
    Ok(())
}

/// The newest version of each form (`retired_too`: of retired forms as well), in code order.
pub async fn latest_versions(conn: &mut AnyConnection, retired_too: bool) -> sqlx::Result<Vec<StoredVersion>> {
    let only_offered = if retired_too { "" } else { "AND f.retired = 0" };
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM form_versions v JOIN forms f ON f.code = v.code \
         WHERE v.version = (SELECT MAX(w.version) FROM form_versions w WHERE w.code = v.code) {only_offered} \
         ORDER BY v.code"
    );
    sqlx::query(&sql).fetch_all(conn).await?.iter().map(version_from_row).collect()
}

/// Every form with its draft, in code order.
pub async fn all(conn: &mut AnyConnection) -> sqlx::Result<Vec<StoredForm>> {
    let rows = sqlx::query(
        "SELECT f.code, f.retired, d.form, d.revision, d.updated_at, d.updated_by FROM forms f \
         JOIN form_drafts d ON d.code = f.code ORDER BY f.code",
    )
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(StoredForm {
                code: r.try_get("code")?,
                retired: r.try_get::<i64, _>("retired")? != 0,
                draft: draft_from_row(r)?,
            })
        })
        .collect()
}
