//! Officer accounts and their sessions.

use sqlx::{AnyPool, Row};

use crate::clock::now_ms;

pub async fn password_hash(pool: &AnyPool, email: &str) -> sqlx::Result<Option<String>> {
    let row =
        sqlx::query("SELECT password_hash FROM officers WHERE email = $1").bind(email).fetch_optional(pool).await?;
    row.map(|r| r.try_get::<String, _>(0)).transpose()
}

/// Creates the officer, or sets a new password for an existing one. Returns whether the account is new.
pub async fn upsert(pool: &AnyPool, email: &str, hash: &str) -> sqlx::Result<bool> {
    let existed = password_hash(pool, email).await?.is_some();
    sqlx::query(
        "INSERT INTO officers (email, password_hash, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash",
    )
    .bind(email)
    .bind(hash)
    .bind(now_ms())
    .execute(pool)
    .await?;
    if existed {
        // A new password ends every session signed in with the old one.
        sqlx::query("DELETE FROM officer_sessions WHERE email = $1").bind(email).execute(pool).await?;
    }
    Ok(!existed)
}

pub async fn create_session(pool: &AnyPool, token_hash: &str, email: &str, expires_at: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO officer_sessions (token_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(email)
        .bind(now_ms())
        .bind(expires_at)
        .execute(pool)
        .await?;
    Ok(())
}

/// The email and expiry of a live session.
pub async fn session(pool: &AnyPool, token_hash: &str) -> sqlx::Result<Option<(String, i64)>> {
    let row = sqlx::query("SELECT email, expires_at FROM officer_sessions WHERE token_hash = $1 AND expires_at > $2")
        .bind(token_hash)
        .bind(now_ms())
        .fetch_optional(pool)
        .await?;
    row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose()
}

pub async fn delete_session(pool: &AnyPool, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM officer_sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
    Ok(())
}

pub async fn delete_expired_sessions(pool: &AnyPool) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM officer_sessions WHERE expires_at <= $1")
        .bind(now_ms())
        .execute(pool)
        .await?
        .rows_affected())
}
