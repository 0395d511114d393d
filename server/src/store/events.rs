//! Events as stored (migration 0011): one row per event, its surveys as a JSON list of form codes and its
//! exit PIN as salt, hash and rounds. JSON is read and written by the callers; here only SQL.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPin {
    pub salt: String,
    pub hash: String,
    pub rounds: i64,
}

/// An event's fields as columns; `surveys` is JSON text.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub code: String,
    pub name_en: String,
    pub name_cy: String,
    pub date: String,
    pub place: String,
    pub surveys: String,
    pub role: Option<String>,
    pub pass_the_tablet: bool,
    pub pin: Option<StoredPin>,
    pub hear_back_by: String,
    pub closed: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "code, name_en, name_cy, event_date, place, surveys, role, pass_the_tablet, pin_salt, \
                       pin_hash, pin_rounds, hear_back_by, closed, created_at, updated_at";

fn event(row: &AnyRow) -> sqlx::Result<StoredEvent> {
    let salt: Option<String> = row.try_get("pin_salt")?;
    let hash: Option<String> = row.try_get("pin_hash")?;
    let rounds: Option<i64> = row.try_get("pin_rounds")?;
    Ok(StoredEvent {
        code: row.try_get("code")?,
        name_en: row.try_get("name_en")?,
        name_cy: row.try_get("name_cy")?,
        date: row.try_get("event_date")?,
        place: row.try_get("place")?,
        surveys: row.try_get("surveys")?,
        role: row.try_get("role")?,
        pass_the_tablet: row.try_get::<i64, _>("pass_the_tablet")? != 0,
        pin: match (salt, hash, rounds) {
            (Some(salt), Some(hash), Some(rounds)) => Some(StoredPin { salt, hash, rounds }),
            _ => None,
        },
        hear_back_by: row.try_get("hear_back_by")?,
        closed: row.try_get::<i64, _>("closed")? != 0,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds `$1`–`$12`, the fields the officer sets, in the one order both statements below use.
fn bind_fields<'q>(query: AnyQuery<'q>, e: &'q StoredEvent) -> AnyQuery<'q> {
    let pin = e.pin.as_ref();
    query
        .bind(&e.code)
        .bind(&e.name_en)
        .bind(&e.name_cy)
        .bind(&e.date)
        .bind(&e.place)
        .bind(&e.surveys)
        .bind(e.role.clone())
        .bind(i64::from(e.pass_the_tablet))
        .bind(pin.map(|p| p.salt.clone()))
        .bind(pin.map(|p| p.hash.clone()))
        .bind(pin.map(|p| p.rounds))
        .bind(&e.hear_back_by)
}

/// Adds an event; `false` (and nothing written) when its code is taken.
pub async fn insert(conn: &mut AnyConnection, e: &StoredEvent, by: &str) -> sqlx::Result<bool> {
    let query = sqlx::query(
        "INSERT INTO events (code, name_en, name_cy, event_date, place, surveys, role, pass_the_tablet, pin_salt, \
         pin_hash, pin_rounds, hear_back_by, closed, created_at, created_by, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $14, $13, $14) \
         ON CONFLICT (code) DO NOTHING",
    );
    let added = bind_fields(query, e).bind(e.created_at).bind(by).execute(conn).await?;
    Ok(added.rows_affected() == 1)
}

/// Writes everything the officer edits (not `closed`, not `created_at`).
pub async fn update(conn: &mut AnyConnection, e: &StoredEvent, by: &str) -> sqlx::Result<()> {
    let query = sqlx::query(
        "UPDATE events SET name_en = $2, name_cy = $3, event_date = $4, place = $5, surveys = $6, role = $7, \
         pass_the_tablet = $8, pin_salt = $9, pin_hash = $10, pin_rounds = $11, hear_back_by = $12, \
         updated_at = $13, updated_by = $14 WHERE code = $1",
    );
    bind_fields(query, e).bind(e.updated_at).bind(by).execute(conn).await?;
    Ok(())
}

pub async fn set_closed(conn: &mut AnyConnection, code: &str, closed: bool, now: i64, by: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE events SET closed = $2, updated_at = $3, updated_by = $4 WHERE code = $1")
        .bind(code)
        .bind(i64::from(closed))
        .bind(now)
        .bind(by)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn get(conn: &mut AnyConnection, code: &str) -> sqlx::Result<Option<StoredEvent>> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM events WHERE code = $1"))
        .bind(code)
        .fetch_optional(conn)
        .await?
        .as_ref()
        .map(event)
        .transpose()
}

/// Events on or after `today`, soonest first, then those before it, latest first.
pub async fn all(conn: &mut AnyConnection, today: &str) -> sqlx::Result<Vec<StoredEvent>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM events ORDER BY CASE WHEN event_date >= $1 THEN 0 ELSE 1 END, \
         CASE WHEN event_date >= $1 THEN event_date END ASC, event_date DESC, code"
    ))
    .bind(today)
    .fetch_all(conn)
    .await?
    .iter()
    .map(event)
    .collect()
}

/// Whether any stored entry already carries `code` (an old free-form event code a new join code must not
/// take over).
pub async fn used_by_entries(conn: &mut AnyConnection, code: &str) -> sqlx::Result<bool> {
    Ok(sqlx::query("SELECT 1 FROM entries WHERE event = $1 LIMIT 1").bind(code).fetch_optional(conn).await?.is_some())
}
