//! The `dossier` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dossier::diagnostics::Severity;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Build cross-linked intelligence briefings from news articles",
    long_about = "dossier turns a folder of news articles (raw text pasted from web pages, or \
                  Markdown with YAML front matter) into a static HTML briefing: one page per \
                  article, person, place and event, a timeline, and indexes. Dates are \
                  normalized against each article's publication date, name variants are \
                  resolved to one actor, and every fact links to the sentence it came from."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: ROOT/public).
    ///
    /// The site is written to a temporary folder and swapped in only when the
    /// build succeeds, so a failed build leaves the previous site intact.
    Build {
        /// Project root: the folder holding content/, seeds/ and templates/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: ROOT/public).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Report problems in the content without writing anything.
    ///
    /// Lists unknown fields, missing or inferred publication dates,
    /// unresolved names, possible duplicate people and broken references,
    /// each with its file and line. Exits non-zero when there are errors.
    Check {
        /// Project root: the folder holding content/, seeds/ and templates/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Build, serve the site on 127.0.0.1 and rebuild on every change.
    ///
    /// Watches content/, templates/ and the raw-text source folders; after
    /// each change the site is rebuilt and open pages reload themselves. A
    /// broken edit shows its error in the page and here, and the server keeps
    /// serving the last good build.
    Serve {
        /// Project root: the folder holding content/, seeds/ and templates/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port on 127.0.0.1 to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Build into this folder instead of a temporary one.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { root, output } => {
            let output = output.unwrap_or_else(|| root.join("public"));
            match dossier::build(&root, &output) {
                Ok(report) => {
                    for d in &report.diagnostics {
                        if d.severity >= Severity::Warning {
                            eprintln!("{d}");
                        }
                    }
                    eprintln!(
                        "built {} articles, {} actors, {} events into {} ({} files)",
                        report.articles,
                        report.actors,
                        report.events,
                        output.display(),
                        report.files
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve { root, port, output } => {
            match dossier::serve::serve(dossier::serve::ServeOptions { root, output, port }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { root } => match dossier::analyse(&root) {
            Ok(analysis) => {
                for d in &analysis.diagnostics {
                    println!("{d}");
                }
                let errors = analysis
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                eprintln!(
                    "checked {} articles: {} error(s), {} finding(s) in all",
                    analysis.articles.len(),
                    errors,
                    analysis.diagnostics.len()
                );
                if errors > 0 {
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
