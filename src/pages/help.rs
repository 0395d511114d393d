use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// "Get help now": reachable from every screen, and says plainly that this app is not how to get help
/// in an emergency.
#[component]
pub fn Help() -> impl IntoView {
    let i18n = use_i18n();
    crate::platform::focus_heading();
    view! {
        <section class="page help">
            <h1 tabindex="-1">{i18n.tr(Key::HelpTitle)}</h1>
            <p class="warning-box">{i18n.tr(Key::HelpNotWatched)}</p>
            <div class="help-card emergency">
                <h2>{i18n.tr(Key::HelpEmergencyTitle)}</h2>
                <p>{i18n.tr(Key::HelpEmergencyText)}</p>
                <a class="button button-danger" href="tel:999">{i18n.tr(Key::HelpEmergencyCall)}</a>
            </div>
            <div class="help-card">
                <h2>{i18n.tr(Key::HelpMeicTitle)}</h2>
                <p>{i18n.tr(Key::HelpMeicText)}</p>
                <p class="actions">
                    <a class="button" href="tel:08088023456">{i18n.tr(Key::HelpMeicCall)}</a>
                    <a class="button" href="sms:84001">{i18n.tr(Key::HelpMeicText2)}</a>
                    <a class="button button-secondary" href="https://www.meic.cymru" rel="noopener noreferrer">
                        {i18n.tr(Key::HelpMeicChat)}
                    </a>
                </p>
            </div>
            <div class="help-card">
                <h2>{i18n.tr(Key::HelpChildlineTitle)}</h2>
                <p>{i18n.tr(Key::HelpChildlineText)}</p>
                <a class="button" href="tel:08001111">{i18n.tr(Key::HelpChildlineCall)}</a>
            </div>
        </section>
    }
}
