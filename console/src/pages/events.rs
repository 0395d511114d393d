//! Events: the officer plans the sessions they run (name in English and Welsh, day, place, surveys to
//! offer, who will answer, pass-the-tablet with its exit PIN, the day people hear back by), closes them
//! when done, and prints a poster. Overdue events (the hear-back day passed with no published response)
//! come first, marked in words.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use yoursay_core::{Bilingual, FieldError, Role};

use crate::api::{self, ApiError, Event, EventDraft, EventList, FormList};
use crate::i18n::{officer::Key, role_key, use_i18n, I18n};
use crate::layout::use_announce;
use crate::ui::{
    data_table, day, field_error_text, field_problem, fill, focus, focus_heading, loaded, page_title, use_session,
    TextBox,
};

/// What is typed in the editor.
#[derive(Clone, Default)]
struct Typed {
    name_en: String,
    name_cy: String,
    date: String,
    place: String,
    surveys: Vec<String>,
    role: Option<Role>,
    pass_the_tablet: bool,
    exit_pin: String,
    hear_back_by: String,
}

impl Typed {
    fn of(event: &Event) -> Self {
        let d = event.draft();
        Typed {
            name_en: d.name.en,
            name_cy: d.name.cy,
            date: d.date,
            place: d.place,
            surveys: d.surveys,
            role: d.role,
            pass_the_tablet: d.pass_the_tablet,
            exit_pin: String::new(),
            hear_back_by: d.hear_back_by,
        }
    }

    fn draft(&self) -> EventDraft {
        EventDraft {
            name: Bilingual::new(&self.name_en, &self.name_cy),
            date: self.date.clone(),
            place: self.place.clone(),
            surveys: self.surveys.clone(),
            role: self.role,
            pass_the_tablet: self.pass_the_tablet,
            exit_pin: (!self.exit_pin.trim().is_empty()).then(|| self.exit_pin.trim().to_owned()),
            hear_back_by: self.hear_back_by.clone(),
        }
    }
}

/// The id of the box a server path names: `name.cy` → `event-name-cy`, `surveys[1]` → the surveys group.
fn field_id(path: &str) -> String {
    let group = path.split('[').next().unwrap_or(path);
    format!("event-{}", group.replace(['.', '_'], "-"))
}

/// Overdue first (they need doing), then as the server ordered them: upcoming, then past.
fn overdue_first(mut events: Vec<Event>) -> Vec<Event> {
    events.sort_by_key(|e| !e.overdue);
    events
}

