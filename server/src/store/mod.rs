//! Everything that reads or writes the database, one module per table group. SQL here binds only
//! i64, String and Option of those, and uses `$n` placeholders, so it runs unchanged on SQLite and PostgreSQL.

pub mod audit;
pub mod catalogue;
pub mod entries;
pub mod events;
pub mod export;
pub mod forms;
pub mod keywords;
pub mod officers;
pub mod responses;
pub mod settings;
pub mod sign_in_limits;
pub mod views;
