use leptos::prelude::*;
use yoursay_core::CatalogueItem;

use super::faces::single_tap;
use crate::i18n::use_i18n;
use crate::state::use_app_state;

// Used by the surveys page only: the same markup written out in "Say something" and "Rate a service"
// is smaller on the first load than this component (measured: 1.8 KB more with them using it).
/// The services offered now, one big button each with its name and plain line; one tap picks one. Used by
/// "Rate a service" and by a survey's service × promise grid. `chosen` (a service picked before, when the
/// person comes back) is marked with `aria-pressed`.
#[component]
pub fn ServiceList(#[prop(into)] on_pick: Callback<CatalogueItem>, chosen: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    view! {
        <ul class="service-list">
            {state
                .catalogue
                .get()
                .active_services()
                .map(|s| {
                    let item = s.clone();
                    let pressed = chosen.as_deref() == Some(s.code.as_str());
                    view! {
                        <li>
                            <button
                                type="button"
                                class="choice service"
                                data-code=s.code.clone()
                                aria-pressed=if pressed { "true" } else { "false" }
                                on:click=move |ev| {
                                    if single_tap(&ev) {
                                        on_pick.run(item.clone())
                                    }
                                }
                            >
                                <span class="choice-title">{i18n.pick(&s.name)}</span>
                                <span class="choice-hint">{i18n.pick(&s.line)}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
