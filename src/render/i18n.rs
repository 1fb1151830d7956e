//! Interface strings: the words the templates show, from a translation
//! file chosen by `language` in `site.yaml` (English and Russian shipped,
//! others from the project's `i18n/<language>.yaml`), with the plural rules
//! of the language (CLDR, by `intl_pluralrules`) and English for any key a
//! translation lacks.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::briefing::dates::DateWords;
use crate::corpus::Diagnostic;

/// Where a project's own translations live, relative to its root.
pub const I18N_DIR: &str = "i18n";

/// The translations shipped in the binary, by language code.
pub const SHIPPED: &[(&str, &str)] = &[
    ("en", include_str!("../../templates/i18n/en.yaml")),
    ("ru", include_str!("../../templates/i18n/ru.yaml")),
];

/// One string, or its plural forms by CLDR category name.
#[derive(Debug, Clone, PartialEq)]
enum Entry {
    Text(String),
    Plural(BTreeMap<String, String>),
    List(Vec<String>),
}

type Strings = BTreeMap<String, Entry>;

/// The interface strings of one language, English underneath.
pub struct Translation {
    language: String,
    rules: Option<PluralRules>,
    english_rules: Option<PluralRules>,
    strings: Strings,
    english: Strings,
}

impl std::fmt::Debug for Translation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translation")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// A translation file that cannot be read, with its line.
#[derive(Debug, thiserror::Error)]
#[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct TranslationError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

fn rules(language: &str) -> Option<PluralRules> {
    let id: unic_langid::LanguageIdentifier = language.parse().ok()?;
    PluralRules::create(id.clone(), PluralRuleType::CARDINAL)
        .ok()
        .or_else(|| {
            // "pt-XX" has no rules of its own: the language's are used.
            let base: unic_langid::LanguageIdentifier = id.language.as_str().parse().ok()?;
            PluralRules::create(base, PluralRuleType::CARDINAL).ok()
        })
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// Flattens nested maps into dotted keys (`nav.home`); a map whose keys are
/// all plural categories is one plural entry.
fn flatten(prefix: &str, value: &serde_yaml::Value, out: &mut Strings) -> Result<(), String> {
    use serde_yaml::Value;
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    };
    match value {
        Value::Mapping(map) => {
            let keys: Vec<Option<&str>> = map.keys().map(Value::as_str).collect();
            let plural = !prefix.is_empty()
                && !keys.is_empty()
                && keys
                    .iter()
                    .all(|k| k.is_some_and(|k| CATEGORIES.contains(&k)));
            if plural {
                let mut forms = BTreeMap::new();
                for (k, v) in map {
                    let k = k.as_str().unwrap_or_default();
                    let v = text(v).ok_or_else(|| format!("`{prefix}.{k}` must be text"))?;
                    forms.insert(k.to_string(), v);
                }
                out.insert(prefix.to_string(), Entry::Plural(forms));
                return Ok(());
            }
            for (k, v) in map {
                let k = text(k).ok_or_else(|| format!("a key under `{prefix}` is not text"))?;
                let key = if prefix.is_empty() {
                    k
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out)?;
            }
            Ok(())
        }
        Value::Sequence(items) => {
            let items = items
                .iter()
                .map(|v| text(v).ok_or_else(|| format!("`{prefix}` must be a list of text")))
                .collect::<Result<_, _>>()?;
            out.insert(prefix.to_string(), Entry::List(items));
            Ok(())
        }
        Value::Null if prefix.is_empty() => Ok(()),
        Value::Tagged(t) => flatten(prefix, &t.value, out),
        v => {
            let s = text(v).ok_or_else(|| format!("`{prefix}` must be text"))?;
            out.insert(prefix.to_string(), Entry::Text(s));
            Ok(())
        }
    }
}

fn parse(path: &str, source: &str) -> Result<Strings, TranslationError> {
    let value: serde_yaml::Value = serde_yaml::from_str(source).map_err(|e| TranslationError {
        path: path.to_string(),
        line: e.location().map(|l| l.line()),
        message: e.to_string(),
    })?;
    let mut out = Strings::new();
    flatten("", &value, &mut out).map_err(|message| TranslationError {
        path: path.to_string(),
        line: None,
        message,
    })?;
    Ok(out)
}

