//! Event titles built from the structured fields, in a house style a reader
//! of a briefing expects: "Goremykin meets No Kwang Chol in Pyongyang".
//!
//! House style for names: Korean and Vietnamese names are given in full (the
//! surname alone, "Kim", is ambiguous), Chinese ones by the family name that
//! leads them ("Li"), Malay and Indonesian ones by the personal name
//! ("Anwar", "Prabowo"), everyone else by surname ("Shoigu", "Putin").
//! Organizations and places keep their display names.

use crate::corpus::{ActorKind, Registry};
use crate::corpus::{EventKind, EventStatus};

/// What a title is built from.
pub struct TitleParts<'a> {
    pub kind: EventKind,
    pub status: EventStatus,
    pub participants: &'a [String],
    pub delegation: Option<&'a str>,
    pub object: Option<&'a str>,
    pub place: Option<&'a str>,
    pub place_relation: Option<&'a str>,
}

/// The name used for an actor in titles.
pub fn short_name(id: &str, registry: &Registry) -> String {
    let Some(actor) = registry.get(id) else {
        return humanize_id(id);
    };
    if actor.kind != ActorKind::Person {
        return actor.name.clone();
    }
    // Korean and Vietnamese names keep all their parts (house style: "No
    // Kwang Chol", not "Chol"); Chinese ones go by the family name that
    // leads them ("Li Qiang" → "Li"), Malay, Indonesian, Ethiopian,
    // Eritrean and Icelandic ones by the personal name ("Anwar Ibrahim" →
    // "Anwar", "Abiy Ahmed" → "Abiy": the rest is a patronymic). The person's country
    // decides; the name's own shape decides for people the knowledge base
    // has no country for.
    let country = actor.country.as_deref().map(|c| {
        registry
            .get(c)
            .map(|country| country.name.clone())
            .unwrap_or_else(|| c.to_string())
    });
    let order = match &country {
        Some(c) => name_order(c),
        None if crate::lang::names::person_key(&actor.name).is_some_and(|k| k.korean) => {
            NameOrder::Full
        }
        None => NameOrder::LastWord,
    };
    match order {
        NameOrder::Full => return actor.name.clone(),
        NameOrder::FirstWord => {
            if let Some(first) = actor.name.split_whitespace().next() {
                return first.to_string();
            }
        }
        NameOrder::LastWord => {}
    }
    actor
        .name
        .split_whitespace()
        .last()
        .map(str::to_string)
        .unwrap_or_else(|| actor.name.clone())
}

enum NameOrder {
    Full,
    FirstWord,
    LastWord,
}

/// How headlines shorten the names of a country's people.
fn name_order(country: &str) -> NameOrder {
    if country.to_lowercase().contains("korea") || country == "dprk" {
        return NameOrder::Full;
    }
    match country {
        "China" | "Taiwan" | "Hong Kong" | "Macau" | "Macao" | "Cambodia" | "Malaysia"
        | "Indonesia" | "Ethiopia" | "Eritrea" | "Iceland" => NameOrder::FirstWord,
        "Vietnam" | "Viet Nam" | "Myanmar" | "Burma" => NameOrder::Full,
        _ => NameOrder::LastWord,
    }
}

