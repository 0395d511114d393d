//! "You said, we did": the officer writes a response in English and Welsh side by side, publishes it (only
//! with both languages), adds dated progress updates and may withdraw it. Problems are shown beside their
//! field, in the officer's language.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use yoursay_core::{Bilingual, Catalogue, FieldError};

use super::response_views::AnsweredViews;
use crate::api::{self, ApiError, NewUpdate, Progress, ResponseDetail, ResponseList, ResponseState, ResponseText};
use crate::i18n::{officer::Key, use_i18n, you_said, I18n};
use crate::layout::use_announce;
use crate::ui::{
    data_table, date_time, error_note, field_error_text, focus, focus_heading, item_options, loaded, page_title,
    toggle, use_session, Checks, TextBox,
};

/// Progress in words, from the translation file devices and the export share.
pub fn progress_key(p: Progress) -> you_said::Key {
    match p {
        Progress::Heard => you_said::Key::ProgressHeard,
        Progress::LookingIntoIt => you_said::Key::ProgressLookingIntoIt,
        Progress::DoingIt => you_said::Key::ProgressDoingIt,
        Progress::Done => you_said::Key::ProgressDone,
        Progress::Cannot => you_said::Key::ProgressCannot,
    }
}

fn state_key(s: ResponseState) -> Key {
    match s {
        ResponseState::Draft => Key::StateDraft,
        ResponseState::Published => Key::StatePublished,
        ResponseState::Withdrawn => Key::StateWithdrawn,
    }
}

/// What is typed in the editor.
#[derive(Clone)]
struct Typed {
    you_said_en: String,
    you_said_cy: String,
    we_did_en: String,
    we_did_cy: String,
    progress: Progress,
    promises: Vec<String>,
    services: Vec<String>,
    events: String,
    /// The id of the view quoted, or empty.
    quote: String,
}

impl Default for Typed {
    fn default() -> Self {
        Typed {
            you_said_en: String::new(),
            you_said_cy: String::new(),
            we_did_en: String::new(),
            we_did_cy: String::new(),
            progress: Progress::Heard,
            promises: Vec::new(),
            services: Vec::new(),
            events: String::new(),
            quote: String::new(),
        }
    }
}

impl Typed {
    fn of(text: &ResponseText) -> Self {
        Typed {
            you_said_en: text.you_said.en.clone(),
            you_said_cy: text.you_said.cy.clone(),
            we_did_en: text.we_did.en.clone(),
            we_did_cy: text.we_did.cy.clone(),
            progress: text.progress,
            promises: text.promises.clone(),
            services: text.services.clone(),
            events: text.events.join(", "),
            quote: text.quote.clone().unwrap_or_default(),
        }
    }

    fn text(&self) -> ResponseText {
        ResponseText {
            you_said: Bilingual::new(&self.you_said_en, &self.you_said_cy),
            we_did: Bilingual::new(&self.we_did_en, &self.we_did_cy),
            progress: self.progress,
            promises: self.promises.clone(),
            services: self.services.clone(),
            events: self.events.split(',').map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned).collect(),
            quote: (!self.quote.is_empty()).then(|| self.quote.clone()),
        }
    }
}

/// The id of the field a server path names: `you_said.cy` → `response-you_said-cy`, `promises[1]` → the
/// promises group.
fn field_id(path: &str) -> String {
    let group = path.split('[').next().unwrap_or(path);
    format!("response-{}", group.replace('.', "-"))
}

