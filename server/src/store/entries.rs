//! Entries as stored: the entry row, a view's promise tags, a rating's answers (one row each).

use std::collections::HashSet;

use sqlx::{AnyConnection, AnyPool, Row};
use yoursay_core::form::Value;
use yoursay_core::{Answer, Entry, EntryBody, SurveyResponse};

use crate::db::Backend;

/// An entry ready to store, with the risk words the route found in it (empty for a rating), and for a
/// survey entry its answers checked against the version they answered.
pub struct NewEntry {
    pub entry: Entry,
    pub risk_words: Vec<String>,
    pub survey: Option<SurveyResponse>,
}

/// Rows per statement: a batch of 50 entries is one statement per table, and no statement comes near
/// SQLite's limit of 32,766 bound values (16 per entry, at most 10 per child row).
const ENTRIES_PER_STATEMENT: usize = 200;
const CHILD_ROWS_PER_STATEMENT: usize = 1000;
/// Survey answer parts have 10 columns: 1,000 rows stay well under SQLite's limit too.
const SURVEY_ROWS_PER_STATEMENT: usize = 1000;

/// Stores each entry unless one with its id is already there, and returns the ids that were added. A
/// view's promise tags and a rating's answers are written only for added entries, so a retry never
/// doubles them. Ids an officer erased are never stored again (nor returned). The ids in `entries` must be
/// distinct. A few statements per batch, not one per row.
pub async fn insert_new(
    conn: &mut AnyConnection,
    entries: &[&NewEntry],
    received_at: i64,
) -> sqlx::Result<HashSet<String>> {
    let mut added = HashSet::with_capacity(entries.len());
    let marks = Marks::of(conn);
    // An erased entry sent again is answered as already had (so the device lets it go) and not stored.
    let ids: Vec<&str> = entries.iter().map(|e| e.entry.id.as_str()).collect();
    let erased = erased_among(conn, &ids).await?;
    let entries: Vec<&NewEntry> = entries.iter().copied().filter(|e| !erased.contains(e.entry.id.as_str())).collect();
    for chunk in entries.chunks(ENTRIES_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO entries (id, kind, created_at, received_at, language, event, role, age_band, service, text, \
             flagged, flag_words, contact_name, contact_how, form, form_version) VALUES {} \
             ON CONFLICT (id) DO NOTHING RETURNING id",
            marks.rows(chunk.len(), 16)
        );
        let mut query = sqlx::query(&sql);
        for NewEntry { entry, risk_words, survey } in chunk.iter().copied() {
            let (service, text) = match &entry.body {
                EntryBody::View(v) => (None, Some(v.text.as_str().to_owned())),
                EntryBody::Rating(r) => (Some(r.service.as_str().to_owned()), None),
                EntryBody::Survey(_) => (None, survey.as_ref().and_then(survey_text)),
            };
            let (form, form_version) = match &entry.body {
                EntryBody::Survey(s) => (Some(s.form.as_str().to_owned()), Some(i64::from(s.version))),
                _ => (None, None),
            };
            query = query
                .bind(entry.id.as_str().to_owned())
                .bind(entry.body.kind().code())
                .bind(entry.created_at.millis())
                .bind(received_at)
                .bind(entry.language.code())
                .bind(entry.event.as_ref().map(|e| e.as_str().to_owned()))
                .bind(entry.role.map(|r| r.code().to_owned()))
                .bind(entry.age_band.map(|a| a.code().to_owned()))
                .bind(service)
                .bind(text)
                .bind(i64::from(!risk_words.is_empty()))
                .bind(risk_words.join(", "))
                .bind(entry.contact.as_ref().map(|c| c.name.as_str().to_owned()))
                .bind(entry.contact.as_ref().map(|c| c.how.as_str().to_owned()))
                .bind(form)
                .bind(form_version);
        }
        for row in query.fetch_all(&mut *conn).await? {
            added.insert(row.try_get::<String, _>(0)?);
        }
    }

    let mut tags = Vec::new();
    let mut answers = Vec::new();
    let mut parts = Vec::new();
    for NewEntry { entry, survey, .. } in entries.iter().copied().filter(|e| added.contains(e.entry.id.as_str())) {
        if let Some(survey) = survey {
            parts.extend(survey_parts(entry.id.as_str(), survey));
        }
        match &entry.body {
            EntryBody::View(v) => {
                tags.extend(v.promises.iter().enumerate().map(|(i, p)| (entry.id.as_str(), p.as_str(), i as i64)))
            }
            EntryBody::Rating(r) => answers.extend(r.answers.iter().enumerate().map(|(i, a)| {
                let (score, dont_know) = match a.answer {
                    Answer::Score(s) => (Some(i64::from(s.value())), 0_i64),
                    Answer::DontKnow => (None, 1),
                };
                (entry.id.as_str(), a.promise.as_str(), i as i64, score, dont_know)
            })),
            EntryBody::Survey(_) => {}
        }
    }
    for chunk in tags.chunks(CHILD_ROWS_PER_STATEMENT) {
        let sql =
            format!("INSERT INTO view_promises (entry_id, promise, position) VALUES {}", marks.rows(chunk.len(), 3));
        let mut query = sqlx::query(&sql);
        for (id, promise, position) in chunk {
            query = query.bind(id.to_string()).bind(promise.to_string()).bind(*position);
        }
        query.execute(&mut *conn).await?;
    }
    for chunk in answers.chunks(CHILD_ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO rating_answers (entry_id, promise, position, score, dont_know) VALUES {}",
            marks.rows(chunk.len(), 5)
        );
        let mut query = sqlx::query(&sql);
        for (id, promise, position, score, dont_know) in chunk {
            query = query.bind(id.to_string()).bind(promise.to_string()).bind(*position).bind(*score).bind(*dont_know);
        }
        query.execute(&mut *conn).await?;
    }
    for chunk in parts.chunks(SURVEY_ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO survey_answers (entry_id, question, position, part, choice, score, dont_know, text, service, \
             promise) VALUES {}",
            marks.rows(chunk.len(), 10)
        );
        let mut query = sqlx::query(&sql);
        for p in chunk {
            query = query
                .bind(p.entry_id.to_owned())
                .bind(p.question.to_owned())
                .bind(p.position)
                .bind(p.part)
                .bind(p.choice.map(str::to_owned))
                .bind(p.score)
                .bind(i64::from(p.dont_know))
                .bind(p.text.map(str::to_owned))
                .bind(p.service.map(str::to_owned))
                .bind(p.promise.map(str::to_owned));
        }
        query.execute(&mut *conn).await?;
    }
    Ok(added)
}

