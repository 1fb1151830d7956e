//! Dates relative to the reference date or to the last date mentioned:
//! weekdays, yesterday/today/tomorrow, "last week", "two days ago", "the
//! next day", "the end of the year".

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::scan::{is_sentence_start, next_word, prev_word, re, starts_upper};
use super::{Candidate, Portion, Spec, Unit, WeekdayShift};
use crate::corpus::TimexMod;
use crate::timex::lexicon::{self, NUMBER_ALT, PART_OF_DAY_ALT};

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(last|next|this|coming|past)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+({PART_OF_DAY_ALT}))?\b"
    ))
});
static RELATIVE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|(?:this|last)\s+({PART_OF_DAY_ALT}))(?:\s+({PART_OF_DAY_ALT}))?\b"
    ))
});
static RELATIVE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(earlier|later)\s+(?:in\s+)?)?(this\s+past|this\s+coming|this|last|next|past|coming|the\s+previous|the\s+following|the\s+next|the\s+same|that|the\s+current)\s+(week|weekend|month|quarter|year|decade)\b",
    )
});
/// "for the year", "of the year", "in the fiscal year", "the current
/// fiscal year": the reference year in company reports; followed by
/// "ended"/"ending" it is the twelve months up to that day.
static THE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?i:for|of|in|during|throughout)\s+(the\s+(?:fiscal\s+)?year)|(the\s+current\s+fiscal\s+year))\b",
    )
});
static THE_WEEKEND: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bthe\s+weekend\b"));
static PORTION_OF_THE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(earlier|later)\s+in|(?:the\s+)?(?:(end|start|beginning|middle|close|rest|remainder|turn)\s+of))\s+the\s+(day|week|month|year|decade)\b",
    )
});
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b({NUMBER_ALT})[\s-]+(day|week|month|year|decade)s?\s+(ago|earlier|later|before|after)\b"
    ))
});
static NARRATIVE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:the\s+(next|following|previous|preceding|same)|that)\s+(day|{PART_OF_DAY_ALT})\b|\bthe\s+day\s+(before|after)\b"
    ))
});

/// "Thursday", "last Friday", "Sunday evening".
pub(super) fn weekdays(text: &str, extra: &mut Vec<(Candidate, u8)>) {
    for c in WEEKDAY.captures_iter(text) {
        let (Some(all), Some(w)) = (c.get(0), c.get(2)) else {
            continue;
        };
        if !starts_upper(w.as_str()) {
            continue;
        }
        // "Black Friday", "Bloody Sunday", "Good Friday": names, not dates.
        let prev = prev_word(text, all.start());
        // Any other capitalized word before is a subject or an adverb
        // ("The World Court Friday rejected", "Earlier Friday").
        let name_prefix = matches!(
            prev.trim_matches(|ch: char| !ch.is_alphanumeric())
                .to_ascii_lowercase()
                .as_str(),
            "black"
                | "bloody"
                | "good"
                | "holy"
                | "cyber"
                | "casual"
                | "ash"
                | "palm"
                | "easter"
                | "super"
                | "man"
                | "girl"
                | "maundy"
                | "whit"
                | "low"
                | "shrove"
                | "fat"
                | "great"
                | "freaky"
                | "thank"
        );
        if c.get(1).is_none() && starts_upper(prev) && name_prefix {
            continue;
        }
        let Some(weekday) = lexicon::weekday_number(w.as_str()) else {
            continue;
        };
        let shift = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()) {
            Some(s) if s == "last" || s == "past" => WeekdayShift::Last,
            Some(s) if s == "next" || s == "coming" => WeekdayShift::Next,
            Some(_) => WeekdayShift::This,
            None => match week_after(text, all.end()) {
                Some(w) => WeekdayShift::OfWeek(w),
                None if text[all.end()..].starts_with("'s")
                    || text[all.end()..].starts_with("\u{2019}s") =>
                {
                    WeekdayShift::Possessive
                }
                None => WeekdayShift::Tense,
            },
        };
        let part = c.get(3).and_then(|p| lexicon::part_of_day_code(p.as_str()));
        extra.push((
            Candidate {
                start: all.start(),
                end: all.end(),
                spec: Spec::Weekday { weekday, shift },
                position: None,
                relation: None,
                part_of_day: part,
                has_clock: false,
                clock: None,
            },
            2,
        ));
    }
}

static OF_WEEK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s+(?:to|through|and|or|-|–)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\s+(?:of\s+)?(last|next|this)\s+week\b",
    )
});

/// The week a weekday belongs to when the text names it right after
/// ("Thursday of last week", "Monday to Thursday of last week"): -1, 0, +1.
fn week_after(text: &str, end: usize) -> Option<i64> {
    let rest = text.get(end..)?;
    let mut cut = rest.len().min(48);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let c = OF_WEEK.captures(&rest[..cut])?;
    match c.get(1)?.as_str().to_ascii_lowercase().as_str() {
        "last" => Some(-1),
        "next" => Some(1),
        _ => Some(0),
    }
}

