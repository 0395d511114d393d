//! The export for the annual consultation: one row per answer, built once here and written as CSV or
//! XLSX, from the API or the command line, so every format carries exactly the same cells.

pub mod csv;
pub mod xlsx;

use std::collections::HashMap;

use sqlx::{AnyPool, Row};
use yoursay_core::{Catalogue, CatalogueItem};

use crate::clock::iso_utc;
use crate::filters::{Filters, Where};

pub const HEADER: [&str; 15] = [
    "entry_id",
    "created_at",
    "event",
    "role",
    "age_band",
    "language",
    "kind",
    "service_code",
    "service_en",
    "service_cy",
    "promise_code",
    "promise_en",
    "promise_cy",
    "score",
    "text",
];

pub type ExportRow = [String; 15];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    pub fn write(self, rows: &[ExportRow]) -> anyhow::Result<Vec<u8>> {
        match self {
            Format::Csv => Ok(csv::write(rows)),
            Format::Xlsx => xlsx::write(rows),
        }
    }
}

/// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and CR, may shift it
/// into one). A young person's view must never run as a formula on the officer's computer.
pub fn neutralise(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The rows for the entries matching `filters`, oldest first. Hidden views are left out: the officer hid
/// them because they must not be quoted.
pub async fn rows(pool: &AnyPool, catalogue: &Catalogue, filters: &Filters) -> sqlx::Result<Vec<ExportRow>> {
    let mut w = Where::default();
    filters.apply(&mut w);
    w.add_plain("e.hidden = 0");
    let where_sql = w.sql();

    let mut answers: HashMap<String, Vec<(String, Option<i64>)>> = HashMap::new();
    let sql = format!(
        "SELECT a.entry_id, a.promise, a.score FROM rating_answers a JOIN entries e ON e.id = a.entry_id{where_sql} \
         ORDER BY a.entry_id, a.position"
    );
    for r in w.bind(sqlx::query(&sql)).fetch_all(pool).await? {
        answers.entry(r.try_get(0)?).or_default().push((r.try_get(1)?, r.try_get(2)?));
    }
    let mut tags: HashMap<String, Vec<String>> = HashMap::new();
    let sql = format!(
        "SELECT vp.entry_id, vp.promise FROM view_promises vp JOIN entries e ON e.id = vp.entry_id{where_sql} \
         ORDER BY vp.entry_id, vp.position"
    );
    for r in w.bind(sqlx::query(&sql)).fetch_all(pool).await? {
        tags.entry(r.try_get(0)?).or_default().push(r.try_get(1)?);
    }

    let sql = format!(
        "SELECT e.id, e.created_at, e.event, e.role, e.age_band, e.language, e.kind, e.service, e.text \
         FROM entries e{where_sql} ORDER BY e.created_at, e.id"
    );
    let mut out = Vec::new();
    for r in w.bind(sqlx::query(&sql)).fetch_all(pool).await? {
        let id: String = r.try_get("id")?;
        let opt =
            |name: &str| -> sqlx::Result<String> { Ok(r.try_get::<Option<String>, _>(name)?.unwrap_or_default()) };
        let common = [
            id.clone(),
            iso_utc(r.try_get("created_at")?),
            opt("event")?,
            opt("role")?,
            opt("age_band")?,
            opt("language")?,
            opt("kind")?,
        ];
        let row = |service: [String; 3], promise: [String; 3], score: String, text: String| -> ExportRow {
            let [a, b, c, d, e, f, g] = common.clone();
            let [s1, s2, s3] = service;
            let [p1, p2, p3] = promise;
            [a, b, c, d, e, f, g, s1, s2, s3, p1, p2, p3, score, text].map(neutralise)
        };
        if opt("kind")? == "rating" {
            let service = labels(catalogue.service(&opt("service")?), &opt("service")?);
            for (promise, score) in answers.remove(&id).unwrap_or_default() {
                let score = score.map_or_else(|| "dont_know".to_owned(), |s| s.to_string());
                out.push(row(service.clone(), labels(catalogue.promise(&promise), &promise), score, String::new()));
            }
        } else {
            let codes = tags.remove(&id).unwrap_or_default();
            let each: Vec<[String; 3]> = codes.iter().map(|c| labels(catalogue.promise(c), c)).collect();
            let join = |i: usize| each.iter().map(|l| l[i].as_str()).collect::<Vec<_>>().join("; ");
            out.push(row(Default::default(), [join(0), join(1), join(2)], String::new(), opt("text")?));
        }
    }
    Ok(out)
}

/// Code, English and Welsh name. A code the catalogue lacks cannot happen (codes are never deleted), but
/// the row still carries the code rather than failing the export.
fn labels(item: Option<&CatalogueItem>, code: &str) -> [String; 3] {
    match item {
        Some(i) => [i.code.clone(), i.name.en.clone(), i.name.cy.clone()],
        None => [code.to_owned(), String::new(), String::new()],
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_starts_are_neutralised() {
        for bad in ["=1+1", "+44", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad.into()), format!("'{bad}"));
        }
        assert_eq!(neutralise("fine = ok".into()), "fine = ok");
    }
}
