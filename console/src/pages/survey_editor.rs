//! The survey builder: the officer edits a survey's draft (English and Welsh side by side for every text),
//! saves it, and publishes it once both languages are complete. Every problem the server names is shown
//! beside its box, in the officer's language, and focus goes to the first. A save refused because another
//! officer saved first says so and keeps everything typed. The questions are drawn by `survey_question`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use yoursay_core::form::{Audience, Form};
use yoursay_core::{Catalogue, FieldError, Language};

use super::survey_question::Questions;
use super::surveys::audience_key;
use crate::api::{self, ApiError, FormSummary};
use crate::form_edit::{anchor, field_id, tidy, Slot};
use crate::i18n::{error_key, officer::Key, use_i18n, I18n};
use crate::layout::use_announce;
use crate::ui::{date_time, fill, focus, focus_heading, number, page_title, use_session, SelectBox, TextBox};

/// What the builder's pieces share: the form being typed, and the problems to show beside its boxes.
#[derive(Clone, Copy)]
pub struct Editor {
    pub i18n: I18n,
    pub form: RwSignal<Form>,
    /// Bumped when questions or choices are added, removed, moved or change kind: the list is drawn
    /// again (typing in a box does not redraw anything).
    pub shape: RwSignal<u32>,
    pub errors: RwSignal<Vec<FieldError>>,
    pub catalogue: RwSignal<Option<Catalogue>>,
}

impl Editor {
    /// The words of the problem shown beside the box at `path`, if any.
    pub fn error(self, path: String) -> Signal<Option<String>> {
        let (i18n, errors) = (self.i18n, self.errors);
        Signal::derive(move || {
            errors.with(|list| {
                list.iter().find(|e| anchor(&e.field) == path).map(|e| i18n.t(error_key(e.code)).to_owned())
            })
        })
    }

    /// Changes the form's shape; problems found before name places that may have moved, so they go.
    pub fn reshape(self, change: impl FnOnce(&mut Form)) {
        self.form.update(change);
        self.errors.set(Vec::new());
        self.shape.update(|n| *n += 1);
    }

    /// One box for a slot in one language (or the only box of a code or number).
    pub fn text_box(self, slot: Slot, lang: Language, label: Key, rows: Option<u32>) -> impl IntoView {
        let form = self.form;
        let path = form.with_untracked(|f| slot.path(f, lang));
        let lang_attr = slot.bilingual().then_some(lang.code());
        view! {
            <TextBox id=field_id(&path) label=self.i18n.tr(label) lang=lang_attr rows=rows
                number=matches!(slot, Slot::MaxChars(_))
                error=self.error(path)
                value=move || form.with(|f| slot.get(f, lang))
                on_input=move |v: String| form.update(|f| slot.set(f, lang, v)) />
        }
    }

    /// The English and Welsh boxes of a slot, side by side.
    pub fn pair(self, slot: Slot, labels: (Key, Key), rows: Option<u32>) -> impl IntoView {
        view! {
            <div class="two-columns">
                {self.text_box(slot, Language::En, labels.0, rows)}
                {self.text_box(slot, Language::Cy, labels.1, rows)}
            </div>
        }
    }
}

/// What the line above the buttons says.
#[derive(Clone)]
enum Notice {
    Plain(Key),
    /// Another officer saved first: who and when.
    Conflict(Option<(String, i64)>),
}

/// Moves focus to the first problem's box once it is drawn, or to the notice when it has none.
fn focus_first(errors: &[FieldError]) {
    let id = errors.first().map(|e| field_id(anchor(&e.field)));
    request_animation_frame(move || match id.filter(|id| document().get_element_by_id(id).is_some()) {
        Some(id) => focus(&id),
        None => focus("survey-notice"),
    });
}

