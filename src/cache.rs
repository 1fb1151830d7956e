//! The on-disk cache of per-article analyses (dates, sentences, mentions),
//! so a build after one article changed re-analyses only that article.
//!
//! An entry is keyed by the SHA-256 of the generator's analysis fingerprint
//! (`DOSSIER_ANALYSIS_HASH`, from `build.rs`: every file of `src/`, `data/`
//! and `Cargo.lock`), the knowledge base's bytes, and the article as ingest
//! made it (text, metadata, path). A different dossier, knowledge base or
//! article gives a different key, so a stale entry is never read. Each entry
//! carries the SHA-256 of its payload; one that is short, corrupt or of
//! another format is ignored and rebuilt, never trusted.
//!
//! The cache lives in `.dossier-cache/` in the project root, marked by a
//! `CACHEDIR.TAG` (the convention backup tools honour). dossier removes only
//! files it wrote there: `--clear-cache` refuses a folder without the tag,
//! and after a build the entries no article used are pruned.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::corpus::{
    AnalysedArticle, Article, ArticleActors, DateInterval, Mention, Quote, ReportedRole, Timex,
};
use crate::lang::names::NameKey;
use crate::lang::Sentence;

/// The cache folder, relative to the project root.
pub const CACHE_DIR: &str = ".dossier-cache";
const ENTRIES: &str = "analysis";
const TAG: &str = "CACHEDIR.TAG";
const TAG_TEXT: &str = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is dossier's analysis cache; `dossier build --clear-cache` removes it.\n# See https://bford.info/cachedir/\n";
const EXT: &str = "analysis";
/// The entry format: bump when the layout of [`Entry`] changes in a way the
/// fingerprint would not catch.
const MAGIC: &[u8; 8] = b"DOSSAC01";
const FINGERPRINT: &str = env!("DOSSIER_ANALYSIS_HASH");

#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} exists but is not dossier's cache (no {TAG} in it); remove it yourself if it should go")]
    NotOurs { path: String },
}

/// What the analysis of one article adds to the article itself.
#[derive(Serialize, Deserialize)]
struct Entry {
    published: Option<NaiveDate>,
    published_evidence: Option<String>,
    published_range: Option<DateInterval>,
    sentences: Vec<Sentence>,
    timexes: Vec<Timex>,
    mentions: Vec<Mention>,
    reported_roles: Vec<ReportedRole>,
    quotes: Vec<Quote>,
    discovered: Vec<(String, NameKey)>,
}

/// What [`AnalysisCache::get`] found.
pub enum Lookup {
    /// A sound entry: the article with its analysis.
    Hit(AnalysedArticle),
    /// No entry (or a corrupt one): the article handed back, and the key to
    /// [`AnalysisCache::put`] its analysis under (`None`: not cacheable).
    Miss(Article, Option<String>),
}

/// An open cache: reads always, writes when `writable`.
pub struct AnalysisCache {
    dir: PathBuf,
    kb_hash: [u8; 32],
    writable: bool,
    used: Mutex<HashSet<String>>,
    hits: AtomicUsize,
}

impl AnalysisCache {
    /// Opens the cache of the project at `root`; `kb` is the knowledge
    /// base's bytes (empty when there is none). A writable cache creates
    /// its folder and tag; a read-only one (`dossier check`) only reads.
    pub fn open(root: &Path, kb: &[u8], writable: bool) -> Result<Self, CacheError> {
        let top = root.join(CACHE_DIR);
        let dir = top.join(ENTRIES);
        if writable {
            if top.exists() && !top.join(TAG).is_file() {
                return Err(CacheError::NotOurs {
                    path: CACHE_DIR.to_string(),
                });
            }
            fs::create_dir_all(&dir).map_err(|source| CacheError::Io {
                path: format!("{CACHE_DIR}/{ENTRIES}"),
                source,
            })?;
            if !top.join(TAG).is_file() {
                fs::write(top.join(TAG), TAG_TEXT).map_err(|source| CacheError::Io {
                    path: format!("{CACHE_DIR}/{TAG}"),
                    source,
                })?;
            }
        }
        Ok(AnalysisCache {
            dir,
            kb_hash: Sha256::digest(kb).into(),
            writable,
            used: Mutex::new(HashSet::new()),
            hits: AtomicUsize::new(0),
        })
    }

