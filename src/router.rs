//! A few lines of routing for the young person's app: a path signal, the History API and links that do
//! not reload. leptos_router does far more than five fixed screens need, and its bytes would be
//! downloaded on every phone at every event (see ARCHITECTURE.md, "Bundle budget").

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The surveys page's address: `/surveys` lists the surveys, `/surveys/{code}` runs one. Both builds link
/// to it; only the surveys page (the `surveys` feature) has its screens.
pub const SURVEYS: &str = "/surveys";

#[derive(Clone, Copy)]
pub struct Nav {
    path: RwSignal<String>,
}

fn current_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".into())
}

impl Nav {
    /// Creates the router, follows the browser's back and forward buttons, and shares it by context.
    pub fn provide() -> Nav {
        let nav = Nav { path: RwSignal::new(current_path()) };
        let handle = window_event_listener(leptos::ev::popstate, move |_| nav.show(current_path()));
        // The app never unmounts, so neither does the listener.
        std::mem::forget(handle);
        provide_context(nav);
        nav
    }

    pub fn path(self) -> String {
        self.path.get()
    }

    /// For timers and handlers that must not subscribe (pass-the-tablet's idle watch, on the surveys page).
    #[cfg_attr(not(feature = "surveys"), allow(dead_code))]
    pub fn path_untracked(self) -> String {
        self.path.get_untracked()
    }

    /// Goes to `to`. With `replace`, the screen left behind is not in the history: the back button
    /// cannot bring a submitted form back into view.
    pub fn go(self, to: &str, replace: bool) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(to))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(to))
            };
        }
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.show(to.to_owned());
    }

    /// Changes screen only when the path really changed: a `#fragment` link or a tap on the link to the
    /// screen already open must not rebuild it and lose what was typed.
    fn show(self, path: String) {
        if self.path.with_untracked(|p| *p != path) {
            self.path.set(path);
        }
    }
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

/// An ordinary link that changes screen without reloading. Modified clicks (new tab, and so on) are left
/// to the browser. Generic over the address so the first load, whose links are all `&'static str`, carries
/// only that one copy; the surveys page's list links to addresses it makes.
#[component]
pub fn Link<H>(href: H, #[prop(optional)] class: &'static str, children: Children) -> impl IntoView
where
    H: AsRef<str> + Clone + Send + Sync + leptos::tachys::html::attribute::AttributeValue + 'static,
{
    let nav = use_nav();
    let to = href.clone();
    view! {
        <a
            href=href
            class=class
            on:click=move |ev: leptos::ev::MouseEvent| {
                if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
                    ev.prevent_default();
                    nav.go(to.as_ref(), false);
                }
            }
        >
            {children()}
        </a>
    }
}