/// "yesterday", "today", "tomorrow", "last night".
pub(super) fn relative_days(text: &str, extra: &mut Vec<(Candidate, u8)>) {
    for c in RELATIVE_DAY.captures_iter(text) {
        let (Some(all), Some(word)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // "Russia Today", "USA Today": a capitalized name, not the day.
        if starts_upper(word.as_str())
            && !is_sentence_start(text, all.start())
            && starts_upper(prev_word(text, all.start()))
        {
            continue;
        }
        let w = word.as_str().to_ascii_lowercase();
        let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
        let (offset, part) = match w.as_str() {
            "the day before yesterday" => (-2, None),
            "the day after tomorrow" => (2, None),
            "today" => (0, None),
            "tonight" => (0, Some("NI")),
            "yesterday" => (-1, None),
            "tomorrow" => (1, None),
            other => {
                let p = c.get(2).and_then(|p| lexicon::part_of_day_code(p.as_str()));
                // "last night" is the evening before; "this morning" today.
                (if other.starts_with("last") { -1 } else { 0 }, p)
            }
        };
        let part = c
            .get(3)
            .and_then(|p| lexicon::part_of_day_code(p.as_str()))
            .or(part);
        extra.push((
            Candidate {
                start: all.start(),
                end: all.end(),
                spec: Spec::RelativeDay(offset),
                position: None,
                relation: None,
                part_of_day: part,
                has_clock: false,
                clock: None,
            },
            2,
        ));
    }
}

/// "last week", "this year", "later this month", "the following year".
pub(super) fn relative_units(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in RELATIVE_UNIT.captures_iter(text) {
        relative_unit(text, &c, push);
    }
    for c in THE_YEAR.captures_iter(text) {
        let Some(m) = c.get(1).or(c.get(2)) else {
            continue;
        };
        // "of the year" only after a part of it ("the first nine months of
        // the year"), not in "player of the year".
        let before = &text[..c.get(0).map_or(m.start(), |a| a.start())];
        let lead = c.get(0).map_or("", |a| a.as_str());
        if lead.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("of"))
            && !matches!(
                prev_word(text, before.len()).to_ascii_lowercase().as_str(),
                "months"
                    | "weeks"
                    | "quarter"
                    | "quarters"
                    | "half"
                    | "rest"
                    | "remainder"
                    | "balance"
                    | "part"
                    | "bulk"
                    | "most"
                    | "start"
                    | "end"
            )
        {
            continue;
        }
        let next = next_word(text, m.end()).trim_end_matches([',', '.', ';']);
        let next = next.to_ascii_lowercase();
        let spec = match next.as_str() {
            "ended" | "ending" | "ends" => Spec::Duration("P1Y".to_string()),
            // "the year before the election", "the year 2000", "the year
            // when …": another year, or a span, not the reference year.
            "before" | "after" | "since" | "when" | "that" | "which" | "of" | "following"
            | "prior" => continue,
            w if w.starts_with(|ch: char| ch.is_ascii_digit())
                || lexicon::number_value(w).is_some() =>
            {
                continue
            }
            _ => Spec::RelativeUnit {
                unit: Unit::Year,
                offset: 0,
                portion: Portion::Whole,
            },
        };
        push(m.start(), m.end(), spec, 3);
    }
    for m in THE_WEEKEND.find_iter(text) {
        // "the weekend of March 3" is that date's; "the weekend's rally" is
        // still the weekend.
        if next_word(text, m.end()).eq_ignore_ascii_case("of") {
            continue;
        }
        push(m.start(), m.end(), Spec::Weekend, 3);
    }
}

/// "the end of the year", "later in the day".
pub(super) fn portions(text: &str, extra: &mut Vec<(Candidate, u8)>) {
    for c in PORTION_OF_THE.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let Some(unit) = c.get(3).and_then(|u| unit_of(u.as_str())) else {
            continue;
        };
        let (portion, position) = match (
            c.get(1).map(|m| m.as_str().to_ascii_lowercase()),
            c.get(2).map(|m| m.as_str().to_ascii_lowercase()),
        ) {
            (Some(e), _) if e == "earlier" => (Portion::Earlier, None),
            (Some(_), _) => (Portion::Later, None),
            (None, Some(p)) => match p.as_str() {
                "end" | "close" | "turn" => (Portion::Whole, Some(TimexMod::End)),
                "start" | "beginning" => (Portion::Whole, Some(TimexMod::Start)),
                "middle" => (Portion::Whole, Some(TimexMod::Mid)),
                _ => (Portion::Later, None),
            },
            (None, None) => continue,
        };
        // "later in the day" refers to the day being told about.
        let spec = if unit == Unit::Day {
            if position.is_some() || portion != Portion::Later && portion != Portion::Earlier {
                continue;
            }
            Spec::Narrative {
                unit: Unit::Day,
                offset: 0,
            }
        } else {
            Spec::RelativeUnit {
                unit,
                offset: 0,
                portion,
            }
        };
        extra.push((
            Candidate {
                start: all.start,
                end: all.end,
                spec,
                position,
                relation: None,
                part_of_day: None,
                has_clock: false,
                clock: None,
            },
            2,
        ));
    }
}

