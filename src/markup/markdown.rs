//! Markdown article bodies: plain text for the analysis stages, and HTML for
//! the article page with the analysis' annotations woven in.
//!
//! Both walk the same normalized pulldown-cmark event stream, so each text
//! run of the HTML maps to a known byte range of the plain text; annotation
//! offsets (which point into the plain text) can therefore be placed inside
//! the formatted body. Raw HTML is escaped, never passed through, and links
//! with a scheme other than http(s)/mailto lose their target.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

use crate::markup::html::{self, Annotation};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// How deeply quotes, lists, links, emphasis and the rest may nest in a
/// body. Markup nested deeper (50,000 nested links or quotes, which no
/// writer means) is flattened: its text is kept, its tags are dropped, so
/// no later step, and no browser, meets a structure as deep as the input.
pub const MAX_NESTING: usize = 64;

/// The event stream with adjacent text runs merged and soft line breaks
/// turned into spaces, so a name broken across two source lines is one run;
/// tags nested deeper than [`MAX_NESTING`] are dropped (a block boundary
/// becomes a space). The flag says whether any were.
fn events(markdown: &str) -> (Vec<Event<'_>>, bool) {
    let mut out: Vec<Event<'_>> = Vec::new();
    let mut depth = 0usize;
    let mut flattened = false;
    for event in Parser::new_ext(markdown, options()) {
        let event = match event {
            Event::SoftBreak => Event::Text(CowStr::Borrowed(" ")),
            Event::Start(tag) => {
                depth += 1;
                if depth <= MAX_NESTING {
                    Event::Start(tag)
                } else {
                    flattened = true;
                    if !is_block_boundary(&tag) {
                        continue;
                    }
                    Event::Text(CowStr::Borrowed(" "))
                }
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth < MAX_NESTING {
                    Event::End(tag)
                } else if is_block_end(&tag) {
                    Event::Text(CowStr::Borrowed(" "))
                } else {
                    continue;
                }
            }
            other => other,
        };
        match (out.last_mut(), event) {
            (Some(Event::Text(prev)), Event::Text(next)) => {
                *prev = CowStr::from(format!("{prev}{next}"));
            }
            (_, event) => out.push(event),
        }
    }
    (out, flattened)
}

/// Plain text plus, for every event, the range of the plain text it produced.
struct Extraction {
    text: String,
    runs: Vec<Option<Range<usize>>>,
}

/// Which enclosing tags make text not part of the prose.
fn is_block_boundary(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
    )
}

fn extract(events: &[Event<'_>]) -> Extraction {
    let mut text = String::new();
    let mut runs = vec![None; events.len()];
    // Start of the paragraph being built, in `text`.
    let mut para_start: Option<usize> = None;
    // Inside a code block or an image, text is not prose.
    let mut hidden = 0usize;

    let end_paragraph =
        |text: &mut String, runs: &mut [Option<Range<usize>>], start: &mut Option<usize>| {
            if start.take().is_some() && text.ends_with(' ') {
                text.pop();
                let len = text.len();
                for r in runs.iter_mut().flatten() {
                    r.end = r.end.min(len);
                    r.start = r.start.min(len);
                }
            }
        };

    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(tag) => {
                if is_block_boundary(tag) {
                    end_paragraph(&mut text, &mut runs, &mut para_start);
                }
                if matches!(tag, Tag::CodeBlock(_) | Tag::Image { .. }) {
                    hidden += 1;
                }
            }
            Event::End(tag) => {
                if is_block_end(tag) {
                    end_paragraph(&mut text, &mut runs, &mut para_start);
                }
                if matches!(tag, TagEnd::CodeBlock | TagEnd::Image) {
                    hidden = hidden.saturating_sub(1);
                }
            }
            Event::Text(t) | Event::Code(t) if hidden == 0 => {
                let collapsed = collapse(t, para_start.is_none() || text.ends_with(' '));
                if collapsed.is_empty() {
                    continue;
                }
                if para_start.is_none() {
                    if !text.is_empty() {
                        text.push_str("\n\n");
                    }
                    para_start = Some(text.len());
                }
                let start = text.len();
                text.push_str(&collapsed);
                runs[i] = Some(start..text.len());
            }
            Event::HardBreak if para_start.is_some() && !text.ends_with(' ') => text.push(' '),
            _ => {}
        }
    }
    end_paragraph(&mut text, &mut runs, &mut para_start);
    Extraction { text, runs }
}

