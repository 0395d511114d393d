//! One integration test binary (faster to link than one per file), a module per area.

mod app_files;
mod entries;
mod helpers;
