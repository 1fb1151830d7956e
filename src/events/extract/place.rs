//! Place: where an event happened — a locative place mention of its
//! clause, else the paragraph's or the article's last place or the visit the
//! article is about — never the dateline, which says where the outlet filed.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{tail, Context, Site, CLAUSE_BREAK, CLOSED_RELATIVE};
use crate::corpus::EventKind;
use crate::corpus::{ActorKind, Mention};

/// A locative right before a place mention.
static LOCATIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(in|at|near|outside|to|into|inside|visited|visits|visit|visiting|toured|tours|touring)\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+){0,2}(?:city|town|port|region|village|capital|province|area|resort)\s+(?:of\s+)?(?:the\s+)?)?$")
        .expect("valid regex")
});

/// "Pyongyang hosted a reception": a city as the host is where it happened.
static HOST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:hosted|hosts|welcomed|received)\b").expect("valid regex")
});

static PLACE_AS_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:summit|talks|declaration|treaty|agreement|accords?|process|format|communiqu[eé]|statement|meeting)s?\b")
        .expect("valid regex")
});

/// The place and its relation ("in", "at", "near" …) of the trigger's event.
/// With no place in its own clause, an event is where the article's last
/// event of one of its participants was (`carried`: "Shoigu arrived in
/// Pyongyang on Tuesday. … On Wednesday he met Kim"), else where the visit
/// the article is about went — never at a place another sentence names for
/// something else ("… near Scarborough Shoal. … Nakatani inspected …").
pub(super) fn place_of(
    ctx: &Context,
    site: &Site,
    carried: Option<(String, String)>,
    participants: &[String],
) -> (Option<String>, Option<String>) {
    let Site {
        text,
        sentence,
        range,
        trigger,
        before,
        places,
        ..
    } = *site;
    // A call or a letter joins two places; it happens in neither.
    if matches!(trigger.kind, EventKind::PhoneCall | EventKind::Message) {
        return (None, None);
    }
    // Only the places of the trigger's own clause: "met Kim on Wednesday,
    // weeks after troops fought near Kursk" did not happen near Kursk.
    let own: Vec<(usize, String, Option<String>, Range<usize>)> = places
        .iter()
        .filter(|p| {
            let between = if p.3.start >= range.end {
                text.get(range.end..p.3.start)
            } else {
                text.get(p.3.end..range.start)
            }
            .unwrap_or("");
            !CLAUSE_BREAK.is_match(&CLOSED_RELATIVE.replace_all(between, ","))
        })
        .cloned()
        .collect();
    // The visit the article is about is the place of its own people only.
    let visitor =
        ctx.visit_people.is_empty() || participants.iter().any(|p| ctx.visit_people.contains(p));
    choose_place(&own, range.clone(), trigger.kind)
        .or_else(|| where_antecedent(sentence.start, before, places))
        .or(carried)
        .or_else(|| {
            ctx.visit_place
                .clone()
                .filter(|_| visitor)
                .map(|p| (p, "in".to_string()))
        })
        .map(|(p, r)| (Some(p), Some(r)))
        .unwrap_or((None, None))
}

/// "attended the summit in Saint Petersburg in July 2023, where he met
/// Putin": a where-clause happens at the place it hangs on, the last place
/// after a locative before ", where".
fn where_antecedent(
    sentence_start: usize,
    before: &str,
    places: &[(usize, String, Option<String>, Range<usize>)],
) -> Option<(String, String)> {
    let at = WHERE_CLAUSE.find_iter(before).last()?;
    // The trigger must be in that where-clause, not after a later break.
    let rest = before.get(at.end()..).unwrap_or("");
    if CLAUSE_BREAK.is_match(rest) {
        return None;
    }
    let limit = sentence_start + at.start();
    places
        .iter()
        .filter(|p| p.2.is_some() && p.3.end <= limit)
        .min_by_key(|p| (p.0, std::cmp::Reverse(p.3.end)))
        .map(|p| (p.1.clone(), "in".to_string()))
}

static WHERE_CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),\s*where\b").expect("valid regex"));

