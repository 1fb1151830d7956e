//! Trains the name tagger on CoNLL-2003 English and writes its weights:
//! `cargo run --release --example train-tagger -- --train DIR/eng.train
//! --dev DIR/eng.testa --out data/tagger/conll2003-en.bin`. Deterministic
//! (fixed seed, epochs and pruning), so it rebuilds the file byte for byte.
//! Prints the dev (testa) scores after each epoch; never give it testb.
use dossier::lang::tagger::train::{evaluate, read_conll, Trainer};

const EPOCHS: usize = 10;
const SEED: u64 = 2003;
const PRUNE: f32 = 0.5;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let usage = "usage: train-tagger --train FILE --dev FILE --out FILE [--epochs N] [--prune X]";
    let train = get("--train").ok_or_else(|| anyhow::anyhow!(usage))?;
    let out = get("--out").ok_or_else(|| anyhow::anyhow!(usage))?;
    let epochs = get("--epochs").map_or(Ok(EPOCHS), |e| e.parse())?;
    let prune = get("--prune").map_or(Ok(PRUNE), |e| e.parse())?;
    let read = |path: &str| -> anyhow::Result<_> {
        let text = std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
        read_conll(&text).map_err(|e| anyhow::anyhow!("{path}: {e}"))
    };
    let docs = read(&train)?;
    let dev = get("--dev").map(|d| read(&d)).transpose()?;
    eprintln!("{} training documents", docs.len());
    let model = Trainer::train(&docs, epochs, SEED, prune, |epoch, m| {
        if let Some(dev) = &dev {
            let (per, all) = evaluate(m, dev);
            let types: Vec<String> = per
                .iter()
                .map(|(k, c)| format!("{} {:.4}", k.label(), c.f1()))
                .collect();
            eprintln!(
                "epoch {epoch}: dev F1 {:.4} ({}), {} rows",
                all.f1(),
                types.join(", "),
                m.rows()
            );
        }
    });
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes)?;
    eprintln!("wrote {out}: {} rows, {} bytes", model.rows(), bytes.len());
    Ok(())
}
