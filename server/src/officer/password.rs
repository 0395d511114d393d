//! Officer credentials: an email newtype, and Argon2id password hashes.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
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

/// Checks `password` against `stored`. With no stored hash (unknown email) a dummy hash is checked
/// anyway, so the answer takes as long and does not reveal which emails have accounts.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("not the password of anyone at all").unwrap_or_default());
    let candidate = stored.unwrap_or(dummy);
    let ok = PasswordHash::new(candidate)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false);
    ok && stored.is_some()
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
}
