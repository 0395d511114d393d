use leptos::prelude::*;
use yoursay_core::entry::AnswerValueWire;
use yoursay_core::Answer;

use crate::i18n::{use_i18n, Key};

/// What a person did on one promise's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Score(u8),
    DontKnow,
    Skip,
}

impl Choice {
    /// The answer as sent, for a rating or a survey's grid; `None` for a skipped promise (left out).
    pub fn to_wire(self) -> Option<AnswerValueWire> {
        match self {
            Choice::Score(n) => Some(AnswerValueWire::Score(i64::from(n))),
            Choice::DontKnow => Some(AnswerValueWire::Word(Answer::DONT_KNOW.to_owned())),
            Choice::Skip => None,
        }
    }
}

/// The five scores in order, then "Don't know" and "Skip", each with its word. The word under each face
/// is its name, so the scale never relies on a picture or a colour alone.
const CHOICES: [(Choice, Key); 7] = [
    (Choice::Score(1), Key::ScaleReallyBad),
    (Choice::Score(2), Key::ScaleBad),
    (Choice::Score(3), Key::ScaleOk),
    (Choice::Score(4), Key::ScaleGood),
    (Choice::Score(5), Key::ScaleReallyGood),
    (Choice::DontKnow, Key::ScaleDontKnow),
    (Choice::Skip, Key::ScaleSkip),
];

/// The words for a choice, as under its button (the surveys page reads answers back with it).
#[cfg_attr(not(feature = "surveys"), allow(dead_code))]
pub fn choice_key(choice: Choice) -> Key {
    CHOICES.iter().find(|(c, _)| *c == choice).map_or(Key::ScaleSkip, |(_, k)| *k)
}

/// The face for `score` (1 to 5), drawn by the app: emoji show as empty boxes on a device without a colour
/// emoji font and look different on every phone. One circle, two eyes and a mouth whose curve goes from a
/// frown through a straight line to a smile. Written as markup rather than `view!` elements: five small
/// drawings are not worth the SVG element code in the phone's download.
pub(crate) fn face_svg(score: u8) -> String {
    format!(
        r#"<svg viewBox="0 0 40 40"><circle cx="20" cy="20" r="18"/><circle class="eye" cx="14" cy="16" r="2.5"/><circle class="eye" cx="26" cy="16" r="2.5"/><path d="M11 27Q20 {} 29 27"/></svg>"#,
        15 + 4 * u32::from(score)
    )
}

/// The second click of a double tap lands on whatever the first one brought up: the next promise's face.
/// Only a first click counts (a key press has `detail` 0).
pub fn single_tap(ev: &leptos::ev::MouseEvent) -> bool {
    ev.detail() < 2
}

/// Five big face buttons in one row, in order, then "Don't know" and "Skip". Each choice moves on at once:
/// one tap per promise. `chosen` (the answer given before, when a person comes back) is marked with
/// `aria-pressed`; the scale is built afresh for each promise, so it need not follow changes.
#[component]
pub fn FaceScale(
    #[prop(into)] on_choice: Callback<Choice>,
    chosen: Option<Choice>,
    labelled_by: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let button = move |&(choice, key): &(Choice, Key)| {
        let (class, drawing) = match choice {
            Choice::Score(n) => (format!("face face-{n}"), face_svg(n)),
            Choice::DontKnow => ("button button-secondary".into(), String::new()),
            Choice::Skip => ("button button-quiet".into(), String::new()),
        };
        view! {
            <button
                type="button"
                class=class
                aria-pressed=if chosen == Some(choice) { "true" } else { "false" }
                on:click=move |ev| {
                    if single_tap(&ev) {
                        on_choice.run(choice)
                    }
                }
            >
                <span class="face-svg" aria-hidden="true" inner_html=drawing></span>
                <span class="face-label">{i18n.tr(key)}</span>
            </button>
        }
    };
    view! {
        <div class="faces" role="group" aria-labelledby=labelled_by>
            {CHOICES[..5].iter().map(button).collect_view()}
        </div>
        <div class="faces-other">{CHOICES[5..].iter().map(button).collect_view()}</div>
    }
}
