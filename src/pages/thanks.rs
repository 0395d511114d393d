use crate::router::Link;
use leptos::prelude::*;

#[cfg(feature = "surveys")]
use crate::i18n::fill;
use crate::i18n::{use_i18n, Key};
use crate::state::use_app_state;

/// Says what is true: "saved on this device, will be sent" while anything waits, "sent" once the
/// server has it all (the words change when the sending finishes).
#[component]
pub fn Thanks() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    crate::platform::focus_heading();
    let outcome = move || {
        let counts = state.counts.get();
        i18n.t(if counts.waiting + counts.refused == 0 { Key::ThanksSent } else { Key::ThanksSaved })
    };
    view! {
        <section class="page thanks">
            <h1 tabindex="-1">{i18n.tr(Key::ThanksTitle)}</h1>
            <p class="lead" data-testid="thanks-outcome">{outcome}</p>
            <p>{i18n.tr(Key::ThanksNext)}</p>
            {pass_it_on()}
            <div class="actions">
                <Link href="/say" class="button">{i18n.tr(Key::HomeSay)}</Link>
                <Link href="/rate" class="button">{i18n.tr(Key::HomeRate)}</Link>
                <Link href="/" class="button button-secondary">{i18n.tr(Key::ThanksHome)}</Link>
            </div>
        </section>
    }
}

/// On the surveys page: in pass-the-tablet mode the next person is asked to take over; at an event, when
/// people will hear back; and the newest "you said, we did" this device keeps.
#[cfg(feature = "surveys")]
fn pass_it_on() -> impl IntoView {
    use crate::i18n::event::Key as E;
    let i18n = use_i18n();
    let joined = crate::event::use_joined();
    let hear_back = joined.0.with_untracked(|e| e.as_ref().map(|e| e.hear_back_by.clone()));
    view! {
        {crate::event::is_tablet().then(|| view! { <p class="lead pass-on">{i18n.tr(E::ThanksPassOn)}</p> })}
        {hear_back.map(|date| {
            view! {
                <p data-testid="hear-back">
                    {move || fill(i18n.t(E::EventHearBack), &[("date", &crate::i18n::date_in_words(date.as_str(), i18n))])}
                </p>
            }
        })}
        <crate::you_said::LatestResponse />
    }
}

#[cfg(not(feature = "surveys"))]
fn pass_it_on() {}
