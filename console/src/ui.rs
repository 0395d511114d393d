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
            ApiError::Conflict => Key::ErrorConflict,
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

/// A date and time from the server (ms since the epoch) in the reader's language and time zone:
/// "23 Nov 2026, 19:09" / "23 Tachwedd 2026, 19:09". Welsh is put together here from the translation
/// file's month names, because many browsers have no Welsh date data and would answer in US English.
pub fn date_time(ms: i64, lang: Language) -> String {
    // Exact for any date: ms since the epoch stay far below 2^53.
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    match lang {
        Language::En => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
            let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
            date.to_locale_string(locale(lang), &options).into()
        }
        Language::Cy => format!(
            "{} {} {}, {:02}:{:02}",
            date.get_date(),
            month_name(date.get_month() as usize + 1, lang).unwrap_or_default(),
            date.get_full_year(),
            date.get_hours(),
            date.get_minutes()
        ),
    }
}

/// A month's name (1 = January) from the translation file.
fn month_name(month: usize, lang: Language) -> Option<&'static str> {
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
    MONTHS.get(month.checked_sub(1)?).map(|m| m.text(lang))
}

/// A calendar day (`YYYY-MM-DD`) in words ("14 March 2026", "14 Mawrth 2026"), month names from the
/// translation file the server's documents use (browsers often lack Welsh dates).
pub fn day(date: &str, lang: Language) -> String {
    let mut parts = date.splitn(3, '-');
    let (Some(year), Some(month), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return date.to_owned();
    };
    match (month.parse::<usize>().ok().and_then(|m| month_name(m, lang)), d.parse::<u32>()) {
        (Some(month), Ok(d)) => format!("{d} {month} {year}"),
        _ => date.to_owned(),
    }
}

/// The page's language with its region, for dates and numbers in UK order.
pub fn locale(lang: Language) -> &'static str {
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

/// A field's problem, beside it; `id` is what the field's `aria-describedby` names.
pub fn error_note(id: Option<String>, text: String) -> impl IntoView {
    view! { <p class="field-error" id=id><span aria-hidden="true">"⚠ "</span>{text}</p> }
}

/// A labelled text box with its problem beside it (`{id}-error`, named by `aria-describedby`): the one
/// text field of every console form. `rows` makes it a text area; `lang` tells a screen reader which
/// language the officer types in; `kind` is the input's type (`date`, or `pin` for digits on a number pad);
/// `hint` is a line under the label (`{id}-hint`).
#[component]
pub fn TextBox(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    #[prop(into)] value: TextProp,
    #[prop(into)] on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional_no_strip)] lang: Option<&'static str>,
    #[prop(optional_no_strip)] rows: Option<u32>,
    #[prop(optional)] number: bool,
    #[prop(optional_no_strip)] kind: Option<&'static str>,
    #[prop(optional_no_strip, into)] hint: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let hint_text = move || hint.and_then(|h| h.get());
    let invalid = move || error.with(|e| e.is_some()).then_some("true");
    let describedby = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let ids: Vec<&str> = [
                hint_text().is_some().then_some(hint_id.as_str()),
                error.with(|e| e.is_some()).then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    // A PIN is digits typed in plain sight of the officer alone: a number pad, not a password box.
    let (input_type, inputmode) = match kind {
        Some("pin") => ("text", Some("numeric")),
        Some(kind) => (kind, None),
        None if number => ("number", None),
        None => ("text", None),
    };
    let control = match rows {
        Some(rows) => view! {
            <textarea id=id.clone() lang=lang rows=rows aria-invalid=invalid aria-describedby=describedby
                prop:value=move || value.get().to_string()
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any(),
        None => view! {
            <input id=id.clone() type=input_type inputmode=inputmode autocomplete="off" lang=lang aria-invalid=invalid
                aria-describedby=describedby prop:value=move || value.get().to_string()
                on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:has-error=move || error.with(|e| e.is_some())>
            <label for=id>{move || label.get().to_string()}</label>
            {move || hint_text().map(|text| view! { <p class="hint" id=hint_id.clone()>{text}</p> })}
            {move || error.get().map(|text| error_note(Some(error_id.clone()), text))}
            {control}
        </div>
    }
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

/// A fieldset with its legend and its problem (`{id}-error`, named by `aria-describedby`); focusable, so
/// focus can go to a problem with the whole group.
#[component]
pub fn Group(
    #[prop(into)] id: String,
    #[prop(into)] legend: TextProp,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional, into)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <fieldset class=class.unwrap_or("checks") id=id tabindex="-1"
            aria-describedby=move || error.with(|e| e.is_some()).then(|| described.clone())>
            <legend>{move || legend.get().to_string()}</legend>
            {move || error.get().map(|text| error_note(Some(error_id.clone()), text))}
            {children()}
        </fieldset>
    }
}

/// Codes to tick in a fieldset (promises, services, choices), each `(code, words)` in the officer's
/// language; boxes are `{id}-{code}`, the problem `{id}-error`.
#[component]
pub fn Checks(
    #[prop(into)] id: String,
    #[prop(into)] legend: TextProp,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] chosen: Signal<Vec<String>>,
    #[prop(into)] on_toggle: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let prefix = id.clone();
    view! {
        <Group id=id legend=legend error=error>
            {move || options.get().into_iter().map(|(code, words)| {
                let box_id = format!("{prefix}-{code}");
                let has = code.clone();
                view! {
                    <label class="check" for=box_id.clone()>
                        <input type="checkbox" id=box_id.clone() prop:checked=move || chosen.with(|c| c.contains(&has))
                            on:change=move |_| on_toggle.run(code.clone()) />
                        {words}
                    </label>
                }
            }).collect_view()}
        </Group>
    }
}

/// A labelled list to choose one from, `(value, words)`, with its problem beside it like [`TextBox`].
#[component]
pub fn SelectBox(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] selected: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:has-error=move || error.with(|e| e.is_some())>
            <label for=id.clone()>{move || label.get().to_string()}</label>
            {move || error.get().map(|text| error_note(Some(error_id.clone()), text))}
            <select id=id aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                aria-describedby=move || error.with(|e| e.is_some()).then(|| described.clone())
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(value, words)| {
                    let v = value.clone();
                    view! { <option value=value selected=move || selected.with(|s| *s == v)>{words}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A labelled tick box.
pub fn check_box(
    id: String,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    on_change: impl Fn(bool) + 'static,
) -> impl IntoView {
    let for_id = id.clone();
    view! {
        <label class="choice" for=for_id>
            <input type="checkbox" id=id prop:checked=checked on:change=move |ev| on_change(event_target_checked(&ev)) />
            {label}
        </label>
    }
}

/// Adds a code to a list, or takes it out when it is there.
pub fn toggle(list: &mut Vec<String>, code: &str) {
    match list.iter().position(|c| c == code) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(code.to_owned()),
    }
}

/// The catalogue's items still offered, as `(code, name)` in the officer's language.
pub fn item_options(i18n: I18n, items: &[yoursay_core::CatalogueItem]) -> Vec<(String, String)> {
    let lang = i18n.lang.get();
    items.iter().filter(|i| !i.retired).map(|i| (i.code.clone(), i.name.get(lang).to_owned())).collect()
}

/// The problem the server named for `path`, in words, for beside its box (`id` for `aria-describedby`).
pub fn field_problem(
    i18n: I18n,
    errors: RwSignal<Vec<yoursay_core::FieldError>>,
    path: &'static str,
    id: String,
) -> impl IntoView {
    move || field_error_text(i18n, &errors.get(), path).map(|text| error_note(Some(id.clone()), text))
}
