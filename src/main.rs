//! The `dossier` command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use dossier::corpus::diagnostics::{Diagnostic, Severity};
use dossier::pipeline::CacheUse;
use dossier::progress::{Progress, Stage};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Build cross-linked intelligence briefings from news articles",
    long_about = "dossier turns a folder of news articles (raw text pasted from web pages, or \
                  Markdown with YAML front matter) into a static HTML briefing: one page per \
                  article, person, place and event, a timeline, indexes and a search page. \
                  Dates are normalized against each article's publication date, name variants \
                  are resolved to one actor, and every fact links to the sentence it came from.",
    after_help = "Examples:\n  \
                  dossier new my-briefing          start a project with examples\n  \
                  dossier build --root my-briefing build it into my-briefing/public\n  \
                  dossier check --root my-briefing list problems in the content\n  \
                  dossier serve --root my-briefing preview with live reload\n\n\
                  Run `dossier help COMMAND` for a command's options."
)]
struct Cli {
    /// Print nothing but errors (no progress bar, no summary, no warnings).
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One finding a line: `file:line: severity[code]: message`.
    Text,
    /// A JSON array of {severity, file, line, code, message}.
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: ROOT/public).
    #[command(
        long_about = "Build the site into the output folder (default: ROOT/public).\n\n\
                      Reads content/site.yaml, the knowledge base (content/actors.yaml), the \
                      Markdown articles in content/articles/, the raw-text folders listed in \
                      site.yaml and the curated events in content/events/, and writes every \
                      page, the search index and the JSON export. The site is written to a \
                      temporary folder and swapped in only when the build succeeds, so a \
                      failed build leaves the previous site intact. The output is replaced \
                      only if it is missing, empty or a site dossier built (it holds the \
                      .dossier-site marker); the project folder, a folder above it, and \
                      content/, templates/, static/ and the source folders are always refused. \
                      Each article's analysis is cached in ROOT/.dossier-cache, keyed by the \
                      article, the knowledge base and this build of dossier, so a rebuild \
                      analyses only what changed (--no-cache, --clear-cache). \
                      Warnings are printed; \
                      errors in the content stop the build (see `dossier check`), unless \
                      --keep-going turns them into warnings. On a \
                      terminal a progress bar shows the stages; it stays off when stderr is \
                      not a terminal, when the CI variable is set, and with --quiet.",
        after_help = "Examples:\n  \
                      dossier build\n  \
                      dossier build --root my-briefing --output /srv/www/briefing\n  \
                      dossier build --quiet --timings"
    )]
    Build {
        /// Project root: the folder holding content/, the raw-text folders and templates/.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Where to write the site (default: ROOT/public); replaced whole, and
        /// only if missing, empty or built by dossier.
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Print how long each stage took (to stderr), even with --quiet.
        #[arg(long)]
        timings: bool,
        /// Analyse every article afresh, reading and writing no cache.
        #[arg(long)]
        no_cache: bool,
        /// Remove the analysis cache (ROOT/.dossier-cache) before building.
        #[arg(long)]
        clear_cache: bool,
        /// Build even when the content has errors (what `dossier check` calls
        /// an error), reporting them as warnings.
        #[arg(long)]
        keep_going: bool,
    },
    /// Report problems in the content without writing anything.
    #[command(
        long_about = "Report problems in the content without writing anything.\n\n\
                      Lists, each with its file and line where there is one: malformed \
                      YAML and front matter, unknown fields, articles without a publication \
                      date and dates inferred from the text (with the evidence), names that \
                      matched no knowledge-base entry and names repaired from machine \
                      translation, possible duplicate people, events whose sources disagree, \
                      curated events that match nothing, and links in Markdown articles to \
                      pages the site does not have. Exits with status 1 when there are \
                      errors, 0 when there are only warnings and notes.",
        after_help = "Examples:\n  \
                      dossier check\n  \
                      dossier check --root my-briefing --format json | jq '.[] | select(.severity == \"error\")'"
    )]
    Check {
        /// Project root: the folder holding content/, the raw-text folders and templates/.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Output format of the findings (on stdout).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Create a new project with example content that builds at once.
    #[command(
        long_about = "Create a new project with example content that builds at once.\n\n\
                      Writes content/site.yaml, a small knowledge base with an example of \
                      each kind of actor (content/actors.yaml), content/metadata.yaml, one \
                      Markdown article, one raw-text article (raw/), a curated event \
                      (content/events/) and a README, every file commented. DIR must not \
                      exist or be empty: nothing is ever overwritten, and nothing is written \
                      outside DIR.",
        after_help = "Examples:\n  \
                      dossier new my-briefing\n  \
                      dossier new my-briefing --templates   # also copy the templates to edit"
    )]
    New {
        /// The folder to create the project in (must not exist or be empty).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Also write the default templates and stylesheet to DIR/templates/ to edit.
        #[arg(long)]
        templates: bool,
    },
    /// Build, serve the site on 127.0.0.1 and rebuild on every change.
    #[command(
        long_about = "Build, serve the site on 127.0.0.1 and rebuild on every change.\n\n\
                      Watches content/, templates/, i18n/ and the raw-text source folders; \
                      after each change the site is rebuilt and open pages reload themselves. \
                      A broken edit shows its error in the page and here, and the server keeps \
                      serving the last good build. Stop it with Ctrl-C.",
        after_help = "Examples:\n  \
                      dossier serve\n  \
                      dossier serve --root my-briefing --port 8080 --open\n  \
                      dossier serve --drafts --bind 0.0.0.0 --base-url http://192.168.1.20:1111/"
    )]
    Serve {
        /// Project root: the folder holding content/, the raw-text folders and templates/.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Port on 127.0.0.1 to listen on; 0 picks a free one (the address is printed).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Build into this folder instead of a temporary one (the same rules as
        /// `build --output`: only a missing or empty folder, or a site dossier built).
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Address to listen on: 127.0.0.1 (this machine only), another of this
        /// machine's addresses, or 0.0.0.0 for every interface (the preview is then
        /// readable by any machine that can reach this one).
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
        bind: std::net::IpAddr,
        /// Build drafts too (articles and pages with `draft: true`).
        #[arg(long)]
        drafts: bool,
        /// Use this address instead of `base_url` in site.yaml (canonical links,
        /// feeds, the sitemap), e.g. the address the preview is reached at.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Open the site in the system browser (xdg-open, or open on macOS) once it is
        /// served; without one, the address is printed and serving goes on.
        #[arg(long)]
        open: bool,
    },
}

