//! `GET /api/v1/officer/export`: the export download, streamed to the browser as the rows are read.

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use tokio::sync::mpsc;
use yoursay_core::{ErrorCode, FieldError};

use super::session::Officer;
use crate::clock::{iso_utc, now_ms};
use crate::error::{ApiError, ApiResult};
use crate::export::{self, Destination, Format, Job};
use crate::filters::{param, Params};
use crate::state::AppState;

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn download(
    State(state): State<AppState>,
    officer: Officer,
    Query(params): Query<Params>,
) -> ApiResult<Response> {
    let format = match param(&params, "format") {
        None => Format::Csv,
        Some(f) => {
            Format::parse(f).ok_or_else(|| ApiError::field(FieldError::new("format", ErrorCode::UnknownValue)))?
        }
    };
    let job = Job::from_params(format, &params, officer.email)?;
    // A few chunks in flight: the database is read no faster than the browser takes the file.
    let (tx, mut rx) = mpsc::channel(4);
    tokio::spawn(async move {
        let mut out = Destination::Channel(tx.clone());
        if let Err(e) = export::build(&state.pool, &state.catalogue(), &job, &mut out).await {
            tracing::error!(error = %format!("{e:#}"), "the export stopped part-way");
            // The download fails rather than ending early as if complete.
            let _ = tx.send(Err(std::io::Error::other("the export stopped part-way"))).await;
        }
    });
    let body = Body::from_stream(stream::poll_fn(move |cx| rx.poll_recv(cx)));
    let filename = format!("yoursay-export-{}.{}", &iso_utc(now_ms())[..10], format.extension());
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response())
}
