//! The console's router, under `/officer`, and the sign-in guard: with no session every screen but
//! sign-in sends the officer to sign in, and a 401 from any call does the same (see `ui::Session::fail`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{path, NavigateOptions};

use super::api;
use super::layout::{Layout, Status};
use super::pages;
use super::ui::{use_session, Session};
use crate::i18n::{officer::Key, use_i18n, I18n};
use crate::prefs;

#[component]
pub fn OfficerApp() -> impl IntoView {
    let i18n = I18n { lang: RwSignal::new(prefs::language()) };
    provide_context(i18n);
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(html) = document().document_element() {
            // `en-GB` / `cy-GB`, not `en` / `cy`: the region puts dates in UK order wherever the
            // browser takes the page's language for them.
            let _ = html.set_attribute("lang", crate::ui::locale(lang));
        }
        prefs::set_language(lang);
    });
    let session = Session::new();
    provide_context(session);
    provide_context(Status(RwSignal::new(None)));
    spawn_local(async move {
        if let Ok(me) = api::me().await {
            session.me.set(Some(me));
        }
        session.checked.set(true);
    });

    view! {
        <Router base="/officer">
            <Guard />
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <Redirect path="/inbox" /> } />
                    <Route path=path!("/sign-in") view=pages::sign_in::SignIn />
                    <Route path=path!("/inbox") view=|| view! { <Private><pages::inbox::Inbox /></Private> } />
                    <Route path=path!("/results") view=|| view! { <Private><pages::results::Results /></Private> } />
                    <Route path=path!("/surveys") view=|| view! { <Private><pages::surveys::Surveys /></Private> } />
                    <Route path=path!("/surveys/:code/edit") view=|| view! { <Private><pages::survey_editor::SurveyEditor /></Private> } />
                    <Route path=path!("/surveys/:code/results") view=|| view! { <Private><pages::survey_results::SurveyResultsPage /></Private> } />
                    <Route path=path!("/responses") view=|| view! { <Private><pages::responses::Responses /></Private> } />
                    <Route path=path!("/responses/print") view=|| view! { <Private><pages::responses_print::ResponsesPrint /></Private> } />
                    <Route path=path!("/events") view=|| view! { <Private><pages::events::Events /></Private> } />
                    <Route path=path!("/events/:code/poster") view=|| view! { <Private><pages::event_poster::EventPoster /></Private> } />
                    <Route path=path!("/catalogue") view=|| view! { <Private><pages::catalogue::CatalogueEditor /></Private> } />
                    <Route path=path!("/keywords") view=|| view! { <Private><pages::keywords::Keywords /></Private> } />
                    <Route path=path!("/settings") view=|| view! { <Private><pages::settings::Settings /></Private> } />
                    <Route path=path!("/audit") view=|| view! { <Private><pages::audit::Audit /></Private> } />
                    <Route path=path!("/export") view=|| view! { <Private><pages::export::Export /></Private> } />
                </Routes>
            </Layout>
        </Router>
    }
}

/// Sends to sign-in whenever there is no session, and from sign-in to the inbox once there is one.
#[component]
fn Guard() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if !session.checked.get() {
            return;
        }
        let on_sign_in = location.pathname.with(|p| p.trim_end_matches('/').ends_with("/sign-in"));
        let signed_in = session.me.with(|m| m.is_some());
        if !signed_in && !on_sign_in {
            navigate("/sign-in", NavigateOptions { replace: true, ..Default::default() });
        } else if signed_in && on_sign_in {
            navigate("/inbox", NavigateOptions { replace: true, ..Default::default() });
        }
    });
}

/// Draws a screen only for a signed-in officer.
#[component]
fn Private(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    view! {
        <Show
            when=move || session.me.with(|m| m.is_some())
            fallback=move || view! { <p class="loading">{i18n.tr(Key::Loading)}</p> }
        >
            {children()}
        </Show>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    super::ui::page_title(Key::NotFoundTitle);
    view! {
        <section class="page">
            <h1 tabindex="-1">{i18n.tr(Key::NotFoundTitle)}</h1>
        </section>
    }
}
