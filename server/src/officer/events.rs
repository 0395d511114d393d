//! The officer's events under `/api/v1/officer/events`: list (upcoming first, overdue flagged), create (the
//! server draws a unique join code), edit, close and reopen, each audited, and the poster's QR code. The
//! device's side is `crate::routes::events`.

use std::collections::HashSet;

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use sqlx::AnyConnection;
use yoursay_core::event::{CheckedEvent, Event, EventDate, EventDraft, EventList, JoinCode, PinHash};
use yoursay_core::{Bilingual, Role};

use super::session::{came_over_https, Officer};
use crate::clock::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::state::AppState;
use crate::store::audit;
use crate::store::events::{self as store, StoredEvent, StoredPin};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/events", get(list).post(create))
        .route("/events/{code}", get(one).put(edit))
        .route("/events/{code}/close", post(close))
        .route("/events/{code}/reopen", post(reopen))
        .route("/events/{code}/qr.svg", get(qr))
}

fn target(code: &str) -> String {
    format!("event:{code}")
}

fn internal(what: &str) -> ApiError {
    ApiError::Internal(anyhow::anyhow!("a stored event's {what} cannot be read"))
}

/// A code in a path: as typed (any case, spaces and hyphens ignored); one that cannot be a join code names
/// no event.
pub(crate) fn path_code(code: &str) -> Option<JoinCode> {
    JoinCode::parse(code).ok()
}

async fn found(conn: &mut AnyConnection, code: &str) -> ApiResult<StoredEvent> {
    let code = path_code(code).ok_or(ApiError::NotFound)?;
    store::get(conn, code.as_str()).await?.ok_or(ApiError::NotFound)
}

/// The stored columns read back into core's types (written by this server, so failing is ours).
pub(crate) struct Read {
    pub code: JoinCode,
    pub name: Bilingual,
    pub date: EventDate,
    pub hear_back_by: EventDate,
    pub surveys: Vec<String>,
    pub role: Option<Role>,
}

pub(crate) fn read(stored: &StoredEvent) -> ApiResult<Read> {
    Ok(Read {
        code: JoinCode::parse(&stored.code).map_err(|_| internal("code"))?,
        name: Bilingual::new(&stored.name_en, &stored.name_cy),
        date: EventDate::parse(&stored.date, "date").map_err(|_| internal("date"))?,
        hear_back_by: EventDate::parse(&stored.hear_back_by, "hear_back_by").map_err(|_| internal("hear-back day"))?,
        surveys: serde_json::from_str(&stored.surveys).map_err(|_| internal("surveys"))?,
        role: stored.role.as_deref().map(|r| Role::parse(r).map_err(|_| internal("role"))).transpose()?,
    })
}

/// Event codes named by a published "you said, we did" response.
async fn answered(conn: &mut AnyConnection) -> ApiResult<HashSet<String>> {
    let mut codes = HashSet::new();
    for (_, body) in crate::store::responses::published(conn).await? {
        codes.extend(super::responses::read_text(&body)?.normalised().events);
    }
    Ok(codes)
}

fn today() -> EventDate {
    EventDate::from_millis(now_ms())
}

fn view(stored: &StoredEvent, answered: &HashSet<String>, today: &EventDate) -> ApiResult<Event> {
    let r = read(stored)?;
    Ok(Event {
        overdue: r.hear_back_by < *today && !answered.contains(r.code.as_str()),
        code: r.code,
        name: r.name,
        date: r.date,
        place: stored.place.clone(),
        surveys: r.surveys,
        role: r.role,
        pass_the_tablet: stored.pass_the_tablet,
        has_pin: stored.pin.is_some(),
        hear_back_by: r.hear_back_by,
        closed: stored.closed,
        created_at: stored.created_at,
        updated_at: stored.updated_at,
    })
}

async fn detail(conn: &mut AnyConnection, code: &str) -> ApiResult<Event> {
    let stored = found(conn, code).await?;
    view(&stored, &answered(conn).await?, &today())
}

fn random<const N: usize>() -> ApiResult<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).map_err(|e| ApiError::Internal(anyhow::anyhow!("no randomness: {e}")))?;
    Ok(bytes)
}

/// Checks the draft: surveys must be published and offered (or already on this event), both languages given.
async fn checked(
    conn: &mut AnyConnection,
    draft: &EventDraft,
    already: &[String],
    has_pin: bool,
) -> ApiResult<CheckedEvent> {
    let offered: HashSet<String> =
        crate::store::forms::latest_versions(conn, false).await?.into_iter().map(|v| v.code).collect();
    draft
        .check(|c| offered.contains(c) || already.iter().any(|a| a == c), has_pin)
        .map_err(|errors| ApiError::bad_request("The event cannot be saved as it is.", errors))
}

fn row(code: &str, event: &CheckedEvent, pin: Option<StoredPin>, now: i64) -> ApiResult<StoredEvent> {
    Ok(StoredEvent {
        code: code.to_owned(),
        name_en: event.name.en.clone(),
        name_cy: event.name.cy.clone(),
        date: event.date.as_str().to_owned(),
        place: event.place.clone(),
        surveys: serde_json::to_string(&event.surveys).map_err(|e| ApiError::Internal(e.into()))?,
        role: event.role.map(|r| r.code().to_owned()),
        pass_the_tablet: event.pass_the_tablet,
        pin,
        hear_back_by: event.hear_back_by.as_str().to_owned(),
        closed: false,
        created_at: now,
        updated_at: now,
    })
}

