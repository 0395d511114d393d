//! Every user-facing word comes from the translation files in `i18n/en` and `i18n/cy`, through the `Key`
//! enum build.rs generates for each file. `Key` on its own is the young person's app (`app::Key`).

use leptos::prelude::*;
use yoursay_core::{AgeBand, Bilingual, ErrorCode, Language, Role};

include!(concat!(env!("OUT_DIR"), "/i18n_keys.rs"));

pub use app::Key;

/// The phone's own bundle (feature `words-in-page`) reads the app's words from its page rather than
/// carrying them: they come with the page while the wasm's request waits for its first byte, and in the
/// wasm they cost about 4.2 KB of a download that a slow phone pays at 50 KB/s.
/// `scripts/inline-first-load.py` writes them into `<script type=text/plain id=words>`: every English
/// word, then every Welsh one, in `Key::ALL`'s order (the keys sorted by their bytes), one per line.
#[cfg(feature = "words-in-page")]
pub mod page_words {
    use std::sync::OnceLock;

    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();

    /// Reads the words, once: `main` calls it before it empties the page. A page without them, or with
    /// a different number (a page and a wasm of two builds), stops the app there rather than show wrong
    /// words.
    pub fn read() -> &'static [&'static str] {
        WORDS.get_or_init(|| {
            let text = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("words"))
                .and_then(|e| e.text_content())
                .unwrap_or_default();
            let words: Vec<&'static str> = String::leak(text).split('\n').collect();
            assert_eq!(words.len(), 2 * super::Key::ALL.len(), "the page's words are not this build's");
            words
        })
    }

    /// The word of the key at `index` in `Key::ALL`. Not inlined: hundreds of places call it.
    #[inline(never)]
    pub fn get(lang: super::Language, index: usize) -> &'static str {
        let first = match lang {
            super::Language::En => 0,
            super::Language::Cy => super::Key::ALL.len(),
        };
        read()[first + index]
    }
}

/// A translatable string: every generated `Key` enum implements this.
pub trait Text: Copy + Send + Sync + 'static {
    fn en(self) -> &'static str;
    fn cy(self) -> &'static str;

    fn text(self, lang: Language) -> &'static str {
        match lang {
            Language::En => self.en(),
            Language::Cy => self.cy(),
        }
    }
}

/// The current language, shared by every component through context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Language>,
}

impl I18n {
    pub fn t(self, key: impl Text) -> &'static str {
        key.text(self.lang.get())
    }

    /// For `view!`: a reactive text that follows the language.
    pub fn tr(self, key: impl Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || key.text(self.lang.get())
    }

    /// Officer-entered bilingual content in the current language.
    pub fn pick(self, text: &Bilingual) -> String {
        text.get(self.lang.get()).to_owned()
    }
}

pub use yoursay_core::template::fill;

/// A day as "14 March 2026" / "14 Mawrth 2026", with the month names of the translation files (the same
/// words the server uses; browsers do not all carry Welsh month names). `None` for no such month.
pub fn day_in_words(year: i32, month: u32, day: u32, i18n: I18n) -> Option<String> {
    use you_said::Key as Y;
    const MONTHS: [Y; 12] = [
        Y::Month01,
        Y::Month02,
        Y::Month03,
        Y::Month04,
        Y::Month05,
        Y::Month06,
        Y::Month07,
        Y::Month08,
        Y::Month09,
        Y::Month10,
        Y::Month11,
        Y::Month12,
    ];
    let month = MONTHS.get((month as usize).wrapping_sub(1))?;
    Some(format!("{day} {} {year}", i18n.t(*month)))
}

/// `2026-03-14` in words ([`day_in_words`]); anything else as it is.
pub fn date_in_words(date: &str, i18n: I18n) -> String {
    let mut parts = date.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return date.to_owned();
    };
    match (year.parse(), month.parse(), day.parse()) {
        (Ok(y), Ok(m), Ok(d)) => day_in_words(y, m, d, i18n).unwrap_or_else(|| date.to_owned()),
        _ => date.to_owned(),
    }
}

/// The UTC day of a time in milliseconds, in words ([`day_in_words`]).
pub fn time_in_words(ms: i64, i18n: I18n) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    day_in_words(date.get_utc_full_year() as i32, date.get_utc_month() + 1, date.get_utc_date(), i18n)
        .unwrap_or_default()
}

/// The words for a role: the one mapping, for the "about you" question and the officer's console.
pub fn role_key(role: Role) -> Key {
    match role {
        Role::YoungPerson => Key::RoleYoungPerson,
        Role::CareLeaver => Key::RoleCareLeaver,
        Role::FosterCarer => Key::RoleFosterCarer,
        Role::KinshipCarer => Key::RoleKinshipCarer,
        Role::Professional => Key::RoleProfessional,
        Role::Other => Key::RoleOther,
    }
}

/// The words for an age band, as [`role_key`].
pub fn age_key(age: AgeBand) -> Key {
    match age {
        AgeBand::From4To7 => Key::Age4To7,
        AgeBand::From8To10 => Key::Age8To10,
        AgeBand::From11To15 => Key::Age11To15,
        AgeBand::From16To18 => Key::Age16To18,
        AgeBand::From19To25 => Key::Age19To25,
        AgeBand::From26 => Key::Age26Plus,
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The words shown for a server or validation error code.
pub fn error_key(code: ErrorCode) -> Key {
    match code {
        ErrorCode::Missing => Key::ErrorMissing,
        ErrorCode::Empty => Key::ErrorEmpty,
        ErrorCode::TooLong => Key::ErrorTooLong,
        ErrorCode::TooMany => Key::ErrorTooMany,
        // A conflict is a form the runner would not let anyone make: "not in the right form" is honest.
        ErrorCode::Invalid | ErrorCode::Conflict => Key::ErrorInvalid,
        ErrorCode::OutOfRange => Key::ErrorOutOfRange,
        ErrorCode::UnknownValue | ErrorCode::UnknownField | ErrorCode::UnknownCode => Key::ErrorUnknown,
        ErrorCode::Duplicate => Key::ErrorDuplicate,
    }
}

/// Words for the part of an entry a server error is about, instead of its field path
/// ("answers[0].promise"), which is program text to the person holding the phone.
pub fn field_key(field: &str) -> Key {
    let is = |name: &str| field.starts_with(name);
    if is("text") {
        Key::FieldText
    } else if is("answers") || is("promises") {
        Key::FieldPromise
    } else if is("service") {
        Key::FieldService
    } else if is("contact") {
        Key::FieldContact
    } else {
        Key::FieldOther
    }
}
