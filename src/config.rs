//! Site settings from `content/site.yaml`.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How long one briefing period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Week,
    #[default]
    Month,
    Quarter,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Absolute URL the site is published at, used only for canonical links
    /// and feeds; every link inside the site stays relative.
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub period: Period,
    /// Folders (relative to the project root) holding raw-text articles.
    #[serde(default = "default_sources")]
    pub sources: Vec<PathBuf>,
    /// How many items a page of a long list shows (articles, events,
    /// people, mentions …); the rest go to pages 2, 3 …. `0` puts every
    /// list on one page.
    #[serde(default = "default_paginate")]
    pub paginate: usize,
}

/// The default of [`SiteConfig::paginate`].
pub const DEFAULT_PAGINATE: usize = 50;

fn default_paginate() -> usize {
    DEFAULT_PAGINATE
}

fn default_language() -> String {
    "en".to_string()
}

fn default_sources() -> Vec<PathBuf> {
    vec![PathBuf::from("seeds")]
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Dossier".to_string(),
            description: String::new(),
            base_url: None,
            language: default_language(),
            period: Period::default(),
            sources: default_sources(),
            paginate: DEFAULT_PAGINATE,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{root}: {} (check --root)", if *.exists { "not a folder" } else { "no such project folder" })]
    NoRoot { root: String, exists: bool },
    #[error("{root}: not a dossier project: it has no content/site.yaml (check --root, or start a project with `dossier new DIR`)")]
    NoSettings { root: String },
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Parse {
        path: String,
        line: Option<usize>,
        message: String,
    },
}

/// Where the project's settings file lives.
pub fn site_config_path(root: &Path) -> PathBuf {
    root.join("content").join("site.yaml")
}

/// Reads `content/site.yaml`. A `root` that is not a folder, or a project
/// without the settings file, is an error: building a wrong `--root` into an
/// empty site would only hide the mistake.
pub fn load(root: &Path) -> Result<SiteConfig, ConfigError> {
    if !root.is_dir() {
        return Err(ConfigError::NoRoot {
            root: root.display().to_string(),
            exists: root.exists(),
        });
    }
    let path = site_config_path(root);
    let shown = "content/site.yaml".to_string();
    let raw = match std::fs::read(&path) {
        Ok(raw) => raw,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ConfigError::NoSettings {
                root: root.display().to_string(),
            })
        }
        Err(source) => {
            return Err(ConfigError::Read {
                path: shown,
                source,
            })
        }
    };
    let raw = crate::markup::textfile::yaml_text(raw).map_err(|e| ConfigError::Parse {
        path: shown.clone(),
        line: Some(e.line()),
        message: e.to_string(),
    })?;
    serde_yaml::from_str(&raw).map_err(|e| ConfigError::Parse {
        path: shown,
        line: e.location().map(|l| l.line()),
        message: e.to_string(),
    })
}
