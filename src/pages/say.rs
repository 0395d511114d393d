use leptos::prelude::*;
use yoursay_core::form::builtin::{self, BUILTIN_VERSION};
use yoursay_core::form::Kind;
use yoursay_core::{ContactLine, ContactWire, EntryWire, ErrorCode, FieldError, Language};

use crate::components::about_you::AboutYou;
use crate::drafts::SayDraft;
use crate::i18n::{error_key, use_i18n, Key};
use crate::runner::send::{check, compose, save_then_thank};
use crate::runner::text::{TextAnswer, TEXT_ID};
use crate::runner::{steps, Answered};
use crate::state::use_app_state;

/// "Say something", the built-in form of one free-text question with promise tags, all on one page: the
/// question, "about you", then the optional "contact me".
#[component]
pub fn Say() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let nav = crate::router::use_nav();
    crate::platform::focus_heading();

    // What was typed is kept for the visit (in memory only) if the person looks at help or privacy first.
    let draft = crate::drafts::use_drafts().say;
    let SayDraft { text, tags, wants_contact, contact_name, contact_how, .. } = draft;
    // What is wrong, and the id of the field it is about (the message is shown next to that field).
    let error = RwSignal::new(None::<(Key, &'static str)>);
    let text_error = move || error.get().filter(|(_, field)| *field == TEXT_ID).map(|(k, _)| k);
    let other_error = move || error.get().filter(|(_, field)| *field != TEXT_ID).map(|(k, _)| k);
    let saving = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let checked = entry(draft, i18n.lang.get_untracked());
        let wire = match checked {
            Ok(w) => w,
            Err(errors) => {
                let Some(first) = errors.first() else { return };
                let shown = match (first.field.as_str(), first.code) {
                    ("text", ErrorCode::Empty) => (Key::SayErrorEmpty, TEXT_ID),
                    ("text", ErrorCode::TooLong) => (Key::SayErrorTooLong, TEXT_ID),
                    ("contact.name", _) => (Key::ContactErrorName, "contact-name"),
                    ("contact.how", _) => (Key::ContactErrorHow, "contact-how"),
                    (_, code) => (error_key(code), TEXT_ID),
                };
                error.set(Some(shown));
                crate::platform::focus_by_id(shown.1);
                return;
            }
        };
        save_then_thank((state, nav), wire, saving, move |saved| match saved {
            true => draft.clear(),
            false => error.set(Some((Key::SaveFailed, "say-submit"))),
        });
    };

    let mut form = builtin::say_something();
    let (title, question) = (form.title, form.questions.remove(0));
    let max_chars = if let Kind::Text(limit) = &question.kind { limit.max_chars } else { 0 };
    let (prompt, help) = (question.prompt, question.help);

    view! {
        <section class="page say">
            <h1 tabindex="-1">{move || i18n.pick(&title)}</h1>
            <p class="notice" id="say-who-reads">{i18n.tr(Key::SayWhoReads)}</p>
            <form on:submit=submit novalidate>
                <label for=TEXT_ID class="label-big">{move || i18n.pick(&prompt)}</label>
                <p class="hint" id="say-hint">{move || help.as_ref().map(|h| i18n.pick(h)).unwrap_or_default()}</p>
                <Show when=move || text_error().is_some()>
                    <p class="error" id="say-error" role="alert">
                        {move || text_error().map(|k| i18n.t(k))}
                    </p>
                </Show>
                <TextAnswer
                    max_chars=max_chars
                    text=text
                    tags=Some(tags)
                    described_by=move || if text_error().is_some() { "say-error say-hint" } else { "say-hint" }
                    invalid=move || text_error().is_some()
                    on_input=move || error.set(None)
                />
                <AboutYou role=draft.about.role age_band=draft.about.age_band />
                <fieldset class="contact">
                    <legend>{i18n.tr(Key::ContactLegend)}</legend>
                    <p class="hint">{i18n.tr(Key::ContactHint)}</p>
                    <div class="check-row">
                        <input
                            type="checkbox"
                            id="contact-me"
                            prop:checked=move || wants_contact.get()
                            on:change=move |_| {
                                let on = !wants_contact.get_untracked();
                                wants_contact.set(on);
                                if !on {
                                    contact_name.set(String::new());
                                    contact_how.set(String::new());
                                }
                            }
                        />
                        <label for="contact-me">{i18n.tr(Key::ContactMe)}</label>
                    </div>
                    <Show when=move || wants_contact.get()>
                        <div class="contact-fields">
                            <p class="notice">{i18n.tr(Key::ContactPrivacy)}</p>
                            <label for="contact-name">{i18n.tr(Key::ContactName)}</label>
                            <input
                                type="text"
                                id="contact-name"
                                // Not remembered by the browser: the next person on a shared tablet must not
                                // be offered this person's name or number as a suggestion.
                                autocomplete="off"
                                aria-describedby=move || {
                                    matches!(error.get(), Some((_, "contact-name"))).then_some("say-other-error")
                                }
                                aria-invalid=move || matches!(error.get(), Some((_, "contact-name"))).then_some("true")
                                maxlength=ContactLine::MAX_CHARS
                                prop:value=move || contact_name.get()
                                on:input=move |ev| contact_name.set(event_target_value(&ev))
                            />
                            <label for="contact-how">{i18n.tr(Key::ContactHow)}</label>
                            <p class="hint" id="contact-how-hint">{i18n.tr(Key::ContactHowHint)}</p>
                            <input
                                type="text"
                                id="contact-how"
                                autocomplete="off"
                                aria-describedby=move || {
                                    if matches!(error.get(), Some((_, "contact-how"))) {
                                        "say-other-error contact-how-hint"
                                    } else {
                                        "contact-how-hint"
                                    }
                                }
                                aria-invalid=move || matches!(error.get(), Some((_, "contact-how"))).then_some("true")
                                maxlength=ContactLine::MAX_CHARS
                                prop:value=move || contact_how.get()
                                on:input=move |ev| contact_how.set(event_target_value(&ev))
                            />
                        </div>
                    </Show>
                </fieldset>
                <Show when=move || other_error().is_some()>
                    <p class="error" id="say-other-error" role="alert">{move || other_error().map(|k| i18n.t(k))}</p>
                </Show>
                <button type="submit" id="say-submit" class="button button-primary" disabled=move || saving.get()>
                    {i18n.tr(Key::SaySubmit)}
                </button>
            </form>
        </section>
    }
}

/// The entry for what was typed, through the runner like any form, with the contact details if "contact
/// me" is ticked; checked as the server will. The form is made afresh here rather than kept for the page:
/// cheaper on the phone's download.
fn entry(draft: SayDraft, language: Language) -> Result<EntryWire, Vec<FieldError>> {
    let form = builtin::say_something();
    let answers = [Some(Answered::Text { text: draft.text.get_untracked(), promises: draft.tags.get_untracked() })];
    if steps::first_missing(&form.questions, &answers).is_some() {
        return Err(vec![FieldError::new("text", ErrorCode::Empty)]);
    }
    let envelope = draft.about.envelope(language);
    let mut wire = compose(&form.code, BUILTIN_VERSION, &form.questions, &answers, envelope).map_err(|e| vec![e])?;
    if draft.wants_contact.get_untracked() {
        wire.contact =
            Some(ContactWire { name: draft.contact_name.get_untracked(), how: draft.contact_how.get_untracked() });
    }
    check(wire)
}
