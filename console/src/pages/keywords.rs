use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::FieldError;

use crate::api::{self, RiskWords as Words};
use crate::i18n::{officer::Key, use_i18n};
use crate::layout::use_announce;
use crate::ui::{field_error_text, focus_heading, page_title, use_session};

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

#[component]
pub fn Keywords() -> impl IntoView {
    let i18n = use_i18n();
    let announce = use_announce();
    let session = use_session();
    page_title(Key::KeywordsTitle);
    focus_heading();
    let en = RwSignal::new(String::new());
    let cy = RwSignal::new(String::new());
    let loaded = RwSignal::new(false);
    let problem = RwSignal::new(None::<Key>);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let fill_in = move |w: Words| {
        en.set(w.en.join("\n"));
        cy.set(w.cy.join("\n"));
    };
    spawn_local(async move {
        match api::keywords().await {
            Ok(w) => {
                fill_in(w);
                loaded.set(true);
            }
            Err(e) => problem.set(Some(session.fail(&e))),
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let words = Words { en: lines(&en.get_untracked()), cy: lines(&cy.get_untracked()) };
        spawn_local(async move {
            match api::save_keywords(&words).await {
                Ok(w) => {
                    fill_in(w);
                    problem.set(None);
                    errors.set(Vec::new());
                    announce.say(i18n.t(Key::KeywordsSaved));
                }
                Err(e) => {
                    errors.set(e.field_errors().to_vec());
                    problem.set(Some(session.fail(&e)));
                }
            }
        });
    };
    let area = move |lang: &'static str, label: Key, value: RwSignal<String>| {
        let id = format!("keywords-{lang}");
        let error = move || {
            let errs = errors.get();
            errs.iter()
                .find(|e| e.field == lang || e.field.starts_with(&format!("{lang}[")))
                .and_then(|e| field_error_text(i18n, std::slice::from_ref(e), &e.field))
        };
        view! {
            <div class="field">
                <label for=id.clone()>{i18n.tr(label)}</label>
                {move || error().map(|t| view! { <p class="field-error"><span aria-hidden="true">"⚠ "</span>{t}</p> })}
                <textarea id=id lang=lang rows="12" aria-describedby="keywords-hint"
                    aria-invalid=move || error().is_some().then_some("true")
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            </div>
        }
    };
    view! {
        <section class="page keywords">
            <h1 tabindex="-1">{i18n.tr(Key::KeywordsTitle)}</h1>
            <p class="intro" id="keywords-hint">{i18n.tr(Key::KeywordsIntro)}</p>
            {move || problem.get().map(|key| view! { <p class="error" role="alert">{i18n.t(key)}</p> })}
            <Show when=move || loaded.get() fallback=move || view! { <p class="loading">{i18n.t(Key::Loading)}</p> }>
                <form on:submit=submit novalidate>
                    <div class="two-columns">
                        {area("en", Key::KeywordsEn, en)}
                        {area("cy", Key::KeywordsCy, cy)}
                    </div>
                    <button type="submit" class="button">{i18n.tr(Key::KeywordsSave)}</button>
                </form>
            </Show>
        </section>
    }
}
