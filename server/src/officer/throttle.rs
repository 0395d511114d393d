//! Slowing down password guessing. After a few failures for one email (or many from one address) within a
//! window, sign-in is refused for a lockout that doubles with each further failure. Kept in memory: a
//! restart forgets it, which is acceptable for a single small server and avoids a write per attempt.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const PER_EMAIL: u32 = 5;
pub const PER_ADDRESS: u32 = 20;
const WINDOW: Duration = Duration::from_secs(15 * 60);
const FIRST_LOCKOUT: Duration = Duration::from_secs(30);
const MAX_LOCKOUT: Duration = Duration::from_secs(15 * 60);

#[derive(Debug)]
struct Failures {
    count: u32,
    last: Instant,
    locked_until: Option<Instant>,
}

#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, Failures>>,
}

impl Throttle {
    /// Seconds to wait before another attempt for this email or address is considered, if any.
    pub fn locked_for(&self, email: &str, address: &str) -> Option<u64> {
        let now = Instant::now();
        let map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        [key("email", email), key("ip", address)]
            .iter()
            .filter_map(|k| map.get(k)?.locked_until)
            .filter(|until| *until > now)
            .map(|until| (until - now).as_secs().max(1))
            .max()
    }

    pub fn failed(&self, email: &str, address: &str) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.retain(|_, f| now.duration_since(f.last) < WINDOW || f.locked_until.is_some_and(|u| u > now));
        for (k, limit) in [(key("email", email), PER_EMAIL), (key("ip", address), PER_ADDRESS)] {
            let f = map.entry(k).or_insert(Failures { count: 0, last: now, locked_until: None });
            if now.duration_since(f.last) >= WINDOW {
                f.count = 0;
            }
            f.count += 1;
            f.last = now;
            if f.count >= limit {
                let doublings = (f.count - limit).min(10);
                let lockout = (FIRST_LOCKOUT * 2u32.pow(doublings)).min(MAX_LOCKOUT);
                f.locked_until = Some(now + lockout);
            }
        }
    }

    /// A successful sign-in clears the email's count; the address's count stays, so one valid account
    /// cannot be used to reset guessing at others.
    pub fn succeeded(&self, email: &str) {
        self.failures.lock().unwrap_or_else(|p| p.into_inner()).remove(&key("email", email));
    }
}

fn key(kind: &str, value: &str) -> String {
    format!("{kind}:{value}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_the_limit_and_doubles() {
        let t = Throttle::default();
        for _ in 0..PER_EMAIL - 1 {
            t.failed("a@b.cy", "1.2.3.4");
        }
        assert_eq!(t.locked_for("a@b.cy", "1.2.3.4"), None);
        t.failed("a@b.cy", "1.2.3.4");
        let first = t.locked_for("a@b.cy", "9.9.9.9").unwrap();
        assert!((29..=30).contains(&first), "{first}");
        t.failed("a@b.cy", "1.2.3.4");
        assert!(t.locked_for("a@b.cy", "9.9.9.9").unwrap() > 30);
        assert_eq!(t.locked_for("other@b.cy", "9.9.9.9"), None);
        t.succeeded("a@b.cy");
        assert_eq!(t.locked_for("a@b.cy", "9.9.9.9"), None);
    }
}
