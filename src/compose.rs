//! Turns what a person chose on screen into an entry, checked by the same parser the server uses, so a
//! mistake is caught on the phone, in the person's language, before anything is saved.

use yoursay_core::{AgeBand, Entry, EntryKind, EntryWire, FieldError, Language, Role};

/// What every entry carries besides its body.
pub struct Envelope {
    pub language: Language,
    pub role: Option<Role>,
    pub age_band: Option<AgeBand>,
}

impl Envelope {
    /// A fresh entry with a new id and the current time. `kind` and the body fields are filled in by the
    /// caller before [`check`].
    pub fn open(&self, kind: EntryKind) -> Result<EntryWire, FieldError> {
        let id =
            crate::platform::new_entry_id().ok_or_else(|| FieldError::new("id", yoursay_core::ErrorCode::Missing))?;
        Ok(EntryWire {
            id,
            created_at: js_sys::Date::now() as i64,
            language: self.language.code().to_owned(),
            event: crate::prefs::event(),
            role: self.role.map(|r| r.code().to_owned()),
            age_band: self.age_band.map(|a| a.code().to_owned()),
            kind: kind.code().to_owned(),
            text: None,
            promises: None,
            service: None,
            answers: None,
            contact: None,
            survey: None,
        })
    }
}

/// Parses the entry as the server will; returns it in its normalised wire form (trimmed text and so on).
pub fn check(wire: EntryWire) -> Result<EntryWire, Vec<FieldError>> {
    Entry::parse(&wire, js_sys::Date::now() as i64).map(|e| e.to_wire())
}
