use leptos::prelude::*;
use leptos::task::spawn_local;
use yoursay_core::{Bilingual, Catalogue, CatalogueItem, ErrorCode, FieldError};

use crate::api::{self, ApiError, ItemWords, Kind, NewItem};
use crate::i18n::{officer::Key, use_i18n, I18n};
use crate::layout::use_announce;
use crate::ui::{field_error_text, fill, focus, focus_heading, page_title, use_session, TextBox};

#[component]
pub fn CatalogueEditor() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    page_title(Key::CatalogueTitle);
    focus_heading();
    let catalogue = RwSignal::new(None::<Result<Catalogue, Key>>);
    spawn_local(async move {
        catalogue.set(Some(api::catalogue().await.map_err(|e| session.fail(&e))));
    });
    view! {
        <section class="page catalogue">
            <h1 tabindex="-1">{i18n.tr(Key::CatalogueTitle)}</h1>
            <p class="intro">{i18n.tr(Key::CatalogueIntro)}</p>
            {move || match catalogue.with(|c| c.as_ref().map(|r| r.as_ref().err().copied())) {
                None => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
                Some(Some(key)) => view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
                Some(None) => view! {
                    <KindSection kind=Kind::Promises catalogue=catalogue />
                    <KindSection kind=Kind::Services catalogue=catalogue />
                }.into_any(),
            }}
        </section>
    }
}

/// The words being typed for an item.
#[derive(Clone, Default)]
struct Draft {
    code: String,
    name_en: String,
    name_cy: String,
    line_en: String,
    line_cy: String,
    statement_en: String,
    statement_cy: String,
}

impl Draft {
    /// The "We will…" statement, sent only when something is typed in either language (the server then
    /// asks for both); both left empty means the item has none.
    fn statement(&self) -> Option<Bilingual> {
        let (en, cy) = (self.statement_en.trim(), self.statement_cy.trim());
        (!en.is_empty() || !cy.is_empty()).then(|| Bilingual::new(&self.statement_en, &self.statement_cy))
    }
}

