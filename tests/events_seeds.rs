//! The seeds' events, end to end through the real pipeline: ingest, dates,
//! actors and events as `dossier build` runs them.

use std::path::Path;
use std::sync::OnceLock;

use dossier::corpus::{DateBasis, Event, EventKind, EventStatus};

fn seed_events() -> &'static [Event] {
    static EVENTS: OnceLock<Vec<Event>> = OnceLock::new();
    EVENTS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        dossier::analyse(root)
            .expect("the bundled project analyses")
            .events
    })
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
        events,
        EventKind::Meeting,
        &["viktor-goremykin", "no-kwang-chol"],
    );
    assert_eq!(value(e), "2025-11-08");
    assert_eq!(e.place.as_deref(), Some("pyongyang"));
    assert_eq!(e.title, "Goremykin meets No Kwang Chol in Pyongyang");
    assert_eq!(e.id, "2025-11-08-goremykin-no-kwang-chol-meeting");
    let talks = one(
        events,
        EventKind::Talks,
        &["viktor-goremykin", "pak-yong-il"],
    );
    assert_eq!(value(talks), "2025-11-08");
    let wreath = one(events, EventKind::WreathLaying, &["viktor-goremykin"]);
    assert_eq!(
        wreath.status,
        EventStatus::Reported,
        "1945 is the monument's date"
    );
    assert_eq!(value(wreath), "2025-11-08");
    let lavrov = one(
        events,
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
        events,
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
        events,
        EventKind::Meeting,
        &["andrei-belousov", "no-kwang-chol"],
    );
    assert_eq!(value(e), "2024-11-29");
    assert_eq!(
        e.place.as_deref(),
        Some("dprk"),
        "from \"arrived in the DPRK\""
    );
}

#[test]
fn seed_004_kim_and_shoigu_near_vladivostok() {
    let events = seed_events();

    let lunch = one(
        events,
        EventKind::Banquet,
        &["sergei-shoigu", "kim-jong-un"],
    );
    assert_eq!(value(lunch), "2023-09-16");
    assert_eq!(lunch.place.as_deref(), Some("vladivostok"));
    let inspection = one(events, EventKind::Inspection, &["kim-jong-un"]);
    assert!(inspection
        .title
        .starts_with("Kim Jong Un inspects Russian strategic bombers"));
    assert_eq!(value(inspection), "2023-09-16");
    // Seed 003 recalls their June 2024 meeting in Pyongyang: another event.
    let meetings = find(
        events,
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
