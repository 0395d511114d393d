//! The event this device joined, kept in localStorage as the server sent it (its name, dates and surveys:
//! nothing personal), so the event and its surveys work with no signal. Joining also sets the event code
//! every entry carries (`prefs::set_event`) and, for pass-the-tablet, the mode marker (`tablet`).

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use yoursay_core::event::DeviceEvent;

use super::tablet;

use crate::prefs::JOINED_EVENT as KEY;

#[derive(Clone, Copy)]
pub struct Joined(pub RwSignal<Option<DeviceEvent>>);

impl Joined {
    pub fn provide() -> Joined {
        let joined = Joined(RwSignal::new(read()));
        // A device left with the one-tap "Leave event" of the first-load app, or put in another event by
        // an event link, has no joined event any more.
        if let Some(event) = joined.0.get_untracked() {
            if crate::prefs::event().as_deref() != Some(event.code.as_str()) {
                joined.leave();
            }
        }
        provide_context(joined);
        joined
    }

    /// Keeps the event, tags what is sent with its code, and turns pass-the-tablet on when it asks for it.
    pub fn join(self, event: DeviceEvent) {
        let json = serde_wasm_bindgen::Serializer::json_compatible();
        if let Some(text) = serde::Serialize::serialize(&event, &json)
            .ok()
            .and_then(|js| js_sys::JSON::stringify(&js).ok())
            .and_then(|s| s.as_string())
        {
            let _ = LocalStorage::raw().set_item(KEY, &text);
        }
        crate::prefs::set_event(Some(event.code.as_str()));
        tablet::set_mode(event.pass_the_tablet);
        self.0.set(Some(event));
    }

    /// Out of the event: entries are no longer tagged, and the shared-device mode ends.
    pub fn leave(self) {
        LocalStorage::delete(KEY);
        crate::prefs::set_event(None);
        tablet::set_mode(false);
        self.0.set(None);
    }

    /// In pass-the-tablet mode now?
    pub fn tablet(self) -> bool {
        self.0.with(|e| e.as_ref().is_some_and(|e| e.pass_the_tablet))
    }
}

fn read() -> Option<DeviceEvent> {
    let text = LocalStorage::raw().get_item(KEY).ok().flatten()?;
    let js = js_sys::JSON::parse(&text).ok()?;
    // A copy an older release wrote in another shape is as good as none: join again.
    serde_wasm_bindgen::from_value::<DeviceEvent>(js).ok()
}

pub fn use_joined() -> Joined {
    expect_context::<Joined>()
}
