//! Second pass: turn an underspecified [`Spec`] into a TIMEX3 value and the
//! calendar days it covers, using the reference (publication) date, the tense
//! of the sentence and the last date mentioned (narrative anchor).

use chrono::{Datelike, Days, Months, NaiveDate};

use super::recognize::{Portion, Spec, Unit, WeekdayShift, YearRef};
use super::tense::Tense;
use crate::corpus::{Anchoring, DateInterval, Granularity, TimexKind, TimexMod};

/// What the second pass knows when it resolves one expression.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub reference: Option<NaiveDate>,
    pub tense: Tense,
    /// The last date mentioned before this expression, with its precision.
    pub narrative: Option<(DateInterval, Granularity)>,
    /// A year stated earlier in the same sentence ("last year's parade began
    /// in early summer"): an open month or season of a past-tense sentence
    /// belongs to it.
    pub sentence_year: Option<i32>,
}

/// A resolved value.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimexKind,
    pub value: String,
    pub granularity: Option<Granularity>,
    pub interval: Option<DateInterval>,
    pub anchoring: Anchoring,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

fn interval(start: NaiveDate, end: NaiveDate) -> DateInterval {
    DateInterval { start, end }
}

fn month_interval(y: i32, m: u32) -> Option<DateInterval> {
    Some(interval(ymd(y, m, 1)?, last_of_month(y, m)?))
}

fn year_interval(y: i32) -> Option<DateInterval> {
    Some(interval(ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

fn week_interval(d: NaiveDate) -> Option<DateInterval> {
    let monday = d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))?;
    Some(interval(monday, monday.checked_add_days(Days::new(6))?))
}

fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn day_value(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn season_interval(y: i32, code: &str) -> Option<DateInterval> {
    // Meteorological seasons: what news means by "this summer".
    match code {
        "SP" => Some(interval(ymd(y, 3, 1)?, ymd(y, 5, 31)?)),
        "SU" => Some(interval(ymd(y, 6, 1)?, ymd(y, 8, 31)?)),
        "FA" => Some(interval(ymd(y, 9, 1)?, ymd(y, 11, 30)?)),
        _ => Some(interval(ymd(y, 12, 1)?, last_of_month(y + 1, 2)?)),
    }
}

fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n.unsigned_abs()))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Year for a month (and day) whose year the text leaves open: the
/// reference year, moved back when a past-tense sentence would otherwise
/// point after the reference, forward when a future one would point before.
///
/// A day within a week of the reference keeps the reference year whatever
/// the tense ("will take place on November 15-16" in a report dated the
/// 16th is that week, not next year), and a period (`last_month` after
/// `month`, for a season or quarter) that has not ended is not moved forward.
fn choose_year(
    reference: NaiveDate,
    month: u32,
    last_month: u32,
    day: Option<u32>,
    tense: Tense,
) -> i32 {
    let y = reference.year();
    if let Some(d) = day.and_then(|d| ymd(y, month, d)) {
        let gap = (d - reference).num_days();
        return match tense {
            // A month either way is too near to move a year: "must be
            // returned by Jan. 14" a week before is this January whatever
            // the tense detector says.
            Tense::Past if gap > 31 => y - 1,
            Tense::Future if gap < -31 => y + 1,
            // "is payable Jan. 2" in a November story: present-tense
            // schedules point forward, not most of a year back.
            Tense::Unknown if gap < -240 => y + 1,
            _ => y,
        };
    }
    // A period (season, quarter) ended within a quarter is still the one
    // a future-tense sentence means: "expects to report a third-quarter
    // loss" in October is the quarter just ended.
    let slack = if last_month == month { 0 } else { 3 };
    match tense {
        Tense::Past if month > reference.month() => y - 1,
        Tense::Future if last_month + slack < reference.month() => y + 1,
        _ => y,
    }
}

fn resolve_year(
    year: YearRef,
    ctx: &Context,
    month: u32,
    last_month: u32,
    day: Option<u32>,
) -> Option<(i32, Anchoring)> {
    match (year, ctx.reference) {
        (YearRef::Absolute(y), _) => Some((y, Anchoring::Absolute)),
        (YearRef::Relative(o), Some(r)) => Some((r.year() + o, Anchoring::Publication)),
        (YearRef::Previous, Some(r)) => {
            // The latest one that has ended; a winter is named by the year
            // of its December.
            let end_year = if last_month < r.month() {
                r.year()
            } else {
                r.year() - 1
            };
            let y = if month > last_month {
                end_year - 1
            } else {
                end_year
            };
            Some((y, Anchoring::Publication))
        }
        (YearRef::Following, Some(r)) => {
            let y = if month > r.month() {
                r.year()
            } else {
                r.year() + 1
            };
            Some((y, Anchoring::Publication))
        }
        (YearRef::Undefined, Some(r)) => match ctx.sentence_year {
            Some(y) if ctx.tense != Tense::Future && y < r.year() => {
                Some((y, Anchoring::Narrative))
            }
            _ => Some((
                choose_year(r, month, last_month, day, ctx.tense),
                Anchoring::Publication,
            )),
        },
        (_, None) => None,
    }
}

