//! One way from a form's answers to the outbox, for every form. The answers become an entry (a view or a
//! rating for the built-in forms, a survey entry for any other: core's `builtin::fill_entry`), checked by
//! the same parser the server uses, so a mistake is caught on the phone, in the person's language, before
//! anything is saved; then the entry is saved on the device, and only then does the person see "Thank you".

use leptos::prelude::*;
use yoursay_core::form::{builtin, Question};
use yoursay_core::{AgeBand, Entry, EntryWire, ErrorCode, FieldError, Language, Role};

use super::{steps, AboutYouDraft, Answered};

/// What every entry carries besides its answers.
pub struct Envelope {
    pub language: Language,
    pub role: Option<Role>,
    pub age_band: Option<AgeBand>,
}

impl AboutYouDraft {
    /// The envelope of an entry in `language` with these "about you" answers.
    pub fn envelope(self, language: Language) -> Envelope {
        Envelope { language, role: self.role.get_untracked(), age_band: self.age_band.get_untracked() }
    }
}

/// The entry for `answers` to version `version` of the form `code`, not yet checked, with a new id, the
/// time and the event. Only the questions shown now are sent.
pub fn compose(
    code: &str,
    version: u32,
    questions: &[Question],
    answers: &[Option<Answered>],
    envelope: Envelope,
) -> Result<EntryWire, FieldError> {
    let id = crate::platform::new_entry_id().ok_or_else(|| FieldError::new("id", ErrorCode::Missing))?;
    let mut wire = EntryWire {
        id,
        created_at: js_sys::Date::now() as i64,
        language: envelope.language.code().to_owned(),
        event: crate::prefs::event(),
        role: envelope.role.map(|r| r.code().to_owned()),
        age_band: envelope.age_band.map(|a| a.code().to_owned()),
        kind: String::new(),
        text: None,
        promises: None,
        service: None,
        answers: None,
        contact: None,
        survey: None,
    };
    builtin::fill_entry(steps::to_wire(code, version, questions, answers), &mut wire);
    Ok(wire)
}

/// Parses the entry as the server will; returns it in its normalised wire form (trimmed text and so on).
pub fn check(wire: EntryWire) -> Result<EntryWire, Vec<FieldError>> {
    Entry::parse(&wire, js_sys::Date::now() as i64).map(|e| e.to_wire())
}

/// Saves a checked entry on the device, then thanks the person; the form it came from is replaced in
/// the history so Back cannot show it again. `then(true)` once saved (the form empties its draft);
/// `then(false)` if the device cannot save: the form stays as it is and says so.
pub fn save_then_thank(
    (state, nav): (crate::state::AppState, crate::router::Nav),
    wire: EntryWire,
    saving: RwSignal<bool>,
    then: impl FnOnce(bool) + 'static,
) {
    saving.set(true);
    leptos::task::spawn_local(async move {
        match state.save(wire).await {
            Ok(()) => {
                then(true);
                nav.go("/thanks", true);
            }
            Err(e) => {
                leptos::logging::error!("{e}");
                then(false);
                saving.set(false);
            }
        }
    });
}
