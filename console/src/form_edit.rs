//! The survey builder's pure logic, kept apart from its screens so it is tested on its own: which box a
//! publishing problem belongs beside (`questions[3].kind.multi.choices[1].label.cy` → that choice's Welsh
//! box), each box's value read from and written into the [`Form`], and the edits that change the form's
//! shape (add, remove, move, change a question's kind).

use yoursay_core::form::{Choice, Form, Kind, MultiChoice, Question, ShowIf, Tags, TextLimit, NONE_OF_THESE};
use yoursay_core::{Bilingual, Language};

/// The element id of the box for a path: `questions[3].prompt.cy` → `survey-questions-3-prompt-cy`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("survey-");
    for c in path.chars() {
        match c {
            '.' | '[' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// The path of the box that shows a problem at `path`. A problem with one item of a list of ticked codes
/// (`questions[2].tags.promises[1]`, `questions[4].show_if.any_of[0]`) belongs beside the whole list; every
/// other problem has its own box.
pub fn anchor(path: &str) -> &str {
    match path.strip_suffix(']').and_then(|p| p.rsplit_once('[')) {
        Some((list, index)) if index.bytes().all(|b| b.is_ascii_digit()) && !list.ends_with(".single") => list,
        _ => path,
    }
}

/// The path of question `i`'s list of choices (where "too few choices" is said).
pub fn choices_path(form: &Form, i: usize) -> String {
    match form.questions.get(i).map(|q| &q.kind) {
        Some(Kind::Multi(_)) => format!("questions[{i}].kind.multi.choices"),
        _ => format!("questions[{i}].kind.single"),
    }
}

/// A box of the builder: where its value lives in the form. Bilingual boxes come in pairs, one per
/// language; the others ignore the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Title,
    Intro,
    Prompt(usize),
    Help(usize),
    QuestionCode(usize),
    ChoiceCode(usize, usize),
    ChoiceLabel(usize, usize),
    NoneOfThese(usize),
    MaxChars(usize),
}

fn lang_code(lang: Language) -> &'static str {
    match lang {
        Language::En => "en",
        Language::Cy => "cy",
    }
}

fn side(b: &Bilingual, lang: Language) -> String {
    match lang {
        Language::En => b.en.clone(),
        Language::Cy => b.cy.clone(),
    }
}

fn side_mut(b: &mut Bilingual, lang: Language) -> &mut String {
    match lang {
        Language::En => &mut b.en,
        Language::Cy => &mut b.cy,
    }
}

fn choices(kind: &Kind) -> Option<&Vec<Choice>> {
    match kind {
        Kind::Single(c) => Some(c),
        Kind::Multi(m) => Some(&m.choices),
        _ => None,
    }
}

fn choices_mut(kind: &mut Kind) -> Option<&mut Vec<Choice>> {
    match kind {
        Kind::Single(c) => Some(c),
        Kind::Multi(m) => Some(&mut m.choices),
        _ => None,
    }
}

impl Slot {
    pub fn bilingual(self) -> bool {
        !matches!(self, Slot::QuestionCode(_) | Slot::ChoiceCode(..) | Slot::MaxChars(_))
    }

    /// The JSON path the server names this box by (with `.en`/`.cy` for a bilingual one).
    pub fn path(self, form: &Form, lang: Language) -> String {
        let base = match self {
            Slot::Title => "title".to_owned(),
            Slot::Intro => "intro".to_owned(),
            Slot::Prompt(i) => format!("questions[{i}].prompt"),
            Slot::Help(i) => format!("questions[{i}].help"),
            Slot::QuestionCode(i) => format!("questions[{i}].code"),
            Slot::ChoiceCode(i, j) => format!("{}[{j}].code", choices_path(form, i)),
            Slot::ChoiceLabel(i, j) => format!("{}[{j}].label", choices_path(form, i)),
            Slot::NoneOfThese(i) => format!("questions[{i}].kind.multi.none_of_these"),
            Slot::MaxChars(i) => format!("questions[{i}].kind.text.max_chars"),
        };
        if self.bilingual() {
            format!("{base}.{}", lang_code(lang))
        } else {
            base
        }
    }

