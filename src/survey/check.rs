//! The last screen before sending: every question shown, with the answer in words and a way back to it.
//! Only this person sees it, before sending; after sending the draft is emptied.

use std::sync::Arc;

use leptos::prelude::*;
use yoursay_core::form::api::PublishedFormWire;
use yoursay_core::form::{Kind, Question, NONE_OF_THESE};
use yoursay_core::Catalogue;

use super::question::{easy_key, frequency_key};
use crate::components::faces::{choice_key, Choice};
use crate::i18n::{fill, survey::Key as S, use_i18n, I18n};
use crate::runner::{steps, Answered};
use crate::state::use_app_state;

#[component]
pub fn CheckAnswers(
    form: Arc<PublishedFormWire>,
    answers: Vec<Option<Answered>>,
    #[prop(into)] on_change: Callback<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = use_app_state().catalogue.get_untracked();
    let questions = &form.form.questions;
    let shown = steps::shown(questions, &answers);
    let rows = questions
        .iter()
        .enumerate()
        .filter(|(k, _)| shown[*k])
        .map(|(k, q)| {
            let (q, answer, catalogue) = (q.clone(), answers[k].clone(), catalogue.clone());
            let prompt = q.prompt.clone();
            let words = move || in_words(i18n, &q, answer.as_ref(), &catalogue);
            view! {
                <div class="check-item">
                    <dt>{move || i18n.pick(&prompt)}</dt>
                    <dd>
                        <span class="check-answer">{words}</span>
                        <button type="button" class="button button-small button-secondary" on:click=move |_| on_change.run(k)>
                            {i18n.tr(S::RunChange)}
                        </button>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">{i18n.tr(S::RunCheckTitle)}</h1>
        <p class="lead">{i18n.tr(S::RunCheckIntro)}</p>
        <dl class="check-list">{rows}</dl>
    }
}

/// An answer as the person would say it.
fn in_words(i18n: I18n, question: &Question, answer: Option<&Answered>, catalogue: &Catalogue) -> String {
    let Some(answer) = answer.filter(|a| a.is_given()) else {
        return i18n.t(S::RunNotAnswered).to_owned();
    };
    let label = |code: &str| match &question.kind {
        Kind::Single(choices) => choices.iter().find(|c| c.code == code).map(|c| i18n.pick(&c.label)),
        Kind::Multi(m) if code == NONE_OF_THESE => m.none_of_these.as_ref().map(|w| i18n.pick(w)),
        Kind::Multi(m) => m.choices.iter().find(|c| c.code == code).map(|c| i18n.pick(&c.label)),
        _ => None,
    };
    match answer {
        Answered::Face(c) => i18n.t(choice_key(*c)).to_owned(),
        Answered::Easy(n) => i18n.t(easy_key(*n)).to_owned(),
        Answered::Frequency(f) => i18n.t(frequency_key(*f)).to_owned(),
        Answered::Single(code) => label(code).unwrap_or_default(),
        Answered::Multi(codes) => codes.iter().filter_map(|c| label(c)).collect::<Vec<_>>().join(", "),
        Answered::Text { text, .. } => text.trim().to_owned(),
        Answered::Grid { service, choices, .. } => {
            let name = catalogue.service(service).map(|s| i18n.pick(&s.name)).unwrap_or_default();
            let n = choices.iter().filter(|(_, c)| *c != Choice::Skip).count();
            let words = if n == 1 { S::RunOnePromiseAnswered } else { S::RunPromisesAnswered };
            fill(i18n.t(words), &[("service", &name), ("n", &n.to_string())])
        }
    }
}
