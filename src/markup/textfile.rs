//! Project files as text: UTF-8 checked, with the line of the first bad
//! byte; a leading byte-order mark dropped (some editors write one); and for
//! YAML, the line of the first control character, which YAML forbids, so
//! every message can say where to look; a bound on YAML flow nesting,
//! checked in one pass before the parser sees the text; and the control
//! characters that YAML escapes (`"\\x01"`, `"\\0"`) put into parsed strings,
//! found and taken out so they never reach a page or a feed.

use std::fmt;

/// Why a file's bytes are not usable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    InvalidUtf8 {
        line: usize,
    },
    Control {
        line: usize,
        code: u32,
    },
    /// Flow collections (`[`, `{`) nested deeper than [`MAX_YAML_NESTING`].
    TooDeep {
        line: usize,
    },
}

/// How deep `[` and `{` may nest in a YAML file. The YAML parser stops at
/// depth 128 anyway, but only after scanning the whole flow in time that
/// grows with the square of its length (50,000 `[`: seconds), so deeper
/// input is refused before it is parsed. Brackets are counted wherever they
/// are, quoted or not: a real file never comes near this many unclosed ones.
pub const MAX_YAML_NESTING: usize = 1000;

impl TextError {
    /// The 1-based line the problem is on.
    pub fn line(&self) -> usize {
        match self {
            TextError::InvalidUtf8 { line }
            | TextError::Control { line, .. }
            | TextError::TooDeep { line } => *line,
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextError::InvalidUtf8 { .. } => write!(f, "not valid UTF-8 (save the file as UTF-8)"),
            TextError::Control { code, .. } => write!(
                f,
                "control character U+{code:04X} (YAML allows none but tab and line breaks)"
            ),
            TextError::TooDeep { .. } => write!(
                f,
                "brackets nested more than {MAX_YAML_NESTING} deep (YAML flow collections)"
            ),
        }
    }
}

fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1
}

/// The file's text without a leading byte-order mark.
pub fn text(bytes: Vec<u8>) -> Result<String, TextError> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..'\u{feff}'.len_utf8());
            }
            Ok(s)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            Err(TextError::InvalidUtf8 {
                line: line_at(e.as_bytes(), valid),
            })
        }
    }
}

/// [`text`], and no control characters but tab, line feed and carriage
/// return (what YAML 1.2 allows in a file).
pub fn yaml_text(bytes: Vec<u8>) -> Result<String, TextError> {
    let s = text(bytes)?;
    if let Some((at, c)) = s
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'))
    {
        return Err(TextError::Control {
            line: line_at(s.as_bytes(), at),
            code: c as u32,
        });
    }
    yaml_nesting(&s)?;
    Ok(s)
}

