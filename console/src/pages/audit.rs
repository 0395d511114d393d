use leptos::prelude::*;
use leptos::task::spawn_local;

use super::paging::Paging;
use crate::api::{self, AuditItem, Page};
use crate::i18n::{officer::Key, use_i18n};
use crate::ui::{date_time, focus_heading, page_title, use_session};

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

#[component]
pub fn Audit() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    page_title(Key::AuditTitle);
    focus_heading();
    let page = RwSignal::new(1u32);
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
                                        view! {
                                            <tr>
                                                <td><time datetime=item.at_iso.clone()>{date_time(item.at, lang)}</time></td>
                                                <td>{item.actor}</td>
                                                <td>{action}</td>
                                                <td>{item.target.unwrap_or_default()}</td>
                                                <td lang="en">{item.detail.unwrap_or_default()}</td>
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
