use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// What a person did on one promise's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Score(u8),
    DontKnow,
    Skip,
}

/// The face for each score. Faces are decoration (`aria-hidden`): the word under each is its name, so
/// the scale never relies on a picture or a colour alone.
const FACES: [(u8, &str, Key); 5] = [
    (1, "😞", Key::ScaleReallyBad),
    (2, "🙁", Key::ScaleBad),
    (3, "😐", Key::ScaleOk),
    (4, "🙂", Key::ScaleGood),
    (5, "😄", Key::ScaleReallyGood),
];

/// Five big face buttons, "Don't know" and "Skip". Each choice moves on at once: one tap per promise.
#[component]
pub fn FaceScale(#[prop(into)] on_choice: Callback<Choice>, labelled_by: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="faces" role="group" aria-labelledby=labelled_by>
            {FACES
                .iter()
                .map(|&(score, face, key)| {
                    view! {
                        <button
                            type="button"
                            class=format!("face face-{score}")
                            data-score=score
                            on:click=move |_| on_choice.run(Choice::Score(score))
                        >
                            <span class="face-emoji" aria-hidden="true">{face}</span>
                            <span class="face-label">{i18n.tr(key)}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <div class="faces-other">
            <button type="button" class="button button-secondary" on:click=move |_| on_choice.run(Choice::DontKnow)>
                {i18n.tr(Key::ScaleDontKnow)}
            </button>
            <button type="button" class="button button-quiet" on:click=move |_| on_choice.run(Choice::Skip)>
                {i18n.tr(Key::ScaleSkip)}
            </button>
        </div>
    }
}
