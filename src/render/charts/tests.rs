//! The charts of the sample site: axes, bounded sizes for huge corpora, escaping, relative links.

use super::*;
use crate::briefing::{self, DateView, Site};
use crate::corpus::sample::sample_analysis;
use crate::corpus::Granularity;

fn site() -> Site {
    briefing::build(&sample_analysis())
}

/// Parses a figure as XML (our HTML for charts is XML-compatible) and
/// returns its `<svg>` elements' text for assertions.
fn parse(html: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(html).unwrap_or_else(|e| panic!("{e}\n{html}"))
}

fn check_svg(html: &str) {
    let doc = parse(html);
    let svgs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.w3.org/2000/svg", "svg")))
        .filter(|n| n.attribute("aria-labelledby").is_some())
        .collect();
    assert_eq!(svgs.len(), 1, "one chart per figure");
    let svg = svgs[0];
    let id = svg.attribute("id").unwrap();
    let child = |tag: &str| {
        svg.children()
            .find(|c| c.tag_name().name() == tag)
            .unwrap_or_else(|| panic!("no <{tag}>"))
    };
    assert_eq!(
        child("title").attribute("id"),
        Some(&*format!("{id}-title"))
    );
    assert_eq!(child("desc").attribute("id"), Some(&*format!("{id}-desc")));
    assert!(!child("title").text().unwrap_or("").is_empty());
    assert!(matches!(svg.attribute("role"), Some("img") | Some("group")));
    assert!(!html.contains("<script"), "unescaped markup: {html}");
}

fn event_on(base: &EventRef, n: usize, start: &str, status: EventStatus) -> EventRef {
    let mut e = base.clone();
    e.id = format!("ev{n}");
    e.title = format!("Talks <script>alert({n})</script> & \"more\"");
    e.status = status;
    e.date = Some(DateView {
        value: start.to_string(),
        label: start.to_string(),
        datetime: Some(start.to_string()),
        precision: Some(Granularity::Day),
        basis: None,
        basis_key: None,
        on_or_before: false,
        start: Some(start.to_string()),
    });
    e
}

#[test]
fn month_index_reads_months_and_refuses_the_rest() {
    assert_eq!(month_index("2024-06-03"), Some(2024 * 12 + 5));
    assert_eq!(month_index("2024-06"), Some(2024 * 12 + 5));
    assert_eq!(month_index("2024"), None);
    assert_eq!(month_index("2024-13"), None);
    assert_eq!(month_index("2024-W36"), None);
    assert_eq!(month_index("Ж"), None);
}

#[test]
fn axis_steps_up_to_stay_bounded() {
    let m = |y: i32, mo: i32| y * 12 + mo - 1;
    let a = Axis::new(m(2023, 12), m(2024, 3));
    assert_eq!(a.step, Step::Month);
    assert_eq!(a.starts.len(), 4);
    assert_eq!(a.long(0), "December 2023");
    // Only the opening year of the new year is labelled, not both.
    assert_eq!(a.year_label(0), None);
    assert_eq!(a.year_label(1), Some(2024));
    let a = Axis::new(m(2019, 1), m(2024, 12));
    assert_eq!(a.step, Step::Quarter);
    assert_eq!(a.starts.len(), 24);
    assert_eq!(a.long(23), "Q4 2024");
    let a = Axis::new(m(1950, 1), m(2024, 12));
    assert_eq!(a.step, Step::Decade);
    assert!(a.starts.len() <= MAX_BINS);
    assert_eq!(a.column(m(1961, 7)), Some(1));
}

#[test]
fn timeline_is_well_formed_escaped_and_deterministic() {
    let s = site();
    let base = s.events[0].info.clone();
    let events = vec![
        event_on(&base, 1, "2024-03-04", EventStatus::Reported),
        event_on(&base, 2, "2024-04-01", EventStatus::Planned),
        event_on(&base, 3, "1961-07-06", EventStatus::Background),
    ];
    let html = event_timeline(&events, "t");
    check_svg(&html);
    assert_eq!(html, event_timeline(&events, "t"));
    assert!(html.contains("Talks &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"));
    // The 1961 event is outside the 24-month window and said to be.
    assert!(html.contains("1 earlier event not shown"), "{html}");
    // The text alternative has a row per month with events.
    assert!(html.contains("<th scope=\"row\">March 2024</th><td>1</td>"));
    assert!(html.contains("<th scope=\"row\">April 2024</th><td>1</td>"));
    assert!(
        html.contains("stroke-dasharray=\"3 2\""),
        "planned drawn dashed"
    );
}

