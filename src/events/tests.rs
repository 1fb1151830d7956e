//! Tests of the events stage on prose written for them, with hand-built
//! date and actor annotations (what the timex and actors stages produce).

use chrono::NaiveDate;

use super::curated::{parse_curated, parse_date};
use super::merge::merge_with_stats;
use super::*;
use crate::corpus::AnalysedArticle;
use crate::corpus::{Actor, ActorKind, ArticleActors, Mention, MentionVia, Registry};
use crate::corpus::{Anchoring, Timex, TimexKind};
use crate::corpus::{Article, SourceFormat};
use crate::corpus::{DateBasis, Event, EventDate, EventKind, EventSource, EventStatus};

fn actor(id: &str, name: &str, kind: ActorKind, country: Option<&str>, aliases: &[&str]) -> Actor {
    Actor {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        country: country.map(str::to_string),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        roles: Vec::new(),
        curated: true,
        description: None,
    }
}

fn registry() -> Registry {
    use ActorKind::*;
    let mut actors = vec![
        actor("russia", "Russia", Country, None, &["Russian Federation"]),
        actor("north-korea", "North Korea", Country, None, &["DPRK"]),
        actor("pyongyang", "Pyongyang", Place, Some("north-korea"), &[]),
        actor("wonsan", "Wonsan", Place, Some("north-korea"), &[]),
        actor("moscow", "Moscow", Place, Some("russia"), &[]),
        actor("vladivostok", "Vladivostok", Place, Some("russia"), &[]),
        actor(
            "yunus-bek-yevkurov",
            "Yunus-Bek Yevkurov",
            Person,
            Some("russia"),
            &[],
        ),
        actor(
            "no-kwang-chol",
            "No Kwang Chol",
            Person,
            Some("north-korea"),
            &[],
        ),
        actor(
            "sergei-shoigu",
            "Sergei Shoigu",
            Person,
            Some("russia"),
            &[],
        ),
        actor(
            "kim-jong-un",
            "Kim Jong Un",
            Person,
            Some("north-korea"),
            &[],
        ),
        actor(
            "choe-son-hui",
            "Choe Son Hui",
            Person,
            Some("north-korea"),
            &[],
        ),
        actor(
            "andrei-belousov",
            "Andrei Belousov",
            Person,
            Some("russia"),
            &[],
        ),
        actor(
            "vladimir-putin",
            "Vladimir Putin",
            Person,
            Some("russia"),
            &[],
        ),
        actor(
            "sergei-lavrov",
            "Sergei Lavrov",
            Person,
            Some("russia"),
            &[],
        ),
        actor(
            "kcna",
            "Korean Central News Agency",
            Organization,
            Some("north-korea"),
            &["KCNA"],
        ),
    ];
    actors.sort_by(|a, b| a.id.cmp(&b.id));
    Registry {
        actors,
        possible_duplicates: Vec::new(),
    }
}

/// An article under construction: text plus the annotations other stages
/// would give it.
struct Doc {
    id: String,
    published: NaiveDate,
    text: String,
    mentions: Vec<Mention>,
    timexes: Vec<Timex>,
}

fn doc(id: &str, published: &str, text: &str) -> Doc {
    Doc {
        id: id.to_string(),
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap(),
        text: text.to_string(),
        mentions: Vec::new(),
        timexes: Vec::new(),
    }
}

impl Doc {
    /// Every occurrence of `surface` refers to `actor`.
    fn actor(mut self, surface: &str, actor: &str) -> Self {
        for (start, _) in self.text.match_indices(surface) {
            let end = start + surface.len();
            if self.mentions.iter().any(|m| m.start < end && start < m.end) {
                continue;
            }
            self.mentions.push(Mention {
                start,
                end,
                text: surface.to_string(),
                actor: actor.to_string(),
                via: MentionVia::Name,
            });
        }
        self
    }

    /// The `nth` occurrence (0-based) of `surface` is a date with `value`.
    fn date(mut self, surface: &str, value: &str, future: bool) -> Self {
        let start = self.text.find(surface).expect("surface in text");
        let d = parse_date(value).expect("test value parses");
        self.timexes.push(Timex {
            start,
            end: start + surface.len(),
            text: surface.to_string(),
            kind: TimexKind::Date,
            value: value.to_string(),
            granularity: Some(d.granularity),
            modifier: None,
            interval: Some(d.interval),
            anchoring: Anchoring::Publication,
            future,
        });
        self
    }

