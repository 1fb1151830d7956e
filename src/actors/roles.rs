//! Offices as classes: "Defense Minister", "Minister of Defence of the
//! Russian Federation" and "the head of the Ministry of Defense" are one
//! office, so a role mention can be matched to a knowledge-base tenure.

use chrono::NaiveDate;

use super::kb::KnowledgeBase;
use crate::corpus::{Actor, ActorKind, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoleClass {
    Leader,
    /// "General Secretary": the party's leader.
    PartyLeader,
    President,
    PrimeMinister,
    DefenceMinister,
    DeputyDefenceMinister,
    ForeignMinister,
    StateSecurityMinister,
    SecurityCouncilSecretary,
    Ambassador,
    ChiefOfGeneralStaff,
    /// "the minister": any minister, resolved only from the article.
    Minister,
}

/// The office a title names, if it is one we can match. Words are matched
/// whole ("Presidential Aide" is not a president).
pub fn classify(title: &str) -> Option<RoleClass> {
    let words: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let t = format!(
        " {} ",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let has = |w: &str| t.contains(&format!(" {w} "));
    let defence = t.contains(" defen") || has("military department");
    let deputy = has("deputy") || has("vice");
    if deputy {
        return (defence && (has("minister") || has("head")))
            .then_some(RoleClass::DeputyDefenceMinister);
    }
    if defence && (has("minister") || has("head") || has("chief")) {
        return Some(RoleClass::DefenceMinister);
    }
    if has("foreign minister")
        || has("minister of foreign affairs")
        || has("foreign affairs minister")
        || has("top diplomat")
    {
        return Some(RoleClass::ForeignMinister);
    }
    if has("state security") && has("minister") {
        return Some(RoleClass::StateSecurityMinister);
    }
    if (has("security council") && has("secretary")) || has("security chief") {
        return Some(RoleClass::SecurityCouncilSecretary);
    }
    if has("chief of the general staff") || has("chief of general staff") {
        return Some(RoleClass::ChiefOfGeneralStaff);
    }
    if has("prime minister") || has("premier") {
        return Some(RoleClass::PrimeMinister);
    }
    if has("general secretary") {
        return Some(RoleClass::PartyLeader);
    }
    if has("leader") || has("state affairs") || has("head of state") || has("kremlin chief") {
        return Some(RoleClass::Leader);
    }
    if has("president") {
        return Some(RoleClass::President);
    }
    if has("ambassador") {
        return Some(RoleClass::Ambassador);
    }
    if has("minister") {
        return Some(RoleClass::Minister);
    }
    None
}

/// True when an office of class `held` answers a mention of class `asked`.
pub fn answers(asked: RoleClass, held: RoleClass) -> bool {
    use RoleClass::*;
    match asked {
        Minister => matches!(
            held,
            Minister | DefenceMinister | ForeignMinister | StateSecurityMinister | PrimeMinister
        ),
        // A country's leader is its president where it has one.
        Leader => matches!(held, Leader | President | PartyLeader),
        other => other == held,
    }
}

/// The country a phrase refers to, as an actor id: the earliest country
/// word in it ("Russian Ambassador to the DPRK" → russia).
pub fn country_in(phrase: &str) -> Option<&'static str> {
    const WORDS: &[(&str, &str)] = &[
        ("north korea", "dprk"),
        ("dprk", "dprk"),
        ("korean people", "dprk"),
        ("democratic people", "dprk"),
        ("pyongyang", "dprk"),
        ("south korea", "south-korea"),
        ("seoul", "south-korea"),
        ("russia", "russia"),
        ("kremlin", "russia"),
        ("moscow", "russia"),
        ("ukrain", "ukraine"),
        ("kyiv", "ukraine"),
        ("u.s.", "united-states"),
        ("us ", "united-states"),
        ("american", "united-states"),
        ("united states", "united-states"),
        ("washington", "united-states"),
        ("china", "china"),
        ("chinese", "china"),
        ("beijing", "china"),
        ("japan", "japan"),
        ("kpa", "dprk"),
        ("north's", "dprk"),
        ("north’s", "dprk"),
        ("korea", "dprk"),
    ];
    let lower = format!("{} ", phrase.to_lowercase());
    WORDS
        .iter()
        .filter_map(|(w, id)| {
            let at = lower.find(w)?;
            // Word start only: "us " must not match "focus ".
            let ok = at == 0
                || !lower[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            ok.then_some((at, *id))
        })
        .min_by_key(|(at, _)| *at)
        .map(|(_, id)| id)
}

/// The country a knowledge-base role belongs to.
pub fn role_country<'a>(
    kb: &'a KnowledgeBase,
    actor: &'a Actor,
    role: &'a Role,
) -> Option<&'a str> {
    if let Some(of) = role.of.as_deref() {
        if let Some(target) = kb.get(of) {
            return match target.kind {
                ActorKind::Country => Some(target.id.as_str()),
                _ => target.country.as_deref().or(actor.country.as_deref()),
            };
        }
    }
    actor.country.as_deref()
}

/// True when the role is held on `date` (unknown bounds do not exclude).
pub fn held_on(role: &Role, date: NaiveDate) -> bool {
    role.from.is_none_or(|f| f <= date) && role.until.is_none_or(|u| date <= u)
}

/// The knowledge-base people holding an office of `class` (in `country`, if
/// given) on `date`.
pub fn holders_on<'a>(
    kb: &'a KnowledgeBase,
    class: RoleClass,
    country: Option<&str>,
    date: NaiveDate,
) -> Vec<&'a Actor> {
    let mut out: Vec<&Actor> = kb
        .persons()
        .map(|(_, a)| a)
        .filter(|a| {
            a.roles.iter().any(|r| {
                // Only dated roles say who held an office on a given day.
                (r.from.is_some() || r.until.is_some())
                    && held_on(r, date)
                    && classify(&r.title).is_some_and(|held| answers(class, held))
                    && country.is_none_or(|c| role_country(kb, a, r) == Some(c))
            })
        })
        .collect();
    out.dedup_by(|a, b| a.id == b.id);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_classify() {
        assert_eq!(
            classify("North Korean Defense Minister"),
            Some(RoleClass::DefenceMinister)
        );
        assert_eq!(
            classify("Minister of National Defence"),
            Some(RoleClass::DefenceMinister)
        );
        assert_eq!(
            classify("head of the Ministry of Defense"),
            Some(RoleClass::DefenceMinister)
        );
        assert_eq!(
            classify("Russian Deputy Defense Minister"),
            Some(RoleClass::DeputyDefenceMinister)
        );
        assert_eq!(
            classify("the Russian security chief"),
            Some(RoleClass::SecurityCouncilSecretary)
        );
        assert_eq!(classify("the North Korean leader"), Some(RoleClass::Leader));
        assert_eq!(classify("First Vice Foreign Minister"), None);
        assert_eq!(country_in("Russian Ambassador to the DPRK"), Some("russia"));
        assert_eq!(
            country_in("the DPRK’s State Security Minister"),
            Some("dprk")
        );
        assert_eq!(country_in("focus minister"), None);
    }
}