#[component]
pub fn SurveyEditor() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let announce = use_announce();
    page_title(Key::BuilderHeading);
    focus_heading();
    let code = use_params_map().with_untracked(|p| p.get("code")).unwrap_or_default();
    let ed = Editor {
        i18n,
        form: RwSignal::new(tidy(&Form {
            code,
            title: yoursay_core::Bilingual::new("", ""),
            intro: yoursay_core::Bilingual::new("", ""),
            audience: Audience::Everyone,
            questions: Vec::new(),
        })),
        shape: RwSignal::new(0),
        errors: RwSignal::new(Vec::new()),
        catalogue: RwSignal::new(None),
    };
    let loaded = RwSignal::new(None::<Result<(), Key>>);
    let revision = RwSignal::new(0_i64);
    let summary = RwSignal::new(None::<FormSummary>);
    let notice = RwSignal::new(None::<Notice>);
    let busy = RwSignal::new(false);

    let form_code = move || ed.form.with_untracked(|f| f.code.clone());
    let refresh_summary = move || {
        let code = form_code();
        spawn_local(async move {
            if let Ok(list) = api::forms().await {
                summary.set(list.forms.into_iter().find(|f| f.code == code));
            }
        });
    };
    let load = move || {
        let code = form_code();
        spawn_local(async move {
            match api::form_draft(&code).await {
                Ok(draft) => {
                    revision.set(draft.revision);
                    ed.reshape(|f| *f = draft.form);
                    notice.set(None);
                    loaded.set(Some(Ok(())));
                }
                Err(e) => loaded.set(Some(Err(session.fail(&e)))),
            }
        });
    };
    load();
    refresh_summary();
    spawn_local(async move {
        if let Ok(c) = api::catalogue().await {
            ed.catalogue.set(Some(c));
        }
    });

    let failed = move |e: ApiError| {
        let fields = e.field_errors().to_vec();
        notice.set(Some(Notice::Plain(session.fail(&e))));
        focus_first(&fields);
        ed.errors.set(fields);
    };
    // Saves, then publishes when asked; every outcome said in words, problems beside their boxes.
    let save = move |publish: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        announce.clear();
        let form = tidy(&ed.form.get_untracked());
        spawn_local(async move {
            match api::save_form_draft(&form, revision.get_untracked()).await {
                Ok(draft) if !publish => {
                    revision.set(draft.revision);
                    let ready = draft.to_publish.is_empty();
                    notice.set((!ready).then_some(Notice::Plain(Key::BuilderSavedToFix)));
                    announce.say(i18n.t(if ready { Key::BuilderSaved } else { Key::BuilderSavedToFix }));
                    focus_first(&draft.to_publish);
                    ed.errors.set(draft.to_publish);
                }
                Ok(draft) => {
                    revision.set(draft.revision);
                    match api::publish_form(&form.code).await {
                        Ok(outcome) => {
                            ed.errors.set(Vec::new());
                            notice.set(None);
                            let key = if outcome.published { Key::BuilderPublishedAs } else { Key::BuilderUnchanged };
                            announce.say(fill(i18n.t(key), &[("v", outcome.version.to_string())]));
                            refresh_summary();
                        }
                        Err(ApiError::Invalid(fields)) => {
                            notice.set(Some(Notice::Plain(Key::BuilderNotPublishable)));
                            focus_first(&fields);
                            ed.errors.set(fields);
                        }
                        Err(e) => failed(e),
                    }
                }
                Err(ApiError::Conflict) => {
                    // Who saved first, from the draft as it now is; what was typed here stays.
                    let theirs = api::form_draft(&form.code).await.ok().map(|d| (d.updated_by, d.updated_at));
                    notice.set(Some(Notice::Conflict(theirs)));
                    request_animation_frame(|| focus("survey-notice"));
                }
                Err(e) => failed(e),
            }
            busy.set(false);
        });
    };
    let retire = move |retire: bool| {
        let code = form_code();
        spawn_local(async move {
            match api::set_form_retired(&code, retire).await {
                Ok(s) => {
                    announce.say(i18n.t(if retire { Key::BuilderRetiredDone } else { Key::BuilderRestoredDone }));
                    summary.set(Some(s));
                }
                Err(e) => notice.set(Some(Notice::Plain(session.fail(&e)))),
            }
        });
    };

    let audiences = Signal::derive(move || {
        Audience::ALL.into_iter().map(|a| (a.code().to_owned(), i18n.t(audience_key(a)).to_owned())).collect()
    });
    let notice_view = move || {
        notice.get().map(|n| {
            let lang = i18n.lang.get();
            let (text, conflict) = match n {
                Notice::Plain(key) => (i18n.t(key).to_owned(), false),
                Notice::Conflict(theirs) => {
                    let (who, when) = match theirs {
                        Some((who, at)) => (who, date_time(at, lang)),
                        None => (i18n.t(Key::BuilderSomeone).to_owned(), String::new()),
                    };
                    (fill(i18n.t(Key::BuilderConflict), &[("who", who), ("when", when)]), true)
                }
            };
            view! {
                <div class="error-summary" id="survey-notice" tabindex="-1" role="alert">
                    <p>{text}</p>
                    {conflict.then(|| view! {
                        <button type="button" class="button secondary" on:click=move |_| load()>{i18n.t(Key::BuilderReload)}</button>
                    })}
                </div>
            }
        })
    };
    let state_view = move || {
        let lang = i18n.lang.get();
        summary.get().map(|s| {
            let version = match &s.latest {
                Some(v) => fill(i18n.t(Key::BuilderPublished), &[("v", number(f64::from(v.version), lang))]),
                None => i18n.t(Key::SurveysNotPublished).to_owned(),
            };
            let retired = s.retired;
            view! {
                <p data-testid="survey-state">{version}</p>
                {retired.then(|| view! { <p class="notice">{i18n.t(Key::BuilderRetiredNote)}</p> })}
                {s.latest.is_some().then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| retire(!retired)>
                        {i18n.t(if retired { Key::BuilderRestore } else { Key::BuilderRetire })}
                    </button>
                })}
            }
        })
    };

    view! {
        <section class="page survey-editor">
            <p><A href="/officer/surveys">{i18n.tr(Key::BuilderBack)}</A></p>
            <h1 tabindex="-1">{i18n.tr(Key::BuilderHeading)}</h1>
            <p>{move || fill(i18n.t(Key::BuilderCodeLine), &[("code", form_code())])}</p>
            <div class="actions">{state_view}</div>
            {move || match loaded.get() {
                None => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
                Some(Err(key)) => view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
                Some(Ok(())) => view! {
                    <form class="item-form" novalidate aria-labelledby="survey-about" on:submit=move |ev| { ev.prevent_default(); save(false); }>
                        <h2 id="survey-about">{i18n.tr(Key::BuilderAbout)}</h2>
                        {ed.pair(Slot::Title, (Key::BuilderTitleEn, Key::BuilderTitleCy), None)}
                        {ed.pair(Slot::Intro, (Key::BuilderIntroEn, Key::BuilderIntroCy), Some(3))}
                        <SelectBox id="survey-audience" label=i18n.tr(Key::BuilderAudience) options=audiences
                            selected=Signal::derive(move || ed.form.with(|f| f.audience.code().to_owned()))
                            on_change=move |chosen: String| {
                                if let Some(a) = Audience::ALL.into_iter().find(|a| a.code() == chosen) {
                                    ed.form.update(|f| f.audience = a);
                                }
                            }
                            error=ed.error("audience".into()) />
                        <Questions ed=ed />
                        {notice_view}
                        <div class="actions">
                            <button type="submit" class="button secondary" disabled=move || busy.get()>{i18n.tr(Key::BuilderSave)}</button>
                            <button type="button" class="button" disabled=move || busy.get() on:click=move |_| save(true)>{i18n.tr(Key::BuilderPublish)}</button>
                        </div>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
