//! Chart geometry for the results screen: pure arithmetic, no browser types, so it is tested on the
//! machine that builds it. The screen turns these rectangles into inline SVG; no chart library, no
//! request anywhere else.
//!
//! The chart is a diverging bar chart: one row per promise (or service), "really bad" and "bad" to the
//! left of a centre line, "good" and "really good" to the right, "OK" split across it; "don't know" is
//! not in the bars but written in a column of its own. Every column's width is worked out from its words,
//! so the chart's `viewBox` holds every label whole.

/// Text size in SVG user units (`.chart text` in console.css).
pub const FONT: f64 = 14.0;
/// A generous average advance of one character at [`FONT`] (sans-serif letters average about half the
/// size; wide letters, digits and "%" more), so an estimate errs long rather than clipped.
pub const CHAR_WIDTH: f64 = 0.62 * FONT;
/// Room between columns and around the edges.
pub const PAD: f64 = 10.0;
/// Half the bars' width: all of one row's scores, were they on one side.
pub const HALF: f64 = 160.0;
pub const ROW_HEIGHT: f64 = 30.0;
pub const GAP: f64 = 8.0;

/// The estimated width of `text` at [`FONT`].
pub fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH
}

/// One row as the screen gives it.
#[derive(Debug, Clone, Copy)]
pub struct RowInput<'a> {
    pub name: &'a str,
    /// Really bad … really good, only when every one is shown (else no bar: see the results page).
    pub scores: Option<[u32; 5]>,
    /// Words after the bars (the share "good" or "really good", or why there is no bar).
    pub value: &'a str,
    /// "Don't know", apart from the bars.
    pub aside: &'a str,
}

/// A part of a row's bar: `score` 0 (really bad) … 4 (really good).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub score: usize,
    pub x: f64,
    pub width: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub y: f64,
    pub height: f64,
    /// Baseline of the row's words.
    pub text_y: f64,
    /// Empty when nothing may be drawn, or nobody gave a score.
    pub segments: Vec<Segment>,
}

/// Where everything goes; texts start at their `x` (`text-anchor: start`).
#[derive(Debug, Clone, PartialEq)]
pub struct Diverging {
    pub width: f64,
    pub height: f64,
    /// The centre line, between bad and good.
    pub centre: f64,
    pub name_x: f64,
    pub value_x: f64,
    pub aside_x: f64,
    /// Baseline of the column headings above the rows.
    pub header_y: f64,
    pub rows: Vec<Row>,
}

/// Lays out `rows` under the headings `value_heading` and `aside_heading`.
pub fn diverging(rows: &[RowInput], value_heading: &str, aside_heading: &str) -> Diverging {
    let widest = |texts: &mut dyn Iterator<Item = &str>| texts.map(text_width).fold(0.0, f64::max);
    let name_x = PAD;
    let name_width = widest(&mut rows.iter().map(|r| r.name));
    let centre = name_x + name_width + PAD + HALF;
    let value_x = centre + HALF + PAD;
    let value_width = widest(&mut rows.iter().map(|r| r.value).chain([value_heading]));
    let aside_x = value_x + value_width + 2.0 * PAD;
    let aside_width = widest(&mut rows.iter().map(|r| r.aside).chain([aside_heading]));
    let width = aside_x + aside_width + PAD;
    let rows: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let top = (i + 1) as f64 * ROW_HEIGHT;
            Row {
                y: top + GAP / 2.0,
                height: ROW_HEIGHT - GAP,
                text_y: top + ROW_HEIGHT / 2.0 + FONT / 3.0,
                segments: row.scores.map(|s| segments(s, centre)).unwrap_or_default(),
            }
        })
        .collect();
    Diverging {
        width,
        height: (rows.len() + 1) as f64 * ROW_HEIGHT,
        centre,
        name_x,
        value_x,
        aside_x,
        header_y: ROW_HEIGHT / 2.0 + FONT / 3.0,
        rows,
    }
}

/// Each score's share of those who scored, as a width out of `HALF`: bad to the left of `centre`, good
/// to the right, "OK" half on each side. Parts of no width are left out.
fn segments(scores: [u32; 5], centre: f64) -> Vec<Segment> {
    let scored: u32 = scores.iter().sum();
    if scored == 0 {
        return Vec::new();
    }
    let w = scores.map(|n| HALF * f64::from(n) / f64::from(scored));
    let ok_left = centre - w[2] / 2.0;
    let xs = [ok_left - w[1] - w[0], ok_left - w[1], ok_left, ok_left + w[2], ok_left + w[2] + w[3]];
    (0..5).filter(|&i| w[i] > 0.0).map(|i| Segment { score: i, x: xs[i], width: w[i] }).collect()
}

