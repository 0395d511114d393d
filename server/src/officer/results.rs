//! Results at a glance: the server counts and applies the small-number rule
//! ([`yoursay_core::disclosure`]) to every number before it leaves; the app only draws.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::Json;
use sqlx::{AnyPool, Row};
use time::Date;
use yoursay_core::disclosure::{Count, Grid};
use yoursay_core::officer::{Cell, Period, PreviousResults, RawTally, ResultRow, Results, TallySlots};
use yoursay_core::{Catalogue, CatalogueItem, EntryKind, ErrorCode, FieldError};

use super::session::Officer;
use crate::error::{ApiError, ApiResult};
use crate::filters::{number, param, Bind, Filters, Params, Where};
use crate::period;
use crate::state::AppState;
use crate::store;

#[tracing::instrument(skip_all, fields(officer = %officer.email))]
pub async fn get(
    State(state): State<AppState>,
    officer: Officer,
    Query(params): Query<Params>,
) -> ApiResult<Json<Results>> {
    let filters = Filters::from_params(&params, &["from", "to", "event", "role", "age_band"])?;
    let min_cell = number(&params, "min_cell", store::settings::min_cell(&state.pool).await?, 1..=100)?;
    let previous = previous_period(&params, &filters)?;
    let catalogue = store::catalogue::load(&state.pool).await?;
    let mut answer = results(&state.pool, &catalogue, &filters, min_cell).await?;
    if let Some((from, to)) = previous {
        // Counted and suppressed on its own: the two periods hold different entries, so no line of the
        // small-number rule runs across them.
        let before = results(&state.pool, &catalogue, &filters.with_days(from, to), min_cell).await?;
        answer.previous = Some(PreviousResults {
            period: Period { from: from.to_string(), to: to.to_string() },
            by_promise: before.by_promise,
            by_service: before.by_service,
            cells: before.cells,
        });
    }
    Ok(Json(answer))
}

