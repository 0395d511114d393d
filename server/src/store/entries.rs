//! Entries as stored: the entry row, a view's promise tags, a rating's answers (one row each).

use sqlx::{AnyConnection, AnyPool, Row};
use yoursay_core::{Answer, Entry, EntryBody};

use crate::risk::RiskWords;

/// Stores `entry` unless an entry with its id is already there. Returns whether a row was added; the
/// children are written only then, so a retry never doubles a rating's answers.
pub async fn insert(conn: &mut AnyConnection, entry: &Entry, received_at: i64, risk: &RiskWords) -> sqlx::Result<bool> {
    let (service, text) = match &entry.body {
        EntryBody::View(v) => (None, Some(v.text.as_str().to_owned())),
        EntryBody::Rating(r) => (Some(r.service.as_str().to_owned()), None),
    };
    let found = text.as_deref().map(|t| risk.find(t)).unwrap_or_default();
    let added = sqlx::query(
        "INSERT INTO entries (id, kind, created_at, received_at, language, event, role, age_band, service, text, flagged, \
         flag_words, contact_name, contact_how) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING",
    )
    .bind(entry.id.as_str())
    .bind(entry.body.kind())
    .bind(entry.created_at.millis())
    .bind(received_at)
    .bind(entry.language.code())
    .bind(entry.event.as_ref().map(|e| e.as_str().to_owned()))
    .bind(entry.role.map(|r| r.code().to_owned()))
    .bind(entry.age_band.map(|a| a.code().to_owned()))
    .bind(service)
    .bind(text)
    .bind(i64::from(!found.is_empty()))
    .bind(found.join(", "))
    .bind(entry.contact.as_ref().map(|c| c.name.as_str().to_owned()))
    .bind(entry.contact.as_ref().map(|c| c.how.as_str().to_owned()))
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if !added {
        return Ok(false);
    }
    match &entry.body {
        EntryBody::View(v) => {
            for (i, p) in v.promises.iter().enumerate() {
                sqlx::query("INSERT INTO view_promises (entry_id, promise, position) VALUES ($1, $2, $3)")
                    .bind(entry.id.as_str())
                    .bind(p.as_str())
                    .bind(i as i64)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        EntryBody::Rating(r) => {
            for (i, a) in r.answers.iter().enumerate() {
                let (score, dont_know) = match a.answer {
                    Answer::Score(s) => (Some(i64::from(s.value())), 0),
                    Answer::DontKnow => (None, 1),
                };
                sqlx::query(
                    "INSERT INTO rating_answers (entry_id, promise, position, score, dont_know) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(entry.id.as_str())
                .bind(a.promise.as_str())
                .bind(i as i64)
                .bind(score)
                .bind(dont_know as i64)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(true)
}

pub async fn count(pool: &AnyPool) -> sqlx::Result<i64> {
    sqlx::query("SELECT COUNT(*) FROM entries").fetch_one(pool).await?.try_get(0)
}

/// Deletes entries made before `cutoff_ms`, children first (SQLite enforces foreign keys only when asked).
pub async fn delete_older_than(conn: &mut AnyConnection, cutoff_ms: i64) -> sqlx::Result<u64> {
    let old = "SELECT id FROM entries WHERE created_at < $1";
    for child in ["view_promises", "rating_answers"] {
        sqlx::query(&format!("DELETE FROM {child} WHERE entry_id IN ({old})"))
            .bind(cutoff_ms)
            .execute(&mut *conn)
            .await?;
    }
    Ok(sqlx::query("DELETE FROM entries WHERE created_at < $1").bind(cutoff_ms).execute(conn).await?.rows_affected())
}
