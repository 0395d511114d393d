//! A survey on the one form runner (`crate::runner`), one step at a time — its introduction, each question shown by its show-if
//! rule, "about you", then everything read back before sending. Answers wait in the survey's draft
//! (memory only); Back keeps them. Sending checks the entry with core's parsers (the ones the server runs)
//! and saves it on the device before "Thank you", like "Say something" and "Rate a service".

use std::sync::Arc;

use leptos::prelude::*;
use yoursay_core::form::api::PublishedFormWire;
use yoursay_core::{FieldError, SurveyResponse};

use super::check::CheckAnswers;
use super::forms::use_survey_forms;
use super::question::QuestionScreen;
use crate::components::about_you::AboutYou;
use crate::i18n::{error_key, survey::Key as S, use_i18n, Key};
use crate::platform::focus_heading;
use crate::router::Link;
use crate::runner::send::{check, compose, save_then_thank};
use crate::runner::steps;
use crate::runner::{Answered, Move, Step};
use crate::state::use_app_state;

/// `/surveys/{code}`: the survey with that code, once the list of published surveys is known.
#[component]
pub fn SurveyRun(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let forms = use_survey_forms();
    // Drawn again only when this survey itself changes, not when the list is read again.
    let form = Memo::new(move |_| forms.find(&code));
    view! {
        <section class="page survey">
            {move || match form.get() {
                Some(form) => view! { <Runner form=form /> }.into_any(),
                None if forms.loading() => {
                    view! { <p class="notice">{i18n.tr(S::SurveysLoading)}</p> }.into_any()
                }
                None => {
                    focus_heading();
                    view! {
                        <h1 tabindex="-1">{i18n.tr(S::RunNotFound)}</h1>
                        <p><Link href=super::PREFIX class="button">{i18n.tr(S::RunAllSurveys)}</Link></p>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Runner(form: PublishedFormWire) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let nav = crate::router::use_nav();
    let draft = crate::drafts::use_drafts().survey;
    // At an event that presets who is answering (a carers' session), "about you" starts with it.
    let preset = crate::event::use_joined().0.with_untracked(|e| e.as_ref().and_then(|e| e.role));
    draft.open(&form.form.code, form.version, form.form.questions.len(), preset);
    let form = Arc::new(form);
    let missing = RwSignal::new(false);
    let problem = RwSignal::new(None::<Key>);
    let saving = RwSignal::new(false);

    let go = move |step: Step| {
        missing.set(false);
        problem.set(None);
        draft.step.set(step);
        focus_heading();
    };
    // What a move on question `index` leads to. A required question left unanswered stays, saying so.
    let on_move = {
        let form = form.clone();
        move |index: usize, part: usize, m: Move| {
            let qs = &form.form.questions;
            match m {
                Move::Back if part > 0 => go(Step::Question { index, part: part - 1 }),
                Move::Back => go(draft.answers.with_untracked(|a| steps::before(qs, a, Some(index)))),
                Move::Part(next, answer) => {
                    draft.answers.update(|a| a[index] = Some(answer));
                    go(Step::Question { index, part: next });
                }
                Move::Answer(answer) => {
                    let given = answer.as_ref().is_some_and(Answered::is_given);
                    if qs[index].required && !given {
                        missing.set(true);
                        crate::platform::focus_by_id("survey-error");
                        return;
                    }
                    draft.answers.update(|a| a[index] = answer);
                    go(draft.answers.with_untracked(|a| steps::after(qs, a, index)));
                }
            }
        }
    };

    let send = {
        let form = form.clone();
        move || {
            if saving.get_untracked() {
                return;
            }
            let qs = &form.form.questions;
            let answers = draft.answers.get_untracked();
            if let Some(k) = steps::first_missing(qs, &answers) {
                go(Step::Question { index: k, part: 0 });
                missing.set(true);
                return;
            }
            let survey = steps::to_wire(&form.form.code, form.version, qs, &answers);
            // The server's own check of the answers against this version, when the device's catalogue can
            // read the form: a problem is shown on its question rather than after sending.
            let catalogue = state.catalogue.get_untracked();
            if let Ok(published) = form.restore(&catalogue) {
                if let Err(errors) = SurveyResponse::parse(&survey, &published, &catalogue) {
                    if let Some(k) = errors.first().and_then(|e| question_of(e, &survey, qs)) {
                        go(Step::Question { index: k, part: 0 });
                        missing.set(true);
                        return;
                    }
                }
            }
            let lang = i18n.lang.get_untracked();
            let wire = compose(&form.form.code, form.version, qs, &answers, draft.about.envelope(lang));
            match wire.map_err(|e| vec![e]).and_then(check) {
                Ok(wire) => save_then_thank((state, nav), wire, saving, move |saved| match saved {
                    true => draft.clear(),
                    false => problem.set(Some(Key::SaveFailed)),
                }),
                Err(errors) => problem.set(errors.first().map(|e| error_key(e.code))),
            }
        }
    };

    let title = form.form.title.clone();
    let intro = form.form.intro.clone();
    // The form is shared, never copied: each step borrows the questions it needs.
    let steps_form = form.clone();
    view! {
        {move || {
            let qs = &steps_form.form.questions;
            match draft.step.get() {
            Step::Intro => {
                let (title, intro) = (title.clone(), intro.clone());
                let first = draft.answers.with_untracked(|a| steps::first(qs, a));
                view! {
                    <h1 tabindex="-1">{move || i18n.pick(&title)}</h1>
                    <p class="lead intro">{move || i18n.pick(&intro)}</p>
                    <button type="button" class="button button-primary" on:click=move |_| go(first)>
                        {i18n.tr(S::RunStart)}
                    </button>
                    <p><Link href=super::PREFIX class="text-target">{i18n.tr(S::RunAllSurveys)}</Link></p>
                }
                .into_any()
            }
            Step::Question { index, part } => {
                let (given, progress) =
                    draft.answers.with_untracked(|a| (a[index].clone(), steps::progress(qs, a, index)));
                let on_move = on_move.clone();
                view! {
                    <QuestionScreen
                        question=qs[index].clone()
                        part=part
                        given=given
                        progress=progress
                        missing=missing
                        on=move |m| on_move(index, part, m)
                    />
                }
                .into_any()
            }
            Step::AboutYou => {
                let back = draft.answers.with_untracked(|a| steps::before(qs, a, None));
                view! {
                    <h1 tabindex="-1">{i18n.tr(Key::RateAlmostDone)}</h1>
                    <AboutYou role=draft.about.role age_band=draft.about.age_band />
                    <button type="button" class="button button-primary" on:click=move |_| go(Step::Check)>
                        {i18n.tr(S::RunToCheck)}
                    </button>
                    <button
                        type="button"
                        class="button button-quiet back"
                        on:click=move |_| go(back)
                    >
                        {i18n.tr(Key::Back)}
                    </button>
                }
                .into_any()
            }
            Step::Check => {
                let send = send.clone();
                view! {
                    <CheckAnswers
                        form=steps_form.clone()
                        answers=draft.answers.get_untracked()
                        on_change=move |index| go(Step::Question { index, part: 0 })
                    />
                    <Show when=move || problem.get().is_some()>
                        <p class="error" role="alert">{move || problem.get().map(|k| i18n.t(k))}</p>
                    </Show>
                    <button
                        type="button"
                        class="button button-primary"
                        id="survey-send"
                        disabled=move || saving.get()
                        on:click=move |_| send()
                    >
                        {i18n.tr(S::RunSend)}
                    </button>
                    <button type="button" class="button button-quiet back" on:click=move |_| go(Step::AboutYou)>
                        {i18n.tr(Key::Back)}
                    </button>
                }
                .into_any()
            }
            }
        }}
    }
}

/// The question a problem from the answer parser is about: `answers[2]…` (the third answer sent) or
/// `answers[code]` (a required question missing).
fn question_of(
    error: &FieldError,
    survey: &yoursay_core::SurveyWire,
    questions: &[yoursay_core::form::Question],
) -> Option<usize> {
    let inside = error.field.strip_prefix("answers[")?.split(']').next()?;
    let code = match inside.parse::<usize>() {
        Ok(i) => survey.answers.get(i)?.question.as_str(),
        Err(_) => inside,
    };
    questions.iter().position(|q| q.code == code)
}
