//! What the console's screens share: the session, messages, words for codes, dates in the chosen
//! language, and focus after each step.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use yoursay_core::Language;

use super::api::{ApiError, Me};
use crate::i18n::{app, officer::Key, use_i18n, I18n, Text};

/// The signed-in officer, shared through context.
#[derive(Clone, Copy)]
pub struct Session {
    pub me: RwSignal<Option<Me>>,
    /// False until the server said whether the cookie is still good.
    pub checked: RwSignal<bool>,
    /// A message to show on the sign-in screen (e.g. "your session has ended").
    pub notice: RwSignal<Option<Key>>,
}

impl Session {
    pub fn new() -> Self {
        Session { me: RwSignal::new(None), checked: RwSignal::new(false), notice: RwSignal::new(None) }
    }

    /// The words for a failed call. A 401 anywhere ends the session: the guard then sends the officer to
    /// sign in.
    pub fn fail(self, error: &ApiError) -> Key {
        match error {
            ApiError::SignedOut => {
                self.notice.set(Some(Key::ErrorSessionEnded));
                self.me.set(None);
                Key::ErrorSessionEnded
            }
            ApiError::Unreachable => Key::ErrorUnreachable,
            ApiError::NotFound => Key::ErrorNotFound,
            ApiError::Invalid(_) => Key::ErrorFixFields,
            ApiError::TooMany { .. } | ApiError::Other(_) => Key::ErrorOther,
        }
    }
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    values.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// A date and time from the server (ms since the epoch) in the reader's language and time zone.
pub fn date_time(ms: f64, lang: Language) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let locale = match lang {
        Language::En => "en-GB",
        Language::Cy => "cy-GB",
    };
    date.to_locale_string(locale, &options).into()
}

/// A number in the language's own style (e.g. "1,234").
pub fn number(n: f64, lang: Language) -> String {
    let locale = match lang {
        Language::En => "en-GB",
        Language::Cy => "cy-GB",
    };
    js_sys::Number::from(n).to_locale_string(locale).into()
}

pub fn role_key(code: &str) -> Option<app::Key> {
    Some(match code {
        "young_person" => app::Key::RoleYoungPerson,
        "care_leaver" => app::Key::RoleCareLeaver,
        "foster_carer" => app::Key::RoleFosterCarer,
        "kinship_carer" => app::Key::RoleKinshipCarer,
        "professional" => app::Key::RoleProfessional,
        "other" => app::Key::RoleOther,
        _ => return None,
    })
}

/// The role codes the filters offer: every role in `yoursay_core::Role::ALL`, in "about you" order.
pub const ROLES: [&str; 6] = ["young_person", "care_leaver", "foster_carer", "kinship_carer", "professional", "other"];

pub fn age_key(code: &str) -> Option<app::Key> {
    Some(match code {
        "4_7" => app::Key::Age4To7,
        "8_10" => app::Key::Age8To10,
        "11_15" => app::Key::Age11To15,
        "16_18" => app::Key::Age16To18,
        "19_25" => app::Key::Age19To25,
        "26_plus" => app::Key::Age26Plus,
        _ => return None,
    })
}

pub fn language_key(code: &str) -> Option<Key> {
    Some(match code {
        "en" => Key::LangEn,
        "cy" => Key::LangCy,
        _ => return None,
    })
}

/// The answer scale, worst to best, then "don't know".
pub const SCALE: [app::Key; 6] = [
    app::Key::ScaleReallyBad,
    app::Key::ScaleBad,
    app::Key::ScaleOk,
    app::Key::ScaleGood,
    app::Key::ScaleReallyGood,
    app::Key::ScaleDontKnow,
];

/// Words for a code from the server, or the code itself when this console does not know it yet.
pub fn code_words(i18n: I18n, key: Option<impl Text>, code: &str) -> String {
    key.map(|k| i18n.t(k).to_owned()).unwrap_or_else(|| code.to_owned())
}

/// Moves focus to the screen's heading once it is drawn, so a screen reader starts there.
pub fn focus_heading() {
    request_animation_frame(|| {
        if let Some(h1) = document().query_selector("main h1").ok().flatten() {
            use wasm_bindgen::JsCast;
            if let Ok(h1) = h1.dyn_into::<web_sys::HtmlElement>() {
                let _ = h1.focus();
            }
        }
    });
}

/// Keeps the window title on the current screen, in the current language.
pub fn page_title(key: Key) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} – {}", i18n.t(key), i18n.t(Key::AppName)));
    });
}

/// The words for an error of a field, e.g. "Name in Welsh: It is empty".
pub fn field_error_text(i18n: I18n, errors: &[yoursay_core::FieldError], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(|e| i18n.t(crate::i18n::error_key(e.code)).to_owned())
}
