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
        r"(?i)\b(?:was|were|had|did|has\s+been|have\s+been|ago|last|met|held|took|went|came|made|gave|saw|told|left|began|spoke|sent|said|wrote|flew|led|won|lost|paid|sought|brought|fought|signed|fell|rose|grew|became|fled|stood|kept|ran|sold|bought|built|caught|chose|drew|drove|found|knew|spent|struck|threw|broke|felt|heard|shot|sank|[a-z]{3,}ed)\b",
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

#[derive(Clone)]
struct Cue {
    start: usize,
    end: usize,
    tense: Tense,
    /// Order of the cue in the one-pass scan (future cues first, then past
    /// ones, each left to right): ties on distance go to the earlier one.
    order: usize,
    /// For a past cue: the range in `SentenceCues::suppressors` of the
    /// future cues that make it a participle ("to be held").
    suppressors: std::ops::Range<usize>,
}

/// Every tense cue of one sentence, found in one scan of it, so each time
/// expression in the sentence costs a binary search and a few cues instead
/// of a rescan of the sentence.
pub struct SentenceCues {
    sentence: std::ops::Range<usize>,
    /// Cues sorted by start.
    cues: Vec<Cue>,
    /// Ranges of the future cues that suppress past cues.
    suppressors: Vec<std::ops::Range<usize>>,
    /// Longest cue, in bytes: bounds how far back a scan must look.
    max_len: usize,
    /// Positions (absolute) of the punctuation that opens a clause, with the
    /// end of the character, and of the punctuation that closes one.
    opens: Vec<(usize, usize)>,
    closes: Vec<usize>,
}

impl SentenceCues {
    /// Scans `sentence` (a byte range of `text`) once with both cue patterns.
    pub fn new(text: &str, sentence: std::ops::Range<usize>) -> SentenceCues {
        let mut out = SentenceCues {
            sentence: sentence.clone(),
            cues: Vec::new(),
            suppressors: Vec::new(),
            max_len: 0,
            opens: Vec::new(),
            closes: Vec::new(),
        };
        let Some(s) = text.get(sentence.clone()) else {
            return out;
        };
        let base = sentence.start;
        let mut future: Vec<Cue> = Vec::new();
        for m in FUTURE_CUE.find_iter(s) {
            let word = m.as_str().to_ascii_lowercase();
            if word == "will" {
                let prev = s[..m.start()].split_whitespace().next_back().unwrap_or("");
                if makes_will_a_noun(prev) {
                    continue;
                }
            }
            future.push(Cue {
                start: base + m.start(),
                end: base + m.end(),
                tense: Tense::Future,
                order: future.len(),
                suppressors: 0..0,
            });
        }
        let future_max = future.iter().map(|c| c.end - c.start).max().unwrap_or(0);
        let mut past: Vec<Cue> = Vec::new();
        for m in PAST_CUE.find_iter(s) {
            if is_false_past(m.as_str()) {
                continue;
            }
            let start = base + m.start();
            // Future cues with c.start <= start <= c.end + 12 (sorted by start).
            let upto = future.partition_point(|c| c.start <= start);
            let from = start.saturating_sub(12 + future_max);
            let first = out.suppressors.len();
            let lo = future[..upto].partition_point(|c| c.start < from);
            for c in &future[lo..upto] {
                if start <= c.end + 12 {
                    out.suppressors.push(c.start..c.end);
                }
            }
            past.push(Cue {
                start,
                end: base + m.end(),
                tense: Tense::Past,
                order: 0,
                suppressors: first..out.suppressors.len(),
            });
        }
        let n_future = future.len();
        for (i, c) in past.iter_mut().enumerate() {
            c.order = n_future + i;
        }
        out.cues = future;
        out.cues.extend(past);
        out.cues.sort_by_key(|c| (c.start, c.order));
        out.max_len = out.cues.iter().map(|c| c.end - c.start).max().unwrap_or(0);
        for (i, ch) in s.char_indices() {
            if matches!(ch, ',' | ';' | ':' | '(' | '—' | '“' | '"') {
                out.opens.push((base + i, base + i + ch.len_utf8()));
            }
            if matches!(ch, ',' | ';' | ':' | ')' | '—' | '”' | '"') {
                out.closes.push(base + i);
            }
        }
        out
    }

