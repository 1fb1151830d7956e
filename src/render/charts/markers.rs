//! How the timeline marks an event: shape and colour by kind, fill by status.

use crate::corpus::{EventKind, EventStatus};

/// Four families of event kinds, each with its own marker shape and colour,
/// so kinds stay apart in greyscale print as well as on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Family {
    Meeting,
    Visit,
    Agreement,
    Ceremony,
}

pub(super) const FAMILIES: [Family; 4] = [
    Family::Meeting,
    Family::Visit,
    Family::Agreement,
    Family::Ceremony,
];

impl Family {
    pub(super) fn of(kind: EventKind) -> Family {
        match kind {
            EventKind::Meeting
            | EventKind::Talks
            | EventKind::Summit
            | EventKind::PhoneCall
            | EventKind::Message => Family::Meeting,
            EventKind::Visit | EventKind::PlannedVisit | EventKind::Inspection => Family::Visit,
            EventKind::Signing | EventKind::Ratification => Family::Agreement,
            EventKind::Reception
            | EventKind::Banquet
            | EventKind::Ceremony
            | EventKind::WreathLaying => Family::Ceremony,
        }
    }

    pub(super) fn label(self) -> &'static str {
        match self {
            Family::Meeting => "Meetings, talks, summits",
            Family::Visit => "Visits and inspections",
            Family::Agreement => "Signings and ratifications",
            Family::Ceremony => "Receptions and ceremonies",
        }
    }

    pub(super) fn short(self) -> &'static str {
        match self {
            Family::Meeting => "meetings",
            Family::Visit => "visits",
            Family::Agreement => "signings",
            Family::Ceremony => "ceremonies",
        }
    }

    /// Colours with at least 4.5:1 contrast on white.
    pub(super) fn colour(self) -> &'static str {
        match self {
            Family::Meeting => "#0b5cad",
            Family::Visit => "#b3261e",
            Family::Agreement => "#2e6b30",
            Family::Ceremony => "#6a3d9a",
        }
    }

    /// The marker's outline centred on (x, y), about 12 px across.
    pub(super) fn path(self, x: f64, y: f64) -> String {
        match self {
            Family::Meeting => format!("M{:.1} {y:.1}a6 6 0 1 0 12 0a6 6 0 1 0 -12 0z", x - 6.0),
            Family::Visit => format!(
                "M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}z",
                y - 6.5,
                x + 6.5,
                y + 5.5,
                x - 6.5,
                y + 5.5
            ),
            Family::Agreement => format!("M{:.1} {:.1}h11v11h-11z", x - 5.5, y - 5.5),
            Family::Ceremony => format!(
                "M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}z",
                y - 7.0,
                x + 7.0,
                y + 7.0,
                x - 7.0
            ),
        }
    }
}

/// Fill and stroke by status: reported solid, planned a dashed outline,
/// background a pale fill, so status never rests on colour alone.
pub(super) fn marker_style(family: Family, status: EventStatus) -> String {
    let c = family.colour();
    match status {
        EventStatus::Reported => format!("fill=\"{c}\" stroke=\"{c}\" stroke-width=\"1.5\""),
        EventStatus::Planned => {
            format!("fill=\"#ffffff\" stroke=\"{c}\" stroke-width=\"2\" stroke-dasharray=\"3 2\"")
        }
        EventStatus::Background => {
            format!("fill=\"{c}\" fill-opacity=\"0.3\" stroke=\"{c}\" stroke-width=\"1.5\"")
        }
        EventStatus::NotHappened => {
            "fill=\"#ffffff\" stroke=\"#8a8f96\" stroke-width=\"1.5\" stroke-dasharray=\"1 2\""
                .to_string()
        }
    }
}

pub(super) fn status_noun(status: EventStatus) -> &'static str {
    match status {
        EventStatus::Reported => "reported",
        EventStatus::Planned => "planned",
        EventStatus::Background => "background",
        EventStatus::NotHappened => "did not happen",
    }
}

pub(super) fn status_rank(s: EventStatus) -> u8 {
    match s {
        EventStatus::Reported => 0,
        EventStatus::Planned => 1,
        EventStatus::Background => 2,
        EventStatus::NotHappened => 3,
    }
}