/// The place of an event in its own sentence: a locative place mention,
/// nearest after the trigger, else nearest before; cities and venues beat
/// countries ("in Vladivostok" over "in Russia").
fn choose_place(
    places: &[(usize, String, Option<String>, Range<usize>)],
    trigger: Range<usize>,
    kind: EventKind,
) -> Option<(String, String)> {
    let usable: Vec<&(usize, String, Option<String>, Range<usize>)> = places
        .iter()
        .filter(|p| match p.2.as_deref() {
            Some(
                "to" | "into" | "visited" | "visits" | "visit" | "visiting" | "toured" | "tours"
                | "touring",
            ) => kind.family() == EventKind::Visit.family(),
            Some(_) => true,
            None => false,
        })
        .collect();
    // "Choe visited Moscow and met Lavrov": with no place of its own, an
    // event happens where the sentence's visit went.
    let usable = if usable.is_empty() {
        places
            .iter()
            .filter(|p| p.2.is_some() && p.3.end <= trigger.start)
            .collect()
    } else {
        usable
    };
    let best_rank = usable.iter().map(|p| p.0).min()?;
    let ranked: Vec<_> = usable.into_iter().filter(|p| p.0 == best_rank).collect();
    let pick = ranked
        .iter()
        .find(|p| p.3.start >= trigger.end)
        .or_else(|| ranked.iter().rev().find(|p| p.3.end <= trigger.start))?;
    let relation = match pick.2.as_deref() {
        // A visit's destination, borrowed by another event of the sentence.
        Some(r) if kind.family() != EventKind::Visit.family() && r.starts_with("visit") => "in",
        Some(r) if kind.family() != EventKind::Visit.family() && r.starts_with("tour") => "in",
        Some("to" | "into") if kind.family() != EventKind::Visit.family() => "in",
        Some("at") => "at",
        Some("near") => "near",
        Some("outside") => "outside",
        Some(r) => r,
        None => "in",
    };
    Some((pick.1.clone(), relation.to_lowercase()))
}

/// Seats of government and guest houses a text names instead of the city
/// ("held talks at the Kremlin"): the venue and the city it is in. The city
/// is the knowledge base's place of that name, when it has one.
const VENUES: &[(&str, &str)] = &[
    ("Kremlin", "Moscow"),
    ("Great Hall of the People", "Beijing"),
    ("Zhongnanhai", "Beijing"),
    ("Diaoyutai State Guesthouse", "Beijing"),
    ("White House", "Washington"),
    ("Elysee Palace", "Paris"),
    ("Élysée Palace", "Paris"),
    ("Downing Street", "London"),
    ("Kumsusan State Guest House", "Pyongyang"),
    ("Kumsusan Palace of the Sun", "Pyongyang"),
    ("Blue House", "Seoul"),
    ("Kantei", "Tokyo"),
    ("Saadabad Palace", "Tehran"),
    ("Bellevue Palace", "Berlin"),
    ("Chancellery in Berlin", "Berlin"),
];

static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<String> = VENUES.iter().map(|(v, _)| regex::escape(v)).collect();
    Regex::new(&format!(r"\b(?:{})\b", names.join("|"))).expect("valid regex")
});

impl Context<'_> {
    /// Venues named after a locative ("at the Kremlin"), as the city they
    /// are in: (rank, id, locative word, span) like [`Self::places_in`].
    pub(super) fn venues_in(
        &self,
        text: &str,
        sentence: Range<usize>,
    ) -> Vec<(usize, String, Option<String>, Range<usize>)> {
        let Some(body) = text.get(sentence.clone()) else {
            return Vec::new();
        };
        VENUE
            .find_iter(body)
            .filter_map(|m| {
                let city = VENUES.iter().find(|(v, _)| *v == m.as_str())?.1;
                let start = sentence.start + m.start();
                let before = tail(text.get(..start).unwrap_or(""), 50);
                // "at the Kremlin" is in Moscow.
                LOCATIVE_BEFORE.captures(before)?;
                let id = self.place_named(city)?;
                Some((
                    0,
                    id,
                    Some("in".to_string()),
                    start..sentence.start + m.end(),
                ))
            })
            .collect()
    }

    /// The knowledge base's place called `name`.
    fn place_named(&self, name: &str) -> Option<String> {
        self.registry
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Place)
            .find(|a| a.name == name || a.aliases.iter().any(|al| al == name))
            .map(|a| a.id.clone())
    }

    /// Place and country mentions of a sentence: (rank, id, locative word,
    /// span). Rank 0 for places, 1 for countries. A place is usable when a
    /// locative introduces it or it hosts ("Pyongyang hosted").
    pub(super) fn places_in(
        &self,
        text: &str,
        mentions: &[&Mention],
    ) -> Vec<(usize, String, Option<String>, Range<usize>)> {
        mentions
            .iter()
            .filter_map(|m| {
                let rank = match self.kind(&m.actor)? {
                    ActorKind::Place => 0,
                    ActorKind::Country => 1,
                    _ => return None,
                };
                // "Russia's armed forces", "Russian-North Korean ties":
                // adjectives and possessives are not places.
                let after = text.get(m.end..).unwrap_or("");
                if after.starts_with("'s") || after.starts_with("’s") || after.starts_with('-') {
                    return None;
                }
                // "the agreements reached at the Pyongyang summit": a place
                // naming an event or a document is not where anything is.
                if PLACE_AS_MODIFIER.is_match(after) {
                    return None;
                }
                let before = tail(text.get(..m.start).unwrap_or(""), 50);
                let locative = LOCATIVE_BEFORE
                    .captures(before)
                    .and_then(|c| c.get(1))
                    .map(|g| g.as_str().to_lowercase())
                    .or_else(|| HOST_AFTER.is_match(after).then(|| "in".to_string()));
                Some((rank, m.actor.clone(), locative, m.start..m.end))
            })
            .collect()
    }
}
