//! The language layer, below every stage: what the stages share to read
//! text, so that dates, actors and events work on the same sentences and
//! words instead of each re-reading the text.
//!
//! - [`sentences`]: paragraphs and sentences as byte ranges.
//! - [`tokens`]: words with their folded and capitalization forms.
//! - [`names`]: the name-part lists of `data/names/` (Korean surnames and
//!   syllables, given names) and the keys that compare spellings of a name
//!   across romanizations part by part.
//! - [`gazetteer`]: the open gazetteer of countries, regions and cities
//!   (`data/places/`), indexed by name.

pub mod gazetteer;
pub mod names;
pub mod sentences;
pub mod tagger;
pub mod tokens;

pub use sentences::{paragraphs, sentence_at, sentences, Sentence};
