//! The officer's surveys (`/api/v1/officer/forms`): a draft per form that the officer edits freely, and
//! published versions that never change. Publishing is core's [`form::publish`] against the form's whole
//! stored history, so every publishing and versioning rule lives in one place.

use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use sqlx::AnyConnection;
use yoursay_core::form::api::{
    Draft, DraftState, FormList, FormSummary, NewForm, PublishOutcome, PublishedVersion, StartFrom, VersionInfo,
};
use yoursay_core::form::{self, builtin, draft, starting_points, Audience, Form, Publication, PublishedForm};
use yoursay_core::officer::AuditFacts;
use yoursay_core::{Bilingual, Catalogue, ErrorCode, FieldError, ItemCode};

use super::session::Officer;
use crate::clock::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::filters::{param, Params};
use crate::json::ApiJson;
use crate::state::AppState;
use crate::store::forms::{self as store, StoredDraft, StoredForm, StoredVersion};
use crate::store::{audit, catalogue};

/// A draft at every bound of the publishing rules (60 questions of 20 choices, every text at its longest,
/// mostly two-byte Welsh letters) is about 800 KB of JSON; the officer's other routes take 64 KiB.
pub const MAX_DRAFT_BYTES: usize = 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forms", get(list).post(create))
        .route("/forms/{code}/draft", get(get_draft).put(put_draft))
        .route("/forms/{code}/publish", post(publish))
        .route("/forms/{code}/retire", post(retire))
        .route("/forms/{code}/restore", post(restore))
        .route("/forms/{code}/versions/{version}", get(version))
        .route("/forms/{code}/results", get(super::survey_results::get))
        .layer(DefaultBodyLimit::max(MAX_DRAFT_BYTES))
}

fn target(code: &str) -> String {
    format!("form:{code}")
}

/// A stored draft or version was written by this server from a valid `Form`: failing to read one back
/// is the server's fault, never the officer's.
fn read_form(json: &str) -> ApiResult<Form> {
    serde_json::from_str(json).map_err(|e| ApiError::Internal(anyhow::Error::from(e).context("a stored form")))
}

/// A stored version, checked against the hash it was published with.
fn restore_version(v: &StoredVersion, catalogue: &Catalogue) -> ApiResult<PublishedForm> {
    crate::published_forms::restore(v, catalogue).map_err(ApiError::Internal)
}

fn info(v: &StoredVersion) -> VersionInfo {
    VersionInfo {
        version: v.version,
        content_hash: v.content_hash.clone(),
        published_at: v.published_at,
        published_by: v.published_by.clone(),
    }
}

async fn history(conn: &mut AnyConnection, code: &str, catalogue: &Catalogue) -> ApiResult<Vec<PublishedForm>> {
    store::versions(conn, code).await?.iter().map(|v| restore_version(v, catalogue)).collect()
}

async fn draft_view(
    conn: &mut AnyConnection,
    code: &str,
    stored: StoredDraft,
    catalogue: &Catalogue,
) -> ApiResult<Draft> {
    let form = read_form(&stored.form)?;
    let to_publish = form::publish(&form, &history(conn, code, catalogue).await?, catalogue).err().unwrap_or_default();
    Ok(Draft {
        form,
        revision: stored.revision,
        updated_at: stored.updated_at,
        updated_by: stored.updated_by,
        to_publish,
    })
}

fn summary(stored: StoredForm, latest: Option<&StoredVersion>, catalogue: &Catalogue) -> ApiResult<FormSummary> {
    let form = read_form(&stored.draft.form)?;
    let unpublished_changes = latest.is_none_or(|v| {
        PublishedForm::parse(&form, v.version, catalogue).map_or(true, |p| p.content_hash() != v.content_hash)
    });
    Ok(FormSummary {
        code: stored.code,
        title: form.title,
        audience: form.audience,
        retired: stored.retired,
        latest: latest.map(info),
        draft: DraftState {
            updated_at: stored.draft.updated_at,
            updated_by: stored.draft.updated_by,
            unpublished_changes,
        },
    })
}