fn unanchored(value: String, granularity: Granularity) -> Resolved {
    Resolved {
        kind: TimexKind::Date,
        value,
        granularity: Some(granularity),
        interval: None,
        anchoring: Anchoring::Unanchored,
    }
}

fn date(
    value: String,
    granularity: Granularity,
    iv: Option<DateInterval>,
    anchoring: Anchoring,
) -> Option<Resolved> {
    Some(Resolved {
        kind: TimexKind::Date,
        value,
        granularity: Some(granularity),
        interval: Some(iv?),
        anchoring,
    })
}

/// The interval of one `unit` containing `d`, with its value.
fn unit_at(unit: Unit, d: NaiveDate) -> Option<(String, Granularity, DateInterval)> {
    match unit {
        Unit::Day => Some((day_value(d), Granularity::Day, interval(d, d))),
        Unit::Week => Some((week_value(d), Granularity::Week, week_interval(d)?)),
        Unit::Weekend => {
            let w = week_interval(d)?;
            let sat = w.end.pred_opt()?;
            Some((
                format!("{}-WE", week_value(d)),
                Granularity::Week,
                interval(sat, w.end),
            ))
        }
        Unit::Month => Some((
            format!("{:04}-{:02}", d.year(), d.month()),
            Granularity::Month,
            month_interval(d.year(), d.month())?,
        )),
        Unit::Quarter => {
            let q = (d.month() - 1) / 3 + 1;
            let first = ymd(d.year(), (q - 1) * 3 + 1, 1)?;
            Some((
                format!("{:04}-Q{q}", d.year()),
                Granularity::Quarter,
                interval(first, last_of_month(d.year(), q * 3)?),
            ))
        }
        Unit::Year => Some((
            format!("{:04}", d.year()),
            Granularity::Year,
            year_interval(d.year())?,
        )),
        Unit::Decade => {
            let dec = d.year().div_euclid(10);
            Some((
                format!("{dec:03}X"),
                Granularity::Decade,
                interval(ymd(dec * 10, 1, 1)?, ymd(dec * 10 + 9, 12, 31)?),
            ))
        }
    }
}

/// `d` moved by `n` units.
fn shift(unit: Unit, d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let n32 = i32::try_from(n).ok()?;
    match unit {
        Unit::Day => add_days(d, n),
        Unit::Week | Unit::Weekend => add_days(d, n.checked_mul(7)?),
        Unit::Month => add_months(d, n32),
        Unit::Quarter => add_months(d, n32.checked_mul(3)?),
        Unit::Year => add_months(d, n32.checked_mul(12)?),
        Unit::Decade => add_months(d, n32.checked_mul(120)?),
    }
}

fn unit_placeholder(unit: Unit) -> (String, Granularity) {
    match unit {
        Unit::Day => ("XXXX-XX-XX".into(), Granularity::Day),
        Unit::Week => ("XXXX-WXX".into(), Granularity::Week),
        Unit::Weekend => ("XXXX-WXX-WE".into(), Granularity::Week),
        Unit::Month => ("XXXX-XX".into(), Granularity::Month),
        Unit::Quarter => ("XXXX-QX".into(), Granularity::Quarter),
        Unit::Year => ("XXXX".into(), Granularity::Year),
        Unit::Decade => ("XXXX".into(), Granularity::Decade),
    }
}

