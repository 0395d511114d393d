//! Answers checked against the exact version they answered.

use serde_json::json;

use super::tests::{catalogue, every_kind, fields, published};
use super::*;
use crate::entry::Answer;

fn wire(answers: serde_json::Value) -> SurveyWire {
    serde_json::from_value(json!({"form": "every_kind", "version": 1, "answers": answers})).unwrap()
}

fn parse(answers: serde_json::Value) -> Result<SurveyResponse, Vec<FieldError>> {
    SurveyResponse::parse(&wire(answers), &published(&every_kind(), 1), &catalogue())
}

fn refused(answers: serde_json::Value) -> Vec<(String, ErrorCode)> {
    parse(answers).expect_err("should be refused").into_iter().map(|e| (e.field, e.code)).collect()
}

fn owned(list: &[(&str, ErrorCode)]) -> Vec<(String, ErrorCode)> {
    list.iter().map(|(f, c)| ((*f).to_owned(), *c)).collect()
}

/// Every question answered, out of order, in Welsh where there are words.
fn full() -> serde_json::Value {
    json!([
        {"question": "grid", "value": {"service": "social_worker",
            "answers": [{"promise": "equality", "answer": 4}, {"promise": "support", "answer": "dont_know"}]}},
        {"question": "faces", "value": 5},
        {"question": "easy", "value": 2},
        {"question": "often", "value": "most_of_the_time"},
        {"question": "where", "value": "school"},
        {"question": "which", "value": ["music", "sport"]},
        {"question": "sport_more", "value": "dont_know"},
        {"question": "why", "value": {"text": " Mae'n hwyl ", "promises": ["ambition"]}}
    ])
}

#[test]
fn an_answer_to_every_kind_parses_in_the_forms_order_and_round_trips() {
    let r = parse(full()).unwrap();
    assert_eq!((r.form.as_str(), r.version), ("every_kind", 1));
    let order: Vec<_> = r.answers.iter().map(|a| a.question.as_str()).collect();
    assert_eq!(order, ["faces", "easy", "often", "where", "which", "sport_more", "why", "grid"]);
    assert_eq!(r.answers[0].value, Value::Face(Answer::Score(crate::Score::parse(5).unwrap())));
    assert_eq!(r.answers[2].value, Value::Frequency(Frequency::MostOfTheTime));
    let Value::Choices(chosen) = &r.answers[4].value else { panic!("choices") };
    assert_eq!(chosen.iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["sport", "music"], "in the question's order");
    let Value::Text(view) = &r.answers[6].value else { panic!("text") };
    assert_eq!((view.text.as_str(), view.promises.len()), ("Mae'n hwyl", 1));
    let Value::Grid(rating) = &r.answers[7].value else { panic!("grid") };
    assert_eq!(rating.answers[1].answer, Answer::DontKnow);

    let json = serde_json::to_value(r.to_wire()).unwrap();
    let again: SurveyWire = serde_json::from_value(json).unwrap();
    assert_eq!(SurveyResponse::parse(&again, &published(&every_kind(), 1), &catalogue()).unwrap(), r);
}

#[test]
fn skipped_questions_are_absent_and_none_of_these_stands_alone() {
    let r = parse(json!([
        {"question": "faces", "value": 1},
        {"question": "which", "value": ["none_of_these"]},
        {"question": "why", "value": "Dim byd"}
    ]))
    .unwrap();
    assert_eq!(r.answers.len(), 3);
    assert_eq!(r.answers[1].value, Value::NoneOfThese);
    assert_eq!(serde_json::to_value(r.answers[1].value.to_wire()).unwrap(), json!(["none_of_these"]));
    assert_eq!(serde_json::to_value(r.answers[2].value.to_wire()).unwrap(), json!("Dim byd"));
}

