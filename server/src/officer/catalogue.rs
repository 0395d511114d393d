//! Editing the catalogue. Words may change and items may be retired or restored; a code is never re-used
//! or removed, so every past answer keeps pointing at the item it was given for.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use yoursay_core::officer::{ItemWords, NewItem};
use yoursay_core::{Bilingual, Catalogue, CatalogueItem, ErrorCode, FieldError, ItemCode};

use super::session::Officer;
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::state::AppState;
use crate::store::audit;
use crate::store::catalogue::{self as store, Kind};

const NAME_CHARS: usize = 80;
const LINE_CHARS: usize = 200;
const STATEMENT_CHARS: usize = 600;

/// Checks the words, collecting every problem.
fn words(
    name: &Bilingual,
    line: &Bilingual,
    statement: Option<&Bilingual>,
) -> Result<(Bilingual, Bilingual, Option<Bilingual>), Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = Bilingual::parse(&name.en, &name.cy, "name", NAME_CHARS).map_err(|e| errors.push(e)).ok();
    let line = Bilingual::parse(&line.en, &line.cy, "line", LINE_CHARS).map_err(|e| errors.push(e)).ok();
    let statement = match statement {
        None => Some(None),
        Some(s) => {
            Bilingual::parse(&s.en, &s.cy, "statement", STATEMENT_CHARS).map(Some).map_err(|e| errors.push(e)).ok()
        }
    };
    match (name, line, statement) {
        (Some(n), Some(l), Some(s)) if errors.is_empty() => Ok((n, l, s)),
        _ => Err(errors),
    }
}

fn kind(plural: &str) -> Result<Kind, ApiError> {
    Kind::from_plural(plural).ok_or(ApiError::NotFound)
}

fn invalid(errors: Vec<FieldError>) -> ApiError {
    ApiError::bad_request("Some fields are not valid.", errors)
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, kind = %plural))]
pub async fn add(
    State(state): State<AppState>,
    officer: Officer,
    Path(plural): Path<String>,
    ApiJson(body): ApiJson<NewItem>,
) -> ApiResult<(StatusCode, Json<Catalogue>)> {
    let kind = kind(&plural)?;
    let mut errors = Vec::new();
    let code = ItemCode::parse(&body.code, "code").map_err(|e| errors.push(e)).ok();
    let words = words(&body.name, &body.line, body.statement.as_ref()).map_err(|mut e| errors.append(&mut e)).ok();
    let (Some(code), Some((name, line, statement))) = (code, words) else { return Err(invalid(errors)) };

    let mut tx = state.pool.begin().await?;
    if store::exists(&mut tx, kind, code.as_str()).await? {
        return Err(ApiError::field(FieldError::new("code", ErrorCode::Duplicate)));
    }
    let item = CatalogueItem { code: code.as_str().to_owned(), name, line, statement, retired: false };
    let version = store::bump_version(&mut tx).await?;
    store::insert(&mut tx, kind, &item, version).await?;
    audit::record(
        &mut tx,
        &officer.email,
        "catalogue_add",
        Some(&format!("{}:{}", kind.as_str(), item.code)),
        Some(&format!("version {version}")),
    )
    .await?;
    let catalogue = store::load_with(&mut tx).await?;
    tx.commit().await?;
    state.refresh_catalogue().await?;
    Ok((StatusCode::CREATED, Json(catalogue)))
}

/// Loads the item, applies `change`, stores it under a new version, audits `action`.
async fn change(
    state: &AppState,
    officer: &Officer,
    plural: &str,
    code: &str,
    action: &str,
    change: impl FnOnce(&mut CatalogueItem),
) -> ApiResult<Json<Catalogue>> {
    let kind = kind(plural)?;
    let mut tx = state.pool.begin().await?;
    let current = store::load_with(&mut tx).await?;
    let list = if kind == Kind::Promise { &current.promises } else { &current.services };
    let mut item = list.iter().find(|i| i.code == code).cloned().ok_or(ApiError::NotFound)?;
    change(&mut item);
    let version = store::bump_version(&mut tx).await?;
    store::update(&mut tx, kind, &item, version, action).await?;
    audit::record(
        &mut tx,
        &officer.email,
        &format!("catalogue_{action}"),
        Some(&format!("{}:{code}", kind.as_str())),
        Some(&format!("version {version}")),
    )
    .await?;
    let catalogue = store::load_with(&mut tx).await?;
    tx.commit().await?;
    state.refresh_catalogue().await?;
    Ok(Json(catalogue))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, kind = %plural, code = %code))]
pub async fn edit(
    State(state): State<AppState>,
    officer: Officer,
    Path((plural, code)): Path<(String, String)>,
    ApiJson(body): ApiJson<ItemWords>,
) -> ApiResult<Json<Catalogue>> {
    let (name, line, statement) = words(&body.name, &body.line, body.statement.as_ref()).map_err(invalid)?;
    change(&state, &officer, &plural, &code, "edit", |item| {
        item.name = name;
        item.line = line;
        item.statement = statement;
    })
    .await
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, kind = %plural, code = %code))]
pub async fn retire(
    State(state): State<AppState>,
    officer: Officer,
    Path((plural, code)): Path<(String, String)>,
) -> ApiResult<Json<Catalogue>> {
    change(&state, &officer, &plural, &code, "retire", |item| item.retired = true).await
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, kind = %plural, code = %code))]
pub async fn restore(
    State(state): State<AppState>,
    officer: Officer,
    Path((plural, code)): Path<(String, String)>,
) -> ApiResult<Json<Catalogue>> {
    change(&state, &officer, &plural, &code, "restore", |item| item.retired = false).await
}
