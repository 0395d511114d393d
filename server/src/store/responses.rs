//! "You said, we did" as stored: one row per response (its text as JSON), its updates, and the change
//! sequence devices pull by. JSON is read and written by the callers; here only SQL.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

#[derive(Debug, Clone)]
pub struct StoredResponse {
    pub id: String,
    pub body: String,
    pub state: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
    pub change_seq: i64,
}

#[derive(Debug, Clone)]
pub struct StoredUpdate {
    pub at: i64,
    pub progress: String,
    pub text_en: String,
    pub text_cy: String,
}

const COLUMNS: &str = "id, body, state, created_at, updated_at, published_at, change_seq";

fn response(row: &AnyRow) -> sqlx::Result<StoredResponse> {
    Ok(StoredResponse {
        id: row.try_get(0)?,
        body: row.try_get(1)?,
        state: row.try_get(2)?,
        created_at: row.try_get(3)?,
        updated_at: row.try_get(4)?,
        published_at: row.try_get(5)?,
        change_seq: row.try_get(6)?,
    })
}

pub async fn insert(conn: &mut AnyConnection, id: &str, body: &str, now: i64, by: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO responses (id, body, state, created_at, created_by, updated_at) VALUES ($1, $2, 'draft', $3, $4, $3)",
    )
    .bind(id)
    .bind(body)
    .bind(now)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn get(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Option<StoredResponse>> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM responses WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .as_ref()
        .map(response)
        .transpose()
}

/// Newest change first.
pub async fn all(conn: &mut AnyConnection) -> sqlx::Result<Vec<StoredResponse>> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM responses ORDER BY updated_at DESC, id"))
        .fetch_all(conn)
        .await?
        .iter()
        .map(response)
        .collect()
}

/// Published and withdrawn responses changed after `since`, in the order of their changes.
pub async fn changed_since(conn: &mut AnyConnection, since: i64) -> sqlx::Result<Vec<StoredResponse>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM responses WHERE change_seq > $1 AND state IN ('published', 'withdrawn') \
         ORDER BY change_seq"
    ))
    .bind(since)
    .fetch_all(conn)
    .await?
    .iter()
    .map(response)
    .collect()
}

/// The last change number given out.
pub async fn last_change(conn: &mut AnyConnection) -> sqlx::Result<i64> {
    sqlx::query("SELECT seq FROM response_changes WHERE id = 1").fetch_one(conn).await?.try_get(0)
}

/// Takes the next change number; held until the transaction ends, so numbers follow commit order.
pub async fn next_change(conn: &mut AnyConnection) -> sqlx::Result<i64> {
    sqlx::query("UPDATE response_changes SET seq = seq + 1 WHERE id = 1 RETURNING seq")
        .fetch_one(conn)
        .await?
        .try_get(0)
}

/// Writes the response's text and state; `change_seq` is `Some` when devices must hear of it.
pub async fn save(
    conn: &mut AnyConnection,
    id: &str,
    body: &str,
    state: &str,
    now: i64,
    published_at: Option<i64>,
    change_seq: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE responses SET body = $2, state = $3, updated_at = $4, published_at = COALESCE(published_at, $5), \
         change_seq = COALESCE($6, change_seq) WHERE id = $1",
    )
    .bind(id)
    .bind(body)
    .bind(state)
    .bind(now)
    .bind(published_at)
    .bind(change_seq)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn updates(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Vec<StoredUpdate>> {
    sqlx::query("SELECT at, progress, text_en, text_cy FROM response_updates WHERE response_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| {
            Ok(StoredUpdate {
                at: r.try_get(0)?,
                progress: r.try_get(1)?,
                text_en: r.try_get(2)?,
                text_cy: r.try_get(3)?,
            })
        })
        .collect()
}

pub async fn add_update(conn: &mut AnyConnection, id: &str, update: &StoredUpdate, by: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO response_updates (response_id, position, at, progress, text_en, text_cy, written_by) \
         SELECT $1, COALESCE(MAX(position), -1) + 1, $2, $3, $4, $5, $6 FROM response_updates WHERE response_id = $1",
    )
    .bind(id)
    .bind(update.at)
    .bind(&update.progress)
    .bind(&update.text_en)
    .bind(&update.text_cy)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// Published responses (id, body): few enough to read whole when a quoted view changes.
pub async fn published(conn: &mut AnyConnection) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query("SELECT id, body FROM responses WHERE state = 'published'")
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect()
}

/// Tells devices a response changed without changing its text (its quote was taken back).
pub async fn touch(conn: &mut AnyConnection, id: &str, change_seq: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE responses SET change_seq = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(change_seq)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The views (entry ids) response `id` answers, in the order chosen.
pub async fn views_of(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Vec<String>> {
    sqlx::query("SELECT entry_id FROM response_views WHERE response_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect()
}

/// Replaces the views response `id` answers with `views` (distinct ids of existing entries).
pub async fn set_views(conn: &mut AnyConnection, id: &str, views: &[String]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM response_views WHERE response_id = $1").bind(id).execute(&mut *conn).await?;
    for (position, view) in views.iter().enumerate() {
        sqlx::query("INSERT INTO response_views (response_id, entry_id, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(view)
            .bind(position as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The responses (id, body) that answer view `entry_id`, newest change first: drafts and published ones,
/// not withdrawn ones (a withdrawn response answers nothing any more).
pub async fn answering(conn: &mut AnyConnection, entry_id: &str) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query(
        "SELECT r.id, r.body FROM response_views rv JOIN responses r ON r.id = rv.response_id \
         WHERE rv.entry_id = $1 AND r.state <> 'withdrawn' ORDER BY r.updated_at DESC, r.id",
    )
    .bind(entry_id)
    .fetch_all(conn)
    .await?
    .iter()
    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
    .collect()
}
