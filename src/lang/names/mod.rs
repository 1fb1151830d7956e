//! Name keys built for transliteration, not edit distance.
//!
//! Two spellings of one name get the same key when they differ only by the
//! choices romanization systems make: McCune–Reischauer vs Revised Korean
//! ("Noh Gwang Chol" / "No Kwang Chol", "Choi Song-hee" / "Choe Son Hui") and
//! the usual Russian variants ("Sergey" / "Sergei", "Yury" / "Yuri",
//! "Matviyenko" / "Matvienko"). Keys are compared part by part, so "Kim Jong
//! Un", "Kim Jong Il" and "Kim Jong Gyu" stay three names.
//!
//! - `lists`: the name-part lists of `data/names/` and what they say of a word.
//! - `keys`: folding, word keys and person-name keys.
//! - `near`: near misses, for `dossier check` and for repairs.

mod keys;
mod lists;
mod near;

pub use keys::{
    first_part_keys, fold, partial_key, person_key, person_key_of_words, phrase_key, same_person,
    token_key, NameKey,
};
pub(crate) use lists::data_lines;
pub use lists::{is_given_name, is_korean_name, is_korean_surname};
pub use near::{damaged_given_matches, near_miss};

#[cfg(test)]
mod tests;
