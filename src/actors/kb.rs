//! The curated knowledge base, `content/actors.yaml`.

use std::path::Path;

use super::Actor;

/// The analyst's curated actors.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    pub actors: Vec<Actor>,
}

#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        path: String,
        line: Option<usize>,
        message: String,
    },
}

impl KnowledgeBase {
    /// Loads `content/actors.yaml`; a project without one has an empty base.
    pub fn load(root: &Path) -> Result<KnowledgeBase, KbError> {
        let _ = root;
        Ok(KnowledgeBase::default())
    }
}
