//! The published surveys as a list of big links, each with who it is for and how long it takes: on the
//! home screen, the surveys page's list and an event's screen, one definition for all three.

use leptos::prelude::*;
use yoursay_core::form::api::FormHeadline;
use yoursay_core::form::Audience;

use crate::i18n::{fill, use_i18n, I18n, Key};

/// Who a survey is for, in words.
pub fn audience_key(audience: Audience) -> Key {
    match audience {
        Audience::YoungPeople => Key::AudienceYoungPeople,
        Audience::CareLeavers => Key::AudienceCareLeavers,
        Audience::Carers => Key::AudienceCarers,
        Audience::Everyone => Key::AudienceEveryone,
    }
}

/// `n` in words: "7 questions" or "1 question", "about 3 minutes" or "about 1 minute".
fn count_in_words(i18n: I18n, n: usize, many: Key, one: Key) -> String {
    match n {
        1 => i18n.t(one).to_owned(),
        _ => fill(i18n.t(many), &[("n", &n.to_string())]),
    }
}

/// One link a survey. On the surveys page (which runs surveys) the link changes screen without a reload;
/// the first load has no runner, so there it is an ordinary link that opens the surveys page.
#[component]
pub fn SurveyLinks(forms: Vec<FormHeadline>) -> impl IntoView {
    let i18n = use_i18n();
    let item = move |form: FormHeadline| {
        let href = format!("{}/{}", crate::router::SURVEYS, form.code);
        let (questions, minutes) = (form.questions, form.minutes());
        let length = move || {
            count_in_words(i18n, questions, Key::SurveysQuestions, Key::SurveysOneQuestion)
                + ", "
                + &count_in_words(i18n, minutes, Key::SurveysMinutes, Key::SurveysOneMinute)
        };
        let title = form.title;
        let words = view! {
            <span class="choice-title">{move || i18n.pick(&title)}</span>
            <span class="choice-hint">{i18n.tr(audience_key(form.audience))}</span>
            <span class="choice-hint">{length}</span>
        };
        #[cfg(feature = "surveys")]
        let link = view! { <li><crate::router::Link href=href class="choice">{words}</crate::router::Link></li> };
        #[cfg(not(feature = "surveys"))]
        let link = view! { <li><a href=href class="choice">{words}</a></li> };
        link
    };
    view! { <ul class="service-list survey-list">{forms.into_iter().map(item).collect_view()}</ul> }
}
