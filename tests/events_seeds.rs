//! The seeds' events, end to end from the cleaned text and the real date
//! stage. Mentions come from a small surface table standing in for the
//! actors stage (its output type, not its logic), so these tests check the
//! events stage's own rules on real prose.

use std::path::Path;

use dossier::actors::{Actor, ActorKind, ArticleActors, Mention, MentionVia, Registry};
use dossier::events::{extract, merge, DateBasis, Event, EventKind, EventStatus};
use dossier::pipeline::AnalysedArticle;

fn actor(id: &str, kind: ActorKind, country: Option<&str>) -> Actor {
    Actor {
        id: id.to_string(),
        name: id
            .split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" "),
        kind,
        country: country.map(str::to_string),
        aliases: Vec::new(),
        roles: Vec::new(),
        curated: true,
    }
}

fn registry() -> Registry {
    use ActorKind::*;
    let ru = Some("russia");
    let kp = Some("north-korea");
    let mut actors = vec![
        actor("russia", Country, None),
        actor("north-korea", Country, None),
        actor("pyongyang", Place, kp),
        actor("moscow", Place, ru),
        actor("vladivostok", Place, ru),
        actor("vostochny-cosmodrome", Place, ru),
        actor("amur-region", Place, ru),
        actor("kursk-region", Place, ru),
        actor("liberation-monument", Place, kp),
        actor("viktor-goremykin", Person, ru),
        actor("no-kwang-chol", Person, kp),
        actor("pak-yong-il", Person, kp),
        actor("sergei-lavrov", Person, ru),
        actor("choe-son-hui", Person, kp),
        actor("sergei-shoigu", Person, ru),
        actor("ri-chang-dae", Person, kp),
        actor("andrei-belousov", Person, ru),
        actor("vladimir-putin", Person, ru),
        actor("kim-jong-un", Person, kp),
        actor("kang-sun-nam", Person, kp),
        actor("alexander-matsegora", Person, ru),
        actor("kcna", Organization, kp),
    ];
    actors.sort_by(|a, b| a.id.cmp(&b.id));
    Registry {
        actors,
        possible_duplicates: Vec::new(),
    }
}

/// Surface forms as the actors stage resolves them (longest first wins).
const SURFACES: &[(&str, &str)] = &[
    ("Kim Il Sung Military and Political Academy", ""),
    ("Army General Viktor Goremykin", "viktor-goremykin"),
    ("Goremykin", "viktor-goremykin"),
    ("Noh Gwang Chol", "no-kwang-chol"),
    ("The DPRK Defense Minister", "no-kwang-chol"),
    ("but Gwan Cholle", "no-kwang-chol"),
    ("BUT, Gwan Chol", "no-kwang-chol"),
    ("Chol", "no-kwang-chol"),
    ("Pak Yong Il", "pak-yong-il"),
    ("Sergey Lavrov", "sergei-lavrov"),
    ("Lavrov", "sergei-lavrov"),
    ("Choi Song-hee", "choe-son-hui"),
    ("Sergey Shoigu", "sergei-shoigu"),
    ("Sergei Shoigu", "sergei-shoigu"),
    ("Shoigu", "sergei-shoigu"),
    ("Ri Chang Dae", "ri-chang-dae"),
    ("Andrei Belousov", "andrei-belousov"),
    ("Belousov", "andrei-belousov"),
    ("Vladimir Vladimirovich Putin", "vladimir-putin"),
    ("Vladimir Putin", "vladimir-putin"),
    ("Putin", "vladimir-putin"),
    ("Kim Jong-un", "kim-jong-un"),
    ("Kim Jong -Yun", "kim-jong-un"),
    ("the North Korean leader", "kim-jong-un"),
    ("Kim", "kim-jong-un"),
    ("Kang Sun-nam", "kang-sun-nam"),
    ("Alexander Matsegora", "alexander-matsegora"),
    ("Pyongyang", "pyongyang"),
    ("Moscow", "moscow"),
    ("Vladivostok", "vladivostok"),
    ("Vostochny Cosmodrome", "vostochny-cosmodrome"),
    ("Amur region", "amur-region"),
    ("Kursk region", "kursk-region"),
    ("Liberation Monument", "liberation-monument"),
    ("North Korea", "north-korea"),
    ("the DPRK", "north-korea"),
    ("DPRK", "north-korea"),
    ("Russia", "russia"),
    ("KCNA", "kcna"),
];

fn mentions(text: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut table: Vec<&(&str, &str)> = SURFACES.iter().collect();
    table.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    for (surface, id) in table {
        for (start, _) in text.match_indices(surface) {
            let end = start + surface.len();
            let word_edge = |i: usize| {
                text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            };
            let after_ok = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !word_edge(start) || !after_ok || taken.iter().any(|&(s, e)| s < end && start < e) {
                continue;
            }
            taken.push((start, end));
            if !id.is_empty() {
                out.push(Mention {
                    start,
                    end,
                    text: surface.to_string(),
                    actor: id.to_string(),
                    via: MentionVia::Name,
                });
            }
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

fn seed_events() -> Vec<Event> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = dossier::config::load(root).expect("site config");
    let corpus = dossier::ingest::load_corpus(root, &config).expect("corpus");
    let reg = registry();
    let mut all = Vec::new();
    for article in corpus.articles {
        let published = article.published;
        let analysed = AnalysedArticle {
            sentences: dossier::text::sentences(&article.text),
            timexes: dossier::timex::annotate(&article.text, published),
            actors: ArticleActors {
                mentions: mentions(&article.text),
                ..Default::default()
            },
            published,
            published_evidence: None,
            article,
        };
        all.extend(extract(&analysed, &reg));
    }
    merge(all, Vec::new(), &reg).0
}

fn find<'a>(events: &'a [Event], kind_family: EventKind, people: &[&str]) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.kind.family() == kind_family.family())
        .filter(|e| people.iter().all(|p| e.participants.iter().any(|x| x == p)))
        .collect()
}

