//! Near misses between name keys: spellings close enough to list as
//! possible duplicates (never merged), and lenient agreement of a name
//! damaged by machine translation with a real one.

use super::keys::NameKey;

/// How close two keys of the same surname are when not equal: used to list
/// possible duplicates, never to merge.
pub fn near_miss(a: &NameKey, b: &NameKey) -> Option<String> {
    if a.surname() != b.surname() || a.parts == b.parts {
        return None;
    }
    let (ga, gb) = (a.given()?, b.given()?);
    if a.korean && b.korean {
        let (sa, sb) = (&a.syllables, &b.syllables);
        if sa.len() == sb.len() && sa.len() > 1 {
            let differing = sa.iter().zip(sb).filter(|(x, y)| x != y).count();
            if differing == 1 {
                return Some("same surname, given names differ in one syllable".into());
            }
        }
        return None;
    }
    let ia = ga.chars().next();
    if ga.len() == 1 || gb.len() == 1 {
        return (ia == gb.chars().next())
            .then(|| "same surname, given name matches an initial".into());
    }
    if edit_distance_at_most_one(ga, gb) {
        return Some("same surname, given names one letter apart".into());
    }
    None
}

pub(super) fn edit_distance_at_most_one(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let mut i = 0;
    let mut j = 0;
    let mut edits = 0;
    while i < short.len() && j < long.len() {
        if short[i] == long[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        if short.len() == long.len() {
            i += 1;
        }
        j += 1;
    }
    edits + (long.len() - j) + (short.len() - i) <= 1
}

/// Lenient agreement of a damaged given name with a real one, for repairs
/// already anchored by role and date: one key is a prefix of the other and
/// they differ by at most two letters ("gvanjole" ~ "gvanjol").
pub fn damaged_given_matches(damaged: &str, real: &str) -> bool {
    if damaged.is_empty() || real.is_empty() {
        return false;
    }
    let (short, long) = if damaged.len() <= real.len() {
        (damaged, real)
    } else {
        (real, damaged)
    };
    long.starts_with(short) && long.len() - short.len() <= 2 && short.len() >= 3
}
