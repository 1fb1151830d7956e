//! The shared test helpers' own tests (tests/support/), run once here rather
//! than in every test binary that includes them.

mod support;

use support::html;
use support::score::{ratio, Counts, Share};

#[test]
fn checker_catches_misnesting_and_duplicates() {
    let ok =
        "<!DOCTYPE html><html><body><p id=\"a\">x<br></p><a href=\"b.html#a\">y</a></body></html>";
    let page = html::check(ok).unwrap();
    assert_eq!(page.links[0].url, "b.html#a");
    assert!(html::check("<!DOCTYPE html><p><b>x</p></b>").is_err());
    assert!(html::check("<!DOCTYPE html><div>").is_err());
    assert!(html::check("<!DOCTYPE html><p id=\"a\"></p><p id=\"a\"></p>").is_err());
    assert!(html::check("<!DOCTYPE html><p>a < b</p>").is_err());
}

#[test]
fn scores_count_precision_recall_and_f1() {
    assert_eq!(ratio(0, 0), 1.0, "nothing to get wrong");
    assert_eq!(ratio(1, 4), 0.25);
    let mut s = Share::default();
    s.count(true);
    s.count(false);
    s += Share::new(2, 2);
    assert_eq!(s, Share::new(3, 4));
    assert_eq!(s.misses(), 1);
    assert_eq!(format!("{s}"), "0.750 (3/4)");
    assert_eq!(format!("{s:.2}"), "0.75 (3/4)");
    // 3 true positives, 1 false positive, 3 false negatives.
    let c = Counts {
        predicted: Share::new(3, 4),
        gold: Share::new(3, 6),
    };
    assert_eq!(c.precision(), 0.75);
    assert_eq!(c.recall(), 0.5);
    assert!((c.f1() - 0.6).abs() < 1e-12);
    assert_eq!(Counts::default().f1(), 1.0, "no predictions, no gold");
    let none = Counts {
        predicted: Share::new(0, 2),
        gold: Share::new(0, 2),
    };
    assert_eq!(none.f1(), 0.0);
}