fn value(e: &Event) -> &str {
    e.date.as_ref().map(|d| d.value.as_str()).unwrap_or("none")
}

fn one<'a>(events: &'a [Event], kind: EventKind, people: &[&str]) -> &'a Event {
    let found = find(events, kind, people);
    assert_eq!(found.len(), 1, "{kind:?} {people:?}: {found:#?}");
    found[0]
}

#[test]
fn seed_001_goremykin_no_kwang_chol_in_pyongyang() {
    let events = seed_events();
    let e = one(
        &events,
        EventKind::Meeting,
        &["viktor-goremykin", "no-kwang-chol"],
    );
    assert_eq!(value(e), "2025-11-08");
    assert_eq!(e.place.as_deref(), Some("pyongyang"));
    assert_eq!(e.title, "Goremykin meets No Kwang Chol in Pyongyang");
    assert_eq!(e.id, "2025-11-08-goremykin-no-kwang-chol-meeting");
    let talks = one(
        &events,
        EventKind::Talks,
        &["viktor-goremykin", "pak-yong-il"],
    );
    assert_eq!(value(talks), "2025-11-08");
    let wreath = one(&events, EventKind::WreathLaying, &["viktor-goremykin"]);
    assert_eq!(
        wreath.status,
        EventStatus::Reported,
        "1945 is the monument's date"
    );
    assert_eq!(value(wreath), "2025-11-08");
    let lavrov = one(
        &events,
        EventKind::Meeting,
        &["sergei-lavrov", "choe-son-hui"],
    );
    assert_eq!(value(lavrov), "2025-10-27");
    assert_eq!(lavrov.place.as_deref(), Some("moscow"));
    assert_eq!(lavrov.sources.len(), 2, "\"during the talks\" refers back");
}

#[test]
fn seed_002_shoigu_ri_chang_dae_and_planned_visits() {
    let events = seed_events();
    let e = one(
        &events,
        EventKind::Meeting,
        &["sergei-shoigu", "ri-chang-dae"],
    );
    assert_eq!(value(e), "2025-05-28");
    assert_eq!(e.date.as_ref().unwrap().basis, DateBasis::Explicit);
    assert_eq!(e.place.as_deref(), Some("moscow"));
    assert!(
        e.sources.len() >= 3,
        "lead, body and \"the meeting … signifies\""
    );
    let planned: Vec<&str> = events
        .iter()
        .filter(|e| e.status == EventStatus::Planned)
        .map(value)
        .collect();
    assert_eq!(planned, vec!["2025-08", "2025-10"]);
}

#[test]
fn seed_003_belousov_no_kwang_chol() {
    let events = seed_events();
    let e = one(
        &events,
        EventKind::Meeting,
        &["andrei-belousov", "no-kwang-chol"],
    );
    assert_eq!(value(e), "2024-11-29");
    assert_eq!(
        e.place.as_deref(),
        Some("north-korea"),
        "from \"arrived in the DPRK\""
    );
}

#[test]
fn seed_004_kim_and_shoigu_near_vladivostok() {
    let events = seed_events();
    let lunch = one(
        &events,
        EventKind::Banquet,
        &["sergei-shoigu", "kim-jong-un"],
    );
    assert_eq!(value(lunch), "2023-09-16");
    assert_eq!(lunch.place.as_deref(), Some("vladivostok"));
    let inspection = one(&events, EventKind::Inspection, &["kim-jong-un"]);
    assert!(inspection
        .title
        .starts_with("Kim Jong Un inspects Russian strategic bombers"));
    assert_eq!(value(inspection), "2023-09-16");
    // Seed 003 recalls their June 2024 meeting in Pyongyang: another event.
    let meetings = find(
        &events,
        EventKind::Summit,
        &["kim-jong-un", "vladimir-putin"],
    );
    let places: Vec<Option<&str>> = meetings.iter().map(|e| e.place.as_deref()).collect();
    assert_eq!(
        places,
        vec![Some("vostochny-cosmodrome"), Some("pyongyang")]
    );
    let summit = meetings[0];
    assert_eq!(summit.kind, EventKind::Summit);
    assert_eq!(
        summit.status,
        EventStatus::Reported,
        "2011 dates another clause"
    );
}

#[test]
fn seeds_have_no_background_or_commentary_events() {
    let events = seed_events();
    assert!(events.iter().all(|e| e.status != EventStatus::Background));
    assert!(events.iter().all(|e| !e.participants.is_empty()));
    let mut ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), events.len());
}