/// Resolves one expression.
pub fn resolve(spec: &Spec, ctx: &Context) -> Option<Resolved> {
    let reference = ctx.reference;
    // "a year ago", "a year earlier" after a quarter mean that quarter a
    // year before ("net rose in the third quarter from a year earlier").
    if matches!(
        spec,
        Spec::Ago {
            unit: Unit::Year,
            count: 1
        } | Spec::Narrative {
            unit: Unit::Year,
            offset: -1
        }
    ) && matches!(ctx.narrative, Some((_, Granularity::Quarter)))
    {
        return resolve(&Spec::YearEarlier, ctx);
    }
    match spec {
        Spec::Day { year, month, day } => {
            match resolve_year(*year, ctx, *month, *month, Some(*day)) {
                Some((y, anchoring)) => {
                    let d = ymd(y, *month, *day)?;
                    date(
                        day_value(d),
                        Granularity::Day,
                        Some(interval(d, d)),
                        anchoring,
                    )
                }
                None => Some(unanchored(
                    format!("XXXX-{month:02}-{day:02}"),
                    Granularity::Day,
                )),
            }
        }
        Spec::DayRange { year, from, to } => {
            match resolve_year(*year, ctx, from.0, to.0, Some(from.1)) {
                Some((y, anchoring)) => {
                    let a = ymd(y, from.0, from.1)?;
                    let b = ymd(y, to.0, to.1)?;
                    date(
                        format!("{}/{}", day_value(a), day_value(b)),
                        Granularity::Day,
                        Some(interval(a, b)),
                        anchoring,
                    )
                }
                None => Some(unanchored(
                    format!(
                        "XXXX-{:02}-{:02}/XXXX-{:02}-{:02}",
                        from.0, from.1, to.0, to.1
                    ),
                    Granularity::Day,
                )),
            }
        }
        Spec::Month { year, month } => match resolve_year(*year, ctx, *month, *month, None) {
            Some((y, anchoring)) => date(
                format!("{y:04}-{month:02}"),
                Granularity::Month,
                month_interval(y, *month),
                anchoring,
            ),
            None => Some(unanchored(format!("XXXX-{month:02}"), Granularity::Month)),
        },
        Spec::Year(y) => date(
            format!("{y:04}"),
            Granularity::Year,
            year_interval(*y),
            Anchoring::Absolute,
        ),
        Spec::YearRange(a, b) => date(
            format!("{a:04}/{b:04}"),
            Granularity::Year,
            Some(interval(ymd(*a, 1, 1)?, ymd(*b, 12, 31)?)),
            Anchoring::Absolute,
        ),
        Spec::Decade(d) => date(
            format!("{d:03}X"),
            Granularity::Decade,
            Some(interval(ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?)),
            Anchoring::Absolute,
        ),
        Spec::Century(c) => date(
            format!("{c:02}"),
            Granularity::Century,
            Some(interval(ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?)),
            Anchoring::Absolute,
        ),
        Spec::Season { year, code } => {
            let start_month = match *code {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            match resolve_year(*year, ctx, start_month, (start_month + 1) % 12 + 1, None) {
                Some((y, anchoring)) => date(
                    format!("{y:04}-{code}"),
                    Granularity::Season,
                    season_interval(y, code),
                    anchoring,
                ),
                None => Some(unanchored(format!("XXXX-{code}"), Granularity::Season)),
            }
        }
        Spec::Quarter { year, quarter } => {
            match resolve_year(*year, ctx, (quarter - 1) * 3 + 1, quarter * 3, None) {
                Some((y, anchoring)) => date(
                    format!("{y:04}-Q{quarter}"),
                    Granularity::Quarter,
                    Some(interval(
                        ymd(y, (quarter - 1) * 3 + 1, 1)?,
                        last_of_month(y, quarter * 3)?,
                    )),
                    anchoring,
                ),
                None => Some(unanchored(format!("XXXX-Q{quarter}"), Granularity::Quarter)),
            }
        }
        Spec::Half { year, half } => {
            match resolve_year(*year, ctx, (half - 1) * 6 + 1, half * 6, None) {
                Some((y, anchoring)) => date(
                    format!("{y:04}-H{half}"),
                    Granularity::HalfYear,
                    Some(interval(
                        ymd(y, (half - 1) * 6 + 1, 1)?,
                        last_of_month(y, half * 6)?,
                    )),
                    anchoring,
                ),
                None => Some(unanchored(format!("XXXX-H{half}"), Granularity::HalfYear)),
            }
        }
        Spec::Weekday { weekday, shift } => {
            let Some(r) = reference else {
                return Some(unanchored(format!("XXXX-WXX-{weekday}"), Granularity::Day));
            };
            let today = r.weekday().number_from_monday() as i64;
            let target = i64::from(*weekday);
            let back = (today - target).rem_euclid(7); // 0..6 days back
            let forward = (target - today).rem_euclid(7); // 0..6 days ahead
            let offset = match shift {
                WeekdayShift::Last => -(if back == 0 { 7 } else { back }),
                WeekdayShift::Next => {
                    if forward == 0 {
                        7
                    } else {
                        forward
                    }
                }
                WeekdayShift::This => target - today,
                WeekdayShift::OfWeek(w) => target - today + 7 * w,
                WeekdayShift::Possessive => -back,
                WeekdayShift::Tense => match ctx.tense {
                    Tense::Future => forward,
                    // News reports what happened: a bare weekday is the last one.
                    _ => -back,
                },
            };
            let d = add_days(r, offset)?;
            date(
                day_value(d),
                Granularity::Day,
                Some(interval(d, d)),
                Anchoring::Publication,
            )
        }
        Spec::DayOfMonth(day) => {
            let Some(r) = reference else {
                return Some(unanchored(format!("XXXX-XX-{day:02}"), Granularity::Day));
            };
            let month_shift = match ctx.tense {
                Tense::Past if *day > r.day() => -1,
                Tense::Future if *day < r.day() => 1,
                _ => 0,
            };
            let first = add_months(ymd(r.year(), r.month(), 1)?, month_shift)?;
            let d = ymd(first.year(), first.month(), *day)?;
            date(
                day_value(d),
                Granularity::Day,
                Some(interval(d, d)),
                Anchoring::Publication,
            )
        }
        Spec::RelativeDay(offset) => {
            let Some(r) = reference else {
                return Some(unanchored("XXXX-XX-XX".into(), Granularity::Day));
            };
            let d = add_days(r, *offset)?;
            date(
                day_value(d),
                Granularity::Day,
                Some(interval(d, d)),
                Anchoring::Publication,
            )
        }
        Spec::RelativeUnit {
            unit,
            offset,
            portion,
        } => {
            let Some(r) = reference else {
                let (v, g) = unit_placeholder(*unit);
                return Some(unanchored(v, g));
            };
            let d = shift(*unit, r, i64::from(*offset))?;
            let (value, g, mut iv) = unit_at(*unit, d)?;
            match portion {
                Portion::Whole => {}
                Portion::Earlier => {
                    if let Some(end) = r.pred_opt().filter(|e| *e >= iv.start && *e <= iv.end) {
                        iv.end = end;
                    }
                }
                Portion::Later => {
                    if let Some(start) = r.succ_opt().filter(|s| *s >= iv.start && *s <= iv.end) {
                        iv.start = start;
                    }
                }
            }
            date(value, g, Some(iv), Anchoring::Publication)
        }
        Spec::Ago { unit, count } => {
            let Some(r) = reference else {
                let (v, g) = unit_placeholder(*unit);
                return Some(unanchored(v, g));
            };
            let d = shift(*unit, r, -i64::from(*count))?;
            let (value, g, iv) = unit_at(*unit, d)?;
            date(value, g, Some(iv), Anchoring::Publication)
        }
        Spec::Narrative { unit, offset } => {
            // The last date mentioned, if it is precise enough for the unit;
            // otherwise the publication date.
            let from_story = ctx.narrative.and_then(|(iv, g)| {
                let fine_enough = match unit {
                    Unit::Day => g == Granularity::Day,
                    Unit::Week | Unit::Weekend => g <= Granularity::Week,
                    Unit::Month => g <= Granularity::Month,
                    _ => g <= Granularity::Year,
                };
                fine_enough.then_some(iv.start)
            });
            let (base, anchoring) = match (from_story, reference) {
                (Some(d), _) => (d, Anchoring::Narrative),
                (None, Some(r)) => (r, Anchoring::Publication),
                (None, None) => {
                    let (v, g) = unit_placeholder(*unit);
                    return Some(unanchored(v, g));
                }
            };
            let d = shift(*unit, base, *offset)?;
            let (value, g, iv) = unit_at(*unit, d)?;
            date(value, g, Some(iv), anchoring)
        }
        Spec::QuarterRef { back } => {
            // The quarter last mentioned, else the latest complete quarter
            // (the current one in a future-tense sentence).
            let from_story = ctx
                .narrative
                .and_then(|(iv, g)| (g == Granularity::Quarter).then_some(iv.start));
            let (base, anchoring) = match (from_story, reference) {
                (Some(d), _) => (d, Anchoring::Narrative),
                (None, Some(r)) if ctx.tense == Tense::Future => (r, Anchoring::Publication),
                (None, Some(r)) => (shift(Unit::Quarter, r, -1)?, Anchoring::Publication),
                (None, None) => {
                    let (v, g) = unit_placeholder(Unit::Quarter);
                    return Some(unanchored(v, g));
                }
            };
            let d = shift(Unit::Year, base, -i64::from(*back))?;
            let (value, g, iv) = unit_at(Unit::Quarter, d)?;
            date(value, g, Some(iv), anchoring)
        }
        Spec::YearEarlier => {
            // The period last mentioned (a quarter, month or year), a year
            // before; else the year before publication.
            let (unit, base, anchoring) = match (ctx.narrative, reference) {
                (Some((iv, Granularity::Quarter)), _) => {
                    (Unit::Quarter, iv.start, Anchoring::Narrative)
                }
                (Some((iv, Granularity::Month)), _) => {
                    (Unit::Month, iv.start, Anchoring::Narrative)
                }
                (Some((iv, Granularity::Year)), _) => (Unit::Year, iv.start, Anchoring::Narrative),
                (_, Some(r)) => (Unit::Year, r, Anchoring::Publication),
                (_, None) => return Some(unanchored("XXXX".into(), Granularity::Year)),
            };
            let d = shift(Unit::Year, base, -1)?;
            let (value, g, iv) = unit_at(unit, d)?;
            date(value, g, Some(iv), anchoring)
        }
        Spec::Movable(holiday) => {
            let Some(r) = reference else {
                return Some(unanchored("XXXX-XX-XX".into(), Granularity::Day));
            };
            let this_year = holiday.date(r.year())?;
            let y = match ctx.sentence_year {
                Some(y) if ctx.tense != Tense::Future && y < r.year() => y,
                _ => choose_year(
                    r,
                    this_year.month(),
                    this_year.month(),
                    Some(this_year.day()),
                    ctx.tense,
                ),
            };
            let d = holiday.date(y)?;
            date(
                day_value(d),
                Granularity::Day,
                Some(interval(d, d)),
                Anchoring::Publication,
            )
        }
        Spec::Weekend => {
            let Some(r) = reference else {
                return Some(unanchored("XXXX-WXX-WE".into(), Granularity::Week));
            };
            // The weekend of the week before, of this week when it has begun,
            // or the coming one in a future-tense sentence.
            let dow = i64::from(r.weekday().num_days_from_monday());
            let d = match ctx.tense {
                Tense::Future => r,
                _ if dow >= 5 => r,
                _ => add_days(r, -7)?,
            };
            let (value, g, iv) = unit_at(Unit::Weekend, d)?;
            date(value, g, Some(iv), Anchoring::Publication)
        }
        Spec::Clock { .. } => {
            // A clock time alone takes the day of the story, never a day
            // shifted by time zone.
            let from_story = ctx
                .narrative
                .and_then(|(iv, g)| (g == Granularity::Day).then_some(iv.start));
            let (d, anchoring) = match (from_story, reference) {
                (Some(d), _) => (d, Anchoring::Narrative),
                (None, Some(r)) => (r, Anchoring::Publication),
                (None, None) => {
                    let mut u = unanchored("XXXX-XX-XX".into(), Granularity::Day);
                    u.kind = TimexKind::Time;
                    return Some(u);
                }
            };
            let mut out = date(
                day_value(d),
                Granularity::Day,
                Some(interval(d, d)),
                anchoring,
            )?;
            out.kind = TimexKind::Time;
            Some(out)
        }
        Spec::Duration(v) => Some(Resolved {
            kind: TimexKind::Duration,
            value: v.clone(),
            granularity: None,
            interval: None,
            anchoring: Anchoring::Absolute,
        }),
        Spec::Vague(v) => Some(Resolved {
            kind: TimexKind::Date,
            value: (*v).to_string(),
            granularity: None,
            interval: None,
            anchoring: Anchoring::Publication,
        }),
        Spec::Set(v) => Some(Resolved {
            kind: TimexKind::Set,
            value: v.clone(),
            granularity: None,
            interval: None,
            anchoring: Anchoring::Absolute,
        }),
    }
}

/// Narrows an interval to the part a START/MID/END modifier names: the
/// first, middle or last third ("early October" = 1–10 October).
pub fn narrow(iv: DateInterval, position: Option<TimexMod>) -> DateInterval {
    let days = (iv.end - iv.start).num_days() + 1;
    if days < 3 {
        return iv;
    }
    let third = days / 3;
    let at = |n: i64| add_days(iv.start, n).unwrap_or(iv.start);
    match position {
        Some(TimexMod::Start) => interval(iv.start, at(third - 1)),
        Some(TimexMod::Mid) => interval(at(third), at(2 * third - 1)),
        Some(TimexMod::End) => interval(at(2 * third), iv.end),
        _ => iv,
    }
}
