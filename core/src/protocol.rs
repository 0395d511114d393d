//! How a device and the server talk.
//!
//! * Push: `POST /api/v1/entries` with a batch of entries. The server answers for every entry, in order:
//!   accepted (stored now), already had (stored before: a retry), or refused with the reasons. A device
//!   removes an entry from its outbox only on the first two.
//! * Pull: `GET /api/v1/catalogue` answers the current [`crate::Catalogue`]; its `version` tells a device
//!   whether its cached copy is stale.
//! * Notice: `GET /api/v1/notice` answers what the privacy notices must state as the officer set it
//!   ([`Notice`]); public and read-only, cached by a device for offline use.
//!
//! Errors that concern the whole request are RFC 9457 problem details ([`Problem`]).

use serde::{Deserialize, Serialize};

use crate::entry::EntryWire;
use crate::error::FieldError;

pub const PUSH_PATH: &str = "/api/v1/entries";
pub const CATALOGUE_PATH: &str = "/api/v1/catalogue";
pub const NOTICE_PATH: &str = "/api/v1/notice";

/// What the privacy notices state from the officer's settings, so they never promise a fixed period the
/// officer has since changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// Entries older than this are deleted by retention.
    pub retention_months: i64,
}

/// Entries per push. A device with more waiting sends several batches.
pub const MAX_BATCH: usize = 50;
/// The largest push body the server reads. 50 entries of 2,000 four-byte characters fit with room to spare.
pub const MAX_PUSH_BYTES: usize = 512 * 1024;

/// A device sends typed entries; the server reads each as raw JSON first so that one malformed entry is
/// refused on its own instead of failing the whole batch.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest<E = EntryWire> {
    pub entries: Vec<E>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushResponse {
    pub results: Vec<PushResult>,
}

/// On the wire: `{"id": "…", "status": "accepted" | "already_had" | "refused", "errors": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "PushResultWire", into = "PushResultWire")]
pub struct PushResult {
    pub id: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Accepted,
    AlreadyHad,
    Refused { errors: Vec<FieldError> },
}

/// The flat wire form of [`PushResult`]. Flat on purpose: serde's flattened and internally tagged forms
/// buffer through generic code that would cost the phone's download several kilobytes.
#[derive(Serialize, Deserialize)]
struct PushResultWire {
    id: String,
    status: Status,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldError>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Status {
    Accepted,
    AlreadyHad,
    Refused,
}

impl From<PushResultWire> for PushResult {
    fn from(w: PushResultWire) -> Self {
        let outcome = match w.status {
            Status::Accepted => Outcome::Accepted,
            Status::AlreadyHad => Outcome::AlreadyHad,
            Status::Refused => Outcome::Refused { errors: w.errors },
        };
        PushResult { id: w.id, outcome }
    }
}

impl From<PushResult> for PushResultWire {
    fn from(r: PushResult) -> Self {
        let (status, errors) = match r.outcome {
            Outcome::Accepted => (Status::Accepted, Vec::new()),
            Outcome::AlreadyHad => (Status::AlreadyHad, Vec::new()),
            Outcome::Refused { errors } => (Status::Refused, errors),
        };
        PushResultWire { id: r.id, status, errors }
    }
}

/// What a device does with each entry it sent, once the server has answered.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterPush {
    /// The server has it: it may leave the device.
    Remove,
    /// The server will never take it as it is: keep it, show the reasons.
    MarkRefused(Vec<FieldError>),
    /// No answer about it: try again later.
    Keep,
}

/// Decides, for each id that was sent, what happens to it. An id the server did not mention is kept:
/// only an explicit confirmation lets an entry leave the device.
pub fn after_push(sent: &[String], response: &PushResponse) -> Vec<(String, AfterPush)> {
    sent.iter()
        .map(|id| {
            let action = match response.results.iter().find(|r| &r.id == id).map(|r| &r.outcome) {
                Some(Outcome::Accepted | Outcome::AlreadyHad) => AfterPush::Remove,
                Some(Outcome::Refused { errors }) => AfterPush::MarkRefused(errors.clone()),
                None => AfterPush::Keep,
            };
            (id.clone(), action)
        })
        .collect()
}

/// RFC 9457 problem details, with the fields that need fixing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn result(id: &str, outcome: Outcome) -> PushResult {
        PushResult { id: id.into(), outcome }
    }

    #[test]
    fn only_confirmed_entries_leave_the_device() {
        let refused = vec![FieldError::new("text", ErrorCode::TooLong)];
        let response = PushResponse {
            results: vec![
                result("a", Outcome::Accepted),
                result("b", Outcome::AlreadyHad),
                result("c", Outcome::Refused { errors: refused.clone() }),
            ],
        };
        let sent = ["a", "b", "c", "d"].map(String::from);
        assert_eq!(
            after_push(&sent, &response),
            vec![
                ("a".into(), AfterPush::Remove),
                ("b".into(), AfterPush::Remove),
                ("c".into(), AfterPush::MarkRefused(refused)),
                ("d".into(), AfterPush::Keep),
            ]
        );
    }

    #[test]
    fn outcomes_have_a_stable_wire_shape() {
        let json = serde_json::to_value(result("a", Outcome::AlreadyHad)).unwrap();
        assert_eq!(json, serde_json::json!({"id": "a", "status": "already_had"}));
        let refused = result("b", Outcome::Refused { errors: vec![FieldError::new("role", ErrorCode::UnknownValue)] });
        let json = serde_json::to_value(&refused).unwrap();
        assert_eq!(json["status"], "refused");
        assert_eq!(json["errors"][0]["code"], "unknown_value");
        assert_eq!(serde_json::from_value::<PushResult>(json).unwrap(), refused);
    }
}
