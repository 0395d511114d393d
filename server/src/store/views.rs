//! The officer's inbox: views with their flags and moderation state.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};
use yoursay_core::officer::{ContactDetails, ViewAction, ViewItem, ViewStatus};
use yoursay_core::EntryKind;

use crate::filters::{Bind, Filters, Where};
use crate::risk::RiskWords;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    New,
    Reviewed,
    Hidden,
    Flagged,
    FollowedUp,
    SafeToQuote,
}

impl Status {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "new" => Status::New,
            "reviewed" => Status::Reviewed,
            "hidden" => Status::Hidden,
            "flagged" => Status::Flagged,
            "followed_up" => Status::FollowedUp,
            "safe_to_quote" => Status::SafeToQuote,
            _ => return None,
        })
    }

    fn clause(self) -> &'static str {
        match self {
            Status::New => "e.reviewed = 0 AND e.hidden = 0",
            Status::Reviewed => "e.reviewed = 1 AND e.hidden = 0",
            Status::Hidden => "e.hidden = 1",
            Status::Flagged => "e.flagged = 1 AND e.followed_up = 0",
            Status::FollowedUp => "e.followed_up = 1",
            Status::SafeToQuote => "e.safe_to_quote = 1 AND e.hidden = 0",
        }
    }
}

const COLUMNS: &str = "e.id, e.created_at, e.received_at, e.language, e.event, e.role, e.age_band, e.text, \
                       e.reviewed, e.hidden, e.flagged, e.flag_words, e.followed_up, e.contact_name, e.contact_how, \
                       e.safe_to_quote";

fn item(row: &AnyRow) -> sqlx::Result<ViewItem> {
    let reviewed = row.try_get::<i64, _>("reviewed")? != 0;
    let hidden = row.try_get::<i64, _>("hidden")? != 0;
    let followed_up = row.try_get::<i64, _>("followed_up")? != 0;
    let words: String = row.try_get("flag_words")?;
    Ok(ViewItem {
        id: row.try_get("id")?,
        created_at: row.try_get("created_at")?,
        received_at: row.try_get("received_at")?,
        language: row.try_get("language")?,
        event: row.try_get("event")?,
        role: row.try_get("role")?,
        age_band: row.try_get("age_band")?,
        text: row.try_get::<Option<String>, _>("text")?.unwrap_or_default(),
        promises: Vec::new(),
        status: ViewStatus::of(reviewed, followed_up, hidden),
        reviewed,
        hidden,
        flagged: row.try_get::<i64, _>("flagged")? != 0,
        flag_words: words.split(", ").filter(|w| !w.is_empty()).map(str::to_owned).collect(),
        followed_up,
        safe_to_quote: row.try_get::<i64, _>("safe_to_quote")? != 0,
        contact: match (
            row.try_get::<Option<String>, _>("contact_name")?,
            row.try_get::<Option<String>, _>("contact_how")?,
        ) {
            (Some(name), Some(how)) => Some(ContactDetails { name, how }),
            _ => None,
        },
        answered_by: Vec::new(),
    })
}

