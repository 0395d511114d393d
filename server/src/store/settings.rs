use sqlx::{AnyConnection, AnyPool, Row};

pub const CATALOGUE_VERSION: &str = "catalogue_version";
pub const RETENTION_MONTHS: &str = "retention_months";
/// The small-number threshold results use by default (core `officer::DEFAULT_MIN_CELL` until set).
pub const MIN_CELL: &str = "min_cell";

pub async fn get(conn: &mut AnyConnection, key: &str) -> sqlx::Result<Option<String>> {
    let row = sqlx::query("SELECT value FROM settings WHERE key = $1").bind(key).fetch_optional(conn).await?;
    row.map(|r| r.try_get::<String, _>(0)).transpose()
}

pub async fn set(conn: &mut AnyConnection, key: &str, value: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn get_i64(pool: &AnyPool, key: &str, default: i64) -> sqlx::Result<i64> {
    let mut conn = pool.acquire().await?;
    Ok(get(&mut conn, key).await?.and_then(|v| v.parse().ok()).unwrap_or(default))
}

/// The small-number threshold results use unless a request names its own.
pub async fn min_cell(pool: &AnyPool) -> sqlx::Result<i64> {
    get_i64(pool, MIN_CELL, i64::from(yoursay_core::officer::DEFAULT_MIN_CELL)).await
}
