//! Which language a cleaned text is in: by script for Cyrillic, Arabic, Greek, Hebrew, Thai,
//! Hangul, Japanese kana and Han; by function words for the Latin-script languages.
//!
//! A cheap guess for the record's `language` field (BCP-47 primary tag), not a classifier:
//! it answers only when the evidence is clear.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How many bytes of text are sampled.
const SAMPLE_BYTES: usize = 4 * 1024;
/// A Latin-script guess needs at least this many function-word hits …
const MIN_HITS: usize = 5;
/// … and this share of all hits over the runner-up's.
const MIN_LEAD: f64 = 1.5;

/// Frequent function words that are rare in the other listed languages.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "with", "for", "was", "this", "are", "have",
            "from", "which", "would", "were", "they", "been",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auch", "ein", "eine",
            "dem", "den", "zu", "wird", "für", "von", "auf",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "pas", "sur",
            "au", "avec", "du", "ce", "sont", "aux",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "y", "del", "que", "en", "por", "con", "una", "para", "es",
            "se", "su", "fue", "como", "pero",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "e", "do", "da", "dos", "das", "que", "em", "para", "com", "uma",
            "não", "foi", "ao", "pelo", "pela",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "e", "la", "per", "gli", "della", "del", "non", "sono", "una",
            "con", "nel", "alla", "anche", "è", "dei",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "dat", "niet", "met", "voor", "zijn", "op",
            "ook", "wordt", "naar", "bij",
        ],
    ),
];

/// Guesses the language of `text`.
pub fn detect(text: &str) -> Option<&'static str> {
    let end = (0..=SAMPLE_BYTES.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let sample = text.get(..end)?;
    if let Some(lang) = by_script(sample) {
        return Some(lang);
    }
    by_function_words(sample)
}

fn by_script(sample: &str) -> Option<&'static str> {
    let (mut letters, mut cyrillic, mut arabic, mut kana, mut han, mut hangul) = (0, 0, 0, 0, 0, 0);
    let (mut greek, mut hebrew, mut thai) = (0, 0, 0);
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x0400..=0x04FF => cyrillic += 1,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => arabic += 1,
            0x3040..=0x30FF => kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => han += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x0370..=0x03FF => greek += 1,
            0x0590..=0x05FF => hebrew += 1,
            0x0E00..=0x0E7F => thai += 1,
            _ => {}
        }
    }
    if letters == 0 {
        return None;
    }
    let major = |n: usize| n * 3 >= letters;
    if major(kana) || (major(han + kana) && kana * 10 >= han) {
        return Some("ja");
    }
    let candidates = [
        (han, "zh"),
        (cyrillic, "ru"),
        (arabic, "ar"),
        (hangul, "ko"),
        (greek, "el"),
        (hebrew, "he"),
        (thai, "th"),
    ];
    candidates
        .iter()
        .filter(|(n, _)| major(*n))
        .max_by_key(|(n, _)| *n)
        .map(|(_, l)| *l)
}

/// Each function word and the languages (bits, by index in [`FUNCTION_WORDS`]) it counts for.
fn function_word_table() -> &'static HashMap<&'static str, u16> {
    static TABLE: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            for w in *words {
                *table.entry(*w).or_insert(0) |= 1 << i;
            }
        }
        table
    })
}

fn by_function_words(sample: &str) -> Option<&'static str> {
    let table = function_word_table();
    let mut hits = [0usize; FUNCTION_WORDS.len()];
    let mut lower = String::new();
    let mut ascii = [0u8; 8];
    for word in sample.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || word.len() > 8 {
            continue;
        }
        // Most words are ASCII: fold them on the stack, not through a String.
        let folded = if word.is_ascii() {
            let buf = &mut ascii[..word.len()];
            buf.copy_from_slice(word.as_bytes());
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).unwrap_or("")
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        };
        if let Some(&langs) = table.get(folded) {
            for (i, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(langs & (1 << i) != 0);
            }
        }
    }
    let mut order: Vec<usize> = (0..hits.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(hits[i]));
    let (best, second) = (hits[order[0]], hits[order[1]]);
    (best >= MIN_HITS && best as f64 >= second as f64 * MIN_LEAD)
        .then(|| FUNCTION_WORDS[order[0]].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_of_the_datasets() {
        let cases = [
            ("en", "The talks were held behind closed doors and the results of the meeting would be released on Friday, which was the plan they had been given."),
            ("de", "Die Regierung hat am Freitag beschlossen, dass die neue Regelung nicht mit dem alten Gesetz vereinbar ist und auch für die Länder gilt."),
            ("fr", "Le gouvernement a annoncé vendredi que les nouvelles règles sont entrées en vigueur dans tout le pays pour les entreprises et les salariés."),
            ("es", "El gobierno anunció el viernes que las nuevas normas entraron en vigor en todo el país para las empresas y los trabajadores del sector."),
            ("pt", "O governo anunciou na sexta-feira que as novas regras entraram em vigor em todo o país para as empresas e os trabalhadores do setor."),
            ("it", "Il governo ha annunciato venerdì che le nuove regole sono entrate in vigore in tutto il paese per le imprese e per i lavoratori del settore."),
            ("ru", "Правительство объявило в пятницу, что новые правила вступили в силу по всей стране."),
            ("zh", "政府星期五宣布，新规定已在全国范围内生效，适用于所有企业和工人。"),
            ("ja", "政府は金曜日、新しい規則が全国で施行されたと発表しました。"),
            ("ar", "أعلنت الحكومة يوم الجمعة أن القواعد الجديدة دخلت حيز التنفيذ في جميع أنحاء البلاد."),
        ];
        for (want, text) in cases {
            assert_eq!(detect(text), Some(want), "{text}");
        }
    }

    #[test]
    fn unclear_text_gets_no_guess() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("12345 !!!"), None);
        assert_eq!(detect("Lorem ipsum"), None);
    }
}
