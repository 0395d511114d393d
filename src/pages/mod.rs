//! One module per screen. A form's answers live in its draft (`crate::drafts`, memory only) until it is
//! saved, when the draft is emptied: the next person on a shared tablet starts with an empty form.

pub mod about;
pub mod help;
pub mod home;
pub mod not_found;
pub mod rate;
pub mod say;
pub mod thanks;