/// Refuses YAML whose `[`/`{` nesting passes [`MAX_YAML_NESTING`], with the
/// line where it does; one pass over the bytes.
pub fn yaml_nesting(yaml: &str) -> Result<(), TextError> {
    let mut depth = 0usize;
    for (at, b) in yaml.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_YAML_NESTING {
                    return Err(TextError::TooDeep {
                        line: line_at(yaml.as_bytes(), at),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Whether `c` is a control character no page or feed may carry: all of
/// them but tab, line feed and carriage return.
fn forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Takes control characters (see [`forbidden`]) out of every string of a
/// parsed YAML value, keys included; returns how many there were. Raw
/// control characters are refused before parsing; these come from escapes
/// in double-quoted strings.
pub fn strip_yaml_controls(value: &mut serde_yaml::Value) -> usize {
    use serde_yaml::Value;
    fn clean(s: &mut String) -> usize {
        let n = s.chars().filter(|&c| forbidden(c)).count();
        if n > 0 {
            s.retain(|c| !forbidden(c));
        }
        n
    }
    // Iterative, so no input can make it recurse (the parser bounds depth
    // too, but this does not rely on it).
    let mut count = 0;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => count += clean(s),
            Value::Sequence(items) => stack.extend(items.iter_mut()),
            Value::Mapping(map) => {
                if map
                    .keys()
                    .any(|k| k.as_str().is_some_and(|k| k.chars().any(forbidden)))
                {
                    let old = std::mem::take(map);
                    for (mut k, v) in old {
                        if let Value::String(s) = &mut k {
                            count += clean(s);
                        }
                        map.insert(k, v);
                    }
                }
                stack.extend(map.values_mut());
            }
            Value::Tagged(t) => stack.push(&mut t.value),
            _ => {}
        }
    }
    count
}

/// The message for a control character written as an escape in a file
/// read into typed settings (the knowledge base, `site.yaml`, curated
/// events), where it is an error rather than cleaned up.
pub const CONTROL_ESCAPE: &str =
    "a string holds a control character written as an escape (such as \\x07 or \\0); remove it";

/// Whether any string of the YAML text, once parsed, holds a control
/// character (an escape such as `"\\x07"`); a file read into typed structs
/// is checked this way before it is used. Text that does not parse counts
/// as clean: the typed parse reports it.
pub fn yaml_has_escaped_controls(yaml: &str) -> bool {
    match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Ok(mut v) => strip_yaml_controls(&mut v) > 0,
        Err(_) => false,
    }
}

/// The 1-based line of the first double-quoted-string escape that stands
/// for a control character, if one can be seen (`\\0`, `\\a`, `\\x1b`,
/// `\\u0007` …), to point a message at it.
pub fn escaped_control_line(yaml: &str) -> Option<usize> {
    let bytes = yaml.as_bytes();
    let hex = |s: &[u8]| -> Option<u32> {
        std::str::from_utf8(s)
            .ok()
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            let rest = &bytes[i + 1..];
            let code = match rest[0] {
                b'0' | b'a' | b'b' | b'e' | b'v' | b'f' | b'N' => Some(0),
                b'x' => rest.get(1..3).and_then(hex),
                b'u' => rest.get(1..5).and_then(hex),
                b'U' => rest.get(1..9).and_then(hex),
                b'\\' => {
                    i += 2;
                    continue;
                }
                _ => None,
            };
            if code
                .and_then(char::from_u32)
                .is_some_and(|c| c == '\0' || forbidden(c))
            {
                return Some(line_at(bytes, i));
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_bad_bytes_and_controls() {
        assert_eq!(
            text(b"a\nb\n\xffc".to_vec()),
            Err(TextError::InvalidUtf8 { line: 3 })
        );
        assert_eq!(
            yaml_text(b"a: 1\nb: x\x00y\n".to_vec()),
            Err(TextError::Control { line: 2, code: 0 })
        );
        assert_eq!(
            yaml_text("\u{feff}a: 1\n\tb: 2\r\n".as_bytes().to_vec()).unwrap(),
            "a: 1\n\tb: 2\r\n"
        );
        assert_eq!(text("é".as_bytes().to_vec()).unwrap(), "é");
    }

    #[test]
    fn escaped_controls_are_found_and_stripped() {
        let yaml =
            "title: \"a\\x07b\"\ntags: [\"ok\", \"c\\0d\"]\n\"k\\u001be\": 1\nplain: tab\\tok\n";
        let mut v: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
        assert_eq!(strip_yaml_controls(&mut v), 3);
        assert_eq!(v["title"], serde_yaml::Value::from("ab"));
        assert_eq!(v["tags"][1], serde_yaml::Value::from("cd"));
        assert!(v.get("ke").is_some());
        assert_eq!(escaped_control_line(yaml), Some(1));
        assert!(yaml_has_escaped_controls(yaml));
        let clean = "title: \"tab\\there\\n\"\npath: 'C:\\\\x'\n";
        assert!(!yaml_has_escaped_controls(clean));
        assert_eq!(escaped_control_line(clean), None);
    }

    #[test]
    fn deep_flow_nesting_is_refused_with_its_line() {
        let deep = format!("a: 1\nb: {}\n", "[".repeat(MAX_YAML_NESTING + 1));
        assert_eq!(yaml_nesting(&deep), Err(TextError::TooDeep { line: 2 }));
        assert_eq!(
            yaml_text(deep.into_bytes()),
            Err(TextError::TooDeep { line: 2 })
        );
        // Balanced brackets never add up, however many there are.
        let wide = format!("tags: {}\n", "[[x]], ".repeat(5000));
        assert_eq!(yaml_nesting(&wide), Ok(()));
        let nested = format!(
            "{}{}",
            "[".repeat(MAX_YAML_NESTING),
            "]".repeat(MAX_YAML_NESTING)
        );
        assert_eq!(yaml_nesting(&nested), Ok(()));
    }
}
