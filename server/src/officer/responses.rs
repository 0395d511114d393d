//! The officer's "you said, we did" under `/api/v1/officer/responses`: drafts (private), publishing (both
//! languages), dated progress updates, corrections and withdrawal, each audited. Every change devices must
//! hear of takes the next change number (`store::responses::next_change`); the device feed is
//! `crate::routes::responses`. Which views a response answers is `views`.

mod views;
pub use views::answered_by;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use sqlx::AnyConnection;
use yoursay_core::officer::AuditFacts;
use yoursay_core::you_said::{NewUpdate, ResponseDetail, ResponseList, ResponseState, ResponseText, Update};
use yoursay_core::{Bilingual, Catalogue, ErrorCode, FieldError};

use super::session::Officer;
use crate::clock::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::state::AppState;
use crate::store::audit;
use crate::store::responses::{self as store, StoredResponse, StoredUpdate};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/responses", get(list).post(create))
        .route("/responses/{id}", get(one).put(edit))
        .route("/responses/{id}/publish", post(publish))
        .route("/responses/{id}/updates", post(add_update))
        .route("/responses/{id}/withdraw", post(withdraw))
        .route("/responses/{id}/views", put(views::set))
}

fn target(id: &str) -> String {
    format!("response:{id}")
}

/// Stored text was written by this server from a valid `ResponseText`: failing to read it is ours.
pub(crate) fn read_text(body: &str) -> ApiResult<ResponseText> {
    serde_json::from_str(body).map_err(|e| ApiError::Internal(anyhow::Error::from(e).context("a stored response")))
}

fn write_text(text: &ResponseText) -> ApiResult<String> {
    serde_json::to_string(text).map_err(|e| ApiError::Internal(e.into()))
}

pub(crate) fn read_updates(stored: Vec<StoredUpdate>) -> ApiResult<Vec<Update>> {
    stored
        .into_iter()
        .map(|u| {
            let progress = yoursay_core::you_said::Progress::parse(&u.progress)
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("stored progress {}", u.progress)))?;
            Ok(Update { at: u.at, progress, text: Bilingual { en: u.text_en, cy: u.text_cy } })
        })
        .collect()
}

pub(crate) fn state_of(stored: &StoredResponse) -> ApiResult<ResponseState> {
    ResponseState::parse(&stored.state)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("stored state {}", stored.state)))
}

/// Everything that stops `text` going out: core's rules, and a quote of a view not marked safe to quote.
async fn problems(conn: &mut AnyConnection, text: &ResponseText, catalogue: &Catalogue) -> ApiResult<Vec<FieldError>> {
    let mut errors = text.publishable(catalogue).err().unwrap_or_default();
    if let Some(view) = &text.quote {
        if crate::store::views::quotable_text(conn, view).await?.is_none() {
            errors.push(FieldError::new("quote", ErrorCode::Conflict));
        }
    }
    Ok(errors)
}

/// Refuses to send `text` to devices while anything stops it.
async fn check_publishable(
    conn: &mut AnyConnection,
    text: &ResponseText,
    catalogue: &Catalogue,
    why: &str,
) -> ApiResult<()> {
    let errors = problems(conn, text, catalogue).await?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::bad_request(why.to_owned(), errors))
    }
}

/// After a view is hidden or no longer safe to quote: every published response quoting it takes a change
/// number, so devices fetch it again, now without the quote.
pub async fn quote_taken_back(conn: &mut AnyConnection, view: &str) -> ApiResult<()> {
    for (id, body) in store::published(conn).await? {
        if read_text(&body)?.quote.as_deref() == Some(view) {
            let change = store::next_change(conn).await?;
            store::touch(conn, &id, change, now_ms()).await?;
        }
    }
    Ok(())
}