    /// How many articles came from the cache so far.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    /// The key of an article's analysis, as hex; `None` (never cached) in
    /// the case the article cannot be encoded.
    fn key(&self, article: &Article) -> Option<String> {
        // The article as ingest made it; JSON is its one stable encoding
        // here (the export uses the same derive).
        let bytes = serde_json::to_vec(article).ok()?;
        let mut h = Sha256::new();
        h.update(FINGERPRINT.as_bytes());
        h.update(self.kb_hash);
        h.update(&bytes);
        Some(hex(&h.finalize()))
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{}.{EXT}", key))
    }

    /// The cached analysis of `article`, if a sound entry is there; the
    /// article is handed back otherwise.
    pub fn get(&self, article: Article) -> Lookup {
        let Some(key) = self.key(&article) else {
            return Lookup::Miss(article, None);
        };
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.clone());
        let Some(entry) = fs::read(self.path(&key)).ok().and_then(|b| decode(&b)) else {
            return Lookup::Miss(article, Some(key));
        };
        self.hits.fetch_add(1, Ordering::Relaxed);
        Lookup::Hit(AnalysedArticle {
            article,
            published: entry.published,
            published_evidence: entry.published_evidence,
            published_range: entry.published_range,
            sentences: entry.sentences,
            timexes: entry.timexes,
            actors: ArticleActors {
                mentions: entry.mentions,
                reported_roles: entry.reported_roles,
                quotes: entry.quotes,
                discovered: entry.discovered,
            },
        })
    }

    /// Stores the analysis under `key` (from a missed [`Self::get`]). A
    /// failure to write only costs the next build time, so it is not an
    /// error: the entry is written to a temporary file and renamed, so a
    /// reader never sees half of one.
    pub fn put(&self, key: &str, a: &AnalysedArticle) {
        if !self.writable {
            return;
        }
        let entry = Entry {
            published: a.published,
            published_evidence: a.published_evidence.clone(),
            published_range: a.published_range,
            sentences: a.sentences.clone(),
            timexes: a.timexes.clone(),
            mentions: a.actors.mentions.clone(),
            reported_roles: a.actors.reported_roles.clone(),
            quotes: a.actors.quotes.clone(),
            discovered: a.actors.discovered.clone(),
        };
        let Ok(payload) = postcard::to_allocvec(&entry) else {
            return;
        };
        let path = self.path(key);
        let tmp = self.dir.join(format!(".{key}.{}.tmp", std::process::id()));
        let written = fs::File::create(&tmp).and_then(|mut f| {
            f.write_all(MAGIC)?;
            f.write_all(&Sha256::digest(&payload))?;
            f.write_all(&payload)
        });
        if written.and_then(|_| fs::rename(&tmp, &path)).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }

    /// Removes the entries this build did not use (old versions of changed
    /// articles, removed articles, other knowledge bases), and temporary
    /// files of killed builds. Only files named like an entry are touched.
    pub fn prune(&self) {
        if !self.writable {
            return;
        }
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let stale = match name.strip_suffix(&format!(".{EXT}")) {
                Some(key) => is_key(key) && !used.contains(key),
                None => {
                    name.starts_with('.')
                        && name.ends_with(".tmp")
                        && name.get(1..65).is_some_and(is_key)
                }
            };
            if stale {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Removes the cache of the project at `root`: only a folder carrying the
/// tag dossier writes, and in it only dossier's files. Returns whether
/// there was one.
pub fn clear(root: &Path) -> Result<bool, CacheError> {
    let top = root.join(CACHE_DIR);
    if !top.exists() {
        return Ok(false);
    }
    if !top.join(TAG).is_file() {
        return Err(CacheError::NotOurs {
            path: CACHE_DIR.to_string(),
        });
    }
    let io = |path: &str| {
        let path = path.to_string();
        move |source| CacheError::Io { path, source }
    };
    let dir = top.join(ENTRIES);
    if let Ok(entries) = fs::read_dir(&dir) {
        for e in entries.flatten() {
            let name = e.file_name();
            let ours = name.to_str().is_some_and(|n| {
                n.strip_suffix(&format!(".{EXT}")).is_some_and(is_key)
                    || (n.starts_with('.') && n.ends_with(".tmp"))
            });
            if ours {
                fs::remove_file(e.path()).map_err(io(&format!("{CACHE_DIR}/{ENTRIES}")))?;
            }
        }
        // Left in place, tag and all, if the user put something else there.
        let _ = fs::remove_dir(&dir);
    }
    if !dir.exists() {
        fs::remove_file(top.join(TAG)).map_err(io(&format!("{CACHE_DIR}/{TAG}")))?;
        let _ = fs::remove_dir(&top);
    }
    Ok(true)
}

fn is_key(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An entry's payload if its magic and checksum hold and it decodes.
fn decode(bytes: &[u8]) -> Option<Entry> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (sum, payload) = rest.split_at_checked(32)?;
    if Sha256::digest(payload).as_slice() != sum {
        return None;
    }
    postcard::from_bytes(payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SourceFormat;
    use std::collections::BTreeMap;

    fn article(text: &str) -> Article {
        Article {
            id: "a".into(),
            source_path: "content/articles/a.md".into(),
            format: SourceFormat::Markdown,
            title: "T".into(),
            published: NaiveDate::from_ymd_opt(2025, 10, 1),
            outlet: None,
            url: None,
            language: None,
            translated_from: None,
            tags: vec![],
            extra: BTreeMap::new(),
            dateline: None,
            original_source: None,
            text: text.into(),
            markdown: None,
        }
    }

    fn miss(l: Lookup) -> (Article, Option<String>) {
        match l {
            Lookup::Miss(a, k) => (a, k),
            Lookup::Hit(_) => panic!("a hit"),
        }
    }

    fn hit(l: Lookup) -> Option<AnalysedArticle> {
        match l {
            Lookup::Hit(a) => Some(a),
            Lookup::Miss(..) => None,
        }
    }

    fn analysed(a: Article) -> AnalysedArticle {
        AnalysedArticle {
            published: a.published,
            published_evidence: None,
            published_range: None,
            sentences: vec![Sentence {
                start: 0,
                end: a.text.len(),
                paragraph: 0,
            }],
            timexes: vec![],
            actors: ArticleActors {
                mentions: vec![Mention {
                    start: 0,
                    end: 3,
                    text: "Kim".into(),
                    actor: "kim".into(),
                    via: crate::corpus::MentionVia::Name,
                }],
                ..Default::default()
            },
            article: a,
        }
    }

    #[test]
    fn round_trip_miss_on_change_corrupt_ignored_prune_and_clear() {
        let root = tempfile::tempdir().unwrap();
        let cache = AnalysisCache::open(root.path(), b"kb", true).unwrap();
        let (a, key) = miss(cache.get(article("Kim met Putin.")));
        let key = key.unwrap();
        let done = analysed(a);
        cache.put(&key, &done);
        let again = hit(cache.get(article("Kim met Putin."))).unwrap();
        assert_eq!(again.actors.mentions, done.actors.mentions);
        assert_eq!(again.sentences, done.sentences);
        assert_eq!(cache.hits(), 1);
        // Another text, another knowledge base: misses.
        assert!(hit(cache.get(article("Kim met Lavrov."))).is_none());
        let other_kb = AnalysisCache::open(root.path(), b"kb2", true).unwrap();
        assert!(hit(other_kb.get(article("Kim met Putin."))).is_none());
        // A corrupt entry is a miss.
        let path = cache.path(&key);
        let mut bytes = fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        fs::write(&path, &bytes).unwrap();
        assert!(hit(cache.get(article("Kim met Putin."))).is_none());
        fs::write(&path, b"DOSSAC01short").unwrap();
        assert!(hit(cache.get(article("Kim met Putin."))).is_none());
        // Pruning keeps used entries and a user's own file.
        fs::write(cache.dir.join("notes.txt"), "mine").unwrap();
        let fresh = AnalysisCache::open(root.path(), b"kb", true).unwrap();
        let (a, k2) = miss(fresh.get(article("Other.")));
        let k2 = k2.unwrap();
        fresh.put(&k2, &analysed(a));
        fresh.prune();
        assert!(!path.exists());
        assert!(fresh.path(&k2).exists());
        assert!(cache.dir.join("notes.txt").exists());
        // Clearing removes dossier's files only.
        assert!(clear(root.path()).unwrap());
        assert!(!fresh.path(&k2).exists());
        assert!(cache.dir.join("notes.txt").exists());
    }

    #[test]
    fn a_folder_without_the_tag_is_not_touched() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir(root.path().join(CACHE_DIR)).unwrap();
        fs::write(root.path().join(CACHE_DIR).join("mine"), "x").unwrap();
        assert!(matches!(
            AnalysisCache::open(root.path(), b"", true),
            Err(CacheError::NotOurs { .. })
        ));
        assert!(matches!(
            clear(root.path()),
            Err(CacheError::NotOurs { .. })
        ));
        assert!(root.path().join(CACHE_DIR).join("mine").exists());
        // Reading never needs the folder.
        assert!(AnalysisCache::open(root.path(), b"", false).is_ok());
    }
}
