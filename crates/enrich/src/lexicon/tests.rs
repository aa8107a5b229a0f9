use std::path::{Path, PathBuf};

use super::*;

/// One `nam_dict.txt` name line in the file's fixed columns: code in 1–2,
/// name in 4–29, marker in 30, one frequency digit per country from 31.
fn line(code: &str, name: &str, marker: char, freqs: &str) -> String {
    format!("{code:<2} {name:<26}{marker}{freqs:<55} $\r\n")
}

fn nam_dict() -> String {
    let mut s =
        String::from("# nam_dict.txt\n# char set = utf-8\n##########\n#    M  <male first name>\n");
    for (code, name, marker, freqs) in [
        ("M", "Lars", ' ', "          2 355 3 97A3"),
        ("M", "<L/>ukasz", ' ', "                       8"),
        ("F", "Bo<z^>ena", ' ', "                       7 7"),
        ("F", "Søren", '+', "                A"),
        ("M", "Søren", '-', "                91"),
        ("M", "Jürgen", '-', "            8964"),
        ("?", "Kim", ' ', "                4"),
        ("F", "Andrea", ' ', "  4    4 3 4788 64       579"),
        ("M", "Andrea", ' ', "   7"),
        ("F", "Maria", ' ', "686    6 A      85986  A   BA"),
        ("1F", "Maria", ' ', "   BBC  A 678A9"),
        ("F", "Jan", ' ', "12"),
        ("M", "Jan", ' ', "        8 A7645 999 4  9A  2"),
        ("M", "Paris", ' ', "                                     3"),
        ("?", "Paris", ' ', "  1"),
        ("?", "Jun+Wei", ' ', "                                               3"),
        ("M", "Jean", ' ', "       BAB    9"),
        ("=", "Mascha Maria", ' ', "                                    45 4"),
        ("=", "Lars Laurentius", ' ', "     1"),
    ] {
        s.push_str(&line(code, name, marker, freqs));
    }
    s
}

fn names() -> KeyMap<NameInfo> {
    names::parse(&nam_dict(), Path::new("nam_dict.txt")).unwrap()
}

const CITIES: &str = r#"{
 "2867714": {"geonameid": 2867714, "name": "Munich", "latitude": 48.1, "longitude": 11.5,
   "countrycode": "DE", "population": 1260391, "timezone": "Europe/Berlin", "admin1code": "02",
   "alternatenames": ["MUC", "Monaco di Baviera", "Muenchen", "M\u00fcnchen", "Munich",
                      "\u041c\u044e\u043d\u0445\u0435\u043d", "mnchn", "Mu"]},
 "3176959": {"geonameid": 3176959, "name": "Florence", "countrycode": "IT", "population": 367150,
   "alternatenames": ["Firenze", "Florenz", "FLR"]},
 "4062577": {"geonameid": 4062577, "name": "Florence", "countrycode": "US", "population": 40026,
   "alternatenames": []},
 "3069011": {"geonameid": 3069011, "name": "Most", "countrycode": "CZ", "population": 67905,
   "alternatenames": ["Br\u00fcx"]},
 "2861650": {"geonameid": 2861650, "name": "Nordhorn", "countrycode": "DE", "population": 53000,
   "alternatenames": ["Nordhoorn"]},
 "5128581": {"geonameid": 5128581, "name": "New York City", "countrycode": "US",
   "population": 8804190, "alternatenames": ["New York", "Big Apple", "NYC"]},
 "1": {"geonameid": 1, "name": "\u00c5", "countrycode": "NO", "population": 20000}
}"#;

const COUNTRIES: &str = r#"{
 "DE": {"geonameid": 2921044, "name": "Germany", "iso": "DE", "iso3": "DEU", "population": 82927922,
        "capital": "Berlin", "continentcode": "EU"},
 "MC": {"name": "Monaco", "iso": "MC", "iso3": "MCO", "population": 38682},
 "DK": {"name": "Denmark", "iso": "DK", "iso3": "DNK", "population": 5797446},
 "US": {"name": "United States", "iso": "US", "iso3": "USA", "population": 327167434},
 "GE": {"name": "Georgia", "iso": "GE", "iso3": "GEO", "population": 3731000}
}"#;

const CONTINENTS: &str = r#"{
 "EU": {"name": "Europe", "asciiName": "Europe", "population": 0, "fcl": "L",
        "alternateNames": [{"name": "Europa", "lang": "de"}, {"name": "Europe", "lang": "en"},
                           {"name": "Evropa", "lang": "sl"}]}
}"#;

