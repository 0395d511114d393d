//! The filter form the inbox, results and export share: date range, event, role, age band, and per
//! screen language, promise, status, kind or "compare with the previous period". What is typed stays in the form until "Apply" copies it.

use leptos::prelude::*;
use yoursay_core::{EntryKind, ErrorCode, EventCode, FieldError, Role};

use super::ui::{age_words, check_box, error_note, focus, role_words};
use crate::i18n::{app, officer::Key, use_i18n, I18n};
use yoursay_core::AgeBand;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterValues {
    pub from: String,
    pub to: String,
    pub event: String,
    pub role: String,
    pub age_band: String,
    pub language: String,
    pub promise: String,
    pub status: String,
    pub kind: String,
    /// Results only: also count the period before `from`…`to`.
    pub compare: bool,
}

impl FilterValues {
    /// The query parameters the officer API takes.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        vec![
            ("from", self.from.clone()),
            ("to", self.to.clone()),
            ("event", self.event.clone()),
            ("role", self.role.clone()),
            ("age_band", self.age_band.clone()),
            ("language", self.language.clone()),
            ("promise", self.promise.clone()),
            ("status", self.status.clone()),
            ("kind", self.kind.clone()),
        ]
    }
}

impl FilterValues {
    /// Sets the filter `name` of [`FilterValues::params`]; other names change nothing.
    pub fn set(&mut self, name: &str, value: String) {
        let field = match name {
            "from" => &mut self.from,
            "to" => &mut self.to,
            "event" => &mut self.event,
            "role" => &mut self.role,
            "age_band" => &mut self.age_band,
            "language" => &mut self.language,
            "promise" => &mut self.promise,
            "status" => &mut self.status,
            "kind" => &mut self.kind,
            _ => return,
        };
        *field = value;
    }

    /// The query string of the filters results are counted by (date range, event, role, age band), and
    /// the comparison when it is ticked.
    pub fn results_query(&self) -> String {
        let mut params: Vec<_> = self
            .params()
            .into_iter()
            .filter(|(k, _)| matches!(*k, "from" | "to" | "event" | "role" | "age_band"))
            .collect();
        if self.compare {
            params.push(("compare", "previous".to_owned()));
        }
        crate::api::query(&params)
    }
}

impl FilterValues {
    /// What the server would refuse in these filters, found before asking it, with the same parsers:
    /// a last day before the first, an event code that cannot be one. Dates come from date boxes, the
    /// rest from lists, so nothing else can be wrong. Lets the export say so beside the field instead of
    /// a download that fails with no word.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        // `YYYY-MM-DD` compares in date order.
        if !self.from.is_empty() && !self.to.is_empty() && self.to < self.from {
            problems.push(FieldError::new("to", ErrorCode::OutOfRange));
        }
        if !self.event.trim().is_empty() {
            if let Err(e) = EventCode::parse(&self.event) {
                problems.push(e);
            }
        }
        problems
    }
}

/// The words for a filter's problem, saying how to put it right.
pub fn problem_words(i18n: I18n, problem: &FieldError) -> String {
    match (problem.field.as_str(), problem.code) {
        ("to", ErrorCode::OutOfRange) => i18n.t(Key::FiltersProblemToBeforeFrom).to_owned(),
        ("event", _) => i18n.t(Key::FiltersProblemEvent).to_owned(),
        (_, code) => i18n.t(crate::i18n::error_key(code)).to_owned(),
    }
}

/// Shows `problems` beside their fields and moves focus to the first; true when there were any.
pub fn show_problems(id: &str, shown: RwSignal<Vec<FieldError>>, problems: Vec<FieldError>) -> bool {
    let first = problems.first().map(|p| format!("{id}-{}", p.field));
    shown.set(problems);
    if let Some(first) = &first {
        let first = first.clone();
        request_animation_frame(move || focus(&first));
    }
    first.is_some()
}

/// Which extra fields a screen offers.
#[derive(Clone, Copy, Default)]
pub struct Fields {
    pub language: bool,
    pub promise: bool,
    pub status: bool,
    pub kind: bool,
    pub compare: bool,
}

