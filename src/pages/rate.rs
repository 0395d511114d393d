use leptos::prelude::*;
use yoursay_core::entry::{AnswerValueWire, AnswerWire};
use yoursay_core::{AgeBand, Answer, CatalogueItem, EntryKind, Role};

use crate::components::about_you::AboutYou;
use crate::components::faces::{Choice, FaceScale};
use crate::compose::{check, Envelope};
use crate::i18n::{error_key, fill, use_i18n, Key};
use crate::platform::focus_heading;
use crate::state::use_app_state;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    PickService,
    Promise(usize),
    AboutYou,
}

/// "Rate a service": pick a service, then one promise at a time with big face buttons, then send.
#[component]
pub fn Rate() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    focus_heading();

    let step = RwSignal::new(Step::PickService);
    let service = RwSignal::new(None::<CatalogueItem>);
    let choices = RwSignal::new(Vec::<(String, Choice)>::new());
    let role = RwSignal::new(None::<Role>);
    let age_band = RwSignal::new(None::<AgeBand>);
    let error = RwSignal::new(None::<Key>);
    let saving = RwSignal::new(false);
    // The promises offered are fixed when the rating starts, so a catalogue refresh mid-way cannot shift
    // which promise an answer belongs to.
    let promises = RwSignal::new(Vec::<CatalogueItem>::new());

    let go = move |next: Step| {
        step.set(next);
        focus_heading();
    };
    let pick_service = move |item: CatalogueItem| {
        service.set(Some(item));
        promises.set(state.catalogue.get_untracked().active_promises().cloned().collect());
        choices.set(Vec::new());
        go(Step::Promise(0));
    };
    let answer = move |index: usize, choice: Choice| {
        let code = promises.with_untracked(|p| p[index].code.clone());
        choices.update(|c| {
            c.retain(|(p, _)| *p != code);
            c.push((code, choice));
        });
        let total = promises.with_untracked(Vec::len);
        go(if index + 1 < total { Step::Promise(index + 1) } else { Step::AboutYou });
    };
    let back = move || {
        go(match step.get_untracked() {
            Step::PickService | Step::Promise(0) => Step::PickService,
            Step::Promise(i) => Step::Promise(i - 1),
            Step::AboutYou => Step::Promise(promises.with_untracked(Vec::len).saturating_sub(1)),
        })
    };
    let answered = move || choices.with(|c| c.iter().filter(|(_, ch)| *ch != Choice::Skip).count());

    let nav = crate::router::use_nav();
    let send = Callback::new(move |_: ()| {
        if saving.get_untracked() {
            return;
        }
        let envelope = Envelope {
            language: i18n.lang.get_untracked(),
            role: role.get_untracked(),
            age_band: age_band.get_untracked(),
        };
        let answers: Vec<AnswerWire> = choices.with_untracked(|c| {
            c.iter()
                .filter_map(|(promise, choice)| {
                    let answer = match choice {
                        Choice::Score(n) => AnswerValueWire::Score(i64::from(*n)),
                        Choice::DontKnow => AnswerValueWire::Word(Answer::DONT_KNOW.to_owned()),
                        Choice::Skip => return None,
                    };
                    Some(AnswerWire { promise: promise.clone(), answer })
                })
                .collect()
        });
        let wire = envelope.open(EntryKind::Rating).map(|mut w| {
            w.service = service.get_untracked().map(|s| s.code);
            w.answers = Some(answers);
            w
        });
        let wire = match wire.map_err(|e| vec![e]).and_then(check) {
            Ok(w) => w,
            Err(errors) => {
                error.set(errors.first().map(|e| error_key(e.code)));
                return;
            }
        };
        super::save_then_thank((state, nav), wire, saving, move || error.set(Some(Key::SaveFailed)));
    });

    let service_name = move || service.get().map(|s| i18n.pick(&s.name)).unwrap_or_default();

    view! {
        <section class="page rate">
            {move || match step.get() {
                Step::PickService => view! {
                    <h1 tabindex="-1">{i18n.tr(Key::RatePickTitle)}</h1>
                    <p class="lead">{i18n.tr(Key::RatePickIntro)}</p>
                    <ul class="service-list">
                        {state
                            .catalogue
                            .get()
                            .active_services()
                            .map(|s| {
                                let item = s.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="choice service"
                                            data-code=s.code.clone()
                                            on:click=move |_| pick_service(item.clone())
                                        >
                                            <span class="choice-title">{i18n.pick(&s.name)}</span>
                                            <span class="choice-hint">{i18n.pick(&s.line)}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
                Step::Promise(index) => {
                    let promise = promises.with(|p| p[index].clone());
                    let total = promises.with(Vec::len);
                    let progress = fill(
                        i18n.t(Key::RateProgress),
                        &[("n", &(index + 1).to_string()), ("total", &total.to_string())],
                    );
                    view! {
                        <p class="progress">{progress}</p>
                        <h1 tabindex="-1" id="promise-question">
                            <span class="promise-name">{i18n.pick(&promise.name)}</span>
                        </h1>
                        <p class="lead">{i18n.pick(&promise.line)}</p>
                        <p class="question">
                            {fill(i18n.t(Key::RateQuestion), &[("service", &service_name())])}
                        </p>
                        <FaceScale labelled_by="promise-question" on_choice=move |c| answer(index, c) />
                        <button type="button" class="button button-quiet back" on:click=move |_| back()>
                            {i18n.tr(Key::Back)}
                        </button>
                    }
                    .into_any()
                }
                Step::AboutYou => view! {
                    <h1 tabindex="-1">{i18n.tr(Key::RateAlmostDone)}</h1>
                    <p class="lead">
                        {move || fill(
                            i18n.t(Key::RateSummary),
                            &[("service", &service_name()), ("n", &answered().to_string())],
                        )}
                    </p>
                    <Show when=move || error.get().is_some()>
                        <p class="error" role="alert">{move || error.get().map(|k| i18n.t(k))}</p>
                    </Show>
                    <Show
                        when=move || { answered() > 0 }
                        fallback=move || view! { <p class="notice">{i18n.tr(Key::RateNothingAnswered)}</p> }
                    >
                        <AboutYou role=role age_band=age_band />
                        <button
                            type="button"
                            class="button button-primary"
                            disabled=move || saving.get()
                            on:click=move |_| send.run(())
                        >
                            {i18n.tr(Key::RateSubmit)}
                        </button>
                    </Show>
                    <button type="button" class="button button-quiet back" on:click=move |_| back()>
                        {i18n.tr(Key::Back)}
                    </button>
                }
                .into_any(),
            }}
        </section>
    }
}
