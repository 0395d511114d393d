//! The sign-in limit counters (`sign_in_limits`, migration 0003). Each step is one statement, so two
//! requests, or two server instances, racing on one key cannot both take its last attempt. The policy
//! (limits, window, lockout lengths) is in `officer::throttle`.

use sqlx::{AnyPool, Row};

/// Counters for one key.
pub struct Policy {
    /// Attempts allowed within `window_ms` before the key is locked.
    pub limit: i64,
    pub window_ms: i64,
    /// Lock lengths in milliseconds, by how many locks the key had before; the last one repeats.
    pub lockouts_ms: &'static [i64],
}

impl Policy {
    fn lockout_case(&self) -> String {
        let (last, earlier) = self.lockouts_ms.split_last().expect("at least one lockout");
        let arms: String = earlier.iter().enumerate().map(|(i, ms)| format!(" WHEN {i} THEN {ms}")).collect();
        format!("CASE strikes{arms} ELSE {last} END")
    }
}

/// Takes one attempt for `key` if it has one left. `Ok(None)`: taken, go on and check the password.
/// `Ok(Some(ms))`: refused, the key is locked for about `ms` more milliseconds.
pub async fn take_attempt(pool: &AnyPool, key: &str, policy: &Policy, now: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query(
        "INSERT INTO sign_in_limits (key, allowance, strikes, locked_until, last_at) VALUES ($1, $2, 0, 0, $3) \
         ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(policy.limit)
    .bind(now)
    .execute(pool)
    .await?;
    // A lock that has run out gives one more try; a key left alone for a whole window starts afresh.
    sqlx::query(
        "UPDATE sign_in_limits SET \
           allowance = CASE WHEN last_at <= $1 THEN $2 ELSE 1 END, \
           strikes = CASE WHEN last_at <= $1 THEN 0 ELSE strikes END, \
           last_at = $3 \
         WHERE key = $4 AND locked_until <= $3 AND (allowance = 0 OR (last_at <= $1 AND allowance < $2))",
    )
    .bind(now - policy.window_ms)
    .bind(policy.limit)
    .bind(now)
    .bind(key)
    .execute(pool)
    .await?;
    // Taking the last attempt locks the key at once, before its password is even checked, so attempts
    // that arrive meanwhile are refused without a check.
    let taken = sqlx::query(&format!(
        "UPDATE sign_in_limits SET \
           allowance = allowance - 1, \
           last_at = $1, \
           locked_until = CASE WHEN allowance = 1 THEN $1 + {lockout} ELSE locked_until END, \
           strikes = CASE WHEN allowance = 1 THEN strikes + 1 ELSE strikes END \
         WHERE key = $2 AND allowance > 0 AND locked_until <= $1",
        lockout = policy.lockout_case()
    ))
    .bind(now)
    .bind(key)
    .execute(pool)
    .await?
    .rows_affected();
    if taken == 1 {
        return Ok(None);
    }
    let locked_until: i64 = sqlx::query("SELECT locked_until FROM sign_in_limits WHERE key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await?
        .map(|r| r.try_get(0))
        .transpose()?
        .unwrap_or(0);
    Ok(Some((locked_until - now).max(0)))
}

/// Forgets every attempt for `key`.
pub async fn clear(pool: &AnyPool, key: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sign_in_limits WHERE key = $1").bind(key).execute(pool).await?;
    Ok(())
}

/// Gives back an attempt that succeeded (and the lock it set, if it took the last one).
pub async fn give_back(pool: &AnyPool, key: &str, policy: &Policy, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE sign_in_limits SET \
           allowance = allowance + 1, \
           strikes = CASE WHEN allowance = 0 AND locked_until > $1 AND strikes > 0 THEN strikes - 1 ELSE strikes END, \
           locked_until = CASE WHEN allowance = 0 THEN 0 ELSE locked_until END \
         WHERE key = $2 AND allowance < $3",
    )
    .bind(now)
    .bind(key)
    .bind(policy.limit)
    .execute(pool)
    .await?;
    Ok(())
}

/// Drops keys nobody has tried for a whole window and that are not locked (run with retention).
pub async fn forget_quiet(pool: &AnyPool, now: i64, window_ms: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM sign_in_limits WHERE last_at <= $1 AND locked_until <= $2")
        .bind(now - window_ms)
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected())
}
