//! "You said, we did": the council's answers to what people said, so views do not vanish into a black
//! hole. The officer writes a response in English and Welsh; once published it reaches every device,
//! which keeps it for reading offline. Progress is added as dated updates, never by overwriting what was
//! said before. Nothing in a response names a person, so a shared device may hold it.
//!
//! Devices pull what changed since a [`Cursor`]: responses published, corrected, updated or withdrawn.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Bilingual, Catalogue};
use crate::entry::EventCode;
use crate::error::{ErrorCode, FieldError};

/// What people said, in a summary, and what was done: long enough for a paragraph each, short enough for
/// a noticeboard.
pub const MAX_TEXT_CHARS: usize = 1500;
/// How many promises, services or events one response may be linked to.
pub const MAX_LINKS: usize = 20;

/// Where the council has got to, said in words on every screen (never by colour alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// We heard you.
    Heard,
    LookingIntoIt,
    DoingIt,
    Done,
    /// We can't, and the text says why.
    Cannot,
}

impl Progress {
    pub const ALL: [Progress; 5] =
        [Progress::Heard, Progress::LookingIntoIt, Progress::DoingIt, Progress::Done, Progress::Cannot];

    pub fn code(self) -> &'static str {
        match self {
            Progress::Heard => "heard",
            Progress::LookingIntoIt => "looking_into_it",
            Progress::DoingIt => "doing_it",
            Progress::Done => "done",
            Progress::Cannot => "cannot",
        }
    }

    pub fn parse(s: &str) -> Option<Progress> {
        Progress::ALL.into_iter().find(|p| p.code() == s)
    }
}

/// A response as the officer writes it. A draft may lack Welsh; [`ResponseText::publishable`] says what
/// must be done before it may be published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseText {
    /// What people said, in a summary.
    pub you_said: Bilingual,
    /// What the council did or will do, or why it cannot.
    pub we_did: Bilingual,
    pub progress: Progress,
    /// Charter promises, services (catalogue codes) and events (event codes) it is about.
    #[serde(default)]
    pub promises: Vec<String>,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub events: Vec<String>,
    /// A view quoted in the response (its id): only one the officer marked safe to quote, checked by the
    /// server when the response is published or corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

