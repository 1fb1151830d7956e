//! Article and note bodies as escaped HTML, with mentions linked to actor
//! pages and time expressions marked up.

use super::*;

/// The article body as escaped HTML, with mentions linked to actor pages
/// and dates marked up. Links are written relative to the article page
/// (`articles/x.html`), hence the `../`. Markdown keeps its formatting;
/// raw text becomes one `<p>` per paragraph.
pub(super) fn annotated_body(a: &AnalysedArticle, analysis: &Analysis) -> String {
    let annotations = annotations_for(a, analysis, "../");
    if let Some(markdown) = &a.article.markdown {
        return crate::markup::markdown::render_annotated(markdown, &annotations);
    }
    let title = a.article.title.trim();
    let mut html = String::new();
    for (i, range) in lang::paragraphs(&a.article.text).into_iter().enumerate() {
        // The page shows the title as its h1; a first paragraph that only
        // repeats it would be said twice.
        if i == 0 && a.article.text.get(range.clone()).map(str::trim) == Some(title) {
            continue;
        }
        html.push_str("<p>");
        html::write_annotated(&a.article.text, range, &annotations, &mut html);
        html.push_str("</p>\n");
    }
    html
}

/// Mentions become links, time expressions `<time>` (or a marked `<span>`
/// where HTML has no valid form for the value). Sorted by start; at equal
/// starts the longer span first, so the wider annotation wins an overlap.
pub fn annotations_for(a: &AnalysedArticle, analysis: &Analysis, root: &str) -> Vec<Annotation> {
    annotations_from(&a.actors.mentions, &a.timexes, &analysis.registry, root)
}

/// The annotations of any analysed text (an article, an analyst's note):
/// its actor mentions and time expressions, with links relative to `root`.
pub fn annotations_from(
    mentions: &[Mention],
    timexes: &[Timex],
    registry: &Registry,
    root: &str,
) -> Vec<Annotation> {
    let mut out = Vec::new();
    for m in mentions {
        let Some(actor) = registry.get(&m.actor) else {
            continue;
        };
        let mut open = String::from("<a class=\"mention mention-");
        open.push_str(match actor.kind {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Place => "place",
        });
        open.push_str("\" href=\"");
        html::escape_html(root, &mut open);
        html::escape_html(&actor_url(actor), &mut open);
        open.push_str("\" title=\"");
        html::escape_html(&actor.name, &mut open);
        open.push_str("\">");
        out.push(Annotation {
            start: m.start,
            end: m.end,
            open,
            close: "</a>".to_string(),
        });
    }
    for t in timexes {
        let mut value = String::new();
        html::escape_html(&t.value, &mut value);
        let (open, close) = match dates::html_datetime(&t.value) {
            Some(dt) => {
                let mut dt_escaped = String::new();
                html::escape_html(&dt, &mut dt_escaped);
                (
                    format!("<time class=\"timex\" datetime=\"{dt_escaped}\" title=\"{value}\">"),
                    "</time>",
                )
            }
            None => (
                format!("<span class=\"timex\" data-value=\"{value}\" title=\"{value}\">"),
                "</span>",
            ),
        };
        out.push(Annotation {
            start: t.start,
            end: t.end,
            open,
            close: close.to_string(),
        });
    }
    out.sort_by(|x, y| {
        x.start
            .cmp(&y.start)
            .then_with(|| y.end.cmp(&x.end))
            .then_with(|| x.open.cmp(&y.open))
    });
    out
}