/// Shows the pipeline's progress as a bar on a terminal, and remembers when
/// each stage started for `--timings`.
struct Reporter {
    bar: Option<ProgressBar>,
    started: Mutex<Vec<(Stage, Instant)>>,
}

impl Reporter {
    fn new(show_bar: bool) -> Self {
        let bar = show_bar.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Reporter {
            bar,
            started: Mutex::new(Vec::new()),
        }
    }

    /// Each stage's duration, in order.
    fn timings(&self) -> Vec<(Stage, Duration)> {
        let started = self.started.lock().map(|s| s.clone()).unwrap_or_default();
        let end = Instant::now();
        started
            .iter()
            .enumerate()
            .map(|(i, (stage, at))| {
                let next = started.get(i + 1).map_or(end, |(_, t)| *t);
                (*stage, next.duration_since(*at))
            })
            .collect()
    }
}

impl Progress for Reporter {
    fn stage(&self, stage: Stage, total: Option<u64>, message: &str) {
        if let Ok(mut started) = self.started.lock() {
            started.push((stage, Instant::now()));
        }
        let Some(bar) = &self.bar else { return };
        let style = match total {
            Some(_) => ProgressStyle::with_template(
                "{spinner} {msg:<28} [{bar:30}] {pos}/{len} ({eta} left)",
            ),
            None => ProgressStyle::with_template("{spinner} {msg}"),
        };
        if let Ok(style) = style {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_length(total.unwrap_or(0));
        bar.set_position(0);
        bar.set_message(message.to_string());
    }

    fn advance(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A progress bar only for a person watching: not in CI, not when stderr is
/// a file or a pipe, not with --quiet.
fn wants_progress_bar(quiet: bool) -> bool {
    !quiet && std::env::var_os("CI").is_none() && std::io::stderr().is_terminal()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let quiet = cli.quiet;
    match cli.command {
        Command::Build {
            root,
            output,
            timings,
            no_cache,
            clear_cache,
            keep_going,
        } => {
            let output = output.unwrap_or_else(|| root.join("public"));
            if clear_cache {
                if let Err(e) = dossier::cache::clear(&root) {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            }
            let reporter = Reporter::new(wants_progress_bar(quiet));
            let options = dossier::BuildOptions {
                errors_as_warnings: keep_going,
                cache: if no_cache {
                    CacheUse::Off
                } else {
                    CacheUse::ReadWrite
                },
                ..Default::default()
            };
            let result = dossier::build_with_options(&root, &output, &reporter, options);
            if timings {
                for (stage, took) in reporter.timings() {
                    eprintln!("{:>10}: {:7.2} s", stage.label(), took.as_secs_f64());
                }
            }
            match result {
                Ok(report) => {
                    if !quiet {
                        for d in &report.diagnostics {
                            if d.severity >= Severity::Warning {
                                eprintln!("{d}");
                            }
                        }
                        let cached = if report.cached > 0 {
                            format!(
                                " ({} analysed, {} from the cache)",
                                report.articles - report.cached,
                                report.cached
                            )
                        } else {
                            String::new()
                        };
                        eprintln!(
                            "built {} articles{cached}, {} actors, {} events into {} ({} files)",
                            report.articles,
                            report.actors,
                            report.events,
                            output.display(),
                            report.files
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { dir, templates } => match dossier::scaffold::new_project(&dir, templates) {
            Ok(done) => {
                if !quiet {
                    eprintln!(
                        "created a dossier project in {} ({} files); next:\n  \
                         dossier build --root {0}\n  dossier serve --root {0}",
                        dir.display(),
                        done.files.len()
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Serve {
            root,
            port,
            output,
            bind,
            drafts,
            base_url,
            open,
        } => {
            let options = dossier::serve::ServeOptions {
                output,
                port,
                bind,
                drafts,
                base_url,
                open,
                ..dossier::serve::ServeOptions::new(root)
            };
            match dossier::serve::serve(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { root, format } => match dossier::check::check(&root) {
            Ok((analysis, findings)) => {
                let errors = findings
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                // --quiet keeps the errors and drops the rest.
                let shown: Vec<&Diagnostic> = findings
                    .iter()
                    .filter(|d| !quiet || d.severity == Severity::Error)
                    .collect();
                match format {
                    Format::Text => {
                        for d in &shown {
                            println!("{d}");
                        }
                    }
                    Format::Json => match serde_json::to_string_pretty(&shown) {
                        Ok(json) => println!("{json}"),
                        Err(e) => {
                            eprintln!("error: {e}");
                            return ExitCode::FAILURE;
                        }
                    },
                }
                if !quiet {
                    eprintln!(
                        "checked {} articles: {} error(s), {} finding(s) in all",
                        analysis.articles.len(),
                        errors,
                        findings.len()
                    );
                }
                if errors > 0 {
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(e) => {
                if format == Format::Json {
                    let d = Diagnostic::error("fatal", e.to_string());
                    println!("{}", serde_json::to_string_pretty(&[d]).unwrap_or_default());
                }
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
