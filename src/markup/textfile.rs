//! Project files as text: UTF-8 checked, with the line of the first bad
//! byte; a leading byte-order mark dropped (some editors write one); and for
//! YAML, the line of the first control character, which YAML forbids, so
//! every message can say where to look.

use std::fmt;

/// Why a file's bytes are not usable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    InvalidUtf8 { line: usize },
    Control { line: usize, code: u32 },
}

impl TextError {
    /// The 1-based line the problem is on.
    pub fn line(&self) -> usize {
        match self {
            TextError::InvalidUtf8 { line } | TextError::Control { line, .. } => *line,
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
    Ok(s)
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
}