/// Whitespace runs become one space; leading space is dropped when the
/// output already ends in one.
fn collapse(run: &str, drop_leading: bool) -> String {
    let mut out = String::with_capacity(run.len());
    let mut space = drop_leading;
    for c in run.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// The plain text of a Markdown body: one paragraph per block (headings,
/// list items, quotes and table cells included), joined by "\n\n"; inline
/// markup dropped, link text kept, code blocks and image alt text left out.
pub fn plain_text(markdown: &str) -> String {
    extract(&events(markdown).0).text
}

/// [`plain_text`], and whether markup nested deeper than [`MAX_NESTING`]
/// was flattened to text (worth a warning to the writer).
pub fn plain_text_flattened(markdown: &str) -> (String, bool) {
    let (events, flattened) = events(markdown);
    (extract(&events).text, flattened)
}

/// Renders a Markdown body to HTML, wrapping `annotations` (byte ranges into
/// [`plain_text`] of the same body, sorted by start). An annotation that
/// spans two differently formatted runs is left out rather than misnested,
/// and link annotations inside a Markdown link are dropped (no nested `<a>`).
pub fn render_annotated(markdown: &str, annotations: &[Annotation]) -> String {
    let (events, _) = events(markdown);
    let extraction = extract(&events);
    let plain = &extraction.text;
    let mut sorted: Vec<Annotation> = annotations.to_vec();
    sorted.sort_by_key(|a| (a.start, a.end));
    let without_links: Vec<Annotation> = sorted
        .iter()
        .filter(|a| !a.open.trim_start().starts_with("<a"))
        .cloned()
        .collect();

    let mut html = String::with_capacity(markdown.len() * 2);
    let mut in_link = 0usize;
    let mut in_table_head = false;
    let mut image_alt: Option<(String, String, String)> = None;
    let mut list_stack: Vec<bool> = Vec::new();
    let mut in_code_block = false;

    for (i, event) in events.iter().enumerate() {
        if let Some((_, _, alt)) = image_alt.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {
                    if let Some((src, title, alt)) = image_alt.take() {
                        html.push_str("<img src=\"");
                        html::escape_html(&src, &mut html);
                        html.push_str("\" alt=\"");
                        html::escape_html(&alt, &mut html);
                        if !title.is_empty() {
                            html.push_str("\" title=\"");
                            html::escape_html(&title, &mut html);
                        }
                        html.push_str("\">");
                    }
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(t),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => html.push_str("<p>"),
                Tag::Heading { level, .. } => {
                    html.push_str(&format!("<{}>", heading(*level)));
                }
                Tag::BlockQuote(_) => html.push_str("<blockquote>\n"),
                Tag::CodeBlock(_) => {
                    in_code_block = true;
                    html.push_str("<pre><code>");
                }
                Tag::HtmlBlock => html.push_str("<pre class=\"raw-html\">"),
                Tag::List(Some(start)) => {
                    list_stack.push(true);
                    if *start == 1 {
                        html.push_str("<ol>\n");
                    } else {
                        html.push_str(&format!("<ol start=\"{start}\">\n"));
                    }
                }
                Tag::List(None) => {
                    list_stack.push(false);
                    html.push_str("<ul>\n");
                }
                Tag::Item => html.push_str("<li>"),
                Tag::Table(_) => html.push_str("<table>\n"),
                Tag::TableHead => {
                    in_table_head = true;
                    html.push_str("<thead><tr>");
                }
                Tag::TableRow => html.push_str("<tr>"),
                Tag::TableCell => html.push_str(if in_table_head { "<th>" } else { "<td>" }),
                Tag::Emphasis => html.push_str("<em>"),
                Tag::Strong => html.push_str("<strong>"),
                Tag::Strikethrough => html.push_str("<del>"),
                Tag::Superscript => html.push_str("<sup>"),
                Tag::Subscript => html.push_str("<sub>"),
                Tag::Link {
                    dest_url, title, ..
                } => {
                    in_link += 1;
                    match safe_url(dest_url) {
                        Some(url) => {
                            html.push_str("<a href=\"");
                            html::escape_html(url, &mut html);
                            html.push('"');
                            if !title.is_empty() {
                                html.push_str(" title=\"");
                                html::escape_html(title, &mut html);
                                html.push('"');
                            }
                            // Only links leaving the site get rel: an
                            // article's own link to a page here is ordinary.
                            if is_external(url) {
                                html.push_str(" rel=\"nofollow noopener\"");
                            }
                            html.push('>');
                        }
                        None => html.push_str("<a>"),
                    }
                }
                Tag::Image {
                    dest_url, title, ..
                } => {
                    let src = safe_url(dest_url)
                        .filter(|u| !u.to_ascii_lowercase().starts_with("mailto:"))
                        .unwrap_or("")
                        .to_string();
                    image_alt = Some((src, title.to_string(), String::new()));
                }
                Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::MetadataBlock(_) => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => html.push_str("</p>\n"),
                TagEnd::Heading(level) => {
                    html.push_str(&format!("</{}>\n", heading(*level)));
                }
                TagEnd::BlockQuote(_) => html.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => {
                    in_code_block = false;
                    html.push_str("</code></pre>\n");
                }
                TagEnd::HtmlBlock => html.push_str("</pre>\n"),
                TagEnd::List(_) => {
                    let ordered = list_stack.pop().unwrap_or(false);
                    html.push_str(if ordered { "</ol>\n" } else { "</ul>\n" });
                }
                TagEnd::Item => html.push_str("</li>\n"),
                TagEnd::Table => html.push_str("</tbody></table>\n"),
                TagEnd::TableHead => {
                    in_table_head = false;
                    html.push_str("</tr></thead><tbody>\n");
                }
                TagEnd::TableRow => html.push_str("</tr>\n"),
                TagEnd::TableCell => html.push_str(if in_table_head { "</th>" } else { "</td>" }),
                TagEnd::Emphasis => html.push_str("</em>"),
                TagEnd::Strong => html.push_str("</strong>"),
                TagEnd::Strikethrough => html.push_str("</del>"),
                TagEnd::Superscript => html.push_str("</sup>"),
                TagEnd::Subscript => html.push_str("</sub>"),
                TagEnd::Link => {
                    in_link = in_link.saturating_sub(1);
                    html.push_str("</a>");
                }
                TagEnd::Image
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::MetadataBlock(_) => {}
            },
            Event::Text(t) | Event::Code(t) => {
                let is_code = matches!(event, Event::Code(_));
                if is_code {
                    html.push_str("<code>");
                }
                match extraction.runs.get(i).cloned().flatten() {
                    Some(range) if !in_code_block => {
                        let anns = if in_link > 0 { &without_links } else { &sorted };
                        html::write_annotated(plain, range, anns, &mut html);
                    }
                    // Code blocks, and runs that were only whitespace.
                    _ => html::escape_html(t, &mut html),
                }
                if is_code {
                    html.push_str("</code>");
                }
            }
            // Raw HTML is shown as text: an article must not inject markup.
            Event::Html(t) | Event::InlineHtml(t) => html::escape_html(t, &mut html),
            Event::InlineMath(t) | Event::DisplayMath(t) => html::escape_html(t, &mut html),
            Event::FootnoteReference(t) => {
                html.push('[');
                html::escape_html(t, &mut html);
                html.push(']');
            }
            Event::SoftBreak => html.push('\n'),
            Event::HardBreak => html.push_str("<br>\n"),
            Event::Rule => html.push_str("<hr>\n"),
            Event::TaskListMarker(done) => {
                html.push_str(if *done { "[x] " } else { "[ ] " });
            }
        }
    }
    html
}