/// The form. `draft` is what is typed; `on_apply` runs with it when the officer applies it.
#[component]
pub fn FilterForm(
    id: &'static str,
    draft: RwSignal<FilterValues>,
    fields: Fields,
    /// Promise codes and names (current language) for the promise filter.
    #[prop(optional)]
    promises: Option<Signal<Vec<(String, String)>>>,
    on_apply: Callback<()>,
    /// The problems shown beside the fields: set by the form when it is applied, and by the screen when
    /// the server refuses the filters.
    problems: RwSignal<Vec<FieldError>>,
    /// Without a button, for a form that is part of a bigger one (export).
    #[prop(optional)]
    no_buttons: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let field_id = move |name: &str| format!("{id}-{name}");
    let problem = move |name: &'static str| {
        move || problems.with(|p| p.iter().find(|p| p.field == name).map(|p| problem_words(i18n, p)))
    };
    let invalid = move |name: &'static str| move || problem(name)().is_some().then_some("true");
    let described = move |name: &'static str| move || problem(name)().is_some().then(|| format!("{id}-{name}-error"));
    let note = move |name: &'static str| {
        move || problem(name)().map(|text| error_note(Some(format!("{id}-{name}-error")), text))
    };
    let text_input = move |name: &'static str,
                           label: Key,
                           kind: &'static str,
                           get: fn(&FilterValues) -> String,
                           set: fn(&mut FilterValues, String)| {
        view! {
            <div class="field" class:has-error=move || problem(name)().is_some()>
                <label for=field_id(name)>{i18n.tr(label)}</label>
                {note(name)}
                <input
                    id=field_id(name)
                    name=name
                    type=kind
                    aria-invalid=invalid(name)
                    aria-describedby=described(name)
                    prop:value=move || draft.with(get)
                    on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
                />
            </div>
        }
    };
    let choice = move |name: &'static str,
                       label: Key,
                       options: Vec<(String, String)>,
                       get: fn(&FilterValues) -> String,
                       set: fn(&mut FilterValues, String)| {
        view! {
            <div class="field" class:has-error=move || problem(name)().is_some()>
                <label for=field_id(name)>{i18n.tr(label)}</label>
                {note(name)}
                <select id=field_id(name) name=name aria-invalid=invalid(name) aria-describedby=described(name) on:change=move |ev| draft.update(|d| set(d, event_target_value(&ev)))>
                    <option value="" selected=move || draft.with(get).is_empty()>{i18n.tr(Key::FiltersAny)}</option>
                    {options
                        .into_iter()
                        .map(|(value, words)| {
                            let v = value.clone();
                            view! { <option value=value selected=move || draft.with(get) == v>{words}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !show_problems(id, problems, draft.with_untracked(FilterValues::problems)) {
            on_apply.run(());
        }
    };
    let clear = move |_| {
        draft.set(FilterValues::default());
        problems.set(Vec::new());
        on_apply.run(());
    };
    // Rebuilt when the language changes, so the option words follow it.
    let body = move || {
        let _ = i18n.lang.get();
        let roles: Vec<(String, String)> =
            Role::ALL.iter().map(|r| (r.code().to_owned(), role_words(i18n, r.code()))).collect();
        let ages: Vec<(String, String)> =
            AgeBand::ALL.iter().map(|a| (a.code().to_owned(), age_words(i18n, a.code()))).collect();
        view! {
            {text_input("from", Key::FiltersFrom, "date", |d| d.from.clone(), |d, v| d.from = v)}
            {text_input("to", Key::FiltersTo, "date", |d| d.to.clone(), |d, v| d.to = v)}
            {text_input("event", Key::FiltersEvent, "text", |d| d.event.clone(), |d, v| d.event = v)}
            {choice("role", Key::FiltersRole, roles, |d| d.role.clone(), |d, v| d.role = v)}
            {choice("age_band", Key::FiltersAgeBand, ages, |d| d.age_band.clone(), |d, v| d.age_band = v)}
            {fields.compare.then(|| view! {
                <div class="field compare">
                    {check_box(
                        field_id("compare"),
                        i18n.tr(Key::FiltersCompare),
                        move || draft.with(|d| d.compare),
                        move |on| draft.update(|d| d.compare = on),
                    )}
                    <p class="hint">{i18n.tr(Key::FiltersCompareHint)}</p>
                </div>
            })}
            {fields.language.then(|| choice(
                "language",
                Key::FiltersLanguage,
                vec![("en".into(), i18n.t(Key::LangEn).into()), ("cy".into(), i18n.t(Key::LangCy).into())],
                |d| d.language.clone(),
                |d, v| d.language = v,
            ))}
            {fields.promise.then(|| choice(
                "promise",
                Key::FiltersPromise,
                promises.map(|p| p.get()).unwrap_or_default(),
                |d| d.promise.clone(),
                |d, v| d.promise = v,
            ))}
            {fields.status.then(|| choice(
                "status",
                Key::FiltersStatus,
                [
                    ("flagged", Key::StatusFlagged),
                    ("new", Key::StatusNew),
                    ("reviewed", Key::StatusReviewed),
                    ("followed_up", Key::StatusFollowedUp),
                    ("hidden", Key::StatusHidden),
                    ("safe_to_quote", Key::StatusSafeToQuote),
                ]
                .into_iter()
                .map(|(code, key)| (code.to_owned(), i18n.t(key).to_owned()))
                .collect(),
                |d| d.status.clone(),
                |d, v| d.status = v,
            ))}
            {fields.kind.then(|| choice(
                "kind",
                Key::FiltersKind,
                vec![
                    (EntryKind::View.code().into(), i18n.t(app::Key::KindView).into()),
                    (EntryKind::Rating.code().into(), i18n.t(app::Key::KindRating).into()),
                    (EntryKind::Survey.code().into(), i18n.t(Key::FiltersKindSurvey).into()),
                ],
                |d| d.kind.clone(),
                |d, v| d.kind = v,
            ))}
        }
    };
    view! {
        <form class="filters" on:submit=submit aria-labelledby=format!("{id}-legend")>
            <h2 id=format!("{id}-legend") class="filters-title">{i18n.tr(Key::FiltersLegend)}</h2>
            <div class="filter-fields">{body}</div>
            {(!no_buttons).then(|| view! {
                <div class="actions">
                    <button type="submit" class="button">{i18n.tr(Key::FiltersApply)}</button>
                    <button type="button" class="button secondary" on:click=clear>{i18n.tr(Key::FiltersClear)}</button>
                </div>
            })}
        </form>
    }
}