const US_STATES: &str = r#"{
 "NY": {"code": "NY", "name": "New York", "fips": "36", "geonameid": 5128638},
 "GA": {"code": "GA", "name": "Georgia", "fips": "13", "geonameid": 4197000}
}"#;

fn fixture_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("nam_dict.txt", nam_dict()),
        ("cities.json", CITIES.to_owned()),
        ("countries.json", COUNTRIES.to_owned()),
        ("continents.json", CONTINENTS.to_owned()),
        ("us_states.json", US_STATES.to_owned()),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn fixture() -> Lexicon {
    let dir = fixture_dir();
    Lexicon::load_dir(dir.path()).unwrap()
}

#[test]
fn fixture_line_has_the_real_columns() {
    let l = line("M", "Lars", ' ', "          2 355");
    assert_eq!(l.find("Lars"), Some(3));
    assert_eq!(l.chars().nth(29), Some(' '));
    assert_eq!(l.chars().nth(40), Some('2'));
}

#[test]
fn nam_dict_genders_and_frequencies() {
    let n = names();
    let get = |k: &str| n.get(k).copied();
    assert_eq!(get("lars"), Some(NameInfo { gender: Gender::Male, frequency: 10 }));
    // Escapes of the original file.
    assert_eq!(get("lukasz"), Some(NameInfo { gender: Gender::Male, frequency: 8 }));
    assert_eq!(get("bozena"), Some(NameInfo { gender: Gender::Female, frequency: 7 }));
    // '+' in column 30 is a duplicate and skipped (its F would make it unisex).
    assert_eq!(get("soren"), Some(NameInfo { gender: Gender::Male, frequency: 9 }));
    assert_eq!(get("soeren").map(|i| i.gender), Some(Gender::Male));
    assert_eq!(get("juergen").map(|i| i.gender), Some(Gender::Male));
    assert_eq!(get("jurgen").map(|i| i.gender), Some(Gender::Male));
    // '?' is unisex; both genders common somewhere is unisex.
    assert_eq!(get("kim").map(|i| i.gender), Some(Gender::Unisex));
    assert_eq!(get("andrea").map(|i| i.gender), Some(Gender::Unisex));
    // One gender common, the other rare: the common one.
    assert_eq!(get("maria"), Some(NameInfo { gender: Gender::Female, frequency: 12 }));
    assert_eq!(get("jan").map(|i| i.gender), Some(Gender::Male));
    // Both rare: the dominant weight (2^3 + 2 against 2).
    assert_eq!(get("paris"), Some(NameInfo { gender: Gender::Male, frequency: 3 }));
    // '+' inside a name: hyphen, space or nothing.
    for k in ["jun-wei", "jun wei", "junwei"] {
        assert_eq!(get(k).map(|i| i.gender), Some(Gender::Unisex), "{k}");
    }
    // Short forms take the long name's gender, without frequency; listed
    // names keep their own reading.
    assert_eq!(get("mascha"), Some(NameInfo { gender: Gender::Female, frequency: 0 }));
    assert_eq!(get("laurentius"), None);
    assert_eq!(n.len(), 17, "{:?}", n.keys().collect::<Vec<_>>());
}

#[test]
fn nam_dict_latin1_and_escapes() {
    assert_eq!(names::decode_bytes(b"J\xf6rg \x9aime"), "Jörg šime");
    assert_eq!(names::decode_bytes("Jörg".as_bytes()), "Jörg");
    assert_eq!(names::decode_escapes("<S^>t<e^>p<a/>n"), "Št<e^>pān");
    assert_eq!(names::decode_escapes("Ma<l/>gorzata <ß>"), "Małgorzata ẞ");
    let latin1 = [b"M  J\xfcrgen".as_slice(), &[b' '; 20], b"-   8\r\n"].concat();
    let text = names::decode_bytes(&latin1);
    let n = names::parse(&text, Path::new("x")).unwrap();
    assert_eq!(n.get("jurgen").map(|i| i.gender), Some(Gender::Male));
}

#[test]
fn nam_dict_errors_name_the_line() {
    let bad = format!("# head\n{}", line("X", "Lars", ' ', "5"));
    let err = names::parse(&bad, Path::new("nam_dict.txt")).unwrap_err();
    assert!(matches!(err, EnrichError::Format { .. }));
    assert!(err.to_string().contains("line 2: unknown gender code"), "{err}");
    assert!(names::parse("# only comments\n", Path::new("x")).is_err());
    assert!(names::parse("M  Lars\n", Path::new("x")).is_err());
}

