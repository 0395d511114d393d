use leptos::prelude::*;
use yoursay_core::entry::AnswerWire;
use yoursay_core::{CatalogueItem, EntryKind};

use crate::components::about_you::AboutYou;
use crate::components::faces::{single_tap, Choice, FaceScale};
use crate::compose::{check, Envelope};
use crate::drafts::{RateDraft, RateStep};
use crate::i18n::{error_key, fill, use_i18n, Key};
use crate::platform::focus_heading;
use crate::state::use_app_state;

/// "Rate a service": pick a service, then one promise at a time with big face buttons, then send. Where
/// the person has got to is kept for the visit (`crate::drafts`), so help, privacy or Back lose nothing.
#[component]
pub fn Rate() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    focus_heading();

    let draft = crate::drafts::use_drafts().rate;
    let RateDraft { step, service, promises, choices, .. } = draft;
    let (role, age_band) = (draft.about.role, draft.about.age_band);
    let error = RwSignal::new(None::<Key>);
    let saving = RwSignal::new(false);

    let go = move |next: RateStep| {
        step.set(next);
        focus_heading();
    };
    let pick_service = move |item: CatalogueItem| {
        // Back to the list and the same service again keeps the answers given; another service starts afresh.
        if service.with_untracked(|s| s.as_ref().map(|s| &s.code) != Some(&item.code)) {
            promises.set(state.catalogue.get_untracked().active_promises().cloned().collect());
            choices.set(Vec::new());
            service.set(Some(item));
        }
        go(RateStep::Promise(0));
    };
    let answer = move |index: usize, choice: Choice| {
        let code = promises.with_untracked(|p| p[index].code.clone());
        choices.update(|c| {
            c.retain(|(p, _)| *p != code);
            c.push((code, choice));
        });
        let total = promises.with_untracked(Vec::len);
        go(if index + 1 < total { RateStep::Promise(index + 1) } else { RateStep::AboutYou });
    };
    let back = move || {
        go(match step.get_untracked() {
            RateStep::PickService | RateStep::Promise(0) => RateStep::PickService,
            RateStep::Promise(i) => RateStep::Promise(i - 1),
            RateStep::AboutYou => RateStep::Promise(promises.with_untracked(Vec::len).saturating_sub(1)),
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
                    Some(AnswerWire { promise: promise.clone(), answer: choice.to_wire()? })
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
        super::save_then_thank((state, nav), wire, saving, move |saved| match saved {
            true => draft.clear(),
            false => error.set(Some(Key::SaveFailed)),
        });
    });

    let service_name = move || service.get().map(|s| i18n.pick(&s.name)).unwrap_or_default();

    view! {
        <section class="page rate">
            {move || match step.get() {
                RateStep::PickService => view! {
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
                                            on:click=move |ev| {
                                                if single_tap(&ev) {
                                                    pick_service(item.clone())
                                                }
                                            }
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
                RateStep::Promise(index) => {
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
                        <FaceScale
                            labelled_by="promise-question"
                            on_choice=move |c| answer(index, c)
                            chosen=choices.with(|c| c.iter().find(|(p, _)| *p == promise.code).map(|(_, ch)| *ch))
                        />
                        <button type="button" class="button button-quiet back" on:click=move |_| back()>
                            {i18n.tr(Key::Back)}
                        </button>
                        // A new tab, so the answers given so far (kept in this page's memory) stay here.
                        <p>
                            <a
                                href=format!("/what-changed?promise={}", promise.code)
                                target="_blank"
                                class="text-target"
                            >
                                {i18n.tr(Key::RateWhatChanged)}
                            </a>
                        </p>
                    }
                    .into_any()
                }
                RateStep::AboutYou => view! {
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
