//! Tests of raw-page cleaning: chrome lines, captions, datelines, whole pages.

use super::script::Script;
use super::structure::{is_caption, is_headline};
use super::*;

fn chrome(line: &str) -> Option<Chrome> {
    classify_line(line, Script::Latin)
}

#[test]
fn ui_labels_are_chrome() {
    for l in [
        "Skip to main content",
        "Advertisement",
        "Live broadcast",
        "All news",
        "Back to top button",
        "Related Articles",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Select important",
        "On",
        "Off",
        "Share this article:",
        "Read also: Moscow hosts naval parade",
    ] {
        assert_eq!(chrome(l), Some(Chrome::Interface), "{l}");
    }
}

#[test]
fn counters_credits_and_promos_are_chrome() {
    assert_eq!(chrome("0"), Some(Chrome::Counter));
    assert_eq!(chrome("1,204"), Some(Chrome::Counter));
    assert_eq!(chrome("12 comments"), Some(Chrome::Counter));
    assert_eq!(chrome("4 min read"), Some(Chrome::Counter));
    assert_eq!(chrome("Photo: REUTERS/KCNA"), Some(Chrome::PhotoCredit));
    assert_eq!(chrome("Photo by Lee Min-ho"), Some(Chrome::PhotoCredit));
    assert_eq!(chrome("© AFP 2024"), Some(Chrome::PhotoCredit));
    assert_eq!(chrome("REUTERS/Kim Hong-Ji"), Some(Chrome::PhotoCredit));
    assert_eq!(
        chrome("Translated by Google"),
        Some(Chrome::TranslationCredit)
    );
    assert_eq!(
        chrome("Machine translation by DeepL Translator"),
        Some(Chrome::TranslationCredit)
    );
    assert_eq!(chrome("Озвучить текст"), Some(Chrome::ForeignScript));
    assert_eq!(
        chrome("Переведено сервисом «Яндекс Переводчик»"),
        Some(Chrome::TranslationCredit)
    );
    assert_eq!(
        chrome("Follow us on Telegram for breaking updates"),
        Some(Chrome::Interface)
    );
    assert_eq!(
        chrome("All the key stories are on our Telegram channel"),
        Some(Chrome::Promo)
    );
    assert_eq!(chrome("By Anna Petrova"), Some(Chrome::Byline));
}

#[test]
fn stamps_and_wire_credits_are_chrome() {
    for l in [
        "Updated: 27 July 2023, 14:35",
        "July 27, 2023 14:35 GMT",
        "Published on Thursday, 2024-06-20 at 09:15",
        "14:35, 27.07.2023",
        "2023-07-27",
    ] {
        assert_eq!(chrome(l), Some(Chrome::Timestamp), "{l}");
    }
    assert_eq!(
        chrome("Reporting by Anna Petrova; Editing by John Smith"),
        Some(Chrome::Byline)
    );
    assert_eq!(chrome("(END)"), Some(Chrome::Interface));
    assert_eq!(chrome("On July 27, 2023 the ministers met."), None);
    assert!(!is_headline("July 27, 2023, 14:35"));
}

#[test]
fn translation_credit_in_a_russian_page_is_still_chrome() {
    assert_eq!(
        classify_line("Переведено сервисом «Яндекс Переводчик»", Script::Cyrillic),
        Some(Chrome::TranslationCredit)
    );
}

#[test]
fn prose_and_headlines_survive() {
    for l in [
        "Putin, Kim sign pact",
        "0 casualties were reported.",
        "On Monday the delegation flew to Vladivostok.",
        "Related talks will continue in Moscow next month, the ministry said.",
        "Photographs released by the ministry showed the two men shaking hands.",
        "Source: the defence ministry said the talks were productive and long.",
        "By the end of the visit, both sides had signed three memoranda.",
        "Telegram channels close to the ministry published a statement on Friday evening after the talks ended without agreement.",
        "The Seoul-based Yonhap news agency said the visit was unannounced.",
        "2024 was a turning point for military ties.",
    ] {
        assert_eq!(chrome(l), None, "{l}");
    }
}