async fn summaries(conn: &mut AnyConnection, only: Option<&str>) -> ApiResult<Vec<FormSummary>> {
    let catalogue = catalogue::load_with(conn).await?;
    let latest = store::latest_versions(conn, true).await?;
    store::all(conn)
        .await?
        .into_iter()
        .filter(|f| only.is_none_or(|code| f.code == code))
        .map(|f| {
            let newest = latest.iter().find(|v| v.code == f.code);
            summary(f, newest, &catalogue)
        })
        .collect()
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn list(State(state): State<AppState>, officer: Officer) -> ApiResult<Json<FormList>> {
    let mut conn = state.pool.acquire().await?;
    Ok(Json(FormList { forms: summaries(&mut conn, None).await? }))
}

fn new_draft(form: &Form, officer: &Officer, now: i64) -> ApiResult<StoredDraft> {
    let json = serde_json::to_string(form).map_err(anyhow::Error::from)?;
    Ok(StoredDraft { form: json, revision: 1, updated_at: now, updated_by: officer.email.clone() })
}

fn blank(code: &str) -> Form {
    Form {
        code: code.to_owned(),
        title: Bilingual::new("", ""),
        intro: Bilingual::new("", ""),
        audience: Audience::Everyone,
        questions: Vec::new(),
    }
}

/// The form a new draft starts from, and the audit log's words for it.
async fn starting_form(conn: &mut AnyConnection, from: Option<&StartFrom>) -> ApiResult<(Option<Form>, AuditFacts)> {
    match from {
        None => Ok((None, AuditFacts::Blank)),
        Some(StartFrom::StartingPoint(name)) => {
            let found = starting_points::all().into_iter().find(|f| &f.code == name);
            let form = found
                .ok_or_else(|| ApiError::field(FieldError::new("from.starting_point", ErrorCode::UnknownValue)))?;
            Ok((Some(form), AuditFacts::StartingPoint { name: name.clone() }))
        }
        Some(StartFrom::Form(source)) => {
            if let Some(newest) = store::versions(conn, source).await?.pop() {
                let facts = AuditFacts::CopyOf { source: source.clone(), version: Some(newest.version.into()) };
                return Ok((Some(read_form(&newest.form)?), facts));
            }
            let draft = store::draft(conn, source).await?;
            let draft = draft.ok_or_else(|| ApiError::field(FieldError::new("from.form", ErrorCode::UnknownValue)))?;
            Ok((Some(read_form(&draft.form)?), AuditFacts::CopyOf { source: source.clone(), version: None }))
        }
    }
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %body.code))]
pub async fn create(
    State(state): State<AppState>,
    officer: Officer,
    ApiJson(body): ApiJson<NewForm>,
) -> ApiResult<(StatusCode, Json<Draft>)> {
    let code = ItemCode::parse(&body.code, "code").map_err(ApiError::field)?;
    let code = code.as_str();
    // The built-in forms' codes name today's views and ratings.
    if [builtin::SAY_SOMETHING, builtin::RATE_A_SERVICE].contains(&code) {
        return Err(ApiError::field(FieldError::new("code", ErrorCode::Duplicate)));
    }
    let mut tx = state.pool.begin().await?;
    let (start, how) = starting_form(&mut tx, body.from.as_ref()).await?;
    let form = start.map_or_else(|| blank(code), |f| Form { code: code.to_owned(), ..f });
    let stored = new_draft(&form, &officer, now_ms())?;
    if !store::create(&mut tx, code, form.audience.code(), &stored).await? {
        return Err(ApiError::field(FieldError::new("code", ErrorCode::Duplicate)));
    }
    audit::record(&mut tx, &officer.email, "form_create", Some(&target(code)), Some(&how)).await?;
    let catalogue = catalogue::load_with(&mut tx).await?;
    let view = draft_view(&mut tx, code, stored, &catalogue).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(view)))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
