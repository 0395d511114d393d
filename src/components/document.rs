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
    // The sections are plain elements made here, not a view: they are static text, and the view machinery
    // for a list of lists cost the phone's first load several KB for these three rarely read pages.
    let body = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(body) = body.get() else { return };
        let retention = retention_text();
        body.set_text_content(None);
        document
            .with(|document| match document {
                None => add(&body, "p", i18n.t(Key::DocumentLoading)).set_attribute("role", "status"),
                Some(None) => {
                    let p = add(&body, "p", i18n.t(Key::DocumentFailed));
                    p.set_class_name("error");
                    p.set_attribute("role", "alert")
                }
                Some(Some(doc)) => {
                    for section in &doc.sections {
                        add(&body, "h2", &section.heading);
                        // "{retention}" in a notice is the period the officer set, never a fixed promise.
                        for paragraph in &section.paragraphs {
                            add(&body, "p", &crate::i18n::fill(paragraph, &[("retention", &retention)]));
                        }
                    }
                    Ok(())
                }
            })
            .ok();
    });
    view! {
        <section class="page document">
            <h1 tabindex="-1">{i18n.tr(title)}</h1>
            {children.map(|c| c())}
            <div node_ref=body></div>
        </section>
    }
}

/// Appends a `tag` element with `text` (as text, never markup) to `parent`.
fn add(parent: &web_sys::Element, tag: &str, text: &str) -> web_sys::Element {
    let document = parent.owner_document().expect("an element in a document");
    let element = document.create_element(tag).expect("a known tag");
    element.set_text_content(Some(text));
    let _ = parent.append_child(&element);
    element
}
