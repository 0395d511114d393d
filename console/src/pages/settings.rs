use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, RetentionRun, Settings as Values};
use crate::i18n::{officer::Key, use_i18n, I18n};
use crate::layout::use_announce;
use crate::ui::{date_time, fill, focus_heading, number, page_title, use_session};

#[component]
pub fn Settings() -> impl IntoView {
    let i18n = use_i18n();
    let announce = use_announce();
    let session = use_session();
    page_title(Key::SettingsTitle);
    focus_heading();
    let months = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Key>);
    let field_problem = RwSignal::new(false);
    let last_run = RwSignal::new(None::<RetentionRun>);
    spawn_local(async move {
        match api::settings().await {
            Ok(s) => months.set(s.retention_months.to_string()),
            Err(e) => problem.set(Some(session.fail(&e))),
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = months.get_untracked().trim().parse::<u32>().ok().filter(|m| (1..=120).contains(m));
        let Some(retention_months) = value else {
            field_problem.set(true);
            announce.clear();
            return;
        };
        field_problem.set(false);
        spawn_local(async move {
            match api::save_settings(Values { retention_months }).await {
                Ok(s) => {
                    months.set(s.retention_months.to_string());
                    problem.set(None);
                    announce.say(i18n.t(Key::SettingsSaved));
                }
                Err(e) => {
                    field_problem.set(!e.field_errors().is_empty());
                    problem.set(Some(session.fail(&e)));
                    announce.clear();
                }
            }
        });
    };
    let run = move |_| {
        spawn_local(async move {
            match api::run_retention().await {
                Ok(r) => {
                    announce.say(ran_words(i18n, &r, i18n.lang.get_untracked()));
                    last_run.set(Some(r));
                }
                Err(e) => problem.set(Some(session.fail(&e))),
            }
        });
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
                        aria-describedby=move || if field_problem.get() { "retention-hint retention-error" } else { "retention-hint" }
                        aria-invalid=move || field_problem.get().then_some("true")
                        prop:value=move || months.get() on:input=move |ev| {
                            months.set(event_target_value(&ev));
                            announce.clear();
                        } />
                </div>
                <button type="submit" class="button">{i18n.tr(Key::SettingsSave)}</button>
            </form>
            <h2>{i18n.tr(Key::SettingsRunHeading)}</h2>
            <p>{i18n.tr(Key::SettingsRunIntro)}</p>
            <button type="button" class="button secondary" on:click=run>{i18n.tr(Key::SettingsRun)}</button>
            {move || last_run.get().map(|r| view! { <p class="result">{ran_words(i18n, &r, i18n.lang.get())}</p> })}
        </section>
    }
}

/// What a retention run did, in words. Welsh counts with the singular after any number; English needs its
/// own words for one ("1 entry … was deleted", not "1 entries … were").
fn ran_words(i18n: I18n, r: &RetentionRun, lang: yoursay_core::Language) -> String {
    let key = if r.deleted == 1 { Key::SettingsRanOne } else { Key::SettingsRan };
    fill(i18n.t(key), &[("n", number(r.deleted as f64, lang)), ("date", date_time(r.cutoff, lang))])
}
