//! Name keys and near misses: romanizations that agree, names that must stay apart.

use super::*;

#[test]
fn romanizations_agree() {
    assert!(same_person("Noh Gwang Chol", "No Kwang Chol"));
    assert!(same_person("Choi Song-hee", "Choe Son Hui"));
    assert!(same_person("Kang Sun-nam", "Kang Sun Nam"));
    assert!(same_person("Kim Jong-un", "Kim Jong Un"));
    assert!(same_person("Sergey Shoigu", "Sergei Shoigu"));
    assert!(same_person(
        "Vladimir Vladimirovich Putin",
        "Vladimir Putin"
    ));
    assert!(!same_person("Kim Jong Un", "Kim Jong Il"));
    assert!(!same_person("Kim Jong Un", "Kim Jong Gyu"));
}

#[test]
fn korean_shapes() {
    assert!(is_korean_name(&["Pak", "Yong", "Il"]));
    assert!(is_korean_name(&["Kang", "Sun-nam"]));
    assert!(!is_korean_name(&["Pacific", "Fleet"]));
    assert!(!is_korean_name(&["Kim", "Kardashian"]));
}

#[test]
fn partial_keys_include_last_syllable() {
    let k = person_key("No Kwang Chol").unwrap();
    assert!(k.partial_keys().contains(&token_key("Chol").as_str()));
    assert_eq!(k.surname(), token_key("No"));
}