#[test]
fn every_problem_with_the_answers_is_reported_at_once_by_position() {
    let errors = refused(json!([
        {"question": "faces", "value": 6},
        {"question": "often", "value": "often"},
        {"question": "where", "value": "park"},
        {"question": "which", "value": ["sport", "none_of_these", "chess", "sport"]},
        {"question": "teleport", "value": 1},
        {"question": "Faces!", "value": 1},
        {"question": "faces", "value": 2},
        {"question": "why", "value": "ŵ".repeat(21)},
    ]));
    assert_eq!(
        errors,
        owned(&[
            ("answers[0].value", ErrorCode::OutOfRange),
            ("answers[1].value", ErrorCode::UnknownValue),
            ("answers[2].value", ErrorCode::UnknownValue),
            ("answers[3].value[2]", ErrorCode::UnknownValue),
            ("answers[3].value[3]", ErrorCode::Duplicate),
            ("answers[3].value", ErrorCode::Conflict),
            ("answers[4].question", ErrorCode::UnknownValue),
            ("answers[5].question", ErrorCode::Invalid),
            ("answers[6].question", ErrorCode::Duplicate),
            ("answers[7].value", ErrorCode::TooLong),
        ])
    );
}

#[test]
fn a_value_of_the_wrong_kind_is_refused_for_every_kind() {
    let cases = [
        ("faces", json!(["1"]), ErrorCode::Invalid),
        ("faces", json!("good"), ErrorCode::UnknownValue),
        ("easy", json!({"text": "x"}), ErrorCode::Invalid),
        ("often", json!(1), ErrorCode::Invalid),
        ("where", json!(["home"]), ErrorCode::Invalid),
        ("which", json!("sport"), ErrorCode::Invalid),
        ("why", json!(["text"]), ErrorCode::Invalid),
        ("grid", json!(3), ErrorCode::Invalid),
        ("grid", json!("social_worker"), ErrorCode::Invalid),
    ];
    for (question, value, code) in cases {
        let mut answers = vec![json!({"question": question, "value": value})];
        if question != "faces" {
            answers.insert(0, json!({"question": "faces", "value": 3}));
        }
        let at = format!("answers[{}].value", answers.len() - 1);
        assert_eq!(refused(json!(answers)), vec![(at, code)], "{question}: {value}");
    }
}

#[test]
fn empty_answers_are_refused_a_skip_is_an_absent_answer() {
    assert_eq!(
        refused(json!([
            {"question": "faces", "value": 3},
            {"question": "which", "value": []},
            {"question": "why", "value": "   "},
            {"question": "grid", "value": {"service": "social_worker", "answers": []}}
        ])),
        owned(&[
            ("answers[1].value", ErrorCode::Empty),
            ("answers[2].value", ErrorCode::Empty),
            ("answers[3].value.answers", ErrorCode::Empty),
        ])
    );
}

#[test]
fn grid_answers_and_promise_tags_name_catalogue_items() {
    assert_eq!(
        refused(json!([
            {"question": "faces", "value": 3},
            {"question": "why", "value": {"text": "Iawn", "promises": ["flying", "support", "support"]}},
            {"question": "grid", "value": {"service": "dragon_keeper", "text": "hi",
                "answers": [{"promise": "equality", "answer": 9}, {"promise": "flying", "answer": 2}]}}
        ])),
        owned(&[
            ("answers[1].value.promises[2]", ErrorCode::Duplicate),
            ("answers[2].value.text", ErrorCode::UnknownField),
            ("answers[2].value.answers[0].answer", ErrorCode::OutOfRange),
        ])
    );
    // With the shapes right, the catalogue is checked.
    assert_eq!(
        refused(json!([
            {"question": "faces", "value": 3},
            {"question": "why", "value": {"text": "Iawn", "promises": ["flying"]}},
            {"question": "grid", "value": {"service": "dragon_keeper", "answers": [{"promise": "flying", "answer": 2}]}}
        ])),
        owned(&[
            ("answers[1].value.promises[0]", ErrorCode::UnknownCode),
            ("answers[2].value.service", ErrorCode::UnknownCode),
            ("answers[2].value.answers[0].promise", ErrorCode::UnknownCode),
        ])
    );
}

