//! The built-in forms and the ready-made starting points: valid by the publishing rules, and the built-ins
//! keep today's entry shape.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use super::tests::{catalogue, published};
use super::*;
use crate::entry::{Entry, EntryBody, EntryWire};

const NOW: i64 = 1_790_000_000_000;

fn app_words(lang: &str) -> BTreeMap<String, String> {
    let path = format!("{}/../i18n/{lang}/app.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn the_built_in_forms_are_valid_by_the_publishing_rules() {
    for form in [builtin::say_something(), builtin::rate_a_service()] {
        let p = published(&form, builtin::BUILTIN_VERSION);
        assert_eq!(p.form(), &form);
    }
}

#[test]
fn the_built_in_forms_use_the_words_the_screens_show_today() {
    let (en, cy) = (app_words("en"), app_words("cy"));
    let say = builtin::say_something();
    let rate = builtin::rate_a_service();
    let pairs = [
        ("say.title", &say.title),
        ("home.say_hint", &say.intro),
        ("say.label", &say.questions[0].prompt),
        ("say.hint", say.questions[0].help.as_ref().unwrap()),
        ("home.rate", &rate.title),
        ("home.rate_hint", &rate.intro),
        ("rate.pick_title", &rate.questions[0].prompt),
        ("rate.pick_intro", rate.questions[0].help.as_ref().unwrap()),
    ];
    for (key, text) in pairs {
        assert_eq!((en[key].as_str(), cy[key].as_str()), (text.en.as_str(), text.cy.as_str()), "{key}");
    }
}

#[test]
fn a_view_and_a_rating_round_trip_through_their_built_in_forms_without_changing_shape() {
    let cat = catalogue();
    let view: EntryWire = serde_json::from_value(json!({
        "id": "0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b", "created_at": NOW, "language": "cy", "kind": "view",
        "text": "Hoffwn i weld fy ngweithiwr cymdeithasol yn amlach", "promises": ["support", "togetherness"]
    }))
    .unwrap();
    let rating: EntryWire = serde_json::from_value(json!({
        "id": "1b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b", "created_at": NOW, "language": "en", "kind": "rating",
        "service": "social_worker",
        "answers": [{"promise": "equality", "answer": 4}, {"promise": "support", "answer": "dont_know"}]
    }))
    .unwrap();
    let forms = [published(&builtin::say_something(), 1), published(&builtin::rate_a_service(), 1)];
    for (wire, form) in [(view, &forms[0]), (rating, &forms[1])] {
        let entry = Entry::parse(&wire, NOW).unwrap();
        let response = builtin::as_response(&entry.body).expect("a view or a rating");
        // The runner's answers pass the same checks as any survey's…
        let checked = SurveyResponse::parse(&response.to_wire(), form, &cat).unwrap();
        assert_eq!(checked, response);
        // …and are sent as today's entry, field for field.
        let body = builtin::entry_body(&checked).unwrap();
        let again = Entry { body, ..entry.clone() };
        assert_eq!(again.to_wire(), wire);
    }
}

#[test]
fn a_survey_response_is_not_a_built_in_entry() {
    let form = published(&starting_points::event_feedback(), 1);
    let wire: SurveyWire = serde_json::from_value(json!({
        "form": "event_feedback", "version": 1, "answers": [{"question": "how_was_today", "value": 3}]
    }))
    .unwrap();
    let response = SurveyResponse::parse(&wire, &form, &catalogue()).unwrap();
    assert_eq!(builtin::entry_body(&response), None);
}

/// An envelope as the phone opens it, before the form's answers are put in.
fn envelope() -> EntryWire {
    serde_json::from_value(json!({
        "id": "0b7e5a0e-2f8a-4f39-9d7e-4c1f5b0a9c11", "created_at": NOW, "language": "en", "kind": "survey"
    }))
    .unwrap()
}

fn answers(form: &str, question: &str, value: serde_json::Value) -> SurveyWire {
    serde_json::from_value(json!({"form": form, "version": 1, "answers": [{"question": question, "value": value}]}))
        .unwrap()
}

#[test]
fn the_runner_sends_say_something_as_a_view_and_rate_a_service_as_a_rating() {
    let mut view = envelope();
    let say = answers("say_something", "text", json!({"text": "More say in reviews", "promises": ["listen"]}));
    builtin::fill_entry(say, &mut view);
    let entry = Entry::parse(&view, NOW).unwrap();
    let EntryBody::View(v) = &entry.body else { panic!("{entry:?}") };
    assert_eq!((v.text.as_str(), v.promises.len()), ("More say in reviews", 1));
    assert_eq!(view.kind, "view");

    // Text with no promise ticked is sent as a word: still a view, with no promises.
    let mut plain = envelope();
    builtin::fill_entry(answers("say_something", "text", json!("Just this")), &mut plain);
    let EntryBody::View(v) = Entry::parse(&plain, NOW).unwrap().body else { panic!() };
    assert!(v.promises.is_empty());

    let mut rating = envelope();
    let rate = answers(
        "rate_a_service",
        "rating",
        json!({"service": "social_worker", "answers": [{"promise": "listen", "answer": 4}, {"promise": "home", "answer": "dont_know"}]}),
    );
    builtin::fill_entry(rate, &mut rating);
    let entry = Entry::parse(&rating, NOW).unwrap();
    let EntryBody::Rating(r) = &entry.body else { panic!("{entry:?}") };
    assert_eq!((r.service.as_str(), r.answers.len()), ("social_worker", 2));
    assert_eq!(rating.kind, "rating");
    assert!(rating.survey.is_none());
}

#[test]
fn the_runner_sends_any_other_form_as_a_survey_entry_unchanged() {
    let mut wire = envelope();
    let survey = answers("event_feedback", "how_was_today", json!(3));
    builtin::fill_entry(survey.clone(), &mut wire);
    assert_eq!(wire.kind, "survey");
    assert_eq!(wire.survey.as_deref(), Some(&survey));
    assert!(wire.text.is_none() && wire.answers.is_none());
    assert!(matches!(Entry::parse(&wire, NOW).unwrap().body, EntryBody::Survey(_)));
}

#[test]
fn every_starting_point_is_valid_by_the_publishing_rules_with_a_show_if_rule() {
    let cat = catalogue();
    let mut codes = BTreeSet::from([builtin::SAY_SOMETHING.to_owned(), builtin::RATE_A_SERVICE.to_owned()]);
    for form in starting_points::all() {
        if let Err(errors) = PublishedForm::parse(&form, 1, &cat) {
            panic!("{}: {errors:?}", form.code);
        }
        assert!(codes.insert(form.code.clone()), "{} twice", form.code);
        assert!(form.questions.iter().any(|q| q.show_if.is_some()), "{} has no show-if rule", form.code);
    }
    let titles: Vec<_> = starting_points::all().into_iter().map(|f| f.title.en).collect();
    assert_eq!(
        titles,
        [
            "Coffee and Catch up",
            "Annual consultation: your care, your say",
            "Event feedback",
            "Leaving care: how are things?"
        ]
    );
}

#[test]
fn the_starting_points_use_every_kind_of_question_between_them() {
    let used: BTreeSet<&str> =
        starting_points::all().iter().flat_map(|f| f.questions.iter().map(|q| q.kind.name())).collect();
    let every = ["easy3", "faces", "frequency", "multi", "service_promise_grid", "single", "text"];
    assert_eq!(used, BTreeSet::from(every));
}

/// Every text of a form, Welsh side, as lower-case words.
fn welsh_words(form: &Form) -> BTreeSet<String> {
    let mut texts = vec![&form.title.cy, &form.intro.cy];
    for q in &form.questions {
        texts.push(&q.prompt.cy);
        texts.extend(q.help.as_ref().map(|h| &h.cy));
        match &q.kind {
            Kind::Single(c) => texts.extend(c.iter().map(|c| &c.label.cy)),
            Kind::Multi(m) => {
                texts.extend(m.choices.iter().map(|c| &c.label.cy));
                texts.extend(m.none_of_these.as_ref().map(|n| &n.cy));
            }
            _ => {}
        }
    }
    texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic() && c != '\'').map(str::to_lowercase))
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn welsh_says_ti_to_young_people_and_care_leavers_and_chi_to_carers() {
    let ti = ["ti", "dy", "wyt", "rwyt", "gelli", "dewisa", "dywed", "paid", "hoffet", "fyddet"];
    let chi = ["chi", "eich", "ydych", "rydych", "gallwch", "dewiswch", "peidiwch", "hoffech"];
    for form in starting_points::all() {
        let words = welsh_words(&form);
        let (wanted, unwanted): (&[&str], &[&str]) =
            if form.audience == Audience::Carers { (&chi, &ti) } else { (&ti, &chi) };
        let wrong: Vec<_> = unwanted.iter().filter(|w| words.contains(**w)).collect();
        assert!(wrong.is_empty(), "{} ({:?}) says {wrong:?}", form.code, form.audience);
        assert!(wanted.iter().any(|w| words.contains(*w)), "{} never addresses the reader", form.code);
    }
}

