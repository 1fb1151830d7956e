//! Modality: triggers that report no event (hypotheticals, a visit already
//! under way, "accepted the invitation"), events that did not happen
//! (denied, cancelled), plans said in words, and events so old they are
//! background.

use std::sync::LazyLock;

use chrono::Days;
use regex::Regex;

use super::{tail, tail_start, Context, Site};
use crate::corpus::Timex;
use crate::corpus::{ActorKind, EventKind};

/// Dates more than this far before publication are history, not news.
const BACKGROUND_AFTER_DAYS: u64 = 365;

/// Future and intention: the event has not happened yet.
static PLANNED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|shall|would|set\s+to|expected\s+to|scheduled\s+to|due\s+to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|intending\s+to|is\s+to|are\s+to|upcoming|planned|forthcoming|invited\s+\S+(?:\s+\S+){0,4}\s+to|agreed\s+to|going\s+to|proposed|proposes\s+to|poised\s+to|preparing\s+to|prepares\s+to|expected)\b",
    )
    .expect("valid regex")
});

/// "are close to signing": right before the trigger only ("arrived close to
/// midnight" is not a plan).
static CLOSE_TO_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bclose\s+to\s+$").expect("valid regex"));

/// Hypotheticals, denials and wishes are not events.
static UNREAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:could|might|may|if|whether|not|never|no|hopes?\s+to|wants?\s+to|would\s+like\s+to|ready\s+to|willing\s+to)\b")
        .expect("valid regex")
});

/// "denied reports that Araghchi had met": a denial reports no event.
static DENIAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:denied|denies|deny|denying|dismissed|rejected|refuted|refutes)\b")
        .expect("valid regex")
});

/// "cancelled his visit", "called off the talks".
static CANCELLED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:cancell?ed|cancels|called\s+off|calls\s+off|postponed|postpones|scrapped|shelved)\s+(?:\w+\s+){0,3}$")
        .expect("valid regex")
});

/// "A visit by Araghchi to Beijing … has been cancelled".
static CANCELLED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^;.]*?\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:cancell?ed|called\s+off|postponed|scrapped|shelved)\b")
        .expect("valid regex")
});

/// "who is paying an official visit to", "who is on a visit", MT "who is
/// located with an official visit in".
static ONGOING_VISIT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:who|which)\s+(?:is|are)\s+(?:currently\s+|now\s+)?(?:paying|making|on|located\s+with|staying\s+on|here\s+on)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$")
        .expect("valid regex")
});

/// "accepted the invitation / proposal / credentials": not a reception.
static NOT_A_GUEST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:\S+\s+){0,4}?(?:invitations?|proposals?|offers?|credentials|requests?|resignations?|apolog\w*|terms|plan)\b")
        .expect("valid regex")
});

static GENERIC_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:visits|tours|meetings|summits|negotiations|talks)$").expect("valid regex")
});

static GENERIC_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:more|fewer|many|several|frequent|regular|further|future|mutual|reciprocal|such|other|numerous|repeated|occasional)\s+(?:[\w-]+\s+){0,2}$")
        .expect("valid regex")
});

/// Negations, modals, a visit in progress, "accepted the invitation": the
/// trigger reports no event.
pub(super) fn reports_no_event(ctx: &Context, site: &Site) -> bool {
    let Site {
        text,
        sentence,
        range,
        trigger,
        trigger_text,
        window_before,
        mentions,
        ..
    } = *site;
    // Negations and modals, except inside a name ("No Kwang Chol").
    let unreal_window = tail(window_before, 40);
    let unreal_offset = range.start - unreal_window.len();
    let unreal = UNREAL_BEFORE.find_iter(unreal_window).any(|w| {
        let at = unreal_offset + w.start();
        !mentions.iter().any(|m| m.start <= at && at < m.end)
    });
    // "Lavrov, who is paying an official visit to the DPRK": the
    // visit in progress is context of the main event, not a report
    // of it (its start is reported by the arrival, elsewhere).
    let ongoing =
        trigger.kind == EventKind::Visit && ONGOING_VISIT_BEFORE.is_match(tail(window_before, 60));
    // MT of Russian "принял" is "accepted" — but not "accepted the
    // invitation".
    let not_received = trigger_text.eq_ignore_ascii_case("accepted")
        && NOT_A_GUEST_AFTER.is_match(tail_start(
            text.get(range.end..sentence.end).unwrap_or(""),
            60,
        ));
    // "Analysts expect more Russian visits to the region": a plural noun
    // after a quantifier, in a sentence that names no one, is talk of
    // events in general.
    let generic = GENERIC_TRIGGER.is_match(trigger_text)
        && GENERIC_BEFORE.is_match(tail(window_before, 40))
        && !mentions
            .iter()
            .any(|m| ctx.kind(&m.actor) == Some(ActorKind::Person));
    unreal || ongoing || not_received || generic
}

/// "denied reports that … had met", "the visit … has been cancelled": the
/// event did not happen (or will not) — an event of status not-happened,
/// never counted as one that took place.
pub(super) fn did_not_happen(site: &Site) -> bool {
    let Site {
        text,
        sentence,
        range,
        window_before,
        ..
    } = *site;
    let after = text.get(range.end..sentence.end).unwrap_or("");
    DENIAL_BEFORE.is_match(tail(window_before, 100))
        || CANCELLED_BEFORE.is_match(tail(window_before, 50))
        || CANCELLED_AFTER.is_match(tail_start(after, 120))
}

/// Future or intention said in the words before the trigger.
pub(super) fn planned_in_words(site: &Site) -> bool {
    let Site {
        trigger,
        before,
        window_before,
        ..
    } = *site;
    PLANNED_BEFORE.is_match(tail(window_before, 60))
        || CLOSE_TO_BEFORE.is_match(window_before)
        || (trigger.noun && PLANNED_BEFORE.is_match(tail(before, 30)))
}

impl Context<'_> {
    pub(super) fn is_background(&self, t: &Timex) -> bool {
        match (t.interval, self.article.published) {
            (Some(i), Some(p)) => p
                .checked_sub_days(Days::new(BACKGROUND_AFTER_DAYS))
                .is_some_and(|limit| i.end < limit),
            _ => false,
        }
    }
}
