//! `POST /api/v1/entries`: a device pushes a batch from its outbox and learns, entry by entry, which may
//! leave the device.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::Json;
use serde_json::Value;
use yoursay_core::protocol::{Outcome, PushResponse, PushResult, MAX_BATCH};
use yoursay_core::{Entry, EntryWire, ErrorCode, FieldError};

use crate::clock::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::json::{self, body_rejection};
use crate::startup::AppState;
use crate::store;

#[tracing::instrument(skip_all, fields(entries, accepted))]
pub async fn push(State(state): State<AppState>, body: Result<Bytes, BytesRejection>) -> ApiResult<Json<PushResponse>> {
    let body = body.map_err(|r| body_rejection(r.status()))?;
    let raw = read_batch(&body)?;
    tracing::Span::current().record("entries", raw.len());

    let now = now_ms();
    let catalogue = store::catalogue::load(&state.pool).await?;
    let risk = store::keywords::load(&state.pool).await?;
    let parsed: Vec<(String, Result<Entry, Vec<FieldError>>)> = raw
        .into_iter()
        .map(|(id, value)| {
            let entry = parse_entry(value, now).and_then(|e| catalogue.check(&e).map(|()| e));
            (id, entry)
        })
        .collect();

    // One transaction: either the whole batch's good entries are stored and confirmed, or none are and
    // the device simply tries again.
    let mut tx = state.pool.begin().await?;
    let mut results = Vec::with_capacity(parsed.len());
    for (id, entry) in parsed {
        let outcome = match entry {
            Ok(entry) => {
                if store::entries::insert(&mut tx, &entry, now, &risk).await? {
                    Outcome::Accepted
                } else {
                    Outcome::AlreadyHad
                }
            }
            Err(errors) => Outcome::Refused { errors },
        };
        results.push(PushResult { id, outcome });
    }
    crate::failpoint::stop_here(crate::failpoint::PUSH_BEFORE_COMMIT).await;
    tx.commit().await?;
    crate::failpoint::stop_here(crate::failpoint::PUSH_AFTER_COMMIT).await;
    let accepted = results.iter().filter(|r| r.outcome == Outcome::Accepted).count();
    tracing::Span::current().record("accepted", accepted);
    Ok(Json(PushResponse { results }))
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
