//! Odd input never panics, offsets stay on char boundaries, and the cost
//! grows linearly with the text.

use chrono::NaiveDate;
use dossier::timex::annotate;

#[test]
fn odd_input_does_not_panic_and_spans_are_valid() {
    let reference = NaiveDate::from_ymd_opt(2024, 2, 29);
    let inputs = [
        "",
        "May",
        "—2024—",
        "Sep.",
        "31 February 2023 and 2023-02-30 and 30.02.2023",
        "mid-",
        "the end of",
        "Москва, 17 сентября. В понедельник 2024 года",
        "🚀 on Monday 🚀 since 1999 🚀",
        "on the 31st",
        "Feb 29",
        "in 9999 and 0000 and 1000",
        "at 25:99 p.m. and 12 a.m.",
        "every every every year",
        "June in June in June This year",
        "last last week",
        "99999999999999999999 days ago",
        "the 1990s–2000s",
    ];
    for text in inputs {
        for r in [reference, None] {
            for t in annotate(text, r) {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                assert_eq!(&text[t.start..t.end], t.text);
            }
        }
    }
    // On the 31st in a 30-day month there is no such day: no value, no panic.
    let april = NaiveDate::from_ymd_opt(2024, 4, 10);
    assert!(annotate("The talks ended on the 31st.", april)
        .iter()
        .all(|t| t.value != "2024-04-31"));
}

#[test]
fn cost_is_linear_in_the_text() {
    let paragraph = "Kim arrived in Vladivostok on Tuesday, Sept. 12, 2023. The next day, he \
met Putin at the Vostochny Cosmodrome, and last week officials said he would stay until \
Sunday. The war lasted from 1950-1953; 1,500 troops took part in the 18-month-old campaign.\n\n";
    let reference = NaiveDate::from_ymd_opt(2023, 9, 17);
    let one = annotate(paragraph, reference).len();
    // "18-month-old" is an age, which TimeML does not annotate.
    assert_eq!(one, 5);
    let big = paragraph.repeat(2000);
    let start = std::time::Instant::now();
    let many = annotate(&big, reference);
    let elapsed = start.elapsed();
    assert_eq!(many.len(), one * 2000);
    // ~560 KB: linear work takes well under a second in release and a few
    // seconds in debug; a quadratic pass would take minutes.
    assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
}
