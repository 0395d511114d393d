//! "Say something" and "Rate a service" as forms of the same model, so one runner can run them as it runs
//! any survey. Their entries keep today's wire shape (`kind: "view"` and `kind: "rating"`): entries waiting
//! on devices are never stranded. [`entry_body`] turns a response to a built-in form into that shape;
//! [`as_response`] reads a stored view or rating as a response, so results and exports can treat every
//! answer alike.
//!
//! The words are the ones the app's screens show today (the i18n keys are named beside each; a test checks
//! they are the same), so running these forms changes nothing for the person using them.

use std::sync::Arc;

use super::{
    Audience, Form, Kind, Question, SurveyAnswer, SurveyResponse, SurveyWire, Tags, TextLimit, Value, ValueWire,
};
use crate::catalogue::Bilingual;
use crate::entry::{EntryBody, EntryKind, EntryWire, ItemCode, ViewText};

pub const SAY_SOMETHING: &str = "say_something";
pub const RATE_A_SERVICE: &str = "rate_a_service";
/// The one question of each built-in form.
pub const SAY_QUESTION: &str = "text";
pub const RATE_QUESTION: &str = "rating";
/// Built-in forms have one version: their shape is today's entry shape, which never changes.
pub const BUILTIN_VERSION: u32 = 1;

fn question(code: &str, kind: Kind, prompt: Bilingual, help: Bilingual) -> Question {
    Question {
        code: code.to_owned(),
        kind,
        prompt,
        help: Some(help),
        required: true,
        show_if: None,
        tags: Tags::default(),
    }
}

/// Free text, with the promises the person ticks: a view.
pub fn say_something() -> Form {
    Form {
        code: SAY_SOMETHING.to_owned(),
        // say.title
        title: Bilingual::new("Say something", "Dweud rhywbeth"),
        // home.say_hint
        intro: Bilingual::new(
            "Write what you think, in your own words.",
            "Ysgrifenna beth rwyt ti'n ei feddwl, yn dy eiriau dy hun.",
        ),
        audience: Audience::Everyone,
        questions: vec![question(
            SAY_QUESTION,
            Kind::Text(TextLimit { max_chars: ViewText::MAX_CHARS as u32, promise_tags: true }),
            // say.label
            Bilingual::new("What do you want to tell us?", "Beth rwyt ti eisiau ei ddweud wrthon ni?"),
            // say.hint
            Bilingual::new(
                "Anything you think about your care, the people who help you, or what should change.",
                "Unrhyw beth rwyt ti'n ei feddwl am dy ofal, y bobl sy'n dy helpu, neu beth ddylai newid.",
            ),
        )],
    }
}

/// One service × promise grid over the current catalogue: a rating.
pub fn rate_a_service() -> Form {
    Form {
        code: RATE_A_SERVICE.to_owned(),
        // home.rate
        title: Bilingual::new("Rate a service", "Sgorio gwasanaeth"),
        // home.rate_hint
        intro: Bilingual::new(
            "Tap a face for how well a service keeps each promise.",
            "Tapia wyneb i ddangos pa mor dda mae gwasanaeth yn cadw pob addewid.",
        ),
        audience: Audience::Everyone,
        questions: vec![question(
            RATE_QUESTION,
            Kind::ServicePromiseGrid,
            // rate.pick_title
            Bilingual::new("Which service do you want to rate?", "Pa wasanaeth rwyt ti eisiau ei sgorio?"),
            // rate.pick_intro
            Bilingual::new("Choose one. You can rate another one after.", "Dewisa un. Gelli di sgorio un arall wedyn."),
        )],
    }
}

/// The kind of entry the answers to the form `code` are sent as: a view or a rating for the built-in forms,
/// a survey entry for any other.
pub fn entry_kind(code: &str) -> EntryKind {
    match code {
        SAY_SOMETHING => EntryKind::View,
        RATE_A_SERVICE => EntryKind::Rating,
        _ => EntryKind::Survey,
    }
}

/// Puts the answers a device holds (before any parsing) into `wire` the way their form is sent: the text
/// and promises of "Say something" as a view's fields, the service and answers of "Rate a service" as a
/// rating's, any other form's answers nested under `survey`. `wire.kind` is set to match. The runner on
/// the phone sends every form through this, then `Entry::parse` checks the result as the server will.
pub fn fill_entry(survey: SurveyWire, wire: &mut EntryWire) {
    let kind = entry_kind(&survey.form);
    wire.kind = kind.code().to_owned();
    if kind == EntryKind::Survey {
        wire.survey = Some(Arc::new(survey));
        return;
    }
    for answer in survey.answers {
        match answer.value {
            ValueWire::Word(text) => wire.text = Some(text),
            ValueWire::Parts(parts) => {
                wire.text = parts.text;
                wire.promises = parts.promises;
                wire.service = parts.service;
                wire.answers = parts.answers;
            }
            // No built-in question is answered with a number or a list of words.
            ValueWire::Number(_) | ValueWire::Words(_) => {}
        }
    }
    if kind == EntryKind::View && wire.promises.is_none() {
        wire.promises = Some(Vec::new());
    }
}

/// The entry body a response to a built-in form is sent as; `None` for any other form (a survey).
pub fn entry_body(response: &SurveyResponse) -> Option<EntryBody> {
    let [answer] = response.answers.as_slice() else { return None };
    match (response.form.as_str(), answer.question.as_str(), &answer.value) {
        (SAY_SOMETHING, SAY_QUESTION, Value::Text(view)) => Some(EntryBody::View(view.clone())),
        (RATE_A_SERVICE, RATE_QUESTION, Value::Grid(rating)) => Some(EntryBody::Rating(rating.clone())),
        _ => None,
    }
}

/// A view or rating read as the response to its built-in form; `None` for a survey's answers, which are
/// a response to their own form already.
pub fn as_response(body: &EntryBody) -> Option<SurveyResponse> {
    let (form, question, value) = match body {
        EntryBody::View(view) => (SAY_SOMETHING, SAY_QUESTION, Value::Text(view.clone())),
        EntryBody::Rating(rating) => (RATE_A_SERVICE, RATE_QUESTION, Value::Grid(rating.clone())),
        EntryBody::Survey(_) => return None,
    };
    let code = |s: &str| ItemCode::parse(s, "code").expect("built-in codes are valid");
    Some(SurveyResponse {
        form: code(form),
        version: BUILTIN_VERSION,
        answers: vec![SurveyAnswer { question: code(question), value }],
    })
}
