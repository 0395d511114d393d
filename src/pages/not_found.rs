use crate::router::Link;
use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    crate::platform::focus_heading();
    view! {
        <section class="page">
            <h1 tabindex="-1">{i18n.tr(Key::NotFoundTitle)}</h1>
            <p><Link href="/" class="button">{i18n.tr(Key::ThanksHome)}</Link></p>
        </section>
    }
}