/// A survey's answers in words, one after another: kept on the entry so the officer's inbox shows,
/// moderates and risk-flags them like views. `None` when the response has none.
pub fn survey_text(survey: &SurveyResponse) -> Option<String> {
    let texts: Vec<&str> = survey
        .answers
        .iter()
        .filter_map(|a| match &a.value {
            Value::Text(view) => Some(view.text.as_str()),
            _ => None,
        })
        .collect();
    (!texts.is_empty()).then(|| texts.join("\n\n"))
}

/// One stored part of a survey answer (see migration 0007).
#[derive(Debug, Default, PartialEq, Eq)]
struct SurveyPart<'a> {
    entry_id: &'a str,
    question: &'a str,
    position: i64,
    part: i64,
    choice: Option<&'a str>,
    score: Option<i64>,
    dont_know: bool,
    text: Option<&'a str>,
    service: Option<&'a str>,
    promise: Option<&'a str>,
}

/// The parts of every answer of one response, in the form's order.
fn survey_parts<'a>(entry_id: &'a str, survey: &'a SurveyResponse) -> Vec<SurveyPart<'a>> {
    let mut out = Vec::new();
    for (position, answer) in survey.answers.iter().enumerate() {
        let base = SurveyPart {
            entry_id,
            question: answer.question.as_str(),
            position: position as i64,
            ..Default::default()
        };
        let face = |a: &Answer| match a {
            Answer::Score(s) => SurveyPart { score: Some(i64::from(s.value())), ..Default::default() },
            Answer::DontKnow => SurveyPart { dont_know: true, ..Default::default() },
        };
        let one: Vec<SurveyPart<'a>> = match &answer.value {
            Value::Face(a) => vec![face(a)],
            Value::Easy(e) => vec![SurveyPart { score: Some(i64::from(e.value())), ..Default::default() }],
            Value::Frequency(f) => vec![SurveyPart { choice: Some(f.code()), ..Default::default() }],
            Value::Choice(c) => vec![SurveyPart { choice: Some(c.as_str()), ..Default::default() }],
            Value::Choices(list) => {
                list.iter().map(|c| SurveyPart { choice: Some(c.as_str()), ..Default::default() }).collect()
            }
            Value::NoneOfThese => {
                vec![SurveyPart { choice: Some(yoursay_core::form::NONE_OF_THESE), ..Default::default() }]
            }
            Value::Text(view) => std::iter::once(SurveyPart { text: Some(view.text.as_str()), ..Default::default() })
                .chain(view.promises.iter().map(|p| SurveyPart { promise: Some(p.as_str()), ..Default::default() }))
                .collect(),
            Value::Grid(rating) => rating
                .answers
                .iter()
                .map(|a| SurveyPart {
                    service: Some(rating.service.as_str()),
                    promise: Some(a.promise.as_str()),
                    ..face(&a.answer)
                })
                .collect(),
        };
        out.extend(one.into_iter().enumerate().map(|(part, p)| SurveyPart {
            part: part as i64,
            ..SurveyPart { entry_id: base.entry_id, question: base.question, position: base.position, ..p }
        }));
    }
    out
}

/// How a statement names its bound values. PostgreSQL needs `$1, $2, …`. On SQLite they are left anonymous
/// (`?`): sqlx asks SQLite for each value's name as it binds it, and SQLite finds a name by walking the list of
/// every name before it, so numbered names made a batch's 1,600-value insert quadratic (a quarter of the
/// server's ingest time in a profile); anonymous ones have no names to walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marks {
    Numbered,
    Anonymous,
}

