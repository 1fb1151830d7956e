//! Which script a text is written in, to spot short lines in another one.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    Latin,
    Cyrillic,
    Hangul,
    Cjk,
    Arabic,
    Greek,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    let s = match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x600..=0x6FF => Script::Arabic,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF | 0x4E00..=0x9FFF => Script::Cjk,
        _ => Script::Other,
    };
    Some(s)
}

/// The script most letters of the text are written in.
pub(super) fn dominant_script(text: &str) -> Script {
    let mut counts = [0usize; 7];
    for s in text.chars().filter_map(script_of) {
        counts[s as usize] += 1;
    }
    let all = [
        Script::Latin,
        Script::Cyrillic,
        Script::Hangul,
        Script::Cjk,
        Script::Arabic,
        Script::Greek,
        Script::Other,
    ];
    all.into_iter()
        .max_by_key(|s| (counts[*s as usize], std::cmp::Reverse(*s as usize)))
        .unwrap_or(Script::Latin)
}

/// True when most letters of the line are in another script than `main`.
pub(super) fn mostly_foreign(line: &str, main: Script) -> bool {
    let (mut foreign, mut total) = (0, 0);
    for s in line.chars().filter_map(script_of) {
        total += 1;
        if s != main {
            foreign += 1;
        }
    }
    total > 0 && foreign * 2 > total
}
