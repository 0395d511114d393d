//! Officer credentials: an email newtype, and Argon2id password hashes.

use std::sync::OnceLock;

use argon2::password_hash::{Output, PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use yoursay_core::{ErrorCode, FieldError};

/// A sign-in name: trimmed and lower-cased so `Jo@Council.cymru` and `jo@council.cymru` are one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim().to_lowercase();
        if s.is_empty() {
            return Err(FieldError::new("email", ErrorCode::Empty));
        }
        if s.chars().count() > 254 {
            return Err(FieldError::new("email", ErrorCode::TooLong));
        }
        let valid = s.split_once('@').is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
            && !s.chars().any(char::is_whitespace);
        if !valid {
            return Err(FieldError::new("email", ErrorCode::Invalid));
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub const MIN_PASSWORD_CHARS: usize = 12;
const MAX_PASSWORD_CHARS: usize = 1024;

/// A new password: long enough to resist guessing (length beats composition rules).
pub fn check_new_password(password: &str) -> Result<(), FieldError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(FieldError::new("password", ErrorCode::OutOfRange));
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(FieldError::new("password", ErrorCode::TooLong));
    }
    Ok(())
}

/// Argon2id with the crate's default (OWASP-recommended) cost, in PHC string form.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt)?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let hash = Argon2::default().hash_password(password.as_bytes(), &salt).map_err(|e| anyhow::anyhow!("hash: {e}"))?;
    Ok(hash.to_string())
}

/// The hash unknown emails are checked against. Made at start-up (see `Throttle::default`), so not even
/// the first unknown email takes longer than a known one.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash("not the password of anyone at all").unwrap_or_default())
}

/// Checks `password` against `stored`. With no stored hash (unknown email) a dummy hash is checked
/// anyway, so the answer takes as long and does not reveal which emails have accounts.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    verify_with(password, stored, &mut Vec::new())
}

/// [`verify`] with Argon2's working memory (about 19 MiB) supplied by the caller, so the server can keep
/// a fixed few such buffers and reuse them instead of asking the allocator for 19 MiB per attempt, which
/// the allocator then keeps (per thread) long after the check.
pub fn verify_with(password: &str, stored: Option<&str>, memory: &mut Vec<Block>) -> bool {
    let candidate = match stored {
        Some(hash) => hash,
        None => dummy_hash(),
    };
    let ok = PasswordHash::new(candidate).is_ok_and(|parsed| matches(password, &parsed, memory));
    ok && stored.is_some()
}

/// Recomputes the hash with the stored parameters and salt, and compares in constant time.
fn matches(password: &str, stored: &PasswordHash<'_>, memory: &mut Vec<Block>) -> bool {
    let (Some(expected), Some(salt)) = (stored.hash, stored.salt) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(stored.algorithm) else {
        return false;
    };
    let Ok(version) = stored.version.map_or(Ok(Version::default()), Version::try_from) else {
        return false;
    };
    let Ok(params) = Params::try_from(stored) else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    memory.resize(params.block_count(), Block::default());
    let mut out = vec![0u8; expected.len()];
    let hashed = Argon2::new(algorithm, version, params).hash_password_into_with_memory(
        password.as_bytes(),
        salt,
        &mut out,
        &mut memory[..],
    );
    hashed.is_ok() && Output::new(&out).is_ok_and(|computed| computed == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse(" Jo@Council.Cymru ").unwrap().as_str(), "jo@council.cymru");
        for bad in ["", "jo", "jo@council", "@council.cymru", "jo @council.cymru"] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn hashes_verify_only_the_right_password() {
        let h = hash("correct horse battery staple").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery staple", Some(&h)));
        assert!(!verify("wrong", Some(&h)));
        assert!(!verify("anything", None));
    }

    #[test]
    fn one_working_memory_serves_checks_of_different_costs() {
        let default_cost = hash("correct horse battery staple").unwrap();
        let small = Params::new(8, 1, 1, None).unwrap();
        let salt = SaltString::encode_b64(b"sixteen byte slt").unwrap();
        let cheap = Argon2::from(small).hash_password(b"tea and bara brith", &salt).unwrap().to_string();
        let mut memory = Vec::new();
        for _ in 0..2 {
            assert!(verify_with("correct horse battery staple", Some(&default_cost), &mut memory));
            assert!(!verify_with("tea and bara brith", Some(&default_cost), &mut memory));
            assert!(verify_with("tea and bara brith", Some(&cheap), &mut memory));
            assert!(!verify_with("correct horse battery staple", Some(&cheap), &mut memory));
        }
        assert!(!verify_with("anything", Some("not a hash"), &mut memory));
    }
}
