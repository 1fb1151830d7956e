//! Stage 4, the briefing model: turns the analysis into the pages of the site
//! (articles, people, events, timeline, indexes, periods) with their URLs and
//! cross-links, ready to render. No HTML is written here.

use serde::Serialize;

use crate::pipeline::Analysis;

/// The whole site as data; each page's template context is cut from it.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    pub title: String,
    pub description: String,
}

pub fn build(analysis: &Analysis) -> Site {
    Site {
        title: analysis.config.title.clone(),
        description: analysis.config.description.clone(),
    }
}
