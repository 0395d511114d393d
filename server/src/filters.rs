//! The filters the inbox, results and export share, read from query parameters (or the CLI) into checked
//! values, and turned into a portable `WHERE` clause.

use std::collections::HashMap;

use time::Date;
use yoursay_core::{AgeBand, EntryKind, ErrorCode, EventCode, FieldError, ItemCode, Language, Role};

use crate::clock::{date_start_ms, parse_date};
use crate::error::ApiError;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// First millisecond included.
    pub from_ms: Option<i64>,
    /// First millisecond *not* included (the day after `to`).
    pub until_ms: Option<i64>,
    /// The days as given (`from`, `to`), for working out another period from them.
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub event: Option<String>,
    pub role: Option<String>,
    pub age_band: Option<String>,
    pub language: Option<String>,
    pub kind: Option<EntryKind>,
    pub promise: Option<String>,
}

pub type Params = HashMap<String, String>;

/// A non-empty parameter, or None. Browsers send `event=` for an empty select; that means "any".
pub fn param<'a>(params: &'a Params, name: &str) -> Option<&'a str> {
    params.get(name).map(|s| s.trim()).filter(|s| !s.is_empty())
}

pub fn number(
    params: &Params,
    name: &str,
    default: i64,
    range: std::ops::RangeInclusive<i64>,
) -> Result<i64, ApiError> {
    match param(params, name) {
        None => Ok(default),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if range.contains(&n) => Ok(n),
            Ok(_) => Err(ApiError::field(FieldError::new(name, ErrorCode::OutOfRange))),
            Err(_) => Err(ApiError::field(FieldError::new(name, ErrorCode::Invalid))),
        },
    }
}

impl Filters {
    /// Reads the parameters named in `allowed`, collecting every problem.
    pub fn from_params(params: &Params, allowed: &[&str]) -> Result<Self, ApiError> {
        let mut f = Filters::default();
        let mut errors = Vec::new();
        let get = |name: &str| if allowed.contains(&name) { param(params, name) } else { None };
        if let Some(v) = get("from") {
            match parse_date(v) {
                Some(d) => {
                    f.from = Some(d);
                    f.from_ms = Some(date_start_ms(d));
                }
                None => errors.push(FieldError::new("from", ErrorCode::Invalid)),
            }
        }
        if let Some(v) = get("to") {
            match parse_date(v) {
                Some(d) => {
                    f.to = Some(d);
                    f.until_ms = Some(date_start_ms(d) + DAY_MS);
                }
                None => errors.push(FieldError::new("to", ErrorCode::Invalid)),
            }
        }
        if let (Some(from), Some(until)) = (f.from_ms, f.until_ms) {
            if until <= from {
                errors.push(FieldError::new("to", ErrorCode::OutOfRange));
            }
        }
        if let Some(v) = get("event") {
            match EventCode::parse(v) {
                Ok(e) => f.event = Some(e.as_str().to_owned()),
                Err(e) => errors.push(e),
            }
        }
        if let Some(v) = get("role") {
            match Role::parse(v) {
                Ok(r) => f.role = Some(r.code().to_owned()),
                Err(e) => errors.push(e),
            }
        }
        if let Some(v) = get("age_band") {
            match AgeBand::parse(v) {
                Ok(a) => f.age_band = Some(a.code().to_owned()),
                Err(e) => errors.push(e),
            }
        }
        if let Some(v) = get("language") {
            match Language::parse(v) {
                Ok(l) => f.language = Some(l.code().to_owned()),
                Err(e) => errors.push(e),
            }
        }
        if let Some(v) = get("kind") {
            match EntryKind::parse(v) {
                Ok(k) => f.kind = Some(k),
                Err(e) => errors.push(e),
            }
        }
        if let Some(v) = get("promise") {
            match ItemCode::parse(v, "promise") {
                Ok(p) => f.promise = Some(p.as_str().to_owned()),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(f)
        } else {
            Err(ApiError::bad_request("Some filters are not valid.", errors))
        }
    }

    /// The same filters over other days (both included).
    pub fn with_days(&self, from: Date, to: Date) -> Self {
        Filters {
            from: Some(from),
            to: Some(to),
            from_ms: Some(date_start_ms(from)),
            until_ms: Some(date_start_ms(to) + DAY_MS),
            ..self.clone()
        }
    }

    /// Adds these filters on the entries table aliased `e`.
    pub fn apply(&self, w: &mut Where) {
        if let Some(v) = self.from_ms {
            w.add("e.created_at >= ?", Bind::Int(v));
        }
        if let Some(v) = self.until_ms {
            w.add("e.created_at < ?", Bind::Int(v));
        }
        let kind = self.kind.map(|k| k.code().to_owned());
        for (column, value) in [
            ("e.event", &self.event),
            ("e.role", &self.role),
            ("e.age_band", &self.age_band),
            ("e.language", &self.language),
            ("e.kind", &kind),
        ] {
            if let Some(v) = value {
                w.add(&format!("{column} = ?"), Bind::Text(v.clone()));
            }
        }
        if let Some(p) = &self.promise {
            w.add(
                "EXISTS (SELECT 1 FROM view_promises vp WHERE vp.entry_id = e.id AND vp.promise = ?)",
                Bind::Text(p.clone()),
            );
        }
    }
}

#[derive(Debug, Clone)]
pub enum Bind {
    Int(i64),
    Text(String),
}

/// A `WHERE` clause built from parts, numbering `$n` placeholders in order so it works on both databases.
#[derive(Debug, Default)]
pub struct Where {
    clauses: Vec<String>,
    pub binds: Vec<Bind>,
}

impl Where {
    /// `clause` has one `?` for `value`.
    pub fn add(&mut self, clause: &str, value: Bind) {
        self.binds.push(value);
        self.clauses.push(clause.replacen('?', &format!("${}", self.binds.len()), 1));
    }

    pub fn add_plain(&mut self, clause: &str) {
        self.clauses.push(clause.to_owned());
    }

    /// The next placeholder, for a `LIMIT` or `OFFSET` after the clause.
    pub fn next_placeholder(&mut self, value: Bind) -> String {
        self.binds.push(value);
        format!("${}", self.binds.len())
    }

    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }

    pub fn bind<'q>(
        &self,
        mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        for b in &self.binds {
            query = match b {
                Bind::Int(v) => query.bind(*v),
                Bind::Text(v) => query.bind(v.clone()),
            };
        }
        query
    }
}
