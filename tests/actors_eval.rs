//! Evaluation of the actor stage on articles written for it (TASS, Yonhap,
//! KCNA, NK News, Reuters, AP, Korea Herald, JoongAng, Izvestia/RIA machine
//! translation, Xinhua styles), with gold annotations written before the
//! tagger was run on them: `tests/data/actors_eval/NN-name.txt` and
//! `NN-name.tsv` (`# date: YYYY-MM-DD`, then one line per person mention
//! in order of appearance: `span<TAB>identity[<TAB>role]`; identity is a
//! knowledge-base id or `new:<label>` for a person the knowledge base lacks).
//!
//! Runs the real stages (find_mentions per article, then resolve across the
//! whole set) and reports mention precision/recall, identity accuracy, split
//! errors (one person on two actors) and merge errors (two people on one
//! actor). `cargo test --test actors_eval -- --nocapture` prints the report.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use dossier::actors::kb::KnowledgeBase;
use dossier::actors::{find_mentions, resolve};
use dossier::corpus::{ActorKind, ArticleActors};
use dossier::lang;

use support::score::Share;

struct Gold {
    start: usize,
    end: usize,
    text: String,
    identity: String,
    role: bool,
}

struct EvalArticle {
    name: String,
    text: String,
    date: NaiveDate,
    gold: Vec<Gold>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The next whole-word occurrence of `needle` in `text` at or after `from`.
fn find_word(text: &str, needle: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(rel) = text.get(at..)?.find(needle) {
        let pos = at + rel;
        let end = pos + needle.len();
        let before_ok = !text[..pos].chars().next_back().is_some_and(is_word_char);
        let after_ok = !text[end..].chars().next().is_some_and(is_word_char);
        if before_ok && after_ok {
            return Some(pos);
        }
        at = pos + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn load_set() -> Vec<EvalArticle> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/actors_eval");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("eval directory exists")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(&name)).expect("article reads");
            let tsv_name = name.replace(".txt", ".tsv");
            let tsv = std::fs::read_to_string(dir.join(&tsv_name)).expect("gold reads");
            let mut date = None;
            let mut gold = Vec::new();
            let mut from = 0;
            for line in tsv.lines() {
                if let Some(d) = line.strip_prefix("# date:") {
                    date = NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok();
                    continue;
                }
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                assert!(cols.len() >= 2, "{tsv_name}: bad line {line:?}");
                let start = find_word(&text, cols[0], from)
                    .unwrap_or_else(|| panic!("{tsv_name}: {:?} not found after {from}", cols[0]));
                from = start + cols[0].len();
                gold.push(Gold {
                    start,
                    end: from,
                    text: cols[0].to_string(),
                    identity: cols[1].to_string(),
                    role: cols.get(2) == Some(&"role"),
                });
            }
            EvalArticle {
                name,
                text,
                date: date.expect("gold file gives a date"),
                gold,
            }
        })
        .collect()
}

#[derive(Default)]
struct Report {
    /// Gold name mentions found.
    names: Share,
    /// Gold role mentions found.
    roles: Share,
    /// Predicted person mentions on a gold span.
    precision: Share,
    /// Matched mentions on the right actor.
    identity: Share,
    splits: Vec<String>,
    merges: Vec<String>,
    errors: Vec<String>,
}

