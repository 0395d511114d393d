//! The export for the annual consultation: one row per answer (a view, one promise of a rating, or one
//! answer of a survey: a multiple-choice answer is a row per choice and a grid answer a row per promise),
//! with codes and their English and Welsh words, written as CSV or XLSX while the rows are read. The officer's
//! download and the `export` command both call [`build`], so every format and every caller carries exactly
//! the same cells, and every export is audited.

pub mod csv;
pub mod labels;
pub mod xlsx;
pub mod you_said;

use std::borrow::Cow;
use std::collections::HashMap;

use bytes::Bytes;
use futures_util::TryStreamExt;
use sqlx::AnyPool;
use tokio::sync::mpsc;
use yoursay_core::form::{Easy3, Frequency, Kind, Question};
use yoursay_core::officer::AuditFacts;
use yoursay_core::{AgeBand, Answer, Catalogue, CatalogueItem, EntryKind, PublishedForm, Role, Score};

use crate::clock::iso_utc;
use crate::filters::{param, Filters, Params};
use crate::store::audit;
use crate::store::export::{answered_versions, ExportQuery, StoredAnswer};

/// The filters an export may be narrowed by (query parameters, and the command's options).
pub const FILTERS: [&str; 6] = ["from", "to", "event", "role", "age_band", "kind"];

pub const COLUMNS: usize = 29;