#[component]
pub fn Events() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let announce = use_announce();
    page_title(Key::EventsTitle);
    focus_heading();
    let list = RwSignal::new(None::<Result<EventList, Key>>);
    let forms = RwSignal::new(None::<FormList>);
    let editing = RwSignal::new(None::<Event>);
    let typed = RwSignal::new(Typed::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let problem = RwSignal::new(None::<Key>);
    let busy = RwSignal::new(false);

    let reload = move || {
        spawn_local(async move {
            list.set(Some(api::events().await.map_err(|e| session.fail(&e))));
        })
    };
    reload();
    spawn_local(async move {
        if let Ok(f) = api::forms().await {
            forms.set(Some(f));
        }
    });

    let finish = move |result: Result<Event, ApiError>, said: String| match result {
        Ok(event) => {
            errors.set(Vec::new());
            problem.set(None);
            typed.set(Typed::of(&event));
            editing.set(Some(event));
            announce.say(said);
            reload();
        }
        Err(e) => {
            announce.clear();
            let fields = e.field_errors().to_vec();
            problem.set(Some(session.fail(&e)));
            if let Some(first) = fields.first() {
                focus(&field_id(&first.field));
            }
            errors.set(fields);
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let draft = typed.get_untracked().draft();
        let code = editing.with_untracked(|e| e.as_ref().map(|e| e.code.clone()));
        spawn_local(async move {
            match code {
                Some(code) => finish(api::save_event(&code, &draft).await, i18n.t(Key::EventsSaved).to_owned()),
                None => {
                    let made = api::create_event(&draft).await;
                    let said = made.as_ref().map(|e| e.code.grouped()).unwrap_or_default();
                    finish(made, fill(i18n.t(Key::EventsCreated), &[("code", said)]));
                }
            }
            busy.set(false);
        });
    };
    let start = move |event: Option<Event>| {
        typed.set(event.as_ref().map(Typed::of).unwrap_or_default());
        editing.set(event);
        errors.set(Vec::new());
        problem.set(None);
        announce.clear();
        request_animation_frame(|| focus("event-form-title"));
    };
    let close_or_reopen = move |event: Event| {
        let (action, said) =
            if event.closed { ("reopen", Key::EventsReopened) } else { ("close", Key::EventsClosedSaid) };
        spawn_local(async move {
            match api::event_action(&event.code, action).await {
                Ok(changed) => {
                    if editing.with_untracked(|e| e.as_ref().is_some_and(|e| e.code == changed.code)) {
                        editing.set(Some(changed));
                    }
                    announce.say(i18n.t(said));
                    reload();
                }
                Err(e) => {
                    announce.clear();
                    problem.set(Some(session.fail(&e)));
                }
            }
        });
    };

    let text_box = move |path: &'static str,
                         label: Key,
                         kind: &'static str,
                         lang: Option<&'static str>,
                         hint: Option<Signal<Option<Key>>>,
                         get: fn(&Typed) -> String,
                         set: fn(&mut Typed, String)| {
        let hint = hint.map(|h| Signal::derive(move || h.get().map(|k| i18n.t(k).to_owned())));
        view! {
            <TextBox id=field_id(path) label=i18n.tr(label) lang=lang kind=Some(kind) hint=hint
                error=Signal::derive(move || field_error_text(i18n, &errors.get(), path))
                value=move || typed.with(get)
                on_input=move |v: String| {
                    announce.clear();
                    typed.update(|t| set(t, v))
                } />
        }
    };
    let pin_hint = Signal::derive(move || {
        Some(if editing.with(|e| e.as_ref().is_some_and(|e| e.has_pin)) {
            Key::EventsExitPinKept
        } else {
            Key::EventsExitPinHint
        })
    });
    let published = move || {
        forms.with(|f| {
            f.as_ref()
                .map(|f| f.forms.iter().filter(|s| s.latest.is_some() && !s.retired).cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };

    view! {
        <section class="page events">
            <h1 tabindex="-1">{i18n.tr(Key::EventsTitle)}</h1>
            <p class="intro">{i18n.tr(Key::EventsIntro)}</p>
            {move || { i18n.lang.track(); list_view(i18n, list.get(), start, close_or_reopen) }}
            <p class="actions">
                <button type="button" class="button secondary" on:click=move |_| start(None)>{i18n.tr(Key::EventsNew)}</button>
            </p>
            <form class="item-form" novalidate aria-labelledby="event-form-title" on:submit=save>
                <h2 id="event-form-title" tabindex="-1">
                    {move || if editing.with(|e| e.is_some()) { i18n.t(Key::EventsEditing) } else { i18n.t(Key::EventsNew) }}
                    {move || editing.with(|e| e.as_ref().map(|e| format!(" ({})", e.code.grouped())))}
                </h2>
                {move || problem.get().map(|key| view! { <p class="error" role="alert">{i18n.t(key)}</p> })}
                <div class="two-columns">
                    {text_box("name.en", Key::EventsNameEn, "text", Some("en"), None, |t| t.name_en.clone(), |t, v| t.name_en = v)}
                    {text_box("name.cy", Key::EventsNameCy, "text", Some("cy"), None, |t| t.name_cy.clone(), |t, v| t.name_cy = v)}
                </div>
                {text_box("date", Key::EventsDate, "date", None, None, |t| t.date.clone(), |t, v| t.date = v)}
                {text_box("place", Key::EventsPlace, "text", None, None, |t| t.place.clone(), |t, v| t.place = v)}
                {text_box("hear_back_by", Key::EventsHearBackBy, "date", None, Some(Signal::derive(|| Some(Key::EventsHearBackHint))), |t| t.hear_back_by.clone(), |t, v| t.hear_back_by = v)}
                <fieldset class="checks" id="event-surveys" tabindex="-1">
                    <legend>{i18n.tr(Key::EventsSurveys)}</legend>
                    {move || errors.with(|l| l.iter().find(|e| e.field.starts_with("surveys")).map(|e| view! {
                        <p class="field-error"><span aria-hidden="true">"⚠ "</span>{i18n.t(crate::i18n::error_key(e.code))}</p>
                    }))}
                    {move || {
                        let lang = i18n.lang.get();
                        let offered = published();
                        if offered.is_empty() {
                            return view! { <p class="hint">{i18n.t(Key::EventsNoSurveys)}</p> }.into_any();
                        }
                        offered.into_iter().map(|form| {
                            let code = form.code.clone();
                            let toggled = form.code.clone();
                            let box_id = format!("event-survey-{}", form.code);
                            let label_for = box_id.clone();
                            view! {
                                <label class="check" for=label_for>
                                    <input type="checkbox" id=box_id prop:checked=move || typed.with(|t| t.surveys.contains(&code))
                                        on:change=move |_| typed.update(|t| match t.surveys.iter().position(|c| *c == toggled) {
                                            Some(i) => { t.surveys.remove(i); }
                                            None => t.surveys.push(toggled.clone()),
                                        }) />
                                    {form.title.get(lang).to_owned()}
                                </label>
                            }
                        }).collect_view().into_any()
                    }}
                </fieldset>
                <div class="field" class:has-error=move || errors.with(|l| l.iter().any(|e| e.field == "role"))>
                    <label for="event-role">{i18n.tr(Key::EventsRole)}</label>
                    {field_problem(i18n, errors, "role", "event-role-error".into())}
                    <select id="event-role" on:change=move |ev| {
                        let role = Role::parse(&event_target_value(&ev)).ok();
                        typed.update(|t| t.role = role);
                    }>
                        <option value="" selected=move || typed.with(|t| t.role.is_none())>{i18n.tr(Key::EventsRoleNone)}</option>
                        {move || Role::ALL.into_iter().map(|r| view! {
                            <option value=r.code() selected=move || typed.with(|t| t.role == Some(r))>{i18n.t(role_key(r))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="check" for="event-pass-the-tablet">
                        <input type="checkbox" id="event-pass-the-tablet" prop:checked=move || typed.with(|t| t.pass_the_tablet)
                            on:change=move |ev| { let on = event_target_checked(&ev); typed.update(|t| t.pass_the_tablet = on) } />
                        {i18n.tr(Key::EventsPassTheTablet)}
                    </label>
                </div>
                {text_box("exit_pin", Key::EventsExitPin, "pin", None, Some(pin_hint), |t| t.exit_pin.clone(), |t, v| t.exit_pin = v)}
                <div class="actions">
                    <button type="submit" class="button" disabled=move || busy.get()>
                        {move || if editing.with(|e| e.is_some()) { i18n.t(Key::EventsSave) } else { i18n.t(Key::EventsCreate) }}
                    </button>
                </div>
            </form>
        </section>
    }
}

fn status(i18n: I18n, event: &Event) -> impl IntoView {
    let lang = i18n.lang.get_untracked();
    let open = if event.closed { Key::EventsClosed } else { Key::EventsOpen };
    let overdue = event.overdue.then(|| {
        let detail = fill(i18n.t(Key::EventsOverdueDetail), &[("date", day(event.hear_back_by.as_str(), lang))]);
        view! {
            <strong class="overdue"><span aria-hidden="true">"⚠ "</span>{i18n.t(Key::EventsOverdue)}</strong><br />
            <span class="overdue-detail">{detail}</span><br />
        }
    });
    view! { {overdue}{i18n.t(open)} }
}

fn list_view(
    i18n: I18n,
    list: Option<Result<EventList, Key>>,
    start: impl Fn(Option<Event>) + Copy + 'static,
    close_or_reopen: impl Fn(Event) + Copy + 'static,
) -> AnyView {
    let lang = i18n.lang.get_untracked();
    let list = match loaded(i18n, list, |l| l.events.is_empty(), Key::EventsNone) {
        Ok(list) => list,
        Err(instead) => return instead,
    };
    let rows = overdue_first(list.events).into_iter().map(|e| {
                            let name = e.name.get(lang).to_owned();
                            let label = format!(": {name}");
                            let (label2, label3) = (label.clone(), label.clone());
                            let (edit, toggle) = (e.clone(), e.clone());
                            let poster = format!("/officer/events/{}/poster", e.code.as_str());
                            let toggle_key = if e.closed { Key::EventsReopen } else { Key::EventsClose };
                            view! {
                                <tr data-code=e.code.as_str().to_owned() class:overdue-row=e.overdue>
                                    <td class="wrap">{name}</td>
                                    <td>{day(e.date.as_str(), lang)}</td>
                                    <td>{e.place.clone()}</td>
                                    <td class="join-code-cell">{e.code.grouped()}</td>
                                    <td>{status(i18n, &e)}</td>
                                    <td class="row-actions">
                                        <button type="button" class="button secondary" on:click=move |_| start(Some(edit.clone()))>
                                            {i18n.t(Key::EventsEdit)}<span class="visually-hidden">{label2.clone()}</span>
                                        </button>
                                        " "
                                        <A href=poster>{i18n.t(Key::EventsPoster)}<span class="visually-hidden">{label3}</span></A>
                                        " "
                                        <button type="button" class="button secondary" on:click=move |_| close_or_reopen(toggle.clone())>
                                            {i18n.t(toggle_key)}<span class="visually-hidden">{label}</span>
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view();
    data_table(
        i18n,
        "events-table",
        &[
            Key::EventsColName,
            Key::EventsColDate,
            Key::EventsColPlace,
            Key::EventsColCode,
            Key::EventsColStatus,
            Key::EventsColActions,
        ],
        rows,
    )
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use yoursay_core::event::{EventDate, JoinCode};
    use yoursay_core::Language;

    fn event(code: &str, overdue: bool) -> Event {
        let day = EventDate::parse("2026-03-14", "date").unwrap();
        Event {
            code: JoinCode::parse(code).unwrap(),
            name: Bilingual::new("Coffee", "Coffi"),
            date: day.clone(),
            place: "Bangor".into(),
            surveys: vec![],
            role: None,
            pass_the_tablet: false,
            has_pin: false,
            hear_back_by: day,
            closed: false,
            overdue,
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn overdue_events_come_first_and_the_rest_keep_the_servers_order() {
        let order = overdue_first(vec![
            event("AAAAAA", false),
            event("CCCCCC", true),
            event("DDDDDD", false),
            event("EEEEEE", true),
        ]);
        let codes: Vec<&str> = order.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["CCCCCC", "EEEEEE", "AAAAAA", "DDDDDD"]);
    }

    #[test]
    fn a_server_path_names_its_box() {
        assert_eq!(field_id("name.cy"), "event-name-cy");
        assert_eq!(field_id("surveys[2]"), "event-surveys");
        assert_eq!(field_id("exit_pin"), "event-exit-pin");
        assert_eq!(field_id("hear_back_by"), "event-hear-back-by");
    }

    #[test]
    fn days_are_in_words_in_both_languages() {
        assert_eq!(day("2026-03-14", Language::En), "14 March 2026");
        assert_eq!(day("2026-03-04", Language::Cy), "4 Mawrth 2026");
        assert_eq!(day("not a day", Language::En), "not a day");
    }
}
