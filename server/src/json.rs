//! Reading JSON bodies so that every mistake comes back as a [`FieldError`] naming where it is, in the same
//! shape the device already knows from refused entries.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;
use yoursay_core::{ErrorCode, FieldError};

use crate::error::ApiError;

mod value;

pub use value::ReadError;
use value::ValueReader;

/// Turns a read error into the field it concerns. serde_path_to_error ends the path with an unknown
/// field's name, but not with a missing one's, so that name is added here.
pub fn field_error(err: &serde_path_to_error::Error<ReadError>) -> FieldError {
    let path = err.path().to_string();
    let at = |name: &str| {
        if path == "." {
            name.to_owned()
        } else if path == name || path.ends_with(&format!(".{name}")) {
            path.clone()
        } else {
            format!("{path}.{name}")
        }
    };
    match err.inner() {
        ReadError::UnknownField(name) => FieldError::new(at(name), ErrorCode::UnknownField),
        ReadError::MissingField(name) => FieldError::new(at(name), ErrorCode::Missing),
        ReadError::Invalid if path == "." => FieldError::new("body", ErrorCode::Invalid),
        ReadError::Invalid => FieldError::new(path, ErrorCode::Invalid),
    }
}

pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, FieldError> {
    serde_path_to_error::deserialize(ValueReader(value)).map_err(|e| field_error(&e))
}

/// The one strict reading of a request body as JSON: one JSON value and nothing after it but white space
/// (`{"a":1}{"a":2}` is refused, not read as its first half).
pub fn parse(bytes: &[u8]) -> Result<serde_json::Value, ApiError> {
    serde_json::from_slice(bytes).map_err(|_| not_json())
}

pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    from_value(parse(bytes)?).map_err(ApiError::field)
}

pub fn not_json() -> ApiError {
    ApiError::bad_request("The body is not valid JSON.", vec![FieldError::new("body", ErrorCode::Invalid)])
}

/// Maps axum's body rejections (size limit, read failure) onto problem details.
pub fn body_rejection(status: StatusCode) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge
    } else {
        ApiError::bad_request("The body could not be read.", vec![])
    }
}

/// A JSON body on an officer route. The `application/json` content type is required: a cross-site form
/// cannot send it without a CORS preflight, which this server never grants, so this is half of the CSRF
/// defence (the other half is the SameSite=Strict cookie).
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|r| body_rejection(r.status()))?;
        from_slice(&bytes).map(ApiJson)
    }
}

pub fn is_json(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"))
}
