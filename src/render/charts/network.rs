//! A person's network chart: the people they met, drawn around them.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::svg::{esc, figure, svg_head, INK, MUTED};
use crate::briefing::{ActorPage, ActorRef};

/// People drawn around a person in the network picture.
pub const MAX_NETWORK_NODES: usize = 12;

/// The people a person met, drawn around them on an ellipse, each node a
/// link to the person's page (relative to `root`). Lines between two
/// neighbours mean they met too. Only the [`MAX_NETWORK_NODES`] most
/// frequent contacts are drawn; the caption says how many were left out.
/// `pages` looks up the neighbours' own contacts.
pub fn person_network(
    person: &ActorPage,
    pages: &BTreeMap<&str, &ActorPage>,
    root: &str,
    id: &str,
) -> String {
    let shown: Vec<&ActorRef> = person.met.iter().take(MAX_NETWORK_NODES).collect();
    if shown.is_empty() {
        return String::new();
    }
    let (width, height) = (640.0, 330.0);
    let (cx, cy) = (width / 2.0, height / 2.0);
    let (rx, ry) = (165.0, 118.0);
    let n = shown.len();
    let positions: Vec<(f64, f64, f64)> = (0..n)
        .map(|i| {
            // Start at the top and go clockwise; one or two contacts sit
            // beside the centre, where their labels have room.
            let angle = if n <= 2 {
                std::f64::consts::PI * i as f64
            } else {
                -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64
            };
            (cx + rx * angle.cos(), cy + ry * angle.sin(), angle)
        })
        .collect();
    let index: BTreeMap<&str, usize> = shown
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();

    let left_out = person.met.len() - n;
    let title = format!("People {} met", person.name);
    let mut desc = format!(
        "Network: {} in the centre, linked to the {} {} met at events; thicker lines mean more events together, thin dashed lines join contacts who also met each other. The same people are listed under “Met”.",
        person.name,
        n,
        if n == 1 { "person" } else { "people" }
    );
    if left_out > 0 {
        let _ = write!(
            desc,
            " Only the {n} most frequent contacts are drawn; {left_out} more are listed."
        );
    }
    let mut svg = svg_head(id, "chart-network", (width, height), "group", &title, &desc);
    // Contacts who met each other, drawn first so they sit underneath.
    for (i, p) in shown.iter().enumerate() {
        let Some(page) = pages.get(p.id.as_str()) else {
            continue;
        };
        for q in &page.met {
            let Some(&j) = index.get(q.id.as_str()) else {
                continue;
            };
            if j <= i {
                continue;
            }
            if let (Some(a), Some(b)) = (positions.get(i), positions.get(j)) {
                let _ = writeln!(
                    svg,
                    "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{MUTED}\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>",
                    a.0, a.1, b.0, b.1
                );
            }
        }
    }
    for (p, (x, y, _)) in shown.iter().zip(&positions) {
        let _ = writeln!(
            svg,
            "<line x1=\"{cx:.1}\" y1=\"{cy:.1}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#0b5cad\" stroke-width=\"{}\"/>",
            1 + p.count.min(5)
        );
    }
    let _ = writeln!(
        svg,
        "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"9\" fill=\"{INK}\"/>\n<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\" font-size=\"13\" font-weight=\"700\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\">{}</text>",
        cy + 26.0,
        esc(&short_name(&person.name))
    );
    for (p, (x, y, angle)) in shown.iter().zip(&positions) {
        // Labels sit outside the ring, pointing away from the centre, so
        // neighbouring labels grow apart instead of across each other.
        let (dx, dy) = (angle.cos(), angle.sin());
        let (anchor, lx, ly) = if dx.abs() < 0.3 {
            ("middle", *x, y + dy.signum() * 18.0 + 4.0)
        } else if dx > 0.0 {
            ("start", x + 12.0, y + 4.0)
        } else {
            ("end", x - 12.0, y + 4.0)
        };
        let events = if p.count == 1 { "event" } else { "events" };
        let _ = writeln!(
            svg,
            "<a href=\"{}{}\"><title>{}: {} {events} together</title><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"7\" fill=\"#ffffff\" stroke=\"#0b5cad\" stroke-width=\"2.5\"/><text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\" fill=\"#0b5cad\" font-size=\"12\" text-decoration=\"underline\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\">{}</text></a>",
            esc(root),
            esc(&p.url),
            esc(&p.name),
            p.count,
            esc(&short_name(&p.name))
        );
    }
    svg.push_str("</svg>");
    let caption = if left_out > 0 {
        format!(
            "<p>The {n} people {} met most often; {left_out} more are listed under “Met”. <span class=\"screen-only\">Select a name to open that person’s page.</span></p>",
            esc(&person.name)
        )
    } else {
        format!(
            "<p>People {} met at events. <span class=\"screen-only\">Select a name to open that person’s page.</span></p>",
            esc(&person.name)
        )
    };
    figure("chart-figure", &svg, &caption, "")
}

/// Labels longer than this are cut with an ellipsis (the full name is in
/// the node's title and in the list beside the picture).
const LABEL_CHARS: usize = 24;

fn short_name(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        return name.to_string();
    }
    let mut s: String = name.chars().take(LABEL_CHARS - 1).collect();
    s.push('…');
    s
}