pub async fn get_draft(
    State(state): State<AppState>,
    officer: Officer,
    Path(code): Path<String>,
) -> ApiResult<Json<Draft>> {
    let mut conn = state.pool.acquire().await?;
    let stored = store::draft(&mut conn, &code).await?.ok_or(ApiError::NotFound)?;
    let catalogue = catalogue::load_with(&mut conn).await?;
    Ok(Json(draft_view(&mut conn, &code, stored, &catalogue).await?))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
pub async fn put_draft(
    State(state): State<AppState>,
    officer: Officer,
    Path(code): Path<String>,
    Query(params): Query<Params>,
    ApiJson(form): ApiJson<Form>,
) -> ApiResult<Json<Draft>> {
    // The revision the officer's copy started from, when the console sends it (`?revision=3`).
    let base = match param(&params, "revision") {
        None => None,
        Some(v) => {
            Some(v.parse::<i64>().map_err(|_| ApiError::field(FieldError::new("revision", ErrorCode::Invalid)))?)
        }
    };
    let mut tx = state.pool.begin().await?;
    let now = now_ms();
    if !store::lock(&mut tx, &code, now).await? {
        return Err(ApiError::NotFound);
    }
    if let Some(base) = base {
        let current = store::draft(&mut tx, &code).await?.ok_or(ApiError::NotFound)?;
        if current.revision != base {
            return Err(ApiError::Conflict(format!(
                "{} saved this draft after you opened it (revision {}, yours {base}). Open it again to see their \
                 changes, then make yours.",
                current.updated_by, current.revision
            )));
        }
    }
    if form.code != code {
        // A form's code is fixed when it is made: answers name it.
        return Err(ApiError::field(FieldError::new("code", ErrorCode::Conflict)));
    }
    let catalogue = catalogue::load_with(&mut tx).await?;
    draft::check_draft(&form, &catalogue)
        .map_err(|errors| ApiError::bad_request("The draft is beyond what a form may hold.", errors))?;
    let stored = new_draft(&form, &officer, now)?;
    store::save_draft(&mut tx, &code, form.audience.code(), &stored).await?;
    audit::record(&mut tx, &officer.email, "form_draft_save", Some(&target(&code)), None).await?;
    // Read back for the revision this save took.
    let stored = store::draft(&mut tx, &code).await?.ok_or(ApiError::NotFound)?;
    let view = draft_view(&mut tx, &code, stored, &catalogue).await?;
    tx.commit().await?;
    Ok(Json(view))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
pub async fn publish(
    State(state): State<AppState>,
    officer: Officer,
    Path(code): Path<String>,
) -> ApiResult<(StatusCode, Json<PublishOutcome>)> {
    let mut tx = state.pool.begin().await?;
    let now = now_ms();
    if !store::lock(&mut tx, &code, now).await? {
        return Err(ApiError::NotFound);
    }
    let draft = read_form(&store::draft(&mut tx, &code).await?.ok_or(ApiError::NotFound)?.form)?;
    let catalogue = catalogue::load_with(&mut tx).await?;
    let history = history(&mut tx, &code, &catalogue).await?;
    let publication = form::publish(&draft, &history, &catalogue)
        .map_err(|errors| ApiError::bad_request("The form cannot be published yet.", errors))?;
    let (status, outcome, detail) = match publication {
        Publication::Unchanged { version } => {
            let hash = history.iter().find(|p| p.version() == version).map(|p| p.content_hash().to_owned());
            let outcome = PublishOutcome { published: false, version, content_hash: hash.unwrap_or_default() };
            (StatusCode::OK, outcome, AuditFacts::Unchanged { version: version.into() })
        }
        Publication::New(published) => {
            let stored = StoredVersion {
                code: code.clone(),
                version: published.version(),
                content_hash: published.content_hash().to_owned(),
                form: serde_json::to_string(published.form()).map_err(anyhow::Error::from)?,
                published_at: now,
                published_by: officer.email.clone(),
            };
            store::insert_version(&mut tx, &stored).await?;
            let outcome =
                PublishOutcome { published: true, version: stored.version, content_hash: stored.content_hash };
            (StatusCode::CREATED, outcome, AuditFacts::Version { version: stored.version.into() })
        }
    };
    audit::record(&mut tx, &officer.email, "form_publish", Some(&target(&code)), Some(&detail)).await?;
    tx.commit().await?;
    tracing::info!(version = outcome.version, published = outcome.published, "form publish");
    Ok((status, Json(outcome)))
}

async fn set_retired(state: &AppState, officer: &Officer, code: &str, retired: bool) -> ApiResult<Json<FormSummary>> {
    let mut tx = state.pool.begin().await?;
    if !store::lock(&mut tx, code, now_ms()).await? {
        return Err(ApiError::NotFound);
    }
    store::set_retired(&mut tx, code, retired).await?;
    let action = if retired { "form_retire" } else { "form_restore" };
    audit::record(&mut tx, &officer.email, action, Some(&target(code)), None).await?;
    let summary = summaries(&mut tx, Some(code)).await?.pop().ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    Ok(Json(summary))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
pub async fn retire(
    State(state): State<AppState>,
    officer: Officer,
    Path(code): Path<String>,
) -> ApiResult<Json<FormSummary>> {
    set_retired(&state, &officer, &code, true).await
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
pub async fn restore(
    State(state): State<AppState>,
    officer: Officer,
    Path(code): Path<String>,
) -> ApiResult<Json<FormSummary>> {
    set_retired(&state, &officer, &code, false).await
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code, version = %version))]
pub async fn version(
    State(state): State<AppState>,
    officer: Officer,
    Path((code, version)): Path<(String, String)>,
) -> ApiResult<Json<PublishedVersion>> {
    let version = crate::routes::forms::version_number(&version)?;
    let stored = store::version(&state.pool, &code, version).await?.ok_or(ApiError::NotFound)?;
    let catalogue = catalogue::load(&state.pool).await?;
    let published = restore_version(&stored, &catalogue)?;
    Ok(Json(PublishedVersion { info: info(&stored), form: published.form().clone() }))
}
