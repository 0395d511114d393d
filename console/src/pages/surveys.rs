//! The officer's surveys: who each is for, its published version, a way to edit it and to its results,
//! and a new survey: blank, from a ready-made starting point, or a copy of one already made.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use yoursay_core::form::{starting_points, Audience};
use yoursay_core::FieldError;

use crate::api::{self, FormList, NewForm, StartFrom};
use crate::i18n::{error_key, officer::Key, use_i18n, I18n};
use crate::ui::{field_error_text, fill, focus, focus_heading, number, page_title, use_session, SelectBox, TextBox};

/// Who a survey is for, in words.
pub fn audience_key(audience: Audience) -> Key {
    match audience {
        Audience::YoungPeople => Key::AudienceYoungPeople,
        Audience::CareLeavers => Key::AudienceCareLeavers,
        Audience::Carers => Key::AudienceCarers,
        Audience::Everyone => Key::AudienceEveryone,
    }
}

#[component]
pub fn Surveys() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    page_title(Key::SurveysTitle);
    focus_heading();
    let data = RwSignal::new(None::<Result<FormList, Key>>);
    spawn_local(async move {
        data.set(Some(api::forms().await.map_err(|e| session.fail(&e))));
    });
    view! {
        <section class="page surveys">
            <h1 tabindex="-1">{i18n.tr(Key::SurveysTitle)}</h1>
            <p class="intro">{i18n.tr(Key::SurveysIntro)}</p>
            {move || {
                i18n.lang.track();
                list_view(i18n, data.get())
            }}
            <NewSurvey data=data />
        </section>
    }
}

/// Where a new survey starts, as the list's value: empty (blank), `start:CODE` or `copy:CODE`.
fn start_from(value: &str) -> Option<StartFrom> {
    match value.split_once(':') {
        Some(("start", code)) => Some(StartFrom::StartingPoint(code.to_owned())),
        Some(("copy", code)) => Some(StartFrom::Form(code.to_owned())),
        _ => None,
    }
}

/// A survey's title in the officer's language, or its code while it has none.
fn title_or_code(title: &yoursay_core::Bilingual, code: &str, lang: yoursay_core::Language) -> String {
    let t = title.get(lang).trim();
    if t.is_empty() {
        code.to_owned()
    } else {
        t.to_owned()
    }
}

#[component]
fn NewSurvey(data: RwSignal<Option<Result<FormList, Key>>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let code = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let problem = RwSignal::new(None::<Key>);
    let busy = RwSignal::new(false);
    let options = Signal::derive(move || {
        let lang = i18n.lang.get();
        let blank = (String::new(), i18n.t(Key::SurveysFromBlank).to_owned());
        let ready = starting_points::all().into_iter().map(move |f| {
            (
                format!("start:{}", f.code),
                fill(i18n.t(Key::SurveysFromStartingPoint), &[("title", f.title.get(lang).to_owned())]),
            )
        });
        let made: Vec<FormList> = data.with(|d| d.iter().flatten().cloned().collect());
        let copies = made.into_iter().flat_map(|l| l.forms).map(move |f| {
            let title = title_or_code(&f.title, &f.code, lang);
            (format!("copy:{}", f.code), fill(i18n.t(Key::SurveysFromCopy), &[("title", title)]))
        });
        std::iter::once(blank).chain(ready).chain(copies).collect()
    });
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let new = NewForm { code: code.get_untracked().trim().to_owned(), from: start_from(&from.get_untracked()) };
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::create_form(&new).await {
                Ok(draft) => navigate(&format!("/surveys/{}/edit", draft.form.code), Default::default()),
                Err(e) => {
                    let fields = e.field_errors().to_vec();
                    problem.set(Some(session.fail(&e)));
                    let first =
                        if fields.iter().any(|f| f.field == "code") { "new-survey-code" } else { "new-survey-from" };
                    errors.set(fields);
                    request_animation_frame(move || focus(first));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <form class="item-form" novalidate aria-labelledby="new-survey-title" on:submit=create>
            <h2 id="new-survey-title">{i18n.tr(Key::SurveysNewTitle)}</h2>
            {move || problem.get().map(|key| view! { <p class="error" role="alert">{i18n.t(key)}</p> })}
            <TextBox id="new-survey-code" label=i18n.tr(Key::SurveysNewCode)
                error=Signal::derive(move || field_error_text(i18n, &errors.get(), "code"))
                value=move || code.get() on_input=move |v: String| code.set(v) />
            <p class="hint">{i18n.tr(Key::SurveysNewCodeHint)}</p>
            <SelectBox id="new-survey-from" label=i18n.tr(Key::SurveysNewFrom) options=options
                selected=from on_change=move |v: String| from.set(v)
                error=Signal::derive(move || errors.with(|l| {
                    l.iter().find(|e| e.field.starts_with("from")).map(|e| i18n.t(error_key(e.code)).to_owned())
                })) />
            <div class="actions">
                <button type="submit" class="button" disabled=move || busy.get()>{i18n.tr(Key::SurveysCreate)}</button>
            </div>
        </form>
    }
}

fn list_view(i18n: I18n, data: Option<Result<FormList, Key>>) -> AnyView {
    let lang = i18n.lang.get_untracked();
    match data {
        None => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
        Some(Err(key)) => view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
        Some(Ok(list)) if list.forms.is_empty() => view! { <p>{i18n.t(Key::SurveysNone)}</p> }.into_any(),
        Some(Ok(list)) => view! {
            <table class="data" id="surveys-table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::SurveysColTitle)}</th>
                        <th scope="col">{i18n.t(Key::SurveysColFor)}</th>
                        <th scope="col">{i18n.t(Key::SurveysColVersion)}</th>
                        <th scope="col">{i18n.t(Key::SurveysColResults)}</th>
                        <th scope="col">{i18n.t(Key::SurveysColEdit)}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .forms
                        .into_iter()
                        .map(|form| {
                            let title = title_or_code(&form.title, &form.code, lang);
                            let retired = form.retired.then(|| format!(" {}", i18n.t(Key::SurveysRetired)));
                            let version = form
                                .latest
                                .as_ref()
                                .map(|v| number(f64::from(v.version), lang))
                                .unwrap_or_else(|| i18n.t(Key::SurveysNotPublished).to_owned());
                            let label = fill(i18n.t(Key::SurveysResultsLabel), &[("title", title.clone())]);
                            let edit_label = fill(i18n.t(Key::SurveysEditLabel), &[("title", title.clone())]);
                            let link = form.latest.is_some().then(|| {
                                view! {
                                    <A href=format!("/officer/surveys/{}/results", form.code) attr:aria-label=label>
                                        {i18n.t(Key::SurveysResultsLink)}
                                    </A>
                                }
                            });
                            view! {
                                <tr data-code=form.code.clone()>
                                    <th scope="row">{title}{retired}</th>
                                    <td>{i18n.t(audience_key(form.audience))}</td>
                                    <td>{version}</td>
                                    <td>{link}</td>
                                    <td>
                                        <A href=format!("/officer/surveys/{}/edit", form.code) attr:aria-label=edit_label>
                                            {i18n.t(Key::SurveysEditLink)}
                                        </A>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
        .into_any(),
    }
}
