//! The thank-you screen's "you said, so we did": the newest response this device keeps, so a person sees
//! that views lead somewhere, with the way to all of them. Nothing when the device keeps none yet.

use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::you_said::FeedItem;

use crate::i18n::{fill, use_i18n, you_said::Key as Y, Key};
use crate::router::Link;
use crate::state::use_app_state;

#[component]
pub fn LatestResponse() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let latest = RwSignal::new(None::<FeedItem>);
    if let Some(store) = state.store() {
        spawn_local(async move {
            let newest = store.responses().await.ok().and_then(|items| items.into_iter().next());
            latest.try_set(newest);
        });
    }
    move || {
        latest.get().map(|item| {
            let (said, did) = (item.you_said, item.we_did);
            view! {
                <section class="latest-response" aria-labelledby="latest-response-title">
                    <h2 id="latest-response-title">{i18n.tr(Y::FeedLatest)}</h2>
                    <p>{move || fill(i18n.t(Y::DocumentYouSaid), &[("text", said.get(i18n.lang.get()))])}</p>
                    <p>{move || fill(i18n.t(Y::FeedWeDid), &[("text", did.get(i18n.lang.get()))])}</p>
                    <p><Link href="/what-changed" class="text-target">{i18n.tr(Key::WhatChangedTitle)}</Link></p>
                </section>
            }
        })
    }
}
