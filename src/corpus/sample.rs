//! A small hand-built analysis (two articles, a few people, events and
//! time expressions) for the unit tests of the stages that read an
//! [`Analysis`]: the site model, notes, search.

use chrono::NaiveDate;

use super::*;
use crate::lang;

pub(crate) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) fn find(text: &str, needle: &str) -> (usize, usize) {
    let start = text.find(needle).unwrap();
    (start, start + needle.len())
}

pub(crate) fn mention(text: &str, needle: &str, actor: &str) -> Mention {
    let (start, end) = find(text, needle);
    Mention {
        start,
        end,
        text: needle.to_string(),
        actor: actor.to_string(),
        via: MentionVia::Name,
    }
}

pub(crate) fn timex(text: &str, needle: &str, value: &str) -> Timex {
    let (start, end) = find(text, needle);
    Timex {
        start,
        end,
        text: needle.to_string(),
        kind: TimexKind::Date,
        value: value.to_string(),
        granularity: None,
        modifier: None,
        interval: None,
        anchoring: Anchoring::Publication,
        future: false,
    }
}

pub(crate) fn article(id: &str, title: &str, outlet: &str, published: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        source_path: format!("content/articles/{id}.md"),
        format: SourceFormat::Raw,
        title: title.to_string(),
        published: Some(day(published)),
        outlet: Some(outlet.to_string()),
        url: Some(format!("https://example.org/{id}")),
        language: Some("en".to_string()),
        translated_from: None,
        tags: vec!["defence".to_string()],
        extra: Default::default(),
        dateline: None,
        original_source: None,
        text: text.to_string(),
        markdown: None,
    }
}

pub(crate) fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
    Actor {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        country: None,
        aliases: Vec::new(),
        roles: Vec::new(),
        curated: true,
        description: None,
    }
}

pub(crate) fn event(
    id: &str,
    title: &str,
    date: &str,
    status: EventStatus,
    article: &str,
) -> Event {
    Event {
        id: id.to_string(),
        title: title.to_string(),
        kind: EventKind::Meeting,
        status,
        date: Some(EventDate {
            value: date.to_string(),
            granularity: Granularity::Day,
            interval: DateInterval {
                start: day(date),
                end: day(date),
            },
            basis: DateBasis::Explicit,
        }),
        place: Some("minsk".to_string()),
        participants: vec!["ivan-petrov".to_string(), "lena-varga".to_string()],
        sources: vec![EventSource {
            article: article.to_string(),
            sentence: format!("{title}."),
            start: 0,
            end: 10,
        }],
        conflicts: Vec::new(),
        note: None,
        cameo: EventKind::Meeting.cameo(),
        object: None,
        delegation: None,
        place_relation: None,
        curated: false,
        trip: None,
        outlets: Vec::new(),
    }
}

pub(crate) fn sample_analysis() -> Analysis {
    let t1 = "Petrov meets Varga\n\nMINSK, March 3. Defence Minister Ivan Petrov met Lena Varga in Minsk on Monday, the ministry said <script>alert(1)</script>.\n\n\"We agreed on a lot,\" Petrov said after talks that ran 1950/1953 style.";
    let t2 = "Varga to return in April\n\nLena Varga will return to Minsk in April 2024, officials said.";
    let mut a1 = AnalysedArticle {
        article: article("a1", "Petrov meets Varga", "Daily Ledger", "2024-03-05", t1),
        published: Some(day("2024-03-05")),
        published_evidence: None,
        published_range: None,
        sentences: lang::sentences(t1),
        timexes: vec![
            timex(t1, "Monday", "2024-03-04"),
            timex(t1, "1950/1953", "1950/1953"),
        ],
        actors: ArticleActors::default(),
    };
    a1.actors.mentions = vec![
        mention(t1, "Ivan Petrov", "ivan-petrov"),
        mention(t1, "Lena Varga", "lena-varga"),
        mention(t1, "Minsk", "minsk"),
        mention(t1, "Petrov said", "ivan-petrov"),
    ];
    // Shorten the last one to the name only.
    if let Some(m) = a1.actors.mentions.last_mut() {
        m.end = m.start + "Petrov".len();
        m.text = "Petrov".to_string();
    }
    let (qs, qe) = find(t1, "We agreed on a lot,");
    a1.actors.quotes = vec![Quote {
        actor: "ivan-petrov".to_string(),
        text: "We agreed on a lot,".to_string(),
        start: qs,
        end: qe,
    }];
    let (ss, se) = find(t1, "Defence Minister Ivan Petrov met Lena Varga");
    a1.actors.reported_roles = vec![ReportedRole {
        actor: "ivan-petrov".to_string(),
        title: "Defence Minister".to_string(),
        sentence_start: ss,
        sentence_end: se,
    }];
    let mut a2 = AnalysedArticle {
        article: article(
            "a2",
            "Varga to return in April",
            "Evening Post",
            "2024-03-10",
            t2,
        ),
        published: Some(day("2024-03-10")),
        published_evidence: Some("dateline \"March 10\"".to_string()),
        published_range: Some(crate::corpus::DateInterval {
            start: day("2024-03-10"),
            end: day("2024-03-10"),
        }),
        sentences: lang::sentences(t2),
        timexes: vec![timex(t2, "April 2024", "2024-04")],
        actors: ArticleActors::default(),
    };
    a2.actors.mentions = vec![
        mention(t2, "Lena Varga", "lena-varga"),
        mention(t2, "Minsk", "minsk"),
    ];

    let mut petrov = actor("ivan-petrov", "Ivan Petrov", ActorKind::Person);
    petrov.roles = vec![Role {
        title: "Minister of Defence".to_string(),
        of: Some("belarus".to_string()),
        from: Some(day("2020-01-01")),
        until: None,
    }];
    petrov.country = Some("belarus".to_string());
    let mut actors = vec![
        petrov,
        actor("lena-varga", "Lena Varga", ActorKind::Person),
        actor("minsk", "Minsk", ActorKind::Place),
        actor("belarus", "Belarus", ActorKind::Country),
    ];
    actors.sort_by(|a, b| a.id.cmp(&b.id));

    let mut planned = event(
        "e2",
        "Varga to visit Minsk",
        "2024-04-01",
        EventStatus::Planned,
        "a2",
    );
    if let Some(d) = planned.date.as_mut() {
        d.value = "2024-04".to_string();
        d.granularity = Granularity::Month;
        d.interval.end = day("2024-04-30");
    }
    planned.kind = EventKind::PlannedVisit;
    planned.cameo = EventKind::PlannedVisit.cameo();
    planned.participants = vec!["lena-varga".to_string()];
    Analysis {
        config: SiteConfig::default(),
        articles: vec![a1, a2],
        registry: Registry {
            actors,
            possible_duplicates: Vec::new(),
        },
        events: vec![
            planned,
            event(
                "e1",
                "Petrov meets Varga in Minsk",
                "2024-03-04",
                EventStatus::Reported,
                "a1",
            ),
        ],
        notes: Vec::new(),
        pages: Vec::new(),
        diagnostics: Vec::new(),
    }
}