impl ResponseText {
    /// Bounds that hold even for a draft: texts within length, at most [`MAX_LINKS`] of each link, each
    /// link a code the catalogue has (or a well-formed event code), none twice. Every problem, by path.
    pub fn check_draft(&self, catalogue: &Catalogue) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        for (field, text) in [("you_said", &self.you_said), ("we_did", &self.we_did)] {
            for (lang, words) in [("en", &text.en), ("cy", &text.cy)] {
                if words.trim().chars().count() > MAX_TEXT_CHARS {
                    errors.push(FieldError::new(format!("{field}.{lang}"), ErrorCode::TooLong));
                }
            }
        }
        links(&mut errors, "promises", &self.promises, |c| catalogue.promise(c).is_some());
        links(&mut errors, "services", &self.services, |c| catalogue.service(c).is_some());
        links(&mut errors, "events", &self.events, |c| EventCode::parse(c).is_ok());
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Everything [`ResponseText::check_draft`] checks, and both texts in both languages.
    pub fn publishable(&self, catalogue: &Catalogue) -> Result<(), Vec<FieldError>> {
        let mut errors = self.check_draft(catalogue).err().unwrap_or_default();
        for (field, text) in [("you_said", &self.you_said), ("we_did", &self.we_did)] {
            for (lang, words) in [("en", &text.en), ("cy", &text.cy)] {
                if words.trim().is_empty() {
                    errors.push(FieldError::new(format!("{field}.{lang}"), ErrorCode::Empty));
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The same response with its texts trimmed and event codes in their usual form, as it is stored.
    pub fn normalised(&self) -> ResponseText {
        let trim = |b: &Bilingual| Bilingual::new(b.en.trim(), b.cy.trim());
        ResponseText {
            you_said: trim(&self.you_said),
            we_did: trim(&self.we_did),
            events: self
                .events
                .iter()
                .map(|e| EventCode::parse(e).map_or(e.clone(), |c| c.as_str().to_owned()))
                .collect(),
            ..self.clone()
        }
    }
}

fn links(errors: &mut Vec<FieldError>, field: &str, codes: &[String], known: impl Fn(&str) -> bool) {
    if codes.len() > MAX_LINKS {
        errors.push(FieldError::new(field, ErrorCode::TooMany));
        return;
    }
    for (i, code) in codes.iter().enumerate() {
        if !known(code) {
            errors.push(FieldError::new(format!("{field}[{i}]"), ErrorCode::UnknownCode));
        } else if codes[..i].contains(code) {
            errors.push(FieldError::new(format!("{field}[{i}]"), ErrorCode::Duplicate));
        }
    }
}

/// `PUT /officer/responses/{id}/views`: the views (entry ids) a response answers, replacing those it had.
/// Kept on the server beside the response, never in its text, so no device and no export ever holds them:
/// they would tie a published answer back to what one person said.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnsweredViews {
    pub views: Vec<String>,
}

impl AnsweredViews {
    /// At most [`MAX_LINKS`], none twice; whether each is a view in the inbox is the server's to say.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        links(&mut errors, "views", &self.views, |_| true);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// `POST /officer/responses/{id}/updates`: progress since, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUpdate {
    pub progress: Progress,
    pub text: Bilingual,
}

impl NewUpdate {
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        for (lang, words) in [("en", &self.text.en), ("cy", &self.text.cy)] {
            let n = words.trim().chars().count();
            if n == 0 {
                errors.push(FieldError::new(format!("text.{lang}"), ErrorCode::Empty));
            } else if n > MAX_TEXT_CHARS {
                errors.push(FieldError::new(format!("text.{lang}"), ErrorCode::TooLong));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// One dated step of a response's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Update {
    pub at: i64,
    pub progress: Progress,
    pub text: Bilingual,
}

/// Where a response is: being written, out on devices, or taken back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseState {
    Draft,
    Published,
    Withdrawn,
}

impl ResponseState {
    pub fn code(self) -> &'static str {
        match self {
            ResponseState::Draft => "draft",
            ResponseState::Published => "published",
            ResponseState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [ResponseState::Draft, ResponseState::Published, ResponseState::Withdrawn].into_iter().find(|r| r.code() == s)
    }
}

/// A response as the officer's console sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseDetail {
    pub id: String,
    pub state: ResponseState,
    pub text: ResponseText,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
    /// Oldest first.
    pub updates: Vec<Update>,
    /// What stops it being published, by path; empty when it may be.
    pub to_publish: Vec<FieldError>,
    /// The views it answers (entry ids), in the order chosen: the officer's only (see [`AnsweredViews`]).
    #[serde(default)]
    pub views: Vec<String>,
}

/// `GET /officer/responses`: newest change first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseList {
    pub responses: Vec<ResponseDetail>,
}

// ---- devices: GET /api/v1/responses?since=CURSOR ----

pub const FEED_PATH: &str = "/api/v1/responses";

/// A published response as devices keep it: no links to views, nothing about who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedItem {
    pub id: String,
    pub you_said: Bilingual,
    pub we_did: Bilingual,
    /// The newest progress: the last update's, or the response's own.
    pub progress: Progress,
    pub promises: Vec<String>,
    pub services: Vec<String>,
    pub events: Vec<String>,
    /// The words of the view quoted, if one is: shown as the person wrote them, never as markup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    pub published_at: i64,
    /// When it last changed (published, corrected or updated): "new since you last looked" compares this.
    pub changed_at: i64,
    pub updates: Vec<Update>,
}

/// What changed since the cursor sent: responses to add or replace, ids to remove, and the cursor to send
/// next time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub items: Vec<FeedItem>,
    pub withdrawn: Vec<String>,
    pub cursor: String,
}

/// A position in the sequence of changes to published responses. Sent as text so its form may change;
/// today `c` and a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Cursor(pub u64);