fn evaluate() -> Report {
    let kb = KnowledgeBase::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("kb loads");
    let set = load_set();
    let mut found: Vec<ArticleActors> = set
        .iter()
        .map(|a| {
            let sentences = lang::sentences(&a.text);
            find_mentions(&a.text, &sentences, Some(a.date), &kb)
        })
        .collect();
    let registry = resolve(&kb, &mut found);
    let is_person = |id: &str| {
        registry
            .get(id)
            .is_some_and(|a| a.kind == ActorKind::Person)
    };
    let curated = |id: &str| registry.get(id).is_some_and(|a| a.curated);

    let mut r = Report::default();
    // (gold identity, predicted actor) for every matched mention.
    let mut links: Vec<(String, String, String)> = Vec::new();
    for (article, actors) in set.iter().zip(&found) {
        let predicted: Vec<_> = actors
            .mentions
            .iter()
            .filter(|m| is_person(&m.actor))
            .collect();
        r.precision.total += predicted.len();
        let mut used = vec![false; predicted.len()];
        for g in &article.gold {
            let recall = if g.role { &mut r.roles } else { &mut r.names };
            recall.total += 1;
            let hit = predicted
                .iter()
                .enumerate()
                .find(|(i, m)| !used[*i] && m.start < g.end && g.start < m.end);
            match hit {
                Some((i, m)) => {
                    used[i] = true;
                    recall.hit += 1;
                    links.push((
                        g.identity.clone(),
                        m.actor.clone(),
                        format!("{}: {:?}", article.name, g.text),
                    ));
                }
                None => r.errors.push(format!(
                    "MISSED {}: {:?} ({}){}",
                    article.name,
                    g.text,
                    g.identity,
                    if g.role { " [role]" } else { "" }
                )),
            }
        }
        for (i, m) in predicted.iter().enumerate() {
            if used[i] {
                r.precision.hit += 1;
            } else if article
                .gold
                .iter()
                .any(|g| m.start < g.end && g.start < m.end)
            {
                // A second prediction on one gold span: not a new person.
                r.precision.hit += 1;
            } else {
                r.errors.push(format!(
                    "SPURIOUS {}: {:?} -> {}",
                    article.name, m.text, m.actor
                ));
            }
        }
    }

    let mut by_gold: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut by_actor: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (gold, actor, _) in &links {
        *by_gold
            .entry(gold.as_str())
            .or_default()
            .entry(actor.as_str())
            .or_default() += 1;
        by_actor
            .entry(actor.as_str())
            .or_default()
            .insert(gold.as_str());
    }
    for (gold, actors) in &by_gold {
        if actors.len() > 1 {
            r.splits.push(format!("{gold} split over {actors:?}"));
        }
    }
    for (actor, golds) in &by_actor {
        if golds.len() > 1 {
            r.merges.push(format!("{actor} merges {golds:?}"));
        }
    }
    for (gold, actor, place) in &links {
        let right = if let Some(_label) = gold.strip_prefix("new:") {
            // A person the knowledge base lacks: their own discovered actor,
            // the one most of their mentions went to.
            let majority = by_gold[gold.as_str()]
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(a, _)| *a);
            !curated(actor)
                && majority == Some(actor.as_str())
                && by_actor[actor.as_str()].len() == 1
        } else {
            gold == actor
        };
        r.identity.count(right);
        if !right {
            r.errors
                .push(format!("WRONG ID {place}: gold {gold}, got {actor}"));
        }
    }
    r
}

#[test]
fn actor_stage_on_unseen_style_articles() {
    let r = evaluate();
    let name_recall = r.names.value();
    let precision = r.precision.value();
    let identity = r.identity.value();
    println!(
        "actor eval: {} gold name mentions, {} gold role mentions",
        r.names.total, r.roles.total
    );
    println!("  name recall      {:.3}", r.names);
    println!("  role recall      {:.3}", r.roles);
    println!("  precision        {:.3}", r.precision);
    println!("  identity         {:.3}", r.identity);
    println!("  splits           {}", r.splits.len());
    println!("  merges           {}", r.merges.len());
    for e in r.splits.iter().chain(&r.merges).chain(&r.errors) {
        println!("  {e}");
    }
    // What the stage honestly reaches on this set (see docs/actors.md); the
    // one merge left is a bare "Kim" read as the daughter, not the leader.
    assert!(name_recall >= 0.97, "name recall {name_recall:.3}");
    assert!(precision >= 0.97, "precision {precision:.3}");
    assert!(identity >= 0.97, "identity accuracy {identity:.3}");
    assert!(r.splits.len() <= 1, "splits: {:?}", r.splits);
    assert!(r.merges.len() <= 1, "merges: {:?}", r.merges);
}
