//! Scaling benchmark: times the analysis of one article at 1×, 2×, 4× (and
//! 8×) of a base size, for four shapes of input, and prints the time per
//! byte at each size and the ratio 4×/1×. Run by `benches/scaling.sh`:
//!
//!     cargo run --release --example scaling -- [--sizes 1,2,4,8] [--base BYTES]
//!         [--shapes paragraphs,line,dates,people] [--no-build]
//!
//! The shapes: `paragraphs` (an article of many varied paragraphs of news
//! prose with names and dates), `line` (the same prose as one long line),
//! `dates` (one sentence with thousands of dates), `people` (many mentions of
//! many distinct made-up people). Each size is timed per stage (sentences,
//! dates, inferred publication date, actors) and as a whole `dossier build`
//! of a project holding that one article. Inputs are deterministic.
use std::path::Path;
use std::time::{Duration, Instant};

use dossier::actors::kb::KnowledgeBase;

/// A small deterministic generator (an LCG), so every run sees one input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

use dossier::corpus::period::MONTH_NAMES as MONTHS;

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const KNOWN: [&str; 12] = [
    "Kim Jong Un",
    "Vladimir Putin",
    "Sergei Shoigu",
    "Andrei Belousov",
    "Sergei Lavrov",
    "Choe Son Hui",
    "Kim Yo Jong",
    "No Kwang Chol",
    "Alexander Kozlov",
    "Dmitry Peskov",
    "Valery Gerasimov",
    "Pak Jong Chon",
];
const PLACES: [&str; 6] = [
    "Pyongyang",
    "Moscow",
    "Vladivostok",
    "the Kursk region",
    "Seoul",
    "Beijing",
];

fn surname(name: &str) -> &str {
    // Korean names lead with the surname; the others end with it.
    let first = name.split(' ').next().unwrap_or(name);
    if matches!(first, "Kim" | "Choe" | "No" | "Pak" | "Ri") {
        first
    } else {
        name.rsplit(' ').next().unwrap_or(name)
    }
}

fn date(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        1 + rng.next() % 28,
        MONTHS[rng.next() % 12],
        2019 + rng.next() % 7
    )
}

/// One paragraph of news prose, varied by `rng`.
fn paragraph(rng: &mut Rng) -> String {
    let a = rng.pick(&KNOWN);
    let b = rng.pick(&KNOWN);
    let p = rng.pick(&PLACES);
    let d = date(rng);
    let w = WEEKDAYS[rng.next() % 7];
    let m = MONTHS[rng.next() % 12];
    match rng.next() % 6 {
        0 => format!(
            "{a} met {b} in {p} on {d}, the state news agency said on {w}. {} told reporters the talks had been \"frank and constructive\" and that a further round would be held in {m}.",
            surname(a)
        ),
        1 => format!(
            "The North Korean leader is expected to visit {p} next {w}, according to officials who spoke on condition of anonymity. {b} said last week that preparations began on {d}."
        ),
        2 => format!(
            "On {d}, {a} signed an agreement on military cooperation with {b}. The Russian defense minister said the deal will take effect in {m} and would be reviewed two years later."
        ),
        3 => format!(
            "Satellite images taken on {w} showed new construction near {p}. Analysts said the work had started in early {m}, months before {} arrived for a three-day visit on {d}.",
            surname(b)
        ),
        4 => format!(
            "\"We will never accept pressure,\" {a} said in a speech in {p} on {d}. {} added that the exercises planned for {m} would go ahead as scheduled.",
            surname(a)
        ),
        _ => format!(
            "A delegation led by {b} arrived in {p} on {w}, three days after {a} left the city. The visit, the first since {d}, is set to last until the end of {m}."
        ),
    }
}

