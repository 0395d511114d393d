use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::Catalogue;

use super::erase::EraseView;
use super::paging::Paging;
use crate::address::use_list_address;
use crate::api::{self, AnsweredBy, Page, ViewAction, ViewItem, ViewStatus};
use crate::filters::{show_problems, Fields, FilterForm, FilterValues};
use crate::i18n::{officer::Key, use_i18n, I18n};
use crate::layout::use_announce;
use crate::ui::{
    age_words, code_words, date_time, fill, focus, focus_heading, language_key, number, page_title, role_words,
    use_session,
};

const PER_PAGE: u32 = 20;

/// "Answered by: …", the responses that say they answer this view, by what they say people said (in the
/// officer's language, or English while a draft has no Welsh yet).
fn answered_by(i18n: I18n, responses: &[AnsweredBy]) -> Option<impl IntoView> {
    let lang = i18n.lang.get();
    let said: Vec<&str> = responses
        .iter()
        .map(|r| Some(r.you_said.get(lang)).filter(|s| !s.trim().is_empty()).unwrap_or(&r.you_said.en))
        .collect();
    (!said.is_empty()).then(|| {
        let words = fill(i18n.t(Key::InboxAnsweredBy), &[("responses", said.join("; "))]);
        view! { <p class="answered-by">{words}</p> }
    })
}

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

/// The last moderation action, which Undo takes back: the view, what was done, and the view's time (how
/// the officer tells views apart in the list).
#[derive(Clone)]
struct LastAction {
    id: String,
    action: ViewAction,
    at: i64,
}

