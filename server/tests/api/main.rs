//! One integration test binary (faster to link than one per file), a module per area. Each test runs on
//! SQLite, and on PostgreSQL too when `YOURSAY_TEST_POSTGRES_URL` is set (see scripts/postgres.sh).

mod app_files;
mod data;
mod entries;
mod forms;
mod helpers;
mod officer;