pub const HEADER: [&str; COLUMNS] = [
    "entry_id",
    "created_at",
    "event",
    "role",
    "role_en",
    "role_cy",
    "age_band",
    "age_band_en",
    "age_band_cy",
    "language",
    "kind",
    "service_code",
    "service_en",
    "service_cy",
    "promise_code",
    "promise_en",
    "promise_cy",
    "score",
    "score_en",
    "score_cy",
    "text",
    // Survey answers only. Added at the end so spreadsheets built on the earlier columns keep working.
    "survey",
    "survey_version",
    "question_code",
    "question_en",
    "question_cy",
    "choice_code",
    "choice_en",
    "choice_cy",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// What to export, for whom: the audit log names the actor and the filters.
pub struct Job {
    pub format: Format,
    pub filters: Filters,
    pub actor: String,
    /// The filters as given (name, value), for the audit log.
    pub given: Vec<(String, String)>,
}

impl Job {
    /// Reads the filters named in [`FILTERS`] from `params`.
    pub fn from_params(
        format: Format,
        params: &Params,
        actor: impl Into<String>,
    ) -> Result<Self, crate::error::ApiError> {
        let filters = Filters::from_params(params, &FILTERS)?;
        let given = FILTERS.iter().filter_map(|k| param(params, k).map(|v| ((*k).to_owned(), v.to_owned()))).collect();
        Ok(Job { format, filters, actor: actor.into(), given })
    }
}

/// Where the file goes, chunk by chunk as it is written.
pub enum Destination {
    /// The command line's output file.
    File(std::fs::File),
    /// A download: the HTTP body reads the other end.
    Channel(mpsc::Sender<Result<Bytes, std::io::Error>>),
}

impl Destination {
    async fn send(&mut self, chunk: Vec<u8>) -> std::io::Result<()> {
        if chunk.is_empty() {
            return Ok(());
        }
        match self {
            Destination::File(file) => std::io::Write::write_all(file, &chunk),
            Destination::Channel(tx) => tx
                .send(Ok(Bytes::from(chunk)))
                .await
                .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the download was cancelled")),
        }
    }
}

/// Writes the export of `job` to `out` as its rows are read, and audits it. Returns the number of rows.
/// The audit entry is written before the file's last bytes, so a finished download is always in the log;
/// one cut off part-way is logged as such.
pub async fn build(pool: &AnyPool, catalogue: &Catalogue, job: &Job, out: &mut Destination) -> anyhow::Result<usize> {
    let mut file = FileWriter::new(job.format)?;
    let mut rows = 0;
    let written = write_rows(pool, catalogue, job, &mut file, out, &mut rows).await;
    let facts = AuditFacts::Export { rows: rows as u64, filters: job.given.clone(), finished: written.is_ok() };
    audit::record_now(pool, &job.actor, "export", Some(job.format.extension()), Some(&facts)).await?;
    written?;
    if let FileWriter::Xlsx(w) = &mut file {
        let mut conn = pool.acquire().await?;
        w.responses_sheet(&you_said::rows(&mut conn).await?)?;
    }
    out.send(file.finish()?).await?;
    Ok(rows)
}

async fn write_rows(
    pool: &AnyPool,
    catalogue: &Catalogue,
    job: &Job,
    file: &mut FileWriter,
    out: &mut Destination,
    rows: &mut usize,
) -> anyhow::Result<()> {
    let mut conn = pool.acquire().await?;
    let forms = answered_forms(&mut conn, catalogue).await?;
    let query = ExportQuery::new(&job.filters);
    let mut stored = query.rows(&mut conn);
    // The rows of one entry arrive together; they are written when the next entry starts.
    let mut entry: Vec<StoredAnswer> = Vec::new();
    loop {
        let next = stored.try_next().await?;
        if next.as_ref().is_none_or(|n| entry.first().is_some_and(|e| e.entry_id != n.entry_id)) {
            for row in export_rows(catalogue, &forms, &entry)? {
                file.row(&row.cells())?;
                *rows += 1;
            }
            entry.clear();
            if let Some(chunk) = file.full_chunk() {
                out.send(chunk).await?;
            }
        }
        match next {
            Some(n) => entry.push(n),
            None => return Ok(()),
        }
    }
}

/// The versions of forms that survey entries answered, read before the rows stream (the stream holds the
/// connection), keyed by code and version.
pub type Forms = HashMap<(String, i64), PublishedForm>;

async fn answered_forms(conn: &mut sqlx::AnyConnection, catalogue: &Catalogue) -> anyhow::Result<Forms> {
    let mut forms = Forms::new();
    for (code, version) in answered_versions(conn).await? {
        let Ok(number) = u32::try_from(version) else { continue };
        if let Some(stored) = crate::store::forms::version_on(conn, &code, number).await? {
            forms.insert((code, version), crate::published_forms::restore(&stored, catalogue)?);
        }
    }
    Ok(forms)
}

/// A code with its English and Welsh words.
pub type Labelled<'a> = (&'a str, [&'a str; 2]);

/// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and CR, may shift it
/// into one). A young person's view must never run as a formula on the officer's computer.
pub fn neutralise(cell: Cow<'_, str>) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// A catalogue code and the item it names. A code the catalogue lacks cannot happen (codes are never
/// deleted), but the row still carries the code rather than failing the export.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub code: &'a str,
    pub item: Option<&'a CatalogueItem>,
}

impl<'a> Item<'a> {
    fn of(list: Option<&'a CatalogueItem>, code: &'a str) -> Self {
        Item { code, item: list }
    }

    fn names(self) -> [&'a str; 2] {
        self.item.map_or(["", ""], |i| [i.name.en.as_str(), i.name.cy.as_str()])
    }
}

/// One row of the export. Labels are borrowed from the catalogue and the translation files, not copied.
#[derive(Debug, Clone)]
pub struct ExportRow<'a> {
    pub entry_id: &'a str,
    pub created_at: i64,
    pub event: Option<&'a str>,
    pub role: Option<Role>,
    pub age_band: Option<AgeBand>,
    pub language: &'a str,
    pub kind: EntryKind,
    pub service: Option<Item<'a>>,
    /// The promise a rating's answer is for, or every promise a view is tagged with.
    pub promises: Vec<Item<'a>>,
    pub answer: Option<Answer>,
    pub text: Option<&'a str>,
    /// A survey answer's form and version, question, the choice of a choice question, and the point of an
    /// easy three-face scale (written where a face's score goes, with its own words).
    pub survey: Option<(&'a str, i64)>,
    pub question: Option<Labelled<'a>>,
    pub choice: Option<Labelled<'a>>,
    pub easy: Option<Easy3>,
}

impl<'a> ExportRow<'a> {
    /// The cells in [`HEADER`]'s order, formula starts neutralised.
    pub fn cells(&self) -> [Cow<'a, str>; COLUMNS] {
        let pair = |p: Option<[&'a str; 2]>| p.unwrap_or(["", ""]).map(Cow::Borrowed);
        let [role_en, role_cy] = pair(self.role.map(labels::role));
        let [age_en, age_cy] = pair(self.age_band.map(labels::age_band));
        let [score_en, score_cy] = pair(self.answer.map(labels::answer).or(self.easy.map(labels::easy)));
        let [service_en, service_cy] = pair(self.service.map(Item::names));
        let joined = |cell: &dyn Fn(&Item<'a>) -> &'a str| -> Cow<'a, str> {
            match self.promises.as_slice() {
                [one] => Cow::Borrowed(cell(one)),
                many => Cow::Owned(many.iter().map(cell).collect::<Vec<_>>().join("; ")),
            }
        };
        let score = match (self.answer, self.easy) {
            (Some(Answer::DontKnow), _) => Cow::Borrowed(Answer::DONT_KNOW),
            (Some(Answer::Score(s)), _) => Cow::Owned(s.value().to_string()),
            (None, Some(e)) => Cow::Owned(e.value().to_string()),
            (None, None) => Cow::Borrowed(""),
        };
        let [question_en, question_cy] = pair(self.question.map(|q| q.1));
        let [choice_en, choice_cy] = pair(self.choice.map(|c| c.1));
        [
            Cow::Borrowed(self.entry_id),
            Cow::Owned(iso_utc(self.created_at)),
            Cow::Borrowed(self.event.unwrap_or_default()),
            Cow::Borrowed(self.role.map_or("", Role::code)),
            role_en,
            role_cy,
            Cow::Borrowed(self.age_band.map_or("", AgeBand::code)),
            age_en,
            age_cy,
            Cow::Borrowed(self.language),
            Cow::Borrowed(self.kind.code()),
            Cow::Borrowed(self.service.map_or("", |s| s.code)),
            service_en,
            service_cy,
            joined(&|p| p.code),
            joined(&|p| p.names()[0]),
            joined(&|p| p.names()[1]),
            score,
            score_en,
            score_cy,
            Cow::Borrowed(self.text.unwrap_or_default()),
            Cow::Borrowed(self.survey.map_or("", |s| s.0)),
            self.survey.map_or(Cow::Borrowed(""), |s| Cow::Owned(s.1.to_string())),
            Cow::Borrowed(self.question.map_or("", |q| q.0)),
            question_en,
            question_cy,
            Cow::Borrowed(self.choice.map_or("", |c| c.0)),
            choice_en,
            choice_cy,
        ]
        .map(neutralise)
    }
}

/// The export rows of one entry, from its query rows: a view is one row with all its tags; a rating is one
/// row per answer; a survey as [`survey_rows`] says.
fn export_rows<'a>(
    catalogue: &'a Catalogue,
    forms: &'a Forms,
    stored: &'a [StoredAnswer],
) -> anyhow::Result<Vec<ExportRow<'a>>> {
    let Some(first) = stored.first() else { return Ok(Vec::new()) };
    let kind = EntryKind::parse(&first.kind)
        .map_err(|_| anyhow::anyhow!("entry {} has kind {}", first.entry_id, first.kind))?;
    let promise = |s: &'a StoredAnswer| s.promise.as_deref().map(|p| Item::of(catalogue.promise(p), p));
    let base = ExportRow {
        entry_id: &first.entry_id,
        created_at: first.created_at,
        event: first.event.as_deref(),
        role: first.role.as_deref().and_then(|r| Role::parse(r).ok()),
        age_band: first.age_band.as_deref().and_then(|a| AgeBand::parse(a).ok()),
        language: &first.language,
        kind,
        service: first.service.as_deref().map(|s| Item::of(catalogue.service(s), s)),
        promises: Vec::new(),
        answer: None,
        text: first.text.as_deref(),
        survey: None,
        question: None,
        choice: None,
        easy: None,
    };
    Ok(match kind {
        EntryKind::View => vec![ExportRow { promises: stored.iter().filter_map(promise).collect(), ..base }],
        EntryKind::Rating => stored
            .iter()
            .filter_map(|s| {
                let answer = if s.dont_know {
                    Answer::DontKnow
                } else {
                    Answer::Score(s.score.and_then(|n| Score::parse(n).ok())?)
                };
                Some(ExportRow { promises: vec![promise(s)?], answer: Some(answer), ..base.clone() })
            })
            .collect(),
        EntryKind::Survey => survey_rows(catalogue, forms, stored, base)?,
    })
}

/// A survey entry's rows: one per answer, except a multiple-choice answer (a row per choice) and a grid
/// answer (a row per promise, like a rating). Each names the form, version and question with its words in
/// both languages, read from the version that was answered.
fn survey_rows<'a>(
    catalogue: &'a Catalogue,
    forms: &'a Forms,
    stored: &'a [StoredAnswer],
    base: ExportRow<'a>,
) -> anyhow::Result<Vec<ExportRow<'a>>> {
    let first = &stored[0];
    let (Some(code), Some(version)) = (first.form.as_deref(), first.form_version) else {
        anyhow::bail!("survey entry {} has no form", first.entry_id)
    };
    let form = forms
        .get(&(code.to_owned(), version))
        .ok_or_else(|| anyhow::anyhow!("survey entry {} answered {code} {version}, never published", first.entry_id))?;
    let base = ExportRow { survey: Some((code, version)), text: None, ..base };
    let mut rows = Vec::new();
    // Parts arrive grouped by question, in the form's order.
    for parts in stored.chunk_by(|a, b| a.question == b.question) {
        let Some(q) = parts[0].question.as_deref().and_then(|c| form.form().question(c)) else { continue };
        let question = Some((q.code.as_str(), [q.prompt.en.as_str(), q.prompt.cy.as_str()]));
        let row = ExportRow { question, ..base.clone() };
        let promise = |s: &'a StoredAnswer| s.promise.as_deref().map(|p| Item::of(catalogue.promise(p), p));
        let face = |s: &StoredAnswer| {
            if s.dont_know {
                Some(Answer::DontKnow)
            } else {
                s.score.and_then(|n| Score::parse(n).ok()).map(Answer::Score)
            }
        };
        match &q.kind {
            Kind::Faces => rows.push(ExportRow { answer: face(&parts[0]), ..row }),
            Kind::Easy3 => rows.push(ExportRow { easy: parts[0].score.and_then(|n| Easy3::parse(n, "").ok()), ..row }),
            Kind::Frequency => {
                let f = parts[0].choice.as_deref().and_then(|c| Frequency::parse(c, "").ok());
                let choice = f.map(|f| (f.code(), labels::frequency(f)));
                rows.push(ExportRow { choice, ..row })
            }
            Kind::Single(_) | Kind::Multi(_) => rows.extend(parts.iter().map(|p| {
                let code = p.choice.as_deref().unwrap_or_default();
                ExportRow { choice: Some((code, choice_words(q, code))), ..row.clone() }
            })),
            Kind::Text(_) => {
                let text = parts.iter().find_map(|p| p.text.as_deref());
                rows.push(ExportRow { text, promises: parts.iter().filter_map(promise).collect(), ..row })
            }
            Kind::ServicePromiseGrid => rows.extend(parts.iter().filter_map(|p| {
                let service = p.service.as_deref().map(|s| Item::of(catalogue.service(s), s));
                Some(ExportRow { service, promises: vec![promise(p)?], answer: face(p), ..row.clone() })
            })),
        }
    }
    Ok(rows)
}

