//! "Erase this view" in the inbox: erases one entry for good when the person who sent it asks, after an
//! inline confirmation inside the view's card. Focus goes to the question, back to the button on "Keep it",
//! and to the list's heading once erased (the card is gone).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::confirm::Confirm;
use crate::api::{self, ApiError};
use crate::i18n::{officer::Key, use_i18n};
use crate::layout::use_announce;
use crate::ui::{focus, use_session};

#[component]
pub fn EraseView(
    /// The entry's id.
    id: String,
    /// After erasing (or finding it already gone): the list is read again. Focus goes to `heading`.
    on_erased: Callback<()>,
    /// The id of the list's heading.
    heading: &'static str,
    /// The view being asked about, owned by the list: the list is drawn again when it is read again,
    /// and the question must still be there.
    asking: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let announce = use_announce();
    let session = use_session();
    let asked = StoredValue::new(id.clone());
    let is_asked = move || asked.with_value(|id| asking.with(|a| a.as_deref() == Some(id.as_str())));
    let button_id = format!("erase-{id}");
    let question_id = format!("erase-question-{id}");
    let back_to = button_id.clone();
    let ask = move |_| {
        announce.clear();
        asking.set(Some(asked.get_value()));
    };
    let keep = Callback::new(move |()| {
        asking.set(None);
        let back_to = back_to.clone();
        request_animation_frame(move || focus(&back_to));
    });
    let erase = Callback::new(move |()| {
        let id = id.clone();
        spawn_local(async move {
            match api::erase_entry(&id).await {
                // Already gone (erased in another window, or by retention): the list is read again all the same.
                Ok(()) | Err(ApiError::NotFound) => {
                    announce.say(i18n.t(Key::EraseDone));
                    asking.set(None);
                    on_erased.run(());
                    request_animation_frame(move || focus(heading));
                }
                Err(e) => {
                    asking.set(None);
                    announce.say(i18n.t(session.fail(&e)));
                }
            }
        });
    });
    view! {
        {move || if is_asked() {
            view! {
                <Confirm id=question_id.clone() question=Signal::derive(move || i18n.t(Key::EraseQuestion).to_owned())
                    yes=Key::EraseConfirm no=Key::EraseKeep on_yes=erase on_no=keep />
            }.into_any()
        } else {
            view! {
                <button type="button" class="button secondary danger-text" id=button_id.clone() on:click=ask>{i18n.tr(Key::EraseButton)}</button>
            }.into_any()
        }}
    }
}
