//! Hand-written tables (ours, not from a package): demonyms and country
//! adjectives in English and German, country names GeoNames lacks (German
//! names, "Britain", "Holland"), and a few regions that are not US states.

use std::collections::HashMap;
use std::sync::LazyLock;

use parallax_text::fold_diacritics;

/// One country: ISO 3166-1 alpha-2 code and its words. Lists are `|`
/// separated.
struct Row {
    /// ISO code.
    code: &'static str,
    /// English demonyms and adjectives; match with a capital first letter.
    en: &'static str,
    /// German adjective stems; match in any case, with or without the
    /// endings -e, -er, -en, -em, -es ("dänisch" → "dänischen").
    de_adj: &'static str,
    /// German nouns for people; match with a capital first letter.
    de_noun: &'static str,
    /// More names of the country (German, short or historical English).
    names: &'static str,
    /// Abbreviations; match exactly, case included.
    abbr: &'static str,
}

const fn row(
    code: &'static str,
    en: &'static str,
    de_adj: &'static str,
    de_noun: &'static str,
    names: &'static str,
) -> Row {
    Row { code, en, de_adj, de_noun, names, abbr: "" }
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    Row { code: "US", en: "American|Americans", de_adj: "amerikanisch|us-amerikanisch",
          de_noun: "Amerikaner|Amerikanerin|Amerikanern|US-Amerikaner|US-Amerikanerin",
          names: "America|United States of America|Vereinigte Staaten|Vereinigten Staaten|Amerika|USA",
          abbr: "US|U.S.|USA|U.S.A." },
    Row { code: "GB", en: "British|Briton|Britons|Brit|Brits|English|Scottish|Welsh",
          de_adj: "britisch|englisch|schottisch|walisisch",
          de_noun: "Brite|Britin|Briten|Engländer|Engländerin|Schotte|Schottin|Schotten",
          names: "Britain|Great Britain|Großbritannien|Vereinigtes Königreich|Vereinigten Königreich",
          abbr: "UK|U.K.|GB" },
    Row { code: "EU", en: "", de_adj: "", de_noun: "", names: "", abbr: "EU|E.U." },
    row("DE", "German|Germans", "deutsch|bundesdeutsch", "",
        "Deutschland|Bundesrepublik Deutschland|Federal Republic of Germany"),
    row("FR", "French|Frenchman|Frenchwoman", "französisch", "Franzose|Französin|Franzosen", "Frankreich"),
    row("IT", "Italian|Italians", "italienisch", "Italiener|Italienerin", "Italien"),
    row("ES", "Spanish|Spaniard|Spaniards", "spanisch", "Spanier|Spanierin", "Spanien"),
    row("PT", "Portuguese", "portugiesisch", "Portugiese|Portugiesin|Portugiesen", ""),
    row("NL", "Dutch|Dutchman|Dutchwoman", "niederländisch|holländisch",
        "Niederländer|Niederländerin|Holländer|Holländerin", "Holland|The Netherlands|Niederlande|Niederlanden"),
    row("BE", "Belgian|Belgians", "belgisch", "Belgier|Belgierin", "Belgien"),
    row("LU", "Luxembourgish|Luxembourger", "luxemburgisch", "Luxemburgerin", "Luxemburg"),
    row("CH", "Swiss", "schweizerisch|eidgenössisch", "Schweizer|Schweizerin", "Schweiz"),
    row("AT", "Austrian|Austrians", "österreichisch", "Österreicher|Österreicherin", "Österreich"),
    row("DK", "Danish|Dane|Danes", "dänisch", "Däne|Dänin|Dänen", "Dänemark"),
    row("SE", "Swedish|Swede|Swedes", "schwedisch", "Schwede|Schwedin", "Schweden"),
    row("NO", "Norwegian|Norwegians", "norwegisch", "Norweger|Norwegerin", "Norwegen"),
    row("FI", "Finnish|Finn|Finns", "finnisch", "Finne|Finnin|Finnen", "Finnland"),
    row("IS", "Icelandic|Icelander|Icelanders", "isländisch", "Isländer|Isländerin", ""),
    row("IE", "Irish", "irisch", "Ire|Irin|Iren", "Irland"),
    row("PL", "Polish|Pole|Poles", "polnisch", "Polin", "Polen"),
    row("CZ", "Czech|Czechs", "tschechisch", "Tscheche|Tschechin|Tschechen",
        "Tschechien|Czech Republic|Tschechische Republik"),
    row("SK", "Slovak|Slovakian|Slovaks", "slowakisch", "Slowake|Slowakin|Slowaken", "Slowakei"),
    row("HU", "Hungarian|Hungarians", "ungarisch", "Ungar|Ungarin", "Ungarn"),
    row("RO", "Romanian|Romanians", "rumänisch", "Rumäne|Rumänin|Rumänen", "Rumänien"),
    row("BG", "Bulgarian|Bulgarians", "bulgarisch", "Bulgare|Bulgarin|Bulgaren", "Bulgarien"),
    row("GR", "Greek|Greeks", "griechisch", "Grieche|Griechin|Griechen", "Griechenland"),
    row("HR", "Croatian|Croat|Croats", "kroatisch", "Kroate|Kroatin|Kroaten", "Kroatien"),
    row("RS", "Serbian|Serb|Serbs", "serbisch", "Serbe|Serbin|Serben", "Serbien"),
    row("SI", "Slovenian|Slovene|Slovenes", "slowenisch", "Slowene|Slowenin|Slowenen", "Slowenien"),
    row("BA", "Bosnian|Bosnians", "bosnisch", "Bosnier|Bosnierin", "Bosnia|Bosnien|Bosnien und Herzegowina"),
    row("AL", "Albanian|Albanians", "albanisch", "Albaner|Albanerin", "Albanien"),
    row("XK", "Kosovar|Kosovan|Kosovars", "kosovarisch", "Kosovare|Kosovarin|Kosovaren", ""),
    row("MK", "Macedonian|North Macedonian", "mazedonisch|nordmazedonisch", "Mazedonier|Mazedonierin",
        "Macedonia|Mazedonien|Nordmazedonien"),
    row("ME", "Montenegrin", "montenegrinisch", "Montenegriner|Montenegrinerin", ""),
    row("MD", "Moldovan|Moldovans", "moldauisch|moldawisch", "Moldauer|Moldauerin",
        "Moldau|Moldawien|Republik Moldau"),
    row("EE", "Estonian|Estonians", "estnisch", "Este|Estin|Esten", "Estland"),
    row("LV", "Latvian|Latvians", "lettisch", "Lette|Lettin|Letten", "Lettland"),
    row("LT", "Lithuanian|Lithuanians", "litauisch", "Litauer|Litauerin", "Litauen"),
    row("UA", "Ukrainian|Ukrainians", "ukrainisch", "Ukrainer|Ukrainerin", ""),
    row("RU", "Russian|Russians", "russisch", "Russe|Russin|Russen",
        "Russland|Russian Federation|Russische Föderation"),
    row("BY", "Belarusian|Belarussian|Belarusians", "belarussisch|weißrussisch",
        "Belarusse|Belarussin|Weißrusse|Weißrussin", "Weißrussland"),
    row("GE", "Georgian|Georgians", "georgisch", "Georgier|Georgierin", "Georgien"),
    row("AM", "Armenian|Armenians", "armenisch", "Armenier|Armenierin", "Armenien"),
    row("AZ", "Azerbaijani|Azeri|Azerbaijanis", "aserbaidschanisch", "Aserbaidschaner|Aserbaidschanerin",
        "Aserbaidschan"),
    row("TR", "Turkish|Turk|Turks", "türkisch", "Türke|Türkin|Türken", "Türkei|Türkiye|Turkiye"),
    row("CY", "Cypriot|Cypriots", "zyprisch|zypriotisch", "Zyprer|Zyprerin|Zypriot|Zypriotin", "Zypern"),
    row("MT", "Maltese", "maltesisch", "Malteser|Malteserin", ""),
    row("IL", "Israeli|Israelis", "israelisch", "Israelin", ""),
    row("PS", "Palestinian|Palestinians", "palästinensisch", "Palästinenser|Palästinenserin",
        "Palestine|Palästina|Palestinian Territories|Palästinensische Gebiete"),
    row("LB", "Lebanese", "libanesisch", "Libanese|Libanesin|Libanesen", "Libanon"),
    row("SY", "Syrian|Syrians", "syrisch", "Syrer|Syrerin", "Syrien"),
    row("JO", "Jordanian|Jordanians", "jordanisch", "Jordanier|Jordanierin", "Jordanien"),
    row("IQ", "Iraqi|Iraqis", "irakisch", "Iraker|Irakerin", "Irak"),
    row("IR", "Iranian|Iranians|Persian", "iranisch|persisch", "Iraner|Iranerin", "Persia|Persien"),
    row("SA", "Saudi|Saudis", "saudisch|saudi-arabisch", "Saudi|Saudis", "Saudi-Arabien"),
    Row { code: "AE", en: "Emirati|Emiratis", de_adj: "emiratisch", de_noun: "",
          names: "Vereinigte Arabische Emirate|Vereinigten Arabischen Emirate", abbr: "UAE|VAE" },
    row("QA", "Qatari|Qataris", "katarisch", "Katarer|Katarerin", "Katar"),
    row("YE", "Yemeni|Yemenis", "jemenitisch", "Jemenit|Jemenitin|Jemeniten", "Jemen"),
    row("EG", "Egyptian|Egyptians", "ägyptisch", "Ägypter|Ägypterin", "Ägypten"),
    row("LY", "Libyan|Libyans", "libysch", "Libyer|Libyerin", "Libyen"),
    row("TN", "Tunisian|Tunisians", "tunesisch", "Tunesier|Tunesierin", "Tunesien"),
    row("DZ", "Algerian|Algerians", "algerisch", "Algerier|Algerierin", "Algerien"),
    row("MA", "Moroccan|Moroccans", "marokkanisch", "Marokkaner|Marokkanerin", "Marokko"),
    row("SD", "Sudanese", "sudanesisch", "Sudanesin|Sudanesen", ""),
    row("ET", "Ethiopian|Ethiopians", "äthiopisch", "Äthiopier|Äthiopierin", "Äthiopien"),
    row("SO", "Somali|Somalian|Somalis", "somalisch", "Somalier|Somalierin", ""),
    row("KE", "Kenyan|Kenyans", "kenianisch", "Kenianer|Kenianerin", "Kenia"),
    row("NG", "Nigerian|Nigerians", "nigerianisch", "Nigerianer|Nigerianerin", ""),
    row("ZA", "South African|South Africans", "südafrikanisch", "Südafrikaner|Südafrikanerin", "Südafrika"),
    row("CD", "Congolese", "kongolesisch", "Kongolese|Kongolesin|Kongolesen", "Kongo"),
    row("AF", "Afghan|Afghans", "afghanisch", "Afghane|Afghanin|Afghanen", ""),
    row("PK", "Pakistani|Pakistanis", "pakistanisch", "Pakistaner|Pakistanerin", ""),
    row("IN", "Indian|Indians", "indisch", "Inder|Inderin", "Indien"),
    row("BD", "Bangladeshi|Bangladeshis", "bangladeschisch", "Bangladescher|Bangladescherin", "Bangladesch"),
    row("CN", "Chinese", "chinesisch", "Chinesin|Chinesen",
        "Volksrepublik China|People's Republic of China"),
    row("TW", "Taiwanese", "taiwanisch", "Taiwaner|Taiwanerin", ""),
    row("JP", "Japanese", "japanisch", "Japaner|Japanerin", ""),
    row("KR", "South Korean|South Koreans", "südkoreanisch", "Südkoreaner|Südkoreanerin", "Südkorea"),
    row("KP", "North Korean|North Koreans", "nordkoreanisch", "Nordkoreaner|Nordkoreanerin", "Nordkorea"),
    row("VN", "Vietnamese", "vietnamesisch", "Vietnamesin|Vietnamesen", ""),
    row("TH", "Thai", "thailändisch", "Thailänder|Thailänderin", ""),
    row("ID", "Indonesian|Indonesians", "indonesisch", "Indonesier|Indonesierin", "Indonesien"),
    row("PH", "Filipino|Filipinos|Philippine", "philippinisch", "Philippiner|Philippinerin", "Philippinen"),
    row("MY", "Malaysian|Malaysians", "malaysisch", "Malaysier|Malaysierin", ""),
    row("SG", "Singaporean|Singaporeans", "singapurisch", "Singapurer|Singapurerin", "Singapur"),
    row("MM", "Burmese", "myanmarisch|birmanisch", "", "Burma|Birma"),
    row("KZ", "Kazakh|Kazakhstani|Kazakhs", "kasachisch", "Kasache|Kasachin|Kasachen", "Kasachstan"),
    row("UZ", "Uzbek|Uzbeks", "usbekisch", "Usbeke|Usbekin|Usbeken", "Usbekistan"),
    row("AU", "Australian|Australians", "australisch", "Australier|Australierin", "Australien"),
    row("NZ", "New Zealander|New Zealanders", "neuseeländisch", "Neuseeländer|Neuseeländerin", "Neuseeland"),
    row("CA", "Canadian|Canadians", "kanadisch", "Kanadier|Kanadierin", "Kanada"),
    row("MX", "Mexican|Mexicans", "mexikanisch", "Mexikaner|Mexikanerin", "Mexiko"),
    row("BR", "Brazilian|Brazilians", "brasilianisch", "Brasilianer|Brasilianerin", "Brasilien"),
    row("AR", "Argentine|Argentinian|Argentinians", "argentinisch", "Argentinier|Argentinierin", "Argentinien"),
    row("CL", "Chilean|Chileans", "chilenisch", "Chilene|Chilenin|Chilenen", ""),
    row("CO", "Colombian|Colombians", "kolumbianisch", "Kolumbianer|Kolumbianerin", "Kolumbien"),
    row("VE", "Venezuelan|Venezuelans", "venezolanisch", "Venezolaner|Venezolanerin", ""),
    row("PE", "Peruvian|Peruvians", "peruanisch", "Peruaner|Peruanerin", ""),
    row("CU", "Cuban|Cubans", "kubanisch", "Kubaner|Kubanerin", "Kuba"),
    row("HT", "Haitian|Haitians", "haitianisch", "Haitianer|Haitianerin", ""),
    row("GL", "Greenlandic|Greenlander|Greenlanders", "grönländisch", "Grönländer|Grönländerin", "Grönland"),
    row("VA", "Vatican", "vatikanisch", "", "Vatikan|Holy See|Heiliger Stuhl"),
];