    /// The sentence these cues were found in.
    pub fn sentence(&self) -> std::ops::Range<usize> {
        self.sentence.clone()
    }

    /// True when the cue counts for an expression at `span`.
    fn valid(&self, c: &Cue, span: &std::ops::Range<usize>) -> bool {
        if spans_overlap(c.start..c.end, span.clone()) {
            return false;
        }
        // A participle right after "to be"/"will be" is not a past verb.
        !self.suppressors[c.suppressors.clone()]
            .iter()
            .any(|f| !spans_overlap(f.clone(), span.clone()))
    }

    /// The tense governing the expression at `span` inside this sentence:
    /// the nearest cue, preferring one in the same clause, found from the cues nearest the span.
    pub fn tense_at(&self, text: &str, span: std::ops::Range<usize>) -> Tense {
        let sentence = self.sentence.clone();
        let Some(s) = text.get(sentence.clone()) else {
            return Tense::Unknown;
        };
        let base = sentence.start;
        // The nearest cue before the span is one of those ending last
        // before it, the nearest after one of those starting first after it;
        // cues never hold clause punctuation, so when the nearest on a side
        // is outside the clause every cue on that side is.
        let mut near: Vec<&Cue> = Vec::new();
        let split = self.cues.partition_point(|c| c.start < span.start);
        let mut best_end: Option<usize> = None;
        for c in self.cues[..split].iter().rev() {
            if best_end.is_some_and(|e| c.start + self.max_len < e) {
                break;
            }
            if c.end <= span.start && self.valid(c, &span) {
                best_end = Some(best_end.map_or(c.end, |e| e.max(c.end)));
                near.push(c);
            }
        }
        let mut best_start: Option<usize> = None;
        for c in &self.cues[split..] {
            if best_start.is_some_and(|b| c.start > b) {
                break;
            }
            if self.valid(c, &span) {
                best_start.get_or_insert(c.start);
                near.push(c);
            }
        }
        if near.is_empty() {
            return Tense::Unknown;
        }
        near.sort_by_key(|c| c.order);
        // Clause of the expression: between the nearest clause punctuation
        // on either side. A cue inside it beats a nearer cue outside it.
        let limit = base + span.start.saturating_sub(base).min(s.len());
        let k = self.opens.partition_point(|&(_, end)| end <= limit);
        let clause_start = k.checked_sub(1).map(|k| self.opens[k].0).unwrap_or(base);
        let after = span.end.saturating_sub(base).min(s.len());
        let clause_end = if s.get(after..).is_some() {
            let k = self.closes.partition_point(|&p| p < base + after);
            self.closes.get(k).copied().unwrap_or(sentence.end)
        } else {
            sentence.end
        };
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
        near.iter()
            .min_by_key(|c| distance(c))
            .map(|c| c.tense)
            .unwrap_or(Tense::Unknown)
    }
}

/// A tense check reused across the expressions of a text, scanning each
/// sentence once (expressions come in text order, so one sentence is kept).
#[derive(Default)]
pub struct TenseCache {
    last: Option<SentenceCues>,
}

impl TenseCache {
    pub fn tense_at(
        &mut self,
        text: &str,
        sentence: std::ops::Range<usize>,
        span: std::ops::Range<usize>,
    ) -> Tense {
        if self.last.as_ref().is_none_or(|c| c.sentence() != sentence) {
            self.last = Some(SentenceCues::new(text, sentence));
        }
        self.last
            .as_ref()
            .map_or(Tense::Unknown, |c| c.tense_at(text, span))
    }
}

fn spans_overlap(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