#[test]
fn lexicon_first_names() {
    let lex = fixture();
    assert_eq!(lex.first_name("Lars"), Some(Gender::Male));
    assert_eq!(lex.first_name("LARS"), Some(Gender::Male));
    assert_eq!(lex.first_name("Søren"), Some(Gender::Male));
    assert_eq!(lex.first_name("Łukasz"), Some(Gender::Male));
    assert_eq!(lex.first_name("Jean-Luc"), Some(Gender::Male));
    assert_eq!(lex.first_name("Løkke"), None);
    assert_eq!(lex.first_name(""), None);
    assert_eq!(Lexicon::empty().first_name("Lars"), None);
}

#[test]
fn lexicon_places() {
    let lex = fixture();
    let munich = Place {
        name: "Munich".into(),
        kind: PlaceKind::City,
        country: Some("DE".into()),
        population: Some(1_260_391),
        alias: true,
    };
    assert_eq!(lex.place_info("München"), Some(munich.clone()));
    assert_eq!(lex.place_info("Muenchen"), Some(munich.clone()));
    assert_eq!(lex.place_info("MÜNCHEN"), Some(munich.clone()));
    assert_eq!(lex.place_info("Munich"), Some(Place { alias: false, ..munich }));
    assert_eq!(lex.place("Monaco di Baviera"), Some(PlaceKind::City));
    // Lower case first letter, airport codes, other scripts, too short.
    for no in ["münchen", "MUC", "Мюнхен", "mnchn", "Mu", "Å", "FLR", "NYC"] {
        assert_eq!(lex.place(no), None, "{no}");
    }
    // The bigger Florence wins; Florenz is an alias of it.
    let florence = lex.place_info("Florence").unwrap();
    assert_eq!((florence.country.as_deref(), florence.alias), (Some("IT"), false));
    assert_eq!(lex.place_info("Florenz").unwrap().country.as_deref(), Some("IT"));
    // Common words are not places; aliases of small cities are not indexed.
    assert_eq!(lex.place("Most"), None);
    assert_eq!(lex.place("Nordhorn"), Some(PlaceKind::City));
    assert_eq!(lex.place("Nordhoorn"), None);
    // Collisions: country over state, huge city (even by alias) over state.
    assert_eq!(lex.place("Georgia"), Some(PlaceKind::Country));
    assert_eq!(lex.place_info("New York").unwrap().name, "New York City");
    assert_eq!(lex.place("Big Apple"), Some(PlaceKind::City));
    // Continents in English and German only.
    assert_eq!(lex.place("Europe"), Some(PlaceKind::Continent));
    assert_eq!(lex.place("Europa"), Some(PlaceKind::Continent));
    assert_eq!(lex.place("Evropa"), None);
    // Countries: GeoNames names, our names, exact abbreviations, ISO codes.
    assert_eq!(lex.place("Denmark"), Some(PlaceKind::Country));
    assert_eq!(lex.place_info("Dänemark").unwrap().name, "Denmark");
    let us = lex.place_info("US").unwrap();
    assert_eq!((us.name.as_str(), us.kind, us.alias), ("United States", PlaceKind::Country, true));
    assert_eq!(lex.place("us"), None);
    assert_eq!(lex.place("Us"), None);
    assert_eq!(lex.place_info("USA").unwrap().country.as_deref(), Some("US"));
    assert_eq!(lex.country("DEU").unwrap().name, "Germany");
    assert_eq!(lex.country("DK").unwrap().population, Some(5_797_446));
    assert_eq!(lex.country("dk"), None);
    // Our regions.
    let bavaria = lex.place_info("Bayern").unwrap();
    assert_eq!((bavaria.name.as_str(), bavaria.kind), ("Bavaria", PlaceKind::Region));
    assert_eq!(bavaria.country.as_deref(), Some("DE"));
    // Both facts for a name that is also a place.
    assert_eq!(lex.first_name_info("Paris").map(|i| i.frequency), Some(3));
    assert_eq!(Lexicon::empty().place("Munich"), None);
}

#[test]
fn counts_and_sharing() {
    let lex = fixture();
    let (names, places) = lex.counts();
    assert_eq!(names, 17);
    assert!(places > 20, "{places}");
    let shared = lex.clone();
    std::thread::spawn(move || assert_eq!(shared.first_name("Kim"), Some(Gender::Unisex)))
        .join()
        .unwrap();
    assert!(format!("{lex:?}").contains("first_names: 17"));
    assert_eq!(Lexicon::empty().counts(), (0, 0));
}

#[test]
fn load_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = Lexicon::load_dir(dir.path()).unwrap_err();
    assert!(matches!(err, EnrichError::Io { .. }), "{err}");
    let dir = fixture_dir();
    std::fs::write(dir.path().join("cities.json"), "[1, 2]").unwrap();
    let err = Lexicon::load_dir(dir.path()).unwrap_err();
    assert!(err.to_string().contains("cities.json"), "{err}");
    assert!(matches!(err, EnrichError::Format { .. }));
}

