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
    /// Takes back "reviewed" (the console's Undo).
    Unreview,
    /// Not to be quoted or exported; also takes back "safe to quote".
    Hide,
    Unhide,
    FollowUp,
    /// Takes back "followed up" (the console's Undo): a flagged view comes first again.
    UndoFollowUp,
    /// The officer has read it and it may be quoted in a "you said, we did" response (never a hidden one).
    SafeToQuote,
    NotSafeToQuote,
}

impl ViewAction {
    pub const ALL: [ViewAction; 8] = [
        ViewAction::Review,
        ViewAction::Unreview,
        ViewAction::Hide,
        ViewAction::Unhide,
        ViewAction::FollowUp,
        ViewAction::UndoFollowUp,
        ViewAction::SafeToQuote,
        ViewAction::NotSafeToQuote,
    ];

    /// The last part of the action's path.
    pub fn path(self) -> &'static str {
        match self {
            ViewAction::Review => "review",
            ViewAction::Unreview => "unreview",
            ViewAction::Hide => "hide",
            ViewAction::Unhide => "unhide",
            ViewAction::FollowUp => "follow-up",
            ViewAction::UndoFollowUp => "undo-follow-up",
            ViewAction::SafeToQuote => "safe-to-quote",
            ViewAction::NotSafeToQuote => "not-safe-to-quote",
        }
    }

    pub fn parse(path: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.path() == path)
    }

    /// The action that takes this one back, for Undo. Undoing "hide" shows the view again but does not
    /// make it safe to quote again: hiding took that back, with any quote of it, and quoting is a choice
    /// the officer makes afresh.
    pub fn undo(self) -> ViewAction {
        match self {
            ViewAction::Review => ViewAction::Unreview,
            ViewAction::Unreview => ViewAction::Review,
            ViewAction::Hide => ViewAction::Unhide,
            ViewAction::Unhide => ViewAction::Hide,
            ViewAction::FollowUp => ViewAction::UndoFollowUp,
            ViewAction::UndoFollowUp => ViewAction::FollowUp,
            ViewAction::SafeToQuote => ViewAction::NotSafeToQuote,
            ViewAction::NotSafeToQuote => ViewAction::SafeToQuote,
        }
    }

    /// Its name in the audit log.
    pub fn audit_name(self) -> &'static str {
        match self {
            ViewAction::Review => "view_review",
            ViewAction::Unreview => "view_unreview",
            ViewAction::Hide => "view_hide",
            ViewAction::Unhide => "view_unhide",
            ViewAction::FollowUp => "view_follow_up",
            ViewAction::UndoFollowUp => "view_undo_follow_up",
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
    /// The "you said, we did" responses that say they answer this view: for the officer only.
    #[serde(default)]
    pub answered_by: Vec<AnsweredBy>,
}

/// A response answering a view, as the inbox names it: its id and what it says people said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnsweredBy {
    pub response: String,
    pub you_said: Bilingual,
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
    /// The particulars in English, as the log has always kept them (`AuditFacts::text`).
    pub detail: Option<String>,
    /// The same particulars as facts, for the console to say in the officer's language. Missing on lines
    /// written before facts were kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<AuditFacts>,
}

/// An audit line's particulars as facts. The console puts them in words in the officer's language; the
/// English `detail` text is made from them ([`AuditFacts::text`]) for whoever reads the log itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "fact", rename_all = "snake_case")]
pub enum AuditFacts {
    /// The catalogue or a survey is now at this version.
    Version { version: i64 },
    /// Published again with nothing changed: still this version.
    Unchanged { version: i64 },
    /// A survey started empty.
    Blank,
    /// A survey started from the ready-made one with this code.
    StartingPoint { name: String },
    /// A survey started as a copy of another's published `version`, or of its draft (`None`).
    CopyOf { source: String, version: Option<i64> },
    /// The risk words now in each list, and how many views they flag.
    RiskWords { english: u64, welsh: u64, flagged: i64 },
    /// A setting's new value (`retention_months`).
    Setting { name: String, value: i64 },
    /// Entries made before `cutoff` (ms since the epoch; `cutoff_iso` the same in UTC) were deleted.
    RetentionRun { deleted: u64, cutoff: i64, cutoff_iso: String, months: i64 },
    /// An export of this many rows, with the filters as given (`name`, value); `finished` is false when
    /// the download was cut off.
    Export { rows: u64, filters: Vec<(String, String)>, finished: bool },
    /// An event's exit PIN was changed.
    PinChanged,
    /// A response's progress update, by its progress code.
    Progress { progress: String },
    /// An officer account was created, or (false) its password changed.
    Officer { created: bool },
    /// A response now says it answers this many views (which ones the response itself keeps).
    AnsweredViews { views: u64 },
}

