use leptos::prelude::*;
use yoursay_core::{ContactLine, ContactWire, EntryKind, ErrorCode, ViewText};

use crate::components::about_you::AboutYou;
use crate::compose::{check, Envelope};
use crate::drafts::SayDraft;
use crate::i18n::{error_key, use_i18n, Key};
use crate::state::use_app_state;

/// "Say something": free text, optional promise tags, optional "about you".
#[component]
pub fn Say() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let nav = crate::router::use_nav();
    crate::platform::focus_heading();

    // What was typed is kept for the visit (in memory only) if the person looks at help or privacy first.
    let draft = crate::drafts::use_drafts().say;
    let SayDraft { text, tags, wants_contact, contact_name, contact_how, .. } = draft;
    let (role, age_band) = (draft.about.role, draft.about.age_band);
    // What is wrong, and the id of the field it is about (the message is shown next to that field).
    let error = RwSignal::new(None::<(Key, &'static str)>);
    let text_error = move || error.get().filter(|(_, field)| *field == "say-text").map(|(k, _)| k);
    let other_error = move || error.get().filter(|(_, field)| *field != "say-text").map(|(k, _)| k);
    let saving = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let envelope = Envelope {
            language: i18n.lang.get_untracked(),
            role: role.get_untracked(),
            age_band: age_band.get_untracked(),
        };
        let wire = envelope.open(EntryKind::View).map(|mut w| {
            w.text = Some(text.get_untracked());
            w.promises = Some(tags.get_untracked());
            if wants_contact.get_untracked() {
                w.contact = Some(ContactWire { name: contact_name.get_untracked(), how: contact_how.get_untracked() });
            }
            w
        });
        let checked = wire.map_err(|e| vec![e]).and_then(check);
        let wire = match checked {
            Ok(w) => w,
            Err(errors) => {
                let Some(first) = errors.first() else { return };
                let shown = match (first.field.as_str(), first.code) {
                    ("text", ErrorCode::Empty) => (Key::SayErrorEmpty, "say-text"),
                    ("text", ErrorCode::TooLong) => (Key::SayErrorTooLong, "say-text"),
                    ("contact.name", _) => (Key::ContactErrorName, "contact-name"),
                    ("contact.how", _) => (Key::ContactErrorHow, "contact-how"),
                    (_, code) => (error_key(code), "say-text"),
                };
                error.set(Some(shown));
                crate::platform::focus_by_id(shown.1);
                return;
            }
        };
        super::save_then_thank((state, nav), wire, saving, move |saved| match saved {
            true => draft.clear(),
            false => error.set(Some((Key::SaveFailed, "say-submit"))),
        });
    };

    let count = move || text.with(|t| t.trim().chars().count());
    let toggle_tag = move |code: String| {
        tags.update(|t| match t.iter().position(|c| *c == code) {
            Some(i) => {
                t.remove(i);
            }
            None => t.push(code),
        })
    };

    view! {
        <section class="page say">
            <h1 tabindex="-1">{i18n.tr(Key::SayTitle)}</h1>
            <p class="notice" id="say-who-reads">{i18n.tr(Key::SayWhoReads)}</p>
            <form on:submit=submit novalidate>
                <label for="say-text" class="label-big">{i18n.tr(Key::SayLabel)}</label>
                <p class="hint" id="say-hint">{i18n.tr(Key::SayHint)}</p>
                <Show when=move || text_error().is_some()>
                    <p class="error" id="say-error" role="alert">
                        {move || text_error().map(|k| i18n.t(k))}
                    </p>
                </Show>
                <textarea
                    id="say-text"
                    name="text"
                    rows="6"
                    maxlength=ViewText::MAX_CHARS
                    aria-describedby=move || {
                        if text_error().is_some() { "say-error say-hint say-count" } else { "say-hint say-count" }
                    }
                    aria-invalid=move || text_error().is_some().then_some("true")
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        error.set(None);
                    }
                ></textarea>
                <p class="hint counter" id="say-count">
                    {move || count()} " / " {ViewText::MAX_CHARS}
                </p>
                <fieldset class="tags">
                    <legend>{i18n.tr(Key::SayTagsLegend)}</legend>
                    <p class="hint">{i18n.tr(Key::SayTagsHint)}</p>
                    <div class="tag-list">
                        {move || {
                            state
                                .catalogue
                                .get()
                                .active_promises()
                                .map(|p| {
                                    let code = p.code.clone();
                                    let id = format!("tag-{}", p.code);
                                    let checked_code = code.clone();
                                    view! {
                                        <div class="tag">
                                            <input
                                                type="checkbox"
                                                id=id.clone()
                                                prop:checked=move || tags.with(|t| t.contains(&checked_code))
                                                on:change=move |_| toggle_tag(code.clone())
                                            />
                                            <label for=id>{i18n.pick(&p.name)}</label>
                                        </div>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                </fieldset>
                <AboutYou role=role age_band=age_band />
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
