//! The frame of every console screen: skip link, header with the sections, the language switch and
//! sign-out, a polite status line, and the page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use yoursay_core::Language;

use super::api;
use super::ui::use_session;
use crate::i18n::{app, officer::Key, use_i18n, Text};

/// A polite announcement ("Saved", "Done"), shared through context so any screen can set it.
#[derive(Clone, Copy)]
pub struct Status(pub RwSignal<Option<String>>);

/// Says something in the status line. Taken from context while the screen is set up (`use_announce`),
/// because after an `await` in `spawn_local` there is no reactive owner to find the context through.
#[derive(Clone, Copy)]
pub struct Announce(Option<Status>);

impl Announce {
    pub fn say(self, text: impl Into<String>) {
        if let Some(Status(signal)) = self.0 {
            signal.set(Some(text.into()));
        }
    }

    /// Takes the last announcement back once it stops being true: the officer changed what was saved, or
    /// a later attempt failed. A "Settings saved." left standing would say the new value was saved.
    pub fn clear(self) {
        if let Some(Status(signal)) = self.0 {
            signal.set(None);
        }
    }
}

pub fn use_announce() -> Announce {
    Announce(use_context::<Status>())
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let status = expect_context::<Status>();
    // An announcement belongs to the screen it was made on.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        status.0.set(None);
    });
    let signed_in = move || session.me.with(|m| m.is_some());
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = api::sign_out().await;
            session.notice.set(Some(Key::SignInSignedOut));
            session.me.set(None);
        });
    };
    view! {
        <a class="skip-link" href="#main">{i18n.tr(Key::LayoutSkip)}</a>
        <header class="console-header">
            <p class="brand">{i18n.tr(Key::AppName)}</p>
            <div class="header-tools">
                <LanguageSwitch />
                <Show when=signed_in>
                    <p class="who">
                        {i18n.tr(Key::LayoutSignedInAs)} " "
                        <strong>{move || session.me.with(|m| m.as_ref().map(|m| m.email.clone()).unwrap_or_default())}</strong>
                    </p>
                    <button type="button" class="button secondary" on:click=sign_out>
                        {i18n.tr(Key::LayoutSignOut)}
                    </button>
                </Show>
            </div>
            <Show when=signed_in>
                <nav class="sections" aria-label=i18n.tr(Key::LayoutNavLabel)>
                    <ul>
                        <li><A href="/officer/inbox">{i18n.tr(Key::NavInbox)}</A></li>
                        <li><A href="/officer/results">{i18n.tr(Key::NavResults)}</A></li>
                        <li><A href="/officer/surveys">{i18n.tr(Key::NavSurveys)}</A></li>
                        <li><A href="/officer/events">{i18n.tr(Key::NavEvents)}</A></li>
                        <li><A href="/officer/responses">{i18n.tr(Key::NavResponses)}</A></li>
                        <li><A href="/officer/catalogue">{i18n.tr(Key::NavCatalogue)}</A></li>
                        <li><A href="/officer/keywords">{i18n.tr(Key::NavKeywords)}</A></li>
                        <li><A href="/officer/settings">{i18n.tr(Key::NavSettings)}</A></li>
                        <li><A href="/officer/audit">{i18n.tr(Key::NavAudit)}</A></li>
                        <li><A href="/officer/export">{i18n.tr(Key::NavExport)}</A></li>
                    </ul>
                </nav>
            </Show>
        </header>
        <p class="status-line" role="status" aria-live="polite">{move || status.0.get()}</p>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

/// Shows the other language's name in that language. The page's `lang` follows (see app.rs).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || i18n.lang.get().other();
    view! {
        <button type="button" class="button lang-switch" lang=move || other().code() on:click=move |_| i18n.lang.set(other())>
            {move || match other() {
                Language::Cy => app::Key::LanguageWelsh.cy(),
                Language::En => app::Key::LanguageEnglish.en(),
            }}
        </button>
    }
}