fn shipped(language: &str) -> Option<Strings> {
    let source = SHIPPED.iter().find(|(l, _)| *l == language)?.1;
    // The shipped files are checked by the tests; one that failed to parse
    // would leave English in its place rather than stop a build.
    parse(language, source).ok()
}

/// The 1-based line of `key`'s last segment in a YAML source, for a
/// diagnostic (first match of `segment:` at any indentation).
fn line_of(source: &str, key: &str) -> Option<usize> {
    let last = key.rsplit('.').next()?;
    source
        .lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(last)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

impl Translation {
    /// English, as shipped.
    pub fn english() -> Translation {
        let english = shipped("en").unwrap_or_default();
        Translation {
            language: "en".into(),
            rules: rules("en"),
            english_rules: rules("en"),
            strings: Strings::new(),
            english,
        }
    }

    /// The strings for `language`: the project's `i18n/<language>.yaml`
    /// over the shipped file of that language (if any) over English. Warns
    /// when the language has neither, when a project file has keys English
    /// does not know (with the closest one), and when it lacks keys (English
    /// is used for them).
    pub fn load(
        root: &Path,
        language: &str,
    ) -> Result<(Translation, Vec<Diagnostic>), TranslationError> {
        let mut diagnostics = Vec::new();
        let mut t = Translation::english();
        let language = language.trim();
        t.language = language.to_string();
        t.rules = rules(language).or_else(|| rules("en"));
        let base = language.split(['-', '_']).next().unwrap_or(language);
        let shipped_strings = if base == "en" {
            None
        } else {
            shipped(language).or_else(|| shipped(base))
        };
        let mut user = None;
        for name in [language, base] {
            let rel = format!("{I18N_DIR}/{name}.yaml");
            let path = root.join(&rel);
            if path.is_file() {
                let bytes = std::fs::read(&path).map_err(|e| TranslationError {
                    path: rel.clone(),
                    line: None,
                    message: e.to_string(),
                })?;
                let source =
                    crate::markup::textfile::text(bytes).map_err(|e| TranslationError {
                        path: rel.clone(),
                        line: Some(e.line()),
                        message: e.to_string(),
                    })?;
                user = Some((rel.clone(), parse(&rel, &source)?, source));
                break;
            }
        }
        if shipped_strings.is_none() && user.is_none() && base != "en" {
            let names: Vec<&str> = SHIPPED.iter().map(|(l, _)| *l).collect();
            diagnostics.push(
                Diagnostic::warning(
                    "unknown-language",
                    format!(
                        "language `{language}` has no interface translation (shipped: {}); the pages are in English. Add {I18N_DIR}/{language}.yaml to translate them",
                        names.join(", ")
                    ),
                )
                .in_file("content/site.yaml"),
            );
        }
        let mut strings = shipped_strings.unwrap_or_default();
        if let Some((rel, own, source)) = user {
            let mut missing = 0;
            let mut first_missing = None;
            for key in t.english.keys() {
                if !own.contains_key(key) && !strings.contains_key(key) {
                    missing += 1;
                    first_missing.get_or_insert(key.clone());
                }
            }
            for key in own.keys() {
                if !t.english.contains_key(key) {
                    let closest = t
                        .english
                        .keys()
                        .map(|k| (strsim::jaro_winkler(k, key), k))
                        .filter(|(s, _)| *s > 0.85)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                        .map(|(_, k)| format!("; did you mean `{k}`?"))
                        .unwrap_or_default();
                    let d = Diagnostic::warning(
                        "unknown-field",
                        format!("unknown interface string `{key}`; it is ignored{closest}"),
                    )
                    .in_file(rel.clone());
                    diagnostics.push(match line_of(&source, key) {
                        Some(l) => d.at_line(l),
                        None => d,
                    });
                }
            }
            if let Some(first) = first_missing {
                diagnostics.push(
                    Diagnostic::note(
                        "missing-translation",
                        format!(
                            "{missing} interface string{} not translated (the first: `{first}`); English is shown for {}",
                            if missing == 1 { " is" } else { "s are" },
                            if missing == 1 { "it" } else { "them" }
                        ),
                    )
                    .in_file(rel),
                );
            }
            strings.extend(own);
        }
        t.strings = strings;
        Ok((t, diagnostics))
    }

    /// The language code the pages are in (`site.yaml`'s `language`).
    pub fn language(&self) -> &str {
        &self.language
    }

    /// English (`en`, `en-GB` …): the model's own labels are used as they are.
    pub fn is_english(&self) -> bool {
        self.language.split(['-', '_']).next() == Some("en")
    }

    /// A date value's label in this language; `english` is the model's.
    pub fn date_label(&self, value: &str, english: &str) -> String {
        if self.is_english() {
            english.to_string()
        } else {
            crate::briefing::dates::label_with(value, &self.date_words())
        }
    }

    fn entry(&self, key: &str) -> Option<(&Entry, bool)> {
        self.strings
            .get(key)
            .map(|e| (e, false))
            .or_else(|| self.english.get(key).map(|e| (e, true)))
    }

    /// The string `key` with `{name}` replaced by each argument; a plural
    /// entry picks its form by the argument `n`. `None` for an unknown key.
    pub fn get(&self, key: &str, args: &[(&str, &str)]) -> Option<String> {
        let (entry, english) = self.entry(key)?;
        let pattern = match entry {
            Entry::Text(s) => s.as_str(),
            Entry::List(_) => return None,
            Entry::Plural(forms) => {
                let n = args.iter().find(|(k, _)| *k == "n").map(|(_, v)| *v);
                let rules = if english {
                    &self.english_rules
                } else {
                    &self.rules
                };
                let category = n
                    .and_then(|n| rules.as_ref()?.select(n).ok())
                    .map(category_name)
                    .unwrap_or("other");
                match forms.get(category).or_else(|| forms.get("other")) {
                    Some(f) => f.as_str(),
                    // A translation without the form: the English entry.
                    None if !english => return self.english_get(key, args),
                    None => forms.values().next()?.as_str(),
                }
            }
        };
        Some(substitute(pattern, args))
    }

    fn english_get(&self, key: &str, args: &[(&str, &str)]) -> Option<String> {
        let english = Translation {
            language: "en".into(),
            rules: None,
            english_rules: rules("en"),
            strings: Strings::new(),
            english: self.english.clone(),
        };
        english.get(key, args)
    }

    /// [`get`](Self::get), or the key itself when it is unknown (for the
    /// strings the code asks for, which the tests check exist).
    pub fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.get(key, args).unwrap_or_else(|| key.to_string())
    }

    /// A plural string of a count: `count("count.articles", 3)`.
    pub fn count(&self, key: &str, n: usize) -> String {
        self.text(key, &[("n", &n.to_string())])
    }

    fn list(&self, key: &str) -> Option<&[String]> {
        match self.entry(key)? {
            (Entry::List(l), _) if l.len() == 12 => Some(l),
            _ => match self.english.get(key) {
                Some(Entry::List(l)) => Some(l),
                _ => None,
            },
        }
    }

    /// The words dates are labelled with.
    pub fn date_words(&self) -> DateWords {
        let months = |key| {
            self.list(key)
                .map(<[String]>::to_vec)
                .unwrap_or_else(|| DateWords::english().months)
        };
        let text = |key: &str| self.text(&format!("dates.{key}"), &[]);
        DateWords {
            months: months("dates.months"),
            months_of: months("dates.months_of"),
            day: text("day"),
            month: text("month"),
            week: text("week"),
            decade: text("decade"),
            on_or_before: text("on_or_before"),
            seasons: ["spring", "summer", "autumn", "winter"].map(text),
            quarters: ["q1", "q2", "q3", "q4"].map(text),
            halves: ["h1", "h2"].map(text),
        }
    }

    /// Every key English has (for tests and the docs).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.english.keys().map(String::as_str)
    }

    /// Registers the template functions: `t(k="nav.home", n=3, …)` gives a
    /// string of this translation (an unknown key is a template error), and
    /// `date_label(d=…)` relabels a date of the model in this language.
    pub fn register(self: Arc<Self>, tera: &mut tera::Tera) {
        let t = self.clone();
        tera.register_function(
            "t",
            move |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
                let key: &str = kwargs.must_get("k")?;
                let values: Vec<(String, String)> = kwargs
                    .iter()
                    .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.to_string())))
                    .filter(|(k, _)| k != "k")
                    .collect();
                let args: Vec<(&str, &str)> = values
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                t.get(key, &args).ok_or_else(|| {
                    tera::Error::message(format!("unknown interface string `{key}`"))
                })
            },
        );
        let t = self;
        let words = t.date_words();
        let english = t.is_english();
        tera.register_function(
            "date_label",
            move |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
                let label: Option<&str> = kwargs.get("label")?;
                let value: Option<&str> = kwargs.get("value")?;
                let on_or_before = kwargs.get::<bool>("on_or_before")?.unwrap_or(false);
                // English labels are the model's own.
                if let (true, Some(label)) = (english, label) {
                    return Ok(label.to_string());
                }
                let Some(value) = value else {
                    return Ok(label.unwrap_or_default().to_string());
                };
                let label = crate::briefing::dates::label_with(value, &words);
                Ok(if on_or_before {
                    words.on_or_before.replace("{date}", &label)
                } else {
                    label
                })
            },
        );
    }
}

