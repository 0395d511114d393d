use leptos::prelude::*;
use yoursay_core::form::api::PublishedFormWire;
use yoursay_core::form::Audience;

use super::forms::{use_survey_forms, Loaded};
use crate::i18n::{fill, survey::Key, use_i18n};
use crate::router::Link;

/// Who a survey is for, in words.
pub fn audience_key(audience: Audience) -> Key {
    match audience {
        Audience::YoungPeople => Key::AudienceYoungPeople,
        Audience::CareLeavers => Key::AudienceCareLeavers,
        Audience::Carers => Key::AudienceCarers,
        Audience::Everyone => Key::AudienceEveryone,
    }
}

/// About three questions a minute on a phone, rounded up: a promise the survey can keep.
fn minutes(form: &PublishedFormWire) -> usize {
    form.form.questions.len().div_ceil(3).max(1)
}

/// The published surveys, each with who it is for and how long it takes.
#[component]
pub fn SurveyList() -> impl IntoView {
    let i18n = use_i18n();
    let forms = use_survey_forms();
    forms.refresh();
    crate::platform::focus_heading();
    let item = move |form: PublishedFormWire| {
        let href = format!("{}/{}", super::PREFIX, form.form.code);
        let about = fill(i18n.t(Key::SurveysQuestions), &[("n", &form.form.questions.len().to_string())])
            + ", "
            + &fill(i18n.t(Key::SurveysMinutes), &[("n", &minutes(&form).to_string())]);
        view! {
            <li>
                <Link href=href class="choice">
                    <span class="choice-title">{i18n.pick(&form.form.title)}</span>
                    <span class="choice-hint">{i18n.t(audience_key(form.form.audience))}</span>
                    <span class="choice-hint">{about}</span>
                </Link>
            </li>
        }
    };
    view! {
        <section class="page surveys">
            <h1 tabindex="-1">{i18n.tr(Key::SurveysTitle)}</h1>
            <p class="lead">{i18n.tr(Key::SurveysIntro)}</p>
            {move || match forms.loaded.get() {
                Loaded::Loading => view! { <p class="notice">{i18n.tr(Key::SurveysLoading)}</p> }.into_any(),
                Loaded::Unavailable => view! { <p class="notice">{i18n.tr(Key::SurveysUnavailable)}</p> }.into_any(),
                Loaded::Ready(list) if list.is_empty() => {
                    view! { <p class="notice">{i18n.tr(Key::SurveysNone)}</p> }.into_any()
                }
                Loaded::Ready(list) => {
                    view! { <ul class="service-list survey-list">{list.into_iter().map(item).collect_view()}</ul> }
                        .into_any()
                }
            }}
        </section>
    }
}
