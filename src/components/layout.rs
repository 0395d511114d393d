use leptos::prelude::*;
use yoursay_core::Language;

use super::status_strip::StatusStrip;
use crate::i18n::{use_i18n, Key, Text};
use crate::router::Link;

/// The frame of every screen: skip link, header with the language switch and "Get help now", the status
/// strip, the page, and the footer links.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // Focus goes to the screen's heading by hand: following `#main` would go through the router as a
        // change of page and build the screen afresh, losing what was typed.
        <a
            class="skip-link"
            href="#main"
            on:click=|ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                crate::platform::focus_heading();
            }
        >
            {i18n.tr(Key::LayoutSkipToContent)}
        </a>
        <header class="site-header">
            <Link href="/" class="brand">{i18n.tr(Key::AppName)}</Link>
            <nav class="header-actions" aria-label=i18n.tr(Key::LayoutNavLabel)>
                <LanguageSwitch />
                <Link href="/help" class="help-link">{i18n.tr(Key::HelpLink)}</Link>
            </nav>
        </header>
        <StatusStrip />
        <main id="main">{children()}</main>
        {idle_guard()}
        <nav class="site-footer" aria-label=i18n.tr(Key::FooterNavLabel)>
            <Link href="/privacy">{i18n.tr(Key::PrivacyTitle)}</Link>
            <Link href="/accessibility">{i18n.tr(Key::AccessibilityTitle)}</Link>
        </nav>
    }
}

/// Pass-the-tablet's "Still there?" (the surveys page only: the mode runs there).
#[cfg(feature = "surveys")]
fn idle_guard() -> impl IntoView {
    view! { <crate::event::IdleGuard /> }
}

#[cfg(not(feature = "surveys"))]
fn idle_guard() {}

/// Shows the *other* language's name, in that language, and switches to it. What the person has typed
/// stays: it lives in the screen's signals, not in the words around it.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || i18n.lang.get().other();
    view! {
        <button
            type="button"
            class="lang-switch"
            lang=move || other().code()
            on:click=move |_| i18n.lang.set(other())
        >
            {move || match other() {
                Language::Cy => Key::LanguageWelsh.cy(),
                Language::En => Key::LanguageEnglish.en(),
            }}
        </button>
    }
}