/// Replaces each `{name}` of `pattern` by its argument; an unknown one is
/// left as it is.
fn substitute(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_parse_and_russian_covers_english() {
        for (language, source) in SHIPPED {
            parse(language, source).unwrap_or_else(|e| panic!("{language}: {e}"));
        }
        let english = shipped("en").unwrap();
        let russian = shipped("ru").unwrap();
        for key in english.keys() {
            assert!(russian.contains_key(key), "ru.yaml lacks `{key}`");
        }
        for key in russian.keys() {
            assert!(english.contains_key(key), "ru.yaml has unknown `{key}`");
        }
    }

    #[test]
    fn plurals_follow_the_language() {
        let dir = tempfile::tempdir().unwrap();
        let (ru, warnings) = Translation::load(dir.path(), "ru").unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(ru.count("count.articles", 1), "1 статья");
        assert_eq!(ru.count("count.articles", 3), "3 статьи");
        assert_eq!(ru.count("count.articles", 5), "5 статей");
        assert_eq!(ru.count("count.articles", 21), "21 статья");
        assert_eq!(ru.count("count.articles", 11), "11 статей");
        let en = Translation::english();
        assert_eq!(en.count("count.articles", 1), "1 article");
        assert_eq!(en.count("count.articles", 0), "0 articles");
    }

    #[test]
    fn unknown_language_is_english_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let (t, warnings) = Translation::load(dir.path(), "xx").unwrap();
        assert_eq!(t.text("nav.home", &[]), "Home");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "unknown-language");
        let (_, warnings) = Translation::load(dir.path(), "en-GB").unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_project_file_falls_back_to_english_key_by_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(I18N_DIR)).unwrap();
        std::fs::write(
            dir.path().join("i18n/de.yaml"),
            "nav:\n  home: Startseite\n  hom: Tippfehler\ncount:\n  articles: { one: \"{n} Artikel\", other: \"{n} Artikel\" }\n",
        )
        .unwrap();
        let (t, warnings) = Translation::load(dir.path(), "de").unwrap();
        assert_eq!(t.text("nav.home", &[]), "Startseite");
        assert_eq!(t.text("nav.events", &[]), "Events");
        assert_eq!(t.count("count.articles", 2), "2 Artikel");
        let unknown: Vec<_> = warnings
            .iter()
            .filter(|d| d.code == "unknown-field")
            .collect();
        assert_eq!(unknown.len(), 1, "{warnings:?}");
        assert!(unknown[0].message.contains("`nav.home`"), "{unknown:?}");
        assert_eq!(unknown[0].line, Some(3));
        assert!(warnings.iter().any(|d| d.code == "missing-translation"));
        assert!(!warnings.iter().any(|d| d.code == "unknown-language"));
    }

    #[test]
    fn a_broken_project_file_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(I18N_DIR)).unwrap();
        std::fs::write(dir.path().join("i18n/ru.yaml"), "nav:\n  home: [\n").unwrap();
        let err = Translation::load(dir.path(), "ru").unwrap_err();
        assert_eq!(err.path, "i18n/ru.yaml");
        assert!(err.line.is_some());
    }

    #[test]
    fn substitution_leaves_unknown_names() {
        assert_eq!(substitute("{a} and {b}", &[("a", "1")]), "1 and {b}");
        assert_eq!(substitute("open { brace", &[]), "open { brace");
    }
}
