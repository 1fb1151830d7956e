//! `dossier check`: the findings of every stage plus those only worth
//! computing when an analyst asks: inferred publication dates with their
//! evidence, names that matched no knowledge-base entry, names repaired from
//! machine translation, possible duplicate people, and links in Markdown
//! articles to pages the site does not have.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::corpus::diagnostics::{self, Diagnostic};
use crate::corpus::{ActorKind, MentionVia};
use crate::corpus::{AnalysedArticle, Analysis};
use crate::pipeline::BuildError;
use crate::{briefing, render, search};

/// Analyses the project at `root` and returns every finding, sorted.
pub fn check(root: &Path) -> Result<(Analysis, Vec<Diagnostic>), BuildError> {
    // Reads cached analyses but writes none: check writes nothing.
    let (analysis, _) = crate::pipeline::analyse_cached(
        root,
        &crate::progress::Silent,
        crate::pipeline::CacheUse::Read,
    )?;
    let mut all = analysis.diagnostics.clone();
    all.extend(findings(root, &analysis));
    diagnostics::sort(&mut all);
    Ok((analysis, all))
}

/// The check-only findings for an analysed project.
pub fn findings(root: &Path, analysis: &Analysis) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut sources = SourceCache::new(root);
    inferred_dates(analysis, &mut out);
    names(analysis, &mut sources, &mut out);
    duplicates(analysis, &mut out);
    broken_links(root, analysis, &mut out);
    interface_strings(root, analysis, &mut out);
    out
}

/// What the build says about the interface translation (unknown language,
/// unknown or untranslated strings, a broken file).
fn interface_strings(root: &Path, analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    match render::i18n::Translation::load(root, &analysis.config.language) {
        Ok((_, warnings)) => out.extend(warnings),
        Err(e) => {
            let d = Diagnostic::error("translation", e.message).in_file(e.path);
            out.push(match e.line {
                Some(l) => d.at_line(l),
                None => d,
            });
        }
    }
}

/// Source files read on demand, to turn a piece of text into a line number.
struct SourceCache<'a> {
    root: &'a Path,
    files: BTreeMap<String, Option<String>>,
}

impl<'a> SourceCache<'a> {
    fn new(root: &'a Path) -> Self {
        SourceCache {
            root,
            files: BTreeMap::new(),
        }
    }

    fn text(&mut self, path: &str) -> Option<&str> {
        self.files
            .entry(path.to_string())
            .or_insert_with(|| std::fs::read_to_string(self.root.join(path)).ok())
            .as_deref()
    }

    /// The 1-based line of the first occurrence of `needle` in `path`.
    fn line_of(&mut self, path: &str, needle: &str) -> Option<usize> {
        let text = self.text(path)?;
        let at = text.find(needle)?;
        Some(text[..at].matches('\n').count() + 1)
    }
}

fn located(d: Diagnostic, file: &str, line: Option<usize>) -> Diagnostic {
    let d = d.in_file(file);
    match line {
        Some(l) => d.at_line(l),
        None => d,
    }
}

fn inferred_dates(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    for a in &analysis.articles {
        if let (None, Some(date), Some(evidence)) = (
            a.article.published,
            a.published,
            a.published_evidence.as_deref(),
        ) {
            out.push(
                Diagnostic::warning(
                    "inferred-date",
                    format!(
                        "publication date inferred as {date}{} from: {evidence}; relative dates \
                         in the article depend on it (set `published` to confirm)",
                        match a.published_range {
                            Some(r) if r.start == r.end =>
                                " (the evidence fixes the day)".to_string(),
                            Some(r) => format!(
                                " (the evidence fixes only a range, {} to {})",
                                r.start, r.end
                            ),
                            None => String::new(),
                        }
                    ),
                )
                .in_file(&a.article.source_path),
            );
        } else if a.published.is_none() && a.article.published.is_none() {
            // Ingest already reports the missing date; this says what it costs.
            out.push(
                Diagnostic::warning(
                    "undated-article",
                    "no publication date given and none could be inferred: relative dates \
                     (\"on Tuesday\", \"last month\") stay unresolved",
                )
                .in_file(&a.article.source_path),
            );
        }
    }
}

