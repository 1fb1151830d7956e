//! Shared text utilities for markup: Markdown bodies to plain text and to
//! HTML ([`markdown`]), and escaped HTML with annotations woven in
//! ([`html`]), and project files read as text with a line for every
//! problem ([`textfile`]). Below every stage; no analysis happens here.

pub mod html;
pub mod markdown;
pub mod textfile;