#[component]
fn KindSection(kind: Kind, catalogue: RwSignal<Option<Result<Catalogue, Key>>>) -> impl IntoView {
    let i18n = use_i18n();
    let announce = use_announce();
    let session = use_session();
    let prefix = kind.path();
    let editing = RwSignal::new(None::<String>);
    let draft = RwSignal::new(Draft::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let problem = RwSignal::new(None::<Key>);
    let busy = RwSignal::new(false);

    let items = move || {
        catalogue.with(|c| match c {
            Some(Ok(c)) => match kind {
                Kind::Promises => c.promises.clone(),
                Kind::Services => c.services.clone(),
            },
            _ => Vec::new(),
        })
    };
    let done = move |result: Result<Catalogue, ApiError>| match result {
        Ok(c) => {
            announce.say(fill(i18n.t(Key::CatalogueSaved), &[("v", c.version.to_string())]));
            catalogue.set(Some(Ok(c)));
            errors.set(Vec::new());
            problem.set(None);
            true
        }
        Err(e) => {
            errors.set(e.field_errors().to_vec());
            problem.set(Some(session.fail(&e)));
            false
        }
    };
    let start_edit = move |item: CatalogueItem| {
        draft.set(Draft {
            code: item.code.clone(),
            name_en: item.name.en,
            name_cy: item.name.cy,
            line_en: item.line.en,
            line_cy: item.line.cy,
            statement_en: item.statement.as_ref().map(|s| s.en.clone()).unwrap_or_default(),
            statement_cy: item.statement.map(|s| s.cy).unwrap_or_default(),
        });
        errors.set(Vec::new());
        problem.set(None);
        editing.set(Some(item.code));
        request_animation_frame(move || focus(&format!("{prefix}-name_en")));
    };
    let cancel = move |_| {
        editing.set(None);
        draft.set(Draft::default());
        errors.set(Vec::new());
        problem.set(None);
    };
    let retire = move |code: String, retire: bool| {
        spawn_local(async move {
            done(api::set_retired(kind, &code, retire).await);
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let d = draft.get_untracked();
        let edit = editing.get_untracked();
        let words = ItemWords {
            name: Bilingual::new(&d.name_en, &d.name_cy),
            line: Bilingual::new(&d.line_en, &d.line_cy),
            statement: d.statement(),
        };
        let code = d.code.trim().to_owned();
        busy.set(true);
        spawn_local(async move {
            let result = match &edit {
                Some(code) => api::edit_item(kind, code, &words).await,
                None => {
                    let item = NewItem { code, name: words.name, line: words.line, statement: words.statement };
                    api::add_item(kind, &item).await
                }
            };
            if done(result) {
                editing.set(None);
                draft.set(Draft::default());
            } else if let Some(first) = errors.get_untracked().first() {
                focus(&format!("{prefix}-{}", first.field.replace('.', "_")));
            }
            busy.set(false);
        });
    };

    let field = move |name: &'static str,
                      label: Key,
                      lang: Option<&'static str>,
                      get: fn(&Draft) -> String,
                      set: fn(&mut Draft, String)| {
        let id = format!("{prefix}-{}", name.replace('.', "_"));
        let rows = name.starts_with("statement.").then_some(3);
        view! {
            <TextBox id=id label=i18n.tr(label) lang=lang rows=rows
                error=Signal::derive(move || problem_text(i18n, &errors.get(), name))
                value=move || draft.with(get)
                on_input=move |v: String| draft.update(|d| set(d, v)) />
        }
    };

    let (title, add_title) = match kind {
        Kind::Promises => (Key::CataloguePromises, Key::CatalogueAddPromise),
        Kind::Services => (Key::CatalogueServices, Key::CatalogueAddService),
    };
    view! {
        <section class="kind" aria-labelledby=format!("{prefix}-title")>
            <h2 id=format!("{prefix}-title")>{i18n.tr(title)}</h2>
            <div class="table-wrap">
                <table class="data catalogue-table">
                    <caption class="visually-hidden">{i18n.tr(title)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.tr(Key::CatalogueCode)}</th>
                            <th scope="col">{i18n.tr(Key::CatalogueEnglish)}</th>
                            <th scope="col">{i18n.tr(Key::CatalogueWelsh)}</th>
                            <th scope="col">{i18n.tr(Key::CatalogueStatus)}</th>
                            <th scope="col">{i18n.tr(Key::CatalogueActions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || { i18n.lang.track(); items().into_iter().map(|item| row(i18n, item, start_edit, retire)).collect_view() }}
                    </tbody>
                </table>
            </div>
            <form class="item-form" on:submit=submit novalidate aria-labelledby=format!("{prefix}-form-title")>
                <h3 id=format!("{prefix}-form-title") tabindex="-1">
                    {move || match editing.get() {
                        Some(code) => fill(i18n.t(Key::CatalogueEditing), &[("code", code)]),
                        None => i18n.t(add_title).to_owned(),
                    }}
                </h3>
                {move || problem.get().map(|key| view! { <p class="error" role="alert">{i18n.t(key)}</p> })}
                <Show when=move || editing.with(|e| e.is_none())>
                    {field("code", Key::CatalogueCodeLabel, None, |d| d.code.clone(), |d, v| d.code = v)}
                    <p class="hint">{i18n.tr(Key::CatalogueCodeHint)}</p>
                </Show>
                <div class="two-columns">
                    {field("name.en", Key::CatalogueNameEn, Some("en"), |d| d.name_en.clone(), |d, v| d.name_en = v)}
                    {field("name.cy", Key::CatalogueNameCy, Some("cy"), |d| d.name_cy.clone(), |d, v| d.name_cy = v)}
                    {field("line.en", Key::CatalogueLineEn, Some("en"), |d| d.line_en.clone(), |d, v| d.line_en = v)}
                    {field("line.cy", Key::CatalogueLineCy, Some("cy"), |d| d.line_cy.clone(), |d, v| d.line_cy = v)}
                    {field("statement.en", Key::CatalogueStatementEn, Some("en"), |d| d.statement_en.clone(), |d, v| d.statement_en = v)}
                    {field("statement.cy", Key::CatalogueStatementCy, Some("cy"), |d| d.statement_cy.clone(), |d, v| d.statement_cy = v)}
                </div>
                <p class="hint">{i18n.tr(Key::CatalogueStatementHint)}</p>
                <div class="actions">
                    <button type="submit" class="button" disabled=move || busy.get()>
                        {move || if editing.with(|e| e.is_some()) { i18n.t(Key::CatalogueSave) } else { i18n.t(Key::CatalogueAdd) }}
                    </button>
                    <Show when=move || editing.with(|e| e.is_some())>
                        <button type="button" class="button secondary" on:click=cancel>{i18n.tr(Key::CatalogueCancel)}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

/// A field's problem in words; a name another item has is said as such, not as "It is there twice".
fn problem_text(i18n: I18n, errors: &[FieldError], field: &str) -> Option<String> {
    let taken = errors.iter().any(|e| e.field == field && e.code == ErrorCode::Duplicate);
    if taken && field.starts_with("name.") {
        Some(i18n.t(Key::CatalogueNameTaken).to_owned())
    } else {
        field_error_text(i18n, errors, field)
    }
}

fn row(
    i18n: I18n,
    item: CatalogueItem,
    start_edit: impl Fn(CatalogueItem) + Copy + 'static,
    retire: impl Fn(String, bool) + Copy + 'static,
) -> impl IntoView {
    let code = item.code.clone();
    let retired = item.retired;
    let for_edit = item.clone();
    let (code_attr, code_text) = (code.clone(), code.clone());
    view! {
        <tr class:retired=retired data-code=code_attr>
            <td><code>{code_text}</code></td>
            <td lang="en"><strong>{item.name.en.clone()}</strong><br />{item.line.en.clone()}
                {item.statement.as_ref().map(|s| view! { <p class="statement">{s.en.clone()}</p> })}</td>
            <td lang="cy"><strong>{item.name.cy.clone()}</strong><br />{item.line.cy.clone()}
                {item.statement.as_ref().map(|s| view! { <p class="statement">{s.cy.clone()}</p> })}</td>
            <td>{if retired { i18n.t(Key::CatalogueRetired) } else { i18n.t(Key::CatalogueActive) }}</td>
            <td class="row-actions">
                <button type="button" class="button secondary" on:click=move |_| start_edit(for_edit.clone())>
                    {i18n.t(Key::CatalogueEdit)}<span class="visually-hidden">{format!(": {}", item.name.get(i18n.lang.get_untracked()))}</span>
                </button>
                <button type="button" class="button secondary" on:click=move |_| retire(code.clone(), !retired)>
                    {if retired { i18n.t(Key::CatalogueRestore) } else { i18n.t(Key::CatalogueRetire) }}
                    <span class="visually-hidden">{format!(": {}", item.name.get(i18n.lang.get_untracked()))}</span>
                </button>
            </td>
        </tr>
    }
}
