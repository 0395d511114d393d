use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::Layout;
use crate::i18n::I18n;
use crate::pages::{help::Help, home::Home, not_found::NotFound, rate::Rate, say::Say, thanks::Thanks};
use crate::state::AppState;
use crate::{platform, prefs};

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n { lang: RwSignal::new(prefs::language()) };
    provide_context(i18n);
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        platform::set_document_language(lang.code());
        prefs::set_language(lang);
    });

    let state = AppState::new();
    provide_context(state);
    state.start();
    platform::start(state);

    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/say") view=Say />
                    <Route path=path!("/rate") view=Rate />
                    <Route path=path!("/thanks") view=Thanks />
                    <Route path=path!("/help") view=Help />
                </Routes>
            </Layout>
        </Router>
    }
}