#[test]
fn short_cyrillic_quote_in_a_russian_page_is_not_foreign() {
    assert_eq!(
        classify_line("Министр обороны прибыл в Пхеньян", Script::Cyrillic),
        None
    );
}

#[test]
fn captions_under_the_headline() {
    assert!(is_caption(
        "Abstract illustration of two flags over a harbour in muted colours."
    ));
    assert!(is_caption(
        "A composite image featuring military insignia of both countries."
    ));
    assert!(is_caption(
        "Kim Jong Un greets a visitor in Pyongyang, July 2023. (KCNA via Reuters)"
    ));
    assert!(!is_caption(
        "Belousov said the exercises featuring both navies would continue."
    ));
    assert!(!is_caption("The two ministers met in Pyongyang on Friday."));
}

#[test]
fn a_page_with_chrome_headline_caption_and_trailer() {
    let page = "Menu\nWorld\n\nNavy chiefs of two countries meet in Vladivostok\n\n\
                7\nIllustration of warships at a pier in soft evening light.\n\n\
                The commanders of the two fleets met on Tuesday, the ministry said. \
                They discussed joint drills.\n\nThe talks will continue next year.\n\n\
                Translated by Google\n\nRelated Articles\n\nSubmarine launched in the north\n\n\
                Menu";
    let c = clean(page);
    assert_eq!(c.title, "Navy chiefs of two countries meet in Vladivostok");
    assert!(!c.title_derived);
    assert_eq!(
        c.text,
        "The commanders of the two fleets met on Tuesday, the ministry said. They discussed joint drills.\n\nThe talks will continue next year."
    );
}

#[test]
fn a_wire_story_with_stamp_and_credits() {
    let page = "World News\n\nRussian and North Korean envoys hold talks on grain supplies\n\n\
                By Anna Petrova\n\nJune 20, 2024 9:15 AM GMT\n\n\
                MOSCOW (Reuters) - Envoys of the two countries discussed grain deliveries on Thursday, \
                according to a statement from the foreign ministry.\n\n\
                The statement did not say when deliveries would begin.\n\n\
                Reporting by Anna Petrova; Editing by John Smith\n\nOur Standards: The Trust Principles.";
    let c = clean(page);
    assert_eq!(
        c.title,
        "Russian and North Korean envoys hold talks on grain supplies"
    );
    assert!(
        c.text.starts_with("MOSCOW (Reuters) - Envoys"),
        "{}",
        c.text
    );
    assert!(
        c.text.ends_with("when deliveries would begin."),
        "{}",
        c.text
    );
    let d = c.dateline.expect("dateline");
    assert_eq!(d.agency.as_deref(), Some("Reuters"));
    assert_eq!(d.span, 0..18);
}

#[test]
fn a_russian_page_keeps_its_prose_and_loses_english_chrome() {
    let page = "Skip to main content\nМенее минуты\n\nДелегации двух стран провели переговоры в Москве\n\n\
                Министры обороны обсудили совместные учения и обмен делегациями, сообщили в ведомстве.\n\n\
                Share\n\nПереведено сервисом «Яндекс Переводчик»";
    let c = clean(page);
    assert_eq!(c.title, "Делегации двух стран провели переговоры в Москве");
    assert_eq!(
        c.text,
        "Министры обороны обсудили совместные учения и обмен делегациями, сообщили в ведомстве."
    );
}

#[test]
fn hard_wrapped_lines_are_joined_and_whitespace_normalized() {
    let page = "Ministers meet in Moscow\n\nThe defence ministers  of both\ncountries met\tin Moscow.\nA second paragraph follows.";
    let c = clean(page);
    assert_eq!(
        c.text,
        "The defence ministers of both countries met in Moscow.\n\nA second paragraph follows."
    );
}

