//! The officer API's types (server/API.md, `/api/v1/officer`): the server serialises them and the
//! console reads them, so a change breaks the build rather than the page.

use serde::{Deserialize, Serialize};

use crate::catalogue::Bilingual;
use crate::disclosure::{Count, Grid, Shown, Slot};

// ---- results ----

/// Answers to a promise (or for a service) by score, before the small-number rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawTally {
    pub scores: [u32; 5],
    pub dont_know: u32,
}

impl RawTally {
    /// `score` 1–5, or `None` for "don't know".
    pub fn add(&mut self, score: Option<u8>, n: u32) {
        match score {
            Some(s @ 1..=5) => self.scores[usize::from(s - 1)] += n,
            _ => self.dont_know += n,
        }
    }

    pub fn merge(&mut self, other: &RawTally) {
        for (mine, theirs) in self.scores.iter_mut().zip(other.scores) {
            *mine += theirs;
        }
        self.dont_know += other.dont_know;
    }

    pub fn total(&self) -> u32 {
        self.scores.iter().sum::<u32>() + self.dont_know
    }

    /// Puts the five scores, "don't know" and the total in `grid`, as one line.
    pub fn place(&self, grid: &mut Grid) -> TallySlots {
        let parts: Vec<Slot> = self.scores.iter().chain([&self.dont_know]).map(|&n| grid.slot(n)).collect();
        let total = grid.slot(self.total());
        grid.line(parts.clone(), total);
        TallySlots { parts: [parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]], total }
    }
}

/// Where a [`RawTally`] sits in a [`Grid`].
#[derive(Debug, Clone, Copy)]
pub struct TallySlots {
    /// Really bad … really good, then "don't know".
    pub parts: [Slot; 6],
    pub total: Slot,
}

impl TallySlots {
    /// The tally as it may be shown; shares only of shown counts, and only when the total is shown.
    pub fn tally(&self, shown: &Shown) -> Tally {
        let part = |i: usize| shown.get(self.parts[i]);
        let total = shown.get(self.total);
        let percentages = total.shown().filter(|t| *t > 0).map(|t| {
            let pct = |c: Count| c.shown().map(|n| (f64::from(n) * 1000.0 / f64::from(t)).round() / 10.0);
            Percentages { scores: [0, 1, 2, 3, 4].map(|i| pct(part(i))), dont_know: pct(part(5)) }
        });
        Tally { scores: [0, 1, 2, 3, 4].map(part), dont_know: part(5), total, percentages }
    }
}

/// Answers by score as the officer may see them (see [`crate::disclosure`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// Really bad … really good.
    pub scores: [Count; 5],
    pub dont_know: Count,
    pub total: Count,
    /// Shares in percent with one decimal; `None` where the count is hidden, absent when the total is.
    pub percentages: Option<Percentages>,
}

impl Tally {
    /// Really bad … really good, then "don't know".
    pub fn parts(&self) -> [Count; 6] {
        let s = self.scores;
        [s[0], s[1], s[2], s[3], s[4], self.dont_know]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Percentages {
    pub scores: [Option<f64>; 5],
    pub dont_know: Option<f64>,
}

impl Percentages {
    pub fn parts(&self) -> [Option<f64>; 6] {
        let s = self.scores;
        [s[0], s[1], s[2], s[3], s[4], self.dont_know]
    }
}

/// One promise or one service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub code: String,
    pub name: Bilingual,
    pub retired: bool,
    /// Services only: how many ratings of it (each answers several promises).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings: Option<Count>,
    pub tally: Tally,
}

/// One service × promise pair with at least one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub service: String,
    pub promise: String,
    pub tally: Tally,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Counts under this are "fewer than `min_cell`".
    pub min_cell: u32,
    pub catalogue_version: u32,
    pub by_promise: Vec<ResultRow>,
    pub by_service: Vec<ResultRow>,
    pub cells: Vec<Cell>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use Count::{Shown as S, Small, Withheld};

    #[test]
    fn shares_only_of_shown_counts() {
        let mut raw = RawTally::default();
        raw.add(Some(5), 6);
        raw.add(Some(1), 2);
        raw.add(None, 8);
        let mut grid = Grid::default();
        let slots = raw.place(&mut grid);
        let tally = slots.tally(&grid.suppress(5));
        assert_eq!(tally.parts(), [Small, S(0), S(0), S(0), Withheld, S(8)]);
        assert_eq!(tally.total, S(16));
        assert_eq!(tally.percentages.unwrap().parts(), [None, Some(0.0), Some(0.0), Some(0.0), None, Some(50.0)]);
    }

    #[test]
    fn no_shares_when_the_total_is_small() {
        let mut raw = RawTally::default();
        raw.add(Some(3), 2);
        let mut grid = Grid::default();
        let tally = raw.place(&mut grid).tally(&grid.suppress(5));
        assert_eq!(tally.total, Small);
        assert_eq!(tally.percentages, None);
    }
}
