//! The filter form the inbox, results and export share: date range, event, role, age band, and per
//! screen language, promise, status, kind or "compare with the previous period". What is typed stays in the form until "Apply" copies it.

use leptos::prelude::*;
use yoursay_core::EntryKind;

use super::ui::{age_words, check_box, role_words};
use crate::i18n::{app, officer::Key, use_i18n};
use yoursay_core::{AgeBand, Role};

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
    /// Without a button, for a form that is part of a bigger one (export).
    #[prop(optional)]
    no_buttons: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let field_id = move |name: &str| format!("{id}-{name}");
    let text_input = move |name: &'static str,
                           label: Key,
                           kind: &'static str,
                           get: fn(&FilterValues) -> String,
                           set: fn(&mut FilterValues, String)| {
        view! {
            <div class="field">
                <label for=field_id(name)>{i18n.tr(label)}</label>
                <input
                    id=field_id(name)
                    name=name
                    type=kind
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
            <div class="field">
                <label for=field_id(name)>{i18n.tr(label)}</label>
                <select id=field_id(name) name=name on:change=move |ev| draft.update(|d| set(d, event_target_value(&ev)))>
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
        on_apply.run(());
    };
    let clear = move |_| {
        draft.set(FilterValues::default());
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
