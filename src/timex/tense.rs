//! Tense of the clause around a time expression, from surface cues. News text
//! is regular enough that auxiliaries ("will", "is set to", "was") and past
//! forms of verbs ("met", "visited") decide past versus future reliably; the
//! cue nearest the expression wins, preferring one in the same clause.

use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// Present tense or no cue at all.
    Unknown,
}

static FUTURE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|won't|shall|'ll|would|going\s+to|(?:is|are|was|were)\s+(?:set|due|scheduled|expected|slated|poised|planning|to)\s|plans?\s+to|planning\s+to|planned|scheduled|slated|expected\s+to|intends?\s+to|aims?\s+to|hopes?\s+to|upcoming|forthcoming|to\s+be\s+held|next|expects?|(?-i:may|might)|begins?|starts|opens|arrives|(?:resume|convene)s?|kicks\s+off|takes\s+place|gets\s+under\s+way)\b",
    )
    .expect("static regex")
});

static PAST_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:was|were|had|did|has\s+been|have\s+been|ago|last|met|held|took|went|came|made|gave|saw|told|left|began|spoke|sent|said|wrote|flew|led|won|lost|paid|sought|brought|fought|signed|[a-z]{3,}ed)\b",
    )
    .expect("static regex")
});

/// Words ending in "-ed" that are not past-tense verbs in news prose (or
/// are future cues, handled first).
fn is_false_past(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "united"
            | "armed"
            | "related"
            | "based"
            | "advanced"
            | "detailed"
            | "limited"
            | "indeed"
            | "hundred"
            | "need"
            | "speed"
            | "seed"
            | "exceed"
            | "proceed"
            | "succeed"
            | "embed"
            | "allied"
            | "alleged"
            | "called"
            | "planned"
            | "scheduled"
            | "expected"
            | "slated"
            | "red"
            | "breed"
            | "feed"
            | "interested"
            | "concerned"
            | "involved"
            | "experienced"
            | "isolated"
            | "sophisticated"
            | "dedicated"
            | "unprecedented"
            | "unified"
            | "qualified"
            | "classified"
            | "needed"
            | "televised"
            | "guided"
            | "supposed"
            | "so-called"
    )
}

/// Words that make a following "will" a noun ("his will to cooperate").
fn makes_will_a_noun(prev: &str) -> bool {
    matches!(
        prev.to_ascii_lowercase().as_str(),
        "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "the"
            | "a"
            | "political"
            | "good"
            | "free"
    )
}

struct Cue {
    start: usize,
    end: usize,
    tense: Tense,
}

/// The tense governing the expression at `span` inside `sentence` (both are
/// byte ranges of `text`).
pub fn tense_at(
    text: &str,
    sentence: std::ops::Range<usize>,
    span: std::ops::Range<usize>,
) -> Tense {
    let Some(s) = text.get(sentence.clone()) else {
        return Tense::Unknown;
    };
    let base = sentence.start;
    let mut cues: Vec<Cue> = Vec::new();
    for m in FUTURE_CUE.find_iter(s) {
        let start = base + m.start();
        let end = base + m.end();
        if spans_overlap(start..end, span.clone()) {
            continue;
        }
        let word = m.as_str().to_ascii_lowercase();
        if word == "will" {
            let prev = s[..m.start()].split_whitespace().next_back().unwrap_or("");
            if makes_will_a_noun(prev) {
                continue;
            }
        }
        cues.push(Cue {
            start,
            end,
            tense: Tense::Future,
        });
    }
    for m in PAST_CUE.find_iter(s) {
        let start = base + m.start();
        let end = base + m.end();
        if spans_overlap(start..end, span.clone()) || is_false_past(m.as_str()) {
            continue;
        }
        // A participle right after "to be"/"will be" is not a past verb.
        if cues
            .iter()
            .any(|c| c.tense == Tense::Future && c.start <= start && start <= c.end + 12)
        {
            continue;
        }
        cues.push(Cue {
            start,
            end,
            tense: Tense::Past,
        });
    }
    if cues.is_empty() {
        return Tense::Unknown;
    }
    // Clause of the expression: between the nearest clause punctuation
    // on either side. A cue inside it beats a nearer cue outside it.
    let clause_start = s[..span.start.saturating_sub(base).min(s.len())]
        .rfind([',', ';', ':', '(', '—', '“', '"'])
        .map(|i| base + i)
        .unwrap_or(base);
    let after = span.end.saturating_sub(base).min(s.len());
    let clause_end = s
        .get(after..)
        .and_then(|rest| rest.find([',', ';', ':', ')', '—', '”', '"']))
        .map(|i| base + after + i)
        .unwrap_or(sentence.end);
    let distance = |c: &Cue| -> (bool, usize) {
        let inside = c.start >= clause_start && c.end <= clause_end;
        // On a tie the verb before the expression governs it: "said on
        // Tuesday he would visit" is a past Tuesday.
        let d = if c.end <= span.start {
            span.start - c.end
        } else {
            c.start.saturating_sub(span.end) + 6
        };
        (!inside, d)
    };
    cues.iter()
        .min_by_key(|c| distance(c))
        .map(|c| c.tense)
        .unwrap_or(Tense::Unknown)
}

fn spans_overlap(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
