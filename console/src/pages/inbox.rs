use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::Catalogue;

use super::paging::Paging;
use super::view_card::{Act, ViewCard};
use crate::address::use_list_address;
use crate::api::{self, Page, ViewAction, ViewItem};
use crate::filters::{show_problems, Fields, FilterForm, FilterValues};
use crate::i18n::{officer::Key, use_i18n};
use crate::layout::use_announce;
use crate::ui::{date_time, fill, focus, focus_heading, number, page_title, use_session};

const PER_PAGE: u32 = 20;

/// What the officer just did, for the line beside Undo.
fn done_key(action: ViewAction) -> Key {
    match action {
        ViewAction::Review => Key::InboxDidReview,
        ViewAction::Unreview => Key::InboxDidUnreview,
        ViewAction::Hide => Key::InboxDidHide,
        ViewAction::Unhide => Key::InboxDidUnhide,
        ViewAction::FollowUp => Key::InboxDidFollowUp,
        ViewAction::UndoFollowUp => Key::InboxDidUndoFollowUp,
        ViewAction::SafeToQuote => Key::InboxDidSafeToQuote,
        ViewAction::NotSafeToQuote => Key::InboxDidNotSafeToQuote,
    }
}

#[component]
pub fn Inbox() -> impl IntoView {
    let i18n = use_i18n();
    let announce = use_announce();
    let session = use_session();
    page_title(Key::InboxTitle);
    focus_heading();
    let draft = RwSignal::new(FilterValues::default());
    let address = use_list_address(|| "/inbox".to_owned(), draft);
    let (applied, page, apply) = (address.applied, address.page, address.apply);
    let reload = RwSignal::new(0u32);
    let data = RwSignal::new(None::<Result<Page<ViewItem>, Key>>);
    let catalogue = RwSignal::new(None::<Catalogue>);
    let problems = RwSignal::new(Vec::new());
    // The last moderation action, which Undo takes back.
    let last = RwSignal::new(None::<Act>);
    let erase_asked = RwSignal::new(None::<String>);

    spawn_local(async move {
        match api::catalogue().await {
            Ok(c) => catalogue.set(Some(c)),
            Err(e) => {
                session.fail(&e);
            }
        }
    });
    Effect::new(move |_| {
        let mut params = applied.get().params();
        params.retain(|(k, _)| *k != "kind");
        params.push(("page", page.get().to_string()));
        params.push(("per_page", PER_PAGE.to_string()));
        reload.track();
        let query = api::query(&params);
        spawn_local(async move {
            let result = api::views(&query).await;
            if let Err(e) = &result {
                show_problems("inbox-filters", problems, e.field_errors().to_vec());
            }
            let result = result.map_err(|e| session.fail(&e));
            data.set(Some(result));
        });
    });

    let promises = Signal::derive(move || {
        let lang = i18n.lang.get();
        catalogue.with(|c| {
            c.as_ref()
                .map(|c| c.promises.iter().map(|p| (p.code.clone(), p.name.get(lang).to_owned())).collect())
                .unwrap_or_default()
        })
    });
    // Every action can be taken back once with Undo (the inverse action, audited like any other), so
    // a slip of the mouse costs nothing and no action needs a "Are you sure?" first.
    let act = move |done: Act, undoing: bool| {
        spawn_local(async move {
            match api::view_action(&done.id, done.action).await {
                Ok(_) => {
                    if undoing {
                        last.set(None);
                        announce.say(i18n.t(Key::InboxUndone));
                    } else {
                        last.set(Some(done));
                        announce.say(i18n.t(Key::InboxDone));
                    }
                    reload.update(|n| *n += 1);
                    // The button pressed may be gone from the new list: focus goes to the list's heading.
                    request_animation_frame(|| focus("inbox-count"));
                }
                Err(e) => {
                    let key = session.fail(&e);
                    announce.say(i18n.t(key));
                }
            }
        });
    };
    let erased = Callback::new(move |()| reload.update(|n| *n += 1));
    let on_act = Callback::new(move |done: Act| act(done, false));
    let total =
        Signal::derive(move || data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map(|p| p.total).unwrap_or(0)));

    view! {
        <section class="page inbox">
            <h1 tabindex="-1">{i18n.tr(Key::InboxTitle)}</h1>
            <p class="intro">{i18n.tr(Key::InboxIntro)}</p>
            <FilterForm id="inbox-filters" draft=draft fields=Fields { language: true, promise: true, status: true, ..Fields::default() } promises=promises on_apply=apply problems=problems />
            <h2 id="inbox-count" tabindex="-1">
                {move || fill(i18n.t(Key::InboxTotal), &[("n", number(total.get() as f64, i18n.lang.get()))])}
            </h2>
            {move || last.get().map(|done| {
                let lang = i18n.lang.get();
                let words = fill(i18n.t(done_key(done.action)), &[("date", date_time(done.at, lang))]);
                let back = Act { action: done.action.undo(), ..done.clone() };
                let undo = move |_| act(back.clone(), true);
                view! {
                    <div class="undo-bar">
                        <p>{words}</p>
                        <button type="button" class="button secondary" id="inbox-undo" on:click=undo>{i18n.t(Key::InboxUndo)}</button>
                    </div>
                }
            })}
            {move || match data.get() {
                // Words as closures (`tr`): a language switch changes them in place, and the cards are not
                // built again.
                None => view! { <p class="loading">{i18n.tr(Key::Loading)}</p> }.into_any(),
                Some(Err(key)) => view! { <p class="error" role="alert">{i18n.tr(key)}</p> }.into_any(),
                Some(Ok(p)) if p.items.is_empty() => view! { <p>{i18n.tr(Key::InboxEmpty)}</p> }.into_any(),
                Some(Ok(p)) => view! {
                    <ol class="views" aria-labelledby="inbox-count">
                        {p.items.into_iter().map(|item| view! {
                            <ViewCard item=item catalogue=catalogue on_act=on_act on_erased=erased erase_asked=erase_asked />
                        }).collect_view()}
                    </ol>
                }.into_any(),
            }}
            <Paging page=page total=total per_page=PER_PAGE />
        </section>
    }
}
