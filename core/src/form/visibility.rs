//! Which questions are shown: the one reading of show-if rules, used by the answer parser and by the
//! runner deciding whether a step is shown, so the two can never disagree.

use super::{Form, Question, Value};

/// What is known about the answer to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given<'a> {
    Unanswered,
    /// Answered, but the answer was refused: what it chose is unknown.
    Unreadable,
    /// Answered; the choices it picked (none for a question that is not a choice question).
    Chose(Vec<&'a str>),
}

/// For each question, in order: `Some(true)` shown, `Some(false)` hidden, `None` unknown because it depends
/// on an unreadable answer. A question is shown when it has no rule, or when the question its rule names is
/// shown and was answered with one of the rule's choices; so hiding a question hides what depends on it.
pub fn shown<'a>(questions: &[Question], given: impl Fn(usize) -> Given<'a>) -> Vec<Option<bool>> {
    let mut shown: Vec<Option<bool>> = Vec::with_capacity(questions.len());
    for (k, q) in questions.iter().enumerate() {
        let visible = match &q.show_if {
            None => Some(true),
            // Publishing guarantees the rule names an earlier question; anything else hides it.
            Some(rule) => match questions[..k].iter().position(|x| x.code == rule.question) {
                None => Some(false),
                Some(t) => match (shown[t], given(t)) {
                    (Some(false), _) | (_, Given::Unanswered) => Some(false),
                    (None, _) | (_, Given::Unreadable) => None,
                    (Some(true), Given::Chose(chosen)) => {
                        Some(chosen.iter().any(|c| rule.any_of.iter().any(|a| a == c)))
                    }
                },
            },
        };
        shown.push(visible);
    }
    shown
}

impl Form {
    /// The runner's question: with these answers so far (by question position; `None` not answered),
    /// which questions are shown?
    pub fn shown(&self, answers: &[Option<&Value>]) -> Vec<bool> {
        let given = |k: usize| match answers.get(k).copied().flatten() {
            None => Given::Unanswered,
            Some(v) => Given::Chose(v.chosen()),
        };
        shown(&self.questions, given).into_iter().map(|s| s == Some(true)).collect()
    }
}