fn hashed(event: &CheckedEvent) -> ApiResult<Option<StoredPin>> {
    let Some(pin) = &event.exit_pin else { return Ok(None) };
    let h = PinHash::new(pin, &random::<16>()?);
    Ok(Some(StoredPin { salt: h.salt, hash: h.hash, rounds: i64::from(h.rounds) }))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
async fn list(State(state): State<AppState>, officer: Officer) -> ApiResult<Json<EventList>> {
    let mut conn = state.pool.acquire().await?;
    let today = today();
    let answered = answered(&mut conn).await?;
    let events = store::all(&mut conn, today.as_str())
        .await?
        .iter()
        .map(|e| view(e, &answered, &today))
        .collect::<ApiResult<_>>()?;
    Ok(Json(EventList { today, events }))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
async fn one(State(state): State<AppState>, officer: Officer, Path(code): Path<String>) -> ApiResult<Json<Event>> {
    let mut conn = state.pool.acquire().await?;
    Ok(Json(detail(&mut conn, &code).await?))
}

/// Draws join codes until one is free: not another event's and not a code entries already carry.
#[tracing::instrument(skip_all, fields(officer = %officer.email))]
async fn create(
    State(state): State<AppState>,
    officer: Officer,
    ApiJson(draft): ApiJson<EventDraft>,
) -> ApiResult<(StatusCode, Json<Event>)> {
    let mut tx = state.pool.begin().await?;
    let event = checked(&mut tx, &draft, &[], false).await?;
    let pin = hashed(&event)?;
    let now = now_ms();
    let mut made = None;
    for _ in 0..20 {
        let Some(code) = JoinCode::from_random(&random::<16>()?) else { continue };
        if store::used_by_entries(&mut tx, code.as_str()).await? {
            continue;
        }
        if store::insert(&mut tx, &row(code.as_str(), &event, pin.clone(), now)?, &officer.email).await? {
            made = Some(code);
            break;
        }
    }
    let code = made.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no free join code in 20 draws")))?;
    audit::record(&mut tx, &officer.email, "event_create", Some(&target(code.as_str())), None).await?;
    let view = detail(&mut tx, code.as_str()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Replaces what the officer edits; without `exit_pin` the PIN set before is kept.
#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
async fn edit(
    State(state): State<AppState>,
    officer: Officer,
    Path(code): Path<String>,
    ApiJson(draft): ApiJson<EventDraft>,
) -> ApiResult<Json<Event>> {
    let mut tx = state.pool.begin().await?;
    let stored = found(&mut tx, &code).await?;
    let event = checked(&mut tx, &draft, &read(&stored)?.surveys, stored.pin.is_some()).await?;
    let new_pin = hashed(&event)?;
    let pin_changed = new_pin.is_some();
    let mut updated = row(&stored.code, &event, new_pin.or(stored.pin.clone()), now_ms())?;
    updated.created_at = stored.created_at;
    store::update(&mut tx, &updated, &officer.email).await?;
    let facts = pin_changed.then_some(yoursay_core::officer::AuditFacts::PinChanged);
    audit::record(&mut tx, &officer.email, "event_edit", Some(&target(&stored.code)), facts.as_ref()).await?;
    let view = detail(&mut tx, &stored.code).await?;
    tx.commit().await?;
    Ok(Json(view))
}

async fn set_closed(state: AppState, officer: Officer, code: String, closed: bool) -> ApiResult<Json<Event>> {
    let mut tx = state.pool.begin().await?;
    let stored = found(&mut tx, &code).await?;
    store::set_closed(&mut tx, &stored.code, closed, now_ms(), &officer.email).await?;
    let action = if closed { "event_close" } else { "event_reopen" };
    audit::record(&mut tx, &officer.email, action, Some(&target(&stored.code)), None).await?;
    let view = detail(&mut tx, &stored.code).await?;
    tx.commit().await?;
    Ok(Json(view))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
async fn close(State(state): State<AppState>, officer: Officer, Path(code): Path<String>) -> ApiResult<Json<Event>> {
    set_closed(state, officer, code, true).await
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
async fn reopen(State(state): State<AppState>, officer: Officer, Path(code): Path<String>) -> ApiResult<Json<Event>> {
    set_closed(state, officer, code, false).await
}

/// Where the app is reached from: the configured public address, else the request's `Host` (https when
/// the proxy says so or cookies are always secure).
fn origin(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(base) = &state.config.public_url {
        return base.trim_end_matches('/').to_owned();
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let scheme = if state.config.secure_cookies || came_over_https(headers) { "https" } else { "http" };
    format!("{scheme}://{host}")
}

/// The address a poster sends people to: the event screen of the surveys page, which joins at once
/// (downloading the event and its surveys for use without signal).
pub fn join_url(origin: &str, code: &JoinCode) -> String {
    format!("{origin}{}", yoursay_core::event::join_path(code))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The QR code of the join address as SVG, titled with the address (what a screen reader or a person
/// without a camera needs).
pub fn qr_svg(url: &str) -> ApiResult<String> {
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("QR code: {e}")))?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(256, 256)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build();
    let start = svg.find("<svg").ok_or_else(|| ApiError::Internal(anyhow::anyhow!("QR code without <svg")))?;
    let open_end = svg[start..].find('>').map(|i| start + i + 1).unwrap_or(svg.len());
    Ok(format!("{}<title>{}</title>{}", &svg[start..open_end], xml_escape(url), &svg[open_end..]))
}

#[tracing::instrument(skip_all, fields(officer = %officer.email, code = %code))]
async fn qr(
    State(state): State<AppState>,
    officer: Officer,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> ApiResult<Response> {
    let mut conn = state.pool.acquire().await?;
    let stored = found(&mut conn, &code).await?;
    let code = read(&stored)?.code;
    let svg = qr_svg(&join_url(&origin(&state, &headers), &code))?;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"))], svg).into_response())
}