impl Cursor {
    /// An absent or empty cursor is the beginning; anything else must be one this server gave out.
    pub fn parse(s: Option<&str>) -> Result<Cursor, FieldError> {
        match s.map(str::trim) {
            None | Some("") => Ok(Cursor(0)),
            Some(s) => s
                .strip_prefix('c')
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| n.parse().ok())
                .map(Cursor)
                .ok_or_else(|| FieldError::new("since", ErrorCode::Invalid)),
        }
    }

    pub fn text(self) -> String {
        format!("c{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::default_catalogue;

    fn text() -> ResponseText {
        ResponseText {
            you_said: Bilingual::new(
                "You said you rarely see your social worker.",
                "Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol.",
            ),
            we_did: Bilingual::new(
                " We are taking on two more social workers. ",
                "Rydyn ni'n cyflogi dau weithiwr cymdeithasol arall.",
            ),
            progress: Progress::DoingIt,
            promises: vec!["support".into()],
            services: vec!["social_worker".into()],
            events: vec!["coffee-nov".into()],
            quote: None,
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<(String, ErrorCode)> {
        errors.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_response_in_both_languages_with_known_links_may_be_published() {
        assert_eq!(text().publishable(&default_catalogue()), Ok(()));
        let stored = text().normalised();
        assert_eq!(stored.we_did.en, "We are taking on two more social workers.");
        assert_eq!(stored.events, ["COFFEE-NOV"]);
    }

    #[test]
    fn a_draft_may_lack_welsh_but_publishing_needs_both_languages() {
        let mut draft = text();
        draft.we_did.cy = "  ".into();
        draft.you_said.cy = String::new();
        assert_eq!(draft.check_draft(&default_catalogue()), Ok(()));
        assert_eq!(
            fields(draft.publishable(&default_catalogue()).unwrap_err()),
            [("you_said.cy".to_owned(), ErrorCode::Empty), ("we_did.cy".to_owned(), ErrorCode::Empty)]
        );
    }

    #[test]
    fn links_must_name_what_the_catalogue_has_once_each_and_texts_stay_within_bounds() {
        let mut draft = text();
        draft.promises = vec!["support".into(), "flying".into(), "support".into()];
        draft.events = vec!["no spaces allowed".into()];
        draft.we_did.en = "x".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            fields(draft.check_draft(&default_catalogue()).unwrap_err()),
            [
                ("we_did.en".to_owned(), ErrorCode::TooLong),
                ("promises[1]".to_owned(), ErrorCode::UnknownCode),
                ("promises[2]".to_owned(), ErrorCode::Duplicate),
                ("events[0]".to_owned(), ErrorCode::UnknownCode),
            ]
        );
        draft.services = vec!["social_worker".into(); MAX_LINKS + 1];
        assert!(fields(draft.check_draft(&default_catalogue()).unwrap_err())
            .contains(&("services".to_owned(), ErrorCode::TooMany)));
    }

    #[test]
    fn the_views_a_response_answers_are_bounded_and_named_once_each() {
        let twice = AnsweredViews { views: vec!["a".into(), "b".into(), "a".into()] };
        assert_eq!(fields(twice.check().unwrap_err()), [("views[2]".to_owned(), ErrorCode::Duplicate)]);
        let many = AnsweredViews { views: (0..=MAX_LINKS).map(|n| n.to_string()).collect() };
        assert_eq!(fields(many.check().unwrap_err()), [("views".to_owned(), ErrorCode::TooMany)]);
        assert_eq!(AnsweredViews::default().check(), Ok(()));
    }

    #[test]
    fn an_update_needs_both_languages() {
        let update = NewUpdate { progress: Progress::Done, text: Bilingual::new("Both started in March.", "") };
        assert_eq!(fields(update.check().unwrap_err()), [("text.cy".to_owned(), ErrorCode::Empty)]);
    }

    #[test]
    fn progress_and_states_round_trip_through_their_codes() {
        for p in Progress::ALL {
            assert_eq!(Progress::parse(p.code()), Some(p));
            assert_eq!(serde_json::to_value(p).unwrap(), p.code());
        }
        assert_eq!(ResponseState::parse("published"), Some(ResponseState::Published));
        assert_eq!(ResponseState::parse("gone"), None);
    }

    #[test]
    fn a_cursor_is_one_the_server_gave_out_or_none() {
        assert_eq!(Cursor::parse(None), Ok(Cursor(0)));
        assert_eq!(Cursor::parse(Some("")), Ok(Cursor(0)));
        assert_eq!(Cursor::parse(Some("c42")), Ok(Cursor(42)));
        assert_eq!(Cursor(42).text(), "c42");
        for bad in ["42", "c", "c-1", "c4x", "cursor", "c99999999999999999999999"] {
            assert_eq!(Cursor::parse(Some(bad)).unwrap_err().field, "since", "{bad}");
        }
    }
}
