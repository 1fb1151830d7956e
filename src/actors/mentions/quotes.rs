//! Quote attribution: quoted words given to the person named next to a
//! speech verb around them, or to the one a pronoun refers back to.

use super::lists::{CORE_TITLES, SPEECH_VERBS};
use crate::actors::kb::KnowledgeBase;
use crate::corpus::{ActorKind, Mention, Quote};
use crate::lang::{self, Sentence};

/// Quoted words attributed to a person: the person named next to a speech
/// verb around the quote, or the last person named before "he said" /
/// "according to him".
pub(super) fn find_quotes(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    kb: &KnowledgeBase,
) -> Vec<Quote> {
    let is_person =
        |id: &str| id.starts_with('?') || kb.get(id).is_some_and(|a| a.kind == ActorKind::Person);
    let people: Vec<&Mention> = mentions.iter().filter(|m| is_person(&m.actor)).collect();
    let mut out = Vec::new();
    for (start, end) in quoted_spans(text) {
        let inner = text[start..end].trim();
        if inner.split_whitespace().count() < 3 {
            continue;
        }
        let outside = |m: &&&Mention| m.end <= start || m.start >= end;
        let window_start = lang::sentence_at(sentences, start)
            .and_then(|i| sentences.get(i))
            .map(|s| s.start)
            .unwrap_or(start);
        let window_end = lang::sentence_at(sentences, end.saturating_sub(1))
            .and_then(|i| sentences.get(i))
            .map(|s| s.end)
            .unwrap_or(end)
            .max(end);
        let context = format!(
            "{} {}",
            &text[window_start..start.max(window_start)],
            text.get(end..window_end).unwrap_or("")
        )
        .to_lowercase();
        let speech = SPEECH_VERBS.iter().any(|v| context.contains(v))
            || context.contains("according to")
            || context.contains("quoted")
            || context.contains("saying");
        if !speech {
            continue;
        }
        // `mentions` are sorted and do not overlap: the window's people by
        // binary search.
        let lo = people.partition_point(|m| m.start < window_start);
        let hi = people.partition_point(|m| m.start < window_end).max(lo);
        let in_window: Vec<&&Mention> = people[lo..hi]
            .iter()
            .filter(|m| m.start >= window_start && m.end <= window_end)
            .filter(outside)
            .collect();
        // Nearest to the quote: just after it ("…," Belousov said) or the
        // last before it.
        let speaker = in_window
            .iter()
            .filter(|m| m.start >= end)
            .min_by_key(|m| m.start)
            .filter(|m| m.start - end < 30)
            .or_else(|| {
                in_window
                    .iter()
                    .filter(|m| m.end <= start)
                    .max_by_key(|m| m.start)
            })
            .or_else(|| in_window.first())
            .map(|m| m.actor.clone())
            .or_else(|| {
                // "The Minister noted that “…”": an unresolved title is the
                // speaker; guessing the last named person would mislead.
                let lead = text[window_start..start.max(window_start)].to_lowercase();
                if lead
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| CORE_TITLES.contains(&w) || w == "official")
                {
                    return None;
                }
                let pronoun = [
                    "he said",
                    "she said",
                    "according to him",
                    "according to her",
                    "he noted",
                    "he stressed",
                    "he added",
                    "she added",
                    "he emphasized",
                ]
                .iter()
                .any(|p| context.contains(p));
                pronoun
                    .then(|| {
                        // The last person ending before the quote.
                        let n = people.partition_point(|m| m.end <= start);
                        n.checked_sub(1).and_then(|i| people.get(i))
                    })
                    .flatten()
                    .map(|m| m.actor.clone())
            });
        if let Some(actor) = speaker {
            out.push(Quote {
                actor,
                text: inner.to_string(),
                start,
                end,
            });
        }
    }
    out
}

/// Byte ranges of text between quotation marks (curly or straight).
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '«') => open = Some((c, i + c.len_utf8())),
            (None, '"') => open = Some(('"', i + 1)),
            (Some(('“', s)), '”') | (Some(('«', s)), '»') | (Some(('"', s)), '"') => {
                out.push((s, i));
                open = None;
            }
            // A line break ends a quote that was never closed: pasted and
            // machine-translated text often loses closing marks.
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}
