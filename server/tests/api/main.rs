//! One integration test binary (faster to link than one per file), a module per area. Each test runs on
//! SQLite and on PostgreSQL (`YOURSAY_TEST_POSTGRES_URL`, see scripts/postgres.sh); without that URL the
//! PostgreSQL half fails unless `YOURSAY_SKIP_POSTGRES=1` skips it on purpose.

mod app_files;
mod backup;
mod checkpoints;
mod data;
mod entries;
mod erase;
mod events;
mod fault;
mod forms;
mod helpers;
mod instances;
mod officer;
mod process;
mod sign_in;
mod strict_json;
mod surveys;
mod you_said;
