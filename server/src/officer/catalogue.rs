//! Editing the catalogue. Words may change and items may be retired or restored; a code is never re-used
//! or removed, so every past answer keeps pointing at the item it was given for.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use yoursay_core::officer::{AuditFacts, ItemWords, NewItem};
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
    let mut keep = |e: Vec<FieldError>| errors.extend(e);
    let name = Bilingual::parse(&name.en, &name.cy, "name", NAME_CHARS).map_err(&mut keep).ok();
    let line = Bilingual::parse(&line.en, &line.cy, "line", LINE_CHARS).map_err(&mut keep).ok();
    let statement = match statement {
        None => Some(None),
        Some(s) => Bilingual::parse(&s.en, &s.cy, "statement", STATEMENT_CHARS).map(Some).map_err(&mut keep).ok(),
    };
    match (name, line, statement) {
        (Some(n), Some(l), Some(s)) if errors.is_empty() => Ok((n, l, s)),
        _ => Err(errors),
    }
}

/// The name's languages in which another item of the same list (retired ones too: they still appear in
/// results) already has it, ignoring case and spaces at the ends. Two items of one name would put two
/// identical choices in front of a young person, and two identical rows in the results.
fn names_taken(list: &[CatalogueItem], except: Option<&str>, name: &Bilingual) -> Vec<FieldError> {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    let others = || list.iter().filter(|i| Some(i.code.as_str()) != except);
    [("name.en", &name.en, false), ("name.cy", &name.cy, true)]
        .into_iter()
        .filter(|(_, text, welsh)| others().any(|i| same(if *welsh { &i.name.cy } else { &i.name.en }, text)))
        .map(|(field, _, _)| FieldError::new(field, ErrorCode::Duplicate))
        .collect()
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
    let mut clashes = Vec::new();
    if store::exists(&mut tx, kind, code.as_str()).await? {
        clashes.push(FieldError::new("code", ErrorCode::Duplicate));
    }
    let current = store::load_with(&mut tx).await?;
    clashes.extend(names_taken(kind.list(&current), None, &name));
    if !clashes.is_empty() {
        return Err(invalid(clashes));
    }
    let item = CatalogueItem { code: code.as_str().to_owned(), name, line, statement, retired: false };
    let version = store::bump_version(&mut tx).await?;
    store::insert(&mut tx, kind, &item, version).await?;
    audit::record(
        &mut tx,
        &officer.email,
        "catalogue_add",
        Some(&format!("{}:{}", kind.as_str(), item.code)),
        Some(&AuditFacts::Version { version }),
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
    let list = kind.list(&current);
    let mut item = list.iter().find(|i| i.code == code).cloned().ok_or(ApiError::NotFound)?;
    let name_before = item.name.clone();
    change(&mut item);
    // Only a new name is checked, so an item that already shares one can still be retired or restored.
    if item.name != name_before {
        let clashes = names_taken(list, Some(code), &item.name);
        if !clashes.is_empty() {
            return Err(invalid(clashes));
        }
    }
    let version = store::bump_version(&mut tx).await?;
    store::update(&mut tx, kind, &item, version, action).await?;
    audit::record(
        &mut tx,
        &officer.email,
        &format!("catalogue_{action}"),
        Some(&format!("{}:{code}", kind.as_str())),
        Some(&AuditFacts::Version { version }),
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
