//! Pieces shared by screens. They carry the accessibility and language rules so every screen gets them.

pub mod about_you;
pub mod document;
pub mod event_banner;
pub mod faces;
pub mod layout;
pub mod status_strip;
pub mod survey_links;
pub mod tick_box;
