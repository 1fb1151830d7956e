//! The name tagger and the person-mention finder on `tests/data/names_sample.txt`:
//! sentences written for this test (many name families, sentence-initial
//! names, lists, an all-caps headline, companies before "said"), scored on
//! exact spans against fixed thresholds. `cargo test --test tagger_sample --
//! --nocapture` prints the scores and the errors.

use std::path::Path;

use dossier::actors::find_mentions;
use dossier::actors::kb::KnowledgeBase;
use dossier::corpus::ActorKind;
use dossier::lang;
use dossier::lang::tagger::Kind;

/// A document's text and its gold names (byte range, type).
struct Doc {
    text: String,
    gold: Vec<(usize, usize, Kind)>,
}

fn load() -> Vec<Doc> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/names_sample.txt");
    let raw = std::fs::read_to_string(&path).expect("sample reads");
    let mut docs = vec![];
    let mut doc = Doc {
        text: String::new(),
        gold: vec![],
    };
    for (n, line) in raw.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !doc.text.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    Doc {
                        text: String::new(),
                        gold: vec![],
                    },
                ));
            }
            continue;
        }
        let mut open: Option<(usize, Kind)> = None;
        let mut first = true;
        for w in line.split_whitespace() {
            let w = if let Some(label) = w.strip_prefix('[') {
                let kind = Kind::from_label(label)
                    .unwrap_or_else(|| panic!("line {}: bad label {label}", n + 1));
                open = Some((doc.text.len() + usize::from(!first), kind));
                continue;
            } else {
                w
            };
            if !first {
                doc.text.push(' ');
            }
            first = false;
            let (word, closes) = match w.strip_suffix(']') {
                Some(word) if !word.is_empty() => (word, true),
                _ => (w, false),
            };
            doc.text.push_str(word);
            if closes {
                let (start, kind) = open
                    .take()
                    .unwrap_or_else(|| panic!("line {}: ] without [", n + 1));
                doc.gold.push((start, doc.text.len(), kind));
            }
        }
        assert!(open.is_none(), "line {}: unclosed name", n + 1);
        doc.text.push('\n');
    }
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    docs
}

fn f1(gold: usize, predicted: usize, correct: usize) -> (f64, f64, f64) {
    let p = correct as f64 / predicted.max(1) as f64;
    let r = correct as f64 / gold.max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

#[test]
fn sample_has_enough_names_of_every_kind() {
    let docs = load();
    let names: usize = docs.iter().map(|d| d.gold.len()).sum();
    let people = docs
        .iter()
        .flat_map(|d| &d.gold)
        .filter(|g| g.2 == Kind::Per)
        .count();
    assert!(
        names >= 200 && people >= 140,
        "{names} names, {people} people"
    );
}

#[test]
fn tagger_scores_on_the_sample() {
    let model = lang::tagger::model().expect("model loads");
    let (mut gold, mut predicted, mut correct) = (0, 0, 0);
    let (mut pg, mut pp, mut pc) = (0, 0, 0);
    for d in load() {
        let found = lang::tagger::entities(model, &d.text, &lang::sentences(&d.text));
        let found: Vec<(usize, usize, Kind)> =
            found.iter().map(|e| (e.start, e.end, e.kind)).collect();
        gold += d.gold.len();
        predicted += found.len();
        correct += found.iter().filter(|f| d.gold.contains(f)).count();
        let per = |v: &[(usize, usize, Kind)]| -> Vec<(usize, usize)> {
            v.iter()
                .filter(|x| x.2 == Kind::Per)
                .map(|x| (x.0, x.1))
                .collect()
        };
        let (g, f) = (per(&d.gold), per(&found));
        for x in g.iter().filter(|x| !f.contains(x)) {
            println!("tagger MISS  {}", &d.text[x.0..x.1]);
        }
        for x in f.iter().filter(|x| !g.contains(x)) {
            println!("tagger FALSE {}", &d.text[x.0..x.1]);
        }
        pg += g.len();
        pp += f.len();
        pc += f.iter().filter(|x| g.contains(x)).count();
    }
    let all = f1(gold, predicted, correct);
    let per = f1(pg, pp, pc);
    println!(
        "tagger, all types: P {:.3} R {:.3} F1 {:.3}",
        all.0, all.1, all.2
    );
    println!(
        "tagger, PER:       P {:.3} R {:.3} F1 {:.3}",
        per.0, per.1, per.2
    );
    assert!(per.2 >= PER_TAGGER, "PER F1 {:.3}", per.2);
    assert!(all.2 >= ALL_TAGGER, "all-types F1 {:.3}", all.2);
}

#[test]
fn mention_finder_scores_on_the_sample() {
    let kb = KnowledgeBase::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("kb loads");
    let (mut g, mut p, mut c) = (0, 0, 0);
    for d in load() {
        let found = find_mentions(&d.text, &lang::sentences(&d.text), None, &kb);
        let people: Vec<(usize, usize)> = found
            .mentions
            .iter()
            .filter(|m| {
                m.actor.starts_with('?')
                    || kb
                        .get(&m.actor)
                        .is_some_and(|a| a.kind == ActorKind::Person)
            })
            .map(|m| (m.start, m.end))
            .collect();
        let gold: Vec<(usize, usize)> = d
            .gold
            .iter()
            .filter(|x| x.2 == Kind::Per)
            .map(|x| (x.0, x.1))
            .collect();
        for x in gold.iter().filter(|x| !people.contains(x)) {
            println!("finder MISS  {}", &d.text[x.0..x.1]);
        }
        for x in people.iter().filter(|x| !gold.contains(x)) {
            println!("finder FALSE {}", &d.text[x.0..x.1]);
        }
        g += gold.len();
        p += people.len();
        c += people.iter().filter(|x| gold.contains(x)).count();
    }
    let (pr, r, f) = f1(g, p, c);
    println!("finder, PER: P {pr:.3} R {r:.3} F1 {f:.3}");
    assert!(f >= PER_FINDER, "finder PER F1 {f:.3}");
}

/// Thresholds: a little under the scores measured when the sample was
/// written (tagger PER 0.910, all types 0.826; finder PER 0.898; see
/// docs/tagger.md), so a real regression fails.
const PER_TAGGER: f64 = 0.88;
const ALL_TAGGER: f64 = 0.80;
const PER_FINDER: f64 = 0.87;
