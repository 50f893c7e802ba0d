//! Scoring arithmetic shared by the entity and relation evaluations:
//! true/false positive counters, precision/recall/F1, simple ratios, and
//! markdown table rendering.

use std::fmt::Write as _;

use serde::Serialize;

/// Counts of an exact-match evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Predictions that match a gold item.
    pub tp: usize,
    /// Predictions that match no gold item.
    pub fp: usize,
    /// Gold items that no prediction matches.
    pub fn_: usize,
}

impl Counts {
    /// Adds another set of counts to this one.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// Number of gold items (`tp + fn`).
    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }

    /// Number of predictions (`tp + fp`).
    pub fn predicted(&self) -> usize {
        self.tp + self.fp
    }

    /// `tp / (tp + fp)`, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted())
    }

    /// `tp / (tp + fn)`, 0 when there is no gold item.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold())
    }

    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `num / den`, or 0 when `den` is 0.
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// A ratio `hits / total` that remembers both numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    /// Successes.
    pub hits: usize,
    /// Trials.
    pub total: usize,
}

impl Tally {
    /// Records one trial.
    pub fn record(&mut self, hit: bool) {
        self.total += 1;
        if hit {
            self.hits += 1;
        }
    }

    /// Adds another tally to this one.
    pub fn add(&mut self, other: Tally) {
        self.hits += other.hits;
        self.total += other.total;
    }

    /// `hits / total`, 0 when there was no trial.
    pub fn rate(&self) -> f64 {
        ratio(self.hits, self.total)
    }

    /// `0.500 (1/2)`, or `-` when there was no trial.
    pub fn cell(&self) -> String {
        if self.total == 0 {
            "-".to_string()
        } else {
            format!("{:.3} ({}/{})", self.rate(), self.hits, self.total)
        }
    }
}

/// Formats a ratio with three decimals.
pub fn fmt3(x: f64) -> String {
    format!("{x:.3}")
}

/// Renders a markdown table (header row, alignment row, body rows).
pub fn markdown_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let align: Vec<&str> = header
        .iter()
        .enumerate()
        .map(|(i, _)| if i == 0 { "---" } else { "---:" })
        .collect();
    let _ = writeln!(out, "| {} |", align.join(" | "));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_recall_f1_by_hand() {
        // 3 correct, 1 spurious, 2 missed: P = 3/4, R = 3/5, F1 = 2PR/(P+R) = 2/3.
        let c = Counts { tp: 3, fp: 1, fn_: 2 };
        assert!((c.precision() - 0.75).abs() < 1e-12);
        assert!((c.recall() - 0.6).abs() < 1e-12);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(c.gold(), 5);
        assert_eq!(c.predicted(), 4);
    }

    #[test]
    fn empty_counts_are_zero_not_nan() {
        let c = Counts::default();
        assert_eq!(c.precision(), 0.0);
        assert_eq!(c.recall(), 0.0);
        assert_eq!(c.f1(), 0.0);
        assert_eq!(Tally::default().cell(), "-");
    }

    #[test]
    fn tally_and_table() {
        let mut t = Tally::default();
        t.record(true);
        t.record(false);
        assert_eq!(t.cell(), "0.500 (1/2)");
        let table = markdown_table(&["type", "n"], &[vec!["PER".into(), "2".into()]]);
        assert_eq!(table, "| type | n |\n| --- | ---: |\n| PER | 2 |\n");
    }
}
