//! Which step comes next, read from core's show-if rules (`form::visibility`), the same reading the
//! server's parser uses, so the runner never asks a question whose answer the server would refuse.

use yoursay_core::form::visibility::{self, Given};
use yoursay_core::form::{Question, SurveyAnswerWire, SurveyWire};

use super::Answered;

/// Where the person is in a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Intro,
    /// A question by its position in the form; `part` is a grid's own steps (0: pick a service, then one
    /// per promise), 0 for every other kind.
    Question {
        index: usize,
        part: usize,
    },
    AboutYou,
    /// Everything answered, read back before sending.
    Check,
}

/// Which questions are shown with these answers (by position in the form).
pub fn shown(questions: &[Question], answers: &[Option<Answered>]) -> Vec<bool> {
    let given = |k: usize| match answers.get(k).and_then(|a| a.as_ref()).filter(|a| a.is_given()) {
        None => Given::Unanswered,
        Some(a) => Given::Chose(a.chosen()),
    };
    visibility::shown(questions, given).into_iter().map(|s| s == Some(true)).collect()
}

/// The first question shown (a form may open with questions hidden until an earlier answer), or "about
/// you" when none is.
pub fn first(questions: &[Question], answers: &[Option<Answered>]) -> Step {
    let shown = shown(questions, answers);
    shown.iter().position(|s| *s).map_or(Step::AboutYou, |k| Step::Question { index: k, part: 0 })
}

/// The step after question `index`: the next question shown, or "about you" after the last.
pub fn after(questions: &[Question], answers: &[Option<Answered>], index: usize) -> Step {
    let shown = shown(questions, answers);
    (index + 1..questions.len()).find(|&k| shown[k]).map_or(Step::AboutYou, |k| Step::Question { index: k, part: 0 })
}

/// The step before question `index` (`None`: from "about you"): the question shown before it, at its last
/// part, or the introduction before the first.
pub fn before(questions: &[Question], answers: &[Option<Answered>], index: Option<usize>) -> Step {
    let shown = shown(questions, answers);
    let end = index.unwrap_or(questions.len());
    (0..end)
        .rev()
        .find(|&k| shown[k])
        .map_or(Step::Intro, |k| Step::Question { index: k, part: last_part(&answers[k]) })
}

/// A grid's last part is its last promise; every other question has one part.
fn last_part(answer: &Option<Answered>) -> usize {
    match answer {
        Some(Answered::Grid { promises, .. }) => promises.len(),
        _ => 0,
    }
}

/// "3 of 8": the question's place among those shown now, and how many are shown.
pub fn progress(questions: &[Question], answers: &[Option<Answered>], index: usize) -> (usize, usize) {
    let shown = shown(questions, answers);
    (shown[..=index].iter().filter(|s| **s).count(), shown.iter().filter(|s| **s).count())
}

/// The first question shown and required but not answered, if any: sending stops there.
pub fn first_missing(questions: &[Question], answers: &[Option<Answered>]) -> Option<usize> {
    let shown = shown(questions, answers);
    (0..questions.len())
        .find(|&k| shown[k] && questions[k].required && answers[k].as_ref().and_then(Answered::to_wire).is_none())
}

/// The answers to send: only questions shown now (an answer left behind on a question a later change hid
/// would be refused), skipped ones absent.
pub fn to_wire(form: &str, version: u32, questions: &[Question], answers: &[Option<Answered>]) -> SurveyWire {
    let shown = shown(questions, answers);
    let answers = questions
        .iter()
        .zip(answers)
        .zip(shown)
        .filter(|(_, shown)| *shown)
        .filter_map(|((q, a), _)| Some(SurveyAnswerWire { question: q.code.clone(), value: a.as_ref()?.to_wire()? }))
        .collect();
    SurveyWire { form: form.to_owned(), version: i64::from(version), answers }
}
