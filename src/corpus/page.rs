//! A standalone page of the site (`content/pages/*.md`): an About page,
//! a method note, a contact page, rendered with the site's layout and
//! linked from its navigation.

/// One published (not draft) page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The file as the user knows it, `content/pages/about.md`.
    pub path: String,
    /// The file name without `.md`; the page's address comes from it.
    pub stem: String,
    pub title: String,
    /// Navigation order: lower first, then by title (default 0).
    pub weight: i64,
    /// The Markdown body.
    pub body: String,
}
