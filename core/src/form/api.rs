//! The forms API's types (server/API.md): devices read published versions from `GET /api/v1/forms`, the
//! officer's console writes drafts and publishes under `/api/v1/officer/forms`. The server serialises them
//! and the app and console read them, so a change breaks the build rather than the page.

use serde::{Deserialize, Serialize};

use super::{Audience, Form, PublishedForm};
use crate::catalogue::{Bilingual, Catalogue};
use crate::error::FieldError;

/// `GET`: the current version of every published form that is not retired ([`DeviceForms`]).
pub const FORMS_PATH: &str = "/api/v1/forms";

/// `GET {FORMS_PATH}/{code}/{version}`: any version ever published, retired forms' included.
pub fn version_path(code: &str, version: u32) -> String {
    format!("{FORMS_PATH}/{code}/{version}")
}

/// One published version as served. The server sends the stored form text as it was published (`F` is a
/// raw JSON value there); a device reads a [`Form`] and calls [`PublishedFormWire::restore`], which checks
/// the content hash, before it runs or caches it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedFormWire<F = Form> {
    pub version: u32,
    pub content_hash: String,
    pub form: F,
}

impl PublishedFormWire {
    pub fn restore(&self, catalogue: &Catalogue) -> Result<PublishedForm, Vec<FieldError>> {
        PublishedForm::restore(&self.form, self.version, &self.content_hash, catalogue)
    }
}

/// What a list of surveys shows of one published form: its title, who it is for and how long it takes.
/// The phone's home screen reads only this much of [`DeviceForms`] (field by field, with the browser's
/// own JSON reader: [`HEADLINE_FIELDS`]), so listing surveys costs its first load no form decoder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormHeadline {
    pub code: String,
    pub title: Bilingual,
    pub audience: Audience,
    /// How many questions the form has (some may stay hidden by their show-if rule).
    pub questions: usize,
}

/// Where the list of published forms is in a [`DeviceForms`].
pub const FORMS_FIELD: &str = "forms";

/// Where a headline's parts are in each item of [`DeviceForms::forms`]: the item's `form`, then these
/// fields of it (`title` holds `en` and `cy`; `questions` is a list, counted). A test serialises a
/// [`DeviceForms`] and reads it back by these names, so a renamed field breaks the build, not the phone.
pub const HEADLINE_FIELDS: [&str; 5] = ["form", "code", "title", "audience", "questions"];

impl FormHeadline {
    pub fn of(published: &PublishedFormWire) -> Self {
        let form = &published.form;
        FormHeadline {
            code: form.code.clone(),
            title: form.title.clone(),
            audience: form.audience,
            questions: form.questions.len(),
        }
    }

    /// About three questions a minute on a phone, rounded up and never less than one: a promise the list
    /// can keep.
    pub fn minutes(&self) -> usize {
        self.questions.div_ceil(3).max(1)
    }
}

/// `GET {FORMS_PATH}`. Comes with an `ETag`; a device sends it back in `If-None-Match` and gets `304 Not
/// Modified` while nothing was published, retired or restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceForms<F = Form> {
    pub forms: Vec<PublishedFormWire<F>>,
}

// ---- officer: /api/v1/officer/forms ----

/// `GET /officer/forms`: every form the officer has made, retired ones included, in code order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormList {
    pub forms: Vec<FormSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSummary {
    pub code: String,
    /// The draft's title (what the officer is working on).
    pub title: Bilingual,
    /// As last saved in the draft.
    pub audience: Audience,
    pub retired: bool,
    /// The newest published version; `None` until the first publish.
    pub latest: Option<VersionInfo>,
    pub draft: DraftState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub version: u32,
    pub content_hash: String,
    pub published_at: i64,
    pub published_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftState {
    pub updated_at: i64,
    pub updated_by: String,
    /// The draft's content differs from the newest version (always true before the first publish).
    pub unpublished_changes: bool,
}

/// `POST /officer/forms`: a new form with a code never used before, its draft blank (audience everyone)
/// or a copy of `from`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewForm {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<StartFrom>,
}

