//! A printable bilingual poster for one event: its name in English and Welsh, day and place, the QR code
//! of the join address (drawn by the server), the join code in large type spaced for reading aloud, and
//! the address to type.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use yoursay_core::Language;

use crate::api::{self, Event};
use crate::i18n::{officer::Key, use_i18n, Text};
use crate::ui::{day, fill, focus_heading, page_title, use_session};

/// The address a phone opens to join: the app at this origin, its event screen with the event's code.
fn join_address(event: &Event) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", yoursay_core::event::join_path(&event.code))
}

#[component]
pub fn EventPoster() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    page_title(Key::PosterTitle);
    focus_heading();
    let event = RwSignal::new(None::<Result<Event, Key>>);
    let code = params.with_untracked(|p| p.get("code").unwrap_or_default());
    spawn_local(async move {
        event.set(Some(api::event(&code).await.map_err(|e| session.fail(&e))));
    });
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="page event-poster">
            <p class="no-print"><A href="/officer/events">{i18n.tr(Key::PosterBack)}</A></p>
            <p class="no-print"><button type="button" class="button" on:click=print>{i18n.tr(Key::PosterPrint)}</button></p>
            {move || {
                i18n.lang.track();
                match event.get() {
                    None => view! { <h1 tabindex="-1">{i18n.t(Key::PosterTitle)}</h1><p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
                    Some(Err(key)) => view! { <h1 tabindex="-1">{i18n.t(Key::PosterTitle)}</h1><p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
                    Some(Ok(event)) => poster(i18n.lang.get_untracked(), event).into_any(),
                }
            }}
        </section>
    }
}

/// The poster itself: both languages always, the officer's own language first.
fn poster(first: Language, event: Event) -> impl IntoView {
    let address = join_address(&event);
    let both = [first, first.other()];
    let heading = both.map(|lang| {
        view! { <span lang=lang.code()>{event.name.get(lang).to_owned()}</span> }
    });
    let [heading_first, heading_second] = heading;
    let when = both.map(|lang| {
        view! { <p lang=lang.code()>{day(event.date.as_str(), lang)}", "{event.place.clone()}</p> }
    });
    let call = both.map(|lang| view! { <p class="poster-call" lang=lang.code()>{Key::PosterJoin.text(lang)}</p> });
    let scan = both.map(|lang| view! { <p lang=lang.code()>{Key::PosterScan.text(lang)}</p> });
    let alt = fill(Key::PosterQrAlt.text(first), &[("address", address.clone())]);
    let code_label = both.map(|lang| Key::PosterCode.text(lang)).join(" · ");
    let or_open = both.map(|lang| view! { <span lang=lang.code()>{Key::PosterOrOpen.text(lang)}</span> });
    let [or_first, or_second] = or_open;
    // Read out one character at a time.
    let spelt = event.code.as_str().chars().map(String::from).collect::<Vec<_>>().join(" ");
    let code_attr = event.code.as_str().to_owned();
    let qr = api::event_qr_url(&event.code);
    view! {
        <article class="poster" data-code=code_attr>
            {call}
            <h1 tabindex="-1">{heading_first}<br />{heading_second}</h1>
            <div class="poster-when">{when}</div>
            <img class="poster-qr" src=qr alt=alt width="320" height="320" />
            <div class="poster-scan">{scan}</div>
            <p class="poster-code-label">{code_label}</p>
            <p class="poster-code" aria-label=spelt>{event.code.grouped()}</p>
            <p class="poster-address">{or_first}" / "{or_second}<br /><strong>{address}</strong></p>
        </article>
    }
}
