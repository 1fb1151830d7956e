//! Pagination: a page whose data holds long lists is cut into pages of at
//! most `size` items per list. Page 1 keeps the page's address and all its
//! other data; page `k` lives at [`urls::paged_url`] and shows the `k`-th
//! slice of every list, so a person's articles, events and co-mentioned
//! people are paged side by side. Templates get a `pager` (number, count,
//! prev/next, the list totals and where each slice starts) to write the
//! navigation and to keep page 1's summary off later pages.
//!
//! A list is named by a path of keys through the page's JSON data:
//! `articles` is a top-level array, `years.months.events` the events of the
//! months of the years (groups are kept, sliced and dropped when empty).
//! Several paths in one [`List`] count as one list, in order (the
//! timeline's dated events, then its undated ones).

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use crate::briefing::urls;

/// One paginated list: the paths whose items it is made of, in order.
pub type List = &'static [&'static str];

/// Where a page stands among the pages of its set; given to every
/// template as `pager` (a page that is not paginated is page 1 of 1).
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages the set has.
    pub count: usize,
    /// Items per page (0: not paginated).
    pub size: usize,
    /// Site-relative addresses of the neighbours, first and last pages.
    pub prev: Option<String>,
    pub next: Option<String>,
    pub first: String,
    pub last: String,
    /// Links to the first and last pages and the ones around this one,
    /// for a numbered navigation.
    pub window: Vec<PageLink>,
    /// Every list's full length, by its first path's top key.
    pub totals: BTreeMap<String, usize>,
    /// Where this page's slice starts in each list (0-based), for
    /// `<ol start>`.
    pub offsets: BTreeMap<String, usize>,
}

impl Pager {
    /// The pager of a page that is not cut.
    pub fn single(url: &str) -> Pager {
        Pager {
            number: 1,
            count: 1,
            size: 0,
            prev: None,
            next: None,
            first: url.to_string(),
            last: url.to_string(),
            window: Vec::new(),
            totals: BTreeMap::new(),
            offsets: BTreeMap::new(),
        }
    }
}

/// A numbered link of a pager's navigation.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// Pages are left out between this one and the one before it.
    pub gap_before: bool,
}

/// Pages shown either side of the current one in the numbered links.
const WINDOW: usize = 2;

fn window(url: &str, number: usize, count: usize) -> Vec<PageLink> {
    let mut shown: Vec<usize> = vec![1, count];
    shown.extend(number.saturating_sub(WINDOW).max(1)..=(number + WINDOW).min(count));
    shown.sort_unstable();
    shown.dedup();
    let mut last = 0;
    shown
        .into_iter()
        .map(|n| {
            let link = PageLink {
                number: n,
                url: urls::paged_url(url, n),
                current: n == number,
                gap_before: n > last + 1,
            };
            last = n;
            link
        })
        .collect()
}

/// The pages of `page` (at `url`), each with its pager: one page when
/// `size` is 0 or no list is longer than `size`.
pub fn paginate(url: &str, data: Value, lists: &[List], size: usize) -> Vec<(Pager, Value)> {
    let page = &data;
    let totals: Vec<usize> = lists
        .iter()
        .map(|paths| paths.iter().map(|p| count_path(page, p)).sum())
        .collect();
    let longest = totals.iter().copied().max().unwrap_or(0);
    let count = if size == 0 || lists.is_empty() {
        1
    } else {
        longest.div_ceil(size).max(1)
    };
    let key = |paths: List| -> String { top_key(paths.first().copied().unwrap_or("")).to_string() };
    let totals_by_key: BTreeMap<String, usize> = lists
        .iter()
        .zip(&totals)
        .map(|(paths, n)| (key(paths), *n))
        .collect();
    if count == 1 {
        let mut pager = Pager::single(url);
        pager.size = size;
        pager.totals = totals_by_key;
        pager.offsets = lists.iter().map(|p| (key(p), 0)).collect();
        return vec![(pager, data)];
    }
    let sliced_keys: Vec<&str> = lists
        .iter()
        .flat_map(|paths| paths.iter().map(|p| top_key(p)))
        .collect();
    (1..=count)
        .map(|number| {
            let (lo, hi) = ((number - 1) * size, number * size);
            let mut out = Map::new();
            if let Value::Object(map) = page {
                for (k, v) in map {
                    if !sliced_keys.contains(&k.as_str()) {
                        out.insert(k.clone(), v.clone());
                    }
                }
            }
            for paths in lists {
                // The paths of one list share its item numbering.
                let mut start = 0;
                for path in paths.iter() {
                    let keys: Vec<&str> = path.split('.').collect();
                    let n = count_path(page, path);
                    let (a, b) = (lo.saturating_sub(start), hi.saturating_sub(start).min(n));
                    let items = page.get(keys[0]).map_or(Value::Array(Vec::new()), |v| {
                        slice(v, &keys[1..], a.min(b), b)
                    });
                    out.insert(keys[0].to_string(), items);
                    start += n;
                }
            }
            let pager = Pager {
                number,
                count,
                size,
                prev: (number > 1).then(|| urls::paged_url(url, number - 1)),
                next: (number < count).then(|| urls::paged_url(url, number + 1)),
                first: url.to_string(),
                last: urls::paged_url(url, count),
                window: window(url, number, count),
                totals: totals_by_key.clone(),
                offsets: lists.iter().map(|p| (key(p), lo)).collect(),
            };
            (pager, Value::Object(out))
        })
        .collect()
}

