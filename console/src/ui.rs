//! What the console's screens share: the session, messages, words for codes, dates in the chosen
//! language, and focus after each step.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use yoursay_core::{AgeBand, Language, Role};

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

/// Core's `fill` (the one placeholder filler) for values made on the spot.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let values: Vec<(&str, &str)> = values.iter().map(|(name, value)| (*name, value.as_str())).collect();
    crate::i18n::fill(template, &values)
}

/// A date and time from the server (ms since the epoch) in the reader's language and time zone.
pub fn date_time(ms: i64, lang: Language) -> String {
    // Exact for any date: ms since the epoch stay far below 2^53.
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(locale(lang), &options).into()
}

/// A calendar day (`YYYY-MM-DD`) in words ("14 March 2026", "14 Mawrth 2026"), month names from the
/// translation file the server's documents use (browsers often lack Welsh dates).
pub fn day(date: &str, lang: Language) -> String {
    use crate::i18n::{you_said::Key as M, Text};
    const MONTHS: [M; 12] = [
        M::Month01,
        M::Month02,
        M::Month03,
        M::Month04,
        M::Month05,
        M::Month06,
        M::Month07,
        M::Month08,
        M::Month09,
        M::Month10,
        M::Month11,
        M::Month12,
    ];
    let mut parts = date.splitn(3, '-');
    let (Some(year), Some(month), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return date.to_owned();
    };
    match (month.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {year}", MONTHS[m - 1].text(lang)),
        _ => date.to_owned(),
    }
}

fn locale(lang: Language) -> &'static str {
    match lang {
        Language::En => "en-GB",
        Language::Cy => "cy-GB",
    }
}

/// A number in the language's own style (e.g. "1,234").
pub fn number(n: f64, lang: Language) -> String {
    js_sys::Number::from(n).to_locale_string(locale(lang)).into()
}

/// Words for a role code from the server (the mapping itself is the library's, shared with the app).
pub fn role_words(i18n: I18n, code: &str) -> String {
    code_words(i18n, Role::parse(code).ok().map(crate::i18n::role_key), code)
}

/// Words for an age band code from the server.
pub fn age_words(i18n: I18n, code: &str) -> String {
    code_words(i18n, AgeBand::parse(code).ok().map(crate::i18n::age_key), code)
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

/// Moves focus to the element with this id, if it is on screen: the one focus helper of the console.
pub fn focus(id: &str) {
    focus_element(document().get_element_by_id(id));
}

fn focus_element(element: Option<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Moves focus to the screen's heading once it is drawn, so a screen reader starts there.
pub fn focus_heading() {
    request_animation_frame(|| focus_element(document().query_selector("main h1").ok().flatten()));
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

/// A list screen's data once it is there, or what to show instead: the loading line, the failure, or the
/// "none yet" line.
pub fn loaded<T>(
    i18n: I18n,
    data: Option<Result<T, Key>>,
    is_empty: impl Fn(&T) -> bool,
    none: Key,
) -> Result<T, AnyView> {
    match data {
        None => Err(view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any()),
        Some(Err(key)) => Err(view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any()),
        Some(Ok(list)) if is_empty(&list) => Err(view! { <p>{i18n.t(none)}</p> }.into_any()),
        Some(Ok(list)) => Ok(list),
    }
}

/// A data table (scrolling sideways on a small screen) with its column headings.
pub fn data_table(i18n: I18n, id: &'static str, columns: &[Key], rows: impl IntoView) -> impl IntoView {
    let headings = columns.iter().map(|k| view! { <th scope="col">{i18n.t(*k)}</th> }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="data" id=id>
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The problem the server named for `path`, in words, for beside its box (`id` for `aria-describedby`).
pub fn field_problem(
    i18n: I18n,
    errors: RwSignal<Vec<yoursay_core::FieldError>>,
    path: &'static str,
    id: String,
) -> impl IntoView {
    move || {
        field_error_text(i18n, &errors.get(), path).map(|text| {
            view! { <p class="field-error" id=id.clone()><span aria-hidden="true">"⚠ "</span>{text}</p> }
        })
    }
}

/// A labelled one-line box (`kind` is the input type, or `pin` for digits) with an optional hint and the problem the server
/// named for `path` beside it, tied to the box for screen readers.
pub struct TextBox {
    pub path: &'static str,
    pub id: String,
    pub label: Key,
    pub hint: Option<Signal<Option<Key>>>,
    pub kind: &'static str,
    pub lang: Option<&'static str>,
}

impl TextBox {
    pub fn view(
        self,
        i18n: I18n,
        errors: RwSignal<Vec<yoursay_core::FieldError>>,
        value: impl Fn() -> String + Send + Sync + 'static,
        set: impl Fn(String) + 'static,
    ) -> impl IntoView {
        let TextBox { path, id, label, hint, kind, lang } = self;
        let has_error = move || errors.with(|list| list.iter().any(|e| e.field == path));
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let hint_text = move || hint.and_then(|h| h.get()).map(|k| i18n.t(k).to_owned());
        let described = {
            let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
            move || {
                let ids: Vec<&str> =
                    [hint_text().is_some().then_some(hint_id.as_str()), has_error().then_some(error_id.as_str())]
                        .into_iter()
                        .flatten()
                        .collect();
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        // A PIN is digits typed in plain sight of the officer alone: a number pad, not a password box.
        let (kind, inputmode) = if kind == "pin" { ("text", Some("numeric")) } else { (kind, None) };
        view! {
            <div class="field" class:has-error=has_error>
                <label for=id.clone()>{i18n.tr(label)}</label>
                {move || hint_text().map(|text| view! { <p class="hint" id=hint_id.clone()>{text}</p> })}
                {field_problem(i18n, errors, path, error_id)}
                <input id=id type=kind lang=lang inputmode=inputmode autocomplete="off"
                    aria-invalid=move || has_error().then_some("true")
                    aria-describedby=described
                    prop:value=value
                    on:input=move |ev| set(event_target_value(&ev)) />
            </div>
        }
    }
}