    fn build(mut self) -> AnalysedArticle {
        self.mentions.sort_by_key(|m| m.start);
        self.timexes.sort_by_key(|t| t.start);
        AnalysedArticle {
            article: Article {
                id: self.id.clone(),
                source_path: format!("content/articles/{}.md", self.id),
                format: SourceFormat::Markdown,
                title: self.id.clone(),
                published: Some(self.published),
                outlet: None,
                url: None,
                language: None,
                translated_from: None,
                tags: Vec::new(),
                extra: Default::default(),
                dateline: None,
                original_source: None,
                text: self.text.clone(),
                markdown: None,
            },
            published: Some(self.published),
            published_evidence: None,
            published_range: None,
            sentences: crate::lang::sentences(&self.text),
            timexes: self.timexes,
            actors: ArticleActors {
                mentions: self.mentions,
                ..Default::default()
            },
        }
    }
}

fn events_of(docs: Vec<AnalysedArticle>) -> Vec<Event> {
    let reg = registry();
    let mentions: Vec<EventMention> = docs.iter().flat_map(|d| extract(d, &reg)).collect();
    merge(mentions, Vec::new(), &reg).0
}

fn date_of(e: &Event) -> &str {
    e.date.as_ref().map(|d| d.value.as_str()).unwrap_or("none")
}

#[test]
fn meeting_with_date_place_and_both_sides() {
    let a = doc(
        "a1",
        "2025-03-04",
        "On March 3, Russian Deputy Defense Minister Yunus-Bek Yevkurov met with North Korean Defense Minister No Kwang Chol in Pyongyang. The two discussed artillery supplies.",
    )
    .actor("Yunus-Bek Yevkurov", "yunus-bek-yevkurov")
    .actor("No Kwang Chol", "no-kwang-chol")
    .actor("Pyongyang", "pyongyang")
    .date("March 3", "2025-03-03", false)
    .build();
    let reg = registry();
    let m = extract(&a, &reg);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].kind, EventKind::Meeting);
    assert_eq!(
        m[0].participants,
        vec!["yunus-bek-yevkurov", "no-kwang-chol"]
    );
    assert_eq!(m[0].place.as_deref(), Some("pyongyang"));
    let d = m[0].date.as_ref().unwrap();
    assert_eq!(
        (d.value.as_str(), d.basis),
        ("2025-03-03", DateBasis::Explicit)
    );
    let events = events_of(vec![a]);
    assert_eq!(events[0].title, "Yevkurov meets No Kwang Chol in Pyongyang");
    assert_eq!(events[0].id, "2025-03-03-yevkurov-no-kwang-chol-meeting");
    assert_eq!(events[0].cameo, "040");
}

#[test]
fn delegation_carries_its_leader_and_the_article_place() {
    let a = doc(
        "a2",
        "2025-03-04",
        "On March 3, Deputy Defense Minister Yunus-Bek Yevkurov met with Defense Minister No Kwang Chol in Pyongyang.\n\nNo Kwang Chol said the visit would deepen military ties. Yevkurov thanked his hosts.\n\nThe Russian delegation also visited the Kim Il Sung Military University and laid a wreath at the Liberation Tower, which commemorates soldiers who fell in 1945.",
    )
    .actor("Yunus-Bek Yevkurov", "yunus-bek-yevkurov")
    .actor("Yevkurov", "yunus-bek-yevkurov")
    .actor("No Kwang Chol", "no-kwang-chol")
    .actor("Pyongyang", "pyongyang")
    .date("March 3", "2025-03-03", false)
    .date("1945", "1945", false)
    .build();
    let events = events_of(vec![a]);
    let visit = events
        .iter()
        .find(|e| e.kind == EventKind::Visit)
        .expect("visit");
    assert_eq!(visit.participants, vec!["yunus-bek-yevkurov", "russia"]);
    assert_eq!(visit.place.as_deref(), Some("pyongyang"));
    // Not dated in its own sentence: between the narrative's March 3 and
    // publication, a span, not a day.
    assert_eq!(date_of(visit), "2025-03-03/2025-03-04");
    assert_eq!(visit.date.as_ref().unwrap().basis, DateBasis::Narrative);
    assert_eq!(
        visit.title,
        "Russian delegation visits Kim Il Sung Military University"
    );
    let wreath = events
        .iter()
        .find(|e| e.kind == EventKind::WreathLaying)
        .expect("wreath");
    assert_eq!(
        wreath.status,
        EventStatus::Reported,
        "1945 belongs to the monument, not the event"
    );
    assert_eq!(date_of(wreath), "2025-03-03/2025-03-04");
    assert_eq!(
        wreath.title,
        "Russian delegation lays flowers at Liberation Tower"
    );
    // "the visit would deepen" refers back; it is not a new event.
    assert_eq!(events.len(), 3, "{events:#?}");
}