#[test]
fn timeline_stays_bounded_for_a_huge_corpus() {
    let s = site();
    let base = s.events[0].info.clone();
    let events: Vec<EventRef> = (0..10_000)
        .map(|i| {
            let day = format!("{}-{:02}-{:02}", 2015 + i % 10, 1 + i % 12, 1 + i % 28);
            event_on(&base, i, &day, EventStatus::Reported)
        })
        .collect();
    let html = event_timeline(&events, "t");
    check_svg(&html);
    let markers = html.matches("<path d=").count();
    assert!(
        markers <= TIMELINE_MONTHS as usize * MAX_STACK + 6,
        "{markers}"
    );
    assert!(html.len() < 200_000, "{} bytes", html.len());
    let bars = events_by_month(&events, "b");
    check_svg(&bars);
    assert!(bars.matches("<rect x=").count() <= MAX_BINS * 3 + 3);
}

#[test]
fn events_without_a_month_are_counted_not_drawn() {
    let s = site();
    let base = s.events[0].info.clone();
    let mut year_only = event_on(&base, 1, "2024-01-01", EventStatus::Reported);
    if let Some(d) = year_only.date.as_mut() {
        d.precision = Some(Granularity::Year);
    }
    let mut undated = base.clone();
    undated.date = None;
    assert_eq!(
        event_timeline(&[year_only.clone(), undated.clone()], "t"),
        ""
    );
    let with_one = [
        year_only,
        undated,
        event_on(&base, 2, "2024-02-02", EventStatus::Reported),
    ];
    let html = events_by_month(&with_one, "b");
    check_svg(&html);
    assert!(html.contains("2 events without a known month not counted"));
}

#[test]
fn person_charts_link_relative_and_cap_the_network() {
    let s = site();
    let petrov = s.actors.iter().find(|a| a.id == "ivan-petrov").unwrap();
    let pages: BTreeMap<&str, &ActorPage> = s.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let net = person_network(petrov, &pages, "../", "n");
    check_svg(&net);
    assert!(net.contains("href=\"../people/lena-varga.html\""), "{net}");
    let activity = person_activity(petrov, "a");
    check_svg(&activity);
    assert!(activity.contains("March 2024"));

    let mut busy = petrov.clone();
    busy.name = "Ivan <b>Petrov</b>".to_string();
    busy.met = (0..30)
        .map(|i| ActorRef {
            id: format!("p{i}"),
            name: format!("Person number {i} with a very long name indeed"),
            kind: crate::corpus::ActorKind::Person,
            url: format!("people/p{i}.html"),
            count: 30 - i,
        })
        .collect();
    let net = person_network(&busy, &pages, "../", "n");
    check_svg(&net);
    assert_eq!(net.matches("<a href=").count(), MAX_NETWORK_NODES);
    assert!(net.contains("18 more are listed"));
    assert!(net.contains("Ivan &lt;b&gt;Petrov&lt;/b&gt;"));
    assert!(net.contains("…"), "long labels are cut");
    assert_eq!(net, person_network(&busy, &pages, "../", "n"));
}

#[test]
fn charts_scale_by_their_viewbox_and_write_their_numbers() {
    let s = site();
    let base = s.events[0].info.clone();
    // Forty months with one to three events each: more columns than fit a
    // phone, every count written over its column.
    let events: Vec<EventRef> = (0..80)
        .map(|i| {
            let month = i / 2;
            let day = format!("{}-{:02}-01", 2020 + month / 12, 1 + month % 12);
            event_on(&base, i, &day, EventStatus::Reported)
        })
        .collect();
    let bars = events_by_month(&events, "b");
    check_svg(&bars);
    let doc = parse(&bars);
    let svg = doc
        .descendants()
        .find(|n| n.has_tag_name(("http://www.w3.org/2000/svg", "svg")))
        .unwrap();
    let width: f64 = svg.attribute("width").unwrap().parse().unwrap();
    let view_box = svg.attribute("viewBox").unwrap();
    assert_eq!(
        view_box.split(' ').nth(2).unwrap().parse::<f64>().unwrap(),
        width
    );
    let style = svg.attribute("style").unwrap();
    let min: f64 = style
        .trim_start_matches("min-width: ")
        .trim_end_matches("px")
        .parse()
        .unwrap();
    assert!(min < width && min >= width * 0.7, "{style} for {width}");
    // Forty columns, each with its total written as text.
    let totals = svg
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.w3.org/2000/svg", "text")))
        .filter(|n| n.text() == Some("2") && n.attribute("font-size") == Some("10"))
        .count();
    assert_eq!(totals, 40, "{bars}");
    let timeline = event_timeline(&events, "t");
    assert!(timeline.contains(">2</text>"), "counts over the stacks");
}
