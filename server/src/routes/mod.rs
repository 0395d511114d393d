pub mod app_files;
pub mod catalogue;
pub mod entries;
pub mod events;
pub mod forms;
pub mod notice;
pub mod preload;
pub mod responses;