/// After a view is erased: no response may keep pointing at it. Its quote is taken out of every response
/// (drafts too, so it cannot be published with it); a published one takes a change number, so devices fetch
/// it again without the quote.
pub async fn quote_erased(conn: &mut AnyConnection, view: &str) -> ApiResult<()> {
    for stored in store::all(conn).await? {
        let mut text = read_text(&stored.body)?;
        if text.quote.as_deref() != Some(view) {
            continue;
        }
        text.quote = None;
        let change = match state_of(&stored)? {
            ResponseState::Published => Some(store::next_change(conn).await?),
            _ => None,
        };
        store::save(conn, &stored.id, &write_text(&text)?, &stored.state, now_ms(), None, change).await?;
    }
    Ok(())
}

async fn detail(conn: &mut AnyConnection, stored: StoredResponse, catalogue: &Catalogue) -> ApiResult<ResponseDetail> {
    let text = read_text(&stored.body)?;
    let to_publish = problems(conn, &text, catalogue).await?;
    Ok(ResponseDetail {
        state: state_of(&stored)?,
        updates: read_updates(store::updates(conn, &stored.id).await?)?,
        views: store::views_of(conn, &stored.id).await?,
        id: stored.id,
        text,
        created_at: stored.created_at,
        updated_at: stored.updated_at,
        published_at: stored.published_at,
        to_publish,
    })
}

async fn found(conn: &mut AnyConnection, id: &str) -> ApiResult<StoredResponse> {
    store::get(conn, id).await?.ok_or(ApiError::NotFound)
}

/// The response, which must be in state `must_be` for the change asked of it; otherwise the change is
/// refused (400) naming `state` with the code `conflict`.
async fn found_in(conn: &mut AnyConnection, id: &str, must_be: ResponseState) -> ApiResult<StoredResponse> {
    let stored = found(conn, id).await?;
    if state_of(&stored)? != must_be {
        return Err(ApiError::field(FieldError::new("state", ErrorCode::Conflict)));
    }
    Ok(stored)
}

/// Every change answers with the response as it now is, read inside the change's transaction, which
/// then commits.
async fn commit_and_show(
    mut tx: sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
    catalogue: &Catalogue,
) -> ApiResult<ResponseDetail> {
    let stored = found(&mut tx, id).await?;
    let view = detail(&mut tx, stored, catalogue).await?;
    tx.commit().await?;
    Ok(view)
}

