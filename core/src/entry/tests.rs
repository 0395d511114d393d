use super::*;

const NOW: i64 = 1_790_000_000_000;
const ID: &str = "0b5e3c1a-7d2f-4c1e-9a3b-2f6d8e1c4a7b";

fn view_wire() -> EntryWire {
    serde_json::from_value(serde_json::json!({
        "id": ID, "created_at": NOW - 1000, "language": "cy", "event": "coffee-nov",
        "role": "young_person", "age_band": "11_15", "kind": "view",
        "text": "  Hoffwn i weld fy ngweithiwr cymdeithasol yn amlach ", "promises": ["support", "togetherness"]
    }))
    .unwrap()
}

fn rating_wire() -> EntryWire {
    serde_json::from_value(serde_json::json!({
        "id": ID, "created_at": NOW, "language": "en", "kind": "rating", "service": "social_worker",
        "answers": [{"promise": "equality", "answer": 4}, {"promise": "support", "answer": "dont_know"}]
    }))
    .unwrap()
}

fn codes(errors: &[FieldError]) -> Vec<(&str, ErrorCode)> {
    errors.iter().map(|e| (e.field.as_str(), e.code)).collect()
}

#[test]
fn a_view_parses_with_trimmed_text_and_normalised_event() {
    let entry = Entry::parse(&view_wire(), NOW).unwrap();
    assert_eq!(entry.language, Language::Cy);
    assert_eq!(entry.event.as_ref().unwrap().as_str(), "COFFEE-NOV");
    assert_eq!(entry.role, Some(Role::YoungPerson));
    let EntryBody::View(view) = &entry.body else { panic!("not a view") };
    assert_eq!(view.text.as_str(), "Hoffwn i weld fy ngweithiwr cymdeithasol yn amlach");
    assert_eq!(view.promises.len(), 2);
}

#[test]
fn a_rating_parses_scores_and_dont_know() {
    let entry = Entry::parse(&rating_wire(), NOW).unwrap();
    let EntryBody::Rating(rating) = &entry.body else { panic!("not a rating") };
    assert_eq!(rating.service.as_str(), "social_worker");
    assert_eq!(rating.answers[0].answer, Answer::Score(Score::parse(4).unwrap()));
    assert_eq!(rating.answers[1].answer, Answer::DontKnow);
}

#[test]
fn parse_then_to_wire_is_stable() {
    for wire in [view_wire(), rating_wire()] {
        let entry = Entry::parse(&wire, NOW).unwrap();
        let again = Entry::parse(&entry.to_wire(), NOW).unwrap();
        assert_eq!(entry, again);
    }
}

#[test]
fn every_problem_is_reported_at_once_with_its_field() {
    let mut wire = rating_wire();
    wire.id = "nope".into();
    wire.language = "fr".into();
    wire.role = Some("teacher".into());
    wire.answers = Some(vec![
        AnswerWire { promise: "equality".into(), answer: AnswerValueWire::Score(9) },
        AnswerWire { promise: "Equality".into(), answer: AnswerValueWire::Word("maybe".into()) },
        AnswerWire { promise: "equality".into(), answer: AnswerValueWire::Score(2) },
    ]);
    let errors = Entry::parse(&wire, NOW).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![
            ("id", ErrorCode::Invalid),
            ("language", ErrorCode::UnknownValue),
            ("role", ErrorCode::UnknownValue),
            ("answers[0].answer", ErrorCode::OutOfRange),
            ("answers[1].promise", ErrorCode::Invalid),
            ("answers[1].answer", ErrorCode::UnknownValue),
        ]
    );
    assert_eq!(errors[3].message, "answers[0].answer is out of range");
}

#[test]
fn a_repeated_promise_in_a_rating_is_refused() {
    let mut wire = rating_wire();
    wire.answers.as_mut().unwrap().push(AnswerWire { promise: "support".into(), answer: AnswerValueWire::Score(1) });
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("answers[2].promise", ErrorCode::Duplicate)]);
}

#[test]
fn fields_of_the_other_kind_are_refused_not_ignored() {
    let mut wire = view_wire();
    wire.service = Some("social_worker".into());
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("service", ErrorCode::UnknownField)]);
    let mut wire = rating_wire();
    wire.text = Some("hello".into());
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("text", ErrorCode::UnknownField)]);
}

#[test]
fn a_view_needs_text_and_a_rating_needs_a_service_and_answers() {
    let mut wire = view_wire();
    wire.text = None;
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("text", ErrorCode::Missing)]);
    let mut wire = rating_wire();
    wire.service = None;
    wire.answers = Some(vec![]);
    assert_eq!(
        codes(&Entry::parse(&wire, NOW).unwrap_err()),
        vec![("service", ErrorCode::Missing), ("answers", ErrorCode::Empty)]
    );
    let mut wire = rating_wire();
    wire.kind = "poll".into();
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("kind", ErrorCode::UnknownValue)]);
}

#[test]
fn too_many_tags_are_refused() {
    let mut wire = view_wire();
    wire.promises = Some((0..=MAX_PROMISES).map(|i| format!("p{i}")).collect());
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("promises", ErrorCode::TooMany)]);
}