#[test]
fn planned_visits_one_per_date() {
    let a = doc(
        "a3",
        "2025-05-20",
        "Sergei Lavrov told reporters that Russian parliamentary delegations are set to visit Pyongyang later this year, in July and September.",
    )
    .actor("Sergei Lavrov", "sergei-lavrov")
    .actor("Pyongyang", "pyongyang")
    .date("later this year", "2025", true)
    .date("July", "2025-07", true)
    .date("September", "2025-09", true)
    .build();
    let events = events_of(vec![a]);
    assert_eq!(events.len(), 2, "{events:#?}");
    assert!(events.iter().all(|e| e.status == EventStatus::Planned));
    assert_eq!(date_of(&events[0]), "2025-07");
    assert_eq!(date_of(&events[1]), "2025-09");
    assert_eq!(events[0].participants, vec!["russia"]);
    assert_eq!(events[0].place.as_deref(), Some("pyongyang"));
    assert_eq!(
        events[0].title,
        "Russian parliamentary delegations to visit Pyongyang"
    );
}

#[test]
fn old_dates_are_background() {
    let a = doc(
        "a4",
        "2024-06-18",
        "Kim Jong Un's grandfather first visited Moscow in 1949, a trip state media still celebrates. Vladimir Putin will visit Pyongyang this week.",
    )
    .actor("Kim Jong Un's grandfather", "kim-jong-un")
    .actor("Moscow", "moscow")
    .actor("Vladimir Putin", "vladimir-putin")
    .actor("Pyongyang", "pyongyang")
    .date("1949", "1949", false)
    .build();
    let events = events_of(vec![a]);
    let old = events
        .iter()
        .find(|e| e.place.as_deref() == Some("moscow"))
        .unwrap();
    assert_eq!(old.status, EventStatus::Background);
    let next = events
        .iter()
        .find(|e| e.place.as_deref() == Some("pyongyang"))
        .unwrap();
    assert_eq!(next.status, EventStatus::Planned);
    assert_eq!(next.title, "Putin to visit Pyongyang");
}

#[test]
fn inspection_and_dinner_in_one_sentence() {
    let a = doc(
        "a5",
        "2025-08-11",
        "After Kim Jong Un inspected the new frigate at the port of Vladivostok on Sunday, Belousov gave a dinner for the North Korean leader, KCNA reported.",
    )
    .actor("Kim Jong Un", "kim-jong-un")
    .actor("the North Korean leader", "kim-jong-un")
    .actor("Belousov", "andrei-belousov")
    .actor("Vladivostok", "vladivostok")
    .actor("KCNA", "kcna")
    .date("Sunday", "2025-08-10", false)
    .build();
    let events = events_of(vec![a]);
    assert_eq!(events.len(), 2, "{events:#?}");
    let inspection = events
        .iter()
        .find(|e| e.kind == EventKind::Inspection)
        .unwrap();
    assert_eq!(inspection.participants, vec!["kim-jong-un"]);
    assert_eq!(
        inspection.title,
        "Kim Jong Un inspects new frigate at Vladivostok"
    );
    let dinner = events
        .iter()
        .find(|e| e.kind == EventKind::Banquet)
        .unwrap();
    assert_eq!(dinner.participants, vec!["andrei-belousov", "kim-jong-un"]);
    assert_eq!(
        dinner.title,
        "Belousov hosts dinner for Kim Jong Un at Vladivostok"
    );
    assert_eq!(date_of(dinner), "2025-08-10");
}

