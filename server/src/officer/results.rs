//! Results at a glance: the server counts, the app only draws. Small cells are marked so the app shows a
//! caution instead of a share that could identify a young person.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::Json;
use serde::Serialize;
use sqlx::{AnyPool, Row};
use yoursay_core::{Bilingual, Catalogue, CatalogueItem, EntryKind};

use super::session::Officer;
use crate::error::ApiResult;
use crate::filters::{number, Bind, Filters, Params, Where};
use crate::state::AppState;
use crate::store;

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Tally {
    pub scores: [i64; 5],
    pub dont_know: i64,
    pub total: i64,
    pub suppressed: bool,
    pub percentages: Option<Percentages>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Percentages {
    pub scores: [f64; 5],
    pub dont_know: f64,
}

impl Tally {
    fn add(&mut self, score: Option<i64>, n: i64) {
        match score {
            Some(s @ 1..=5) => self.scores[(s - 1) as usize] += n,
            _ => self.dont_know += n,
        }
        self.total += n;
    }

    fn finish(mut self, min_cell: i64) -> Self {
        self.suppressed = self.total < min_cell;
        self.percentages = (!self.suppressed && self.total > 0).then(|| {
            let pct = |n: i64| (n as f64 * 1000.0 / self.total as f64).round() / 10.0;
            Percentages { scores: self.scores.map(pct), dont_know: pct(self.dont_know) }
        });
        self
    }
}

#[derive(Debug, Serialize)]
pub struct ItemTally {
    pub code: String,
    pub name: Bilingual,
    pub retired: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratings: Option<i64>,
    pub tally: Tally,
}

#[derive(Debug, Serialize)]
pub struct Cell {
    pub service: String,
    pub promise: String,
    pub tally: Tally,
}

#[derive(Debug, Serialize)]
pub struct Results {
    pub min_cell: i64,
    pub catalogue_version: u32,
    pub by_promise: Vec<ItemTally>,
    pub by_service: Vec<ItemTally>,
    pub cells: Vec<Cell>,
}

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn get(
    State(state): State<AppState>,
    officer: Officer,
    Query(params): Query<Params>,
) -> ApiResult<Json<Results>> {
    let filters = Filters::from_params(&params, &["from", "to", "event", "role"])?;
    let min_cell = number(&params, "min_cell", 5, 1..=100)?;
    let catalogue = store::catalogue::load(&state.pool).await?;
    Ok(Json(results(&state.pool, &catalogue, &filters, min_cell).await?))
}

pub async fn results(pool: &AnyPool, catalogue: &Catalogue, filters: &Filters, min_cell: i64) -> sqlx::Result<Results> {
    let mut w = Where::default();
    w.add("e.kind = ?", Bind::Text(EntryKind::Rating.code().to_owned()));
    filters.apply(&mut w);
    let sql = format!(
        "SELECT e.service, a.promise, a.score, COUNT(*) FROM rating_answers a JOIN entries e ON e.id = a.entry_id{} \
         GROUP BY e.service, a.promise, a.score",
        w.sql()
    );
    let mut cells: BTreeMap<(String, String), Tally> = BTreeMap::new();
    for row in w.bind(sqlx::query(&sql)).fetch_all(pool).await? {
        let service: Option<String> = row.try_get(0)?;
        let promise: String = row.try_get(1)?;
        let score: Option<i64> = row.try_get(2)?;
        let n: i64 = row.try_get(3)?;
        cells.entry((service.unwrap_or_default(), promise)).or_default().add(score, n);
    }
    let ratings_sql = format!("SELECT e.service, COUNT(*) FROM entries e{} GROUP BY e.service", w.sql());
    let mut ratings: BTreeMap<String, i64> = BTreeMap::new();
    for row in w.bind(sqlx::query(&ratings_sql)).fetch_all(pool).await? {
        ratings.insert(row.try_get::<Option<String>, _>(0)?.unwrap_or_default(), row.try_get(1)?);
    }

    let sum = |pick: &dyn Fn(&(String, String)) -> bool| {
        let mut t = Tally::default();
        for (key, cell) in &cells {
            if pick(key) {
                for (i, n) in cell.scores.iter().enumerate() {
                    t.add(Some(i as i64 + 1), *n);
                }
                t.add(None, cell.dont_know);
            }
        }
        t
    };
    // Retired items only clutter the charts unless they have answers in this selection.
    let shown = |item: &CatalogueItem, t: &Tally| !item.retired || t.total > 0;
    let by_promise = catalogue
        .promises
        .iter()
        .map(|p| (p, sum(&|(_, promise)| promise == &p.code)))
        .filter(|(p, t)| shown(p, t))
        .map(|(p, t)| ItemTally {
            code: p.code.clone(),
            name: p.name.clone(),
            retired: p.retired,
            ratings: None,
            tally: t.finish(min_cell),
        })
        .collect();
    let by_service = catalogue
        .services
        .iter()
        .map(|s| (s, sum(&|(service, _)| service == &s.code)))
        .filter(|(s, t)| shown(s, t))
        .map(|(s, t)| ItemTally {
            code: s.code.clone(),
            name: s.name.clone(),
            retired: s.retired,
            ratings: Some(ratings.get(&s.code).copied().unwrap_or(0)),
            tally: t.finish(min_cell),
        })
        .collect();
    let position = |list: &[CatalogueItem], code: &str| list.iter().position(|i| i.code == code).unwrap_or(usize::MAX);
    let mut cells: Vec<Cell> =
        cells.into_iter().map(|((service, promise), t)| Cell { service, promise, tally: t.finish(min_cell) }).collect();
    cells.sort_by_key(|c| (position(&catalogue.services, &c.service), position(&catalogue.promises, &c.promise)));
    Ok(Results { min_cell, catalogue_version: catalogue.version, by_promise, by_service, cells })
}
