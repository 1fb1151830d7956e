//! The one- or two-sentence descriptions pages carry in `<meta
//! name="description">` and Open Graph, written from the page's data.

use crate::briefing::{ActorPage, Site};

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A list of names for a sentence: "A, B and C" (at most `max`, then "…").
pub(super) fn names<'a>(list: impl Iterator<Item = &'a str>, max: usize) -> String {
    let all: Vec<&str> = list.collect();
    let shown: Vec<&str> = all.iter().copied().take(max).collect();
    match shown.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] if all.len() <= max => format!("{} and {last}", init.join(", ")),
        _ => format!("{} and others", shown.join(", ")),
    }
}

pub(super) fn describe_home(site: &Site) -> String {
    let c = &site.home.counts;
    let counts = format!(
        "Briefing from {}, {} and {}.",
        plural(c.articles, "article", "articles"),
        plural(c.events, "event", "events"),
        plural(c.people, "person", "people")
    );
    if site.description.trim().is_empty() {
        counts
    } else {
        format!("{} {counts}", site.description.trim())
    }
}

pub(super) fn describe_article(a: &crate::briefing::ArticlePage, text: &str) -> String {
    let mut d = String::new();
    if let Some(outlet) = &a.info.outlet {
        d.push_str(outlet);
    }
    if let Some(label) = &a.info.published_label {
        if !d.is_empty() {
            d.push_str(", ");
        }
        d.push_str(label);
    }
    if !d.is_empty() {
        d.push_str(": ");
    }
    let body = text
        .trim_start()
        .strip_prefix(a.info.title.trim())
        .unwrap_or(text);
    let flat: Vec<&str> = body.split_whitespace().collect();
    let mut snippet = String::new();
    for w in flat {
        if snippet.chars().count() + w.chars().count() > 160 {
            snippet.push('…');
            break;
        }
        if !snippet.is_empty() {
            snippet.push(' ');
        }
        snippet.push_str(w);
    }
    if snippet.is_empty() {
        d.push_str(&a.info.title);
    } else {
        d.push_str(&snippet);
    }
    d
}

pub(super) fn describe_actor(a: &ActorPage) -> String {
    let mut d = format!("{} ({})", a.name, a.kind_label.to_lowercase());
    if let Some(c) = &a.country {
        d.push_str(", ");
        d.push_str(&c.name);
    }
    d.push_str(&format!(
        ": {} in {}, {}.",
        plural(a.mentions, "mention", "mentions"),
        plural(a.articles.len(), "article", "articles"),
        plural(a.events.len() + a.events_here.len(), "event", "events")
    ));
    if !a.met.is_empty() {
        d.push_str(&format!(
            " Met {}.",
            names(a.met.iter().map(|p| p.name.as_str()), 3)
        ));
    }
    d
}

pub(super) fn describe_event(e: &crate::briefing::EventPage) -> String {
    let mut d = e.info.kind_label.clone();
    if let Some(date) = &e.info.date {
        d.push_str(", ");
        d.push_str(&date.label);
    }
    if let Some(place) = &e.place {
        d.push_str(", ");
        d.push_str(&place.name);
    }
    d.push_str(": ");
    d.push_str(&e.info.title);
    if !e.participants.is_empty() {
        d.push_str(&format!(
            ", with {}",
            names(e.participants.iter().map(|p| p.name.as_str()), 4)
        ));
    }
    d.push_str(&format!(
        ". {}.",
        plural(e.sources.len(), "source", "sources")
    ));
    d
}
