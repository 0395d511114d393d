//! In the response editor: the views it answers, ticked from the newest in the inbox. The officer's only:
//! the server keeps these links beside the response and never sends them to a device.

use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::FieldError;

use crate::api;
use crate::i18n::{officer::Key, use_i18n};
use crate::ui::{fill, toggle, Checks};

/// How many of the newest views are offered; a view linked earlier but no longer among them keeps a box of
/// its own (named by the start of its id), so it can still be unticked.
const OFFERED: u32 = 50;
/// A view's words beside its box are cut here: enough to tell views apart.
const SHOWN_CHARS: usize = 120;

fn shortened(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// The boxes (`response-views-{id}`), with the server's problem for `views` or `views[i]` beside them.
#[component]
pub fn AnsweredViews(chosen: RwSignal<Vec<String>>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let offered = RwSignal::new(None::<Vec<(String, String)>>);
    spawn_local(async move {
        if let Ok(page) = api::views(&format!("?per_page={OFFERED}")).await {
            offered.set(Some(page.items.into_iter().map(|v| (v.id, shortened(&v.text))).collect()));
        }
    });
    let error = Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .find(|e| e.field == "views" || e.field.starts_with("views["))
                .map(|e| i18n.t(crate::i18n::error_key(e.code)).to_owned())
        })
    });
    // Linked views not offered, in the order first seen: kept when unticked, so the box does not vanish.
    let older = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        let Some(offered) = offered.get() else { return };
        let missing: Vec<String> =
            chosen.get().into_iter().filter(|id| !offered.iter().any(|(o, _)| o == id)).collect();
        older.update(|list| {
            for id in missing {
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        });
    });
    let options = Signal::derive(move || {
        let mut options = offered.get().unwrap_or_default();
        let words = i18n.t(Key::ResponsesViewsOlder);
        options.extend(older.get().into_iter().map(|id| {
            let label = fill(words, &[("n", OFFERED.to_string()), ("id", id.chars().take(8).collect())]);
            (id, label)
        }));
        options
    });
    let on_toggle = move |id: String| chosen.update(|c| toggle(c, &id));
    view! {
        <Checks id="response-views" legend=i18n.tr(Key::ResponsesViews) options chosen=chosen error on_toggle />
        {move || offered.with(|o| o.as_ref().is_some_and(Vec::is_empty)).then(|| view! {
            <p class="hint">{i18n.t(Key::ResponsesViewsNone)}</p>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn long_views_are_cut_at_a_character_not_a_byte() {
        assert_eq!(shortened("  short  "), "short");
        let long = "ŵ".repeat(SHOWN_CHARS + 5);
        assert_eq!(shortened(&long), format!("{}…", "ŵ".repeat(SHOWN_CHARS)));
    }
}
