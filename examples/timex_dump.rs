//! Prints the time expressions of a text file: `cargo run --example timex_dump FILE [YYYY-MM-DD]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: timex_dump FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let reference = args
        .get(2)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    for t in dossier::timex::annotate(&text, reference) {
        println!(
            "{:>6} {:<28} {:<22} {:?} {:?} {:?} future={}",
            t.start,
            format!("{:?}", t.text),
            t.value,
            t.kind,
            t.modifier,
            t.anchoring,
            t.future
        );
    }
}
