//! `GET /api/v1/events/{code}`: what a device downloads when it joins an event (core `DeviceEvent`): the
//! surveys to offer (their newest published versions, as stored), the role to preset, pass-the-tablet and
//! the exit PIN's salted hash so the device can check it offline. No sign-in: the code is what a poster
//! prints. An unknown code is `404` naming `code`; a closed event `410 Gone`, so the device can say the
//! event has ended. Entries tagged with any code are accepted by the push route whatever happens here.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::value::RawValue;
use yoursay_core::event::{DeviceEvent, PinHash, EVENTS_PATH};
use yoursay_core::{ErrorCode, FieldError};

use crate::error::{ApiError, ApiResult};
use crate::officer::events::{path_code, read};
use crate::state::AppState;
use crate::store::events as store;
use crate::store::forms as forms_store;

pub fn router() -> Router<AppState> {
    Router::new().route(&format!("{EVENTS_PATH}/{{code}}"), get(join))
}

#[tracing::instrument(skip_all, fields(code = %code))]
async fn join(State(state): State<AppState>, Path(code): Path<String>) -> ApiResult<Response> {
    let unknown = || ApiError::NotFoundField(FieldError::new("code", ErrorCode::UnknownCode));
    let code = path_code(&code).ok_or_else(unknown)?;
    let mut conn = state.pool.acquire().await?;
    let stored = store::get(&mut conn, code.as_str()).await?.ok_or_else(unknown)?;
    if stored.closed {
        return Err(ApiError::Gone("This event has ended.".into()));
    }
    let event = read(&stored)?;
    let mut versions = Vec::new();
    for form in &event.surveys {
        // A survey chosen for the event was published then; its newest version is what the device runs.
        if let Some(newest) = forms_store::versions(&mut conn, form).await?.pop() {
            versions.push(newest);
        }
    }
    let surveys = versions.iter().map(super::forms::wire).collect::<ApiResult<Vec<_>>>()?;
    let pin = stored.pin.as_ref().map(|p| PinHash {
        salt: p.salt.clone(),
        hash: p.hash.clone(),
        rounds: u32::try_from(p.rounds).unwrap_or(0),
    });
    let device: DeviceEvent<&RawValue> = DeviceEvent {
        code: event.code,
        name: event.name,
        date: event.date,
        place: stored.place.clone(),
        hear_back_by: event.hear_back_by,
        surveys,
        role: event.role,
        pass_the_tablet: stored.pass_the_tablet,
        pin,
    };
    Ok(([(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))], Json(device)).into_response())
}
