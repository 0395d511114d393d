use leptos::prelude::*;
use yoursay_core::form::builtin::{self, BUILTIN_VERSION};

use crate::components::about_you::AboutYou;
use crate::i18n::{error_key, fill, use_i18n, Key};
use crate::platform::focus_heading;
use crate::runner::grid::{promise_progress, Grid};
use crate::runner::send::{check, compose, save_then_thank};
use crate::runner::{steps, Answered, Choice, Move, Step};
use crate::state::use_app_state;

/// "Rate a service", the built-in form of one service × promise grid, run one step at a time: pick a
/// service, then one promise at a time with big face buttons, then "about you" and send. Where the person
/// has got to is kept for the visit (the runner's draft), so help, privacy or Back lose nothing.
#[component]
pub fn Rate() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let nav = crate::router::use_nav();
    focus_heading();

    // The form is made afresh where it is needed rather than kept: cheaper on the phone's download.
    let questions = || builtin::rate_a_service().questions;
    let draft = crate::drafts::use_drafts().rate;
    draft.open(builtin::RATE_A_SERVICE, BUILTIN_VERSION, 1, None);
    let error = RwSignal::new(None::<Key>);
    let saving = RwSignal::new(false);

    let go = move |next: Step| {
        draft.step.set(next);
        focus_heading();
    };
    // The form's one question is the grid, so its answer is all the draft's answers.
    let on_move = move |part: usize, m: Move| {
        let qs = questions();
        match m {
            Move::Back if part > 0 => go(Step::Question { index: 0, part: part - 1 }),
            Move::Back => go(draft.answers.with_untracked(|a| steps::before(&qs, a, Some(0)))),
            Move::Part(next, answer) => {
                draft.answers.set(vec![Some(answer)]);
                go(Step::Question { index: 0, part: next });
            }
            Move::Answer(answer) => {
                draft.answers.set(vec![answer]);
                go(draft.answers.with_untracked(|a| steps::after(&qs, a, 0)));
            }
        }
    };
    let answered = move || {
        draft.answers.with(|a| match a.first() {
            Some(Some(Answered::Grid { choices, .. })) => choices.iter().filter(|(_, c)| *c != Choice::Skip).count(),
            _ => 0,
        })
    };
    let service_name = move || {
        let catalogue = state.catalogue.get();
        draft.answers.with(|a| match a.first() {
            Some(Some(Answered::Grid { service, .. })) => catalogue.service(service).map(|s| i18n.pick(&s.name)),
            _ => None,
        })
    };

    let send = move || {
        if saving.get_untracked() {
            return;
        }
        let envelope = draft.about.envelope(i18n.lang.get_untracked());
        let wire = draft
            .answers
            .with_untracked(|a| compose(builtin::RATE_A_SERVICE, BUILTIN_VERSION, &questions(), a, envelope));
        match wire.map_err(|e| vec![e]).and_then(check) {
            Ok(wire) => save_then_thank((state, nav), wire, saving, move |saved| match saved {
                true => draft.clear(),
                false => error.set(Some(Key::SaveFailed)),
            }),
            Err(errors) => error.set(errors.first().map(|e| error_key(e.code))),
        }
    };

    view! {
        <section class="page rate">
            {move || match draft.step.get() {
                // No introduction: the home screen's card is it.
                Step::Intro | Step::Question { .. } => {
                    let part = match draft.step.get_untracked() {
                        Step::Question { part, .. } => part,
                        _ => 0,
                    };
                    // Read without indexing: the draft is emptied on sending, as the screen gives way to "Thank you".
                    let given = draft.answers.with_untracked(|a| a.first().cloned().flatten());
                    // Picking the service is asked in the form's own words; each promise says where it is.
                    let top = if part == 0 {
                        let question = questions().remove(0);
                        let (prompt, help) = (question.prompt, question.help);
                        view! {
                            <h1 tabindex="-1">{move || i18n.pick(&prompt)}</h1>
                            <p class="lead">{move || help.as_ref().map(|h| i18n.pick(h)).unwrap_or_default()}</p>
                        }
                        .into_any()
                    } else {
                        let (n, total) = promise_progress(&given, part);
                        let progress =
                            fill(i18n.t(Key::RateProgress), &[("n", &n.to_string()), ("total", &total.to_string())]);
                        view! { <p class="progress">{progress}</p> }.into_any()
                    };
                    view! {
                        {top}
                        <Grid part=part given=given on=move |m| on_move(part, m) />
                        {(part > 0).then(|| view! {
                            <button type="button" class="button button-quiet back" on:click=move |_| on_move(part, Move::Back)>
                                {i18n.tr(Key::Back)}
                            </button>
                        })}
                    }
                    .into_any()
                }
                // Nothing to check: "about you" says what is about to be sent.
                Step::AboutYou | Step::Check => view! {
                    <h1 tabindex="-1">{i18n.tr(Key::RateAlmostDone)}</h1>
                    <p class="lead">
                        {move || fill(
                            i18n.t(Key::RateSummary),
                            &[("service", &service_name().unwrap_or_default()), ("n", &answered().to_string())],
                        )}
                    </p>
                    <Show when=move || error.get().is_some()>
                        <p class="error" role="alert">{move || error.get().map(|k| i18n.t(k))}</p>
                    </Show>
                    <Show
                        when=move || { answered() > 0 }
                        fallback=move || view! { <p class="notice">{i18n.tr(Key::RateNothingAnswered)}</p> }
                    >
                        <AboutYou role=draft.about.role age_band=draft.about.age_band />
                        <button
                            type="button"
                            class="button button-primary"
                            disabled=move || saving.get()
                            on:click=move |_| send()
                        >
                            {i18n.tr(Key::RateSubmit)}
                        </button>
                    </Show>
                    <button type="button" class="button button-quiet back" on:click=move |_| {
                        go(draft.answers.with_untracked(|a| steps::before(&questions(), a, None)))
                    }>
                        {i18n.tr(Key::Back)}
                    </button>
                }
                .into_any(),
            }}
        </section>
    }
}