#[test]
fn title_is_derived_when_page_starts_with_prose() {
    let page = "The naval delegation of the two countries held lengthy talks in the port city of Wonsan on Thursday, officials said.\nA second line.";
    let c = clean(page);
    assert!(c.title_derived);
    assert_eq!(
        c.title,
        "The naval delegation of the two countries held lengthy talks…"
    );
    let short = clean("Envoys met in Beijing. Nothing else was said.");
    assert_eq!(short.title, "Envoys met in Beijing");
    let clause = clean("Ties between the armies are expanding quickly in every field, including training and joint exercises at sea, the minister said on Monday.");
    assert_eq!(
        clause.title,
        "Ties between the armies are expanding quickly in every field"
    );
}

#[test]
fn datelines_of_many_agencies() {
    let cases = [
        (
            "TOKYO, July 27. /TASS/. Text follows.",
            "TOKYO",
            Some("July 27"),
            Some("TASS"),
            "TOKYO, July 27. /TASS/.",
        ),
        (
            "Seoul, Sep 17 (EFE).- North Korea's leader",
            "Seoul",
            Some("Sep 17"),
            Some("EFE"),
            "Seoul, Sep 17 (EFE).-",
        ),
        (
            "MOSCOW (Reuters) - Russia said",
            "MOSCOW",
            None,
            Some("Reuters"),
            "MOSCOW (Reuters) -",
        ),
        (
            "PYONGYANG, Nov. 8 (Yonhap) -- North Korea",
            "PYONGYANG",
            Some("Nov. 8"),
            Some("Yonhap"),
            "PYONGYANG, Nov. 8 (Yonhap) --",
        ),
        (
            "Moscow, 27 July (AFP) - The Kremlin",
            "Moscow",
            Some("27 July"),
            Some("AFP"),
            "Moscow, 27 July (AFP) -",
        ),
        (
            "WASHINGTON, July 5, 2024 — Officials",
            "WASHINGTON",
            Some("July 5, 2024"),
            None,
            "WASHINGTON, July 5, 2024 —",
        ),
        (
            "UNITED NATIONS (AP) — Diplomats",
            "UNITED NATIONS",
            None,
            Some("AP"),
            "UNITED NATIONS (AP) —",
        ),
    ];
    for (text, place, date, agency, whole) in cases {
        let d = find_dateline(text).unwrap_or_else(|| panic!("no dateline in {text}"));
        assert_eq!(d.place, place, "{text}");
        assert_eq!(d.date_text.as_deref(), date, "{text}");
        assert_eq!(d.agency.as_deref(), agency, "{text}");
        assert_eq!(&text[d.span.clone()], whole, "{text}");
    }
    for text in [
        "Kim, Shoigu discuss boosting cooperation",
        "On Monday, July 5 the talks began.",
        "Russia and North Korea (DPRK) signed a treaty.",
    ] {
        assert_eq!(find_dateline(text), None, "{text}");
    }
}

#[test]
fn signature_is_stripped_but_prose_is_not() {
    let mut p = "He left on Friday. EFE".to_string();
    assert_eq!(strip_signature(&mut p, None), Some("EFE".into()));
    assert_eq!(p, "He left on Friday.");
    let mut q = "The treaty was signed by the DPRK".to_string();
    assert_eq!(strip_signature(&mut q, None), None);
    let mut r = "Officials briefed reporters. XINHUA".to_string();
    assert_eq!(
        strip_signature(&mut r, Some("XINHUA")),
        Some("XINHUA".into())
    );
}

#[test]
fn source_line_is_taken_out_of_the_body() {
    let c = clean("Envoys meet in Beijing\n\nThe envoys met on Monday, the ministry said.\n\nOriginal Source: www.example.org");
    assert_eq!(c.original_source.as_deref(), Some("www.example.org"));
    assert!(!c.text.contains("Original Source"));
}

#[test]
fn dateline_span_points_into_the_cleaned_text() {
    let c = clean("Ministers meet in Hanoi\n\nA standfirst paragraph that sets the scene for readers.\n\nHANOI, March 3 (AFP) - The ministers met.");
    let d = c.dateline.expect("dateline");
    assert_eq!(&c.text[d.span], "HANOI, March 3 (AFP) -");
}
