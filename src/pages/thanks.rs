use crate::router::Link;
use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

#[component]
pub fn Thanks() -> impl IntoView {
    let i18n = use_i18n();
    crate::platform::focus_heading();
    view! {
        <section class="page thanks">
            <h1 tabindex="-1">{i18n.tr(Key::ThanksTitle)}</h1>
            <p class="lead">{i18n.tr(Key::ThanksSaved)}</p>
            <p>{i18n.tr(Key::ThanksNext)}</p>
            <div class="actions">
                <Link href="/say" class="button">{i18n.tr(Key::HomeSay)}</Link>
                <Link href="/rate" class="button">{i18n.tr(Key::HomeRate)}</Link>
                <Link href="/" class="button button-secondary">{i18n.tr(Key::ThanksHome)}</Link>
            </div>
        </section>
    }
}
