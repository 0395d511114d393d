use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{officer::Key, use_i18n, I18n};
use yoursay_core::disclosure::Count;

use crate::address::use_list_address;
use crate::api::{self, Cell, ResultRow, Results as ResultsData, Tally};
use crate::charts;
use crate::filters::{show_problems, Fields, FilterForm, FilterValues};
use crate::layout::LanguageSwitch;
use crate::ui::{day, fill, focus, focus_heading, number, page_title, use_session, SCALE};
use yoursay_core::officer::Period;

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

    // Presenting is modal: the rest of the console is inert (no Tab, click or screen reader reaches
    // it), Esc leaves, and focus goes back to the button that opened it.
    let enter_present = move |_| {
        present.set(true);
        set_outside_inert("results-board", true);
        request_animation_frame(|| focus("present-heading"));
    };
    let leave = move || {
        present.set(false);
        set_outside_inert("results-board", false);
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
        request_animation_frame(|| focus("present-button"));
    };
    let leave_present = move |_| leave();
    // On the whole window: focus may be on the page itself after Tab has gone round.
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && present.get_untracked() {
            ev.prevent_default();
            leave();
        }
    });
    on_cleanup(move || esc.remove());
    // Leaving the screen while presenting must not leave the console inert.
    on_cleanup(|| set_outside_inert("results-board", false));
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
            <FilterForm id="results-filters" draft=draft fields=Fields { compare: true, ..Fields::default() } on_apply=apply problems=problems />
            <p class="actions">
                <button type="button" id="present-button" class="button" on:click=enter_present>{i18n.tr(Key::ResultsPresent)}</button>
            </p>
            <div id="results-board" class="board" class:present=move || present.get()
                role=move || present.get().then_some("dialog") aria-modal=move || present.get().then_some("true")
                aria-labelledby=move || present.get().then_some("present-heading")>
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

/// Makes everything outside the element `id` inert (or not again): its siblings and those of each of its
/// ancestors up to the body.
fn set_outside_inert(id: &str, inert: bool) {
    let mut at = document().get_element_by_id(id);
    while let Some(el) = at {
        if el.tag_name().eq_ignore_ascii_case("body") {
            break;
        }
        for next in [true, false] {
            let mut sibling = if next { el.next_element_sibling() } else { el.previous_element_sibling() };
            while let Some(s) = sibling {
                if inert {
                    let _ = s.set_attribute("inert", "");
                } else {
                    let _ = s.remove_attribute("inert");
                }
                sibling = if next { s.next_element_sibling() } else { s.previous_element_sibling() };
            }
        }
        at = el.parent_element();
    }
}

