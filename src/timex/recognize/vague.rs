//! Vague past and future references ("recently", "in the coming weeks").

use std::sync::LazyLock;

use regex::Regex;

use super::scan::re;
use super::Spec;

/// Vague past and future references (TIMEX3 `PAST_REF`/`FUTURE_REF`).
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(recently)|(?:the\s+)?(recent)\s+(?:days|weeks|months|years)|the\s+(?:(coming|next\s+few|next\s+several|following)\s+(?:days|weeks|months|years)|(near|not\s+too\s+distant|foreseeable)\s+future|(days|weeks|months|years)\s+ahead))\b",
    )
});

/// `PAST_REF` ("recently") and `FUTURE_REF` ("in the near future").
pub(super) fn vague_refs(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in VAGUE.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let value = if c.get(1).is_some() || c.get(2).is_some() {
            "PAST_REF"
        } else {
            "FUTURE_REF"
        };
        push(all.start, all.end, Spec::Vague(value), 1);
    }
}