#[test]
fn signing_uses_the_object_noun_phrase() {
    let a = doc(
        "a6",
        "2024-06-20",
        "Vladimir Putin and Kim Jong Un signed the Comprehensive Strategic Partnership Treaty in Pyongyang on Wednesday.",
    )
    .actor("Vladimir Putin", "vladimir-putin")
    .actor("Kim Jong Un", "kim-jong-un")
    .actor("Pyongyang", "pyongyang")
    .date("Wednesday", "2024-06-19", false)
    .build();
    let events = events_of(vec![a]);
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].title,
        "Putin and Kim Jong Un sign Comprehensive Strategic Partnership Treaty"
    );
    assert_eq!(events[0].cameo, "057");
}

#[test]
fn sentences_that_are_not_events() {
    let a = doc(
        "a7",
        "2025-05-20",
        "Analysts say relations between Moscow and Pyongyang have never been closer. Observers will be keenly watching whether the talks produce anything concrete. Pyongyang could host a summit with Vladimir Putin next year, some diplomats believe. Kim Jong Un did not meet foreign envoys. The two countries share a short border.",
    )
    .actor("Moscow", "moscow")
    .actor("Pyongyang", "pyongyang")
    .actor("Vladimir Putin", "vladimir-putin")
    .actor("Kim Jong Un", "kim-jong-un")
    .build();
    let events = events_of(vec![a]);
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn a_reference_back_adds_a_source_not_an_event() {
    let a = doc(
        "a8",
        "2025-05-29",
        "Sergei Shoigu met Choe Son Hui in Moscow on Wednesday. The meeting between the two officials signals a new phase in relations.",
    )
    .actor("Sergei Shoigu", "sergei-shoigu")
    .actor("Choe Son Hui", "choe-son-hui")
    .actor("Moscow", "moscow")
    .date("Wednesday", "2025-05-28", false)
    .build();
    let events = events_of(vec![a]);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].sources.len(), 2);
}

fn shoigu_in_pyongyang_two_outlets() -> Vec<AnalysedArticle> {
    let a = doc(
        "outlet-a",
        "2025-04-11",
        "Russian Security Council Secretary Sergei Shoigu held talks with North Korean leader Kim Jong Un in Pyongyang on Thursday, the Kremlin said.",
    )
    .actor("Sergei Shoigu", "sergei-shoigu")
    .actor("Kim Jong Un", "kim-jong-un")
    .actor("Pyongyang", "pyongyang")
    .date("Thursday", "2025-04-10", false)
    .build();
    let b = doc(
        "outlet-b",
        "2025-04-11",
        "North Korea's leader Kim Jong-un has received Moscow's top security official, Shoigu, in the capital Pyongyang, official media reported.\n\nThe two men discussed the war in Ukraine.",
    )
    .actor("Kim Jong-un", "kim-jong-un")
    .actor("Shoigu", "sergei-shoigu")
    .actor("Pyongyang", "pyongyang")
    .build();
    vec![a, b]
}

#[test]
fn two_outlets_one_event() {
    let events = events_of(shoigu_in_pyongyang_two_outlets());
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e.sources.len(), 2);
    assert_eq!(date_of(e), "2025-04-10");
    assert_eq!(e.place.as_deref(), Some("pyongyang"));
    assert!(e.conflicts.is_empty());
}

#[test]
fn conflicting_places_are_recorded() {
    let mut docs = shoigu_in_pyongyang_two_outlets();
    docs.push(
        doc(
            "outlet-c",
            "2025-04-12",
            "Kim Jong Un met Sergei Shoigu in Wonsan on April 10.",
        )
        .actor("Kim Jong Un", "kim-jong-un")
        .actor("Sergei Shoigu", "sergei-shoigu")
        .actor("Wonsan", "wonsan")
        .date("April 10", "2025-04-10", false)
        .build(),
    );
    let events = events_of(docs);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].sources.len(), 3);
    assert_eq!(events[0].conflicts.len(), 1, "{:?}", events[0].conflicts);
    assert!(events[0].conflicts[0].contains("Wonsan"));
}

#[test]
fn different_people_same_day_stay_apart() {
    let a = doc(
        "a9",
        "2025-04-11",
        "Sergei Shoigu met Kim Jong Un in Pyongyang on Thursday. Later, Sergei Shoigu met Choe Son Hui at the foreign ministry.",
    )
    .actor("Sergei Shoigu", "sergei-shoigu")
    .actor("Kim Jong Un", "kim-jong-un")
    .actor("Choe Son Hui", "choe-son-hui")
    .actor("Pyongyang", "pyongyang")
    .date("Thursday", "2025-04-10", false)
    .build();
    let events = events_of(vec![a]);
    assert_eq!(events.len(), 2, "{events:#?}");
}

