//! Scoring for the evaluation tests: precision, recall and accuracies counted
//! as `hit` of `total`, and how a score prints.

use std::fmt;
use std::ops::AddAssign;

/// `hit / total`, or 1.0 when `total` is 0 (nothing to get wrong).
pub fn ratio(hit: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        hit as f64 / total as f64
    }
}

/// One proportion: `hit` of `total` items were right (a precision, a recall,
/// an accuracy).
///
/// Prints as its value then its counts, at the precision asked for (three
/// decimals by default): `format!("{:.3}", Share::new(194, 195))` is
/// `0.995 (194/195)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub hit: usize,
    pub total: usize,
}

impl Share {
    pub fn new(hit: usize, total: usize) -> Self {
        Share { hit, total }
    }

    /// The proportion, by [`ratio`].
    pub fn value(self) -> f64 {
        ratio(self.hit, self.total)
    }

    /// The items that were not right.
    pub fn misses(self) -> usize {
        self.total - self.hit
    }

    /// Counts one more item, right or not.
    pub fn count(&mut self, hit: bool) {
        self.total += 1;
        if hit {
            self.hit += 1;
        }
    }
}

impl AddAssign for Share {
    fn add_assign(&mut self, other: Share) {
        self.hit += other.hit;
        self.total += other.total;
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decimals = f.precision().unwrap_or(3);
        write!(
            f,
            "{:.decimals$} ({}/{})",
            self.value(),
            self.hit,
            self.total
        )
    }
}

/// Predictions scored against gold: the predictions that match gold of all
/// predictions (precision) and the gold items found of all gold items
/// (recall).
///
/// The two sides are counted apart because matching by overlap need not be
/// one to one: two predictions on one gold span are two true positives for
/// precision and one found item for recall. With one-to-one matching,
/// `predicted.hit == gold.hit` (true positives), `predicted.misses()` are
/// the false positives and `gold.misses()` the false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub predicted: Share,
    pub gold: Share,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        self.predicted.value()
    }

    pub fn recall(&self) -> f64 {
        self.gold.value()
    }

    /// The harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}