/// Regions that are not US states: (names, ISO country code).
#[rustfmt::skip]
pub(super) const REGIONS: &[(&str, &str)] = &[
    ("England", "GB"), ("Scotland|Schottland", "GB"), ("Wales", "GB"),
    ("Northern Ireland|Nordirland", "GB"),
    ("Bavaria|Bayern", "DE"), ("Saxony|Sachsen", "DE"), ("Hesse|Hessen", "DE"),
    ("Thuringia|Thüringen", "DE"), ("Brandenburg", "DE"), ("Lower Saxony|Niedersachsen", "DE"),
    ("North Rhine-Westphalia|Nordrhein-Westfalen", "DE"), ("Baden-Württemberg", "DE"),
    ("Rhineland-Palatinate|Rheinland-Pfalz", "DE"), ("Saarland", "DE"),
    ("Schleswig-Holstein", "DE"), ("Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania", "DE"),
    ("Saxony-Anhalt|Sachsen-Anhalt", "DE"),
    ("Crimea|Krim", "UA"), ("Donbas|Donbass", "UA"),
    ("Gaza Strip|Gazastreifen", "PS"), ("West Bank|Westjordanland", "PS"),
    ("Catalonia|Katalonien", "ES"), ("Quebec|Québec", "CA"), ("Ontario", "CA"),
    ("Siberia|Sibirien", "RU"),
];

