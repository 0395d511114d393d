//! Settings: how long entries are kept (a second look before a new period is saved or retention is run now,
//! with the number of entries it would delete), and the small-number threshold of results.

use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::officer::{MIN_CELL, RETENTION_MONTHS};

use super::confirm::Confirm;
use crate::api::{self, RetentionPreview, RetentionRun, SettingsChange};
use crate::i18n::{officer::Key, use_i18n, I18n};
use crate::layout::use_announce;
use crate::ui::{date_time, fill, focus, focus_heading, number, page_title, use_session};

#[component]
pub fn Settings() -> impl IntoView {
    let i18n = use_i18n();
    let announce = use_announce();
    let session = use_session();
    page_title(Key::SettingsTitle);
    focus_heading();
    let months = RwSignal::new(String::new());
    let saved_months = RwSignal::new(None::<u32>);
    let min_cell = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Key>);
    let field_problem = RwSignal::new(false);
    let min_problem = RwSignal::new(false);
    let last_run = RwSignal::new(None::<RetentionRun>);
    // The second looks: what saving the boxed period would delete, what running now would delete, and why
    // running now was refused (the box holds a period that is not saved: typed words, saved months).
    let confirm_save = RwSignal::new(None::<RetentionPreview>);
    let confirm_run = RwSignal::new(None::<RetentionPreview>);
    let unsaved = RwSignal::new(None::<(String, u32)>);
    spawn_local(async move {
        match api::settings().await {
            Ok(s) => {
                months.set(s.retention_months.to_string());
                saved_months.set(Some(s.retention_months));
                min_cell.set(s.min_cell.to_string());
            }
            Err(e) => problem.set(Some(session.fail(&e))),
        }
    });
    let failed = move |e: &api::ApiError| {
        problem.set(Some(session.fail(e)));
        announce.clear();
    };
    let save_months = move |retention_months: u32| {
        spawn_local(async move {
            match api::save_settings(SettingsChange { retention_months: Some(retention_months), min_cell: None }).await
            {
                Ok(s) => {
                    months.set(s.retention_months.to_string());
                    saved_months.set(Some(s.retention_months));
                    confirm_save.set(None);
                    problem.set(None);
                    announce.say(i18n.t(Key::SettingsSaved));
                    request_animation_frame(|| focus("retention-months"));
                }
                Err(e) => {
                    confirm_save.set(None);
                    field_problem.set(e.field_errors().iter().any(|f| f.field == "retention_months"));
                    failed(&e);
                }
            }
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        announce.clear();
        unsaved.set(None);
        let value = months.get_untracked().trim().parse::<u32>().ok().filter(|m| RETENTION_MONTHS.contains(m));
        let Some(retention_months) = value else {
            field_problem.set(true);
            confirm_save.set(None);
            return;
        };
        field_problem.set(false);
        if saved_months.get_untracked() == Some(retention_months) {
            save_months(retention_months);
            return;
        }
        // A new period deletes what is older within the hour: say how much first, and ask.
        spawn_local(async move {
            match api::retention_preview(retention_months).await {
                Ok(p) => confirm_save.set(Some(p)),
                Err(e) => failed(&e),
            }
        });
    };
    let save_question = question(i18n, confirm_save, Key::SettingsPreviewQuestionOne, Key::SettingsPreviewQuestion);
    let save_yes = Callback::new(move |()| {
        if let Some(p) = confirm_save.get_untracked() {
            save_months(p.months);
        }
    });
    let save_no = Callback::new(move |()| {
        confirm_save.set(None);
        request_animation_frame(|| focus("retention-months"));
    });

    let run = move |_| {
        announce.clear();
        confirm_run.set(None);
        let Some(saved) = saved_months.get_untracked() else { return };
        let typed = months.get_untracked().trim().to_owned();
        if typed.parse::<u32>().ok() != Some(saved) {
            // The run keeps the saved period, as the hourly run does: running with a period not saved would
            // delete entries the saved period (and the privacy notices) still promise to keep.
            unsaved.set(Some((typed, saved)));
            request_animation_frame(|| focus("run-unsaved"));
            return;
        }
        unsaved.set(None);
        spawn_local(async move {
            match api::retention_preview(saved).await {
                Ok(p) => confirm_run.set(Some(p)),
                Err(e) => failed(&e),
            }
        });
    };
    let run_question = question(i18n, confirm_run, Key::SettingsRunQuestionOne, Key::SettingsRunQuestion);
    let run_yes = Callback::new(move |()| {
        spawn_local(async move {
            let outcome = api::run_retention().await;
            confirm_run.set(None);
            match outcome {
                Ok(r) => {
                    announce.say(ran_words(i18n, &r, i18n.lang.get_untracked()));
                    last_run.set(Some(r));
                }
                Err(e) => failed(&e),
            }
            request_animation_frame(|| focus("retention-run"));
        });
    });
    let run_no = Callback::new(move |()| {
        confirm_run.set(None);
        request_animation_frame(|| focus("retention-run"));
    });

    let save_min = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        announce.clear();
        let value = min_cell.get_untracked().trim().parse::<u32>().ok().filter(|n| MIN_CELL.contains(n));
        let Some(value) = value else {
            min_problem.set(true);
            return;
        };
        min_problem.set(false);
        spawn_local(async move {
            match api::save_settings(SettingsChange { retention_months: None, min_cell: Some(value) }).await {
                Ok(s) => {
                    min_cell.set(s.min_cell.to_string());
                    problem.set(None);
                    announce.say(i18n.t(Key::SettingsSaved));
                }
                Err(e) => {
                    min_problem.set(e.field_errors().iter().any(|f| f.field == "min_cell"));
                    failed(&e);
                }
            }
        });
    };

    let retention_described =
        move || if field_problem.get() { "retention-hint retention-error" } else { "retention-hint" };
    let min_described = move || if min_problem.get() { "min-cell-hint min-cell-error" } else { "min-cell-hint" };
    let unsaved_words = move || {
        unsaved.get().map(|(typed, saved)| {
            let lang = i18n.lang.get();
            fill(i18n.t(Key::SettingsRunUnsaved), &[("typed", typed), ("saved", number(f64::from(saved), lang))])
        })
    };
    view! {
        <section class="page settings">
            <h1 tabindex="-1">{i18n.tr(Key::SettingsTitle)}</h1>
            {move || problem.get().map(|key| view! { <p class="error" role="alert">{i18n.t(key)}</p> })}
            <h2>{i18n.tr(Key::SettingsRetentionHeading)}</h2>
            <form on:submit=save novalidate>
                <div class="field">
                    <label for="retention-months">{i18n.tr(Key::SettingsRetention)}</label>
                    <p class="hint" id="retention-hint">{i18n.tr(Key::SettingsRetentionHint)}</p>
                    {move || field_problem.get().then(|| view! {
                        <p class="field-error" id="retention-error"><span aria-hidden="true">"⚠ "</span>{i18n.t(crate::i18n::app::Key::ErrorOutOfRange)}</p>
                    })}
                    <input id="retention-months" type="number" min="1" max="120" inputmode="numeric"
                        aria-describedby=retention_described
                        aria-invalid=move || field_problem.get().then_some("true")
                        prop:value=move || months.get() on:input=move |ev| {
                            months.set(event_target_value(&ev));
                            confirm_save.set(None);
                            unsaved.set(None);
                            announce.clear();
                        } />
                </div>
                {move || confirm_save.with(Option::is_some).then(|| view! {
                    <Confirm id="save-question".to_owned() question=save_question
                        yes=Key::SettingsPreviewConfirm no=Key::SettingsPreviewCancel on_yes=save_yes on_no=save_no />
                })}
                {move || confirm_save.with(Option::is_none).then(|| view! {
                    <button type="submit" class="button">{i18n.tr(Key::SettingsSave)}</button>
                })}
            </form>
            <h2>{i18n.tr(Key::SettingsRunHeading)}</h2>
            <p>{i18n.tr(Key::SettingsRunIntro)}</p>
            {move || unsaved_words().map(|words| view! { <p class="error" id="run-unsaved" tabindex="-1">{words}</p> })}
            {move || if confirm_run.with(Option::is_some) {
                view! {
                    <Confirm id="run-question".to_owned() question=run_question
                        yes=Key::SettingsRunConfirm no=Key::SettingsRunCancel on_yes=run_yes on_no=run_no />
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button secondary" id="retention-run" on:click=run>{i18n.tr(Key::SettingsRun)}</button>
                }.into_any()
            }}
            {move || last_run.get().map(|r| view! { <p class="result">{ran_words(i18n, &r, i18n.lang.get())}</p> })}
            <h2>{i18n.tr(Key::SettingsMinCellHeading)}</h2>
            <form on:submit=save_min novalidate>
                <div class="field">
                    <label for="min-cell">{i18n.tr(Key::SettingsMinCell)}</label>
                    <p class="hint" id="min-cell-hint">{i18n.tr(Key::SettingsMinCellHint)}</p>
                    {move || min_problem.get().then(|| view! {
                        <p class="field-error" id="min-cell-error"><span aria-hidden="true">"⚠ "</span>{i18n.t(Key::SettingsMinCellError)}</p>
                    })}
                    <input id="min-cell" type="number" min="1" max="100" inputmode="numeric"
                        aria-describedby=min_described
                        aria-invalid=move || min_problem.get().then_some("true")
                        prop:value=move || min_cell.get() on:input=move |ev| {
                            min_cell.set(event_target_value(&ev));
                            announce.clear();
                        } />
                </div>
                <button type="submit" class="button">{i18n.tr(Key::SettingsMinCellSave)}</button>
            </form>
        </section>
    }
}

/// The question a preview asks before saving or running, in words: `one` when it would delete one entry.
fn question(i18n: I18n, preview: RwSignal<Option<RetentionPreview>>, one: Key, many: Key) -> Signal<String> {
    Signal::derive(move || {
        preview
            .with(|p| p.as_ref().map(|p| preview_words(i18n, if p.would_delete == 1 { one } else { many }, p)))
            .unwrap_or_default()
    })
}

/// A preview's count and cut-off in words.
fn preview_words(i18n: I18n, key: Key, p: &RetentionPreview) -> String {
    let lang = i18n.lang.get();
    fill(i18n.t(key), &[("n", number(p.would_delete as f64, lang)), ("date", date_time(p.cutoff, lang))])
}

/// What a retention run did, in words. Welsh counts with the singular after any number; English needs its
/// own words for one ("1 entry … was deleted", not "1 entries … were").
fn ran_words(i18n: I18n, r: &RetentionRun, lang: yoursay_core::Language) -> String {
    let key = if r.deleted == 1 { Key::SettingsRanOne } else { Key::SettingsRan };
    fill(i18n.t(key), &[("n", number(r.deleted as f64, lang)), ("date", date_time(r.cutoff, lang))])
}