#[test]
fn merging_is_near_linear() {
    let reg = registry();
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut mentions = Vec::new();
    let events = 2000;
    for e in 0..events {
        let day = base + chrono::Days::new((e as u64 * 7) % 2000);
        let date = parse_date(&day.format("%Y-%m-%d").to_string()).unwrap();
        for r in 0..5 {
            mentions.push(EventMention {
                article: format!("art-{}", (e * 5 + r) % 997),
                kind: if r % 2 == 0 {
                    EventKind::Meeting
                } else {
                    EventKind::Talks
                },
                status: EventStatus::Reported,
                participants: vec![format!("p{}", e % 300), format!("q{}", e / 300)],
                delegation: None,
                place: None,
                place_relation: None,
                date: Some(EventDate {
                    basis: DateBasis::Explicit,
                    ..date.clone()
                }),
                object: None,
                trigger: "met".to_string(),
                sources: vec![EventSource {
                    article: format!("art-{}", (e * 5 + r) % 997),
                    sentence: String::new(),
                    start: e * 10 + r,
                    end: e * 10 + r + 1,
                }],
                published: None,
                outlet: None,
            });
        }
    }
    let n = mentions.len();
    let (out, _, stats) = merge_with_stats(mentions, Vec::new(), &reg);
    assert_eq!(out.len(), events, "{stats:?}");
    // Each mention is checked against the few clusters of its blocks (here
    // about three), never against all n(n-1)/2 = 50M pairs.
    assert!(
        stats.comparisons <= 5 * n,
        "{} comparisons for {n} mentions",
        stats.comparisons
    );
}

#[test]
fn curated_event_wins_and_merges() {
    let reg = registry();
    let docs = shoigu_in_pyongyang_two_outlets();
    let mentions: Vec<EventMention> = docs.iter().flat_map(|d| extract(d, &reg)).collect();
    let yaml = "- date: 2025-04-09\n  kind: meeting\n  place: pyongyang\n  participants: [sergei-shoigu, kim-jong-un]\n  note: Readout confirms the meeting began late on the 9th.\n";
    // The curated date narrows what matched: Apr 9 is inside outlet-b's window.
    let (curated, diags) = parse_curated("content/events/shoigu.yaml", yaml, &reg);
    assert!(diags.is_empty(), "{diags:?}");
    let (events, _) = merge(mentions, curated, &reg);
    assert_eq!(events.len(), 2, "{events:#?}");
    let c = events.iter().find(|e| e.curated).unwrap();
    assert_eq!(date_of(c), "2025-04-09");
    assert_eq!(
        c.note.as_deref(),
        Some("Readout confirms the meeting began late on the 9th.")
    );
    assert_eq!(c.title, "Shoigu meets Kim Jong Un in Pyongyang");
}

#[test]
fn curated_unknown_actor_is_an_error_with_line() {
    let reg = registry();
    let yaml =
        "- date: 2025-04-10\n  kind: meeting\n  participants: [sergei-shoigu, kim-jong-il]\n";
    let (events, diags) = parse_curated("content/events/x.yaml", yaml, &reg);
    assert!(events.is_empty());
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].line, Some(3));
    assert_eq!(diags[0].file.as_deref(), Some("content/events/x.yaml"));
    assert!(diags[0].message.contains("kim-jong-il"));
    let (_, bad) = parse_curated(
        "content/events/y.yaml",
        "- kind: meating\n  participants: [x]\n",
        &reg,
    );
    assert_eq!(bad[0].code, "invalid-yaml");
    assert!(bad[0].line.is_some());
}

#[test]
fn an_unknown_field_of_a_curated_event_is_a_warning_with_line() {
    let reg = registry();
    let yaml =
        "- date: 2025-04-10\n  kind: meeting\n  participants: [sergei-shoigu]\n  venue: Kremlin\n";
    let (events, diags) = parse_curated("content/events/x.yaml", yaml, &reg);
    assert_eq!(events.len(), 1, "the event is kept");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].code, "unknown-field");
    assert_eq!(diags[0].severity, crate::corpus::Severity::Warning);
    assert_eq!(diags[0].line, Some(4));
    assert!(diags[0].message.contains("`venue`"));
}
