use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, FieldError};

/// The client-generated identity of an entry: a random (version 4) UUID in lower-case hyphenated form.
/// The device makes it once, before the entry is stored, so every retry of a sync carries the same id
/// and the server can refuse to store it twice.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct EntryId(String);

impl EntryId {
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let err = || FieldError::new("id", ErrorCode::Invalid);
        let bytes = s.as_bytes();
        if bytes.len() != 36 {
            return Err(err());
        }
        for (i, &b) in bytes.iter().enumerate() {
            let ok = match i {
                8 | 13 | 18 | 23 => b == b'-',
                _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b) || (b'A'..=b'F').contains(&b),
            };
            if !ok {
                return Err(err());
            }
        }
        // Version nibble 4 and RFC 4122 variant (8, 9, a or b): anything else was not made by randomUUID().
        let variant = bytes[19].to_ascii_lowercase();
        if bytes[14] != b'4' || !matches!(variant, b'8' | b'9' | b'a' | b'b') {
            return Err(err());
        }
        Ok(EntryId(s.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for EntryId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        EntryId::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl std::fmt::Display for EntryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_v4_uuid_and_lowercases_it() {
        let id = EntryId::parse("3F2504E0-4F89-41D3-9A0C-0305E82C3301").unwrap();
        assert_eq!(id.as_str(), "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    }

    #[test]
    fn refuses_wrong_shapes_versions_and_variants() {
        for bad in [
            "",
            "not-a-uuid",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301", // version 1
            "3f2504e0-4f89-41d3-7a0c-0305e82c3301", // wrong variant
            "3f2504e04f8941d39a0c0305e82c3301",     // no hyphens
            "3f2504e0-4f89-41d3-9a0c-0305e82c330g", // not hex
            "3f2504e0-4f89-41d3-9a0c-0305e82c33011",
        ] {
            assert!(EntryId::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