#[test]
fn promise_tags_are_only_for_questions_that_offer_them() {
    let mut form = every_kind();
    form.questions[6].kind = Kind::Text(TextLimit { max_chars: 20, promise_tags: false });
    let answers = wire(json!([{"question": "faces", "value": 3}, {"question": "why", "value": {"text": "Iawn"}}]));
    let errors = SurveyResponse::parse(&answers, &published(&form, 1), &catalogue()).unwrap_err();
    assert_eq!(fields(&errors), [("answers[1].value", ErrorCode::Invalid)]);
}

#[test]
fn required_questions_are_named_by_code_when_missing_and_hidden_ones_are_not_required() {
    // "faces" is required; "sport_more" is required only when "which" includes sport.
    assert_eq!(refused(json!([])), owned(&[("answers[faces]", ErrorCode::Missing)]));
    assert!(parse(json!([{"question": "faces", "value": 3}, {"question": "which", "value": ["art"]}])).is_ok());
    assert_eq!(
        refused(json!([{"question": "faces", "value": 3}, {"question": "which", "value": ["art", "sport"]}])),
        owned(&[("answers[sport_more]", ErrorCode::Missing)])
    );
}

#[test]
fn a_question_its_show_if_rule_hides_must_not_be_answered() {
    for which in [json!(["art"]), json!(["none_of_these"])] {
        assert_eq!(
            refused(json!([
                {"question": "faces", "value": 3},
                {"question": "which", "value": which},
                {"question": "sport_more", "value": 4}
            ])),
            owned(&[("answers[2]", ErrorCode::Conflict)])
        );
    }
    // Not answering the question the rule depends on hides it too.
    assert_eq!(
        refused(json!([{"question": "sport_more", "value": 4}, {"question": "faces", "value": 3}])),
        owned(&[("answers[0]", ErrorCode::Conflict)])
    );
    // When the answer it depends on is refused, only that answer is reported.
    assert_eq!(
        refused(json!([
            {"question": "faces", "value": 3},
            {"question": "which", "value": ["chess"]},
            {"question": "sport_more", "value": 4}
        ])),
        owned(&[("answers[1].value[0]", ErrorCode::UnknownValue)])
    );
}

#[test]
fn show_if_rules_chain_a_hidden_question_hides_what_depends_on_it() {
    // "which" shows only when "where" is school; "sport_more" only when "which" includes sport.
    let mut form = every_kind();
    form.questions[4].show_if = Some(ShowIf { question: "where".into(), any_of: vec!["school".into()] });
    let p = published(&form, 1);
    let check = |answers: serde_json::Value| SurveyResponse::parse(&wire(answers), &p, &catalogue());
    let faces = json!({"question": "faces", "value": 3});
    assert_eq!(
        fields(
            &check(json!([faces, {"question": "where", "value": "school"}, {"question": "which", "value": ["sport"]}]))
                .unwrap_err()
        ),
        [("answers[sport_more]", ErrorCode::Missing)]
    );
    assert!(check(json!([faces, {"question": "where", "value": "home"}])).is_ok(), "hidden: sport_more not required");
    assert_eq!(
        fields(
            &check(json!([
                faces,
                {"question": "where", "value": "home"},
                {"question": "which", "value": ["sport"]},
                {"question": "sport_more", "value": 2}
            ]))
            .unwrap_err()
        ),
        [("answers[2]", ErrorCode::Conflict), ("answers[3]", ErrorCode::Conflict)]
    );
}

