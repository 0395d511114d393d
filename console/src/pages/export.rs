use leptos::prelude::*;

use crate::api;
use crate::filters::{show_problems, Fields, FilterForm, FilterValues};
use crate::i18n::{officer::Key, use_i18n};
use crate::ui::{focus_heading, page_title};

#[component]
pub fn Export() -> impl IntoView {
    let i18n = use_i18n();
    page_title(Key::ExportTitle);
    focus_heading();
    let draft = RwSignal::new(FilterValues::default());
    let format = RwSignal::new("csv".to_owned());
    let problems = RwSignal::new(Vec::new());
    // The browser downloads the file itself (streamed, never held in the page), so it would fail with no
    // word on filters the server refuses: they are checked first and named beside their fields.
    let check = move |ev: leptos::ev::MouseEvent| {
        if show_problems("export-filters", problems, draft.with_untracked(FilterValues::problems)) {
            ev.prevent_default();
        }
    };
    let href = move || {
        let mut params: Vec<_> = draft
            .get()
            .params()
            .into_iter()
            .filter(|(k, _)| matches!(*k, "from" | "to" | "event" | "role" | "age_band" | "kind"))
            .collect();
        params.insert(0, ("format", format.get()));
        api::export_url(&api::query(&params))
    };
    let radio = move |value: &'static str, label: Key| {
        view! {
            <div class="choice">
                <input type="radio" name="export-format" id=format!("export-{value}") value=value
                    prop:checked=move || format.get() == value on:change=move |_| format.set(value.to_owned()) />
                <label for=format!("export-{value}")>{i18n.tr(label)}</label>
            </div>
        }
    };
    view! {
        <section class="page export">
            <h1 tabindex="-1">{i18n.tr(Key::ExportTitle)}</h1>
            <p class="intro">{i18n.tr(Key::ExportIntro)}</p>
            <FilterForm id="export-filters" draft=draft fields=Fields { kind: true, ..Fields::default() } on_apply=Callback::new(|()| {}) problems=problems no_buttons=true />
            <fieldset class="formats">
                <legend>{i18n.tr(Key::ExportFormat)}</legend>
                {radio("csv", Key::ExportCsv)}
                {radio("xlsx", Key::ExportXlsx)}
            </fieldset>
            <p class="actions">
                <a class="button" id="export-download" href=href download="" on:click=check>{i18n.tr(Key::ExportDownload)}</a>
            </p>
        </section>
    }
}
