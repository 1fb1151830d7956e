//! Escaped HTML from text: escaping, and text with annotations (links,
//! `<time>` elements) woven in at byte ranges, so every piece of article text
//! that reaches a page is escaped in one place.

use std::ops::Range;

/// Markup to wrap around a byte range of a text when it is turned into HTML:
/// a link to a person's page, a `<time>` element, and so on. `open` and
/// `close` are trusted HTML written by the renderer; the text between them is
/// escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub start: usize,
    pub end: usize,
    pub open: String,
    pub close: String,
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Writes `text[range]` as escaped HTML, wrapping the annotations that fall
/// inside the range. Annotations must be sorted by start; one that overlaps an
/// earlier one, or crosses the range's edge, is skipped rather than producing
/// misnested HTML.
pub fn write_annotated(
    text: &str,
    range: Range<usize>,
    annotations: &[Annotation],
    out: &mut String,
) {
    let mut cursor = range.start;
    let first = annotations.partition_point(|a| a.start < range.start);
    for a in &annotations[first..] {
        if a.start >= range.end {
            break;
        }
        if a.start < cursor
            || a.end > range.end
            || a.start >= a.end
            || !text.is_char_boundary(a.start)
            || !text.is_char_boundary(a.end)
        {
            continue;
        }
        escape_html(&text[cursor..a.start], out);
        out.push_str(&a.open);
        escape_html(&text[a.start..a.end], out);
        out.push_str(&a.close);
        cursor = a.end;
    }
    escape_html(&text[cursor..range.end], out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_wrap_escaped_text_and_skip_overlaps() {
        let t = "Kim <met> Shoigu on July 27.";
        let ann = |start, end, tag: &str| Annotation {
            start,
            end,
            open: format!("<{tag}>"),
            close: format!("</{tag}>"),
        };
        let anns = vec![
            ann(0, 3, "a"),
            ann(2, 6, "b"),
            ann(10, 16, "a"),
            ann(20, 27, "time"),
        ];
        let mut out = String::new();
        write_annotated(t, 0..t.len(), &anns, &mut out);
        assert_eq!(
            out,
            "<a>Kim</a> &lt;met&gt; <a>Shoigu</a> on <time>July 27</time>."
        );
        let mut part = String::new();
        write_annotated(t, 4..16, &anns, &mut part);
        assert_eq!(part, "&lt;met&gt; <a>Shoigu</a>");
    }
}
