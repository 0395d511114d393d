//! The export's one query: every answer of every entry the filters match, oldest entry first, read as a
//! stream so a large export never sits in memory.

use futures_util::stream::BoxStream;
use futures_util::StreamExt;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::filters::{Filters, Where};

/// One row of the query: the entry's columns, and one of its children. An entry is a view (children: its
/// promise tags), a rating (children: its answers) or a survey (children: the parts of its answers), never
/// two of these, so joining the three tables yields one row per child, or one row with no child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub entry_id: String,
    pub created_at: i64,
    pub event: Option<String>,
    pub role: Option<String>,
    pub age_band: Option<String>,
    pub language: String,
    pub kind: String,
    pub service: Option<String>,
    pub text: Option<String>,
    /// The promise a rating answered, or one a view is tagged with.
    pub promise: Option<String>,
    pub score: Option<i64>,
    pub dont_know: bool,
    /// A survey entry's form and version, and for each part the question and the choice it is of.
    pub form: Option<String>,
    pub form_version: Option<i64>,
    pub question: Option<String>,
    pub choice: Option<String>,
}

/// The query for `filters`; hidden views are left out, since the officer hid them because they must not
/// be quoted.
pub struct ExportQuery {
    sql: String,
    filter: Where,
}

impl ExportQuery {
    pub fn new(filters: &Filters) -> Self {
        let mut filter = Where::default();
        filters.apply(&mut filter);
        filter.add_plain("e.hidden = 0");
        let sql = format!(
            "SELECT e.id, e.created_at, e.event, e.role, e.age_band, e.language, e.kind, \
             COALESCE(e.service, sa.service), CASE WHEN e.kind = 'survey' THEN sa.text ELSE e.text END, \
             COALESCE(a.promise, vp.promise, sa.promise), COALESCE(a.score, sa.score), \
             COALESCE(a.dont_know, sa.dont_know), e.form, e.form_version, sa.question, sa.choice \
             FROM entries e \
             LEFT JOIN rating_answers a ON a.entry_id = e.id \
             LEFT JOIN view_promises vp ON vp.entry_id = e.id \
             LEFT JOIN survey_answers sa ON sa.entry_id = e.id{} \
             ORDER BY e.created_at, e.id, a.position, vp.position, sa.position, sa.part",
            filter.sql()
        );
        ExportQuery { sql, filter }
    }

    pub fn rows<'a>(&'a self, conn: &'a mut AnyConnection) -> BoxStream<'a, sqlx::Result<StoredAnswer>> {
        self.filter.bind(sqlx::query(&self.sql)).fetch(conn).map(|row| row.and_then(|r| answer(&r))).boxed()
    }
}

fn answer(row: &AnyRow) -> sqlx::Result<StoredAnswer> {
    Ok(StoredAnswer {
        entry_id: row.try_get(0)?,
        created_at: row.try_get(1)?,
        event: row.try_get(2)?,
        role: row.try_get(3)?,
        age_band: row.try_get(4)?,
        language: row.try_get(5)?,
        kind: row.try_get(6)?,
        service: row.try_get(7)?,
        text: row.try_get(8)?,
        promise: row.try_get(9)?,
        score: row.try_get(10)?,
        dont_know: row.try_get::<Option<i64>, _>(11)?.unwrap_or(0) != 0,
        form: row.try_get(12)?,
        form_version: row.try_get(13)?,
        question: row.try_get(14)?,
        choice: row.try_get(15)?,
    })
}

/// Every (form, version) that survey entries answered: the export reads each once, for its labels.
pub async fn answered_versions(conn: &mut AnyConnection) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query("SELECT DISTINCT form, form_version FROM entries WHERE form IS NOT NULL AND form_version IS NOT NULL")
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect()
}
