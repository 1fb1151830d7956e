//! Briefing pages over the hand-built sample analysis: bucketing by event
//! and publication date, late reports, first appearances, plans, notes.

use super::*;
use crate::config::Period;
use crate::corpus::sample::{article, day, event, mention, sample_analysis};
use crate::corpus::Granularity;

fn page<'a>(pages: &'a [BriefingPage], id: &str) -> &'a BriefingPage {
    pages
        .iter()
        .find(|p| p.info.id == id)
        .unwrap_or_else(|| panic!("no briefing {id}"))
}

fn ids(pages: &[BriefingPage]) -> Vec<&str> {
    pages.iter().map(|p| p.info.id.as_str()).collect()
}

fn build_sorted(analysis: &Analysis) -> Vec<BriefingPage> {
    let mut ordered: Vec<&Event> = analysis.events.iter().collect();
    ordered.sort_by(|a, b| timeline_key(a).cmp(&timeline_key(b)));
    build(analysis, &ordered)
}

#[test]
fn events_and_articles_make_monthly_briefings_linked_in_order() {
    let analysis = sample_analysis();
    let pages = build_sorted(&analysis);
    // e1 (4 March) and both articles fall in March; the planned April visit
    // makes no briefing of its own.
    assert_eq!(ids(&pages), ["2024-03"]);
    let march = page(&pages, "2024-03");
    assert_eq!(march.info.label, "March 2024");
    assert_eq!(march.url, "briefings/2024-03.html");
    let events: Vec<&str> = march.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(events, ["e1"]);
    assert_eq!(march.reported.len(), 2);
    assert_eq!(march.reported[0].article.id, "a1", "oldest first");
    // The plan was reported on 10 March and is dated April: coming up.
    let upcoming: Vec<&str> = march.upcoming.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(upcoming, ["e2"]);
    assert!(march.previous.is_none() && march.next.is_none());
}

#[test]
fn weekly_briefings_split_the_month_and_link_previous_and_next() {
    let mut analysis = sample_analysis();
    analysis.config.period = Period::Week;
    let pages = build_sorted(&analysis);
    // 4 and 5 March 2024 are in week 10, 10 March (a Sunday) too; the
    // April plan makes no week.
    assert_eq!(ids(&pages), ["2024-W10"]);
    analysis.articles[1].published = Some(day("2024-03-11"));
    let pages = build_sorted(&analysis);
    assert_eq!(ids(&pages), ["2024-W10", "2024-W11"]);
    let w10 = page(&pages, "2024-W10");
    let w11 = page(&pages, "2024-W11");
    assert_eq!(w10.info.label, "Week 10, 2024 (4–10 Mar)");
    assert_eq!(
        w10.next.as_ref().map(|l| l.url.as_str()),
        Some(w11.url.as_str())
    );
    assert_eq!(
        w11.previous.as_ref().map(|l| l.label.as_str()),
        Some("Week 10, 2024 (4–10 Mar)")
    );
    assert!(w11.events.is_empty());
    assert!(w11.info.summary.starts_with("No events dated in this week"));
}

#[test]
fn a_late_report_of_an_old_event_is_new_in_its_publication_period() {
    let mut analysis = sample_analysis();
    let text =
        "Officials confirmed on Tuesday that Ivan Petrov had met Lena Varga in Minsk last spring.";
    let mut late = crate::corpus::AnalysedArticle {
        article: article(
            "a3",
            "Old meeting confirmed",
            "Evening Post",
            "2025-01-14",
            text,
        ),
        published: Some(day("2025-01-14")),
        published_evidence: None,
        published_range: None,
        sentences: crate::lang::sentences(text),
        timexes: Vec::new(),
        actors: Default::default(),
    };
    late.actors.mentions = vec![mention(text, "Ivan Petrov", "ivan-petrov")];
    analysis.articles.push(late);
    if let Some(e1) = analysis.events.iter_mut().find(|e| e.id == "e1") {
        e1.sources.push(crate::corpus::EventSource {
            article: "a3".to_string(),
            sentence: "Ivan Petrov had met Lena Varga in Minsk.".to_string(),
            start: 0,
            end: 10,
        });
    }
    let pages = build_sorted(&analysis);
    assert_eq!(ids(&pages), ["2024-03", "2025-01"]);
    // The event stays in the month it happened …
    assert_eq!(page(&pages, "2024-03").events.len(), 1);
    // … and the late report shows up as news of January 2025, flagged.
    let jan = page(&pages, "2025-01");
    assert!(jan.events.is_empty());
    assert_eq!(jan.reported.len(), 1);
    assert!(jan.reported[0].late);
    assert!(jan.reported[0].events[0].late);
    assert_eq!(jan.info.late_reports, 1);
    assert!(
        jan.info.summary.contains("1 late report"),
        "{}",
        jan.info.summary
    );
    // The March report of the same event is not late.
    let march = page(&pages, "2024-03");
    assert!(march.reported.iter().all(|r| !r.late));
    // Petrov was already known: not new in 2025.
    assert!(jan.new_people.is_empty());
    // Planned for April 2024, it is no longer coming up in 2025.
    assert!(jan.upcoming.is_empty());
}

#[test]
fn people_are_new_only_in_the_period_they_are_first_named() {
    let mut analysis = sample_analysis();
    analysis.config.period = Period::Week;
    analysis.articles[1].published = Some(day("2024-03-11"));
    let pages = build_sorted(&analysis);
    let names = |id: &str| -> Vec<String> {
        page(&pages, id)
            .new_people
            .iter()
            .map(|p| p.id.clone())
            .collect()
    };
    // Both people are first named on 5 March; places are not people.
    assert_eq!(names("2024-W10"), ["ivan-petrov", "lena-varga"]);
    assert!(names("2024-W11").is_empty());
}

#[test]
fn the_most_active_people_list_whom_they_met() {
    let analysis = sample_analysis();
    let pages = build_sorted(&analysis);
    let march = page(&pages, "2024-03");
    let first = &march.active_people[0];
    assert_eq!(first.events, 1);
    let names: Vec<&str> = march
        .active_people
        .iter()
        .map(|p| p.person.id.as_str())
        .collect();
    assert!(names.contains(&"ivan-petrov") && names.contains(&"lena-varga"));
    let petrov = march
        .active_people
        .iter()
        .find(|p| p.person.id == "ivan-petrov")
        .unwrap();
    let met: Vec<&str> = petrov.counterparts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(met, ["lena-varga"]);
}

#[test]
fn events_coarser_than_the_period_belong_to_none() {
    let mut analysis = sample_analysis();
    analysis.config.period = Period::Week;
    let mut coarse = event(
        "e3",
        "Petrov tours the border",
        "2024-05-01",
        EventStatus::Reported,
        "a1",
    );
    if let Some(d) = coarse.date.as_mut() {
        d.value = "2024-05".to_string();
        d.granularity = Granularity::Month;
        d.interval.end = day("2024-05-31");
    }
    analysis.events.push(coarse);
    let pages = build_sorted(&analysis);
    assert_eq!(ids(&pages), ["2024-W10"]);
    analysis.config.period = Period::Quarter;
    let pages = build_sorted(&analysis);
    assert_eq!(ids(&pages), ["2024-Q1", "2024-Q2"]);
    assert_eq!(page(&pages, "2024-Q2").events[0].id, "e3");
}

#[test]
fn output_is_deterministic() {
    let analysis = sample_analysis();
    let a = serde_json::to_string(&build_sorted(&analysis)).unwrap();
    let b = serde_json::to_string(&build_sorted(&analysis)).unwrap();
    assert_eq!(a, b);
}
