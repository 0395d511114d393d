//! One error type for every handler. Each variant maps to a status code and an RFC 9457 problem body;
//! internal failures are logged in full and answered with a bare 500 so nothing about the database or the
//! code leaks to a device.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use yoursay_core::protocol::Problem;
use yoursay_core::FieldError;

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug)]
pub enum ApiError {
    /// The request as a whole cannot be read; `errors` names the fields to fix.
    BadRequest {
        detail: String,
        errors: Vec<FieldError>,
    },
    Unauthorized,
    NotFound,
    /// Nothing has this name; `errors` says which field named it (a device's event code).
    NotFoundField(FieldError),
    /// It existed and has ended (a closed event); the detail says so.
    Gone(String),
    PayloadTooLarge,
    UnsupportedMediaType,
    /// Too many failed sign-ins: try again after this many seconds.
    TooManyAttempts {
        retry_after_secs: u64,
    },
    /// Too many password checks running at once: try again after this many seconds.
    Busy {
        retry_after_secs: u64,
    },
    /// Someone else changed it first; the detail says who and what to do.
    Conflict(String),
    Internal(anyhow::Error),
}

impl ApiError {
    pub fn bad_request(detail: impl Into<String>, errors: Vec<FieldError>) -> Self {
        ApiError::BadRequest { detail: detail.into(), errors }
    }

    pub fn field(error: FieldError) -> Self {
        ApiError::BadRequest { detail: error.message.clone(), errors: vec![error] }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::NotFound | ApiError::NotFoundField(_) => StatusCode::NOT_FOUND,
            ApiError::Gone(_) => StatusCode::GONE,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn problem(&self) -> Problem {
        let status = self.status();
        let (detail, errors) = match self {
            ApiError::BadRequest { detail, errors } => (Some(detail.clone()), errors.clone()),
            ApiError::Unauthorized => (Some("Sign in as an officer first.".into()), vec![]),
            ApiError::PayloadTooLarge => (Some("The request body is larger than the server accepts.".into()), vec![]),
            ApiError::UnsupportedMediaType => (Some("Send the body as application/json.".into()), vec![]),
            ApiError::TooManyAttempts { retry_after_secs } => {
                (Some(format!("Too many failed sign-ins. Try again in {retry_after_secs} seconds.")), vec![])
            }
            ApiError::Busy { retry_after_secs } => (
                Some(format!("The server is busy checking other sign-ins. Try again in {retry_after_secs} seconds.")),
                vec![],
            ),
            ApiError::Conflict(detail) | ApiError::Gone(detail) => (Some(detail.clone()), vec![]),
            ApiError::NotFoundField(error) => (Some(error.message.clone()), vec![error.clone()]),
            ApiError::NotFound | ApiError::Internal(_) => (None, vec![]),
        };
        Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail,
            errors,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(e) = &self {
            tracing::error!(error = ?e, "request failed");
        }
        let status = self.status();
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (status, [(header::CONTENT_TYPE, PROBLEM_JSON)], body).into_response();
        if let ApiError::TooManyAttempts { retry_after_secs } | ApiError::Busy { retry_after_secs } = self {
            if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::Internal(e.into())
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        ApiError::Internal(e)
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
