//! Loading the gazetteer and its index.

use super::*;

const TSV: &str = "# comment\n\
paris-fr\tP\t2988507\tFR\t11\t2138551\t\tParis\tLutetia;Parigi\n\
paris-us\tP\t4717560\tUS\tTX\t24782\t\tParis\t\n\
france\tC\t3017382\tFR\t\t66987244\t\tFrance\t\n\
united-states\tC\t6252001\tUS\t\t327167434\t\tUnited States\t\n\
texas-us\tR\t4736286\tUS\tTX\t18861691\t\tTexas\t\n\
hanoi-vn\tP\t1581130\tVN\t01\t8053663\t\tHanoi\tHa Noi\n\
hanoi-vn-1581129\tR\t1581129\tVN\t44\t537544\t\tHanoi\t\n\
vietnam\tC\t1562822\tVN\t\t95540395\t\tVietnam\t\n\
nice-fr\tP\t2990440\tFR\t93\t342669\tw\tNice\tNizza\n";

const COUNTRIES: &str = "# c\nUS\tUSA;America\tAmerican\nFR\t\tFrench\n";

fn load() -> Gazetteer {
    Gazetteer::parse(TSV, COUNTRIES).unwrap()
}

#[test]
fn the_compiled_gazetteer_loads_with_countries_regions_and_cities() {
    let g = gazetteer().expect("compiled-in gazetteer parses");
    assert!(g.places.len() > 30_000, "{}", g.places.len());
    let nairobi = g.lookup("nairobi").expect("Nairobi is listed");
    let p = g.place(nairobi.places[0]);
    assert_eq!(
        (p.id.as_str(), p.kind, p.country_code()),
        ("nairobi-ke", PlaceKind::City, "KE")
    );
    let ke = g.country(*b"KE").map(|i| g.place(i).name.clone());
    assert_eq!(ke.as_deref(), Some("Kenya"));
    assert!(g.region(*b"US", "TX").is_some());
    assert_eq!(g.demonym("kenyan"), Some(*b"KE"));
    // Curated other names of countries are found like their own names.
    let uk = g.lookup("britain").unwrap();
    assert_eq!(g.place(uk.places[0]).id, "united-kingdom");
    assert!(g.place(g.lookup("nice").unwrap().places[0]).common_word);
    assert!(g.max_words >= 3);
}

#[test]
fn names_index_most_populous_first_and_own_names_before_alternates() {
    let g = load();
    let paris = g.lookup("paris").unwrap();
    let ids: Vec<&str> = paris
        .places
        .iter()
        .map(|&i| g.place(i).id.as_str())
        .collect();
    assert_eq!(ids, ["paris-fr", "paris-us"]);
    assert!(!paris.alternate);
    let lutetia = g.lookup("lutetia").unwrap();
    assert!(lutetia.alternate);
    assert_eq!(g.place(lutetia.places[0]).id, "paris-fr");
    assert_eq!(
        g.place(g.lookup("usa").unwrap().places[0]).id,
        "united-states"
    );
    assert!(g.starts_longer_name("united"));
    assert!(!g.starts_longer_name("paris"));
    assert_eq!(g.demonym("french"), Some(*b"FR"));
}

#[test]
fn a_city_and_a_region_of_one_name_in_one_country_is_the_city() {
    let g = load();
    let hanoi = g.lookup("hanoi").unwrap();
    let ids: Vec<&str> = hanoi
        .places
        .iter()
        .map(|&i| g.place(i).id.as_str())
        .collect();
    assert_eq!(ids, ["hanoi-vn"]);
    assert_eq!(
        g.by_id("hanoi-vn-1581129").map(|i| g.place(i).kind),
        Some(PlaceKind::Region)
    );
}

#[test]
fn bad_lines_are_errors_naming_file_and_line() {
    let e = Gazetteer::parse("# c\nparis-fr\tP\t1\tFR\n", "").unwrap_err();
    assert_eq!((e.file, e.line), ("data/places/gazetteer.tsv", 2), "{e}");
    let e = Gazetteer::parse("a\tX\t1\tFR\t\t1\t\tA\t\n", "").unwrap_err();
    assert!(e.to_string().contains("unknown kind"), "{e}");
    let e = Gazetteer::parse("a/b\tP\t1\tFR\t\t1\t\tA\t\n", "").unwrap_err();
    assert!(e.to_string().contains("unsafe id"), "{e}");
    let e = Gazetteer::parse(TSV, "ZZ\t\t\n").unwrap_err();
    assert_eq!((e.file, e.line), ("data/places/countries.txt", 1), "{e}");
}