/// People who matched no knowledge-base entry (one note per person, at their
/// first mention), and names read through machine-translation damage.
fn names(analysis: &Analysis, sources: &mut SourceCache, out: &mut Vec<Diagnostic>) {
    let uncurated: BTreeSet<&str> = analysis
        .registry
        .actors
        .iter()
        .filter(|a| !a.curated && a.kind == ActorKind::Person)
        .map(|a| a.id.as_str())
        .collect();
    // actor id → (mentions, articles, first article and mention)
    let mut seen: BTreeMap<&str, (usize, usize, &AnalysedArticle, &str)> = BTreeMap::new();
    for a in &analysis.articles {
        let mut in_this: BTreeSet<&str> = BTreeSet::new();
        for m in &a.actors.mentions {
            if m.via == MentionVia::Repaired {
                let line = sources.line_of(&a.article.source_path, &m.text);
                let name = analysis
                    .registry
                    .get(&m.actor)
                    .map_or(m.actor.as_str(), |x| x.name.as_str());
                out.push(located(
                    Diagnostic::note(
                        "repaired-name",
                        format!(
                            "\"{}\" read as {name} (a name damaged by translation, resolved \
                             from context): check it",
                            m.text
                        ),
                    ),
                    &a.article.source_path,
                    line,
                ));
            }
            if !uncurated.contains(m.actor.as_str()) {
                continue;
            }
            let entry = seen.entry(m.actor.as_str()).or_insert((0, 0, a, &m.text));
            entry.0 += 1;
            if in_this.insert(m.actor.as_str()) {
                entry.1 += 1;
            }
        }
    }
    for (id, (mentions, articles, first, text)) in seen {
        let name = analysis.registry.get(id).map_or(id, |x| x.name.as_str());
        let line = sources.line_of(&first.article.source_path, text);
        out.push(located(
            Diagnostic::note(
                "unresolved-name",
                format!(
                    "{name} is not in the knowledge base ({mentions} mention(s) in {articles} \
                     article(s)); add an entry to content/actors.yaml to fix the spelling and \
                     roles"
                ),
            ),
            &first.article.source_path,
            line,
        ));
    }
}

fn duplicates(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    for d in &analysis.registry.possible_duplicates {
        let name = |id: &str| {
            analysis
                .registry
                .get(id)
                .map_or(id.to_string(), |a| format!("{} ({id})", a.name))
        };
        out.push(
            Diagnostic::warning(
                "possible-duplicate",
                format!(
                    "{} and {} may be the same person: {}; if so, add one as an alias of \
                     the other in content/actors.yaml",
                    name(&d.first),
                    name(&d.second),
                    d.reason
                ),
            )
            .in_file("content/actors.yaml"),
        );
    }
}

fn broken_links(root: &Path, analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    if !briefing::links::has_internal_links(analysis) {
        return;
    }
    // The files the site really has: render it (nothing is written), with
    // the search index and the static files.
    let site = briefing::build(analysis);
    let mut pages: BTreeSet<String> = match render::render_site(root, &site) {
        Ok(files) => files.into_iter().map(|f| f.path).collect(),
        Err(e) => {
            out.push(Diagnostic::error("template", e.to_string()));
            return;
        }
    };
    if let Ok(files) = search::site_files(&site) {
        pages.extend(files.into_iter().map(|f| f.path));
    }
    pages.insert(crate::write::FAVICON.to_string());
    if let Ok((files, _)) = crate::ingest::static_files(root) {
        pages.extend(files.into_iter().map(|f| f.site_path));
    }
    out.extend(briefing::links::broken_links(root, analysis, |p| {
        pages.contains(p)
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markdown_link_to_a_missing_page_is_an_error_with_its_line() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        crate::scaffold::new_project(dir, false).unwrap();
        let article = dir.join("content/articles/2024-05-14-defence-ministers-meet.md");
        let mut text = std::fs::read_to_string(&article).unwrap();
        text.push_str(
            "\nSee [the earlier visit](../events/no-such-event.html) and \
             [Haugen's page](../people/erik-haugen.html).\n",
        );
        std::fs::write(&article, &text).unwrap();
        let (_, found) = check(dir).unwrap();
        let broken: Vec<_> = found.iter().filter(|d| d.code == "broken-link").collect();
        assert_eq!(broken.len(), 1, "{broken:#?}");
        let expected_line = text
            .lines()
            .position(|l| l.contains("no-such-event"))
            .unwrap()
            + 1;
        assert_eq!(broken[0].line, Some(expected_line));
        assert!(broken[0].message.contains("events/no-such-event.html"));
    }

    #[test]
    fn an_undated_article_reports_its_inferred_date_with_evidence() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        crate::scaffold::new_project(dir, false).unwrap();
        // The wire report loses its date: the text still names Thursday and
        // the minister's tenure, from which a date is inferred.
        std::fs::write(dir.join("content/metadata.yaml"), "{}\n").unwrap();
        let (_, found) = check(dir).unwrap();
        let dated: Vec<_> = found
            .iter()
            .filter(|d| {
                d.file.as_deref() == Some("raw/example-wire-report.txt")
                    && (d.code == "inferred-date" || d.code == "undated-article")
            })
            .collect();
        assert_eq!(dated.len(), 1, "{found:#?}");
    }
}