/// The words for where a view stands, as the server says.
fn status_key(status: ViewStatus) -> Key {
    match status {
        ViewStatus::New => Key::StatusNew,
        ViewStatus::Reviewed => Key::StatusReviewed,
        ViewStatus::FollowedUp => Key::StatusFollowedUp,
        ViewStatus::Hidden => Key::StatusHidden,
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
    let last = RwSignal::new(None::<LastAction>);
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
    let act = move |id: String, action: ViewAction, at: i64, undoing: bool| {
        spawn_local(async move {
            match api::view_action(&id, action).await {
                Ok(_) => {
                    if undoing {
                        last.set(None);
                        announce.say(i18n.t(Key::InboxUndone));
                    } else {
                        last.set(Some(LastAction { id, action, at }));
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
    let total =
        Signal::derive(move || data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map(|p| p.total).unwrap_or(0)));

    let promise_name = move |code: &str| -> String {
        let lang = i18n.lang.get();
        catalogue.with(|c| {
            c.as_ref()
                .and_then(|c| c.promise(code))
                .map(|p| p.name.get(lang).to_owned())
                .unwrap_or_else(|| code.to_owned())
        })
    };

    let item_view = move |item: ViewItem| {
        let lang = i18n.lang.get();
        let none = i18n.t(Key::InboxNone).to_owned();
        let needs_follow_up = item.needs_follow_up();
        let heading_id = format!("view-{}", item.id);
        let labelled_by = heading_id.clone();
        let status_key = status_key(item.status);
        let about = if item.promises.is_empty() {
            none.clone()
        } else {
            item.promises.iter().map(|p| promise_name(p)).collect::<Vec<_>>().join(", ")
        };
        let (id1, id2, id3, id4) = (item.id.clone(), item.id.clone(), item.id.clone(), item.id.clone());
        let at = item.created_at;
        view! {
            <li class="view-item" class:flagged=needs_follow_up class:hidden-view=item.hidden data-id=item.id.clone()>
                <article aria-labelledby=labelled_by>
                    <div class="view-head">
                        <h3 id=heading_id>{date_time(item.created_at, lang)}</h3>
                        {needs_follow_up.then(|| view! {
                            <p class="badge flag">
                                <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                                    <path d="M12 2 1 22h22L12 2zm0 6 1 0-.5 8h-1L11 8h1zm0 10.5a1.2 1.2 0 1 1 0 .01z" />
                                </svg>
                                {i18n.t(Key::InboxFlag)}
                            </p>
                        })}
                        {(item.flagged && item.followed_up).then(|| view! {
                            <p class="badge done"><span aria-hidden="true">"✓ "</span>{i18n.t(Key::StatusFollowedUp)}</p>
                        })}
                        <p class="badge">{i18n.t(Key::InboxStatus)} ": " {i18n.t(status_key)}</p>
                    </div>
                    <blockquote class="view-text" lang=item.language.clone()>{item.text.clone()}</blockquote>
                    {(!item.flag_words.is_empty()).then(|| view! {
                        <p class="flag-words">{i18n.t(Key::InboxFlagWords)} " " <strong>{item.flag_words.join(", ")}</strong></p>
                    })}
                    {item.contact.clone().map(|c| view! {
                        <div class="contact">
                            <h4>{i18n.t(Key::InboxContact)}</h4>
                            <dl class="meta">
                                <div><dt>{i18n.t(Key::InboxContactName)}</dt><dd>{c.name}</dd></div>
                                <div><dt>{i18n.t(Key::InboxContactHow)}</dt><dd>{c.how}</dd></div>
                            </dl>
                        </div>
                    })}
                    <dl class="meta">
                        <div><dt>{i18n.t(Key::InboxLanguage)}</dt><dd>{code_words(i18n, language_key(&item.language), &item.language)}</dd></div>
                        <div><dt>{i18n.t(Key::InboxEvent)}</dt><dd>{item.event.clone().unwrap_or_else(|| none.clone())}</dd></div>
                        <div><dt>{i18n.t(Key::InboxRole)}</dt><dd>{item.role.as_deref().map(|r| role_words(i18n, r)).unwrap_or_else(|| none.clone())}</dd></div>
                        <div><dt>{i18n.t(Key::InboxAge)}</dt><dd>{item.age_band.as_deref().map(|a| age_words(i18n, a)).unwrap_or_else(|| none.clone())}</dd></div>
                        <div><dt>{i18n.t(Key::InboxAbout)}</dt><dd>{about}</dd></div>
                    </dl>
                    {item.safe_to_quote.then(|| view! { <p class="notice">{i18n.t(Key::InboxQuotable)}</p> })}
                    {answered_by(i18n, &item.answered_by)}
                    <div class="actions">
                        {needs_follow_up.then(|| view! {
                            <button type="button" class="button" on:click=move |_| act(id1.clone(), ViewAction::FollowUp, at, false)>{i18n.t(Key::InboxFollowUp)}</button>
                        })}
                        {(!item.reviewed && !item.hidden).then(|| view! {
                            <button type="button" class="button secondary" on:click=move |_| act(id2.clone(), ViewAction::Review, at, false)>{i18n.t(Key::InboxReview)}</button>
                        })}
                        {if item.hidden {
                            view! { <button type="button" class="button secondary" on:click=move |_| act(id3.clone(), ViewAction::Unhide, at, false)>{i18n.t(Key::InboxUnhide)}</button> }.into_any()
                        } else {
                            view! { <button type="button" class="button secondary" on:click=move |_| act(id3.clone(), ViewAction::Hide, at, false)>{i18n.t(Key::InboxHide)}</button> }.into_any()
                        }}
                        {(!item.hidden).then(|| {
                            let (action, key) = if item.safe_to_quote {
                                (ViewAction::NotSafeToQuote, Key::InboxNotSafeToQuote)
                            } else {
                                (ViewAction::SafeToQuote, Key::InboxSafeToQuote)
                            };
                            view! { <button type="button" class="button secondary" on:click=move |_| act(id4.clone(), action, at, false)>{i18n.t(key)}</button> }
                        })}
                        <EraseView id=item.id.clone() on_erased=erased heading="inbox-count" asking=erase_asked />
                    </div>
                </article>
            </li>
        }
    };

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
                let undo = move |_| act(done.id.clone(), done.action.undo(), done.at, true);
                view! {
                    <div class="undo-bar">
                        <p>{words}</p>
                        <button type="button" class="button secondary" id="inbox-undo" on:click=undo>{i18n.t(Key::InboxUndo)}</button>
                    </div>
                }
            })}
            {move || match data.get() {
                None => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
                Some(Err(key)) => view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
                Some(Ok(p)) if p.items.is_empty() => view! { <p>{i18n.t(Key::InboxEmpty)}</p> }.into_any(),
                Some(Ok(p)) => view! {
                    <ol class="views" aria-labelledby="inbox-count">{p.items.into_iter().map(item_view).collect_view()}</ol>
                }.into_any(),
            }}
            <Paging page=page total=total per_page=PER_PAGE />
        </section>
    }
}
