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

/// The settings. Unknown fields are not an error (see
/// [`SiteConfig::unknown_fields`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// Fields of the file this version does not know: reported as
    /// warnings, never fatal (a newer or older `site.yaml` still builds).
    #[serde(skip)]
    pub unknown_fields: Vec<UnknownField>,
    /// Build drafts too (articles and pages with `draft: true`): set by
    /// `dossier serve --drafts`, never by the file.
    #[serde(skip)]
    pub drafts: bool,
}

/// A field of `site.yaml` that is not a setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    pub key: String,
    /// Its line in the file, when found.
    pub line: Option<usize>,
    /// The known field it is closest to, when close (a typo).
    pub closest: Option<&'static str>,
}

/// Every field `site.yaml` may set.
pub const SITE_FIELDS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "period",
    "sources",
    "paginate",
];

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
            unknown_fields: Vec::new(),
            drafts: false,
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
    if crate::markup::textfile::yaml_has_escaped_controls(&raw) {
        return Err(ConfigError::Parse {
            path: shown,
            line: crate::markup::textfile::escaped_control_line(&raw),
            message: crate::markup::textfile::CONTROL_ESCAPE.to_string(),
        });
    }
    let parse_error = |e: serde_yaml::Error| ConfigError::Parse {
        path: shown.clone(),
        line: e.location().map(|l| l.line()),
        message: e.to_string(),
    };
    // Parsed from the text, so errors keep their line; serde skips the
    // unknown fields, which are listed from the plain YAML for the caller
    // to report.
    let mut config: SiteConfig = serde_yaml::from_str(&raw).map_err(parse_error)?;
    let value: serde_yaml::Value = serde_yaml::from_str(&raw).map_err(parse_error)?;
    let mut unknown = Vec::new();
    if let serde_yaml::Value::Mapping(map) = &value {
        for key in map.keys() {
            let name = key.as_str().map(str::to_string).unwrap_or_else(|| {
                serde_yaml::to_string(&key)
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            });
            if SITE_FIELDS.contains(&name.as_str()) {
                continue;
            }
            unknown.push(UnknownField {
                line: line_of_key(&raw, &name),
                closest: closest_field(&name),
                key: name,
            });
        }
    }
    config.unknown_fields = unknown;
    Ok(config)
}

/// The line of a top-level `key:` in a YAML text.
fn line_of_key(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            let l = l.trim_end();
            [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
                .iter()
                .any(|k| {
                    l.strip_prefix(k.as_str())
                        .is_some_and(|rest| rest.trim_start().starts_with(':'))
                })
        })
        .map(|i| i + 1)
}

/// The setting a mistyped field most likely meant (edit distance ≤ 2).
fn closest_field(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    SITE_FIELDS
        .iter()
        .map(|k| (strsim::levenshtein(&lower, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_set_aside_with_their_line_and_a_guess() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(
            site_config_path(dir.path()),
            "title: T\nbaseurl: https://x.org/\npaginate: 20\ntheme: dark\n",
        )
        .unwrap();
        let c = load(dir.path()).unwrap();
        assert_eq!(c.paginate, 20);
        assert_eq!(
            c.unknown_fields,
            vec![
                UnknownField {
                    key: "baseurl".into(),
                    line: Some(2),
                    closest: Some("base_url"),
                },
                UnknownField {
                    key: "theme".into(),
                    line: Some(4),
                    closest: None,
                },
            ]
        );
    }
}