    pub fn get(self, form: &Form, lang: Language) -> String {
        let q = |i: usize| form.questions.get(i);
        let text = match self {
            Slot::Title => Some(side(&form.title, lang)),
            Slot::Intro => Some(side(&form.intro, lang)),
            Slot::Prompt(i) => q(i).map(|q| side(&q.prompt, lang)),
            Slot::Help(i) => q(i).and_then(|q| q.help.as_ref()).map(|h| side(h, lang)),
            Slot::QuestionCode(i) => q(i).map(|q| q.code.clone()),
            Slot::ChoiceCode(i, j) => q(i).and_then(|q| choices(&q.kind)?.get(j)).map(|c| c.code.clone()),
            Slot::ChoiceLabel(i, j) => q(i).and_then(|q| choices(&q.kind)?.get(j)).map(|c| side(&c.label, lang)),
            Slot::NoneOfThese(i) => q(i).and_then(|q| match &q.kind {
                Kind::Multi(m) => m.none_of_these.as_ref().map(|n| side(n, lang)),
                _ => None,
            }),
            Slot::MaxChars(i) => q(i).and_then(|q| match &q.kind {
                Kind::Text(t) => Some(t.max_chars.to_string()),
                _ => None,
            }),
        };
        text.unwrap_or_default()
    }

    /// Writes what was typed; a box whose question has gone (a list drawn again) changes nothing.
    pub fn set(self, form: &mut Form, lang: Language, value: String) {
        let target: Option<&mut String> = match self {
            Slot::Title => Some(side_mut(&mut form.title, lang)),
            Slot::Intro => Some(side_mut(&mut form.intro, lang)),
            Slot::Prompt(i) => form.questions.get_mut(i).map(|q| side_mut(&mut q.prompt, lang)),
            Slot::Help(i) => {
                form.questions.get_mut(i).map(|q| side_mut(q.help.get_or_insert_with(|| Bilingual::new("", "")), lang))
            }
            Slot::QuestionCode(i) => form.questions.get_mut(i).map(|q| &mut q.code),
            Slot::ChoiceCode(i, j) => {
                form.questions.get_mut(i).and_then(|q| choices_mut(&mut q.kind)?.get_mut(j)).map(|c| &mut c.code)
            }
            Slot::ChoiceLabel(i, j) => form
                .questions
                .get_mut(i)
                .and_then(|q| choices_mut(&mut q.kind)?.get_mut(j))
                .map(|c| side_mut(&mut c.label, lang)),
            Slot::NoneOfThese(i) => form.questions.get_mut(i).and_then(|q| match &mut q.kind {
                Kind::Multi(m) => m.none_of_these.as_mut().map(|n| side_mut(n, lang)),
                _ => None,
            }),
            Slot::MaxChars(i) => {
                if let Some(Kind::Text(t)) = form.questions.get_mut(i).map(|q| &mut q.kind) {
                    t.max_chars = value.trim().parse().unwrap_or(0);
                }
                None
            }
        };
        if let Some(target) = target {
            *target = value;
        }
    }
}

/// The kinds of question, in the order the builder offers them, by name.
pub const KINDS: [&str; 7] = ["faces", "easy3", "frequency", "single", "multi", "text", "service_promise_grid"];

/// The longest free-text answer a new text question allows (a view's own limit is the most).
pub const DEFAULT_MAX_CHARS: u32 = 500;

/// Question `name`'s kind made from `old`: choices are kept between "choose one" and "choose any", a text
/// question keeps its settings, and a new choice question starts with two empty choices.
pub fn change_kind(old: &Kind, name: &str) -> Kind {
    let kept = choices(old).cloned().unwrap_or_else(|| vec![new_choice(&[]), new_choice(&[blank_choice("choice_1")])]);
    match name {
        "easy3" => Kind::Easy3,
        "frequency" => Kind::Frequency,
        "single" => Kind::Single(kept),
        "multi" => Kind::Multi(MultiChoice {
            choices: kept,
            none_of_these: match old {
                Kind::Multi(m) => m.none_of_these.clone(),
                _ => None,
            },
        }),
        "text" => match old {
            Kind::Text(t) => Kind::Text(t.clone()),
            _ => Kind::Text(TextLimit { max_chars: DEFAULT_MAX_CHARS, promise_tags: false }),
        },
        "service_promise_grid" => Kind::ServicePromiseGrid,
        _ => Kind::Faces,
    }
}

