use leptos::prelude::*;
use yoursay_core::form::api::FormHeadline;

use super::forms::{use_survey_forms, Loaded};
use crate::components::survey_links::SurveyLinks;
use crate::i18n::{survey::Key, use_i18n};

/// The published surveys, each with who it is for and how long it takes.
#[component]
pub fn SurveyList() -> impl IntoView {
    let i18n = use_i18n();
    let forms = use_survey_forms();
    forms.refresh();
    crate::platform::focus_heading();
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
                    view! { <SurveyLinks forms=list.iter().map(FormHeadline::of).collect() /> }.into_any()
                }
            }}
        </section>
    }
}