#[component]
pub fn Responses() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let announce = use_announce();
    page_title(Key::ResponsesTitle);
    focus_heading();
    let list = RwSignal::new(None::<Result<ResponseList, Key>>);
    let catalogue = RwSignal::new(None::<Catalogue>);
    // Views the officer marked safe to quote (the first page is plenty to choose from).
    let quotable = RwSignal::new(Vec::<(String, String)>::new());
    spawn_local(async move {
        if let Ok(page) = api::views("?status=safe_to_quote&per_page=100").await {
            quotable.set(page.items.into_iter().map(|v| (v.id, v.text)).collect());
        }
    });
    let editing = RwSignal::new(None::<ResponseDetail>);
    let typed = RwSignal::new(Typed::default());
    // The views it answers: not part of its text (devices never get them), saved by their own call.
    let views = RwSignal::new(Vec::<String>::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let problem = RwSignal::new(None::<Key>);
    let busy = RwSignal::new(false);
    let update_typed = RwSignal::new((Progress::LookingIntoIt, String::new(), String::new()));

    let reload = move || {
        spawn_local(async move {
            list.set(Some(api::responses().await.map_err(|e| session.fail(&e))));
        })
    };
    reload();
    spawn_local(async move {
        if let Ok(c) = api::catalogue().await {
            catalogue.set(Some(c));
        }
    });

    // The outcome of any call: the response as it now is, or the problems beside their fields.
    let finish = move |result: Result<ResponseDetail, ApiError>, said: Key| match result {
        Ok(detail) => {
            errors.set(Vec::new());
            problem.set(None);
            typed.set(Typed::of(&detail.text));
            views.set(detail.views.clone());
            editing.set(Some(detail));
            announce.say(i18n.t(said));
            reload();
        }
        Err(e) => {
            let fields = e.field_errors().to_vec();
            let state_conflict = fields.iter().any(|f| f.field == "state");
            problem.set(Some(if state_conflict { Key::ResponsesNotNow } else { session.fail(&e) }));
            if let Some(first) = fields.iter().find(|f| f.field != "state") {
                focus(&field_id(&first.field));
            }
            errors.set(fields);
        }
    };
    let run = move |action: &'static str| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let text = typed.get_untracked().text();
        let answered = api::AnsweredViews { views: views.get_untracked() };
        let id = editing.with_untracked(|e| e.as_ref().map(|d| (d.id.clone(), d.state)));
        // Text as it was kept is not sent again: a correction tells every device, changed links alone must not.
        let as_kept = editing.with_untracked(|e| e.clone().filter(|d| d.text == text.normalised()));
        spawn_local(async move {
            let editable = matches!(&id, Some((_, ResponseState::Draft | ResponseState::Published)));
            let saved = match (&id, as_kept) {
                (_, Some(same)) if editable && action != "withdraw" => Ok(same),
                (Some((id, _)), _) if editable && action != "withdraw" => api::save_response(id, &text).await,
                (Some((id, _)), _) => api::response_action(id, "withdraw").await,
                (None, _) => api::create_response(&text).await,
            };
            // A step refused after the text was kept (a new response now exists): the editor holds what was
            // kept, so the next Save or Publish goes on with it instead of writing the response again.
            let kept = move |done: ResponseDetail, next: Result<ResponseDetail, ApiError>| {
                if next.is_err() {
                    editing.set(Some(done));
                }
                next
            };
            // The links, once the text is saved, only when they changed (each change is an audit line).
            let saved = match saved {
                Ok(done) if action != "withdraw" && done.views != answered.views => {
                    let linked = api::set_response_views(&done.id, &answered).await;
                    kept(done, linked)
                }
                other => other,
            };
            let result = match (action, saved) {
                ("publish", Ok(saved)) => {
                    let published = api::response_action(&saved.id, "publish").await;
                    kept(saved, published)
                }
                (_, other) => other,
            };
            let said = match action {
                "publish" => Key::ResponsesPublished,
                "withdraw" => Key::ResponsesWithdrawn,
                _ => Key::ResponsesSaved,
            };
            finish(result, said);
            busy.set(false);
        });
    };
    let add_update = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = editing.with_untracked(|e| e.as_ref().map(|d| d.id.clone())) else { return };
        let (progress, en, cy) = update_typed.get_untracked();
        let update = NewUpdate { progress, text: Bilingual::new(&en, &cy) };
        spawn_local(async move {
            let result = api::add_response_update(&id, &update).await;
            let ok = result.is_ok();
            // The update's fields are named `text.en`/`text.cy`: shown beside the update's own boxes.
            finish(result, Key::ResponsesUpdated);
            if ok {
                update_typed.set((Progress::LookingIntoIt, String::new(), String::new()));
            }
        });
    };
    let start = move |detail: Option<ResponseDetail>| {
        typed.set(detail.as_ref().map(|d| Typed::of(&d.text)).unwrap_or_default());
        views.set(detail.as_ref().map(|d| d.views.clone()).unwrap_or_default());
        editing.set(detail);
        errors.set(Vec::new());
        problem.set(None);
        request_animation_frame(|| focus("response-form-title"));
    };

    let text_field = move |name: &'static str,
                           label: Key,
                           lang: &'static str,
                           get: fn(&Typed) -> String,
                           set: fn(&mut Typed, String)| {
        view! {
            <TextBox id=field_id(name) label=i18n.tr(label) lang=Some(lang) rows=Some(4)
                error=Signal::derive(move || field_error_text(i18n, &errors.get(), name))
                value=move || typed.with(get)
                on_input=move |v: String| typed.update(|t| set(t, v)) />
        }
    };
    let checks = move |group: &'static str, legend: Key, promises: bool| {
        let error = Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field.starts_with(group))
                    .map(|e| i18n.t(crate::i18n::error_key(e.code)).to_owned())
            })
        });
        let options = Signal::derive(move || {
            catalogue.with(|c| {
                c.as_ref()
                    .map(|c| item_options(i18n, if promises { &c.promises } else { &c.services }))
                    .unwrap_or_default()
            })
        });
        let chosen =
            Signal::derive(move || typed.with(|t| if promises { t.promises.clone() } else { t.services.clone() }));
        let on_toggle = move |code: String| {
            typed.update(|t| toggle(if promises { &mut t.promises } else { &mut t.services }, &code))
        };
        view! { <Checks id=field_id(group) legend=i18n.tr(legend) options chosen error on_toggle /> }
    };

    let state_now = move || editing.with(|e| e.as_ref().map(|d| d.state));
    view! {
        <section class="page responses">
            <h1 tabindex="-1">{i18n.tr(Key::ResponsesTitle)}</h1>
            <p class="intro">{i18n.tr(Key::ResponsesIntro)}</p>
            {move || { i18n.lang.track(); list_view(i18n, list.get(), start) }}
            <p class="actions">
                <button type="button" class="button secondary" on:click=move |_| start(None)>{i18n.tr(Key::ResponsesNew)}</button>
                <A href="/officer/responses/print">{i18n.tr(Key::ResponsesPrint)}</A>
            </p>
            <form class="item-form" novalidate aria-labelledby="response-form-title" on:submit=move |ev| { ev.prevent_default(); run("save"); }>
                <h2 id="response-form-title" tabindex="-1">
                    {move || if editing.with(|e| e.is_some()) { i18n.t(Key::ResponsesEditing) } else { i18n.t(Key::ResponsesNew) }}
                    {move || state_now().map(|s| format!(" ({})", i18n.t(state_key(s))))}
                </h2>
                {move || problem.get().map(|key| view! { <p class="error" role="alert">{i18n.t(key)}</p> })}
                <div class="two-columns">
                    {text_field("you_said.en", Key::ResponsesYouSaidEn, "en", |t| t.you_said_en.clone(), |t, v| t.you_said_en = v)}
                    {text_field("you_said.cy", Key::ResponsesYouSaidCy, "cy", |t| t.you_said_cy.clone(), |t, v| t.you_said_cy = v)}
                    {text_field("we_did.en", Key::ResponsesWeDidEn, "en", |t| t.we_did_en.clone(), |t, v| t.we_did_en = v)}
                    {text_field("we_did.cy", Key::ResponsesWeDidCy, "cy", |t| t.we_did_cy.clone(), |t, v| t.we_did_cy = v)}
                </div>
                <div class="field">
                    <label for="response-progress">{i18n.tr(Key::ResponsesProgress)}</label>
                    <select id="response-progress" on:change=move |ev| {
                        if let Some(p) = Progress::parse(&event_target_value(&ev)) { typed.update(|t| t.progress = p) }
                    }>
                        {move || Progress::ALL.into_iter().map(|p| view! {
                            <option value=p.code() selected=move || typed.with(|t| t.progress == p)>{i18n.t(progress_key(p))}</option>
                        }).collect_view()}
                    </select>
                </div>
                {checks("promises", Key::ResponsesPromises, true)}
                {checks("services", Key::ResponsesServices, false)}
                <div class="field" class:has-error=move || errors.with(|l| l.iter().any(|e| e.field == "quote"))>
                    <label for="response-quote">{i18n.tr(Key::ResponsesQuote)}</label>
                    {move || field_error_text(i18n, &errors.get(), "quote").map(|text| error_note(None, text))}
                    <select id="response-quote" on:change=move |ev| typed.update(|t| t.quote = event_target_value(&ev))>
                        <option value="" selected=move || typed.with(|t| t.quote.is_empty())>{i18n.tr(Key::ResponsesNoQuote)}</option>
                        {move || quotable.get().into_iter().map(|(id, text)| {
                            let chosen = id.clone();
                            view! { <option value=id selected=move || typed.with(|t| t.quote == chosen)>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <AnsweredViews chosen=views errors=errors />
                <div class="field" class:has-error=move || errors.with(|l| l.iter().any(|e| e.field.starts_with("events")))>
                    <label for="response-events">{i18n.tr(Key::ResponsesEvents)}</label>
                    {move || errors.with(|l| l.iter().find(|e| e.field.starts_with("events")).map(|e| {
                        error_note(None, i18n.t(crate::i18n::error_key(e.code)).to_owned())
                    }))}
                    <input id="response-events" type="text" prop:value=move || typed.with(|t| t.events.clone())
                        on:input=move |ev| typed.update(|t| t.events = event_target_value(&ev)) />
                </div>
                <div class="actions">
                    <Show when=move || state_now() != Some(ResponseState::Withdrawn)>
                        <button type="submit" class="button" disabled=move || busy.get()>
                            {move || if state_now() == Some(ResponseState::Published) { i18n.t(Key::ResponsesSaveCorrection) } else { i18n.t(Key::ResponsesSave) }}
                        </button>
                    </Show>
                    <Show when=move || matches!(state_now(), None | Some(ResponseState::Draft))>
                        <button type="button" class="button" disabled=move || busy.get() on:click=move |_| run("publish")>{i18n.tr(Key::ResponsesPublish)}</button>
                    </Show>
                    <Show when=move || state_now() == Some(ResponseState::Published)>
                        <button type="button" class="button secondary" disabled=move || busy.get() on:click=move |_| run("withdraw")>{i18n.tr(Key::ResponsesWithdraw)}</button>
                    </Show>
                </div>
            </form>
            <Show when=move || state_now() == Some(ResponseState::Published)>
                {move || timeline(i18n, editing.get())}
                <form class="item-form" novalidate aria-labelledby="update-title" on:submit=add_update>
                    <h2 id="update-title">{i18n.tr(Key::ResponsesUpdateTitle)}</h2>
                    <div class="field">
                        <label for="update-progress">{i18n.tr(Key::ResponsesProgress)}</label>
                        <select id="update-progress" on:change=move |ev| {
                            if let Some(p) = Progress::parse(&event_target_value(&ev)) { update_typed.update(|u| u.0 = p) }
                        }>
                            {move || Progress::ALL.into_iter().map(|p| view! {
                                <option value=p.code() selected=move || update_typed.with(|u| u.0 == p)>{i18n.t(progress_key(p))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="two-columns">
                        {update_field(i18n, errors, update_typed, "en")}
                        {update_field(i18n, errors, update_typed, "cy")}
                    </div>
                    <div class="actions"><button type="submit" class="button">{i18n.tr(Key::ResponsesAddUpdate)}</button></div>
                </form>
            </Show>
        </section>
    }
}

fn update_field(
    i18n: I18n,
    errors: RwSignal<Vec<FieldError>>,
    update_typed: RwSignal<(Progress, String, String)>,
    lang: &'static str,
) -> impl IntoView {
    let (id, label, path) = match lang {
        "en" => ("update-text-en", Key::ResponsesUpdateEn, "text.en"),
        _ => ("update-text-cy", Key::ResponsesUpdateCy, "text.cy"),
    };
    let en = lang == "en";
    view! {
        <TextBox id=id label=i18n.tr(label) lang=Some(lang) rows=Some(3)
            error=Signal::derive(move || field_error_text(i18n, &errors.get(), path))
            value=move || update_typed.with(|u| if en { u.1.clone() } else { u.2.clone() })
            on_input=move |v: String| update_typed.update(|u| if en { u.1 = v } else { u.2 = v }) />
    }
}

fn timeline(i18n: I18n, detail: Option<ResponseDetail>) -> impl IntoView {
    let lang = i18n.lang.get_untracked();
    let updates = detail.map(|d| d.updates).unwrap_or_default();
    (!updates.is_empty()).then(|| view! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{i18n.t(Key::ResponsesTimeline)}</h2>
            <ol>
                {updates.into_iter().map(|u| view! {
                    <li><strong>{date_time(u.at, lang)}" · "{i18n.t(progress_key(u.progress))}</strong><p>{u.text.get(lang).to_owned()}</p></li>
                }).collect_view()}
            </ol>
        </section>
    })
}

fn list_view(
    i18n: I18n,
    list: Option<Result<ResponseList, Key>>,
    start: impl Fn(Option<ResponseDetail>) + Copy + 'static,
) -> AnyView {
    let lang = i18n.lang.get_untracked();
    let list = match loaded(i18n, list, |l| l.responses.is_empty(), Key::ResponsesNone) {
        Ok(list) => list,
        Err(instead) => return instead,
    };
    let rows = list
        .responses
        .into_iter()
        .map(|r| {
            let said = r.text.you_said.get(lang).to_owned();
            let said = if said.is_empty() { r.text.you_said.en.clone() } else { said };
            let label = format!(": {said}");
            let detail = r.clone();
            view! {
                <tr data-id=r.id.clone()>
                    <td class="wrap">{said}</td>
                    <td>{i18n.t(state_key(r.state))}</td>
                    <td>{i18n.t(progress_key(r.text.progress))}</td>
                    <td>{date_time(r.updated_at, lang)}</td>
                    <td><button type="button" class="button secondary" on:click=move |_| start(Some(detail.clone()))>
                        {i18n.t(Key::ResponsesEdit)}<span class="visually-hidden">{label}</span>
                    </button></td>
                </tr>
            }
        })
        .collect_view();
    data_table(
        i18n,
        "responses-table",
        &[
            Key::ResponsesColYouSaid,
            Key::ResponsesColState,
            Key::ResponsesColProgress,
            Key::ResponsesColChanged,
            Key::ResponsesColActions,
        ],
        rows,
    )
    .into_any()
}
