//! Your Say server: stores what devices push, exactly once, and gives the participation officer a
//! signed-in API to read, moderate, count and export it.

pub mod backup;
pub mod checkpoints;
pub mod clock;
pub mod db;
pub mod error;
pub mod export;
pub mod failpoint;
pub mod filters;
pub mod html;
pub mod ingest;
pub mod json;
pub mod officer;
pub mod period;
pub mod published_forms;
pub mod retention;
pub mod risk;
pub mod routes;
pub mod security;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