fn board_view(i18n: I18n, data: Option<Result<ResultsData, Key>>) -> AnyView {
    match data {
        None => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
        Some(Err(key)) => view! { <p class="error" role="alert">{i18n.t(key)}</p> }.into_any(),
        Some(Ok(results)) => {
            let lang = i18n.lang.get_untracked();
            let min = results.min_cell;
            let period_words =
                |key: Key, p: &Period| fill(i18n.t(key), &[("from", day(&p.from, lang)), ("to", day(&p.to, lang))]);
            let period = results.period.as_ref().map(|p| period_words(Key::ResultsPeriod, p));
            let compared = results.previous.as_ref().map(|p| period_words(Key::ResultsComparedWith, &p.period));
            let heading = view! {
                {period.map(|p| view! { <p class="period" id="results-period">{p}</p> })}
                {compared.map(|p| view! { <p class="period" id="results-previous">{p}</p> })}
            };
            let answered = |rows: &[ResultRow]| rows.iter().any(|r| r.tally.total != Count::Shown(0));
            let previous_answered = results.previous.as_ref().is_some_and(|p| answered(&p.by_promise));
            if !answered(&results.by_promise) && !answered(&results.by_service) && !previous_answered {
                return view! { {heading} <p>{i18n.t(Key::ResultsNone)}</p> }.into_any();
            }
            let previous = results.previous.as_ref();
            let promises = section(i18n, Kind::Promises, &results.by_promise, previous.map(|p| &p.by_promise[..]), min);
            let services = section(i18n, Kind::Services, &results.by_service, previous.map(|p| &p.by_service[..]), min);
            let cells = cells_table(i18n, &results);
            view! {
                {heading}
                {promises}
                {services}
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

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Promises,
    Services,
}

impl Kind {
    fn id(self) -> &'static str {
        match self {
            Kind::Promises => "promises",
            Kind::Services => "services",
        }
    }
}

/// One promise or service as its chart row and table row show it.
struct Line {
    code: String,
    name: String,
    tally: Tally,
    ratings: Option<Count>,
    share: Option<f64>,
    /// After the bars: the share, or why there is no bar; and the change when comparing.
    value: String,
    dont_know: String,
    /// Comparing: the previous period's share in words, and the change in words.
    then: Option<(String, String)>,
}

/// All promises (or all services) in one diverging bar chart, most good first, with the same numbers in
/// a table beneath; those nobody answered are named in one line instead.
fn section(i18n: I18n, kind: Kind, rows: &[ResultRow], previous: Option<&[ResultRow]>, min_cell: u32) -> impl IntoView {
    let lang = i18n.lang.get_untracked();
    let id = kind.id();
    let name_of = |row: &ResultRow| {
        let name = row.name.get(lang).to_owned();
        if row.retired {
            format!("{name} {}", i18n.t(Key::ResultsRetired))
        } else {
            name
        }
    };
    let (empty, answered): (Vec<&ResultRow>, Vec<&ResultRow>) =
        rows.iter().partition(|r| r.tally.total == Count::Shown(0));
    let shares: Vec<Option<f64>> = answered.iter().map(|r| r.tally.good_share()).collect();
    let min_words = number(f64::from(min_cell), lang);
    let lines: Vec<Line> = charts::order(&shares)
        .into_iter()
        .map(|i| {
            let row = answered[i];
            let share = shares[i];
            let then = previous.map(|before| {
                let earlier = before.iter().find(|r| r.code == row.code);
                let then_share = earlier.and_then(|r| r.tally.good_share());
                let then_words = match (then_share, earlier.map(|r| r.tally.total)) {
                    (Some(p), _) => charts::percent(p),
                    (None, None | Some(Count::Shown(0))) => i18n.t(Key::ResultsThenNone).to_owned(),
                    (None, _) => i18n.t(Key::ResultsNoShare).to_owned(),
                };
                // A change only where both periods' counts are shown.
                let change = match share.zip(then_share) {
                    Some((now, before)) => change_words(i18n, charts::change(now, before)),
                    None => i18n.t(Key::ResultsChangeUnknown).to_owned(),
                };
                (then_words, change)
            });
            let mut value = match (share, row.tally.total) {
                (Some(p), _) => charts::percent(p),
                (None, Count::Small) => fill(i18n.t(Key::ResultsNoBarSmall), &[("n", min_words.clone())]),
                (None, Count::Shown(_)) if row.tally.shown_scores().is_some() => String::new(),
                (None, _) => i18n.t(Key::ResultsNoBarHidden).to_owned(),
            };
            if let (Some(_), Some((_, change))) = (share, &then) {
                value = format!("{value} · {change}");
            }
            Line {
                code: row.code.clone(),
                name: name_of(row),
                tally: row.tally.clone(),
                ratings: row.ratings,
                share,
                value,
                dont_know: count_text(i18n, row.tally.dont_know, min_cell),
                then,
            }
        })
        .collect();
    let none = (!empty.is_empty()).then(|| {
        let names: Vec<String> = empty.iter().map(|r| name_of(r)).collect();
        let words = fill(i18n.t(Key::ResultsNoAnswers), &[("names", names.join(", "))]);
        view! { <p class="no-answers" id=format!("{id}-none")>{words}</p> }
    });
    let (heading, label) = match kind {
        Kind::Promises => (Key::ResultsByPromise, Key::ResultsChartPromises),
        Kind::Services => (Key::ResultsByService, Key::ResultsChartServices),
    };
    let body = (!lines.is_empty()).then(|| {
        view! {
            {legend(i18n, min_cell)}
            {chart(i18n, id, label, &lines)}
            {table(i18n, kind, &lines, previous.is_some(), min_cell)}
        }
    });
    view! {
        <section class="result-section" id=format!("{id}-section") aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{i18n.t(heading)}</h2>
            {body}
            {none}
        </section>
    }
}

fn change_words(i18n: I18n, change: charts::Change) -> String {
    match change {
        charts::Change::Up(d) => fill(i18n.t(Key::ResultsChangeUp), &[("n", charts::points(d))]),
        charts::Change::Down(d) => fill(i18n.t(Key::ResultsChangeDown), &[("n", charts::points(d))]),
        charts::Change::Same => i18n.t(Key::ResultsChangeNone).to_owned(),
    }
}

/// The colours' meaning in words, and how shares are counted.
fn legend(i18n: I18n, min_cell: u32) -> impl IntoView {
    let note = fill(i18n.t(Key::ResultsShareNote), &[("n", number(f64::from(min_cell), i18n.lang.get_untracked()))]);
    view! {
        <ul class="legend" aria-label=i18n.t(Key::ResultsKey)>
            {SCALE[..5]
                .iter()
                .enumerate()
                .map(|(i, key)| view! {
                    <li><span class=format!("swatch s{i}") aria-hidden="true"></span>{i18n.t(*key)}</li>
                })
                .collect_view()}
        </ul>
        <p class="hint share-note">{note}</p>
    }
}

/// The diverging bar chart. A row's bar is drawn only when all five of its scores are shown: a bar
/// drawn from the shown counts alone would put the centre and the ends where the hidden ones leave them,
/// so its lengths would let a hidden count be worked out. Such a row has no bar and says why in words
/// (the table has its counts in words too).
fn chart(i18n: I18n, id: &'static str, label: Key, lines: &[Line]) -> impl IntoView {
    let inputs: Vec<charts::RowInput> = lines
        .iter()
        .map(|l| charts::RowInput {
            name: &l.name,
            scores: l.tally.shown_scores(),
            value: &l.value,
            aside: &l.dont_know,
        })
        .collect();
    let value_heading = i18n.t(Key::ResultsGoodShare);
    let aside_heading = i18n.t(SCALE[5]);
    let c = charts::diverging(&inputs, value_heading, aside_heading);
    let n = charts::num;
    let rows = c
        .rows
        .iter()
        .zip(lines)
        .map(|(row, line)| {
            view! {
                <g class="row" data-code=line.code.clone()>
                    <text x=n(c.name_x) y=n(row.text_y) class="bar-label">{line.name.clone()}</text>
                    {row
                        .segments
                        .iter()
                        .map(|s| view! {
                            <rect class=format!("s{}", s.score) x=n(s.x) y=n(row.y) width=n(s.width) height=n(row.height) />
                        })
                        .collect_view()}
                    <text x=n(c.value_x) y=n(row.text_y) class="bar-value">{line.value.clone()}</text>
                    <text x=n(c.aside_x) y=n(row.text_y) class="bar-aside">{line.dont_know.clone()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart diverging" id=format!("{id}-chart") role="img" aria-label=i18n.t(label)
            viewBox=format!("0 0 {} {}", n(c.width), n(c.height)) width=n(c.width) height=n(c.height)
            preserveAspectRatio="xMinYMin meet">
            <text x=n(c.value_x) y=n(c.header_y) class="col-head">{value_heading}</text>
            <text x=n(c.aside_x) y=n(c.header_y) class="col-head">{aside_heading}</text>
            <line class="centre" x1=n(c.centre) x2=n(c.centre) y1=n(charts::ROW_HEIGHT) y2=n(c.height) />
            {rows}
        </svg>
    }
}

/// The chart's numbers as a table: every count in words, the share "good", and when comparing the
/// previous period's share and the change.
fn table(i18n: I18n, kind: Kind, lines: &[Line], comparing: bool, min_cell: u32) -> impl IntoView {
    let (item, caption) = match kind {
        Kind::Promises => (Key::ResultsPromise, Key::ResultsPromisesCaption),
        Kind::Services => (Key::ResultsService, Key::ResultsServicesCaption),
    };
    let services = kind == Kind::Services;
    let body = lines
        .iter()
        .map(|l| {
            let share = l.share.map(charts::percent).unwrap_or_else(|| i18n.t(Key::ResultsNoShare).to_owned());
            view! {
                <tr data-code=l.code.clone()>
                    <th scope="row">{l.name.clone()}</th>
                    {l.tally.parts().iter().map(|c| view! { <td class="num">{count_text(i18n, *c, min_cell)}</td> }).collect_view()}
                    <td class="num">{count_text(i18n, l.tally.total, min_cell)}</td>
                    {services.then(|| view! { <td class="num">{l.ratings.map(|r| count_text(i18n, r, min_cell))}</td> })}
                    <td class="num share">{share}</td>
                    {l.then.clone().map(|(then, change)| view! {
                        <td class="num then">{then}</td>
                        <td class="change">{change}</td>
                    })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data results-table" id=format!("{}-table", kind.id())>
                <caption>{i18n.t(caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(item)}</th>
                        {SCALE.iter().map(|k| view! { <th scope="col">{i18n.t(*k)}</th> }).collect_view()}
                        <th scope="col">{i18n.t(Key::ResultsTotal)}</th>
                        {services.then(|| view! { <th scope="col">{i18n.t(Key::ResultsRatingsCol)}</th> })}
                        <th scope="col">{i18n.t(Key::ResultsGoodShare)}</th>
                        {comparing.then(|| view! {
                            <th scope="col">{i18n.t(Key::ResultsThen)}</th>
                            <th scope="col">{i18n.t(Key::ResultsChange)}</th>
                        })}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
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