/// Flagged views not yet followed up come first, then the newest.
pub async fn page(
    pool: &AnyPool,
    filters: &Filters,
    status: Option<Status>,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(i64, Vec<ViewItem>)> {
    let mut w = Where::default();
    w.add_plain(&in_inbox("e."));
    filters.apply(&mut w);
    if let Some(s) = status {
        w.add_plain(s.clause());
    }
    let total: i64 =
        w.bind(sqlx::query(&format!("SELECT COUNT(*) FROM entries e{}", w.sql()))).fetch_one(pool).await?.try_get(0)?;
    let where_sql = w.sql();
    let limit_at = w.next_placeholder(Bind::Int(limit));
    let offset_at = w.next_placeholder(Bind::Int(offset));
    let sql = format!(
        "SELECT {COLUMNS} FROM entries e{where_sql} \
         ORDER BY CASE WHEN e.flagged = 1 AND e.followed_up = 0 THEN 0 ELSE 1 END, e.created_at DESC, e.id \
         LIMIT {limit_at} OFFSET {offset_at}"
    );
    let rows = w.bind(sqlx::query(&sql)).fetch_all(pool).await?;
    let mut items = rows.iter().map(item).collect::<sqlx::Result<Vec<_>>>()?;
    for view in &mut items {
        view.promises = tags(pool, &view.id).await?;
    }
    Ok((total, items))
}

async fn tags(pool: &AnyPool, id: &str) -> sqlx::Result<Vec<String>> {
    sqlx::query("SELECT promise FROM view_promises WHERE entry_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect()
}

/// The entries the inbox holds: views, and survey entries with answers in words (their `text` is those
/// answers, kept there when stored so they are moderated and risk-flagged like views). `prefix` is the
/// table's alias with its dot, or nothing.
fn in_inbox(prefix: &str) -> String {
    format!(
        "({prefix}kind = '{}' OR ({prefix}kind = '{}' AND {prefix}text IS NOT NULL))",
        EntryKind::View.code(),
        EntryKind::Survey.code()
    )
}

pub async fn get(pool: &AnyPool, id: &str) -> sqlx::Result<Option<ViewItem>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM entries e WHERE e.id = $1 AND {}", in_inbox("e.")))
        .bind(id)
        .fetch_optional(pool)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut view = item(&row)?;
    view.promises = tags(pool, id).await?;
    Ok(Some(view))
}

/// The column an action sets.
fn set(action: ViewAction) -> &'static str {
    match action {
        ViewAction::Review => "reviewed = 1",
        ViewAction::Unreview => "reviewed = 0",
        ViewAction::Hide => "hidden = 1, safe_to_quote = 0",
        ViewAction::Unhide => "hidden = 0",
        ViewAction::FollowUp => "followed_up = 1",
        ViewAction::UndoFollowUp => "followed_up = 0",
        // A hidden view is never quoted: marking one changes nothing, and the answer shows it.
        ViewAction::SafeToQuote => "safe_to_quote = 1 - hidden",
        ViewAction::NotSafeToQuote => "safe_to_quote = 0",
    }
}

/// Applies the action; false when there is no such view.
pub async fn act(conn: &mut AnyConnection, id: &str, action: ViewAction) -> sqlx::Result<bool> {
    let sql = format!("UPDATE entries SET {} WHERE id = $1 AND {}", set(action), in_inbox(""));
    Ok(sqlx::query(&sql).bind(id).execute(conn).await?.rows_affected() == 1)
}

/// Re-checks every view against a changed word list. Returns how many views are flagged afterwards.
pub async fn reflag_all(conn: &mut AnyConnection, risk: &RiskWords) -> sqlx::Result<i64> {
    let rows = sqlx::query(&format!("SELECT id, text, flag_words FROM entries WHERE {}", in_inbox("")))
        .fetch_all(&mut *conn)
        .await?;
    let mut flagged = 0;
    for row in rows {
        let id: String = row.try_get(0)?;
        let text: Option<String> = row.try_get(1)?;
        let before: String = row.try_get(2)?;
        let found = risk.find(text.as_deref().unwrap_or_default()).join(", ");
        if !found.is_empty() {
            flagged += 1;
        }
        if found != before {
            sqlx::query("UPDATE entries SET flagged = $1, flag_words = $2 WHERE id = $3")
                .bind(i64::from(!found.is_empty()))
                .bind(found)
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(flagged)
}

/// The text of a view that may be quoted now (marked safe to quote and not hidden), if there is one.
pub async fn quotable_text(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Option<String>> {
    let sql =
        format!("SELECT text FROM entries WHERE id = $1 AND safe_to_quote = 1 AND hidden = 0 AND {}", in_inbox(""));
    Ok(sqlx::query(&sql).bind(id).fetch_optional(conn).await?.map(|r| r.try_get(0)).transpose()?.flatten())
}

/// Whether `id` is an entry the inbox holds (a view, or a survey entry with words).
pub async fn in_inbox_now(conn: &mut AnyConnection, id: &str) -> sqlx::Result<bool> {
    let sql = format!("SELECT 1 FROM entries WHERE id = $1 AND {}", in_inbox(""));
    Ok(sqlx::query(&sql).bind(id).fetch_optional(conn).await?.is_some())
}
