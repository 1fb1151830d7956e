//! Prints what the actor stage finds in a text file: `cargo run --example
//! mentions -- FILE [YYYY-MM-DD]`. A debugging aid for tuning the rules.
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .ok_or_else(|| anyhow::anyhow!("usage: mentions FILE [DATE]"))?;
    let date = args.get(2).and_then(|d| d.parse().ok());
    let kb = dossier::actors::kb::KnowledgeBase::load(Path::new("."))?;
    let text = std::fs::read_to_string(path)?;
    let sentences = dossier::lang::sentences(&text);
    let found = dossier::actors::find_mentions(&text, &sentences, date, &kb);
    for m in &found.mentions {
        println!("{:>5} {:<40} -> {} ({:?})", m.start, m.text, m.actor, m.via);
    }
    for r in &found.reported_roles {
        println!("ROLE {} : {}", r.actor, r.title);
    }
    for q in &found.quotes {
        println!("QUOTE {} : {}", q.actor, q.text);
    }
    if let Ok(model) = dossier::lang::tagger::model() {
        for e in dossier::lang::tagger::entities(model, &text, &sentences) {
            let name = &text[e.start..e.end];
            println!("TAGGED {:<4} {name} ({:.1})", e.kind.label(), e.confidence);
        }
    }
    Ok(())
}