/// "two days ago", "three weeks later".
pub(super) fn ago(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in AGO.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let (Some(n), Some(u), Some(dir)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let Some(count) = lexicon::number_value(n.as_str()) else {
            continue;
        };
        let Some(unit) = unit_of(u.as_str()) else {
            continue;
        };
        let spec = match dir.as_str().to_ascii_lowercase().as_str() {
            "ago" => Spec::Ago { unit, count },
            "later" | "after" => Spec::Narrative {
                unit,
                offset: i64::from(count),
            },
            _ => Spec::Narrative {
                unit,
                offset: -i64::from(count),
            },
        };
        // "two days after the summit" is relative to an event we cannot date.
        if matches!(
            dir.as_str().to_ascii_lowercase().as_str(),
            "before" | "after"
        ) {
            let follower = next_word(text, all.end);
            if follower.starts_with(|ch: char| ch.is_alphanumeric()) {
                continue;
            }
        }
        push(all.start, all.end, spec, 1);
    }
}

/// "the next day", "that evening", "the day before".
pub(super) fn narrative_days(text: &str, extra: &mut Vec<(Candidate, u8)>) {
    for c in NARRATIVE_DAY.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let offset = match c
            .get(1)
            .or(c.get(3))
            .map(|m| m.as_str().to_ascii_lowercase())
            .as_deref()
        {
            Some("next" | "following" | "after") => 1,
            Some("previous" | "preceding" | "before") => -1,
            _ => 0,
        };
        let part = c.get(2).and_then(|p| lexicon::part_of_day_code(p.as_str()));
        // "that day" is only a date when it refers back; the bare "day" after
        // "the next"/"that" always does in news prose.
        extra.push((
            Candidate {
                start: all.start,
                end: all.end,
                spec: Spec::Narrative {
                    unit: Unit::Day,
                    offset,
                },
                position: None,
                relation: None,
                part_of_day: part,
                has_clock: false,
                clock: None,
            },
            2,
        ));
    }
}

fn unit_of(word: &str) -> Option<Unit> {
    match word.to_ascii_lowercase().as_str() {
        "day" => Some(Unit::Day),
        "week" => Some(Unit::Week),
        "weekend" => Some(Unit::Weekend),
        "month" => Some(Unit::Month),
        "quarter" => Some(Unit::Quarter),
        "year" => Some(Unit::Year),
        "decade" => Some(Unit::Decade),
        _ => None,
    }
}

fn relative_unit(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(dw), Some(uw)) = (c.get(0), c.get(2), c.get(3)) else {
        return;
    };
    let Some(unit) = unit_of(uw.as_str()) else {
        return;
    };
    let det = dw
        .as_str()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    let portion = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
        Some("earlier") => Portion::Earlier,
        Some(_) => Portion::Later,
        None => Portion::Whole,
    };
    // "This Week", "Next Month" in title case mid-sentence: a programme or
    // publication name.
    if starts_upper(dw.as_str())
        && starts_upper(uw.as_str())
        && !is_sentence_start(text, all.start())
    {
        return;
    }
    let prev = prev_word(text, all.start()).to_ascii_lowercase();
    // "the past year", "over the last week": a duration, not a date.
    if (det == "past" || det == "last") && prev == "the" && c.get(1).is_none() {
        let value = match unit {
            Unit::Day => "P1D",
            Unit::Week | Unit::Weekend => "P1W",
            Unit::Month => "P1M",
            Unit::Quarter => "P1Q",
            Unit::Year => "P1Y",
            Unit::Decade => "P10Y",
        };
        // The article belongs to the duration: "the past year".
        let start = text[..all.start()].trim_end().len().saturating_sub(3);
        push(start, all.end(), Spec::Duration(value.to_string()), 2);
        return;
    }
    let start = all.start();
    let follower = next_word(text, all.end()).to_ascii_lowercase();
    let spec = match det.as_str() {
        "this" | "the current" => Spec::RelativeUnit {
            unit,
            offset: 0,
            portion,
        },
        "last" | "past" | "this past" => Spec::RelativeUnit {
            unit,
            offset: -1,
            portion,
        },
        "next" | "coming" | "this coming" => Spec::RelativeUnit {
            unit,
            offset: 1,
            portion,
        },
        "the previous" => Spec::Narrative { unit, offset: -1 },
        "the following" | "the next" => Spec::Narrative { unit, offset: 1 },
        _ => {
            // "that week" / "the same year" refer back; "that year's" too.
            if follower.starts_with("of") {
                return;
            }
            Spec::Narrative { unit, offset: 0 }
        }
    };
    push(start, all.end(), spec, 2);
}
