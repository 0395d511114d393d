//! Bar-chart geometry for the results screen: pure arithmetic, no browser types, so it is tested on the
//! machine that builds it. The screen turns these rectangles into inline SVG; no chart library, no
//! request anywhere else.

/// The size of one chart, in SVG user units (the SVG scales to its box).
pub const WIDTH: f64 = 480.0;
/// Room on the left for the answer's words.
pub const LABEL_WIDTH: f64 = 130.0;
/// Room on the right for the count written after the bar.
pub const VALUE_WIDTH: f64 = 70.0;
pub const ROW_HEIGHT: f64 = 30.0;
pub const GAP: f64 = 8.0;

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
    let rounded = (p * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}%", rounded as i64)
    } else {
        format!("{rounded:.1}%")
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
