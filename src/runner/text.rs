//! A free-text question: the box with its counter, then the promises to tick when the question offers
//! them. "Say something" is one of these; so is a survey's text question.

use leptos::prelude::*;

use crate::components::tick_box::{tick_box, toggle};
use crate::i18n::{use_i18n, Key};
use crate::state::use_app_state;

/// The id of the box, for a label or an error message to point at. One text question is on screen at a
/// time, so the ids are fixed (`answer-text`, `answer-count`, `tag-{promise}`).
pub const TEXT_ID: &str = "answer-text";

/// What is typed goes straight into `text` and what is ticked into `tags` (`None`: the question offers no
/// promises), so the draft holding them keeps everything. `described_by` names the hint and any error
/// shown for the box; `labelled_by` the heading that asks the question, when no `<label>` does.
/// `on_input` is called on every change of the text (a form clears its message then).
#[component]
pub fn TextAnswer<D, I, F>(
    max_chars: u32,
    text: RwSignal<String>,
    tags: Option<RwSignal<Vec<String>>>,
    described_by: D,
    invalid: I,
    #[prop(optional)] labelled_by: Option<&'static str>,
    on_input: F,
) -> impl IntoView
where
    D: Fn() -> &'static str + Send + Sync + 'static,
    I: Fn() -> bool + Send + Sync + 'static,
    F: Fn() + 'static,
{
    let i18n = use_i18n();
    let state = use_app_state();
    let count = move || text.with(|t| t.trim().chars().count());
    let tag_boxes = move |tags: RwSignal<Vec<String>>| {
        state
            .catalogue
            .get()
            .active_promises()
            .map(|p| {
                let on_toggle = move |code| tags.update(|t| toggle(t, code));
                tick_box(format!("tag-{}", p.code), p.code.clone(), p.name.clone(), tags, on_toggle)
            })
            .collect_view()
    };
    view! {
        <textarea
            id=TEXT_ID
            name="text"
            rows="6"
            maxlength=max_chars
            aria-labelledby=labelled_by
            aria-describedby=move || format!("{} answer-count", described_by())
            aria-invalid=move || invalid().then_some("true")
            prop:value=move || text.get()
            on:input=move |ev| {
                text.set(event_target_value(&ev));
                on_input();
            }
        ></textarea>
        <p class="hint counter" id="answer-count">{count} " / " {max_chars}</p>
        {tags.map(|tags| {
            view! {
                <fieldset class="tags">
                    <legend>{i18n.tr(Key::SayTagsLegend)}</legend>
                    <p class="hint">{i18n.tr(Key::SayTagsHint)}</p>
                    <div class="tag-list">{move || tag_boxes(tags)}</div>
                </fieldset>
            }
        })}
    }
}
