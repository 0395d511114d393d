//! The audit log: who did what, to what, when. Written in the same transaction as the change where there
//! is one, so the log cannot miss an action that happened.

use sqlx::{AnyConnection, AnyPool, Row};
use yoursay_core::officer::{AuditFacts, AuditItem};

use crate::clock::{iso_utc, now_ms};

pub const CLI: &str = "cli";
pub const SYSTEM: &str = "system";

pub async fn record(
    conn: &mut AnyConnection,
    actor: &str,
    action: &str,
    target: Option<&str>,
    facts: Option<&AuditFacts>,
) -> sqlx::Result<()> {
    let facts_json = facts.map(|f| serde_json::to_string(f).expect("audit facts are plain data"));
    sqlx::query("INSERT INTO audit_log (at, actor, action, target, detail, facts) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(now_ms())
        .bind(actor)
        .bind(action)
        .bind(target.map(str::to_owned))
        .bind(facts.map(AuditFacts::text))
        .bind(facts_json)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn record_now(
    pool: &AnyPool,
    actor: &str,
    action: &str,
    target: Option<&str>,
    facts: Option<&AuditFacts>,
) -> sqlx::Result<()> {
    let mut conn = pool.acquire().await?;
    record(&mut conn, actor, action, target, facts).await
}

pub async fn page(pool: &AnyPool, limit: i64, offset: i64) -> sqlx::Result<(i64, Vec<AuditItem>)> {
    let total: i64 = sqlx::query("SELECT COUNT(*) FROM audit_log").fetch_one(pool).await?.try_get(0)?;
    let rows = sqlx::query(
        "SELECT id, at, actor, action, target, detail, facts FROM audit_log ORDER BY id DESC LIMIT $1 OFFSET $2",
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await?;
    let items = rows
        .iter()
        .map(|r| {
            let at: i64 = r.try_get("at")?;
            Ok(AuditItem {
                id: r.try_get("id")?,
                at,
                at_iso: iso_utc(at),
                actor: r.try_get("actor")?,
                action: r.try_get("action")?,
                target: r.try_get("target")?,
                detail: r.try_get("detail")?,
                // A line this version cannot read keeps its English detail.
                facts: r.try_get::<Option<String>, _>("facts")?.and_then(|f| serde_json::from_str(&f).ok()),
            })
        })
        .collect::<sqlx::Result<_>>()?;
    Ok((total, items))
}
