//! The privacy notices and the accessibility statement: documents fetched when opened.

use leptos::prelude::*;

use crate::components::document::DocumentPage;
use crate::i18n::{use_i18n, Key};
use crate::router::Link;

/// The privacy notice in plain words for children and young people, with a way to the fuller one.
#[component]
pub fn PrivacyYoung() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DocumentPage title=Key::PrivacyTitle name="privacy-young">
            <p class="lead">{i18n.tr(Key::PrivacyIntro)}</p>
            <p><Link href="/privacy/adults" class="text-target">{i18n.tr(Key::PrivacyAdultsLink)}</Link></p>
        </DocumentPage>
    }
}

#[component]
pub fn PrivacyAdults() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DocumentPage title=Key::PrivacyAdultsTitle name="privacy-adults">
            <p><Link href="/privacy" class="text-target">{i18n.tr(Key::PrivacyYoungLink)}</Link></p>
        </DocumentPage>
    }
}

#[component]
pub fn Accessibility() -> impl IntoView {
    view! { <DocumentPage title=Key::AccessibilityTitle name="accessibility" /> }
}
