//! Stage 2a, dates: find time expressions in an article and normalize them to
//! TIMEX3-style values anchored to the publication date.

use chrono::{Datelike, NaiveDate};

mod anchor;
mod infer;
mod lexicon;
mod recognize;
mod tense;

use crate::corpus::{DateInterval, Granularity, Timex, TimexKind, TimexMod};
use crate::lang::Sentence;
pub use infer::{infer_from, infer_publication_date, DateConstraint, InferredDate, Precision};
use recognize::{Candidate, Spec};
use tense::Tense;

/// A reporting verb right before a date: the date is when it was reported.
static REPORTED_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:reported|said|announced|stated|told\s+(?:reporters|journalists|a\s+briefing))\s+(?:on\s+)?$",
    )
    .expect("valid regex")
});

/// A word before a date that makes it a schedule ("payable Jan. 2").
static SCHEDULED_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:payable|effective|due|expires?|expiring|matures?|maturing|of\s+record)\s+(?:on\s+)?$",
    )
    .expect("valid regex")
});

/// Finds and normalizes the time expressions in `text`, anchoring
/// underspecified ones to `reference` (the publication date).
///
/// Two passes, after HeidelTime's design: [`recognize`] finds expressions and
/// writes what the text says (`XXXX-07-27`, "the Saturday of the tense"),
/// then [`anchor`] completes each value from the reference date, the tense of
/// its sentence and the last date mentioned. Linear in the text: a fixed set
/// of precompiled regexes, one pass each.
pub fn annotate(text: &str, reference: Option<NaiveDate>) -> Vec<Timex> {
    annotate_sentences(text, &crate::lang::sentences(text), reference)
}

/// [`annotate`] of a text already split into sentences (by
/// [`crate::lang::sentences`]), so the stages share one split.
pub fn annotate_sentences(
    text: &str,
    sentences: &[Sentence],
    reference: Option<NaiveDate>,
) -> Vec<Timex> {
    anchor_recognized(text, &recognize_sentences(text, sentences), reference)
}

/// The first pass over a text, which does not depend on the reference date:
/// its expressions, each with the tense of its sentence. [`anchor_recognized`]
/// completes them from a reference date; a text without a publication date
/// is recognized once, its date inferred from this, then anchored.
#[derive(Debug, Clone, Default)]
pub struct Recognized {
    items: Vec<Recognition>,
}

#[derive(Debug, Clone)]
struct Recognition {
    cand: Candidate,
    sentence: std::ops::Range<usize>,
    tense: Tense,
}

/// Recognizes the time expressions of `text` (split into `sentences`) and
/// reads the tense of each: everything but the anchoring.
pub fn recognize_sentences(text: &str, sentences: &[Sentence]) -> Recognized {
    let candidates = merge_adjacent(text, recognize::recognize(text));
    let mut tenses = tense::TenseCache::default();
    let items = candidates
        .into_iter()
        .map(|cand| {
            let sentence = sentence_range(sentences, text, cand.start);
            let tense = match cand.relation {
                // "since Sep. 12" starts before the report; "ago" is past by itself.
                Some(TimexMod::Since) => Tense::Past,
                // "payable Jan. 2", "effective Feb. 1", "due March 3": a schedule,
                // whatever the verbs around it ("declared a dividend payable …").
                _ if SCHEDULED_BEFORE.is_match(
                    text.get(cand.start.saturating_sub(24)..cand.start)
                        .unwrap_or(""),
                ) =>
                {
                    Tense::Future
                }
                _ => tenses.tense_at(text, sentence.clone(), cand.start..cand.end),
            };
            Recognition {
                cand,
                sentence,
                tense,
            }
        })
        .collect();
    Recognized { items }
}

