//! The tag set: O, and B(egin), I(nside), L(ast), U(nit) of each CoNLL
//! entity type, the transitions allowed between them, and spans from tags.

/// The CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Per,
    Loc,
    Org,
    Misc,
}

pub const KINDS: [Kind; 4] = [Kind::Per, Kind::Loc, Kind::Org, Kind::Misc];

/// O plus four positions for each of four types.
pub const N_TAGS: usize = 17;
pub const O: u8 = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    B,
    I,
    L,
    U,
}

impl Kind {
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The CoNLL label: PER, LOC, ORG, MISC.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Loc => "LOC",
            Kind::Org => "ORG",
            Kind::Misc => "MISC",
        }
    }

    pub fn from_label(s: &str) -> Option<Kind> {
        KINDS.into_iter().find(|k| k.label() == s)
    }
}

pub fn tag(kind: Kind, pos: Pos) -> u8 {
    1 + 4 * kind.index() + pos as u8
}

/// The type and position of a tag, `None` for O.
pub fn split(tag: u8) -> Option<(Kind, Pos)> {
    if tag == O || tag as usize >= N_TAGS {
        return None;
    }
    let k = KINDS[((tag - 1) / 4) as usize];
    let p = [Pos::B, Pos::I, Pos::L, Pos::U][((tag - 1) % 4) as usize];
    Some((k, p))
}

/// Whether `next` may follow `prev` (`None` at a sentence start), and
/// whether `next` may end a sentence when `last` is true.
pub fn allowed(prev: Option<u8>, next: u8, last: bool) -> bool {
    let open = prev
        .and_then(split)
        .filter(|(_, p)| matches!(p, Pos::B | Pos::I));
    let ok = match (open, split(next)) {
        (Some((k, _)), Some((k2, p))) => k == k2 && matches!(p, Pos::I | Pos::L),
        (Some(_), None) => false,
        (None, None) => true,
        (None, Some((_, p))) => matches!(p, Pos::B | Pos::U),
    };
    ok && !(last && matches!(split(next), Some((_, Pos::B | Pos::I))))
}

/// Entity spans `(first word, last word + 1, type)` in one sentence's tags.
pub fn spans(tags: &[u8]) -> Vec<(usize, usize, Kind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            None => open = None,
            Some((k, Pos::U)) => {
                out.push((i, i + 1, k));
                open = None;
            }
            Some((k, Pos::B)) => open = Some((i, k)),
            Some((k, Pos::I)) => {
                if open.is_none_or(|(_, ok)| ok != k) {
                    open = Some((i, k));
                }
            }
            Some((k, Pos::L)) => {
                let start = match open {
                    Some((s, ok)) if ok == k => s,
                    _ => i,
                };
                out.push((start, i + 1, k));
                open = None;
            }
        }
    }
    out
}

/// BILOU tags of one sentence from its spans.
pub fn from_spans(len: usize, spans: &[(usize, usize, Kind)]) -> Vec<u8> {
    let mut tags = vec![O; len];
    for &(s, e, k) in spans {
        if e == s + 1 {
            tags[s] = tag(k, Pos::U);
        } else {
            tags[s] = tag(k, Pos::B);
            for t in &mut tags[s + 1..e - 1] {
                *t = tag(k, Pos::I);
            }
            tags[e - 1] = tag(k, Pos::L);
        }
    }
    tags
}

/// Spans of CoNLL IOB1 labels (`I-PER`, `B-PER` starting a new entity right
/// after another of its type, `O`); an unknown label is an error.
pub fn iob_spans(labels: &[&str]) -> Result<Vec<(usize, usize, Kind)>, String> {
    let mut out: Vec<(usize, usize, Kind)> = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, l) in labels.iter().enumerate() {
        if *l == "O" {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            continue;
        }
        let (pos, name) = l
            .split_once('-')
            .ok_or_else(|| format!("bad label {l:?}"))?;
        let kind = Kind::from_label(name).ok_or_else(|| format!("bad label {l:?}"))?;
        let continues = pos == "I" && open.is_some_and(|(_, k)| k == kind);
        if !matches!(pos, "I" | "B") {
            return Err(format!("bad label {l:?}"));
        }
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            open = Some((i, kind));
        }
    }
    if let Some((s, k)) = open {
        out.push((s, labels.len(), k));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_to_bilou_and_back() {
        let labels = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"];
        let s = iob_spans(&labels).unwrap();
        assert_eq!(
            s,
            vec![
                (0, 2, Kind::Per),
                (3, 4, Kind::Loc),
                (4, 5, Kind::Loc),
                (5, 6, Kind::Org)
            ]
        );
        let t = from_spans(6, &s);
        assert_eq!(spans(&t), s);
        assert!(iob_spans(&["X-PER"]).is_err());
        assert!(iob_spans(&["I-FOO"]).is_err());
    }

    #[test]
    fn transitions() {
        let b = tag(Kind::Per, Pos::B);
        let l = tag(Kind::Per, Pos::L);
        assert!(allowed(None, b, false));
        assert!(!allowed(None, b, true));
        assert!(allowed(Some(b), l, true));
        assert!(!allowed(Some(b), O, false));
        assert!(!allowed(Some(b), tag(Kind::Org, Pos::L), false));
        assert!(!allowed(Some(O), l, false));
    }
}
