//! Your Say core: what an entry *is*, what the charter catalogue holds, and how devices and the server talk.
//!
//! Everything here is plain Rust shared by the browser app and the server, so a rule is written once and
//! tested natively. Types are valid by construction: the only way to get an [`Entry`] is to parse one, and
//! the only way to get a [`PublishedForm`] is to publish one.

pub mod catalogue;
pub mod disclosure;
pub mod entry;
pub mod error;
pub mod event;
pub mod form;
pub mod language;
pub mod officer;
pub mod protocol;
pub mod risk;
pub mod template;
pub mod you_said;

pub use catalogue::{Bilingual, Catalogue, CatalogueItem};
pub use entry::{
    AgeBand, Answer, Contact, ContactLine, ContactWire, Entry, EntryBody, EntryId, EntryKind, EntryWire, EventCode,
    ItemCode, PromiseAnswer, Rating, Role, Score, SurveyEntry, Timestamp, View, ViewText,
};
pub use error::{ErrorCode, FieldError};
pub use form::{Form, PublishedForm, SurveyResponse, SurveyWire};
pub use language::Language;
