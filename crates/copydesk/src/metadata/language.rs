//! Language: the declared tag (`<html lang>`, Content-Language, `og:locale`, JSON-LD
//! `inLanguage`) normalised to BCP-47, checked against the script the text is written in,
//! and guessed from the script when nothing is declared and the script says it alone.

use super::jsonld::JsonLdFacts;
use super::scan::Signals;
use crate::rules::metadata::LANGUAGE_META_KEYS;

/// The writing system a piece of text is mostly in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Han,
    Kana,
    Hangul,
    Thai,
    Devanagari,
}

/// The dominant script of `text` (letters only), if one holds most of them.
pub fn dominant_script(text: &str) -> Option<Script> {
    let mut counts = [0usize; 10];
    let mut total = 0usize;
    for c in text.chars().take(4000) {
        let s = match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F => Script::Latin,
            0x370..=0x3FF => Script::Greek,
            0x400..=0x52F => Script::Cyrillic,
            0x590..=0x5FF => Script::Hebrew,
            0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
            0x900..=0x97F => Script::Devanagari,
            0xE00..=0xE7F => Script::Thai,
            0x3040..=0x30FF => Script::Kana,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => Script::Hangul,
            _ => continue,
        };
        counts[s as usize] += 1;
        total += 1;
    }
    if total < 20 {
        return None;
    }
    // Japanese mixes kana into Han: any real share of kana makes it Japanese.
    if counts[Script::Kana as usize] * 10 >= total {
        return Some(Script::Kana);
    }
    let (i, &n) = counts.iter().enumerate().max_by_key(|(_, &n)| n)?;
    (n * 2 > total).then(|| ALL_SCRIPTS[i])
}

const ALL_SCRIPTS: [Script; 10] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Han,
    Script::Kana,
    Script::Hangul,
    Script::Thai,
    Script::Devanagari,
];

/// The script a language is written in, for the languages where that is unambiguous.
fn script_of_language(primary: &str) -> Option<Script> {
    Some(match primary {
        "ru" | "uk" | "bg" | "sr" | "mk" | "be" | "kk" | "mn" => Script::Cyrillic,
        "el" => Script::Greek,
        "ar" | "fa" | "ur" | "ps" => Script::Arabic,
        "he" | "yi" => Script::Hebrew,
        "zh" => Script::Han,
        "ja" => Script::Kana,
        "ko" => Script::Hangul,
        "th" => Script::Thai,
        "hi" | "mr" | "ne" => Script::Devanagari,
        "en" | "de" | "fr" | "es" | "it" | "pt" | "nl" | "sv" | "da" | "no" | "nb" | "nn"
        | "fi" | "pl" | "cs" | "sk" | "sl" | "hr" | "hu" | "ro" | "tr" | "id" | "ms" | "vi"
        | "ca" | "et" | "lv" | "lt" | "ga" | "is" | "eu" | "gl" | "af" | "sq" => Script::Latin,
        _ => return None,
    })
}

/// The language a script alone names.
fn language_of_script(s: Script) -> Option<&'static str> {
    Some(match s {
        Script::Greek => "el",
        Script::Hebrew => "he",
        Script::Han => "zh",
        Script::Kana => "ja",
        Script::Hangul => "ko",
        Script::Thai => "th",
        _ => return None,
    })
}

/// Normalises a language tag to BCP-47 case ("en_us" → "en-US", "zh-hans-cn" →
/// "zh-Hans-CN"); `None` for anything that is not a tag.
pub fn normalize_tag(raw: &str) -> Option<String> {
    let raw = raw.trim().split([',', ';', ' ']).next()?.trim();
    let mut out = String::new();
    for (i, part) in raw.split(['-', '_']).enumerate() {
        if part.is_empty() || part.len() > 8 || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        if i == 0 {
            if !(2..=3).contains(&part.len()) || !part.chars().all(|c| c.is_ascii_alphabetic()) {
                return None;
            }
            out.push_str(&part.to_ascii_lowercase());
            continue;
        }
        out.push('-');
        match part.len() {
            2 => out.push_str(&part.to_ascii_uppercase()),
            4 => {
                let mut cs = part.chars();
                if let Some(f) = cs.next() {
                    out.push(f.to_ascii_uppercase());
                }
                out.push_str(&cs.as_str().to_ascii_lowercase());
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// The declared language, normalised.
pub fn declared(signals: &Signals, jsonld: &JsonLdFacts) -> Option<String> {
    signals
        .html_lang
        .as_deref()
        .and_then(normalize_tag)
        .or_else(|| {
            LANGUAGE_META_KEYS
                .iter()
                .find_map(|k| signals.meta_all(k).find_map(normalize_tag))
        })
        .or_else(|| jsonld.language.as_deref().and_then(normalize_tag))
}

/// The declared language when the text's script agrees with it; else the language the
/// script names (or none, when the script alone does not say).
pub fn check(declared: Option<String>, sample: &str) -> Option<String> {
    let script = dominant_script(sample);
    match (declared, script) {
        (Some(d), Some(s)) => {
            let primary = d.split('-').next().unwrap_or("");
            let expected = script_of_language(primary);
            // Chinese pages carry kana rarely, Japanese pages Han often: both are Han-family.
            let agrees = match (expected, s) {
                (Some(Script::Kana), Script::Han) => true,
                (Some(e), s) => e == s,
                (None, _) => true,
            };
            if agrees {
                Some(d)
            } else {
                language_of_script(s).map(str::to_owned)
            }
        }
        (Some(d), None) => Some(d),
        (None, Some(s)) => language_of_script(s).map(str::to_owned),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_normalise() {
        assert_eq!(normalize_tag("en_us").as_deref(), Some("en-US"));
        assert_eq!(normalize_tag("zh-hans-cn").as_deref(), Some("zh-Hans-CN"));
        assert_eq!(normalize_tag("DE").as_deref(), Some("de"));
        assert_eq!(normalize_tag("en-US,en;q=0.9").as_deref(), Some("en-US"));
        assert_eq!(normalize_tag("{{lang}}"), None);
        assert_eq!(normalize_tag(""), None);
    }

    #[test]
    fn declared_checked_against_script() {
        let ja = "これは日本語の文章です。東京で会議が開かれました。今日はいい天気ですね。";
        assert_eq!(check(Some("en".into()), ja).as_deref(), Some("ja"));
        assert_eq!(check(Some("ja".into()), ja).as_deref(), Some("ja"));
        let ru = "Это русский текст о погоде в Москве и в других городах";
        assert_eq!(check(Some("en".into()), ru), None);
        assert_eq!(check(Some("ru".into()), ru).as_deref(), Some("ru"));
        assert_eq!(
            check(Some("de".into()), "Ein deutscher Text über das Wetter").as_deref(),
            Some("de")
        );
    }
}
