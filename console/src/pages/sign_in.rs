use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::i18n::{officer::Key, use_i18n};
use crate::ui::{fill, focus_heading, page_title, use_session};

/// What went wrong, in words that follow the language switch.
#[derive(Clone, PartialEq)]
enum Problem {
    Missing,
    Wrong,
    TooMany(u32),
    Other(Key),
}

#[component]
pub fn SignIn() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    page_title(Key::SignInTitle);
    focus_heading();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (e, p) = (email.get_untracked(), password.get_untracked());
        if e.trim().is_empty() || p.is_empty() {
            problem.set(Some(Problem::Missing));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match api::sign_in(e.trim(), &p).await {
                Ok(me) => {
                    password.set(String::new());
                    problem.set(None);
                    session.notice.set(None);
                    session.me.set(Some(me));
                }
                Err(ApiError::SignedOut) => problem.set(Some(Problem::Wrong)),
                Err(ApiError::TooMany { retry_after_secs }) => problem.set(Some(Problem::TooMany(retry_after_secs))),
                Err(ApiError::Unreachable) => problem.set(Some(Problem::Other(Key::ErrorUnreachable))),
                Err(_) => problem.set(Some(Problem::Other(Key::ErrorOther))),
            }
            busy.set(false);
        });
    };

    let problem_text = move || {
        problem.get().map(|p| match p {
            Problem::Missing => i18n.t(Key::SignInMissing).to_owned(),
            Problem::Wrong => i18n.t(Key::SignInWrong).to_owned(),
            Problem::TooMany(secs) => fill(i18n.t(Key::SignInTooMany), &[("seconds", secs.to_string())]),
            Problem::Other(key) => i18n.t(key).to_owned(),
        })
    };
    let described = move || problem.with(|p| p.is_some()).then_some("sign-in-error");

    view! {
        <section class="page sign-in">
            <h1 tabindex="-1">{i18n.tr(Key::SignInTitle)}</h1>
            <p>{i18n.tr(Key::SignInIntro)}</p>
            {move || session.notice.get().map(|key| view! { <p class="notice">{i18n.tr(key)}</p> })}
            <form on:submit=submit novalidate>
                <div role="alert" id="sign-in-error" class="error-summary" class:empty=move || problem.with(|p| p.is_none())>
                    {problem_text}
                </div>
                <div class="field">
                    <label for="sign-in-email">{i18n.tr(Key::SignInEmail)}</label>
                    <input id="sign-in-email" type="email" name="email" autocomplete="username" required
                        aria-invalid=move || problem.with(|p| p.is_some()).then_some("true")
                        aria-describedby=described
                        prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="sign-in-password">{i18n.tr(Key::SignInPassword)}</label>
                    <input id="sign-in-password" type="password" name="password" autocomplete="current-password" required
                        aria-invalid=move || problem.with(|p| p.is_some()).then_some("true")
                        aria-describedby=described
                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button" disabled=move || busy.get()>{i18n.tr(Key::SignInSubmit)}</button>
            </form>
        </section>
    }
}
