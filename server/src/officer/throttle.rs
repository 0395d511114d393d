//! Slowing down password guessing, in two ways.
//!
//! - **Limits**, kept in the database (`store::sign_in_limits`) so a restart does not clear them and every
//!   server instance on one database counts together: each attempt is counted *before* its password is
//!   checked, so a burst of simultaneous guesses gets no more checks than the limit. Five attempts for one
//!   email (or twenty from one address) within fifteen minutes lock it for 30 seconds, then one more try
//!   per lock, each lock twice as long as the last, up to fifteen minutes.
//! - **A bound on simultaneous password checks**: each Argon2 check holds about 19 MiB, so only a few run
//!   at once; others wait briefly, then get 503 with `Retry-After` rather than growing the server's memory.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use argon2::Block;
use sqlx::AnyPool;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;
use crate::store::sign_in_limits::{self, Policy};

pub const PER_EMAIL: i64 = 5;
pub const PER_ADDRESS: i64 = 20;
const WINDOW_MS: i64 = 15 * 60 * 1000;
const LOCKOUTS_MS: &[i64] = &[30_000, 60_000, 120_000, 240_000, 480_000, 900_000];
/// How long an attempt waits for a free password check before it is told to come back.
const CHECK_WAIT: Duration = Duration::from_secs(5);
/// At most this many Argon2 checks at once (fewer on a machine with fewer cores).
const MAX_CHECKS: usize = 4;

const EMAIL: Policy = Policy { limit: PER_EMAIL, window_ms: WINDOW_MS, lockouts_ms: LOCKOUTS_MS };
const ADDRESS: Policy = Policy { limit: PER_ADDRESS, window_ms: WINDOW_MS, lockouts_ms: LOCKOUTS_MS };

pub struct Throttle {
    checks: Arc<Semaphore>,
    /// Argon2 working memory, one buffer per check that may run at once, reused from check to check.
    memory: Arc<Mutex<Vec<Vec<Block>>>>,
}

/// A turn to check a password, with the working memory to do it in; both go back when it is dropped.
pub struct CheckTurn {
    memory: Vec<Block>,
    spare: Arc<Mutex<Vec<Vec<Block>>>>,
    _permit: OwnedSemaphorePermit,
}

impl CheckTurn {
    pub fn memory(&mut self) -> &mut Vec<Block> {
        &mut self.memory
    }
}

impl Drop for CheckTurn {
    fn drop(&mut self) {
        // Back before the permit (a field, dropped after this), so the next turn finds it.
        let memory = std::mem::take(&mut self.memory);
        self.spare.lock().unwrap_or_else(|p| p.into_inner()).push(memory);
    }
}

impl Default for Throttle {
    fn default() -> Self {
        super::password::dummy_hash();
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Throttle { checks: Arc::new(Semaphore::new(cores.clamp(1, MAX_CHECKS))), memory: Arc::default() }
    }
}

impl Throttle {
    /// Counts an attempt for this email and address. Refused at once (429 with `Retry-After`) when either
    /// has no attempt left.
    pub async fn take_attempt(&self, pool: &AnyPool, email: &str, address: &str, now: i64) -> Result<(), ApiError> {
        for (key, policy) in [(email_key(email), &EMAIL), (address_key(address), &ADDRESS)] {
            if let Some(ms) = sign_in_limits::take_attempt(pool, &key, policy, now).await? {
                return Err(ApiError::TooManyAttempts { retry_after_secs: retry_after_secs(ms) });
            }
        }
        Ok(())
    }

    /// A right password clears the email's count and gives the address its attempt back; other
    /// failures from that address still count, so one valid account cannot reset guessing at others.
    pub async fn succeeded(&self, pool: &AnyPool, email: &str, address: &str, now: i64) -> Result<(), ApiError> {
        sign_in_limits::clear(pool, &email_key(email)).await?;
        sign_in_limits::give_back(pool, &address_key(address), &ADDRESS, now).await?;
        Ok(())
    }

    /// A turn to check a password: waits up to five seconds, then 503 "try again in a second".
    pub async fn check_turn(&self) -> Result<CheckTurn, ApiError> {
        match tokio::time::timeout(CHECK_WAIT, self.checks.clone().acquire_owned()).await {
            Ok(Ok(permit)) => {
                let memory = self.memory.lock().unwrap_or_else(|p| p.into_inner()).pop().unwrap_or_default();
                Ok(CheckTurn { memory, spare: self.memory.clone(), _permit: permit })
            }
            Ok(Err(closed)) => Err(ApiError::Internal(closed.into())),
            Err(_) => Err(ApiError::Busy { retry_after_secs: 1 }),
        }
    }
}

/// Drops counters nobody has used for a whole window (run hourly with retention).
pub async fn forget_quiet(pool: &AnyPool, now: i64) -> sqlx::Result<u64> {
    sign_in_limits::forget_quiet(pool, now, WINDOW_MS).await
}

fn email_key(email: &str) -> String {
    format!("email:{email}")
}

fn address_key(address: &str) -> String {
    format!("ip:{address}")
}

fn retry_after_secs(ms: i64) -> u64 {
    u64::try_from((ms + 999) / 1000).unwrap_or(0).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_rounds_up_to_whole_seconds_and_is_never_zero() {
        assert_eq!(retry_after_secs(0), 1);
        assert_eq!(retry_after_secs(1), 1);
        assert_eq!(retry_after_secs(29_001), 30);
        assert_eq!(retry_after_secs(30_000), 30);
    }
}