/// The order rows are drawn in: highest share first, rows without one last, ties as given.
pub fn order(shares: &[Option<f64>]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..shares.len()).collect();
    idx.sort_by(|&a, &b| match (shares[a], shares[b]) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    idx
}

// ---- Plain bars, one per count (a survey question's options) ----

/// The size of a plain bar chart, in SVG user units (the SVG scales to its box).
pub const WIDTH: f64 = 480.0;
/// Room on the left for the answer's words.
pub const LABEL_WIDTH: f64 = 130.0;
/// Room on the right for the count written after the bar.
pub const VALUE_WIDTH: f64 = 70.0;

/// One horizontal bar and where its words go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Baseline of the row's words (label on the left, value after the bar).
    pub text_y: f64,
    /// Where the value after the bar starts.
    pub value_x: f64,
}

/// The chart's height for `rows` bars.
pub fn height(rows: usize) -> f64 {
    rows as f64 * ROW_HEIGHT
}

/// One bar per count, longest for the largest count; a zero count is a bar of no width. Every bar fits
/// between `LABEL_WIDTH` and `WIDTH - VALUE_WIDTH`.
pub fn bars(counts: &[u32]) -> Vec<Bar> {
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    counts
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let top = i as f64 * ROW_HEIGHT;
            let width = room * count as f64 / max;
            Bar {
                x: LABEL_WIDTH,
                y: top + GAP / 2.0,
                width,
                height: ROW_HEIGHT - GAP,
                text_y: top + ROW_HEIGHT / 2.0 + 5.0,
                value_x: LABEL_WIDTH + width + 6.0,
            }
        })
        .collect()
}

/// A share with one decimal, as the server rounds it ("12.5%", "0%").
pub fn percent(p: f64) -> String {
    format!("{}%", points(p))
}

