//! Events on the device: joining one by its code, the event's own screen with its surveys, and
//! pass-the-tablet mode (the idle reset with "Still there?", leaving only with the exit PIN). Built into
//! the surveys page only (the `surveys` feature), like the survey runner: an event offers surveys, and in
//! pass-the-tablet mode the service worker opens every page as the surveys page (`tablet`).
//!
//! * `joined`: the event this device joined, kept for offline use. `tablet`: the mode's marker and the PIN's
//!   wait. No UI.
//! * `join`, `leave`, `idle`: UI only.

mod idle;
mod join;
mod joined;
mod leave;
pub mod tablet;

pub use idle::IdleGuard;
pub use join::EventScreen;
pub use joined::{use_joined, Joined};
pub use leave::LeaveScreen;

/// The event's screen; [`LEAVE_PATH`] asks for the exit PIN.
pub const PATH: &str = "/event";
pub const LEAVE_PATH: &str = "/event/leave";

pub fn provide() {
    Joined::provide();
}

/// In pass-the-tablet mode now (for screens outside this module: the banner, the thank-you screen).
pub fn is_tablet() -> bool {
    leptos::prelude::use_context::<Joined>().is_some_and(Joined::tablet)
}
