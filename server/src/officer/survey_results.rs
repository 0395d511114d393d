//! `GET /api/v1/officer/forms/{code}/results`: a survey's answers counted per question, every version
//! merged by question code (saying where the wording differed), every count through the one small-number
//! rule ([`yoursay_core::disclosure`]) before it leaves the server.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::Json;
use sqlx::{AnyConnection, Row};
use yoursay_core::disclosure::{Grid, Shown, Slot};
use yoursay_core::form::api::{OptionCount, QuestionResults, SurveyResults};
use yoursay_core::form::{self, Easy3, Frequency, Kind, PublishedForm, Question, NONE_OF_THESE};
use yoursay_core::{Answer, Bilingual, Catalogue, Score};

use super::session::Officer;
use crate::error::{ApiError, ApiResult};
use crate::export::labels;
use crate::filters::{number, Bind, Filters, Params, Where};
use crate::state::AppState;
use crate::store::forms as store;

/// An option's code, its words and where its count sits in the grid.
type PlacedOption = (String, Bilingual, Slot);

#[tracing::instrument(skip_all, fields(officer = %officer.email, form = %code))]
pub async fn get(
    State(state): State<AppState>,
    officer: Officer,
    Path(code): Path<String>,
    Query(params): Query<Params>,
) -> ApiResult<Json<SurveyResults>> {
    let filters = Filters::from_params(&params, &["from", "to", "event", "role", "age_band"])?;
    let min_cell =
        u32::try_from(number(&params, "min_cell", crate::store::settings::min_cell(&state.pool).await?, 1..=100)?)
            .unwrap_or(5);
    let catalogue = state.catalogue();
    let mut conn = state.pool.acquire().await?;
    let history = store::versions(&mut conn, &code)
        .await?
        .iter()
        .map(|v| crate::published_forms::restore(v, &catalogue))
        .collect::<anyhow::Result<Vec<PublishedForm>>>()
        .map_err(ApiError::Internal)?;
    if history.is_empty() {
        return Err(ApiError::NotFound);
    }
    let counted = count(&mut conn, &code, &filters).await?;
    Ok(Json(results(&history, &catalogue, &counted, min_cell)))
}

/// The raw counts of one survey's answers in a selection.
#[derive(Debug, Default)]
pub struct Counted {
    /// Responses per version answered.
    pub by_version: Vec<(u32, u32)>,
    /// People who answered each question.
    pub answered: HashMap<String, u32>,
    /// People who gave each answer to each question: `(question, option code)`.
    pub options: HashMap<(String, String), u32>,
}

async fn count(conn: &mut AnyConnection, code: &str, filters: &Filters) -> sqlx::Result<Counted> {
    let mut w = Where::default();
    w.add("e.form = ?", Bind::Text(code.to_owned()));
    filters.apply(&mut w);
    let mut counted = Counted::default();
    let sql = format!("SELECT e.form_version, COUNT(*) FROM entries e{} GROUP BY e.form_version", w.sql());
    for row in w.bind(sqlx::query(&sql)).fetch_all(&mut *conn).await? {
        let version: i64 = row.try_get(0)?;
        counted.by_version.push((u32::try_from(version).unwrap_or(0), count_of(row.try_get(1)?)));
    }
    counted.by_version.sort();
    let from = format!("FROM survey_answers sa JOIN entries e ON e.id = sa.entry_id{}", w.sql());
    let sql = format!("SELECT sa.question, COUNT(DISTINCT sa.entry_id) {from} GROUP BY sa.question");
    for row in w.bind(sqlx::query(&sql)).fetch_all(&mut *conn).await? {
        counted.answered.insert(row.try_get(0)?, count_of(row.try_get(1)?));
    }
    // Each part names its option by one of these columns; a text answer's text part names none.
    let sql = format!(
        "SELECT sa.question, sa.choice, sa.score, sa.dont_know, sa.promise, COUNT(DISTINCT sa.entry_id) {from} \
         AND sa.text IS NULL GROUP BY sa.question, sa.choice, sa.score, sa.dont_know, sa.promise"
    );
    let sql = if w.sql().is_empty() { sql.replacen(" AND sa.text", " WHERE sa.text", 1) } else { sql };
    for row in w.bind(sqlx::query(&sql)).fetch_all(&mut *conn).await? {
        let question: String = row.try_get(0)?;
        let choice: Option<String> = row.try_get(1)?;
        let score: Option<i64> = row.try_get(2)?;
        let dont_know = row.try_get::<i64, _>(3)? != 0;
        let promise: Option<String> = row.try_get(4)?;
        // A grid's promise is the option, whatever its score; anything else is its choice or score.
        let option = match (promise, choice, score, dont_know) {
            (Some(p), ..) => p,
            (None, Some(c), ..) => c,
            (None, None, _, true) => Answer::DONT_KNOW.to_owned(),
            (None, None, Some(s), false) => s.to_string(),
            (None, None, None, false) => continue,
        };
        *counted.options.entry((question, option)).or_default() += count_of(row.try_get(5)?);
    }
    Ok(counted)
}

