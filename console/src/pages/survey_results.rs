//! One survey's results: for each question, a bar chart and a table with the same numbers, every count as
//! the server sent it through the small-number rule, and where earlier versions worded it differently.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::results::count_text;
use crate::address::use_list_address;
use crate::api::{self, QuestionResults, SurveyResults};
use crate::charts;
use crate::filters::{show_problems, Fields, FilterForm, FilterValues};
use crate::i18n::{officer::Key, use_i18n, I18n};
use crate::ui::{fill, focus_heading, number, page_title, use_session};

#[component]
pub fn SurveyResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    page_title(Key::SurveyResultsTitle);
    focus_heading();
    let draft = RwSignal::new(FilterValues::default());
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    let address = use_list_address(move || format!("/surveys/{}/results", code()), draft);
    let (applied, apply) = (address.applied, address.apply);
    let data = RwSignal::new(None::<Result<SurveyResults, Key>>);
    let problems = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        let code = code();
        let query = applied.get().results_query();
        spawn_local(async move {
            let answer = api::survey_results(&code, &query).await;
            if let Err(e) = &answer {
                show_problems("survey-filters", problems, e.field_errors().to_vec());
            }
            let answer = answer.map_err(|e| match e {
                api::ApiError::NotFound => Key::SurveyResultsNotFound,
                other => session.fail(&other),
            });
            data.set(Some(answer));
        });
    });
    let heading = move || {
        let lang = i18n.lang.get();
        data.with(|d| match d {
            Some(Ok(r)) => r.title.get(lang).to_owned(),
            _ => i18n.t(Key::SurveyResultsTitle).to_owned(),
        })
    };
    view! {
        <section class="page survey-results">
            <p><A href="/officer/surveys">{i18n.tr(Key::SurveyResultsBack)}</A></p>
            <h1 tabindex="-1">{heading}</h1>
            <FilterForm id="survey-filters" draft=draft fields=Fields::default() on_apply=apply problems=problems />
            {move || {
                i18n.lang.track();
                board(i18n, data.get())
            }}
        </section>
    }
}

fn board(i18n: I18n, data: Option<Result<SurveyResults, Key>>) -> AnyView {
    let lang = i18n.lang.get_untracked();
    match data {
        None => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
        Some(Err(key)) => view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
        Some(Ok(results)) => {
            let min = results.min_cell;
            let responses =
                fill(i18n.t(Key::SurveyResultsResponses), &[("n", count_text(i18n, results.responses, min))]);
            let versions = (!results.versions.is_empty()).then(|| {
                let list: Vec<String> = results.versions.iter().map(|v| number(f64::from(*v), lang)).collect();
                fill(i18n.t(Key::SurveyResultsVersions), &[("list", list.join(", "))])
            });
            if results.versions.is_empty() {
                return view! { <p class="chart-total">{responses}</p><p>{i18n.t(Key::SurveyResultsNone)}</p> }
                    .into_any();
            }
            view! {
                <p class="chart-total" data-testid="survey-responses">{responses}" "{versions}</p>
                <div class="charts">
                    {results.questions.into_iter().map(|q| question_card(i18n, q, min)).collect_view()}
                </div>
            }
            .into_any()
        }
    }
}

fn question_card(i18n: I18n, q: QuestionResults, min_cell: u32) -> impl IntoView {
    let lang = i18n.lang.get_untracked();
    let id = format!("question-{}", q.code);
    let prompt = q.prompt.get(lang).to_owned();
    let answered = fill(i18n.t(Key::SurveyResultsAnswered), &[("n", count_text(i18n, q.answered, min_cell))]);
    let reworded = (!q.reworded_in.is_empty()).then(|| {
        let list: Vec<String> = q.reworded_in.iter().map(|v| number(f64::from(*v), lang)).collect();
        view! { <p class="notice">{fill(i18n.t(Key::SurveyResultsReworded), &[("list", list.join(", "))])}</p> }
    });
    let body = if q.options.is_empty() {
        view! { <p>{i18n.t(Key::SurveyResultsText)}</p> }.into_any()
    } else {
        let several = (q.kind == "multi").then(|| view! { <p class="hint">{i18n.t(Key::SurveyResultsSeveral)}</p> });
        view! { {several}{chart(i18n, &prompt, &q, min_cell)}{table(i18n, &id, &prompt, &q, min_cell)} }.into_any()
    };
    view! {
        <article class="chart-card" data-code=q.code.clone() aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{prompt.clone()}</h2>
            <p class="chart-total">{answered}</p>
            {reworded}
            {body}
        </article>
    }
}

/// Bars for the options (decorative for screen readers beyond its label: the table has the numbers).
fn chart(i18n: I18n, name: &str, q: &QuestionResults, min_cell: u32) -> impl IntoView {
    let lang = i18n.lang.get_untracked();
    let counts: Vec<u32> = q.options.iter().map(|o| o.count.shown().unwrap_or(0)).collect();
    let bars = charts::bars(&counts);
    let height = charts::height(bars.len());
    let label = fill(i18n.t(Key::ResultsChartLabel), &[("name", name.to_owned())]);
    view! {
        <svg class="chart" role="img" aria-label=label viewBox=format!("0 0 {} {}", charts::num(charts::WIDTH), charts::num(height))
            width="100%" preserveAspectRatio="xMinYMin meet">
            {bars
                .into_iter()
                .zip(&q.options)
                .enumerate()
                .map(|(i, (bar, option))| view! {
                    <g class=format!("bar s{}", i % 6)>
                        <text x="0" y=charts::num(bar.text_y) class="bar-label">{option.label.get(lang).to_owned()}</text>
                        <rect x=charts::num(bar.x) y=charts::num(bar.y) width=charts::num(bar.width) height=charts::num(bar.height) />
                        <text x=charts::num(bar.value_x) y=charts::num(bar.text_y) class="bar-value">{count_text(i18n, option.count, min_cell)}</text>
                    </g>
                })
                .collect_view()}
        </svg>
    }
}

fn table(i18n: I18n, id: &str, name: &str, q: &QuestionResults, min_cell: u32) -> impl IntoView {
    let lang = i18n.lang.get_untracked();
    let caption = fill(i18n.t(Key::ResultsTableCaption), &[("name", name.to_owned())]);
    view! {
        <table class="data" id=format!("{id}-table")>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t(Key::ResultsAnswer)}</th>
                    <th scope="col">{i18n.t(Key::ResultsCount)}</th>
                </tr>
            </thead>
            <tbody>
                {q.options
                    .iter()
                    .map(|o| view! {
                        <tr data-code=o.code.clone()>
                            <th scope="row">{o.label.get(lang).to_owned()}</th>
                            <td>{count_text(i18n, o.count, min_cell)}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
