//! `GET /api/v1/responses?since=CURSOR`: what changed in "you said, we did" since the device last asked —
//! responses published, corrected or updated (to add or replace), and ids withdrawn (to remove). Drafts
//! never leave the officer's API; nothing here names who wrote a response or which views it answers.

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use yoursay_core::you_said::{Cursor, Feed, FeedItem, ResponseState, FEED_PATH};
use yoursay_core::{ErrorCode, FieldError};

use crate::error::{ApiError, ApiResult};
use crate::filters::{param, Params};
use crate::officer::responses::{read_updates, state_of};
use crate::state::AppState;
use crate::store::responses as store;

pub fn router() -> Router<AppState> {
    Router::new().route(FEED_PATH, get(feed))
}

#[tracing::instrument(skip_all, fields(since))]
async fn feed(State(state): State<AppState>, Query(params): Query<Params>) -> ApiResult<Json<Feed>> {
    if let Some(unknown) = params.keys().find(|k| *k != "since") {
        return Err(ApiError::field(FieldError::new(unknown.clone(), ErrorCode::UnknownField)));
    }
    let since = Cursor::parse(param(&params, "since")).map_err(ApiError::field)?;
    tracing::Span::current().record("since", since.0);
    let mut conn = state.pool.acquire().await?;
    let last = store::last_change(&mut conn).await?;
    // A cursor this server never gave out (a restored backup, a typo): the device starts again from the
    // beginning, which it does on any 400.
    if since.0 > u64::try_from(last).unwrap_or(0) {
        return Err(ApiError::field(FieldError::new("since", ErrorCode::OutOfRange)));
    }
    let mut items = Vec::new();
    let mut withdrawn = Vec::new();
    let changed = store::changed_since(&mut conn, i64::try_from(since.0).unwrap_or(i64::MAX)).await?;
    let cursor = changed.last().map_or(since.0, |r| u64::try_from(r.change_seq).unwrap_or(0));
    for stored in changed {
        if state_of(&stored)? == ResponseState::Withdrawn {
            withdrawn.push(stored.id);
            continue;
        }
        let text: yoursay_core::you_said::ResponseText = serde_json::from_str(&stored.body)
            .map_err(|e| ApiError::Internal(anyhow::Error::from(e).context("a stored response")))?;
        let updates = read_updates(store::updates(&mut conn, &stored.id).await?)?;
        // Only while the view may still be quoted: hiding it later takes the quote back.
        let quote = match &text.quote {
            Some(view) => crate::store::views::quotable_text(&mut conn, view).await?,
            None => None,
        };
        items.push(FeedItem {
            id: stored.id,
            you_said: text.you_said,
            we_did: text.we_did,
            progress: text.progress,
            promises: text.promises,
            services: text.services,
            events: text.events,
            quote,
            published_at: stored.published_at.unwrap_or(stored.updated_at),
            changed_at: stored.updated_at,
            updates,
        });
    }
    Ok(Json(Feed { items, withdrawn, cursor: Cursor(cursor).text() }))
}
