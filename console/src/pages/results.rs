use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{officer::Key, use_i18n, I18n};
use yoursay_core::disclosure::Count;

use crate::address::use_list_address;
use crate::api::{self, Cell, ResultRow, Results as ResultsData, Tally};
use crate::charts;
use crate::filters::{show_problems, Fields, FilterForm, FilterValues};
use crate::layout::LanguageSwitch;
use crate::ui::{fill, focus, focus_heading, number, page_title, use_session, SCALE};

#[component]
pub fn Results() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    page_title(Key::ResultsTitle);
    focus_heading();
    let draft = RwSignal::new(FilterValues::default());
    let address = use_list_address(|| "/results".to_owned(), draft);
    let (applied, apply) = (address.applied, address.apply);
    let data = RwSignal::new(None::<Result<ResultsData, Key>>);
    let present = RwSignal::new(false);
    let problems = RwSignal::new(Vec::new());

    Effect::new(move |_| {
        let query = applied.get().results_query();
        spawn_local(async move {
            let answer = api::results(&query).await;
            if let Err(e) = &answer {
                show_problems("results-filters", problems, e.field_errors().to_vec());
            }
            data.set(Some(answer.map_err(|e| session.fail(&e))));
        });
    });

    let enter_present = move |_| {
        present.set(true);
        request_animation_frame(|| focus("present-heading"));
    };
    let leave_present = move |_| {
        present.set(false);
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
        request_animation_frame(|| focus("present-button"));
    };
    let full_screen = move |_| {
        if let Some(el) = document().get_element_by_id("results-board") {
            let _ = el.request_fullscreen();
        }
    };

    let board = move || {
        i18n.lang.track();
        board_view(i18n, data.get())
    };

    view! {
        <section class="page results">
            <h1 tabindex="-1">{i18n.tr(Key::ResultsTitle)}</h1>
            <p class="intro">{i18n.tr(Key::ResultsIntro)}</p>
            <FilterForm id="results-filters" draft=draft fields=Fields::default() on_apply=apply problems=problems />
            <p class="actions">
                <button type="button" id="present-button" class="button" on:click=enter_present>{i18n.tr(Key::ResultsPresent)}</button>
            </p>
            <div id="results-board" class="board" class:present=move || present.get()>
                <Show when=move || present.get()>
                    <div class="present-bar">
                        <h2 id="present-heading" tabindex="-1">{i18n.tr(Key::ResultsTitle)}</h2>
                        <LanguageSwitch />
                        <button type="button" class="button" on:click=full_screen>{i18n.tr(Key::ResultsFullScreen)}</button>
                        <button type="button" class="button secondary" on:click=leave_present>{i18n.tr(Key::ResultsLeavePresent)}</button>
                    </div>
                </Show>
                {board}
            </div>
        </section>
    }
}

fn board_view(i18n: I18n, data: Option<Result<ResultsData, Key>>) -> AnyView {
    match data {
        None => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
        Some(Err(key)) => view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
        Some(Ok(results)) => {
            let min = results.min_cell;
            if results.by_promise.is_empty() && results.by_service.is_empty() {
                return view! { <p>{i18n.t(Key::ResultsNone)}</p> }.into_any();
            }
            let cells = cells_table(i18n, &results);
            view! {
                <h2>{i18n.t(Key::ResultsByPromise)}</h2>
                <div class="charts">{results.by_promise.into_iter().map(|row| chart_card(i18n, "promise", row, min)).collect_view()}</div>
                <h2>{i18n.t(Key::ResultsByService)}</h2>
                <div class="charts">{results.by_service.into_iter().map(|row| chart_card(i18n, "service", row, min)).collect_view()}</div>
                {cells}
            }
            .into_any()
        }
    }
}

/// A count in words: the number, "fewer than 5", or "not shown" where it would give a small one away.
pub(crate) fn count_text(i18n: I18n, count: Count, min_cell: u32) -> String {
    let lang = i18n.lang.get_untracked();
    match count {
        Count::Shown(n) => number(f64::from(n), lang),
        Count::Small => fill(i18n.t(Key::ResultsFewerThan), &[("n", number(f64::from(min_cell), lang))]),
        Count::Withheld => i18n.t(Key::ResultsWithheld).to_owned(),
    }
}

