//! Reading a file's bytes as text: UTF-8 only (UTF-16 is recognized and
//! refused by name), without a byte-order mark, and with the control
//! characters HTML and XML forbid taken out.

use super::IngestError;
use crate::corpus::diagnostics::Diagnostic;

/// Checks the bytes are UTF-8 text (see [`utf8_text`]) with something in
/// it, and cleans it for the analysis: Windows line ends become `\n`, and
/// control characters are taken out (see [`strip_controls`]); the warning
/// says so when there were any.
pub(crate) fn decode(
    path: &str,
    bytes: &[u8],
) -> Result<(String, Option<Diagnostic>), IngestError> {
    let text = utf8_text(path, bytes)?;
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: path.to_string(),
        });
    }
    let text = text.replace("\r\n", "\n");
    Ok(match strip_controls(&text) {
        None => (text, None),
        Some((clean, count, line)) => {
            let warning = Diagnostic::warning(
                "control-characters",
                format!(
                    "{count} control character(s) (NUL, escape and the like, invisible in an editor) removed; the first is on line {line}"
                ),
            )
            .in_file(path)
            .at_line(line);
            (clean, Some(warning))
        }
    })
}

/// The bytes as UTF-8 text without a leading byte-order mark. A file saved
/// as UTF-16 (a UTF-16 byte-order mark, or ASCII text with a NUL beside
/// every letter) is refused as such, not read as UTF-8 full of NULs; other
/// invalid UTF-8 is reported with the line of the first bad byte.
pub(crate) fn utf8_text<'b>(path: &str, bytes: &'b [u8]) -> Result<&'b str, IngestError> {
    if let Some(why) = utf16_sign(bytes) {
        return Err(IngestError::Invalid {
            path: path.to_string(),
            line: None,
            message: format!(
                "the file is UTF-16 text ({why}), not UTF-8; save it as UTF-8 (in most editors: Save As, encoding UTF-8)"
            ),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        path: path.to_string(),
        line: bytes
            .get(..e.valid_up_to())
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
            + 1,
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Why `bytes` look like UTF-16, if they do: a UTF-16 byte-order mark, or,
/// in the first 4 KiB, a NUL as one byte of at least half of the byte pairs
/// (ASCII letters in UTF-16), always on the same side.
fn utf16_sign(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe]) {
        return Some("it starts with a little-endian UTF-16 byte-order mark, FF FE");
    }
    if bytes.starts_with(&[0xfe, 0xff]) {
        return Some("it starts with a big-endian UTF-16 byte-order mark, FE FF");
    }
    let pairs: Vec<&[u8]> = bytes[..bytes.len().min(4096)].chunks_exact(2).collect();
    if pairs.is_empty() {
        return None;
    }
    let little = pairs.iter().filter(|p| p[0] != 0 && p[1] == 0).count();
    let big = pairs.iter().filter(|p| p[0] == 0 && p[1] != 0).count();
    if little * 2 >= pairs.len() {
        Some("every other byte is a NUL, as in little-endian UTF-16 without a byte-order mark")
    } else if big * 2 >= pairs.len() {
        Some("every other byte is a NUL, as in big-endian UTF-16 without a byte-order mark")
    } else {
        None
    }
}

/// `text` without control characters, which HTML forbids in text and XML
/// in feeds: NUL and the other C0 controls except tab, line feed and
/// carriage return, DEL, and the C1 controls (U+0080 to U+009F, usually
/// mis-decoded Windows-1252 punctuation). Vertical tab, form feed and NEL
/// separate words, so they become spaces; the rest are removed. `None` when
/// there were none, else the text, how many, and the first one's line.
pub(crate) fn strip_controls(text: &str) -> Option<(String, usize, usize)> {
    let is_stripped = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let first = text.find(is_stripped)?;
    let line = text[..first].matches('\n').count() + 1;
    let mut count = 0;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !is_stripped(c) {
            out.push(c);
            continue;
        }
        count += 1;
        if c.is_whitespace() {
            out.push(' ');
        }
    }
    Some((out, count, line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn utf16_is_refused_with_or_without_a_byte_order_mark() {
        let text = "---\ntitle: Talks\n---\n\nKim met Putin.\n";
        let mut with_bom = vec![0xff, 0xfe];
        with_bom.extend(utf16le(text));
        let mut be_bom = vec![0xfe, 0xff];
        be_bom.extend(utf16be(text));
        for bytes in [with_bom, be_bom, utf16le(text), utf16be(text)] {
            let e = decode("content/articles/a.md", &bytes)
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("content/articles/a.md: "), "{e}");
            assert!(
                e.contains("UTF-16") && e.contains("save it as UTF-8"),
                "{e}"
            );
        }
        // Korean in UTF-16 has no NUL pattern, but is not UTF-8 either.
        assert!(decode("a.txt", &utf16le("김정은 푸틴 회담")).is_err());
    }

    #[test]
    fn utf8_with_a_few_nuls_is_text() {
        let (text, warning) = decode("a.txt", b"Kim\0 met\r\nPutin \x1b[0m\x0ctoday.").unwrap();
        assert_eq!(text, "Kim met\nPutin [0m today.");
        let w = warning.expect("a warning");
        assert_eq!(w.file.as_deref(), Some("a.txt"));
        assert_eq!(w.line, Some(1));
        assert!(
            w.message.starts_with("3 control character(s)"),
            "{}",
            w.message
        );
    }

    #[test]
    fn byte_order_mark_and_line_of_controls() {
        let (text, warning) = decode(
            "a.txt",
            "\u{feff}Line one\nLine\u{7}two\u{85}\u{9f}".as_bytes(),
        )
        .unwrap();
        assert_eq!(text, "Line one\nLinetwo ");
        assert_eq!(warning.unwrap().line, Some(2));
        let (text, warning) = decode("a.txt", "Tab\there, é, 김\n".as_bytes()).unwrap();
        assert_eq!(text, "Tab\there, é, 김\n");
        assert!(warning.is_none());
        assert_eq!(
            utf8_text("m.yaml", b"\xef\xbb\xbfa: 1\n").unwrap(),
            "a: 1\n"
        );
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let e = decode("a.txt", b"one\ntwo \xff\n").unwrap_err().to_string();
        assert_eq!(e, "a.txt: not valid UTF-8 (first bad byte at line 2)");
    }
}