fn blank_choice(code: &str) -> Choice {
    Choice { code: code.to_owned(), label: Bilingual::new("", "") }
}

/// The first `{prefix}_{n}` not yet taken.
fn unused(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..).map(|n| format!("{prefix}_{n}")).find(|c| !taken(c)).unwrap_or_default()
}

/// An empty choice with a code no other choice of the question has.
pub fn new_choice(existing: &[Choice]) -> Choice {
    blank_choice(&unused("choice", |c| existing.iter().any(|e| e.code == c)))
}

/// An empty five-face question with a code no other question of the form has.
pub fn new_question(form: &Form) -> Question {
    Question {
        code: unused("question", |c| form.question(c).is_some()),
        kind: Kind::Faces,
        prompt: Bilingual::new("", ""),
        help: None,
        required: false,
        show_if: None,
        tags: Tags::default(),
    }
}

/// Swaps item `i` with the one before (`up`) or after it; nothing happens at either end.
pub fn move_item<T>(list: &mut [T], i: usize, up: bool) -> Option<usize> {
    let to = if up { i.checked_sub(1)? } else { i + 1 };
    (to < list.len()).then(|| {
        list.swap(i, to);
        to
    })
}

/// The form as it is sent: a help line left empty in both languages is no help line.
pub fn tidy(form: &Form) -> Form {
    let mut form = form.clone();
    for q in &mut form.questions {
        if q.help.as_ref().is_some_and(|h| h.en.trim().is_empty() && h.cy.trim().is_empty()) {
            q.help = None;
        }
    }
    form
}

/// The questions before `i` that a show-if rule may name (the choice questions), as `(code, number)`.
pub fn show_if_targets(form: &Form, i: usize) -> Vec<(String, usize)> {
    form.questions
        .iter()
        .take(i)
        .enumerate()
        .filter(|(_, q)| choices(&q.kind).is_some())
        .map(|(n, q)| (q.code.clone(), n + 1))
        .collect()
}

/// The choices of question `code` a show-if rule may name, `(code, words)` in `lang` (the code while the
/// words are still empty); "none of these" (`none_words`) when the question offers it.
pub fn rule_choices(form: &Form, code: &str, lang: Language, none_words: &str) -> Vec<(String, String)> {
    let Some(q) = form.question(code) else { return Vec::new() };
    let words = |b: &Bilingual, code: &str| {
        let w = side(b, lang);
        if w.trim().is_empty() {
            code.to_owned()
        } else {
            w
        }
    };
    let mut out: Vec<(String, String)> =
        choices(&q.kind).into_iter().flatten().map(|c| (c.code.clone(), words(&c.label, &c.code))).collect();
    if let Kind::Multi(MultiChoice { none_of_these: Some(_), .. }) = &q.kind {
        out.push((NONE_OF_THESE.to_owned(), none_words.to_owned()));
    }
    out
}