/// A choice's words in both languages, "none of these" included; empty if the version lacks the code.
fn choice_words<'a>(q: &'a Question, code: &str) -> [&'a str; 2] {
    let words = |b: &'a yoursay_core::Bilingual| [b.en.as_str(), b.cy.as_str()];
    match &q.kind {
        Kind::Single(choices) => choices.iter().find(|c| c.code == code).map(|c| words(&c.label)),
        Kind::Multi(m) if code == yoursay_core::form::NONE_OF_THESE => m.none_of_these.as_ref().map(words),
        Kind::Multi(m) => m.choices.iter().find(|c| c.code == code).map(|c| words(&c.label)),
        _ => None,
    }
    .unwrap_or(["", ""])
}

/// The file being written.
enum FileWriter {
    Csv(csv::CsvWriter),
    Xlsx(Box<xlsx::XlsxWriter>),
}

impl FileWriter {
    fn new(format: Format) -> anyhow::Result<Self> {
        Ok(match format {
            Format::Csv => FileWriter::Csv(csv::CsvWriter::new()),
            Format::Xlsx => FileWriter::Xlsx(Box::new(xlsx::XlsxWriter::new()?)),
        })
    }

    fn row(&mut self, cells: &[Cow<'_, str>; COLUMNS]) -> anyhow::Result<()> {
        match self {
            FileWriter::Csv(w) => {
                w.row(cells);
                Ok(())
            }
            FileWriter::Xlsx(w) => w.row(cells),
        }
    }

    /// Bytes ready to send, once enough have gathered. An XLSX file is a zip that can only be sent whole.
    fn full_chunk(&mut self) -> Option<Vec<u8>> {
        match self {
            FileWriter::Csv(w) => w.full_chunk(),
            FileWriter::Xlsx(_) => None,
        }
    }

    fn finish(self) -> anyhow::Result<Vec<u8>> {
        match self {
            FileWriter::Csv(w) => Ok(w.finish()),
            FileWriter::Xlsx(w) => w.finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for bad in ["=1+1", "+44", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(Cow::Borrowed(bad)), format!("'{bad}"));
        }
        assert_eq!(neutralise(Cow::Borrowed("fine = ok")), "fine = ok");
    }

    #[test]
    fn a_rating_is_one_row_per_answer_with_labels_and_a_view_one_row_with_its_tags() {
        let catalogue = yoursay_core::catalogue::default_catalogue();
        let no_forms = Forms::new();
        let answer = |promise: &str, score: Option<i64>| StoredAnswer {
            entry_id: "r".into(),
            created_at: 1_760_000_000_000,
            event: None,
            role: Some("care_leaver".into()),
            age_band: Some("19_25".into()),
            language: "cy".into(),
            kind: "rating".into(),
            service: Some("social_worker".into()),
            text: None,
            promise: Some(promise.into()),
            score,
            dont_know: score.is_none(),
            form: None,
            form_version: None,
            question: None,
            choice: None,
        };
        let rating = [answer("equality", Some(1)), answer("support", None)];
        let rows = export_rows(&catalogue, &no_forms, &rating).unwrap();
        let cells: Vec<[Cow<str>; COLUMNS]> = rows.iter().map(ExportRow::cells).collect();
        assert_eq!(cells.len(), 2);
        assert_eq!(
            cells[0][3..9],
            ["care_leaver", "Care leaver", "Person sy'n gadael gofal", "19_25", "19 to 25", "19 i 25"]
        );
        assert_eq!(
            cells[0][11..20],
            [
                "social_worker",
                "Social worker",
                "Gweithiwr cymdeithasol",
                "equality",
                "Equality",
                "Cydraddoldeb",
                "1",
                "Really bad",
                "Gwael iawn"
            ]
        );
        assert_eq!(cells[1][17..20], ["dont_know", "Don't know", "Ddim yn gwybod"]);

        let tag = |promise: Option<&str>| StoredAnswer {
            entry_id: "v".into(),
            kind: "view".into(),
            service: None,
            text: Some("-minus".into()),
            promise: promise.map(String::from),
            score: None,
            dont_know: false,
            role: None,
            age_band: None,
            ..answer("", None)
        };
        let view = [tag(Some("support")), tag(Some("stable_home"))];
        let rows = export_rows(&catalogue, &no_forms, &view).unwrap();
        let cells = rows[0].cells();
        assert_eq!(rows.len(), 1);
        assert_eq!(cells[14..17], ["support; stable_home", "Support; A stable home", "Cefnogaeth; Cartref sefydlog"]);
        assert_eq!(cells[20], "'-minus");
        assert_eq!(cells[3..9], ["", "", "", "", "", ""]);
        let untagged = [tag(None)];
        let untagged = export_rows(&catalogue, &no_forms, &untagged).unwrap();
        assert_eq!(untagged[0].cells()[14], "");
    }
}
