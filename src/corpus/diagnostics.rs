//! Problems found in the content, collected by every stage and reported by
//! `dossier check` (and as warnings by `dossier build`).
//!
//! Stages never print; they return diagnostics so that the CLI decides how to
//! show them and the tests can assert on them.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth an analyst's look, but the build is still trustworthy.
    Note,
    /// Something is probably wrong or uncertain in the output.
    Warning,
    /// The content is broken; `dossier check` exits non-zero.
    Error,
}

/// One finding, located in a content file where possible.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the project root, with forward slashes.
    pub file: Option<String>,
    /// 1-based line number, where there is one.
    pub line: Option<usize>,
    /// Short machine-friendly category, e.g. `unknown-field`, `inferred-date`.
    pub code: &'static str,
    pub message: String,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: None,
            line: None,
            code,
            message: message.into(),
        }
    }

    pub fn note(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            _ => {}
        }
        write!(f, "{severity}[{}]: {}", self.code, self.message)
    }
}

/// Sorts diagnostics into a stable order (file, line, severity, message) so
/// that reports are deterministic whatever order parallel stages finished in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.code, &a.message, a.severity)
            .cmp(&(&b.file, b.line, b.code, &b.message, b.severity))
    });
}
