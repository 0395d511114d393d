use leptos::prelude::*;
use leptos::task::spawn_local;

use super::paging::Paging;
use super::responses::progress_key;
use crate::address::use_list_address;
use crate::api::{self, AuditFacts, AuditItem, Page};
use crate::filters::FilterValues;
use crate::i18n::{app, officer::Key, use_i18n, I18n};
use crate::ui::{date_time, day, fill, focus_heading, number, page_title, role_words, use_session};
use yoursay_core::you_said::Progress;
use yoursay_core::EntryKind;

const PER_PAGE: u32 = 50;

fn action_key(action: &str) -> Option<Key> {
    Some(match action {
        "sign_in" => Key::ActionSignIn,
        "sign_in_failed" => Key::ActionSignInFailed,
        "sign_in_throttled" => Key::ActionSignInThrottled,
        "sign_out" => Key::ActionSignOut,
        "view_review" => Key::ActionViewReview,
        "view_hide" => Key::ActionViewHide,
        "view_unhide" => Key::ActionViewUnhide,
        "view_follow_up" => Key::ActionViewFollowUp,
        "view_unreview" => Key::ActionViewUnreview,
        "view_undo_follow_up" => Key::ActionViewUndoFollowUp,
        "view_safe_to_quote" => Key::ActionViewSafeToQuote,
        "view_not_safe_to_quote" => Key::ActionViewNotSafeToQuote,
        "form_create" => Key::ActionFormCreate,
        "form_draft_save" => Key::ActionFormDraftSave,
        "form_publish" => Key::ActionFormPublish,
        "form_retire" => Key::ActionFormRetire,
        "form_restore" => Key::ActionFormRestore,
        "response_create" => Key::ActionResponseCreate,
        "response_draft_save" => Key::ActionResponseDraftSave,
        "response_correct" => Key::ActionResponseCorrect,
        "response_publish" => Key::ActionResponsePublish,
        "response_update" => Key::ActionResponseUpdate,
        "response_withdraw" => Key::ActionResponseWithdraw,
        "response_views" => Key::ActionResponseViews,
        "entry_erase" => Key::ActionEntryErase,
        "keywords_update" => Key::ActionKeywordsUpdate,
        "catalogue_add" => Key::ActionCatalogueAdd,
        "catalogue_edit" => Key::ActionCatalogueEdit,
        "catalogue_retire" => Key::ActionCatalogueRetire,
        "catalogue_restore" => Key::ActionCatalogueRestore,
        "event_create" => Key::ActionEventCreate,
        "event_edit" => Key::ActionEventEdit,
        "event_close" => Key::ActionEventClose,
        "event_reopen" => Key::ActionEventReopen,
        "export" => Key::ActionExport,
        "settings_update" => Key::ActionSettingsUpdate,
        "retention_run" => Key::ActionRetentionRun,
        "officer_set_password" => Key::ActionOfficerSetPassword,
        _ => return None,
    })
}

/// An audit line's particulars in the officer's language, from its facts; a line written before facts
/// were kept shows its English detail as it is.
fn facts_words(i18n: I18n, facts: &AuditFacts) -> String {
    let lang = i18n.lang.get_untracked();
    let n = |v: f64| number(v, lang);
    let say = |key: Key, values: &[(&str, String)]| fill(i18n.t(key), values);
    match facts {
        AuditFacts::Version { version } => say(Key::AuditFactsVersion, &[("version", n(*version as f64))]),
        AuditFacts::Unchanged { version } => say(Key::AuditFactsUnchanged, &[("version", n(*version as f64))]),
        AuditFacts::Blank => i18n.t(Key::AuditFactsBlank).to_owned(),
        AuditFacts::StartingPoint { name } => say(Key::AuditFactsStartingPoint, &[("name", name.clone())]),
        AuditFacts::CopyOf { source, version: Some(v) } => {
            say(Key::AuditFactsCopyVersion, &[("source", source.clone()), ("version", n(*v as f64))])
        }
        AuditFacts::CopyOf { source, version: None } => say(Key::AuditFactsCopyDraft, &[("source", source.clone())]),
        AuditFacts::RiskWords { english, welsh, flagged } => say(
            Key::AuditFactsRiskWords,
            &[("english", n(*english as f64)), ("welsh", n(*welsh as f64)), ("flagged", n(*flagged as f64))],
        ),
        AuditFacts::Setting { name, value } if name == "retention_months" => {
            say(Key::AuditFactsRetentionMonths, &[("n", n(*value as f64))])
        }
        AuditFacts::Setting { name, value } if name == "min_cell" => {
            say(Key::AuditFactsMinCell, &[("n", n(*value as f64))])
        }
        AuditFacts::Setting { name, value } => format!("{name}: {}", n(*value as f64)),
        AuditFacts::RetentionRun { deleted, cutoff, months, .. } => say(
            Key::AuditFactsRetentionRun,
            &[("deleted", n(*deleted as f64)), ("date", date_time(*cutoff, lang)), ("months", n(*months as f64))],
        ),
        AuditFacts::Export { rows, filters, finished } => {
            let given = if filters.is_empty() {
                i18n.t(Key::AuditFactsEverything).to_owned()
            } else {
                filters.iter().map(|(name, value)| filter_words(i18n, name, value)).collect::<Vec<_>>().join("; ")
            };
            let key = if *finished { Key::AuditFactsExport } else { Key::AuditFactsExportCut };
            say(key, &[("rows", n(*rows as f64)), ("filters", given)])
        }
        AuditFacts::PinChanged => i18n.t(Key::AuditFactsPinChanged).to_owned(),
        AuditFacts::Progress { progress } => match Progress::parse(progress) {
            Some(p) => say(Key::AuditFactsProgress, &[("progress", i18n.t(progress_key(p)).to_owned())]),
            None => progress.clone(),
        },
        AuditFacts::Officer { created: true } => i18n.t(Key::AuditFactsOfficerCreated).to_owned(),
        AuditFacts::Officer { created: false } => i18n.t(Key::AuditFactsPasswordChanged).to_owned(),
        AuditFacts::AnsweredViews { views } => say(Key::AuditFactsAnsweredViews, &[("views", n(*views as f64))]),
    }
}