#[test]
fn no_starting_point_text_is_left_untranslated() {
    for form in starting_points::all() {
        let mut pairs = vec![&form.title, &form.intro];
        for q in &form.questions {
            pairs.push(&q.prompt);
            pairs.extend(q.help.as_ref());
            match &q.kind {
                Kind::Single(c) => pairs.extend(c.iter().map(|c| &c.label)),
                Kind::Multi(m) => {
                    pairs.extend(m.choices.iter().map(|c| &c.label));
                    pairs.extend(m.none_of_these.as_ref());
                }
                _ => {}
            }
        }
        for b in pairs {
            assert_ne!(b.en, b.cy, "{}: looks untranslated", form.code);
        }
    }
}

#[test]
fn a_kinship_carer_answers_the_kinship_question_and_a_foster_carer_may_not() {
    let form = published(&starting_points::coffee_and_catch_up(), 1);
    let answer = |carer: &str| -> SurveyWire {
        serde_json::from_value(json!({"form": "coffee_catch_up", "version": 1, "answers": [
            {"question": "carer_type", "value": carer},
            {"question": "support_overall", "value": 2},
            {"question": "training_wanted", "value": ["trauma", "online_safety"]},
            {"question": "included_in_decisions", "value": "sometimes"},
            {"question": "kinship_allowance", "value": "partly"},
            {"question": "raise_today", "value": "Mwy o gefnogaeth gyda'r nos, os gwelwch yn dda."}
        ]}))
        .unwrap()
    };
    let r = SurveyResponse::parse(&answer("kinship"), &form, &catalogue()).unwrap();
    assert_eq!(r.answers.len(), 6);
    let errors = SurveyResponse::parse(&answer("council_foster"), &form, &catalogue()).unwrap_err();
    assert_eq!(super::tests::fields(&errors), [("answers[4]", ErrorCode::Conflict)]);
}
