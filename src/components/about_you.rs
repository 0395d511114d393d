use leptos::prelude::*;
use yoursay_core::{AgeBand, Role};

use crate::i18n::{use_i18n, Key};

/// The optional "about you" questions. Nothing here identifies anyone; both may be left blank.
#[component]
pub fn AboutYou(role: RwSignal<Option<Role>>, age_band: RwSignal<Option<AgeBand>>) -> impl IntoView {
    let i18n = use_i18n();
    let role_key = |r: Role| match r {
        Role::YoungPerson => Key::RoleYoungPerson,
        Role::CareLeaver => Key::RoleCareLeaver,
        Role::FosterCarer => Key::RoleFosterCarer,
        Role::KinshipCarer => Key::RoleKinshipCarer,
        Role::Professional => Key::RoleProfessional,
        Role::Other => Key::RoleOther,
    };
    let age_key = |a: AgeBand| match a {
        AgeBand::From4To7 => Key::Age4To7,
        AgeBand::From8To10 => Key::Age8To10,
        AgeBand::From11To15 => Key::Age11To15,
        AgeBand::From16To18 => Key::Age16To18,
        AgeBand::From19To25 => Key::Age19To25,
        AgeBand::From26 => Key::Age26Plus,
    };
    view! {
        <fieldset class="about-you">
            <legend>{i18n.tr(Key::AboutYouLegend)}</legend>
            <p class="hint">{i18n.tr(Key::AboutYouHint)}</p>
            <label for="about-role">{i18n.tr(Key::AboutYouRole)}</label>
            <select
                id="about-role"
                on:change=move |ev| role.set(Role::parse(&event_target_value(&ev)).ok())
                prop:value=move || role.get().map(|r| r.code()).unwrap_or_default()
            >
                <option value="">{i18n.tr(Key::AboutYouRatherNotSay)}</option>
                {Role::ALL
                    .into_iter()
                    .map(|r| view! { <option value=r.code()>{i18n.tr(role_key(r))}</option> })
                    .collect_view()}
            </select>
            <label for="about-age">{i18n.tr(Key::AboutYouAge)}</label>
            <select
                id="about-age"
                on:change=move |ev| age_band.set(AgeBand::parse(&event_target_value(&ev)).ok())
                prop:value=move || age_band.get().map(|a| a.code()).unwrap_or_default()
            >
                <option value="">{i18n.tr(Key::AboutYouRatherNotSay)}</option>
                {AgeBand::ALL
                    .into_iter()
                    .map(|a| view! { <option value=a.code()>{i18n.tr(age_key(a))}</option> })
                    .collect_view()}
            </select>
        </fieldset>
    }
}
