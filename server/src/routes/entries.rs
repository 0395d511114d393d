//! `POST /api/v1/entries`: a device pushes a batch from its outbox and learns, entry by entry, which may
//! leave the device.

use std::collections::HashSet;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::Json;
use serde_json::Value;
use yoursay_core::protocol::{Outcome, PushResponse, PushResult, MAX_BATCH};
use yoursay_core::{Catalogue, Entry, EntryBody, EntryWire, ErrorCode, FieldError, SurveyResponse};

use crate::clock::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::json::{self, body_rejection};
use crate::risk::RiskWords;
use crate::state::AppState;
use crate::store::entries::NewEntry;

#[tracing::instrument(skip_all, fields(entries, accepted))]
pub async fn push(State(state): State<AppState>, body: Result<Bytes, BytesRejection>) -> ApiResult<Json<PushResponse>> {
    let body = body.map_err(|r| body_rejection(r.status()))?;
    let raw = read_batch(&body)?;
    tracing::Span::current().record("entries", raw.len());

    let now = now_ms();
    let catalogue = state.catalogue();
    let risk = state.risk_words();
    let parsed: Vec<(String, Result<Entry, Vec<FieldError>>)> = raw
        .into_iter()
        .map(|(id, value)| {
            let entry = parse_entry(value, now).and_then(|e| catalogue.check(&e).map(|()| e));
            (id, entry)
        })
        .collect();
    let mut checked = Vec::with_capacity(parsed.len());
    for (id, entry) in parsed {
        let entry = match entry {
            Ok(entry) => check_survey(&state, &catalogue, entry).await?,
            Err(errors) => Err(errors),
        };
        checked.push((id, entry));
    }

    // A batch may name one id twice (a device bug, or a retry merged in): the first good one is stored,
    // later ones are answered as already had, as they would be had they come in the next batch.
    let mut seen = HashSet::new();
    let mut to_store = Vec::new();
    let answers: Vec<(String, Result<String, Vec<FieldError>>)> = checked
        .into_iter()
        .map(|(id, entry)| match entry {
            Ok((entry, survey)) => {
                let key = entry.id.as_str().to_owned();
                if seen.insert(key.clone()) {
                    let risk_words = risky_words(&entry, survey.as_ref(), &risk);
                    to_store.push(NewEntry { risk_words, entry, survey });
                }
                (id, Ok(key))
            }
            Err(errors) => (id, Err(errors)),
        })
        .collect();

    // Either the whole batch's good entries are stored and confirmed, or none are and the device simply
    // tries again.
    let mut added = state.ingest.store(to_store).await?;
    crate::failpoint::stop_here(crate::failpoint::PUSH_AFTER_COMMIT).await;
    let results: Vec<PushResult> = answers
        .into_iter()
        .map(|(id, entry)| {
            let outcome = match entry {
                // Taken from `added` so a repeat later in the batch is answered `already_had`.
                Ok(key) if added.remove(&key) => Outcome::Accepted,
                Ok(_) => Outcome::AlreadyHad,
                Err(errors) => Outcome::Refused { errors },
            };
            PushResult { id, outcome }
        })
        .collect();
    let accepted = results.iter().filter(|r| r.outcome == Outcome::Accepted).count();
    tracing::Span::current().record("accepted", accepted);
    Ok(Json(PushResponse { results }))
}

/// A survey entry is stored only with its answers checked against the version they answered: found by
/// `(form, version)` among every version ever published, retired or not, so nothing waiting on a device
/// is stranded. An unknown form or version is refused by name, for this entry only.
async fn check_survey(
    state: &AppState,
    catalogue: &Catalogue,
    entry: Entry,
) -> ApiResult<Result<(Entry, Option<SurveyResponse>), Vec<FieldError>>> {
    let EntryBody::Survey(survey) = &entry.body else { return Ok(Ok((entry, None))) };
    let (code, version) = (survey.form.as_str(), survey.version);
    let forms = &state.published_forms;
    let Some(form) = forms.get(&state.pool, catalogue, code, version).await.map_err(ApiError::Internal)? else {
        let field = if forms.known(&state.pool, code).await.map_err(ApiError::Internal)? {
            "survey.version"
        } else {
            "survey.form"
        };
        return Ok(Err(vec![FieldError::new(field, ErrorCode::UnknownCode)]));
    };
    Ok(match SurveyResponse::parse(survey.answers(), &form, catalogue) {
        Ok(response) => Ok((entry, Some(response))),
        Err(errors) => Err(errors.into_iter().map(|e| e.under("survey")).collect()),
    })
}

/// A view that says someone may be at risk is flagged so it reaches the officer first; so is a survey
/// whose text answers say it.
fn risky_words(entry: &Entry, survey: Option<&SurveyResponse>, risk: &RiskWords) -> Vec<String> {
    match &entry.body {
        EntryBody::View(view) => risk.find(view.text.as_str()),
        EntryBody::Rating(_) => Vec::new(),
        // The same text the inbox shows and a change of risk words re-checks.
        EntryBody::Survey(_) => {
            survey.and_then(crate::store::entries::survey_text).map_or(Vec::new(), |t| risk.find(&t))
        }
    }
}

/// Checks the envelope and returns each entry with the id it was sent under. Anything wrong here is the
/// sender's bug rather than one entry's: the whole request is refused.
fn read_batch(body: &[u8]) -> Result<Vec<(String, Value)>, ApiError> {
    let value = json::parse(body)?;
    let Value::Object(mut map) = value else {
        return Err(ApiError::bad_request(
            "The body must be a JSON object with an entries list.",
            vec![FieldError::new("body", ErrorCode::Invalid)],
        ));
    };
    let mut errors: Vec<FieldError> =
        map.keys().filter(|k| *k != "entries").map(|k| FieldError::new(k.clone(), ErrorCode::UnknownField)).collect();
    let entries = match map.remove("entries") {
        None => {
            errors.push(FieldError::new("entries", ErrorCode::Missing));
            Vec::new()
        }
        Some(Value::Array(entries)) => entries,
        Some(_) => {
            errors.push(FieldError::new("entries", ErrorCode::Invalid));
            Vec::new()
        }
    };
    if entries.len() > MAX_BATCH {
        errors.push(FieldError::new("entries", ErrorCode::TooMany));
    }
    if !errors.is_empty() {
        return Err(ApiError::bad_request("The request is not a valid batch of entries.", errors));
    }
    entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| match entry.get("id") {
            Some(Value::String(id)) => Ok((id.clone(), entry)),
            other => {
                let code = if other.is_none() { ErrorCode::Missing } else { ErrorCode::Invalid };
                Err(ApiError::bad_request(
                    "Every entry needs its id so the device knows which answer is whose.",
                    vec![FieldError::new(format!("entries[{i}].id"), code)],
                ))
            }
        })
        .collect()
}

fn parse_entry(value: Value, now: i64) -> Result<Entry, Vec<FieldError>> {
    let wire: EntryWire = json::from_value(value).map_err(|e| vec![e])?;
    Entry::parse(&wire, now)
}