/// Merges the counts over `history` (oldest first), newest wording first, and applies the small-number
/// rule to every count together.
pub fn results(history: &[PublishedForm], catalogue: &Catalogue, counted: &Counted, min_cell: u32) -> SurveyResults {
    let newest = history.last().expect("a published form has a version");
    // The newest version's questions, then those only earlier versions asked (newest wording first).
    let mut questions: Vec<&Question> = Vec::new();
    for version in history.iter().rev() {
        for q in &version.form().questions {
            if !questions.iter().any(|seen| seen.code == q.code) {
                questions.push(q);
            }
        }
    }
    let latest_with = |code: &str| history.iter().rev().find(|v| v.form().question(code).is_some());

    let mut grid = Grid::default();
    let responses = grid.slot(counted.by_version.iter().map(|(_, n)| n).sum());
    let placed: Vec<(Slot, Vec<PlacedOption>)> = questions
        .iter()
        .map(|q| {
            let answered = grid.slot(counted.answered.get(&q.code).copied().unwrap_or(0));
            let options: Vec<PlacedOption> = options(q, history, catalogue)
                .into_iter()
                .map(|(code, label)| {
                    let n = counted.options.get(&(q.code.clone(), code.clone())).copied().unwrap_or(0);
                    (code, label, grid.slot(n))
                })
                .collect();
            // One answer per person: the options add up to those who answered.
            if exclusive(&q.kind) {
                grid.line(options.iter().map(|o| o.2).collect(), answered);
            }
            (answered, options)
        })
        .collect();
    let shown: Shown = grid.suppress(min_cell);

    let questions = questions
        .iter()
        .zip(placed)
        .map(|(q, (answered, options))| {
            let asked_in = latest_with(&q.code).map_or(newest, |v| v);
            let reworded_in = history
                .iter()
                .filter(|v| v.version() != asked_in.version())
                .filter(|v| form::wording_changes(v.form(), asked_in.form()).contains(&q.code.as_str()))
                .map(PublishedForm::version)
                .collect();
            QuestionResults {
                code: q.code.clone(),
                kind: q.kind.name().to_owned(),
                prompt: q.prompt.clone(),
                reworded_in,
                answered: shown.get(answered),
                options: options
                    .into_iter()
                    .map(|(code, label, slot)| OptionCount { code, label, count: shown.get(slot) })
                    .collect(),
            }
        })
        .collect();
    SurveyResults {
        form: newest.code().to_owned(),
        title: newest.form().title.clone(),
        min_cell,
        responses: shown.get(responses),
        versions: counted.by_version.iter().map(|(v, _)| *v).collect(),
        questions,
    }
}

/// Whether each person gives exactly one of the options (so they add up to those who answered).
fn exclusive(kind: &Kind) -> bool {
    matches!(kind, Kind::Faces | Kind::Easy3 | Kind::Frequency | Kind::Single(_))
}

/// The answers a question may be given, with their words: choices from the newest version that has them,
/// then choices only earlier versions offered.
fn options(q: &Question, history: &[PublishedForm], catalogue: &Catalogue) -> Vec<(String, Bilingual)> {
    let bi = |[en, cy]: labels::Pair| Bilingual { en: en.to_owned(), cy: cy.to_owned() };
    match &q.kind {
        Kind::Faces => (1..=5)
            .filter_map(|n| Score::parse(n).ok())
            .map(|s| (s.value().to_string(), bi(labels::answer(Answer::Score(s)))))
            .chain([(Answer::DONT_KNOW.to_owned(), bi(labels::answer(Answer::DontKnow)))])
            .collect(),
        Kind::Easy3 => (1..=3)
            .filter_map(|n| Easy3::parse(n, "").ok())
            .map(|e| (e.value().to_string(), bi(labels::easy(e))))
            .collect(),
        Kind::Frequency => {
            Frequency::ALL.into_iter().map(|f| (f.code().to_owned(), bi(labels::frequency(f)))).collect()
        }
        Kind::Single(_) | Kind::Multi(_) => {
            let mut out: Vec<(String, Bilingual)> = Vec::new();
            for version in history.iter().rev() {
                let Some(asked) = version.form().question(&q.code) else { continue };
                let offered: Vec<(String, Bilingual)> = match &asked.kind {
                    Kind::Single(choices) => choices.iter().map(|c| (c.code.clone(), c.label.clone())).collect(),
                    Kind::Multi(m) => m
                        .choices
                        .iter()
                        .map(|c| (c.code.clone(), c.label.clone()))
                        .chain(m.none_of_these.clone().map(|b| (NONE_OF_THESE.to_owned(), b)))
                        .collect(),
                    _ => Vec::new(),
                };
                for (code, label) in offered {
                    if !out.iter().any(|(c, _)| *c == code) {
                        out.push((code, label));
                    }
                }
            }
            out
        }
        Kind::Text(_) => Vec::new(),
        Kind::ServicePromiseGrid => catalogue.promises.iter().map(|p| (p.code.clone(), p.name.clone())).collect(),
    }
}

fn count_of(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
