//! Unit tests over a hand-built analysis: two short articles of our own
//! writing, three actors and two events.

use super::*;
use crate::config::SiteConfig;
use crate::corpus::sample::sample_analysis;

#[test]
fn article_body_is_escaped_and_annotated() {
    let site = build(&sample_analysis());
    let a1 = &site.articles[0];
    let body = &a1.body;
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{body}"
    );
    assert!(!body.contains("<script>"));
    assert!(body.contains(
        "<a class=\"mention mention-person\" href=\"../people/ivan-petrov.html\" title=\"Ivan Petrov\">Ivan Petrov</a>"
    ));
    assert!(body.contains(
        "<time class=\"timex\" datetime=\"2024-03-04\" title=\"2024-03-04\">Monday</time>"
    ));
    assert!(body.contains(
        "<span class=\"timex\" data-value=\"1950/1953\" title=\"1950/1953\">1950/1953</span>"
    ));
    assert_eq!(
        body.matches("<p>").count(),
        2,
        "the title paragraph is not repeated"
    );
}

#[test]
fn person_page_collects_spellings_roles_quotes_and_events() {
    let site = build(&sample_analysis());
    let petrov = site.actors.iter().find(|a| a.id == "ivan-petrov").unwrap();
    assert_eq!(petrov.url, "people/ivan-petrov.html");
    assert_eq!(petrov.mentions, 2);
    let spellings: Vec<(&str, usize)> = petrov
        .spellings
        .iter()
        .map(|s| (s.text.as_str(), s.count))
        .collect();
    assert_eq!(spellings, vec![("Ivan Petrov", 1), ("Petrov", 1)]);
    assert_eq!(
        petrov.roles[0].of.as_ref().unwrap().url,
        "places/belarus.html"
    );
    assert_eq!(petrov.reported_roles[0].title, "Defence Minister");
    assert_eq!(petrov.quotes[0].article.id, "a1");
    assert_eq!(petrov.events.len(), 1);
    assert_eq!(petrov.met[0].id, "lena-varga");
    assert_eq!(petrov.mentioned_with[0].id, "lena-varga");
    let minsk = site.actors.iter().find(|a| a.id == "minsk").unwrap();
    assert_eq!(minsk.url, "places/minsk.html");
    assert_eq!(minsk.events_here.len(), 2);
}

#[test]
fn events_are_in_timeline_order_with_neighbours_and_relations() {
    let site = build(&sample_analysis());
    let ids: Vec<&str> = site.events.iter().map(|e| e.info.id.as_str()).collect();
    assert_eq!(ids, vec!["e1", "e2"]);
    assert!(site.events[0].previous.is_none());
    assert_eq!(site.events[0].next.as_ref().unwrap().id, "e2");
    assert_eq!(site.events[0].related[0].id, "e2");
    assert_eq!(site.timeline.years.len(), 1);
    let months: Vec<&str> = site.timeline.years[0]
        .months
        .iter()
        .map(|m| m.key.as_str())
        .collect();
    assert_eq!(months, vec!["2024-03", "2024-04"]);
}

#[test]
fn home_covers_the_period_and_the_news() {
    let site = build(&sample_analysis());
    let home = &site.home;
    assert_eq!(home.period_start.as_ref().unwrap().value, "2024-03-04");
    assert_eq!(home.period_end.as_ref().unwrap().value, "2024-03-10");
    assert_eq!(home.key_events.len(), 1, "planned events are not key news");
    assert_eq!(home.upcoming.len(), 1);
    assert_eq!(home.latest_articles[0].id, "a2");
    assert!(home.latest_articles[0].published_inferred);
    assert_eq!(home.key_people[0].id, "lena-varga");
}

#[test]
fn outlets_group_articles_with_anchors() {
    let site = build(&sample_analysis());
    let anchors: Vec<&str> = site.outlets.iter().map(|o| o.anchor.as_str()).collect();
    assert_eq!(anchors, vec!["outlet-daily-ledger", "outlet-evening-post"]);
    assert_eq!(site.articles[0].outlet_anchor, "outlet-daily-ledger");
}

#[test]
fn export_has_the_documented_shape() {
    let site = build(&sample_analysis());
    let json = serde_json::to_value(&site.export).unwrap();
    let a = &json["articles"][0];
    for key in [
        "id",
        "title",
        "outlet",
        "published",
        "source_path",
        "url",
        "text",
    ] {
        assert!(a.get(key).is_some(), "article.{key}");
    }
    assert_eq!(a["timexes"][0]["value"], "2024-03-04");
    assert_eq!(a["mentions"][0]["actor"], "ivan-petrov");
    let text = a["text"].as_str().unwrap();
    let m = &a["mentions"][0];
    let (s, e) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Ivan Petrov");
    assert_eq!(json["actors"][0]["url"], "places/belarus.html");
    assert_eq!(json["events"][1]["date"], "2024-03-04");
    assert_eq!(json["events"][1]["sources"][0]["article"], "a1");
}

#[test]
fn unsafe_ids_make_safe_file_names() {
    assert_eq!(article_url("../x y"), "articles/---x-y.html");
    assert_eq!(slug("NK News (repost)"), "nk-news-repost");
    assert_eq!(slug("—"), "x");
}

#[test]
fn note_links_point_at_their_pages() {
    let analysis = sample_analysis();
    let targets = crate::notes::Targets::of_analysis(&analysis);
    let (n, _) = crate::notes::parse(
        "content/notes/n.md",
        "---\ntitle: T\nperiod: 2024-03\n---\nSee [[actor:ivan-petrov]] and [[event:e1|the Minsk meeting]],\nas [[article:a1]] reported.\n",
        &SiteConfig::default(),
        &targets,
    )
    .unwrap();
    let md = note_markdown(&n, &analysis.registry, "../");
    assert!(
        md.contains("[Ivan Petrov](<../people/ivan-petrov.html>)"),
        "{md}"
    );
    assert!(md.contains("(<../events/e1.html>)"), "{md}");
    assert!(md.contains("(<../articles/a1.html>)"), "{md}");
    // The plain text does not depend on where the page is.
    assert_eq!(
        crate::markup::markdown::plain_text(&note_markdown(&n, &analysis.registry, "")),
        crate::markup::markdown::plain_text(&md)
    );
}