fn humanize_id(id: &str) -> String {
    id.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn join(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn strip_article(s: &str) -> &str {
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = s.strip_prefix(a) {
            return rest;
        }
    }
    s
}

/// Builds the title of an event.
pub fn title(parts: &TitleParts<'_>, registry: &Registry) -> String {
    // Countries stand for delegations; drop one when a person from that
    // country is already named.
    let mut names: Vec<String> = Vec::new();
    let mut persons = 0;
    for id in parts.participants {
        let actor = registry.get(id);
        let is_country = actor.is_some_and(|a| a.kind == ActorKind::Country);
        if is_country {
            let has_member = parts.participants.iter().any(|p| {
                registry.get(p).is_some_and(|a| {
                    a.kind == ActorKind::Person && a.country.as_deref() == Some(id)
                })
            });
            if has_member {
                continue;
            }
            // States are parties to treaties themselves; elsewhere a country
            // named as a side is its delegation.
            let label = match (parts.delegation, parts.kind) {
                (Some(d), _) => d.to_string(),
                (None, EventKind::Signing | EventKind::Ratification) => short_name(id, registry),
                (None, _) => format!("{} delegation", short_name(id, registry)),
            };
            if !names.contains(&label) {
                names.push(label);
            }
        } else {
            if actor.is_none_or(|a| a.kind == ActorKind::Person) {
                persons += 1;
            }
            names.push(short_name(id, registry));
        }
    }
    if names.is_empty() {
        if let Some(d) = parts.delegation {
            names.push(d.to_string());
        }
    }
    let place = parts.place.map(|p| short_name(p, registry));
    // Only prepositions read in a headline ("in", "near"); a verb the text
    // put before the place ("visited Moscow") reads "in".
    let at_place = |rel_default: &str| -> String {
        let relation = match parts.place_relation {
            Some(r @ ("in" | "at" | "near" | "outside")) => r,
            _ => rel_default,
        };
        match &place {
            Some(p) => format!(" {relation} {p}"),
            None => String::new(),
        }
    };
    let object = parts.object.map(strip_article);
    let planned = parts.status == EventStatus::Planned;

    // One-sided events read best with the delegation as the subject when
    // the text named it so ("Russian delegation visits …").
    let one_sided_subject = || -> String {
        match parts.delegation {
            Some(d) if persons <= 1 => d.to_string(),
            _ => join(&names),
        }
    };
    let plural = |subject: &str| subject.contains(" and ") || subject.ends_with('s');
    let verb = |subject: &str, singular: &str, plural_form: &str| -> String {
        if planned {
            format!("to {plural_form}")
        } else if plural(subject) {
            plural_form.to_string()
        } else {
            singular.to_string()
        }
    };
    let first = names.first().cloned().unwrap_or_default();
    let rest = join(names.get(1..).unwrap_or(&[]));

    let title = match parts.kind {
        EventKind::Meeting if !rest.is_empty() => {
            format!(
                "{first} {} {rest}{}",
                verb(&first, "meets", "meet"),
                at_place("in")
            )
        }
        EventKind::Talks if !rest.is_empty() => format!(
            "{first} {} talks with {rest}{}",
            verb(&first, "holds", "hold"),
            at_place("in")
        ),
        EventKind::Meeting | EventKind::Talks | EventKind::Summit => {
            let all = join(&names);
            let noun = match parts.kind {
                EventKind::Talks => "talks",
                EventKind::Summit => "summit",
                _ => "meeting",
            };
            format!(
                "{all} {} {noun}{}",
                verb(&all, "holds", "hold"),
                at_place("in")
            )
        }
        EventKind::Visit | EventKind::PlannedVisit => {
            let subject = one_sided_subject();
            let v = verb(&subject, "visits", "visit");
            match (object, &place) {
                (Some(o), _) => format!("{subject} {v} {o}"),
                (None, Some(p)) => format!("{subject} {v} {p}"),
                (None, None) => {
                    format!("{subject} {}", verb(&subject, "makes visit", "make visit"))
                }
            }
        }
        EventKind::Reception | EventKind::Banquet => {
            let noun = match (parts.kind, object) {
                (EventKind::Banquet, Some(o)) => o.to_lowercase(),
                (EventKind::Banquet, None) => "banquet".to_string(),
                _ => "reception".to_string(),
            };
            if rest.is_empty() {
                format!(
                    "{first} {} {noun}{}",
                    verb(&first, "attends", "attend"),
                    at_place("in")
                )
            } else {
                format!(
                    "{first} {} {noun} for {rest}{}",
                    verb(&first, "hosts", "host"),
                    at_place("in")
                )
            }
        }
        EventKind::Signing => {
            let all = join(&names);
            let o = object.unwrap_or("agreement");
            format!("{all} {} {o}", verb(&all, "signs", "sign"))
        }
        EventKind::Ratification => {
            let all = join(&names);
            let o = object.unwrap_or("agreement");
            format!("{all} {} {o}", verb(&all, "ratifies", "ratify"))
        }
        EventKind::Inspection => {
            let subject = one_sided_subject();
            let o = object.unwrap_or("facilities");
            format!(
                "{subject} {} {o}{}",
                verb(&subject, "inspects", "inspect"),
                at_place("in")
            )
        }
        EventKind::WreathLaying => {
            let subject = one_sided_subject();
            let v = verb(&subject, "lays", "lay");
            match object {
                Some(o) => format!("{subject} {v} flowers at {o}"),
                None => format!("{subject} {v} flowers{}", at_place("in")),
            }
        }
        EventKind::Ceremony => {
            let subject = one_sided_subject();
            format!(
                "{subject} {} ceremony{}",
                verb(&subject, "attends", "attend"),
                at_place("in")
            )
        }
        EventKind::PhoneCall if !rest.is_empty() => {
            format!(
                "{first} {} {rest} by phone",
                verb(&first, "speaks with", "speak with")
            )
        }
        EventKind::PhoneCall => {
            let all = join(&names);
            format!("{all} {} by phone", verb(&all, "speaks", "speak"))
        }
        EventKind::Message if !rest.is_empty() => {
            format!(
                "{first} {} message to {rest}",
                verb(&first, "sends", "send")
            )
        }
        EventKind::Message => {
            let all = join(&names);
            format!("{all} {} message", verb(&all, "sends", "send"))
        }
    };
    // A denied or cancelled event keeps its headline, marked as not held.
    if parts.status == EventStatus::NotHappened {
        return format!("{} (did not take place)", capitalize(title.trim()));
    }
    capitalize(title.trim())
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
