//! Closed word classes of English time expressions: month, weekday, season,
//! number and part-of-day words, plus the regex alternations built from them.

/// Month names and their abbreviations, longest first so a regex alternation
/// prefers "September" to "Sep".
pub const MONTH_ALT: &str = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:\.|\b))";

pub const WEEKDAY_ALT: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thur\.|Thurs\.|Fri\.|Sat\.|Sun\.)";

pub const SEASON_ALT: &str = r"(?:spring|summer|autumn|fall|winter)";

pub const PART_OF_DAY_ALT: &str = r"(?:morning|afternoon|evening|night)";

/// Cardinal numbers as words or digits, as they appear in "two days ago" or
/// "for 18 months".
pub const NUMBER_ALT: &str = r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an|a\s+few|few|several|couple\s+of|a\s+couple\s+of)";

/// Month number (1–12) of a month name or abbreviation, any case, with or
/// without a trailing period.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let n = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// True for month words that are also common English words or names, which
/// need date context before they count as a month ("Theresa May", "a march",
/// "August" as a first name, "Jan" as a name).
pub fn month_is_ambiguous(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let full = matches!(
        w.to_ascii_lowercase().as_str(),
        "january"
            | "february"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    );
    // Abbreviations alone are ambiguous too ("Jan", "Mar"), and "May" and
    // "March" are a modal verb, a surname and a noun before they are months.
    !full
}

/// ISO weekday number, Monday = 1 … Sunday = 7.
pub fn weekday_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let n = match w.as_str() {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    };
    Some(n)
}

/// Season as a TIMEX3 code.
pub fn season_code(word: &str) -> Option<&'static str> {
    match word.to_ascii_lowercase().as_str() {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "autumn" | "fall" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    }
}

/// Part of day as a TIMEX3 code.
pub fn part_of_day_code(word: &str) -> Option<&'static str> {
    match word.to_ascii_lowercase().as_str() {
        "morning" => Some("MO"),
        "afternoon" => Some("AF"),
        "evening" => Some("EV"),
        "night" | "tonight" => Some("NI"),
        _ => None,
    }
}

/// Value of a cardinal number word or digits; `None` for vague quantities
/// ("several", "a few"), which make an `X` in a duration.
pub fn number_value(word: &str) -> Option<u32> {
    let w = word.split_whitespace().collect::<Vec<_>>().join(" ");
    let w = w.to_ascii_lowercase();
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    // "twenty-four", "twenty four".
    if let Some((tens, ones)) = w.split_once(['-', ' ']) {
        let (t, o) = (number_value(tens)?, number_value(ones)?);
        return (t >= 20 && t % 10 == 0 && t < 100 && o < 10).then_some(t + o);
    }
    let n = match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    };
    Some(n)
}

/// Ordinal words used for quarters and halves.
pub fn ordinal_value(word: &str) -> Option<u32> {
    match word.to_ascii_lowercase().as_str() {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" | "last" | "final" => Some(4),
        _ => None,
    }
}

/// Nouns that, right after a bare four-digit number, show it is a count and
/// not a year ("2000 troops", "1500 tonnes").
pub fn is_count_noun(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().trim_end_matches(['.', ',']),
        "troops"
            | "soldiers"
            | "servicemen"
            | "personnel"
            | "people"
            | "persons"
            | "workers"
            | "men"
            | "women"
            | "children"
            | "residents"
            | "civilians"
            | "casualties"
            | "deaths"
            | "refugees"
            | "tons"
            | "tonnes"
            | "km"
            | "kilometers"
            | "kilometres"
            | "miles"
            | "meters"
            | "metres"
            | "feet"
            | "kg"
            | "missiles"
            | "rockets"
            | "rounds"
            | "shells"
            | "drones"
            | "tanks"
            | "vehicles"
            | "units"
            | "pieces"
            | "containers"
            | "dollars"
            | "rubles"
            | "roubles"
            | "won"
            | "yuan"
            | "euros"
            | "pounds"
            | "yen"
            | "usd"
            | "percent"
            | "per"
            | "hours"
            | "hrs"
            | "gmt"
            | "utc"
            | "kst"
            | "msk"
            | "times"
            | "votes"
            | "members"
            | "delegates"
            | "participants"
            | "students"
            | "cadets"
            | "sailors"
            | "officers"
            | "pilots"
            | "aircraft"
            | "jets"
            | "planes"
            | "ships"
            | "km/h"
            | "mph"
    )
}

/// Capitalized words that, right before a four-digit number, make it an
/// identifier rather than a year ("Resolution 2270", "Flight 2011").
pub fn is_identifier_head(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().trim_end_matches('.'),
        "no" | "nos"
            | "number"
            | "resolution"
            | "resolutions"
            | "article"
            | "flight"
            | "route"
            | "room"
            | "unit"
            | "chapter"
            | "section"
            | "line"
            | "model"
            | "type"
            | "class"
            | "project"
            | "building"
            | "order"
            | "decree"
            | "item"
            | "case"
            | "page"
            | "pages"
            | "vol"
            | "volume"
            | "highway"
            | "hull"
            | "code"
            | "tel"
            | "phone"
            | "fax"
            | "vision"
            | "agenda"
            | "strategy"
            | "expo"
            | "euro"
            | "block"
            | "squad"
            | "regiment"
            | "division"
            | "brigade"
            | "battalion"
            | "height"
            | "hill"
            | "#"
    )
}
