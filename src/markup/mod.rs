//! Shared text utilities for markup: Markdown bodies to plain text and to
//! HTML ([`markdown`]), and escaped HTML with annotations woven in
//! ([`html`]). Below every stage; no analysis happens here.

pub mod html;
pub mod markdown;
