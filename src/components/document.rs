use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::docs;
use crate::i18n::{use_i18n, Key};

/// A long document page: the heading comes with the app (so focus has somewhere to land at once), the
/// sections are fetched in the current language and follow a language switch.
#[component]
pub fn DocumentPage(title: Key, name: &'static str, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let i18n = use_i18n();
    crate::platform::focus_heading();
    // None: loading; Some(None): could not load. A plain signal and effect rather than a resource: the
    // resource machinery would cost the phone's download more than this whole page.
    let document = RwSignal::new(None::<Option<docs::Document>>);
    let retention = RwSignal::new(crate::prefs::retention_months());
    spawn_local(async move {
        if let Ok(months) = docs::fresh_retention_months().await {
            retention.set(Some(months));
        }
    });
    let retention_text = move || match retention.get() {
        Some(1) => i18n.t(Key::NoticeOneMonth).to_owned(),
        Some(n) => crate::i18n::fill(i18n.t(Key::NoticeMonths), &[("n", &n.to_string())]),
        None => i18n.t(Key::NoticePeriodSet).to_owned(),
    };
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        document.set(None);
        spawn_local(async move {
            let fetched = docs::fetch(name, lang).await;
            // A slow answer for the language the person has since switched away from is dropped.
            if i18n.lang.get_untracked() == lang {
                document.set(Some(fetched));
            }
        });
    });
    view! {
        <section class="page document">
            <h1 tabindex="-1">{i18n.tr(title)}</h1>
            {children.map(|c| c())}
            {move || match document.get() {
                None => view! { <p role="status">{i18n.tr(Key::DocumentLoading)}</p> }.into_any(),
                Some(None) => view! { <p class="error" role="alert">{i18n.tr(Key::DocumentFailed)}</p> }.into_any(),
                Some(Some(doc)) => doc
                    .sections
                    .into_iter()
                    .map(|s| {
                        view! {
                            <h2>{s.heading}</h2>
                            // "{retention}" in a notice is the period the officer set, never a fixed promise.
                            {s
                                .paragraphs
                                .into_iter()
                                .map(|p| view! { <p>{move || crate::i18n::fill(&p, &[("retention", &retention_text())])}</p> })
                                .collect_view()}
                        }
                    })
                    .collect_view()
                    .into_any(),
            }}
        </section>
    }
}