#[test]
fn answers_to_another_form_or_version_are_refused_before_anything_else() {
    let mut other = wire(full());
    other.form = "coffee_catch_up".into();
    other.version = 2;
    other.answers.clear();
    let errors = SurveyResponse::parse(&other, &published(&every_kind(), 1), &catalogue()).unwrap_err();
    assert_eq!(fields(&errors), [("form", ErrorCode::UnknownValue), ("version", ErrorCode::UnknownValue)]);
    // An old version's answers are read against that old version, not the newest.
    let mut v2 = every_kind();
    v2.questions.remove(1);
    let old = wire(json!([{"question": "faces", "value": 3}, {"question": "easy", "value": 1}]));
    assert!(SurveyResponse::parse(&old, &published(&every_kind(), 1), &catalogue()).is_ok());
    let mut as_v2 = old.clone();
    as_v2.version = 2;
    assert_eq!(
        fields(&SurveyResponse::parse(&as_v2, &published(&v2, 2), &catalogue()).unwrap_err()),
        [("answers[1].question", ErrorCode::UnknownValue)]
    );
}

#[test]
fn more_answers_than_questions_are_refused_without_reading_them() {
    let many: Vec<_> = (0..9).map(|_| json!({"question": "faces", "value": 1})).collect();
    assert_eq!(refused(json!(many)), owned(&[("answers", ErrorCode::TooMany)]));
}

#[test]
fn the_wire_reads_numbers_words_lists_and_objects_and_refuses_other_shapes() {
    let read = |v: serde_json::Value| serde_json::from_value::<ValueWire>(v);
    assert_eq!(read(json!(3)).unwrap(), ValueWire::Number(3));
    assert_eq!(read(json!(3.0)).unwrap(), ValueWire::Number(3));
    assert_eq!(read(json!("never")).unwrap(), ValueWire::Word("never".into()));
    assert_eq!(read(json!(["a", "b"])).unwrap(), ValueWire::Words(vec!["a".into(), "b".into()]));
    assert!(matches!(read(json!({"service": "housing", "answers": []})).unwrap(), ValueWire::Parts(_)));
    for bad in [json!(2.5), json!(true), json!(null), json!([1]), json!({"colour": "red"})] {
        assert!(read(bad.clone()).is_err(), "{bad}");
    }
    let err = serde_json::from_value::<SurveyWire>(json!({"form": "f", "version": 1, "answers": [], "extra": 1}))
        .unwrap_err();
    assert!(err.to_string().contains("unknown field `extra`"), "{err}");
}

#[test]
fn the_runner_sees_the_same_show_if_rules_as_the_parser() {
    // "which" shows only when "where" is school; "sport_more" only when "which" includes sport.
    let mut form = every_kind();
    form.questions[4].show_if = Some(ShowIf { question: "where".into(), any_of: vec!["school".into()] });
    let p = published(&form, 1);
    let code = |s: &str| crate::ItemCode::parse(s, "x").unwrap();
    let (home, school) = (Value::Choice(code("home")), Value::Choice(code("school")));
    let (sport, art) = (Value::Choices(vec![code("sport")]), Value::Choices(vec![code("art")]));
    let cases: [(Option<&Value>, Option<&Value>, [bool; 2]); 5] = [
        (None, None, [false, false]),
        (Some(&home), None, [false, false]),
        (Some(&school), None, [true, false]),
        (Some(&school), Some(&art), [true, false]),
        (Some(&school), Some(&sport), [true, true]),
    ];
    for (where_, which, expected) in cases {
        let mut answers: Vec<Option<&Value>> = vec![None; form.questions.len()];
        answers[3] = where_;
        answers[4] = which;
        let shown = form.shown(&answers);
        assert_eq!([shown[4], shown[5]], expected, "{where_:?} {which:?}");
        assert!(shown[..4].iter().chain(&shown[6..]).all(|s| *s), "questions without rules are always shown");
        // The parser agrees: answering "sport_more" is refused exactly when the runner hides it.
        let mut wire_answers =
            vec![json!({"question": "faces", "value": 3}), json!({"question": "sport_more", "value": 4})];
        for (q, v) in [("where", where_), ("which", which)] {
            if let Some(v) = v {
                wire_answers.push(json!({"question": q, "value": v.to_wire()}));
            }
        }
        let parsed = SurveyResponse::parse(&wire(json!(wire_answers)), &p, &catalogue());
        assert_eq!(parsed.is_ok(), expected[1], "{where_:?} {which:?}: {parsed:?}");
    }
}