/// German adjective endings.
const DE_ENDINGS: &[&str] = &["", "e", "er", "en", "em", "es"];

struct Tables {
    /// Folded English demonyms and German nouns: need a capital.
    capital: HashMap<String, &'static str>,
    /// Folded German adjective stems: any case.
    stems: HashMap<String, &'static str>,
    /// Abbreviations, exact.
    abbr: HashMap<&'static str, &'static str>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut t = Tables { capital: HashMap::new(), stems: HashMap::new(), abbr: HashMap::new() };
    for r in ROWS {
        for w in split(r.en).chain(split(r.de_noun)) {
            t.capital.entry(fold_diacritics(w)).or_insert(r.code);
        }
        for w in split(r.de_adj) {
            t.stems.entry(fold_diacritics(w)).or_insert(r.code);
        }
        for w in split(r.abbr) {
            t.abbr.entry(w).or_insert(r.code);
        }
    }
    t
});

fn split(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split('|').map(str::trim).filter(|w| !w.is_empty())
}

/// More names of countries, for the place index: (name, code); the
/// abbreviations come separately from [`country_abbreviations`].
pub(super) fn country_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    ROWS.iter().flat_map(|r| split(r.names).map(move |n| (n, r.code)))
}

/// Country abbreviations, matched exactly: (abbreviation, code).
pub(super) fn country_abbreviations() -> impl Iterator<Item = (&'static str, &'static str)> {
    ROWS.iter().flat_map(|r| split(r.abbr).map(move |n| (n, r.code)))
}

/// The ISO 3166-1 alpha-2 code of the country a demonym or country
/// adjective refers to, in English or German: `"Danish"`, `"Dane"`,
/// `"dänischen"`, `"Deutsche"`, `"US"`, `"U.S."`, `"UK"` → `"GB"`. `"EU"`
/// and `"E.U."` give `"EU"` (reserved in ISO 3166-1 for the European Union).
///
/// English demonyms and German nouns need a capital first letter
/// (`"danish"` is not a demonym); German adjectives match in any case with
/// the endings -e, -er, -en, -em, -es; abbreviations match exactly (`"us"`
/// is a pronoun). Covers about 95 countries; a table of ours, not a
/// downloaded list.
pub fn demonym(word: &str) -> Option<&'static str> {
    let t = &*TABLES;
    if let Some(code) = t.abbr.get(word) {
        return Some(code);
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let folded = fold_diacritics(word);
    if first_upper && let Some(code) = t.capital.get(&folded) {
        return Some(code);
    }
    DE_ENDINGS
        .iter()
        .find_map(|e| folded.strip_suffix(e).and_then(|stem| t.stems.get(stem)).copied())
}
