//! Stage 2b, actors: the knowledge base, finding mentions of people,
//! organizations and places in an article, and resolving every spelling to one
//! actor across the corpus.

pub mod kb;
pub mod mentions;
pub(crate) mod places;
pub mod resolve;
pub mod roles;

pub use mentions::{find_mentions, find_mentions_dating};
pub use resolve::{resolve, DateConstraint};