/// `compare=previous`: the days of the period before `from..=to`, which must both be given.
fn previous_period(params: &Params, filters: &Filters) -> Result<Option<(Date, Date)>, ApiError> {
    match param(params, "compare") {
        None => Ok(None),
        Some("previous") => {
            let missing: Vec<FieldError> = [("from", filters.from), ("to", filters.to)]
                .into_iter()
                .filter(|(_, day)| day.is_none())
                .map(|(name, _)| FieldError::new(name, ErrorCode::Missing))
                .collect();
            if !missing.is_empty() {
                return Err(ApiError::bad_request("Comparing needs a period with a first and a last day.", missing));
            }
            match filters.from.zip(filters.to).and_then(|(from, to)| period::previous(from, to)) {
                Some(days) => Ok(Some(days)),
                None => Err(ApiError::field(FieldError::new("from", ErrorCode::OutOfRange))),
            }
        }
        Some(_) => Err(ApiError::field(FieldError::new("compare", ErrorCode::UnknownValue))),
    }
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
    let mut cells: BTreeMap<(String, String), RawTally> = BTreeMap::new();
    for row in w.bind(sqlx::query(&sql)).fetch_all(pool).await? {
        let service: Option<String> = row.try_get(0)?;
        let promise: String = row.try_get(1)?;
        let score: Option<i64> = row.try_get(2)?;
        let n: i64 = row.try_get(3)?;
        let score = score.and_then(|s| u8::try_from(s).ok());
        cells.entry((service.unwrap_or_default(), promise)).or_default().add(score, count(n));
    }
    let ratings_sql = format!("SELECT e.service, COUNT(*) FROM entries e{} GROUP BY e.service", w.sql());
    let mut ratings: BTreeMap<String, u32> = BTreeMap::new();
    for row in w.bind(sqlx::query(&ratings_sql)).fetch_all(pool).await? {
        ratings.insert(row.try_get::<Option<String>, _>(0)?.unwrap_or_default(), count(row.try_get(1)?));
    }
    let min_cell = u32::try_from(min_cell).unwrap_or(u32::MAX);

    // Every number goes in one grid with the lines it adds up along: each tally's scores to its total,
    // and each score (and total) of a promise or service to the same score of its pairs.
    let (keys, raws): (Vec<(String, String)>, Vec<RawTally>) = cells.into_iter().unzip();
    let mut grid = Grid::default();
    let cell_slots: Vec<TallySlots> = raws.iter().map(|t| t.place(&mut grid)).collect();
    let pairs = Pairs { keys: &keys, raws: &raws, slots: &cell_slots };
    let promises = pairs.margins(&mut grid, &catalogue.promises, |(_, promise), code| promise == code);
    let services = pairs.margins(&mut grid, &catalogue.services, |(service, _), code| service == code);
    let shown = grid.suppress(min_cell);

    // Retired items only clutter the charts unless they have answers in this selection.
    let row = |(item, total, slots): &(&CatalogueItem, u32, TallySlots), ratings: Option<Count>| {
        (!item.retired || *total > 0).then(|| ResultRow {
            code: item.code.clone(),
            name: item.name.clone(),
            retired: item.retired,
            ratings,
            tally: slots.tally(&shown),
        })
    };
    let by_promise = promises.iter().filter_map(|p| row(p, None)).collect();
    // A service's ratings often equal its answers (one promise each): withheld whenever they are.
    let ratings_of = |(item, _, slots): &(&CatalogueItem, u32, TallySlots)| match (
        Count::alone(ratings.get(&item.code).copied().unwrap_or(0), min_cell),
        shown.get(slots.total),
    ) {
        (Count::Shown(_), hidden) if hidden.is_hidden() => Count::Withheld,
        (count, _) => count,
    };
    let by_service = services.iter().filter_map(|s| row(s, Some(ratings_of(s)))).collect();
    let position = |list: &[CatalogueItem], code: &str| list.iter().position(|i| i.code == code).unwrap_or(usize::MAX);
    let mut cells: Vec<Cell> = keys
        .into_iter()
        .zip(&cell_slots)
        .map(|((service, promise), slots)| Cell { service, promise, tally: slots.tally(&shown) })
        .collect();
    cells.sort_by_key(|c| (position(&catalogue.services, &c.service), position(&catalogue.promises, &c.promise)));
    let period = filters.from.zip(filters.to).map(|(from, to)| Period { from: from.to_string(), to: to.to_string() });
    Ok(Results {
        min_cell,
        catalogue_version: catalogue.version,
        by_promise,
        by_service,
        cells,
        period,
        previous: None,
    })
}

/// The service × promise pairs with answers, and where their numbers sit in the grid.
struct Pairs<'p> {
    keys: &'p [(String, String)],
    raws: &'p [RawTally],
    slots: &'p [TallySlots],
}

impl Pairs<'_> {
    /// Each item's own tally (the sum of its pairs), placed in `grid` with the lines that tie it to them.
    fn margins<'a>(
        &self,
        grid: &mut Grid,
        items: &'a [CatalogueItem],
        belongs: impl Fn(&(String, String), &str) -> bool,
    ) -> Vec<(&'a CatalogueItem, u32, TallySlots)> {
        items
            .iter()
            .map(|item| {
                let mine: Vec<usize> = (0..self.keys.len()).filter(|&i| belongs(&self.keys[i], &item.code)).collect();
                let mut sum = RawTally::default();
                for &i in &mine {
                    sum.merge(&self.raws[i]);
                }
                let slots = sum.place(grid);
                if !mine.is_empty() {
                    for part in 0..6 {
                        grid.line(mine.iter().map(|&i| self.slots[i].parts[part]).collect(), slots.parts[part]);
                    }
                    grid.line(mine.iter().map(|&i| self.slots[i].total).collect(), slots.total);
                }
                (item, sum.total(), slots)
            })
            .collect()
    }
}

/// A database count as the wire's `u32` (no selection comes near four billion answers).
fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
