//! Retention: entries older than the officer's chosen number of months are deleted, every hour and on
//! demand, and each run is written to the audit log (UK GDPR storage limitation).

use std::time::Duration;

use sqlx::AnyPool;
use yoursay_core::officer::{AuditFacts, RetentionPreview, RetentionRun};

use crate::clock::{iso_utc, months_before, now_ms};
use crate::store::{self, audit, settings};

pub const DEFAULT_MONTHS: i64 = 24;

pub async fn months(pool: &AnyPool) -> sqlx::Result<i64> {
    settings::get_i64(pool, settings::RETENTION_MONTHS, DEFAULT_MONTHS).await
}

/// The one cut-off: entries made before it are deleted by a run keeping `months` months at `now`.
pub fn cutoff(now: i64, months: i64) -> i64 {
    months_before(now, u32::try_from(months).unwrap_or(0))
}

/// What a run keeping `months` months would delete if it ran now, deleting nothing.
pub async fn preview(pool: &AnyPool, months: i64) -> sqlx::Result<RetentionPreview> {
    let cutoff = cutoff(now_ms(), months);
    let mut conn = pool.acquire().await?;
    let would_delete = store::entries::count_older_than(&mut conn, cutoff).await?;
    Ok(RetentionPreview {
        months: u32::try_from(months).unwrap_or(0),
        would_delete,
        cutoff,
        cutoff_iso: iso_utc(cutoff),
    })
}

pub async fn run(pool: &AnyPool, actor: &str) -> sqlx::Result<RetentionRun> {
    let months = months(pool).await?;
    let cutoff = cutoff(now_ms(), months);
    let mut tx = pool.begin().await?;
    // Instances sharing one PostgreSQL database run retention one after the other, not over each other.
    crate::db::lock_for_transaction(&mut tx, crate::db::RETENTION_LOCK).await?;
    let deleted = store::entries::delete_older_than(&mut tx, cutoff).await?;
    let cutoff_iso = iso_utc(cutoff);
    let facts = AuditFacts::RetentionRun { deleted, cutoff, cutoff_iso: cutoff_iso.clone(), months };
    audit::record(&mut tx, actor, "retention_run", None, Some(&facts)).await?;
    tx.commit().await?;
    tracing::info!(deleted, cutoff = %cutoff_iso, "retention run");
    Ok(RetentionRun { deleted, cutoff, cutoff_iso })
}

/// Runs retention now and then every hour, and clears expired sessions.
pub fn spawn_hourly(pool: AnyPool) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(60 * 60));
        loop {
            every.tick().await;
            if let Err(e) = run(&pool, audit::SYSTEM).await {
                tracing::error!(error = ?e, "retention run failed");
            }
            if let Err(e) = store::officers::delete_expired_sessions(&pool).await {
                tracing::error!(error = ?e, "clearing expired sessions failed");
            }
            if let Err(e) = crate::officer::throttle::forget_quiet(&pool, now_ms()).await {
                tracing::error!(error = ?e, "clearing old sign-in counters failed");
            }
        }
    });
}
