//! One view in the inbox: when it came, its words, who sent it (as they chose to say), what it is about,
//! the responses that answer it, and the moderation buttons. Its words follow the console's language in
//! place; what a button does is the inbox's (`on_act`), so Undo stays one thing of the list's.

use leptos::prelude::*;
use yoursay_core::Catalogue;

use super::erase::EraseView;
use crate::api::{AnsweredBy, ViewAction, ViewItem, ViewStatus};
use crate::i18n::{officer::Key, use_i18n, I18n};
use crate::ui::{age_words, code_words, date_time, fill, language_key, role_words};

/// What a moderation button asks of the list: this view, this action, and the view's time (how the line
/// beside Undo names it).
#[derive(Clone)]
pub struct Act {
    pub id: String,
    pub action: ViewAction,
    pub at: i64,
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

/// "Answered by: …", the responses that say they answer this view, by what they say people said (in the
/// officer's language, or English while a draft has no Welsh yet).
fn answered_by(i18n: I18n, responses: &[AnsweredBy]) -> Option<String> {
    let lang = i18n.lang.get();
    let said: Vec<&str> = responses
        .iter()
        .map(|r| Some(r.you_said.get(lang)).filter(|s| !s.trim().is_empty()).unwrap_or(&r.you_said.en))
        .collect();
    (!said.is_empty()).then(|| fill(i18n.t(Key::InboxAnsweredBy), &[("responses", said.join("; "))]))
}

/// The names of the promises a view is about, in the console's language ("none" when it names none).
fn about(i18n: I18n, catalogue: &Option<Catalogue>, promises: &[String]) -> String {
    if promises.is_empty() {
        return i18n.t(Key::InboxNone).to_owned();
    }
    let lang = i18n.lang.get();
    let name = |code: &String| {
        catalogue.as_ref().and_then(|c| c.promise(code)).map(|p| p.name.get(lang).to_owned()).unwrap_or_else(|| code.clone())
    };
    promises.iter().map(name).collect::<Vec<_>>().join(", ")
}

/// A moderation button: `action` on this view, in words `key`.
fn act_button(i18n: I18n, on_act: Callback<Act>, act: Act, key: Key, class: &'static str) -> impl IntoView {
    view! {
        <button type="button" class=class on:click=move |_| on_act.run(act.clone())>
            {i18n.tr(key)}
        </button>
    }
}

#[component]
pub fn ViewCard(
    item: ViewItem,
    /// For the names of the promises the view is about (arrives after the list may have).
    catalogue: RwSignal<Option<Catalogue>>,
    on_act: Callback<Act>,
    on_erased: Callback<()>,
    /// The view whose erase question is open, owned by the list.
    erase_asked: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let needs_follow_up = item.needs_follow_up();
    let heading_id = format!("view-{}", item.id);
    let labelled_by = heading_id.clone();
    let at = item.created_at;
    let act = |action: ViewAction| Act { id: item.id.clone(), action, at };
    let none = move || i18n.t(Key::InboxNone).to_owned();
    let (language, event, role, age) = (item.language.clone(), item.event.clone(), item.role.clone(), item.age_band.clone());
    let promises = item.promises.clone();
    let answers = item.answered_by.clone();
    let quote_action = if item.safe_to_quote {
        (ViewAction::NotSafeToQuote, Key::InboxNotSafeToQuote)
    } else {
        (ViewAction::SafeToQuote, Key::InboxSafeToQuote)
    };
    let hide_action = if item.hidden { (ViewAction::Unhide, Key::InboxUnhide) } else { (ViewAction::Hide, Key::InboxHide) };
    let secondary = "button secondary";
    view! {
        <li class="view-item" class:flagged=needs_follow_up class:hidden-view=item.hidden data-id=item.id.clone()>
            <article aria-labelledby=labelled_by>
                <div class="view-head">
                    <h3 id=heading_id>{move || date_time(at, i18n.lang.get())}</h3>
                    {needs_follow_up.then(|| view! {
                        <p class="badge flag">
                            <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                                <path d="M12 2 1 22h22L12 2zm0 6 1 0-.5 8h-1L11 8h1zm0 10.5a1.2 1.2 0 1 1 0 .01z" />
                            </svg>
                            {i18n.tr(Key::InboxFlag)}
                        </p>
                    })}
                    {(item.flagged && item.followed_up).then(|| view! {
                        <p class="badge done"><span aria-hidden="true">"✓ "</span>{i18n.tr(Key::StatusFollowedUp)}</p>
                    })}
                    <p class="badge">{i18n.tr(Key::InboxStatus)} ": " {i18n.tr(status_key(item.status))}</p>
                </div>
                <blockquote class="view-text" lang=item.language.clone()>{item.text.clone()}</blockquote>
                {(!item.flag_words.is_empty()).then(|| view! {
                    <p class="flag-words">{i18n.tr(Key::InboxFlagWords)} " " <strong>{item.flag_words.join(", ")}</strong></p>
                })}
                {item.contact.clone().map(|c| view! {
                    <div class="contact">
                        <h4>{i18n.tr(Key::InboxContact)}</h4>
                        <dl class="meta">
                            <div><dt>{i18n.tr(Key::InboxContactName)}</dt><dd>{c.name}</dd></div>
                            <div><dt>{i18n.tr(Key::InboxContactHow)}</dt><dd>{c.how}</dd></div>
                        </dl>
                    </div>
                })}
                <dl class="meta">
                    <div><dt>{i18n.tr(Key::InboxLanguage)}</dt><dd>{move || code_words(i18n, language_key(&language), &language)}</dd></div>
                    <div><dt>{i18n.tr(Key::InboxEvent)}</dt><dd>{move || event.clone().unwrap_or_else(none)}</dd></div>
                    <div><dt>{i18n.tr(Key::InboxRole)}</dt><dd>{move || role.as_deref().map(|r| role_words(i18n, r)).unwrap_or_else(none)}</dd></div>
                    <div><dt>{i18n.tr(Key::InboxAge)}</dt><dd>{move || age.as_deref().map(|a| age_words(i18n, a)).unwrap_or_else(none)}</dd></div>
                    <div><dt>{i18n.tr(Key::InboxAbout)}</dt><dd>{move || catalogue.with(|c| about(i18n, c, &promises))}</dd></div>
                </dl>
                {item.safe_to_quote.then(|| view! { <p class="notice">{i18n.tr(Key::InboxQuotable)}</p> })}
                {(!answers.is_empty()).then(|| view! { <p class="answered-by">{move || answered_by(i18n, &answers)}</p> })}
                <div class="actions">
                    {needs_follow_up.then(|| act_button(i18n, on_act, act(ViewAction::FollowUp), Key::InboxFollowUp, "button"))}
                    {(!item.reviewed && !item.hidden).then(|| act_button(i18n, on_act, act(ViewAction::Review), Key::InboxReview, secondary))}
                    {act_button(i18n, on_act, act(hide_action.0), hide_action.1, secondary)}
                    {(!item.hidden).then(|| act_button(i18n, on_act, act(quote_action.0), quote_action.1, secondary))}
                    <EraseView id=item.id.clone() on_erased=on_erased heading="inbox-count" asking=erase_asked />
                </div>
            </article>
        </li>
    }
}