impl AuditFacts {
    /// The facts in English, as the log's `detail` column has them.
    pub fn text(&self) -> String {
        match self {
            AuditFacts::Version { version } => format!("version {version}"),
            AuditFacts::Unchanged { version } => format!("unchanged: version {version}"),
            AuditFacts::Blank => "blank".to_owned(),
            AuditFacts::StartingPoint { name } => format!("from starting point {name}"),
            AuditFacts::CopyOf { source, version: Some(v) } => format!("copy of {source} version {v}"),
            AuditFacts::CopyOf { source, version: None } => format!("copy of {source} draft"),
            AuditFacts::RiskWords { english, welsh, flagged } => {
                format!("{english} English, {welsh} Welsh words; {flagged} views flagged")
            }
            AuditFacts::Setting { name, value } => format!("{name} = {value}"),
            AuditFacts::RetentionRun { deleted, cutoff_iso, months, .. } => {
                format!("deleted {deleted} entries created before {cutoff_iso} (kept {months} months)")
            }
            AuditFacts::Export { rows, filters, finished } => {
                let given: Vec<String> = filters.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let given = if given.is_empty() { "everything".to_owned() } else { given.join(" ") };
                format!("{rows} rows; {given}{}", if *finished { "" } else { "; not finished" })
            }
            AuditFacts::PinChanged => "exit PIN changed".to_owned(),
            AuditFacts::Progress { progress } => progress.clone(),
            AuditFacts::Officer { created: true } => "created".to_owned(),
            AuditFacts::Officer { created: false } => "password changed".to_owned(),
            AuditFacts::AnsweredViews { views } => format!("answers {views} views"),
        }
    }
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

    /// The five scores, only when every one of them is shown: all a chart may draw from, so that no bar's
    /// length or position depends on a hidden count.
    pub fn shown_scores(&self) -> Option<[u32; 5]> {
        let s = self.scores;
        Some([s[0].shown()?, s[1].shown()?, s[2].shown()?, s[3].shown()?, s[4].shown()?])
    }

    /// "Good" or "really good" in percent of those who gave a score ("don't know" left out), one decimal;
    /// only when all five scores are shown and someone gave one.
    pub fn good_share(&self) -> Option<f64> {
        let s = self.shown_scores()?;
        let scored: u32 = s.iter().sum();
        (scored > 0).then(|| (f64::from(s[3] + s[4]) * 1000.0 / f64::from(scored)).round() / 10.0)
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
    /// The days counted, when the officer chose both ends (`from`, `to`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// With `compare=previous`: the period of the same length just before, counted and suppressed on its
    /// own with the same `min_cell`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousResults>,
}

/// Calendar days, both included, as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: String,
    pub to: String,
}

/// The previous period's counts, with the same filters otherwise (match items by code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousResults {
    pub period: Period,
    pub by_promise: Vec<ResultRow>,
    pub by_service: Vec<ResultRow>,
    pub cells: Vec<Cell>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use Count::{Shown as S, Small, Withheld};

    #[test]
    fn audit_facts_read_back_as_written_and_keep_the_logs_english() {
        let export = AuditFacts::Export {
            rows: 3,
            filters: vec![("from".into(), "2025-10-01".into()), ("to".into(), "2025-10-31".into())],
            finished: true,
        };
        assert_eq!(export.text(), "3 rows; from=2025-10-01 to=2025-10-31");
        let cut = AuditFacts::Export { rows: 0, filters: vec![], finished: false };
        assert_eq!(cut.text(), "0 rows; everything; not finished");
        let run =
            AuditFacts::RetentionRun { deleted: 1, cutoff: 0, cutoff_iso: "1970-01-01T00:00:00Z".into(), months: 24 };
        assert_eq!(run.text(), "deleted 1 entries created before 1970-01-01T00:00:00Z (kept 24 months)");
        assert_eq!(AuditFacts::CopyOf { source: "carers".into(), version: None }.text(), "copy of carers draft");
        for facts in [export, cut, run, AuditFacts::PinChanged, AuditFacts::Officer { created: true }] {
            let json = serde_json::to_string(&facts).unwrap();
            assert_eq!(serde_json::from_str::<AuditFacts>(&json).unwrap(), facts, "{json}");
        }
    }

    #[test]
    fn every_moderation_action_has_an_undo_that_leads_back() {
        for action in ViewAction::ALL {
            assert_eq!(action.undo().undo(), action, "{action:?}");
            assert_ne!(action.undo(), action);
            assert_eq!(ViewAction::parse(action.path()), Some(action));
        }
        let names: std::collections::HashSet<_> = ViewAction::ALL.iter().map(|a| a.audit_name()).collect();
        assert_eq!(names.len(), ViewAction::ALL.len());
    }

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
    fn the_good_share_is_of_those_who_scored_and_only_from_shown_counts() {
        let mut raw = RawTally::default();
        raw.add(Some(5), 6);
        raw.add(Some(4), 6);
        raw.add(Some(2), 6);
        raw.add(None, 7);
        let mut grid = Grid::default();
        let tally = raw.place(&mut grid).tally(&grid.suppress(5));
        assert_eq!(tally.shown_scores(), Some([0, 6, 0, 6, 6]));
        assert_eq!(tally.good_share(), Some(66.7));

        raw.add(Some(1), 2);
        let mut grid = Grid::default();
        let tally = raw.place(&mut grid).tally(&grid.suppress(5));
        assert_eq!(tally.shown_scores(), None, "a small count: nothing to draw");
        assert_eq!(tally.good_share(), None);
        let none = RawTally::default();
        let mut grid = Grid::default();
        assert_eq!(none.place(&mut grid).tally(&grid.suppress(5)).good_share(), None);
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
