//! The one form runner. Everything a person fills in is a form of core's model: "Say something" and "Rate
//! a service" are the built-in forms (`yoursay_core::form::builtin`), surveys are the officer's. All of
//! them are run by this code:
//!
//! * `answer`: what a person answered to one question, as the screen holds it, and as it is sent;
//! * `steps`: which question comes next, from core's show-if rules, and which required one is missing;
//! * `draft`: a form as answered so far, memory only, for the visit;
//! * `text`, `grid`: the widgets for free text (with promise tags) and the service × promise grid, the
//!   kinds the built-in forms are made of. The kinds only surveys use are in `crate::survey::question`,
//!   compiled into the surveys page only, so the phone's first load carries just what it runs;
//! * `send`: answers → entry (a view or a rating for the built-ins, a survey entry for the rest) →
//!   core's parser → the outbox → "Thank you". One path for every form.
//!
//! How a form is laid out is its screen's: "Say something" shows its one question, "about you" and
//! "contact me" on one page; "Rate a service" and surveys go one step at a time (a survey with its
//! introduction and a last screen to check).

pub mod answer;
pub mod draft;
pub mod grid;
pub mod send;
pub mod steps;
pub mod text;

pub use answer::{Answered, Choice};
pub use draft::{AboutYouDraft, FormDraft};
pub use steps::Step;

/// What the person did on a question's screen; the form's screen decides where that leads.
#[derive(Debug, Clone)]
pub enum Move {
    /// Answered (or, with `None`, skipped) the question: on to the next.
    Answer(Option<Answered>),
    /// A step inside a grid question: keep this answer so far and show that part.
    Part(usize, Answered),
    Back,
}