/// One export filter as the officer chose it: "From (first day): 1 October 2025", "Role: Foster carer".
fn filter_words(i18n: I18n, name: &str, value: &str) -> String {
    let lang = i18n.lang.get_untracked();
    let (label, value) = match name {
        "from" => (Some(Key::FiltersFrom), day(value, lang)),
        "to" => (Some(Key::FiltersTo), day(value, lang)),
        "event" => (Some(Key::FiltersEvent), value.to_owned()),
        "role" => (Some(Key::FiltersRole), role_words(i18n, value)),
        "kind" => (
            Some(Key::FiltersKind),
            match EntryKind::parse(value) {
                Ok(EntryKind::View) => i18n.t(app::Key::KindView).to_owned(),
                Ok(EntryKind::Rating) => i18n.t(app::Key::KindRating).to_owned(),
                Ok(EntryKind::Survey) => i18n.t(Key::FiltersKindSurvey).to_owned(),
                Err(_) => value.to_owned(),
            },
        ),
        _ => (None, value.to_owned()),
    };
    match label {
        Some(label) => format!("{}: {value}", i18n.t(label)),
        None => format!("{name}: {value}"),
    }
}

#[component]
pub fn Audit() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    page_title(Key::AuditTitle);
    focus_heading();
    // The log has no filters, only pages: its page is kept in the address like the inbox's.
    let page = use_list_address(|| "/audit".to_owned(), RwSignal::new(FilterValues::default())).page;
    let data = RwSignal::new(None::<Result<Page<AuditItem>, Key>>);
    Effect::new(move |_| {
        let p = page.get();
        spawn_local(async move {
            data.set(Some(api::audit(p, PER_PAGE).await.map_err(|e| session.fail(&e))));
        });
    });
    let total =
        Signal::derive(move || data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map(|p| p.total).unwrap_or(0)));
    view! {
        <section class="page audit">
            <h1 tabindex="-1">{i18n.tr(Key::AuditTitle)}</h1>
            <p class="intro">{i18n.tr(Key::AuditIntro)}</p>
            {move || {
                let lang = i18n.lang.get();
                match data.get() {
                    None => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
                    Some(Err(key)) => view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
                    Some(Ok(p)) => view! {
                        <div class="table-wrap">
                            <table class="data audit-table">
                                <caption class="visually-hidden">{i18n.t(Key::AuditTitle)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{i18n.t(Key::AuditWhen)}</th>
                                        <th scope="col">{i18n.t(Key::AuditWho)}</th>
                                        <th scope="col">{i18n.t(Key::AuditAction)}</th>
                                        <th scope="col">{i18n.t(Key::AuditTarget)}</th>
                                        <th scope="col">{i18n.t(Key::AuditDetail)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {p.items.into_iter().map(|item| {
                                        let action = action_key(&item.action).map(|k| i18n.t(k).to_owned()).unwrap_or(item.action.clone());
                                        let detail = match &item.facts {
                                            Some(facts) => view! { <td>{facts_words(i18n, facts)}</td> }.into_any(),
                                            None => view! { <td lang="en">{item.detail.clone().unwrap_or_default()}</td> }.into_any(),
                                        };
                                        view! {
                                            <tr>
                                                <td><time datetime=item.at_iso.clone()>{date_time(item.at, lang)}</time></td>
                                                <td>{item.actor}</td>
                                                <td>{action}</td>
                                                <td>{item.target.unwrap_or_default()}</td>
                                                {detail}
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                }
            }}
            <Paging page=page total=total per_page=PER_PAGE />
        </section>
    }
}
