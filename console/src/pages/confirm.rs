//! An inline "are you sure?" for actions that cannot be undone: the question, then a button that goes ahead
//! and one that does not. It appears in place, inside what it is about (never a dialog over the page), and
//! takes focus so a screen reader reads the question at once; whoever shows it decides where focus goes after.

use leptos::prelude::*;

use crate::i18n::{officer::Key, use_i18n};
use crate::ui::focus;

#[component]
pub fn Confirm(
    /// The question's element id (unique on the page); focus goes to it when the confirmation appears.
    id: String,
    /// The question, in the current language.
    #[prop(into)]
    question: Signal<String>,
    yes: Key,
    no: Key,
    on_yes: Callback<()>,
    on_no: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let target = id.clone();
    let labelled_by = id.clone();
    request_animation_frame(move || focus(&target));
    let go = move |_| {
        // One press goes ahead once, however fast the second comes.
        if !busy.get_untracked() {
            busy.set(true);
            on_yes.run(());
        }
    };
    view! {
        <div class="confirm" role="group" aria-labelledby=labelled_by>
            <p class="confirm-question" id=id tabindex="-1">{move || question.get()}</p>
            <div class="actions">
                <button type="button" class="button danger" disabled=move || busy.get() on:click=go>{i18n.tr(yes)}</button>
                <button type="button" class="button secondary" on:click=move |_| on_no.run(())>{i18n.tr(no)}</button>
            </div>
        </div>
    }
}
