//! `dossier new`: the starter project analyses without warnings, resolves
//! its example people and curated event, and builds, with or without the
//! default templates copied in.

use dossier::corpus::{EventKind, EventStatus, Severity};
use dossier::scaffold;

#[test]
fn a_new_project_builds_with_its_examples_resolved() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("brief");
    scaffold::new_project(&dir, false).unwrap();
    let analysis = dossier::analyse(&dir).expect("the scaffold analyses");
    let problems: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(analysis.articles.len(), 2);
    // The example people are recognized in both articles, and the
    // curated meeting is there.
    for a in &analysis.articles {
        let ids: Vec<&str> = a.actors.mentions.iter().map(|m| m.actor.as_str()).collect();
        assert!(ids.contains(&"erik-haugen"), "{}: {ids:?}", a.article.id);
    }
    assert!(analysis.events.iter().any(|e| {
        e.participants.iter().any(|p| p == "aino-virtanen")
            && e.participants.iter().any(|p| p == "erik-haugen")
    }));
    // Every event is true to its text: the wire's "would hold a drill in
    // the autumn, two days after he met Virtanen" is the May meeting, not a
    // planned autumn one (issue 14).
    let planned_meetings: Vec<_> = analysis
        .events
        .iter()
        .filter(|e| {
            e.status == EventStatus::Planned && e.kind.family() == EventKind::Meeting.family()
        })
        .collect();
    assert!(planned_meetings.is_empty(), "{planned_meetings:#?}");
    let out = tmp.path().join("site");
    dossier::build(&dir, &out).expect("the scaffold builds");
    assert!(out.join("people/aino-virtanen.html").is_file());
    assert!(!dir.join(dossier::render::TEMPLATE_DIR).exists());
}

#[test]
fn templates_on_request_and_they_still_build() {
    let tmp = tempfile::tempdir().unwrap();
    let done = scaffold::new_project(tmp.path(), true).unwrap();
    assert!(done.files.iter().any(|f| f == "templates/base.html"));
    assert!(tmp.path().join("templates/style.css").is_file());
    dossier::build(tmp.path(), &tmp.path().join("public")).expect("builds");
}
