//! The officer API's types (server/API.md, `/api/v1/officer`): the server serialises them and the
//! console reads them, so a change breaks the build rather than the page.

use serde::{Deserialize, Serialize};

use crate::catalogue::Bilingual;
use crate::disclosure::{Count, Grid, Shown, Slot};

/// Base of every path below.
pub const OFFICER_PATH: &str = "/api/v1/officer";

// ---- session ----

/// `POST /session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

/// `GET /me` and a successful sign-in: who is signed in, and until when (ms since the epoch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub email: String,
    pub expires_at: i64,
}

// ---- lists ----

/// One page of a longer list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<T>,
}

// ---- inbox ----

/// Where a view stands with the officer. A risk flag is shown beside it, not instead of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewStatus {
    New,
    Reviewed,
    FollowedUp,
    Hidden,
}

impl ViewStatus {
    /// Hidden wins (it is not quoted, whatever else); then followed up, then reviewed.
    pub fn of(reviewed: bool, followed_up: bool, hidden: bool) -> Self {
        match (hidden, followed_up, reviewed) {
            (true, _, _) => ViewStatus::Hidden,
            (_, true, _) => ViewStatus::FollowedUp,
            (_, _, true) => ViewStatus::Reviewed,
            _ => ViewStatus::New,
        }
    }
}

/// What an officer can do to a view: `POST /views/{id}/{action}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewAction {
    Review,
    /// Not to be quoted or exported; also takes back "safe to quote".
    Hide,
    Unhide,
    FollowUp,
    /// The officer has read it and it may be quoted in a "you said, we did" response (never a hidden one).
    SafeToQuote,
    NotSafeToQuote,
}

impl ViewAction {
    pub const ALL: [ViewAction; 6] = [
        ViewAction::Review,
        ViewAction::Hide,
        ViewAction::Unhide,
        ViewAction::FollowUp,
        ViewAction::SafeToQuote,
        ViewAction::NotSafeToQuote,
    ];

    /// The last part of the action's path.
    pub fn path(self) -> &'static str {
        match self {
            ViewAction::Review => "review",
            ViewAction::Hide => "hide",
            ViewAction::Unhide => "unhide",
            ViewAction::FollowUp => "follow-up",
            ViewAction::SafeToQuote => "safe-to-quote",
            ViewAction::NotSafeToQuote => "not-safe-to-quote",
        }
    }

    pub fn parse(path: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.path() == path)
    }

    /// Its name in the audit log.
    pub fn audit_name(self) -> &'static str {
        match self {
            ViewAction::Review => "view_review",
            ViewAction::Hide => "view_hide",
            ViewAction::Unhide => "view_unhide",
            ViewAction::FollowUp => "view_follow_up",
            ViewAction::SafeToQuote => "view_safe_to_quote",
            ViewAction::NotSafeToQuote => "view_not_safe_to_quote",
        }
    }
}

/// Contact details, only when the person asked to be contacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDetails {
    pub name: String,
    pub how: String,
}

/// A view in the inbox. Times are ms since the epoch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewItem {
    pub id: String,
    pub created_at: i64,
    pub received_at: i64,
    pub language: String,
    pub event: Option<String>,
    pub role: Option<String>,
    pub age_band: Option<String>,
    pub text: String,
    pub promises: Vec<String>,
    pub status: ViewStatus,
    pub reviewed: bool,
    pub hidden: bool,
    pub flagged: bool,
    pub flag_words: Vec<String>,
    pub followed_up: bool,
    /// May be quoted in a "you said, we did" response.
    #[serde(default)]
    pub safe_to_quote: bool,
    pub contact: Option<ContactDetails>,
}

impl ViewItem {
    /// Flagged as a possible risk and not yet followed up.
    pub fn needs_follow_up(&self) -> bool {
        self.flagged && !self.followed_up
    }
}

pub use crate::risk::RiskWords;

// ---- catalogue ----

/// `POST /catalogue/{kind}`: a new item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewItem {
    pub code: String,
    pub name: Bilingual,
    pub line: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Bilingual>,
}

/// `PUT /catalogue/{kind}/{code}`: an item's words (without a statement, a promise's is removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemWords {
    pub name: Bilingual,
    pub line: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Bilingual>,
}

// ---- settings, retention, audit ----

/// `GET /settings`: every stored setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub retention_months: u32,
    /// The small-number threshold results use unless a request names its own `min_cell`.
    pub min_cell: u32,
}

/// `PUT /settings`: the settings to change, each on its own (a missing one is left as it is).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_cell: Option<u32>,
}

/// The retention period's bounds in months, and the small-number threshold's: what `PUT /settings` accepts.
pub const RETENTION_MONTHS: std::ops::RangeInclusive<u32> = 1..=120;
pub const MIN_CELL: std::ops::RangeInclusive<u32> = 1..=100;
/// The threshold until the officer sets one.
pub const DEFAULT_MIN_CELL: u32 = 5;

/// `GET /retention/preview?months=N`: what a retention run with that period would delete now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionPreview {
    pub months: u32,
    pub would_delete: u64,
    pub cutoff: i64,
    pub cutoff_iso: String,
}

/// What a retention run deleted: entries created before `cutoff` (ms since the epoch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRun {
    pub deleted: u64,
    pub cutoff: i64,
    pub cutoff_iso: String,
}

/// One line of the audit log; `at` in ms since the epoch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditItem {
    pub id: i64,
    pub at: i64,
    pub at_iso: String,
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    pub detail: Option<String>,
}

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
    fn a_followed_up_view_says_so_and_hidden_wins() {
        assert_eq!(ViewStatus::of(false, false, false), ViewStatus::New);
        assert_eq!(ViewStatus::of(true, false, false), ViewStatus::Reviewed);
        assert_eq!(ViewStatus::of(false, true, false), ViewStatus::FollowedUp);
        assert_eq!(ViewStatus::of(true, true, true), ViewStatus::Hidden);
        assert_eq!(serde_json::to_string(&ViewStatus::FollowedUp).unwrap(), r#""followed_up""#);
    }

    #[test]
    fn view_actions_round_trip_their_paths() {
        for action in ViewAction::ALL {
            assert_eq!(ViewAction::parse(action.path()), Some(action));
        }
        assert_eq!(ViewAction::parse("follow_up"), None);
        assert_eq!(ViewAction::parse("delete"), None);
    }

    #[test]
    fn a_new_item_refuses_unknown_fields_and_words_refuse_a_code() {
        let words = r#"{"name":{"en":"A","cy":"B"},"line":{"en":"C","cy":"D"}}"#;
        assert!(serde_json::from_str::<ItemWords>(words).is_ok());
        assert!(serde_json::from_str::<NewItem>(words).is_err(), "a new item needs its code");
        let with_code = r#"{"code":"x","name":{"en":"A","cy":"B"},"line":{"en":"C","cy":"D"}}"#;
        assert!(serde_json::from_str::<NewItem>(with_code).is_ok());
        assert!(serde_json::from_str::<ItemWords>(with_code).is_err());
    }

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