#[test]
fn discover_prefers_the_explicit_dir() {
    let dir = fixture_dir();
    let lex = Lexicon::discover(Some(dir.path())).unwrap().unwrap();
    assert_eq!(lex.counts().0, 17);
    assert!(Lexicon::discover(Some(&dir.path().join("missing"))).is_err());
}

#[test]
fn demonyms() {
    for (word, code) in [
        ("Danish", "DK"),
        ("Dane", "DK"),
        ("dänische", "DK"),
        ("dänischen", "DK"),
        ("Dänischer", "DK"),
        ("German", "DE"),
        ("deutsche", "DE"),
        ("Deutschen", "DE"),
        ("French", "FR"),
        ("Russian", "RU"),
        ("russischer", "RU"),
        ("Ukrainian", "UA"),
        ("ukrainische", "UA"),
        ("US", "US"),
        ("U.S.", "US"),
        ("American", "US"),
        ("US-amerikanische", "US"),
        ("Amerikaner", "US"),
        ("British", "GB"),
        ("UK", "GB"),
        ("EU", "EU"),
        ("South Korean", "KR"),
        ("Israeli", "IL"),
        ("Schweizer", "CH"),
    ] {
        assert_eq!(demonym(word), Some(code), "{word}");
    }
    for word in ["danish", "us", "Us", "Denmark", "german", "Deutschland", "", "Dänischere"] {
        assert_eq!(demonym(word), None, "{word}");
    }
}

/// `lexicons/` at the repo root, written by `scripts/fetch-lexicons.sh`.
fn real_dir() -> Option<PathBuf> {
    let dir = repo_lexicons();
    if dir.join(MARKER).is_file() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("lexicons/ missing at {}: run scripts/fetch-lexicons.sh", dir.display());
    }
    eprintln!("SKIPPED: lexicons/ missing at {} (run scripts/fetch-lexicons.sh)", dir.display());
    None
}

#[test]
fn real_lexicons() {
    let Some(dir) = real_dir() else { return };
    let start = std::time::Instant::now();
    let lex = Lexicon::load_dir(&dir).unwrap();
    let elapsed = start.elapsed();
    let (names, places) = lex.counts();
    eprintln!("lexicons: {names} first names, {places} place names, loaded in {elapsed:?}");
    assert!(names > 45_000, "{names}");
    assert!(places > 45_000, "{places}");

    for (name, gender) in [
        ("Marco", Gender::Male),
        ("Lars", Gender::Male),
        ("Dmitry", Gender::Male),
        ("Jürgen", Gender::Male),
        ("Juergen", Gender::Male),
        ("Søren", Gender::Male),
        ("Kaja", Gender::Female),
        ("Mette", Gender::Female),
        ("Maria", Gender::Female),
        ("Friedrich", Gender::Male),
        ("Andrea", Gender::Unisex),
        ("Kim", Gender::Unisex),
    ] {
        assert_eq!(lex.first_name(name), Some(gender), "{name}");
    }
    assert_eq!(lex.first_name("Løkke"), None);

    for (name, kind) in [
        ("Berlin", PlaceKind::City),
        ("München", PlaceKind::City),
        ("Kyiv", PlaceKind::City),
        ("Kiew", PlaceKind::City),
        ("Copenhagen", PlaceKind::City),
        ("Kopenhagen", PlaceKind::City),
        ("New York", PlaceKind::City),
        ("Washington", PlaceKind::City),
        ("Denmark", PlaceKind::Country),
        ("Dänemark", PlaceKind::Country),
        ("Ukraine", PlaceKind::Country),
        ("Georgia", PlaceKind::Country),
        ("US", PlaceKind::Country),
        ("Texas", PlaceKind::Region),
        ("Bayern", PlaceKind::Region),
        ("Europe", PlaceKind::Continent),
        ("Europa", PlaceKind::Continent),
    ] {
        assert_eq!(lex.place(name), Some(kind), "{name}");
    }
    let munich = lex.place_info("München").unwrap();
    assert_eq!((munich.name.as_str(), munich.country.as_deref()), ("Munich", Some("DE")));
    assert!(munich.population.is_some_and(|p| p > 1_000_000));
    let paris = lex.place_info("Paris").unwrap();
    assert_eq!(paris.country.as_deref(), Some("FR"));
    for no in ["Most", "The", "Of", "berlin", "MUC"] {
        assert_eq!(lex.place(no), None, "{no}");
    }
}
