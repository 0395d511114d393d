//! One response as the device shows it: what people said, where the council is (in words), what was done,
//! a quote if there is one, the dated updates, and what it is about. Every text is the officer's words in
//! the current language, shown as text (never as markup).

use leptos::prelude::*;
use yoursay_core::you_said::{FeedItem, Progress};

use crate::i18n::{fill, time_in_words, use_i18n, you_said::Key as Y};
use crate::state::use_app_state;

/// Where the council has got to, in words (the same words the officer's console and exports use).
pub fn progress_key(progress: Progress) -> Y {
    match progress {
        Progress::Heard => Y::ProgressHeard,
        Progress::LookingIntoIt => Y::ProgressLookingIntoIt,
        Progress::DoingIt => Y::ProgressDoingIt,
        Progress::Done => Y::ProgressDone,
        Progress::Cannot => Y::ProgressCannot,
    }
}

#[component]
pub fn Response(item: FeedItem, new: bool) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let FeedItem { you_said, we_did, progress, promises, services, quote, updates, .. } = item;
    let heading = move || fill(i18n.t(Y::DocumentYouSaid), &[("text", you_said.get(i18n.lang.get()))]);
    let status = move || fill(i18n.t(Y::FeedStatus), &[("progress", i18n.t(progress_key(progress)))]);
    let did = move || fill(i18n.t(Y::FeedWeDid), &[("text", we_did.get(i18n.lang.get()))]);
    let quote = quote.map(|q| {
        view! { <p class="response-quote">{move || fill(i18n.t(Y::FeedQuote), &[("text", &q)])}</p> }
    });
    let timeline = (!updates.is_empty()).then(|| {
        let steps = updates
            .into_iter()
            .map(|u| {
                let line = move || {
                    fill(
                        i18n.t(Y::DocumentUpdate),
                        &[
                            ("date", &time_in_words(u.at, i18n)),
                            ("progress", i18n.t(progress_key(u.progress))),
                            ("text", u.text.get(i18n.lang.get())),
                        ],
                    )
                };
                view! { <li>{line}</li> }
            })
            .collect_view();
        view! {
            <h3>{i18n.tr(Y::FeedUpdates)}</h3>
            <ol class="timeline">{steps}</ol>
        }
    });
    let about = move || {
        let names: Vec<String> = state.catalogue.with(|c| {
            let promises = promises.iter().filter_map(|p| c.promise(p));
            promises.chain(services.iter().filter_map(|s| c.service(s))).map(|i| i18n.pick(&i.name)).collect()
        });
        (!names.is_empty()).then(|| fill(i18n.t(Y::FeedAbout), &[("list", &names.join(", "))]))
    };
    view! {
        <li class="response">
            <article>
                <h2>{heading}</h2>
                {new.then(|| view! { <p class="response-new"><strong>{i18n.tr(Y::FeedNew)}</strong></p> })}
                <p class="response-status">{status}</p>
                <p>{did}</p>
                {quote}
                {timeline}
                <p class="hint">{about}</p>
            </article>
        </li>
    }
}