impl Marks {
    fn of(conn: &AnyConnection) -> Self {
        match Backend::of_connection(conn) {
            Backend::Postgres => Marks::Numbered,
            Backend::Sqlite => Marks::Anonymous,
        }
    }

    /// `($1, $2), ($3, $4)` (or `(?, ?), (?, ?)`) for two rows of two columns.
    fn rows(self, rows: usize, columns: usize) -> String {
        let mut out = String::with_capacity(rows * columns * 5);
        for r in 0..rows {
            if r > 0 {
                out.push_str(", ");
            }
            out.push('(');
            for c in 0..columns {
                if c > 0 {
                    out.push_str(", ");
                }
                match self {
                    Marks::Numbered => out.push_str(&format!("${}", r * columns + c + 1)),
                    Marks::Anonymous => out.push('?'),
                }
            }
            out.push(')');
        }
        out
    }
}

pub async fn count(pool: &AnyPool) -> sqlx::Result<i64> {
    sqlx::query("SELECT COUNT(*) FROM entries").fetch_one(pool).await?.try_get(0)
}

/// The entries retention deletes: made before the cut-off (`$1`, ms). One definition for the run and its
/// preview, so the number the officer is shown is the number a run would delete.
const OLDER_THAN: &str = "FROM entries WHERE created_at < $1";

/// How many entries [`delete_older_than`] would delete now.
pub async fn count_older_than(conn: &mut AnyConnection, cutoff_ms: i64) -> sqlx::Result<u64> {
    let n: i64 =
        sqlx::query(&format!("SELECT COUNT(*) {OLDER_THAN}")).bind(cutoff_ms).fetch_one(conn).await?.try_get(0)?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Every table holding rows of an entry, which must go before the entry (SQLite enforces foreign keys
/// only when asked, so `ON DELETE CASCADE` cannot be relied on). `response_views` is a response's link to
/// the view it answers: the link goes with the view, the response stays.
const CHILDREN: [&str; 4] = ["view_promises", "rating_answers", "survey_answers", "response_views"];

/// Deletes entries made before `cutoff_ms`, children first.
pub async fn delete_older_than(conn: &mut AnyConnection, cutoff_ms: i64) -> sqlx::Result<u64> {
    for child in CHILDREN {
        sqlx::query(&format!("DELETE FROM {child} WHERE entry_id IN (SELECT id {OLDER_THAN})"))
            .bind(cutoff_ms)
            .execute(&mut *conn)
            .await?;
    }
    Ok(sqlx::query(&format!("DELETE {OLDER_THAN}")).bind(cutoff_ms).execute(conn).await?.rows_affected())
}

/// Erases one entry and its rows, and keeps its id so that the device sending it again cannot bring it
/// back (see [`erased_among`]). False, with nothing changed, when there is no such entry.
///
/// The ids are kept for good, not pruned with retention: a device may hold an entry unsent for any
/// length of time (a tablet left in a drawer, an outbox that kept failing), so no age makes it safe to
/// forget one, and a row holds only the random id the device made and when it was erased: nothing about
/// the person or what they said.
pub async fn erase(conn: &mut AnyConnection, id: &str, now: i64) -> sqlx::Result<bool> {
    for child in CHILDREN {
        sqlx::query(&format!("DELETE FROM {child} WHERE entry_id = $1")).bind(id).execute(&mut *conn).await?;
    }
    if sqlx::query("DELETE FROM entries WHERE id = $1").bind(id).execute(&mut *conn).await?.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("INSERT INTO erased_entries (id, erased_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(true)
}

/// Which of these ids were erased by an officer: they are never stored again.
async fn erased_among(conn: &mut AnyConnection, ids: &[&str]) -> sqlx::Result<HashSet<String>> {
    let mut erased = HashSet::new();
    let marks = Marks::of(conn);
    for chunk in ids.chunks(CHILD_ROWS_PER_STATEMENT) {
        let sql = format!("SELECT id FROM erased_entries WHERE id IN {}", marks.rows(1, chunk.len()));
        let mut query = sqlx::query(&sql);
        for id in chunk {
            query = query.bind(id.to_string());
        }
        for row in query.fetch_all(&mut *conn).await? {
            erased.insert(row.try_get::<String, _>(0)?);
        }
    }
    Ok(erased)
}

#[cfg(test)]
mod tests {
    use super::Marks;

    #[test]
    fn numbered_marks_count_every_cell_row_by_row() {
        assert_eq!(Marks::Numbered.rows(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(Marks::Numbered.rows(1, 1), "($1)");
    }

    #[test]
    fn anonymous_marks_keep_the_same_shape() {
        assert_eq!(Marks::Anonymous.rows(2, 3), "(?, ?, ?), (?, ?, ?)");
        assert_eq!(Marks::Anonymous.rows(1, 1), "(?)");
    }
}