/// One item: its chart (or the small-number caution) and a table with the same numbers.
fn chart_card(i18n: I18n, kind: &'static str, row: ResultRow, min_cell: u32) -> impl IntoView {
    let lang = i18n.lang.get_untracked();
    let name = row.name.get(lang).to_owned();
    let id = format!("{kind}-{}", row.code);
    let tally = row.tally;
    let heading = if row.retired { format!("{name} {}", i18n.t(Key::ResultsRetired)) } else { name.clone() };
    let answers = fill(i18n.t(Key::ResultsAnswers), &[("n", count_text(i18n, tally.total, min_cell))]);
    let caution = fill(i18n.t(Key::ResultsCaution), &[("n", number(min_cell as f64, lang))]);
    let ratings = row.ratings.map(|n| fill(i18n.t(Key::ResultsRatings), &[("n", count_text(i18n, n, min_cell))]));
    view! {
        <article class="chart-card" data-code=row.code.clone() aria-labelledby=format!("{id}-title")>
            <h3 id=format!("{id}-title")>{heading}</h3>
            <p class="chart-total">{answers}{ratings.map(|r| format!(" · {r}"))}</p>
            {if tally.total.is_hidden() {
                view! { <p class="caution">
                    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                        <circle cx="12" cy="12" r="10" />
                        <rect x="11" y="10" width="2" height="8" class="icon-cut" />
                        <rect x="11" y="6" width="2" height="2" class="icon-cut" />
                    </svg>
                    {caution.clone()}
                </p> }.into_any()
            } else {
                chart_svg(i18n, &name, &tally, min_cell).into_any()
            }}
            {table(i18n, &id, &name, &tally, min_cell)}
        </article>
    }
}

