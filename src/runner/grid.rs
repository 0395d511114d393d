//! The service × promise grid: part 0 picks the service, then one face scale per promise, one tap each.
//! "Rate a service" is one of these; so is a survey's grid question.

use leptos::prelude::*;

use super::{Answered, Choice, Move};
use crate::components::faces::{single_tap, FaceScale};
use crate::i18n::{fill, use_i18n, Key};
use crate::state::use_app_state;

/// The id of a promise's heading, which its faces are labelled by.
pub const PROMISE_HEADING: &str = "promise-question";

/// The promises of a grid answer so far, and the part it is on, as "n of total" promises.
pub fn promise_progress(given: &Option<Answered>, part: usize) -> (usize, usize) {
    match given {
        Some(Answered::Grid { promises, .. }) => (part, promises.len()),
        _ => (part, 0),
    }
}

/// Part 0: the services offered now, one big button each (the one picked before marked with
/// `aria-pressed`); parts 1…n: promise n with its face scale. Each tap reports a [`Move`].
#[component]
pub fn Grid<F>(part: usize, given: Option<Answered>, on: F) -> impl IntoView
where
    F: Fn(Move) + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let state = use_app_state();
    let (service, promises, choices) = match given {
        Some(Answered::Grid { service, promises, choices }) => (Some(service), promises, choices),
        _ => (None, Vec::new(), Vec::new()),
    };
    if part == 0 || service.is_none() || part > promises.len() {
        // Drawn again when the catalogue changes: the screen may open before the device's copy of the
        // council's catalogue is read, or while a newer one arrives. A promise's screen is not, so focus
        // stays where the person is.
        let buttons = move || {
            let catalogue = state.catalogue.get();
            // The promises offered are fixed when the service is picked, so a catalogue refresh mid-way
            // cannot shift which promise an answer belongs to.
            let offered: Vec<String> = catalogue.active_promises().map(|p| p.code.clone()).collect();
            catalogue
                .active_services()
                .map(|s| {
                    let code = s.code.clone();
                    let same = service.as_deref() == Some(s.code.as_str());
                    // The same service again keeps its answers; another starts afresh.
                    let answer = if same {
                        Answered::Grid { service: code, promises: promises.clone(), choices: choices.clone() }
                    } else {
                        Answered::Grid { service: code, promises: offered.clone(), choices: Vec::new() }
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                class="choice service"
                                data-code=s.code.clone()
                                aria-pressed=if same { "true" } else { "false" }
                                on:click=move |ev| {
                                    if single_tap(&ev) {
                                        on(Move::Part(1, answer.clone()))
                                    }
                                }
                            >
                                <span class="choice-title">{i18n.pick(&s.name)}</span>
                                <span class="choice-hint">{i18n.pick(&s.line)}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        };
        return view! { <ul class="service-list">{buttons}</ul> }.into_any();
    }
    let catalogue = state.catalogue.get_untracked();
    let service = service.unwrap_or_default();
    let code = promises[part - 1].clone();
    let promise = catalogue.promise(&code).cloned();
    let service_name = catalogue.service(&service).map(|s| s.name.clone());
    let chosen = choices.iter().find(|(p, _)| *p == code).map(|(_, c)| *c);
    let total = promises.len();
    let question_text = move || {
        let name = service_name.as_ref().map(|n| i18n.pick(n)).unwrap_or_default();
        fill(i18n.t(Key::RateQuestion), &[("service", &name)])
    };
    let what_changed = format!("/what-changed?promise={code}");
    let (name, line) = promise.map(|p| (p.name, p.line)).unzip();
    view! {
        <h1 tabindex="-1" id=PROMISE_HEADING>
            <span class="promise-name">{move || name.as_ref().map(|n| i18n.pick(n)).unwrap_or_default()}</span>
        </h1>
        <p class="lead">{move || line.as_ref().map(|l| i18n.pick(l)).unwrap_or_default()}</p>
        <p class="question">{question_text}</p>
        <FaceScale
            labelled_by=PROMISE_HEADING
            chosen=chosen
            on_choice=move |c: Choice| {
                let mut choices = choices.clone();
                choices.retain(|(p, _)| *p != code);
                choices.push((code.clone(), c));
                let answer = Answered::Grid { service: service.clone(), promises: promises.clone(), choices };
                on(if part < total { Move::Part(part + 1, answer) } else { Move::Answer(Some(answer)) })
            }
        />
        // A new tab, so the answers given so far (kept in this page's memory) stay here.
        <p>
            <a href=what_changed target="_blank" class="text-target">{i18n.tr(Key::RateWhatChanged)}</a>
        </p>
    }
    .into_any()
}
