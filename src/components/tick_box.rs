use leptos::prelude::*;
use yoursay_core::Bilingual;

use crate::i18n::use_i18n;

// Used by the surveys page only: the same markup written out in "Say something" and "Rate a service"
// is smaller on the first load than this component (measured: 1.8 KB more with them using it).
/// One big tick box with its words (officer-entered, in the current language), ticked while `code` is in
/// `ticked`; a tap calls `on_toggle(code)`. A survey's choices and promise tags are all these.
#[component]
pub fn TickBox(
    id: String,
    code: String,
    label: Bilingual,
    ticked: Signal<Vec<String>>,
    #[prop(into)] on_toggle: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let for_checked = code.clone();
    view! {
        <div class="tag">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || ticked.with(|t| t.contains(&for_checked))
                on:change=move |_| on_toggle.run(code.clone())
            />
            <label for=id>{move || i18n.pick(&label)}</label>
        </div>
    }
}

/// Adds `code` to the list, or takes it out when it is there.
pub fn toggle(list: &mut Vec<String>, code: String) {
    match list.iter().position(|c| *c == code) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(code),
    }
}