/// A number of percentage points with at most one decimal, without its sign ("12.5", "3").
pub fn points(p: f64) -> String {
    let rounded = (p.abs() * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// How a share moved between two periods, to one decimal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    Up(f64),
    Down(f64),
    Same,
}

pub fn change(now: f64, then: f64) -> Change {
    let d = ((now - then) * 10.0).round() / 10.0;
    if d > 0.0 {
        Change::Up(d)
    } else if d < 0.0 {
        Change::Down(-d)
    } else {
        Change::Same
    }
}

/// SVG numbers without needless decimals, so the markup stays small.
pub fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn row<'a>(name: &'a str, scores: Option<[u32; 5]>, value: &'a str, aside: &'a str) -> RowInput<'a> {
        RowInput { name, scores, value, aside }
    }

    #[test]
    fn bad_goes_left_good_goes_right_and_ok_straddles_the_centre() {
        let c = diverging(&[row("Equality", Some([1, 1, 2, 3, 3]), "60%", "0")], "Good", "Don't know");
        let s = &c.rows[0].segments;
        assert_eq!(s.iter().map(|s| s.score).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        let ok = s[2];
        assert!((ok.x + ok.width / 2.0 - c.centre).abs() < 1e-9, "OK is split across the centre");
        assert!(s[1].x + s[1].width <= c.centre && s[3].x >= c.centre);
        for pair in s.windows(2) {
            assert!((pair[0].x + pair[0].width - pair[1].x).abs() < 1e-9, "parts touch, in order");
        }
        let total: f64 = s.iter().map(|s| s.width).sum();
        assert!((total - HALF).abs() < 1e-9);
    }

    #[test]
    fn every_bar_stays_within_its_half_width_of_the_centre() {
        for scores in [[9, 0, 0, 0, 0], [0, 0, 0, 0, 9], [0, 0, 9, 0, 0], [3, 0, 0, 0, 4]] {
            let c = diverging(&[row("A", Some(scores), "", "")], "", "");
            for s in &c.rows[0].segments {
                assert!(s.x >= c.centre - HALF - 1e-9 && s.x + s.width <= c.centre + HALF + 1e-9, "{scores:?}");
                assert!(s.width > 0.0);
            }
        }
    }

    #[test]
    fn no_bar_for_a_row_with_a_hidden_count_or_nobody_scoring() {
        let c = diverging(
            &[row("Hidden", None, "fewer than 5 answers", ""), row("Only don't know", Some([0; 5]), "", "7")],
            "",
            "",
        );
        assert!(c.rows.iter().all(|r| r.segments.is_empty()));
        assert!(c.width.is_finite() && c.centre.is_finite());
    }

    #[test]
    fn no_label_is_clipped_even_the_longest_bars_value() {
        // The old chart wrote "3 (33.3%)" after its longest bar and lost the ")" to the edge.
        let rows = [
            row("Somebody to talk to when things go wrong", Some([0, 0, 0, 0, 30]), "100% ▲ up 33.3 points", "0"),
            row("Cydraddoldeb", Some([30, 0, 0, 0, 0]), "0%", "fewer than 5"),
            row("Help", None, "Llai na 5 ateb: dim bar", "not shown (it would give a small number away)"),
        ];
        let c = diverging(&rows, "Good or really good", "Ddim yn gwybod");
        let fits = |x: f64, text: &str| x >= 0.0 && x + text_width(text) <= c.width;
        assert!(fits(c.value_x, "Good or really good") && fits(c.aside_x, "Ddim yn gwybod"));
        for (r, input) in c.rows.iter().zip(&rows) {
            assert!(fits(c.name_x, input.name), "{}", input.name);
            assert!(fits(c.value_x, input.value), "{}", input.value);
            assert!(fits(c.aside_x, input.aside), "{}", input.aside);
            assert!(r.y >= 0.0 && r.y + r.height <= c.height);
            assert!(r.text_y <= c.height);
            for s in &r.segments {
                assert!(s.x >= c.name_x + text_width(input.name), "a bar never runs into the names");
                assert!(s.x + s.width < c.value_x, "nor into its value");
            }
        }
        assert!(c.centre - HALF > c.name_x + text_width(rows[0].name));
    }

    #[test]
    fn rows_do_not_overlap_and_the_headings_sit_above_them() {
        let c = diverging(
            &[row("A", Some([1; 5]), "", ""), row("B", Some([1; 5]), "", ""), row("C", None, "", "")],
            "",
            "",
        );
        assert!(c.header_y < c.rows[0].y);
        for pair in c.rows.windows(2) {
            assert!(pair[0].y + pair[0].height < pair[1].y);
        }
        assert_eq!(c.height, 4.0 * ROW_HEIGHT);
    }

    #[test]
    fn rows_are_ordered_by_share_with_the_unknown_last() {
        assert_eq!(order(&[Some(20.0), None, Some(75.0), Some(20.0), None, Some(0.0)]), [2, 0, 3, 5, 1, 4]);
        assert_eq!(order(&[]), Vec::<usize>::new());
    }

    #[test]
    fn changes_in_points() {
        assert_eq!(change(66.7, 50.0), Change::Up(16.7));
        assert_eq!(change(40.0, 52.5), Change::Down(12.5));
        assert_eq!(change(33.33, 33.3), Change::Same);
        assert_eq!(points(16.7), "16.7");
        assert_eq!(points(-12.0), "12");
    }

    #[test]
    fn longest_bar_for_the_largest_count_and_all_fit() {
        let b = bars(&[0, 2, 4, 1, 0, 3]);
        assert_eq!(b.len(), 6);
        let room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        assert_eq!(b[2].width, room);
        assert_eq!(b[1].width, room / 2.0);
        assert_eq!(b[0].width, 0.0);
        for bar in &b {
            assert!(bar.x >= LABEL_WIDTH && bar.x + bar.width <= WIDTH - VALUE_WIDTH);
            assert!(bar.y >= 0.0 && bar.y + bar.height <= height(6));
        }
    }

    #[test]
    fn rows_do_not_overlap() {
        let b = bars(&[1, 1, 1]);
        for pair in b.windows(2) {
            assert!(pair[0].y + pair[0].height < pair[1].y);
        }
    }

    #[test]
    fn no_answers_draws_empty_bars_not_nan() {
        for bar in bars(&[0; 6]) {
            assert_eq!(bar.width, 0.0);
            assert!(bar.value_x.is_finite());
        }
    }

    #[test]
    fn percentages_and_numbers_are_short() {
        assert_eq!(percent(12.5), "12.5%");
        assert_eq!(percent(40.0), "40%");
        assert_eq!(percent(33.333), "33.3%");
        assert_eq!(num(130.0), "130");
        assert_eq!(num(12.345), "12.35");
    }
}