fn new_id() -> ApiResult<String> {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).map_err(|e| ApiError::Internal(anyhow::anyhow!("no randomness: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
async fn list(State(state): State<AppState>, officer: Officer) -> ApiResult<Json<ResponseList>> {
    let mut conn = state.pool.acquire().await?;
    let catalogue = state.catalogue();
    let mut responses = Vec::new();
    for stored in store::all(&mut conn).await? {
        responses.push(detail(&mut conn, stored, &catalogue).await?);
    }
    Ok(Json(ResponseList { responses }))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
async fn one(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> ApiResult<Json<ResponseDetail>> {
    let mut conn = state.pool.acquire().await?;
    let stored = found(&mut conn, &id).await?;
    Ok(Json(detail(&mut conn, stored, &state.catalogue()).await?))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
async fn create(
    State(state): State<AppState>,
    officer: Officer,
    ApiJson(text): ApiJson<ResponseText>,
) -> ApiResult<(StatusCode, Json<ResponseDetail>)> {
    let catalogue = state.catalogue();
    text.check_draft(&catalogue)
        .map_err(|errors| ApiError::bad_request("The response cannot be kept as it is.", errors))?;
    let id = new_id()?;
    let mut tx = state.pool.begin().await?;
    store::insert(&mut tx, &id, &write_text(&text.normalised())?, now_ms(), &officer.email).await?;
    audit::record(&mut tx, &officer.email, "response_create", Some(&target(&id)), None).await?;
    Ok((StatusCode::CREATED, Json(commit_and_show(tx, &id, &catalogue).await?)))
}

/// A draft is saved as it is; a published response is corrected, which needs both languages and tells
/// devices to replace their copy. A withdrawn one stays as it was.
#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
async fn edit(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
    ApiJson(text): ApiJson<ResponseText>,
) -> ApiResult<Json<ResponseDetail>> {
    let catalogue = state.catalogue();
    let mut tx = state.pool.begin().await?;
    let stored = found(&mut tx, &id).await?;
    let state_now = state_of(&stored)?;
    let change = match state_now {
        ResponseState::Draft => {
            text.check_draft(&catalogue)
                .map_err(|e| ApiError::bad_request("The response cannot be kept as it is.", e))?;
            None
        }
        ResponseState::Published => {
            check_publishable(&mut tx, &text, &catalogue, "A published response needs both languages.").await?;
            Some(store::next_change(&mut tx).await?)
        }
        ResponseState::Withdrawn => {
            return Err(ApiError::field(FieldError::new("state", ErrorCode::Conflict)));
        }
    };
    let now = now_ms();
    store::save(&mut tx, &id, &write_text(&text.normalised())?, state_now.code(), now, None, change).await?;
    let action = if change.is_some() { "response_correct" } else { "response_draft_save" };
    audit::record(&mut tx, &officer.email, action, Some(&target(&id)), None).await?;
    Ok(Json(commit_and_show(tx, &id, &catalogue).await?))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
async fn publish(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> ApiResult<Json<ResponseDetail>> {
    let catalogue = state.catalogue();
    let mut tx = state.pool.begin().await?;
    let stored = found_in(&mut tx, &id, ResponseState::Draft).await?;
    let text = read_text(&stored.body)?;
    check_publishable(&mut tx, &text, &catalogue, "The response cannot be published yet.").await?;
    let change = store::next_change(&mut tx).await?;
    let now = now_ms();
    store::save(&mut tx, &id, &stored.body, ResponseState::Published.code(), now, Some(now), Some(change)).await?;
    audit::record(&mut tx, &officer.email, "response_publish", Some(&target(&id)), None).await?;
    Ok(Json(commit_and_show(tx, &id, &catalogue).await?))
}

/// Progress is added, never overwritten: the update joins the timeline and becomes the response's progress.
#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
async fn add_update(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
    ApiJson(update): ApiJson<NewUpdate>,
) -> ApiResult<Json<ResponseDetail>> {
    update.check().map_err(|e| ApiError::bad_request("The update needs both languages.", e))?;
    let catalogue = state.catalogue();
    let mut tx = state.pool.begin().await?;
    let stored = found_in(&mut tx, &id, ResponseState::Published).await?;
    let change = store::next_change(&mut tx).await?;
    let now = now_ms();
    let written = StoredUpdate {
        at: now,
        progress: update.progress.code().to_owned(),
        text_en: update.text.en.trim().to_owned(),
        text_cy: update.text.cy.trim().to_owned(),
    };
    store::add_update(&mut tx, &id, &written, &officer.email).await?;
    let progress_facts = AuditFacts::Progress { progress: written.progress.clone() };
    let mut text = read_text(&stored.body)?;
    text.progress = update.progress;
    store::save(&mut tx, &id, &write_text(&text)?, ResponseState::Published.code(), now, None, Some(change)).await?;
    audit::record(&mut tx, &officer.email, "response_update", Some(&target(&id)), Some(&progress_facts)).await?;
    Ok(Json(commit_and_show(tx, &id, &catalogue).await?))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, id = %id))]
async fn withdraw(
    State(state): State<AppState>,
    officer: Officer,
    Path(id): Path<String>,
) -> ApiResult<Json<ResponseDetail>> {
    let catalogue = state.catalogue();
    let mut tx = state.pool.begin().await?;
    let stored = found_in(&mut tx, &id, ResponseState::Published).await?;
    let change = store::next_change(&mut tx).await?;
    store::save(&mut tx, &id, &stored.body, ResponseState::Withdrawn.code(), now_ms(), None, Some(change)).await?;
    audit::record(&mut tx, &officer.email, "response_withdraw", Some(&target(&id)), None).await?;
    Ok(Json(commit_and_show(tx, &id, &catalogue).await?))
}
