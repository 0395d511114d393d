//! "What changed" ("you said, we did") on the device: the council's published responses, newest first, in
//! either language with no signal. Built into the surveys page only (the `surveys` feature): the first
//! load links to it with an ordinary link, so none of this is in the phone's first download.
//!
//! The responses live in the device database (`storage::responses`) and are pulled by cursor
//! (`sync::feed`) each time the screen opens with signal. Which changes the device has shown is kept
//! there too, so a response new or changed since the last look is marked "new" once, then not again.
//!
//! * `item`: one response. UI only.

mod item;
mod latest;

pub use latest::LatestResponse;

use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::you_said::FeedItem;

use crate::i18n::{fill, use_i18n, you_said::Key as Y, Key};
use crate::state::use_app_state;
use crate::storage::{is_new, newest_first, Seen};
use crate::sync::http::NetError;

pub const PATH: &str = "/what-changed";

/// What the screen has to show.
#[derive(Debug, Clone, PartialEq)]
enum Kept {
    Loading,
    /// From the device database (or, when it cannot be opened, straight from the server).
    Ready(Vec<FeedItem>),
}

/// How the last pull went, said under the heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pull {
    Checking,
    UpToDate,
    Offline,
    /// The device database cannot be opened: shown from the server, kept nowhere.
    NotKept,
}

/// Is `item` shown under these filters (empty: any)?
fn matches(item: &FeedItem, promise: &str, service: &str) -> bool {
    (promise.is_empty() || item.promises.iter().any(|p| p == promise))
        && (service.is_empty() || item.services.iter().any(|s| s == service))
}

#[component]
pub fn WhatChanged() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    crate::platform::focus_heading();
    let kept = RwSignal::new(Kept::Loading);
    let pull = RwSignal::new(Pull::Checking);
    // What the device had shown before this visit: the markers stay for the whole visit, and the next
    // visit no longer shows them.
    let seen: RwSignal<Seen> = RwSignal::new(Seen::new());
    // `?promise=CODE`: a promise's own screen in Rate links here with its filter chosen.
    let promise = RwSignal::new(crate::platform::address_param("promise").unwrap_or_default());
    let service = RwSignal::new(String::new());

    // Once the device database is open (or known not to open): what it holds, then the pull.
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(ok) = state.storage_ok.get() else { return };
        if started.get_value() {
            return;
        }
        started.set_value(true);
        spawn_local(async move {
            let Some(store) = state.store().filter(|_| ok) else {
                // Nothing can be kept: what the server has now, for this visit only.
                match crate::sync::http::fetch_feed(None).await {
                    Ok(feed) => {
                        let mut items = feed.items;
                        newest_first(&mut items);
                        kept.set(Kept::Ready(items));
                        pull.set(Pull::NotKept);
                    }
                    Err(_) => {
                        kept.set(Kept::Ready(Vec::new()));
                        pull.set(Pull::Offline);
                    }
                }
                return;
            };
            seen.set(store.seen_responses().await.unwrap_or_default());
            kept.set(Kept::Ready(store.responses().await.unwrap_or_default()));
            let outcome = crate::sync::feed::pull(&store).await;
            if outcome == Ok(true) {
                kept.set(Kept::Ready(store.responses().await.unwrap_or_default()));
            }
            pull.set(match outcome {
                Ok(_) => Pull::UpToDate,
                Err(NetError::Unreachable | NetError::Status(_) | NetError::Unreadable(_)) => Pull::Offline,
            });
        });
    });

    let shown = Memo::new(move |_| match kept.get() {
        Kept::Loading => None,
        Kept::Ready(items) => {
            let (p, s) = (promise.get(), service.get());
            Some((items.iter().filter(|i| matches(i, &p, &s)).cloned().collect::<Vec<_>>(), items.len()))
        }
    });
    // What is on screen is seen: remembered at once, shown as "new" until the next visit.
    Effect::new(move |_| {
        let Some((items, _)) = shown.get() else { return };
        let Some(store) = state.store() else { return };
        let changes: Vec<(String, i64)> = items.iter().map(|i| (i.id.clone(), i.changed_at)).collect();
        if !changes.is_empty() {
            spawn_local(async move {
                let _ = store.mark_seen(&changes).await;
            });
        }
    });

    let status = move || match pull.get() {
        Pull::Checking => i18n.t(Y::FeedChecking),
        Pull::UpToDate => i18n.t(Y::FeedUpToDate),
        Pull::Offline => i18n.t(Y::FeedOffline),
        Pull::NotKept => i18n.t(Y::FeedNoStorage),
    };
    let list = move || match shown.get() {
        None => ().into_any(),
        Some((_, 0)) if pull.get() == Pull::Offline => {
            view! { <p class="notice">{i18n.tr(Y::FeedNeverOnline)}</p> }.into_any()
        }
        Some((_, 0)) => view! {
            <div class="notice">
                <h2>{i18n.tr(Y::DocumentNoneHeading)}</h2>
                <p>{i18n.tr(Y::DocumentNone)}</p>
            </div>
        }
        .into_any(),
        Some((items, _)) if items.is_empty() => view! { <p class="notice">{i18n.tr(Y::FeedNoMatch)}</p> }.into_any(),
        Some((items, _)) => {
            let marks = seen.get_untracked();
            view! {
                <ol class="responses">
                    {items
                        .into_iter()
                        .map(|it| {
                            let new = is_new(&it, &marks);
                            view! { <item::Response item=it new=new /> }
                        })
                        .collect_view()}
                </ol>
            }
            .into_any()
        }
    };
    let count = move || {
        shown.get().filter(|(_, total)| *total > 0).map(|(items, total)| {
            fill(i18n.t(Y::FeedShown), &[("n", &items.len().to_string()), ("total", &total.to_string())])
        })
    };
    view! {
        <section class="page what-changed">
            <h1 tabindex="-1">{i18n.tr(Key::WhatChangedTitle)}</h1>
            <p class="lead">{i18n.tr(Y::FeedIntro)}</p>
            <p class="hint" role="status" data-testid="feed-status">{status}</p>
            <Filters promise=promise service=service />
            <p class="hint" aria-live="polite">{count}</p>
            {list}
        </section>
    }
}

/// Show only one promise's responses, or one service's: the catalogue's names in the current language.
#[component]
fn Filters(promise: RwSignal<String>, service: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="feed-filters">
            <legend>{i18n.tr(Y::FeedFilters)}</legend>
            <Filter id="feed-promise" label=Y::FeedFilterPromise all=Y::FeedAllPromises promises=true chosen=promise />
            <Filter id="feed-service" label=Y::FeedFilterService all=Y::FeedAllServices promises=false chosen=service />
        </fieldset>
    }
}

/// One filter: "all", then the catalogue's promises (or services) still in use.
#[component]
fn Filter(id: &'static str, label: Y, all: Y, promises: bool, chosen: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let options = move || {
        state.catalogue.with(|c| {
            let items = if promises { &c.promises } else { &c.services };
            items
                .iter()
                .filter(|i| !i.retired)
                .map(|i| view! { <option value=i.code.clone()>{i18n.pick(&i.name)}</option> })
                .collect_view()
        })
    };
    view! {
        <label for=id>{i18n.tr(label)}</label>
        <select id=id on:change=move |ev| chosen.set(event_target_value(&ev)) prop:value=move || chosen.get()>
            <option value="">{i18n.tr(all)}</option>
            {options}
        </select>
    }
}