fn top_key(path: &str) -> &str {
    path.split('.').next().unwrap_or(path)
}

/// How many items the list at `path` (dotted keys) of `page` holds.
fn count_path(page: &Value, path: &str) -> usize {
    let keys: Vec<&str> = path.split('.').collect();
    page.get(keys[0]).map_or(0, |v| count(v, &keys[1..]))
}

/// Items of the array `list`, or of the arrays under `rest` in its groups.
fn count(list: &Value, rest: &[&str]) -> usize {
    let Value::Array(items) = list else {
        return 0;
    };
    match rest.split_first() {
        None => items.len(),
        Some((key, deeper)) => items
            .iter()
            .map(|g| g.get(*key).map_or(0, |v| count(v, deeper)))
            .sum(),
    }
}

/// Items `lo..hi` of `list` (counted as [`count`] does), keeping the
/// groups they are in with the groups' other fields.
fn slice(list: &Value, rest: &[&str], lo: usize, hi: usize) -> Value {
    let Value::Array(items) = list else {
        return Value::Array(Vec::new());
    };
    let Some((key, deeper)) = rest.split_first() else {
        let hi = hi.min(items.len());
        return Value::Array(items.get(lo.min(hi)..hi).unwrap_or_default().to_vec());
    };
    let mut out = Vec::new();
    let mut start = 0;
    for group in items {
        if start >= hi {
            break;
        }
        let inner = group.get(*key);
        let n = inner.map_or(0, |v| count(v, deeper));
        let end = start + n;
        if end > lo && n > 0 {
            let mut g = Map::new();
            if let Value::Object(map) = group {
                for (k, v) in map {
                    if k != key {
                        g.insert(k.clone(), v.clone());
                    }
                }
            }
            let (a, b) = (lo.saturating_sub(start), (hi - start).min(n));
            if let Some(inner) = inner {
                g.insert(key.to_string(), slice(inner, deeper, a, b));
            }
            out.push(Value::Object(g));
        }
        start = end;
    }
    Value::Array(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parallel_lists_are_cut_side_by_side_and_other_data_kept() {
        let page = json!({"name": "K", "a": [1, 2, 3, 4, 5], "b": [10, 20]});
        let pages = paginate("people/k.html", page, &[&["a"], &["b"]], 2);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].1, json!({"name": "K", "a": [1, 2], "b": [10, 20]}));
        assert_eq!(pages[2].1, json!({"name": "K", "a": [5], "b": []}));
        let (p, _) = &pages[1];
        assert_eq!((p.number, p.count), (2, 3));
        assert_eq!(p.prev.as_deref(), Some("people/k.html"));
        assert_eq!(p.next.as_deref(), Some("people/k.page-3.html"));
        assert_eq!(p.totals["a"], 5);
        assert_eq!(p.offsets["b"], 2);
    }

    #[test]
    fn nested_groups_are_sliced_and_chained_paths_share_one_numbering() {
        let page = json!({
            "years": [
                {"year": 1, "months": [{"m": 1, "events": [1, 2, 3]}, {"m": 2, "events": [4]}]},
                {"year": 2, "months": [{"m": 1, "events": [5, 6]}]}
            ],
            "undated": [7, 8, 9]
        });
        let lists: &[List] = &[&["years.months.events", "undated"]];
        let pages = paginate("timeline.html", page, lists, 4);
        assert_eq!(pages.len(), 3);
        assert_eq!(
            pages[0].1["years"],
            json!([{"year": 1, "months": [{"m": 1, "events": [1, 2, 3]}, {"m": 2, "events": [4]}]}])
        );
        assert_eq!(pages[0].1["undated"], json!([]));
        assert_eq!(
            pages[1].1["years"],
            json!([{"year": 2, "months": [{"m": 1, "events": [5, 6]}]}])
        );
        assert_eq!(pages[1].1["undated"], json!([7, 8]));
        assert_eq!(pages[2].1["years"], json!([]));
        assert_eq!(pages[2].1["undated"], json!([9]));
        assert_eq!(pages[0].0.totals["years"], 9);
    }

    #[test]
    fn short_lists_and_size_zero_give_one_page() {
        let page = json!({"a": [1, 2]});
        assert_eq!(paginate("x.html", page.clone(), &[&["a"]], 2).len(), 1);
        assert_eq!(paginate("x.html", page, &[&["a"]], 0).len(), 1);
        assert_eq!(paginate("x.html", json!({"a": []}), &[&["a"]], 5).len(), 1);
    }
}
