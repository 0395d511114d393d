use leptos::prelude::*;

use crate::api;
use crate::filters::{Fields, FilterForm, FilterValues};
use crate::i18n::{officer::Key, use_i18n};
use crate::ui::{focus_heading, page_title};

#[component]
pub fn Export() -> impl IntoView {
    let i18n = use_i18n();
    page_title(Key::ExportTitle);
    focus_heading();
    let draft = RwSignal::new(FilterValues::default());
    let format = RwSignal::new("csv".to_owned());
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
            <FilterForm id="export-filters" draft=draft fields=Fields { kind: true, ..Fields::default() } on_apply=Callback::new(|()| {}) no_buttons=true />
            <fieldset class="formats">
                <legend>{i18n.tr(Key::ExportFormat)}</legend>
                {radio("csv", Key::ExportCsv)}
                {radio("xlsx", Key::ExportXlsx)}
            </fieldset>
            <p class="actions">
                <a class="button" id="export-download" href=href download="">{i18n.tr(Key::ExportDownload)}</a>
            </p>
        </section>
    }
}