/// Sets question `i`'s rule to follow `target` (empty: always shown), keeping the choices ticked while it
/// stays the same question.
pub fn set_rule_target(form: &mut Form, i: usize, target: &str) {
    let Some(q) = form.questions.get_mut(i) else { return };
    q.show_if = match &q.show_if {
        _ if target.is_empty() => None,
        Some(rule) if rule.question == target => Some(rule.clone()),
        _ => Some(ShowIf { question: target.to_owned(), any_of: Vec::new() }),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use yoursay_core::form::{starting_points, Audience};

    fn blank() -> Form {
        Form {
            code: "coffee_nov".into(),
            title: Bilingual::new("", ""),
            intro: Bilingual::new("", ""),
            audience: Audience::Everyone,
            questions: Vec::new(),
        }
    }

    #[test]
    fn a_problem_path_names_the_id_of_the_box_beside_which_it_is_shown() {
        assert_eq!(
            field_id("questions[3].kind.multi.choices[1].label.cy"),
            "survey-questions-3-kind-multi-choices-1-label-cy"
        );
        assert_eq!(field_id("title.en"), "survey-title-en");
        assert_eq!(
            anchor("questions[3].kind.multi.choices[1].label.cy"),
            "questions[3].kind.multi.choices[1].label.cy"
        );
        assert_eq!(anchor("questions[2].tags.promises[1]"), "questions[2].tags.promises");
        assert_eq!(anchor("questions[4].show_if.any_of[0]"), "questions[4].show_if.any_of");
        assert_eq!(anchor("questions[4].show_if.question"), "questions[4].show_if.question");
        assert_eq!(anchor("questions"), "questions");
        assert_eq!(anchor("questions[1].kind.single"), "questions[1].kind.single");
    }

    #[test]
    fn every_box_reads_and_writes_its_own_place_and_names_the_path_the_server_uses() {
        let mut form = blank();
        form.questions.push(new_question(&form));
        form.questions.push(new_question(&form));
        assert_eq!(form.questions[1].code, "question_2");
        form.questions[1].kind = change_kind(&form.questions[1].kind, "multi");
        let cy = Language::Cy;
        Slot::ChoiceLabel(1, 1).set(&mut form, cy, "Na".into());
        assert_eq!(Slot::ChoiceLabel(1, 1).get(&form, cy), "Na");
        assert_eq!(Slot::ChoiceLabel(1, 1).path(&form, cy), "questions[1].kind.multi.choices[1].label.cy");
        form.questions[1].kind = change_kind(&form.questions[1].kind, "single");
        assert_eq!(Slot::ChoiceLabel(1, 1).get(&form, cy), "Na", "choices are kept");
        assert_eq!(Slot::ChoiceCode(1, 1).path(&form, cy), "questions[1].kind.single[1].code");
        Slot::Help(0).set(&mut form, Language::En, "Take your time".into());
        assert_eq!(Slot::Help(0).path(&form, Language::En), "questions[0].help.en");
        form.questions[0].kind = change_kind(&form.questions[0].kind, "text");
        Slot::MaxChars(0).set(&mut form, cy, "250".into());
        assert_eq!(Slot::MaxChars(0).get(&form, cy), "250");
        // A box left over from a question that has gone changes nothing.
        Slot::Prompt(7).set(&mut form, cy, "x".into());
        assert_eq!(Slot::Prompt(7).get(&form, cy), "");
    }

    #[test]
    fn moving_stops_at_the_ends_and_an_empty_help_line_is_not_sent() {
        let mut list = vec![1, 2, 3];
        assert_eq!(move_item(&mut list, 0, true), None);
        assert_eq!(move_item(&mut list, 2, false), None);
        assert_eq!(move_item(&mut list, 0, false), Some(1));
        assert_eq!(list, [2, 1, 3]);
        let mut form = starting_points::event_feedback();
        form.questions[0].help = Some(Bilingual::new(" ", ""));
        assert_eq!(tidy(&form).questions[0].help, None);
    }

    #[test]
    fn a_show_if_rule_offers_earlier_choice_questions_and_their_choices() {
        let mut form = blank();
        form.questions.push(new_question(&form));
        form.questions.push(new_question(&form));
        form.questions.push(new_question(&form));
        form.questions[1].kind = change_kind(&Kind::Faces, "multi");
        if let Kind::Multi(m) = &mut form.questions[1].kind {
            m.none_of_these = Some(Bilingual::new("None", "Dim"));
            m.choices[0].label = Bilingual::new("Yes", "Ydw");
        }
        assert_eq!(show_if_targets(&form, 2), [("question_2".to_owned(), 2)]);
        assert_eq!(show_if_targets(&form, 1), []);
        let options = rule_choices(&form, "question_2", Language::Cy, "Dim un");
        assert_eq!(
            options,
            [
                ("choice_1".into(), "Ydw".into()),
                ("choice_2".into(), "choice_2".into()),
                (NONE_OF_THESE.into(), "Dim un".into())
            ]
        );
        set_rule_target(&mut form, 2, "question_2");
        form.questions[2].show_if.as_mut().unwrap().any_of.push("choice_1".into());
        set_rule_target(&mut form, 2, "question_2");
        assert_eq!(form.questions[2].show_if.as_ref().unwrap().any_of, ["choice_1"]);
        set_rule_target(&mut form, 2, "");
        assert_eq!(form.questions[2].show_if, None);
    }
}
