//! One module per screen. Screens hold their own form state, so leaving a screen forgets what was typed:
//! the next person on a shared tablet starts with an empty form.

pub mod about;
pub mod help;
pub mod home;
pub mod not_found;
pub mod rate;
pub mod say;
pub mod thanks;
