//! A list screen's filters and page kept in its address (`/inbox?role=foster_carer&page=2`), so Back, a
//! reload or a link sent to a colleague shows the same list, and Back after "Apply" shows the filters
//! before it. The address is the one place they live: the screen reads them from it and "Apply" or a new
//! page writes it.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use crate::api;
use crate::filters::FilterValues;

/// What a screen gets: the filters and page the address holds, and how to change them.
#[derive(Clone, Copy)]
pub struct ListAddress {
    /// The filters the list is drawn with (not what is being typed).
    pub applied: Memo<FilterValues>,
    /// The page shown; changing it (the paging buttons) writes the address.
    pub page: RwSignal<u32>,
    /// Writes the filters being typed into the address, back at page 1.
    pub apply: Callback<()>,
}

impl FilterValues {
    /// The filters in an address's query (unknown names are ignored, so an old link still opens).
    pub fn from_query(query: &ParamsMap) -> Self {
        let mut values = FilterValues::default();
        for (name, _) in values.params() {
            if let Some(value) = query.get(name) {
                values.set(name, value);
            }
        }
        values.compare = query.get("compare").is_some_and(|c| c == "previous");
        values
    }
}

/// `path` is the screen's own route (`/inbox`); `draft` is the filter form's typing, which follows the
/// address whenever it changes (Back shows the earlier filters in the form too).
pub fn use_list_address(
    path: impl Fn() -> String + Copy + Send + Sync + 'static,
    draft: RwSignal<FilterValues>,
) -> ListAddress {
    let query = use_query_map();
    let navigate = use_navigate();
    let applied = Memo::new(move |_| query.with(FilterValues::from_query));
    let page_in_address = Memo::new(move |_| {
        query.with(|q| q.get("page").and_then(|p| p.parse::<u32>().ok()).filter(|p| *p >= 1).unwrap_or(1))
    });
    let page = RwSignal::new(page_in_address.get_untracked());
    draft.set(applied.get_untracked());
    Effect::new(move |_| draft.set(applied.get()));
    Effect::new(move |_| {
        let p = page_in_address.get();
        if page.get_untracked() != p {
            page.set(p);
        }
    });
    let go = move |values: FilterValues, p: u32| {
        let mut params = values.params();
        if values.compare {
            params.push(("compare", "previous".to_owned()));
        }
        if p > 1 {
            params.push(("page", p.to_string()));
        }
        navigate(&format!("{}{}", path(), api::query(&params)), NavigateOptions::default());
    };
    let go_to_page = go.clone();
    Effect::new(move |_| {
        let p = page.get();
        if p != page_in_address.get_untracked() {
            go_to_page(applied.get_untracked(), p);
        }
    });
    let apply = Callback::new(move |()| go(draft.get_untracked(), 1));
    ListAddress { applied, page, apply }
}