/// Made-up people: distinct given names and surnames, none in the
/// knowledge base.
fn made_up_name(i: usize) -> (String, String) {
    const SYL: [&str; 16] = [
        "ba", "ko", "ri", "ven", "tor", "lan", "mi", "sa", "gor", "del", "an", "vo", "ner", "pi",
        "stu", "ka",
    ];
    let syl = |n: usize, k: usize| -> String {
        let mut s = String::new();
        let mut n = n;
        for _ in 0..k {
            s.push_str(SYL[n % 16]);
            n /= 16;
        }
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    (syl(i * 7 + 3, 2), syl(i, 4) + "ov")
}

fn generate(shape: &str, bytes: usize) -> String {
    let mut rng = Rng(12);
    let mut out = String::with_capacity(bytes + 1024);
    match shape {
        "paragraphs" | "line" => {
            let sep = if shape == "line" { " " } else { "\n\n" };
            while out.len() < bytes {
                out.push_str(&paragraph(&mut rng));
                out.push_str(sep);
            }
        }
        "dates" => {
            out.push_str("The ministry said the convoys crossed the border on ");
            let mut day = chrono::NaiveDate::from_ymd_opt(2024, 5, 3).expect("date");
            while out.len() < bytes {
                out.push_str(&day.format("%-d %B %Y, ").to_string());
                day = day.succ_opt().expect("date");
            }
            out.push_str("and on 1 June 2031.\n");
        }
        "people" => {
            let mut i = 0;
            while out.len() < bytes {
                let (given, family) = made_up_name(i);
                let (g2, f2) = made_up_name(i / 2 + 100_000);
                let known = rng.pick(&KNOWN);
                out.push_str(&format!(
                    "General {given} {family} met {g2} {f2} and {known} on {}. {family} said {f2} would return, and {} agreed. ",
                    date(&mut rng),
                    surname(known)
                ));
                if i % 4 == 3 {
                    out.push_str("\n\n");
                }
                i += 1;
            }
        }
        other => panic!("unknown shape {other}"),
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Times {
    sentences: Duration,
    dates: Duration,
    infer: Duration,
    actors: Duration,
    build: Option<Duration>,
}

impl Times {
    fn analysis(&self) -> Duration {
        self.sentences + self.dates + self.infer + self.actors
    }
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let v = f();
    (v, start.elapsed())
}

fn measure(text: &str, kb: &KnowledgeBase, build: bool, work: &Path) -> Times {
    let (sentences, t_sent) = time(|| dossier::lang::sentences(text));
    // As the pipeline does for an undated article: one recognition pass,
    // read by the inference (given the roles the name step reports), then
    // anchored.
    let (recognized, t_recognize) = time(|| dossier::timex::recognize_sentences(text, &sentences));
    let mut t_infer = Duration::ZERO;
    let (_, t_names) = time(|| {
        dossier::actors::find_mentions_dating(text, &sentences, kb, |roles| {
            let (inferred, t) = time(|| {
                dossier::timex::infer_from(
                    text,
                    &sentences,
                    &recognized,
                    None,
                    &kb.tenure_constraints_of(text, roles),
                )
            });
            t_infer = t;
            inferred.map(|i| i.date)
        })
    });
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    let (_, t_anchor) = time(|| dossier::timex::anchor_recognized(text, &recognized, published));
    let t_dates = t_recognize + t_anchor;
    let t_actors = t_names - t_infer;
    let build = build.then(|| {
        let project = work.join("project");
        let _ = std::fs::remove_dir_all(work);
        std::fs::create_dir_all(project.join("content/articles")).expect("project folder");
        std::fs::copy("content/actors.yaml", project.join("content/actors.yaml"))
            .expect("knowledge base");
        std::fs::write(
            project.join("content/site.yaml"),
            "title: \"Scaling benchmark\"\nsources: []\n",
        )
        .expect("site.yaml");
        std::fs::write(
            project.join("content/articles/scaling.md"),
            format!("---\ntitle: \"Scaling\"\npublished: 2024-06-01\n---\n\n{text}"),
        )
        .expect("article");
        let (result, t) = time(|| dossier::build(&project, &work.join("public")));
        result.expect("build");
        t
    });
    Times {
        sentences: t_sent,
        dates: t_dates,
        infer: t_infer,
        actors: t_actors,
        build,
    }
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let sizes: Vec<usize> = arg(&args, "--sizes")
        .unwrap_or_else(|| "1,2,4".into())
        .split(',')
        .map(|s| s.trim().parse())
        .collect::<Result<_, _>>()?;
    let base: usize = arg(&args, "--base")
        .map(|b| b.parse())
        .transpose()?
        .unwrap_or(250_000);
    let shapes = arg(&args, "--shapes").unwrap_or_else(|| "paragraphs,line,dates,people".into());
    let build = !args.iter().any(|a| a == "--no-build");
    let work = std::env::temp_dir().join(format!("dossier-scaling-{}", std::process::id()));
    let kb = KnowledgeBase::load(Path::new("."))?;
    let ns = |d: Duration, bytes: usize| d.as_secs_f64() * 1e9 / bytes as f64;
    println!(
        "{:<11} {:>4} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>11}",
        "shape",
        "size",
        "bytes",
        "sent s",
        "infer s",
        "dates s",
        "actors s",
        "total s",
        "build s",
        "ns/byte"
    );
    for shape in shapes.split(',') {
        let mut per_byte: Vec<(usize, f64, Option<f64>)> = Vec::new();
        for &k in &sizes {
            let text = generate(shape, base * k);
            let t = measure(&text, &kb, build, &work);
            let n = text.len();
            println!(
                "{:<11} {:>3}× {:>10} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9} {:>11.1}",
                shape,
                k,
                n,
                t.sentences.as_secs_f64(),
                t.infer.as_secs_f64(),
                t.dates.as_secs_f64(),
                t.actors.as_secs_f64(),
                t.analysis().as_secs_f64(),
                t.build
                    .map(|b| format!("{:.3}", b.as_secs_f64()))
                    .unwrap_or_else(|| "-".into()),
                ns(t.analysis(), n)
            );
            per_byte.push((k, ns(t.analysis(), n), t.build.map(|b| ns(b, n))));
        }
        let one = per_byte.iter().find(|p| p.0 == 1);
        let four = per_byte.iter().find(|p| p.0 == 4);
        if let (Some(one), Some(four)) = (one, four) {
            let build_ratio = match (one.2, four.2) {
                (Some(a), Some(b)) => format!("{:.2}", b / a),
                _ => "-".into(),
            };
            println!(
                "{shape}: time per byte 4×/1× = {:.2} (analysis), {build_ratio} (build)",
                four.1 / one.1
            );
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}
