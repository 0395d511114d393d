//! A printable list of published responses in English and Welsh side by side, for a noticeboard or the
//! Corporate Parenting Panel: newest first, progress in words, each dated update.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use yoursay_core::Language;

use super::responses::progress_key;
use crate::api::{self, ResponseDetail, ResponseState};
use crate::i18n::{officer::Key, use_i18n, Text};
use crate::ui::{date_time, fill, focus_heading, page_title, use_session};

#[component]
pub fn ResponsesPrint() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    page_title(Key::ResponsesPrintTitle);
    focus_heading();
    let list = RwSignal::new(None::<Result<Vec<ResponseDetail>, Key>>);
    spawn_local(async move {
        let answer = api::responses().await.map(|l| {
            let mut published: Vec<ResponseDetail> =
                l.responses.into_iter().filter(|r| r.state == ResponseState::Published).collect();
            published.sort_by_key(|r| std::cmp::Reverse(r.published_at));
            published
        });
        list.set(Some(answer.map_err(|e| session.fail(&e))));
    });
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="page responses-print">
            <p class="no-print"><A href="/officer/responses">{i18n.tr(Key::ResponsesPrintBack)}</A></p>
            <h1 tabindex="-1">{i18n.tr(Key::ResponsesPrintTitle)}</h1>
            <p class="intro">{i18n.tr(Key::ResponsesPrintIntro)}</p>
            <p class="no-print"><button type="button" class="button" on:click=print>{i18n.tr(Key::ResponsesPrint)}</button></p>
            {move || {
                i18n.lang.track();
                match list.get() {
                    None => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
                    Some(Err(key)) => view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
                    Some(Ok(list)) if list.is_empty() => view! { <p>{i18n.t(Key::ResponsesNone)}</p> }.into_any(),
                    Some(Ok(list)) => list.into_iter().map(card).collect_view().into_any(),
                }
            }}
        </section>
    }
}

/// One response, both languages side by side, each column marked with its language for screen readers.
fn card(r: ResponseDetail) -> impl IntoView {
    let side = move |lang: Language| {
        let words = |key: Key| key.text(lang);
        let updates = r.updates.clone();
        let text = r.text.clone();
        view! {
            <div lang=lang.code()>
                <h2>{words(Key::ResponsesColYouSaid)}</h2>
                <p>{text.you_said.get(lang).to_owned()}</p>
                <h3>{progress_key(text.progress).text(lang)}</h3>
                <p>{text.we_did.get(lang).to_owned()}</p>
                {(!updates.is_empty()).then(|| view! {
                    <ol class="timeline">
                        {updates.into_iter().map(|u| view! {
                            <li>
                                <strong>{fill(words(Key::ResponsesPrintUpdated), &[("date", date_time(u.at, lang))])}" · "{progress_key(u.progress).text(lang)}</strong>
                                <p>{u.text.get(lang).to_owned()}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                })}
            </div>
        }
    };
    view! {
        <article class="response-card two-columns" data-id=r.id.clone()>
            {side(Language::En)}
            {side(Language::Cy)}
        </article>
    }
}