#[test]
fn unknown_json_fields_are_refused_by_the_wire_type() {
    let err = serde_json::from_value::<EntryWire>(serde_json::json!({
        "id": ID, "created_at": NOW, "language": "en", "kind": "view", "text": "hi", "colour": "red"
    }))
    .unwrap_err();
    assert!(err.to_string().contains("unknown field `colour`"), "{err}");
}

#[test]
fn answers_read_whole_numbers_and_words_but_not_fractions_or_other_types() {
    let read = |v: serde_json::Value| serde_json::from_value::<AnswerValueWire>(v);
    assert_eq!(read(serde_json::json!(3)).unwrap(), AnswerValueWire::Score(3));
    assert_eq!(read(serde_json::json!(4.0)).unwrap(), AnswerValueWire::Score(4));
    assert_eq!(read(serde_json::json!("dont_know")).unwrap(), AnswerValueWire::Word("dont_know".into()));
    assert!(read(serde_json::json!(2.5)).is_err());
    assert!(read(serde_json::json!(true)).is_err());
    assert!(read(serde_json::json!([1])).is_err());
    assert_eq!(serde_json::to_value(AnswerValueWire::Score(5)).unwrap(), serde_json::json!(5));
}

#[test]
fn entries_are_anonymous_unless_contact_details_are_given_and_valid() {
    assert_eq!(Entry::parse(&view_wire(), NOW).unwrap().contact, None);
    let mut wire = view_wire();
    wire.contact = Some(ContactWire { name: " Sam ".into(), how: "07700 900123".into() });
    let entry = Entry::parse(&wire, NOW).unwrap();
    let contact = entry.contact.as_ref().unwrap();
    assert_eq!((contact.name.as_str(), contact.how.as_str()), ("Sam", "07700 900123"));
    assert_eq!(Entry::parse(&entry.to_wire(), NOW).unwrap(), entry);

    wire.contact = Some(ContactWire { name: "Sam".into(), how: " ".into() });
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("contact.how", ErrorCode::Empty)]);
}

fn survey_wire() -> EntryWire {
    serde_json::from_value(serde_json::json!({
        "id": ID, "created_at": NOW, "language": "en", "role": "kinship_carer", "kind": "survey",
        "survey": {"form": "coffee_catch_up", "version": 3, "answers": [
            {"question": "support", "value": 4},
            {"question": "training", "value": ["online", "evening"]},
            {"question": "anything_else", "value": "More notice of meetings please"}
        ]}
    }))
    .unwrap()
}

#[test]
fn a_survey_entry_keeps_its_form_version_and_answers_and_round_trips() {
    let entry = Entry::parse(&survey_wire(), NOW).unwrap();
    let EntryBody::Survey(survey) = &entry.body else { panic!("not a survey") };
    assert_eq!(survey.form.as_str(), "coffee_catch_up");
    assert_eq!(survey.version, 3);
    assert_eq!(survey.answers().answers.len(), 3);
    assert_eq!(entry.body.kind(), EntryKind::Survey);
    assert_eq!(entry.to_wire(), survey_wire());
}

#[test]
fn a_survey_entry_without_its_answers_or_with_a_rating_s_fields_is_refused_by_name() {
    let mut wire = survey_wire();
    wire.survey = None;
    wire.service = Some("social_worker".into());
    let errors = Entry::parse(&wire, NOW).unwrap_err();
    assert_eq!(codes(&errors), vec![("service", ErrorCode::UnknownField), ("survey", ErrorCode::Missing)]);
}

#[test]
fn a_survey_entry_with_a_bad_form_code_or_version_is_refused_by_name() {
    let mut wire = survey_wire();
    let survey = std::sync::Arc::make_mut(wire.survey.as_mut().unwrap());
    survey.form = "Coffee Catch-up!".into();
    survey.version = 0;
    let errors = Entry::parse(&wire, NOW).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["survey.form", "survey.version"]);

    let mut wire = survey_wire();
    std::sync::Arc::make_mut(wire.survey.as_mut().unwrap()).version = i64::from(u32::MAX) + 1;
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("survey.version", ErrorCode::OutOfRange)]);
}

#[test]
fn a_survey_entry_with_more_answers_than_a_form_may_have_questions_is_refused() {
    let mut wire = survey_wire();
    let survey = std::sync::Arc::make_mut(wire.survey.as_mut().unwrap());
    let one = survey.answers[0].clone();
    survey.answers = vec![one; crate::form::MAX_QUESTIONS + 1];
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("survey.answers", ErrorCode::TooMany)]);
}

#[test]
fn a_view_or_rating_carrying_survey_answers_is_refused() {
    let mut wire = view_wire();
    wire.survey = survey_wire().survey;
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("survey", ErrorCode::UnknownField)]);
    let mut wire = rating_wire();
    wire.survey = survey_wire().survey;
    assert_eq!(codes(&Entry::parse(&wire, NOW).unwrap_err()), vec![("survey", ErrorCode::UnknownField)]);
}