/// A body's headings sit below the page's own `<h1>` (the article or note
/// title) and the section heading around it, so `#` becomes `<h3>`: a page
/// keeps one `<h1>` and an unbroken outline.
fn heading(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h3",
        HeadingLevel::H2 => "h4",
        HeadingLevel::H3 => "h5",
        HeadingLevel::H4 | HeadingLevel::H5 | HeadingLevel::H6 => "h6",
    }
}

fn is_external(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
}

/// The URL if it is safe to link: no scheme (relative, fragment) or one of
/// http, https, mailto. `javascript:`, `data:` and the rest are refused,
/// also when disguised with case, whitespace or control characters.
fn safe_url(url: &str) -> Option<&str> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = cleaned.find(':');
    let path_start = cleaned.find(['/', '?', '#']);
    match scheme_end {
        Some(colon) if path_start.is_none_or(|p| colon < p) => {
            let scheme = &cleaned[..colon];
            matches!(scheme, "http" | "https" | "mailto").then_some(url)
        }
        _ => Some(url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(start: usize, end: usize, tag: &str) -> Annotation {
        Annotation {
            start,
            end,
            open: format!("<{tag}>"),
            close: format!("</{tag}>"),
        }
    }

    #[test]
    fn body_headings_sit_below_the_page_title_and_internal_links_stay_plain() {
        let html = render_annotated(
            "# Background\n\nSee [the timeline](../timeline.html) and [a wire](https://example.org).\n",
            &[],
        );
        assert!(html.contains("<h3>Background</h3>"), "{html}");
        assert!(!html.contains("<h1"), "one h1 per page: {html}");
        assert!(
            html.contains("<a href=\"../timeline.html\">the timeline</a>"),
            "{html}"
        );
        assert!(
            html.contains("href=\"https://example.org\" rel=\"nofollow noopener\""),
            "{html}"
        );
    }

    #[test]
    fn plain_text_has_one_paragraph_per_block() {
        let md = "# Talks in Hanoi\n\nThe *two* ministers met\non **Friday**, [officials](https://example.org) said.\n\n- First point\n- Second point\n\n> A quoted line.\n\n```\ncode here\n```\n\n![alt text](pic.png)\n";
        assert_eq!(
            plain_text(md),
            "Talks in Hanoi\n\nThe two ministers met on Friday, officials said.\n\nFirst point\n\nSecond point\n\nA quoted line."
        );
    }

    #[test]
    fn annotations_land_inside_formatting() {
        let md = "The *two* ministers met Kim Jong Un\non **Friday**.";
        let plain = plain_text(md);
        let kim = plain.find("Kim Jong Un").expect("name");
        let friday = plain.find("Friday").expect("day");
        let html = render_annotated(
            md,
            &[ann(kim, kim + 11, "mark"), ann(friday, friday + 6, "time")],
        );
        assert_eq!(
            html,
            "<p>The <em>two</em> ministers met <mark>Kim Jong Un</mark> on <strong><time>Friday</time></strong>.</p>\n"
        );
    }

    #[test]
    fn name_across_a_soft_break_is_one_run() {
        let md = "Talks with Sergei\nShoigu ended.";
        let plain = plain_text(md);
        assert_eq!(plain, "Talks with Sergei Shoigu ended.");
        let html = render_annotated(md, &[ann(11, 24, "b")]);
        assert!(html.contains("<b>Sergei Shoigu</b>"), "{html}");
    }

    #[test]
    fn raw_html_and_script_links_are_neutralized() {
        let md = "Hello <script>alert(1)</script> world.\n\n<div onclick=\"x()\">block</div>\n\n[click](javascript:alert(1)) [ok](https://example.org) [sneaky]( JaVa\tScRiPt:alert(1))";
        let html = render_annotated(md, &[]);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("href=\"https://example.org\""), "{html}");
    }

    #[test]
    fn link_annotations_are_not_nested_in_markdown_links() {
        let md = "[Kim met Putin](https://example.org) today.";
        let html = render_annotated(
            md,
            &[Annotation {
                start: 0,
                end: 3,
                open: "<a href=\"p.html\">".into(),
                close: "</a>".into(),
            }],
        );
        assert_eq!(
            html,
            "<p><a href=\"https://example.org\" rel=\"nofollow noopener\">Kim met Putin</a> today.</p>\n"
        );
    }

    #[test]
    fn safe_urls() {
        assert!(safe_url("https://a.org/x").is_some());
        assert!(safe_url("../people/kim.html#x").is_some());
        assert!(safe_url("mailto:desk@example.org").is_some());
        assert!(safe_url("javascript:alert(1)").is_none());
        assert!(safe_url("data:text/html,<b>").is_none());
        assert!(safe_url("vbscript:x").is_none());
        assert!(safe_url("/path:with:colons").is_some());
    }

    #[test]
    fn images_keep_alt_but_not_in_plain_text() {
        let md = "![Flags & \"stars\"](javascript:x \"t\") Caption text.";
        assert_eq!(plain_text(md), "Caption text.");
        let html = render_annotated(md, &[]);
        assert!(
            html.contains("<img src=\"\" alt=\"Flags &amp; &quot;stars&quot;\" title=\"t\">"),
            "{html}"
        );
    }

    #[test]
    fn markup_nested_too_deeply_is_flattened_to_text() {
        // Links do not nest in CommonMark (only the innermost is a link),
        // images do.
        let n = 20_000;
        let links = format!("{}deep text{}", "[w ".repeat(n), " ](u)".repeat(n));
        let (text, _) = plain_text_flattened(&links);
        assert!(text.contains("deep text"));
        let images = format!("x {}deep{}", "![w ".repeat(n), " ](u)".repeat(n));
        let (text, flattened) = plain_text_flattened(&images);
        assert!(flattened);
        assert_eq!(text, "x", "alt text is not prose");
        assert!(render_annotated(&images, &[]).matches("<img").count() < MAX_NESTING);
        let quotes = format!("{}deep", "> ".repeat(20_000));
        let (text, flattened) = plain_text_flattened(&quotes);
        assert!(flattened);
        assert_eq!(text, "deep");
        let html = render_annotated(&quotes, &[]);
        assert_eq!(html.matches("<blockquote>").count(), MAX_NESTING);
        assert_eq!(
            html.matches("<blockquote>").count(),
            html.matches("</blockquote>").count()
        );
        assert!(html.contains("deep"));
        // Ordinary nesting is untouched.
        let (_, flattened) = plain_text_flattened("> - *a [b](u)*\n>   - c\n");
        assert!(!flattened);
    }

    #[test]
    fn tables_render_and_extract() {
        let md = "| Who | Where |\n|---|---|\n| Kim | Vladivostok |\n";
        assert_eq!(plain_text(md), "Who\n\nWhere\n\nKim\n\nVladivostok");
        let html = render_annotated(md, &[]);
        assert!(
            html.contains("<th>Who</th>") && html.contains("<td>Kim</td>"),
            "{html}"
        );
    }
}