fn chart_svg(i18n: I18n, name: &str, tally: &Tally, min_cell: u32) -> impl IntoView {
    let parts = tally.parts();
    // A hidden count draws no bar; its words say why.
    let bars = charts::bars(&parts.map(|c| c.shown().unwrap_or(0)));
    let height = charts::height(bars.len());
    let label = fill(i18n.t(Key::ResultsChartLabel), &[("name", name.to_owned())]);
    let shares = tally.percentages.as_ref().map(|p| p.parts());
    view! {
        <svg class="chart" role="img" aria-label=label viewBox=format!("0 0 {} {}", charts::num(charts::WIDTH), charts::num(height))
            width="100%" preserveAspectRatio="xMinYMin meet">
            {bars
                .into_iter()
                .enumerate()
                .map(|(i, bar)| {
                    let count = count_text(i18n, parts[i], min_cell);
                    let value = match shares.and_then(|s| s[i]) {
                        Some(share) => format!("{count} ({})", charts::percent(share)),
                        None => count,
                    };
                    view! {
                        <g class=format!("bar s{i}")>
                            <text x="0" y=charts::num(bar.text_y) class="bar-label">{i18n.t(SCALE[i])}</text>
                            <rect x=charts::num(bar.x) y=charts::num(bar.y) width=charts::num(bar.width) height=charts::num(bar.height) />
                            <text x=charts::num(bar.value_x) y=charts::num(bar.text_y) class="bar-value">{value}</text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}

fn table(i18n: I18n, id: &str, name: &str, tally: &Tally, min_cell: u32) -> impl IntoView {
    let caption = fill(i18n.t(Key::ResultsTableCaption), &[("name", name.to_owned())]);
    let parts = tally.parts();
    let shares = tally.percentages.as_ref().map(|p| p.parts());
    let not_shown = i18n.t(Key::ResultsNotShown);
    view! {
        <table class="data" id=format!("{id}-table")>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t(Key::ResultsAnswer)}</th>
                    <th scope="col">{i18n.t(Key::ResultsCount)}</th>
                    <th scope="col">{i18n.t(Key::ResultsShare)}</th>
                </tr>
            </thead>
            <tbody>
                {(0..6)
                    .map(|i| {
                        view! {
                            <tr>
                                <th scope="row">{i18n.t(SCALE[i])}</th>
                                <td>{count_text(i18n, parts[i], min_cell)}</td>
                                <td>{shares.and_then(|s| s[i]).map(charts::percent).unwrap_or_else(|| not_shown.to_owned())}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
            <tfoot>
                <tr>
                    <th scope="row">{i18n.t(Key::ResultsTotal)}</th>
                    <td>{count_text(i18n, tally.total, min_cell)}</td>
                    <td>{if shares.is_some() { "100%".to_owned() } else { not_shown.to_owned() }}</td>
                </tr>
            </tfoot>
        </table>
    }
}

/// The service × promise breakdown: one row per pair that has answers, the counts by score and the total,
/// with a small stacked bar of the same counts (decorative: the numbers are in the cells). A pair with
/// fewer than `min_cell` answers shows its total only, and says in words why.
fn cells_table(i18n: I18n, results: &ResultsData) -> impl IntoView {
    let lang = i18n.lang.get_untracked();
    let name_of = |rows: &[ResultRow], code: &str| {
        rows.iter().find(|r| r.code == code).map(|r| r.name.get(lang).to_owned()).unwrap_or_else(|| code.to_owned())
    };
    let min = number(results.min_cell as f64, lang);
    let caption = fill(i18n.t(Key::ResultsCellsCaption), &[("n", min.clone())]);
    let hidden = fill(i18n.t(Key::ResultsCellHidden), &[("n", min)]);
    let rows: Vec<_> = results
        .cells
        .iter()
        .map(|cell| {
            (name_of(&results.by_service, &cell.service), name_of(&results.by_promise, &cell.promise), cell.clone())
        })
        .collect();
    (!rows.is_empty()).then(|| {
        view! {
            <h2 id="cells-title">{i18n.t(Key::ResultsByCell)}</h2>
            <div class="table-wrap">
                <table class="data cells-table" id="cells-table">
                    <caption id="cells-caption">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(Key::ResultsService)}</th>
                            <th scope="col">{i18n.t(Key::ResultsPromise)}</th>
                            {SCALE.iter().map(|k| view! { <th scope="col">{i18n.t(*k)}</th> }).collect_view()}
                            <th scope="col">{i18n.t(Key::ResultsTotal)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(service, promise, cell)| cell_row(i18n, results.min_cell, service, promise, cell, &hidden)).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    })
}

fn cell_row(i18n: I18n, min_cell: u32, service: String, promise: String, cell: Cell, hidden: &str) -> impl IntoView {
    let t = cell.tally;
    let parts = t.parts();
    let key = format!("{}:{}", cell.service, cell.promise);
    let small = t.total == Count::Small;
    let scores = if small {
        view! { <td colspan="6" class="cell-hidden">{hidden.to_owned()}</td> }.into_any()
    } else {
        parts.iter().map(|c| view! { <td class="num">{count_text(i18n, *c, min_cell)}</td> }).collect_view().into_any()
    };
    // Drawn only when every count is shown: a bar's length would give a hidden count away.
    let all_shown: Option<Vec<u32>> = parts.iter().map(|c| c.shown()).collect();
    let bar = all_shown.zip(t.total.shown()).filter(|(_, total)| *total > 0).map(|(counts, total)| {
        let mut x = 0.0;
        let parts: Vec<_> = counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, n)| {
                let width = 100.0 * f64::from(*n) / f64::from(total);
                let part = view! { <rect class=format!("s{i}") x=charts::num(x) y="0" width=charts::num(width) height="10" /> };
                x += width;
                part
            })
            .collect();
        view! { <svg class="stack" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">{parts}</svg> }
    });
    view! {
        <tr data-cell=key class:suppressed=small>
            <th scope="row">{service}</th>
            <th scope="row">{promise}</th>
            {scores}
            <td class="num total">{count_text(i18n, t.total, min_cell)}{bar}</td>
        </tr>
    }
}
