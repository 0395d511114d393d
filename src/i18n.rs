//! Every user-facing word comes from the translation files in `i18n/en` and `i18n/cy`, through the `Key`
//! enum build.rs generates for each file. `Key` on its own is the young person's app (`app::Key`).

use leptos::prelude::*;
use yoursay_core::{Bilingual, ErrorCode, Language};

include!(concat!(env!("OUT_DIR"), "/i18n_keys.rs"));

pub use app::Key;

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
