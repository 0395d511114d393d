//! One question of a survey on screen: its heading, help and progress, then the way to answer its kind.
//! Each widget reports what the person did as a [`Move`]; the runner decides where that leads. Free text
//! and the grid are the runner's own widgets (`crate::runner`), the ones "Say something" and "Rate a
//! service" are made of; the kinds only surveys use are here, on the surveys page only.

use leptos::prelude::*;
use yoursay_core::form::{Frequency, Kind, Question, NONE_OF_THESE};

use crate::components::faces::{face_svg, single_tap, Choice, FaceScale};
use crate::components::tick_box::tick_box;
use crate::i18n::{answers, fill, survey::Key as S, use_i18n, Key};
use crate::runner::grid::Grid;
use crate::runner::text::TextAnswer;
use crate::runner::Answered;
pub use crate::runner::Move;

/// The id of the heading every question's controls are labelled by.
const HEADING: &str = "survey-question";

/// The words of the easy three-point scale, and the face drawn for each (its mouth as on the five faces).
const EASY: [(u8, u8, answers::Key); 3] =
    [(1, 1, answers::Key::EasyNotGood), (2, 3, answers::Key::EasyOk), (3, 5, answers::Key::EasyGood)];

pub fn frequency_key(f: Frequency) -> answers::Key {
    match f {
        Frequency::Always => answers::Key::FrequencyAlways,
        Frequency::MostOfTheTime => answers::Key::FrequencyMostOfTheTime,
        Frequency::Sometimes => answers::Key::FrequencySometimes,
        Frequency::Never => answers::Key::FrequencyNever,
    }
}

pub fn easy_key(n: u8) -> answers::Key {
    EASY.iter().find(|(v, _, _)| *v == n).map_or(answers::Key::EasyOk, |(_, _, k)| *k)
}

/// A question's screen. `progress` is "n of total" among the questions shown now; `missing` is set by the
/// runner when a required question was left unanswered (the message is shown here, by the question).
#[component]
pub fn QuestionScreen(
    question: Question,
    part: usize,
    given: Option<Answered>,
    progress: (usize, usize),
    missing: RwSignal<bool>,
    #[prop(into)] on: Callback<Move>,
) -> impl IntoView {
    let i18n = use_i18n();
    let progress_text =
        move || fill(i18n.t(S::RunProgress), &[("n", &progress.0.to_string()), ("total", &progress.1.to_string())]);
    let required = question.required;
    let described = if question.help.is_some() { "survey-hint survey-help" } else { "survey-hint" };
    let help = question.help.clone();
    let prompt = question.prompt.clone();
    // A grid's promise screens carry the promise as their heading; the question's words stay above it.
    let heading = if matches!(question.kind, Kind::ServicePromiseGrid) && part > 0 {
        view! { <p class="lead">{move || i18n.pick(&prompt)}</p> }.into_any()
    } else {
        view! { <h1 tabindex="-1" id=HEADING aria-describedby=described>{move || i18n.pick(&prompt)}</h1> }.into_any()
    };
    let body = answer_widget(question, part, given, on);
    view! {
        <p class="progress">{progress_text}</p>
        {heading}
        {help.map(|h| view! { <p class="hint" id="survey-help">{move || i18n.pick(&h)}</p> })}
        <p class="hint" id="survey-hint">{i18n.tr(if required { S::RunRequired } else { S::RunOptional })}</p>
        <Show when=move || missing.get()>
            <p class="error" id="survey-error" role="alert" tabindex="-1">{i18n.tr(S::RunNeeded)}</p>
        </Show>
        {body}
        <button type="button" class="button button-quiet back" on:click=move |_| on.run(Move::Back)>
            {i18n.tr(Key::Back)}
        </button>
    }
}

