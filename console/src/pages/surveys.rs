//! The officer's surveys: who each is for, its published version, and a way to its results.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use yoursay_core::form::Audience;

use crate::api::{self, FormList};
use crate::i18n::{officer::Key, use_i18n, I18n};
use crate::ui::{fill, focus_heading, number, page_title, use_session};

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
        </section>
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
                    </tr>
                </thead>
                <tbody>
                    {list
                        .forms
                        .into_iter()
                        .map(|form| {
                            let title = form.title.get(lang).to_owned();
                            let retired = form.retired.then(|| format!(" {}", i18n.t(Key::SurveysRetired)));
                            let version = form
                                .latest
                                .as_ref()
                                .map(|v| number(f64::from(v.version), lang))
                                .unwrap_or_else(|| i18n.t(Key::SurveysNotPublished).to_owned());
                            let label = fill(i18n.t(Key::SurveysResultsLabel), &[("title", title.clone())]);
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
