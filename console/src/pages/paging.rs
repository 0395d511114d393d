use leptos::prelude::*;

use crate::i18n::{officer::Key, use_i18n};
use crate::ui::{fill, number};

/// "Page 2 of 7" with previous and next buttons.
///
/// The buttons' conditions are named closures, never written inline: inside a `view!` attribute the
/// macro reads `>` of `>=` as the end of the tag, which once put program text on the Next button and
/// left it disabled for good.
#[component]
pub fn Paging(page: RwSignal<u32>, total: Signal<u32>, per_page: u32) -> impl IntoView {
    let i18n = use_i18n();
    let pages = move || total.get().div_ceil(per_page).max(1);
    let on_first = move || page.get() <= 1;
    let on_last = move || page.get() >= pages();
    view! {
        <nav class="paging" aria-label=i18n.tr(Key::PagingLabel)>
            <button type="button" class="button secondary" disabled=on_first on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>
                {i18n.tr(Key::PagingPrevious)}
            </button>
            <span>
                {move || {
                    let lang = i18n.lang.get();
                    fill(i18n.t(Key::PagingPage), &[("page", number(page.get() as f64, lang)), ("pages", number(pages() as f64, lang))])
                }}
            </span>
            <button type="button" class="button secondary" disabled=on_last on:click=move |_| page.update(|p| *p += 1)>
                {i18n.tr(Key::PagingNext)}
            </button>
        </nav>
    }
}