/// The second pass: the expressions `recognized` in `text`, anchored to
/// `reference` (the publication date) and the narrative. Linear in the
/// number of expressions.
pub fn anchor_recognized(
    text: &str,
    recognized: &Recognized,
    reference: Option<NaiveDate>,
) -> Vec<Timex> {
    let mut out: Vec<Timex> = Vec::with_capacity(recognized.items.len());
    let mut narrative: Option<(DateInterval, Granularity)> = None;
    // (sentence start, year) of the last year the text stated in a sentence.
    let mut stated_year: Option<(usize, i32)> = None;
    for item in &recognized.items {
        let (cand, sentence, tense) = (&item.cand, &item.sentence, item.tense);
        let sentence_year = stated_year
            .filter(|(s, _)| *s == sentence.start)
            .map(|(_, y)| y);
        let ctx = anchor::Context {
            reference,
            tense,
            narrative,
            sentence_year,
        };
        let Some(resolved) = anchor::resolve(&cand.spec, &ctx) else {
            continue;
        };
        let Some(span_text) = text.get(cand.start..cand.end) else {
            continue;
        };
        let interval = resolved
            .interval
            .map(|iv| anchor::narrow(iv, cand.position));
        let mut kind = if cand.has_clock && resolved.kind == TimexKind::Date {
            TimexKind::Time
        } else {
            resolved.kind
        };
        let mut resolved = resolved;
        // TIMEX3 TIME values: the day plus the clock time ("2013-03-22T15:00")
        // or the part of the day ("Friday afternoon" is "2013-03-22TAF").
        if is_day_value(&resolved.value) {
            if let Some((h, m)) = cand.clock {
                resolved.value = format!("{}T{h:02}:{m:02}", resolved.value);
                kind = TimexKind::Time;
            } else if let Some(code) = cand.part_of_day {
                resolved.value = format!("{}T{code}", resolved.value);
                kind = TimexKind::Time;
            }
        }
        let is_date = matches!(resolved.kind, TimexKind::Date | TimexKind::Time);
        // "… state media reported Thursday" dates the report, not the story:
        // "earlier in the day" in the next sentence still means the day of
        // the meeting, so a report date never becomes the narrative anchor.
        let report_date = text
            .get(cand.start.saturating_sub(40)..cand.start)
            .is_some_and(|before| REPORTED_BEFORE.is_match(before));
        // "the year-ago quarter" looks back without moving the story.
        let looks_back = matches!(
            cand.spec,
            Spec::YearEarlier | Spec::QuarterRef { back: 1.. }
        ) || matches!(cand.spec, Spec::Ago { .. } | Spec::Narrative { .. })
            && resolved.granularity == Some(Granularity::Quarter);
        if is_date && !report_date && !looks_back {
            if let (Some(iv), Some(g)) = (resolved.interval, resolved.granularity) {
                narrative = Some((iv, g));
            }
        }
        if is_date && cand.states_year() {
            if let Some(iv) = resolved.interval {
                stated_year = Some((sentence.start, iv.start.year()));
            }
        }
        let future = match (interval, reference) {
            (Some(iv), Some(r)) => iv.start > r,
            (None, _) if resolved.value == "FUTURE_REF" => true,
            // Without a reference only an explicit future cue can say so.
            (None, None) => is_date && tense == Tense::Future,
            _ => false,
        };
        out.push(Timex {
            start: cand.start,
            end: cand.end,
            text: span_text.to_string(),
            kind,
            value: resolved.value,
            granularity: resolved.granularity,
            modifier: cand.relation.or(cand.position),
            interval,
            anchoring: resolved.anchoring,
            future,
        });
    }
    out
}

/// `YYYY-MM-DD` or `XXXX-MM-DD`: a value a clock time or part of day can
/// refine.
fn is_day_value(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b[8].is_ascii_digit() && b[9].is_ascii_digit()
}

/// The byte range of the sentence containing `pos` (the whole text if the
/// splitter left it out, e.g. in a blank-line gap).
fn sentence_range(
    sentences: &[crate::lang::Sentence],
    text: &str,
    pos: usize,
) -> std::ops::Range<usize> {
    let i = sentences.partition_point(|s| s.end <= pos);
    match sentences.get(i) {
        Some(s) if s.start <= pos => s.start..s.end,
        _ => 0..text.len(),
    }
}

/// Joins expressions that the text splits: a clock time next to its day
/// ("at 2:22 a.m. on Saturday" is one Saturday), and a month repeated by
/// machine translation ("in June in June this year" is one June).
fn merge_adjacent(text: &str, cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for cand in cands {
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.end..cand.start).unwrap_or("x").trim();
            let gap_l = gap.to_ascii_lowercase();
            let joinable = gap.is_empty()
                || matches!(
                    gap_l.as_str(),
                    "," | "on" | ", on" | "of" | "in" | "(" | "at" | ", at"
                );
            let dayish = |s: &Spec| {
                matches!(
                    s,
                    Spec::Day { .. }
                        | Spec::Weekday { .. }
                        | Spec::RelativeDay(_)
                        | Spec::DayOfMonth(_)
                )
            };
            let clock = |s: &Spec| matches!(s, Spec::Clock { .. });
            if joinable && gap_l != "in" && clock(&prev.spec) && dayish(&cand.spec) {
                prev.end = cand.end;
                prev.spec = cand.spec;
                prev.relation = prev.relation.or(cand.relation);
                prev.has_clock = true;
                prev.part_of_day = cand.part_of_day;
                continue;
            }
            if joinable && gap_l != "in" && dayish(&prev.spec) && clock(&cand.spec) {
                prev.end = cand.end;
                prev.has_clock = true;
                prev.clock = cand.clock;
                continue;
            }
            if let (Spec::Month { month: a, year: ya }, Spec::Month { month: b, year: yb }) =
                (&prev.spec, &cand.spec)
            {
                if a == b && gap_l == "in" {
                    let year = if *ya == recognize::YearRef::Undefined {
                        *yb
                    } else {
                        *ya
                    };
                    prev.end = cand.end;
                    prev.spec = Spec::Month { month: *a, year };
                    continue;
                }
            }
        }
        out.push(cand);
    }
    out
}
