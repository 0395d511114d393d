//! One survey as answered so far, kept for the visit like the other drafts (`crate::drafts`): memory only,
//! emptied when the entry is saved, so the next person on a shared tablet starts afresh. Which question
//! comes next is read from core's show-if rules (`form::visibility`), the same reading the server's parser
//! uses, so the runner never asks a question whose answer the server would refuse.

use leptos::prelude::*;
use yoursay_core::entry::AnswerWire;
use yoursay_core::form::response::PartsWire;
use yoursay_core::form::visibility::{self, Given};
use yoursay_core::form::{Frequency, Question, SurveyAnswerWire, SurveyWire, ValueWire};

pub use crate::components::faces::Choice;
use crate::drafts::AboutYouDraft;

/// What a person answered to one question, as the screen holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Answered {
    /// A face (1–5) or "don't know".
    Face(Choice),
    Easy(u8),
    Frequency(Frequency),
    Single(String),
    /// Choice codes in the question's order; "none of these" alone.
    Multi(Vec<String>),
    Text {
        text: String,
        promises: Vec<String>,
    },
    /// A service, the promises offered (fixed when the service was picked, so a catalogue refresh cannot
    /// shift which promise an answer belongs to) and the choice made for each promise so far.
    Grid {
        service: String,
        promises: Vec<String>,
        choices: Vec<(String, Choice)>,
    },
}

impl Answered {
    /// The choices a show-if rule sees.
    pub fn chosen(&self) -> Vec<&str> {
        match self {
            Answered::Single(code) => vec![code.as_str()],
            Answered::Multi(codes) => codes.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether anything was really given: what a required question needs and a show-if rule sees.
    pub fn is_given(&self) -> bool {
        self.to_wire().is_some()
    }

    /// The answer as sent; `None` when nothing was really given (blank text, no box ticked, every promise
    /// of a grid skipped), which counts as unanswered.
    pub fn to_wire(&self) -> Option<ValueWire> {
        Some(match self {
            Answered::Face(choice) => match choice.to_wire()? {
                yoursay_core::entry::AnswerValueWire::Score(n) => ValueWire::Number(n),
                yoursay_core::entry::AnswerValueWire::Word(w) => ValueWire::Word(w),
            },
            Answered::Easy(n) => ValueWire::Number(i64::from(*n)),
            Answered::Frequency(f) => ValueWire::Word(f.code().to_owned()),
            Answered::Single(code) => ValueWire::Word(code.clone()),
            Answered::Multi(codes) if codes.is_empty() => return None,
            Answered::Multi(codes) => ValueWire::Words(codes.clone()),
            Answered::Text { text, .. } if text.trim().is_empty() => return None,
            Answered::Text { text, promises } if promises.is_empty() => ValueWire::Word(text.trim().to_owned()),
            Answered::Text { text, promises } => ValueWire::Parts(PartsWire {
                text: Some(text.trim().to_owned()),
                promises: Some(promises.clone()),
                ..PartsWire::default()
            }),
            Answered::Grid { service, choices, .. } => {
                let answers: Vec<AnswerWire> = choices
                    .iter()
                    .filter_map(|(promise, c)| Some(AnswerWire { promise: promise.clone(), answer: c.to_wire()? }))
                    .collect();
                if answers.is_empty() {
                    return None;
                }
                ValueWire::Parts(PartsWire {
                    service: Some(service.clone()),
                    answers: Some(answers),
                    ..PartsWire::default()
                })
            }
        })
    }
}

/// Where the person is in the survey.
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

/// The survey being answered on this device now.
#[derive(Clone, Copy)]
pub struct SurveyDraft {
    /// Which survey and version the answers belong to: opening another one starts afresh.
    pub form: RwSignal<Option<(String, u32)>>,
    pub step: RwSignal<Step>,
    pub answers: RwSignal<Vec<Option<Answered>>>,
    pub about: AboutYouDraft,
}

impl SurveyDraft {
    /// Made once for the app (like `crate::drafts::Drafts`), so help or privacy half-way loses nothing.
    pub fn provide() {
        provide_context(SurveyDraft {
            form: RwSignal::new(None),
            step: RwSignal::new(Step::Intro),
            answers: RwSignal::new(Vec::new()),
            about: AboutYouDraft::new(),
        });
    }

    /// Starts `code` version `version` with `questions` questions, unless it is the one already open;
    /// `role` is the event's preset answer to "about you", if any.
    pub fn open(self, code: &str, version: u32, questions: usize, role: Option<yoursay_core::Role>) {
        let same = self.form.with_untracked(|f| f.as_ref().is_some_and(|(c, v)| c == code && *v == version));
        if !same {
            self.clear();
            self.form.set(Some((code.to_owned(), version)));
            self.answers.set(vec![None; questions]);
            self.about.role.set(role);
        }
    }

    pub fn clear(self) {
        self.form.set(None);
        self.step.set(Step::Intro);
        self.answers.set(Vec::new());
        self.about.clear();
    }
}

pub fn use_survey_draft() -> SurveyDraft {
    expect_context::<SurveyDraft>()
}
