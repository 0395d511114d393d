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
    Router::new().route(FEED_PATH, get(feed)).route(&format!("{FEED_PATH}/document"), get(document))
}

#[tracing::instrument(skip_all, fields(since))]
async fn feed(State(state): State<AppState>, Query(params): Query<Params>) -> ApiResult<Json<Feed>> {
    if let Some(unknown) = params.keys().find(|k| *k != "since") {
        return Err(ApiError::field(FieldError::new(unknown.clone(), ErrorCode::UnknownField)));
    }
    let since = Cursor::parse(param(&params, "since")).map_err(ApiError::field)?;
    tracing::Span::current().record("since", since.0);
    let mut conn = state.pool.acquire().await?;
    Ok(Json(changes(&mut conn, since).await?))
}

/// `GET /api/v1/responses/document?lang=en|cy`: every published response, newest first, as a document
/// in one language (`{"sections": [{"heading", "paragraphs"}]}`, the shape of the long documents), so the
/// phone shows "What changed" with the renderer it already has and keeps the last copy for reading
/// offline. Plain text only: the phone never reads it as markup.
#[tracing::instrument(skip_all)]
async fn document(State(state): State<AppState>, Query(params): Query<Params>) -> ApiResult<Json<serde_json::Value>> {
    if let Some(unknown) = params.keys().find(|k| *k != "lang") {
        return Err(ApiError::field(FieldError::new(unknown.clone(), ErrorCode::UnknownField)));
    }
    let lang = param(&params, "lang")
        .and_then(|l| yoursay_core::Language::parse(l).ok())
        .ok_or_else(|| ApiError::field(FieldError::new("lang", ErrorCode::UnknownValue)))?;
    let mut conn = state.pool.acquire().await?;
    let mut items = changes(&mut conn, Cursor(0)).await?.items;
    items.sort_by_key(|i| std::cmp::Reverse(i.published_at));
    let i = usize::from(lang == yoursay_core::Language::Cy);
    let words = |key: &str| crate::export::labels::words_for(key)[i];
    let fill = |template: &str, values: &[(&str, &str)]| {
        values.iter().fold(template.to_owned(), |t, (k, v)| t.replace(&format!("{{{k}}}"), v))
    };
    let sections: Vec<serde_json::Value> = if items.is_empty() {
        vec![serde_json::json!({"heading": words("document.none_heading"), "paragraphs": [words("document.none")]})]
    } else {
        items
            .iter()
            .map(|item| {
                let progress = |p| crate::export::labels::progress(p)[i];
                let mut paragraphs = vec![format!("{}: {}", progress(item.progress), item.we_did.get(lang))];
                if let Some(quote) = &item.quote {
                    paragraphs.push(format!("“{quote}”"));
                }
                for u in &item.updates {
                    // "3 March 2026" / "3 Mawrth 2026": a date a young person reads without thinking.
                    let date = crate::clock::utc_day(u.at)
                        .map(|(y, m, d)| format!("{d} {} {y}", words(&format!("month.{m:02}"))))
                        .unwrap_or_default();
                    paragraphs.push(fill(
                        words("document.update"),
                        &[("date", &date), ("progress", progress(u.progress)), ("text", u.text.get(lang))],
                    ));
                }
                let heading = fill(words("document.you_said"), &[("text", item.you_said.get(lang))]);
                serde_json::json!({"heading": heading, "paragraphs": paragraphs})
            })
            .collect()
    };
    Ok(Json(serde_json::json!({ "sections": sections })))
}

/// Published and withdrawn responses changed after `since`, and the cursor after them.
async fn changes(conn: &mut sqlx::AnyConnection, since: Cursor) -> ApiResult<Feed> {
    let conn = &mut *conn;
    let last = store::last_change(conn).await?;
    // A cursor this server never gave out (a restored backup, a typo): the device starts again from the
    // beginning, which it does on any 400.
    if since.0 > u64::try_from(last).unwrap_or(0) {
        return Err(ApiError::field(FieldError::new("since", ErrorCode::OutOfRange)));
    }
    let mut items = Vec::new();
    let mut withdrawn = Vec::new();
    let changed = store::changed_since(conn, i64::try_from(since.0).unwrap_or(i64::MAX)).await?;
    let cursor = changed.last().map_or(since.0, |r| u64::try_from(r.change_seq).unwrap_or(0));
    for stored in changed {
        if state_of(&stored)? == ResponseState::Withdrawn {
            withdrawn.push(stored.id);
            continue;
        }
        let text: yoursay_core::you_said::ResponseText = serde_json::from_str(&stored.body)
            .map_err(|e| ApiError::Internal(anyhow::Error::from(e).context("a stored response")))?;
        let updates = read_updates(store::updates(conn, &stored.id).await?)?;
        // Only while the view may still be quoted: hiding it later takes the quote back.
        let quote = match &text.quote {
            Some(view) => crate::store::views::quotable_text(conn, view).await?,
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
    Ok(Feed { items, withdrawn, cursor: Cursor(cursor).text() })
}