/// `{"starting_point": "coffee_catch_up"}` (one of [`super::starting_points::all`]) or `{"form":
/// "annual_2025"}` (the newest published version of one of the officer's forms, or its draft if it was
/// never published).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum StartFrom {
    StartingPoint(String),
    Form(String),
}

/// `GET`/`PUT /officer/forms/{code}/draft` (the `PUT` sends only the [`Form`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub form: Form,
    /// Send it back with a save (`PUT …/draft?revision=3`): a save started from an older revision is
    /// refused with 409, so one officer never silently undoes another's changes.
    pub revision: i64,
    pub updated_at: i64,
    pub updated_by: String,
    /// What publishing it now would refuse, every problem by path (empty: it can be published).
    pub to_publish: Vec<FieldError>,
}

/// `POST /officer/forms/{code}/publish`: `published` is false when the draft was the newest version already
/// (nothing new was made; `version` is that version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishOutcome {
    pub published: bool,
    pub version: u32,
    pub content_hash: String,
}

/// `GET /officer/forms/{code}/versions/{version}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedVersion {
    pub info: VersionInfo,
    pub form: Form,
}

// ---- officer: results of one survey ----

/// `GET /officer/forms/{code}/results`: every answer to every version, merged by question code, each count
/// through the one small-number rule ([`crate::disclosure`]). Questions are in the newest version's order
/// with its wording, then any question only earlier versions asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResults {
    pub form: String,
    pub title: Bilingual,
    pub min_cell: u32,
    /// How many people answered in this selection.
    pub responses: crate::disclosure::Count,
    /// The versions these answers were given to, oldest first.
    pub versions: Vec<u32>,
    pub questions: Vec<QuestionResults>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResults {
    pub code: String,
    /// The kind's name (`faces`, `single`, …): how to draw it.
    pub kind: String,
    pub prompt: Bilingual,
    /// Earlier versions that asked this question in other words; their answers are counted here too.
    pub reworded_in: Vec<u32>,
    /// How many people answered it.
    pub answered: crate::disclosure::Count,
    /// Each answer that may be given, in order, with how many gave it: faces and "don't know", the easy
    /// scale, frequencies, choices (and "none of these"), a grid's promises. Empty for free text, which
    /// is read in the inbox and the export.
    pub options: Vec<OptionCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionCount {
    pub code: String,
    pub label: Bilingual,
    pub count: crate::disclosure::Count,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::starting_points;

    #[test]
    fn a_headline_names_the_form_and_counts_its_questions() {
        let form = starting_points::all().into_iter().next().expect("a starting point");
        let wire = PublishedFormWire { version: 2, content_hash: "h".into(), form: form.clone() };
        let headline = FormHeadline::of(&wire);
        assert_eq!(headline.code, form.code);
        assert_eq!(headline.title, form.title);
        assert_eq!(headline.audience, form.audience);
        assert_eq!(headline.questions, form.questions.len());
    }

    #[test]
    fn minutes_are_three_questions_a_minute_rounded_up_and_at_least_one() {
        let minutes = |questions| {
            FormHeadline { code: "c".into(), title: Bilingual::new("t", "t"), audience: Audience::Everyone, questions }
                .minutes()
        };
        assert_eq!([0, 1, 3, 4, 6, 7, 30].map(minutes), [1, 1, 1, 2, 2, 3, 10]);
    }

    #[test]
    fn the_headline_fields_are_where_devices_forms_are_serialised() {
        let form = starting_points::all().into_iter().next().expect("a starting point");
        let json = serde_json::to_value(DeviceForms {
            forms: vec![PublishedFormWire { version: 1, content_hash: "h".into(), form }],
        })
        .expect("serialises");
        let [item, code, title, audience, questions] = HEADLINE_FIELDS;
        let form = &json[FORMS_FIELD][0][item];
        assert!(form[code].is_string());
        assert!(form[title]["en"].is_string() && form[title]["cy"].is_string());
        assert!(Audience::from_code(form[audience].as_str().expect("a code")).is_some());
        assert!(form[questions].is_array());
    }

    #[test]
    fn every_audience_reads_back_from_its_code() {
        for audience in Audience::ALL {
            assert_eq!(Audience::from_code(audience.code()), Some(audience));
        }
        assert_eq!(Audience::from_code("officers"), None);
    }
}
