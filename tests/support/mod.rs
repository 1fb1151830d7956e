//! Helpers shared by the integration tests: each test binary that needs them
//! says `mod support;` and uses the parts it wants.
//!
//! Every test binary compiles this module on its own and uses only some of
//! it, hence the `allow(dead_code)`. For the same reason nothing here is a
//! `#[test]` (it would run once in every binary): the helpers' own tests are
//! in `tests/support_selftest.rs`.
#![allow(dead_code)]

pub mod bin;
pub mod html;
pub mod project;
pub mod score;
pub mod site;
pub mod tree;
