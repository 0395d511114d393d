//! Small-number suppression: the one rule for every count an officer sees, shows on a big screen or
//! presents. The server applies it before anything leaves; the console only writes the words.
//!
//! * **Primary**: a count of 1 up to `min − 1` is [`Count::Small`] ("fewer than 5"). Zero is shown: it
//!   names nobody.
//! * **Secondary**: counts that add up are registered as lines (a tally's scores and its total; the same
//!   score of one promise across services and the promise's own count; the same for a service). A line
//!   with exactly one hidden number would give it away by subtraction, so one more of its numbers is
//!   [`Count::Withheld`]: the smallest shown member above zero, else the total, else a zero. Lines are checked again until nothing changes, since a withheld number can open
//!   another line.
//! * No share is worked out from a hidden number, and none at all when the total is hidden (a share and
//!   a shown count would give the total back).

use serde::{Deserialize, Serialize};

/// A count as it may be shown. On the wire: `{"shown": 12}`, `"small"` or `"withheld"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Count {
    Shown(u32),
    /// Under the threshold: "fewer than 5".
    Small,
    /// Not under the threshold, but hidden so that a small count cannot be worked out from it.
    Withheld,
}

impl Count {
    pub fn shown(self) -> Option<u32> {
        match self {
            Count::Shown(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_hidden(self) -> bool {
        self.shown().is_none()
    }

    /// A count that stands alone (no line to protect): small or shown.
    pub fn alone(n: u32, min: u32) -> Count {
        if n > 0 && n < min {
            Count::Small
        } else {
            Count::Shown(n)
        }
    }
}

/// Where a number sits in a [`Grid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot(usize);

/// Raw counts and the lines they add up along; [`Grid::suppress`] applies the rule to all of them.
#[derive(Debug, Default)]
pub struct Grid {
    values: Vec<u32>,
    lines: Vec<(Vec<Slot>, Slot)>,
}

impl Grid {
    pub fn slot(&mut self, n: u32) -> Slot {
        self.values.push(n);
        Slot(self.values.len() - 1)
    }

    /// `members` add up to `total`.
    pub fn line(&mut self, members: Vec<Slot>, total: Slot) {
        debug_assert_eq!(members.iter().map(|s| self.values[s.0]).sum::<u32>(), self.values[total.0]);
        self.lines.push((members, total));
    }

    /// Every slot's count as it may be shown, indexed by [`Slot`] through [`Shown::get`].
    pub fn suppress(&self, min: u32) -> Shown {
        let mut counts: Vec<Count> = self.values.iter().map(|&n| Count::alone(n, min)).collect();
        loop {
            let mut changed = false;
            for (members, total) in &self.lines {
                let hidden = members.iter().chain([total]).filter(|s| counts[s.0].is_hidden()).count();
                if hidden != 1 {
                    continue;
                }
                // The smallest shown member above zero; else the total (then equal to the hidden member);
                // else, the total being the hidden one, a shown zero.
                let shown_member = |nonzero: bool| {
                    members
                        .iter()
                        .filter_map(|s| counts[s.0].shown().filter(|n| (*n > 0) == nonzero).map(|n| (n, *s)))
                        .min_by_key(|(n, _)| *n)
                        .map(|(_, s)| s)
                };
                let total_if_shown = (!counts[total.0].is_hidden()).then_some(*total);
                let Some(pick) = shown_member(true).or(total_if_shown).or_else(|| shown_member(false)) else {
                    continue;
                };
                counts[pick.0] = Count::Withheld;
                changed = true;
            }
            if !changed {
                return Shown(counts);
            }
        }
    }
}

/// The outcome of [`Grid::suppress`].
#[derive(Debug, Clone)]
pub struct Shown(Vec<Count>);

impl Shown {
    pub fn get(&self, slot: Slot) -> Count {
        self.0[slot.0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(grid: &mut Grid, parts: &[u32]) -> (Vec<Slot>, Slot) {
        let members: Vec<Slot> = parts.iter().map(|&n| grid.slot(n)).collect();
        let total = grid.slot(parts.iter().sum());
        grid.line(members.clone(), total);
        (members, total)
    }

    fn counts(shown: &Shown, slots: &[Slot]) -> Vec<Count> {
        slots.iter().map(|s| shown.get(*s)).collect()
    }

    use Count::{Shown as S, Small, Withheld};

    #[test]
    fn counts_under_the_threshold_are_small_and_zero_is_shown() {
        assert_eq!(Count::alone(0, 5), S(0));
        assert_eq!(Count::alone(1, 5), Small);
        assert_eq!(Count::alone(4, 5), Small);
        assert_eq!(Count::alone(5, 5), S(5));
    }

    #[test]
    fn nothing_small_nothing_hidden() {
        let mut g = Grid::default();
        let (m, t) = tally(&mut g, &[5, 0, 7, 9]);
        let s = g.suppress(5);
        assert_eq!(counts(&s, &m), [S(5), S(0), S(7), S(9)]);
        assert_eq!(s.get(t), S(21));
    }

    #[test]
    fn one_small_count_takes_the_smallest_other_with_it() {
        // 12 − 6 − 9 would give the 2 back: the 6 is withheld too.
        let mut g = Grid::default();
        let (m, t) = tally(&mut g, &[6, 2, 9, 0]);
        let s = g.suppress(5);
        assert_eq!(counts(&s, &m), [Withheld, Small, S(9), S(0)]);
        assert_eq!(s.get(t), S(17));
    }

    #[test]
    fn two_small_counts_need_nothing_more() {
        let mut g = Grid::default();
        let (m, _) = tally(&mut g, &[3, 2, 9]);
        assert_eq!(counts(&g.suppress(5), &m), [Small, Small, S(9)]);
    }

    #[test]
    fn a_small_total_and_its_small_part_hide_each_other() {
        let mut g = Grid::default();
        let (m, t) = tally(&mut g, &[0, 3, 0]);
        let s = g.suppress(5);
        assert_eq!(s.get(t), Small);
        assert_eq!(counts(&s, &m), [S(0), Small, S(0)]);
    }

    #[test]
    fn zeros_are_not_withheld_while_a_count_above_zero_is_left() {
        // 6 − 5 would give the 1 back: the 5 goes, not a zero.
        let mut g = Grid::default();
        let (m, t) = tally(&mut g, &[0, 5, 1]);
        let s = g.suppress(5);
        assert_eq!(counts(&s, &m), [S(0), Withheld, Small]);
        assert_eq!(s.get(t), S(6));
    }

    #[test]
    fn a_withheld_count_alone_beside_zeros_takes_the_total_with_it() {
        // A promise answered "really good" by 7 in one service only: the service's 7 is withheld for
        // another reason, so the promise's 7 must go too.
        let mut g = Grid::default();
        let (row, _) = tally(&mut g, &[2, 7]);
        let other = g.slot(0);
        let margin = g.slot(7);
        g.line(vec![row[1], other], margin);
        let s = g.suppress(5);
        assert_eq!(counts(&s, &row), [Small, Withheld]);
        assert_eq!((s.get(other), s.get(margin)), (S(0), Withheld));
    }

    #[test]
    fn a_margin_would_give_a_hidden_cell_back_so_a_sibling_cell_is_withheld() {
        // Score "really good" for one promise in two services: 3 (small) and 8; the promise's own count
        // of 11 is shown, so 11 − 8 = 3 unless the 8 is hidden too.
        let mut g = Grid::default();
        let (a, _) = tally(&mut g, &[3, 0, 6]); // service A: 3 small, 6 withheld by its row
        let (b, _) = tally(&mut g, &[8, 5, 7]); // service B: nothing small
        let promise: Vec<Slot> = (0..3).map(|i| g.slot(g.values[a[i].0] + g.values[b[i].0])).collect();
        for i in 0..3 {
            g.line(vec![a[i], b[i]], promise[i]);
        }
        let s = g.suppress(5);
        assert_eq!(counts(&s, &a), [Small, S(0), Withheld]);
        // Column 0: 3 hidden, 8 must go; column 2: 6 withheld, 7 must go. Then B's row has two hidden.
        assert_eq!(counts(&s, &b), [Withheld, S(5), Withheld]);
        assert_eq!(counts(&s, &promise), [S(11), S(5), S(13)]);
    }

    #[test]
    fn on_the_wire() {
        let json = serde_json::to_string(&[S(3), Small, Withheld]).unwrap();
        assert_eq!(json, r#"[{"shown":3},"small","withheld"]"#);
        let back: Vec<Count> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [S(3), Small, Withheld]);
    }
}