/// The controls for the question's kind.
fn answer_widget(question: Question, part: usize, given: Option<Answered>, on: Callback<Move>) -> AnyView {
    let required = question.required;
    let skip = move || (!required).then(|| view! { <SkipButton on=on /> });
    match question.kind {
        Kind::Faces => {
            let chosen = match given {
                Some(Answered::Face(c)) => Some(c),
                _ => None,
            };
            view! {
                <FaceScale
                    labelled_by=HEADING
                    chosen=chosen
                    on_choice=move |c: Choice| {
                        on.run(Move::Answer(if c == Choice::Skip { None } else { Some(Answered::Face(c)) }))
                    }
                />
            }
            .into_any()
        }
        Kind::Easy3 => {
            let chosen = match given {
                Some(Answered::Easy(n)) => Some(n),
                _ => None,
            };
            view! { <EasyScale chosen=chosen on=on /> {skip()} }.into_any()
        }
        Kind::Frequency => {
            let chosen = match given {
                Some(Answered::Frequency(f)) => Some(f),
                _ => None,
            };
            let i18n = use_i18n();
            let options = Frequency::ALL
                .into_iter()
                .map(|f| {
                    let pressed = chosen == Some(f);
                    let label = move || i18n.t(frequency_key(f));
                    (pressed, label.into_any(), Answered::Frequency(f))
                })
                .collect();
            view! { <TapChoices options=options on=on /> {skip()} }.into_any()
        }
        Kind::Single(choices) => {
            let chosen = match &given {
                Some(Answered::Single(c)) => Some(c.clone()),
                _ => None,
            };
            let i18n = use_i18n();
            let options = choices
                .into_iter()
                .map(|c| {
                    let pressed = chosen.as_deref() == Some(c.code.as_str());
                    let label = c.label;
                    let words = move || i18n.pick(&label);
                    (pressed, words.into_any(), Answered::Single(c.code))
                })
                .collect();
            view! { <TapChoices options=options on=on /> {skip()} }.into_any()
        }
        Kind::Multi(multi) => {
            let ticked = match given {
                Some(Answered::Multi(codes)) => codes,
                _ => Vec::new(),
            };
            view! { <MultiChoices multi=multi ticked=ticked on=on /> }.into_any()
        }
        Kind::Text(limit) => {
            let (text, promises) = match given {
                Some(Answered::Text { text, promises }) => (text, promises),
                _ => (String::new(), Vec::new()),
            };
            let (text, tags) = (RwSignal::new(text), RwSignal::new(promises));
            let next = move |_| {
                let answer = Answered::Text { text: text.get_untracked(), promises: tags.get_untracked() };
                on.run(Move::Answer(answer.is_given().then_some(answer)))
            };
            let i18n = use_i18n();
            view! {
                <TextAnswer
                    max_chars=limit.max_chars
                    text=text
                    tags=limit.promise_tags.then_some(tags)
                    described_by=|| "survey-hint"
                    invalid=|| false
                    labelled_by=HEADING
                    on_input=|| ()
                />
                <button type="button" class="button button-primary" on:click=next>{i18n.tr(S::RunNext)}</button>
            }
            .into_any()
        }
        // Skipping is offered while the service is chosen; once rating, each promise has its own "Skip".
        Kind::ServicePromiseGrid if part == 0 => {
            let i18n = use_i18n();
            view! { <p class="question">{i18n.tr(S::RunPickService)}</p> <Grid part=0 given=given on=move |m| on.run(m) /> {skip()} }
                .into_any()
        }
        Kind::ServicePromiseGrid => view! { <Grid part=part given=given on=move |m| on.run(m) /> }.into_any(),
    }
}

#[component]
fn SkipButton(on: Callback<Move>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button button-quiet" on:click=move |_| on.run(Move::Answer(None))>
            {i18n.tr(S::RunSkip)}
        </button>
    }
}

/// Three faces for young children: one tap answers and moves on.
#[component]
fn EasyScale(chosen: Option<u8>, on: Callback<Move>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="faces faces-3" role="group" aria-labelledby=HEADING>
            {EASY
                .iter()
                .map(|&(n, face, key)| {
                    view! {
                        <button
                            type="button"
                            class=format!("face face-{face}")
                            aria-pressed=if chosen == Some(n) { "true" } else { "false" }
                            on:click=move |ev| {
                                if single_tap(&ev) {
                                    on.run(Move::Answer(Some(Answered::Easy(n))))
                                }
                            }
                        >
                            <span class="face-svg" aria-hidden="true" inner_html=face_svg(face)></span>
                            <span class="face-label">{i18n.tr(key)}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A list of big buttons, one answer each (a single choice, a frequency): one tap answers and moves on.
#[component]
fn TapChoices(options: Vec<(bool, AnyView, Answered)>, on: Callback<Move>) -> impl IntoView {
    view! {
        <div role="group" aria-labelledby=HEADING>
        <ul class="service-list">
            {options
                .into_iter()
                .map(|(pressed, label, answer)| {
                    view! {
                        <li>
                            <button
                                type="button"
                                class="choice"
                                aria-pressed=if pressed { "true" } else { "false" }
                                on:click=move |ev| {
                                    if single_tap(&ev) {
                                        on.run(Move::Answer(Some(answer.clone())))
                                    }
                                }
                            >
                                <span class="choice-title">{label}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        </div>
    }
}

/// Tick boxes, "none of these" on its own (ticking it clears the others, and the other way round), then
/// "Next".
#[component]
fn MultiChoices(multi: yoursay_core::form::MultiChoice, ticked: Vec<String>, on: Callback<Move>) -> impl IntoView {
    let i18n = use_i18n();
    let ticked = RwSignal::new(ticked);
    let toggle = move |code: String| {
        ticked.update(|t| {
            if let Some(i) = t.iter().position(|c| *c == code) {
                t.remove(i);
            } else if code == NONE_OF_THESE {
                *t = vec![code];
            } else {
                t.retain(|c| c != NONE_OF_THESE);
                t.push(code);
            }
        })
    };
    // Sent in the question's order, whatever order they were ticked in.
    let order: Vec<String> = multi.choices.iter().map(|c| c.code.clone()).collect();
    let boxes: Vec<_> = multi
        .choices
        .into_iter()
        .map(|c| (c.code, c.label))
        .chain(multi.none_of_these.map(|words| (NONE_OF_THESE.to_owned(), words)))
        .collect();
    let next = move |_| {
        let mut codes = ticked.get_untracked();
        codes.sort_by_key(|c| order.iter().position(|o| o == c).unwrap_or(usize::MAX));
        on.run(Move::Answer((!codes.is_empty()).then_some(Answered::Multi(codes))))
    };
    view! {
        <fieldset class="tags" aria-labelledby=HEADING>
            <p class="hint">{i18n.tr(S::RunTickAny)}</p>
            <div class="tag-list">
                {boxes
                    .into_iter()
                    .enumerate()
                    .map(|(i, (code, label))| {
                        tick_box(format!("survey-choice-{i}"), code, label, ticked, toggle)
                    })
                    .collect_view()}
            </div>
        </fieldset>
        <button type="button" class="button button-primary" on:click=next>{i18n.tr(S::RunNext)}</button>
    }
}
