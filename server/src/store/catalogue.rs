//! The catalogue as stored: one row per item, a version number in `settings`, and a history row for every
//! change so the words behind a code at any version can be recovered.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};
use yoursay_core::catalogue::default_catalogue;
use yoursay_core::{Bilingual, Catalogue, CatalogueItem};

use super::settings;
use crate::clock::now_ms;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Promise,
    Service,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Promise => "promise",
            Kind::Service => "service",
        }
    }

    /// This kind's items in a catalogue.
    pub fn list(self, catalogue: &Catalogue) -> &[CatalogueItem] {
        match self {
            Kind::Promise => &catalogue.promises,
            Kind::Service => &catalogue.services,
        }
    }

    /// The plural used in officer paths: `/catalogue/promises`.
    pub fn from_plural(s: &str) -> Option<Self> {
        match s {
            "promises" => Some(Kind::Promise),
            "services" => Some(Kind::Service),
            _ => None,
        }
    }
}

pub async fn load(pool: &AnyPool) -> sqlx::Result<Catalogue> {
    let mut conn = pool.acquire().await?;
    load_with(&mut conn).await
}

pub async fn load_with(conn: &mut AnyConnection) -> sqlx::Result<Catalogue> {
    let version = settings::get(conn, settings::CATALOGUE_VERSION).await?.and_then(|v| v.parse().ok()).unwrap_or(0);
    let rows = sqlx::query(
        "SELECT kind, code, name_en, name_cy, line_en, line_cy, statement_en, statement_cy, retired \
         FROM catalogue_items ORDER BY kind, position, code",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut catalogue = Catalogue { version, promises: Vec::new(), services: Vec::new() };
    for row in rows {
        let kind: String = row.try_get("kind")?;
        let item = item_from_row(&row)?;
        if kind == Kind::Promise.as_str() {
            catalogue.promises.push(item);
        } else {
            catalogue.services.push(item);
        }
    }
    Ok(catalogue)
}

fn item_from_row(row: &AnyRow) -> sqlx::Result<CatalogueItem> {
    let statement =
        match (row.try_get::<Option<String>, _>("statement_en")?, row.try_get::<Option<String>, _>("statement_cy")?) {
            (Some(en), Some(cy)) => Some(Bilingual { en, cy }),
            _ => None,
        };
    Ok(CatalogueItem {
        code: row.try_get("code")?,
        name: Bilingual { en: row.try_get("name_en")?, cy: row.try_get("name_cy")? },
        line: Bilingual { en: row.try_get("line_en")?, cy: row.try_get("line_cy")? },
        statement,
        retired: row.try_get::<i64, _>("retired")? != 0,
    })
}

/// A new installation starts with the Charter's 11 principles and the default services.
pub async fn seed_if_empty(pool: &AnyPool) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    let count: i64 = sqlx::query("SELECT COUNT(*) FROM catalogue_items").fetch_one(&mut *tx).await?.try_get(0)?;
    if count > 0 {
        return Ok(());
    }
    let catalogue = default_catalogue();
    let version = 1;
    for (kind, items) in [(Kind::Promise, &catalogue.promises), (Kind::Service, &catalogue.services)] {
        for item in items {
            insert(&mut tx, kind, item, version).await?;
        }
    }
    settings::set(&mut tx, settings::CATALOGUE_VERSION, &version.to_string()).await?;
    tx.commit().await?;
    tracing::info!("seeded the default catalogue");
    Ok(())
}

pub async fn exists(conn: &mut AnyConnection, kind: Kind, code: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query("SELECT COUNT(*) FROM catalogue_items WHERE kind = $1 AND code = $2")
        .bind(kind.as_str())
        .bind(code)
        .fetch_one(conn)
        .await?
        .try_get(0)?;
    Ok(n > 0)
}

/// Adds an item at the end of its list. The caller has checked the code is new.
pub async fn insert(conn: &mut AnyConnection, kind: Kind, item: &CatalogueItem, version: i64) -> sqlx::Result<()> {
    let position: i64 = sqlx::query("SELECT COALESCE(MAX(position), 0) + 1 FROM catalogue_items WHERE kind = $1")
        .bind(kind.as_str())
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?;
    sqlx::query(
        "INSERT INTO catalogue_items (kind, code, position, name_en, name_cy, line_en, line_cy, statement_en, statement_cy, retired) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(kind.as_str())
    .bind(&item.code)
    .bind(position)
    .bind(&item.name.en)
    .bind(&item.name.cy)
    .bind(&item.line.en)
    .bind(&item.line.cy)
    .bind(item.statement.as_ref().map(|s| s.en.clone()))
    .bind(item.statement.as_ref().map(|s| s.cy.clone()))
    .bind(i64::from(item.retired))
    .execute(&mut *conn)
    .await?;
    history(conn, version, kind, item, "add").await
}

/// Changes the words (and retired flag) of an existing item; the code stays.
pub async fn update(
    conn: &mut AnyConnection,
    kind: Kind,
    item: &CatalogueItem,
    version: i64,
    action: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE catalogue_items SET name_en = $1, name_cy = $2, line_en = $3, line_cy = $4, statement_en = $5, \
         statement_cy = $6, retired = $7 WHERE kind = $8 AND code = $9",
    )
    .bind(&item.name.en)
    .bind(&item.name.cy)
    .bind(&item.line.en)
    .bind(&item.line.cy)
    .bind(item.statement.as_ref().map(|s| s.en.clone()))
    .bind(item.statement.as_ref().map(|s| s.cy.clone()))
    .bind(i64::from(item.retired))
    .bind(kind.as_str())
    .bind(&item.code)
    .execute(&mut *conn)
    .await?;
    history(conn, version, kind, item, action).await
}

async fn history(
    conn: &mut AnyConnection,
    version: i64,
    kind: Kind,
    item: &CatalogueItem,
    action: &str,
) -> sqlx::Result<()> {
    let json = serde_json::to_string(item).unwrap_or_default();
    sqlx::query(
        "INSERT INTO catalogue_history (version, kind, code, action, item, changed_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(version)
    .bind(kind.as_str())
    .bind(&item.code)
    .bind(action)
    .bind(json)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}

/// Bumps and returns the new version; call inside the transaction that makes the change.
pub async fn bump_version(conn: &mut AnyConnection) -> sqlx::Result<i64> {
    let current: i64 =
        settings::get(conn, settings::CATALOGUE_VERSION).await?.and_then(|v| v.parse().ok()).unwrap_or(0);
    let next = current + 1;
    settings::set(conn, settings::CATALOGUE_VERSION, &next.to_string()).await?;
    Ok(next)
}
