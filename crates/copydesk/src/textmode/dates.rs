//! Dates written in running text: "15 July 2016", "July 15, 2016", "15. Juli 2016",
//! "15 de julio de 2016", "15 июля 2016", "2016年7月15日", "2016-07-15", "15.07.2016",
//! and the year-less "Jul 15" of a dateline.
//!
//! Minimal on purpose: text mode needs a lone date line under the title and the date of a
//! dateline. (The metadata stage has its own, fuller date reader; the month table here
//! duplicates part of it and can be unified with it.)

/// Month names and abbreviations per language, lowercase; index + 1 is the month number.
/// Abbreviations are matched with or without a trailing dot.
const MONTHS: &[[&str; 12]] = &[
    // en
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ],
    [
        "jan", "feb", "mar", "apr", "may", "june", "july", "aug", "sept", "oct", "nov", "dec",
    ],
    // de
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "jän", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez",
    ],
    [
        "jänner", "feber", "maerz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez",
    ],
    // fr
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc",
    ],
    // es
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic",
    ],
    [
        "ene",
        "feb",
        "mar",
        "abr",
        "may",
        "jun",
        "jul",
        "ago",
        "setiembre",
        "oct",
        "nov",
        "dic",
    ],
    // pt
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
    ],
    // it
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ],
    // ru: nominative and genitive
    [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ],
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    // ar: Gregorian month names (Egypt/Gulf and Levant)
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
];

/// Weekday names that may precede a date ("Friday, 15 July 2016"); skipped.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];

/// Small words between date parts: "15 de julio de 2016", "le 15 juillet", "am 15. Juli".
const FILLERS: &[&str] = &[
    "de", "del", "of", "the", "le", "am", "den", "il", "el", "em", "г", "года", "à", "at", "um",
];

/// A calendar date, possibly without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: Option<u16>,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// ISO 8601 `YYYY-MM-DD`, when the year is known.
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        Some(format!("{y:04}-{:02}-{:02}", self.month, self.day))
    }

    fn valid(year: Option<u16>, month: u8, day: u8) -> Option<Date> {
        let ok_year = year.is_none_or(|y| (1900..=2100).contains(&y));
        (ok_year && (1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }
}

/// One piece of a date phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Num(u32, usize),
    Month(u8),
}

/// Month number of a (lowercase) word, if it names one.
fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    for table in MONTHS {
        if let Some(i) = table.iter().position(|m| *m == w) {
            return u8::try_from(i + 1).ok();
        }
    }
    None
}

/// Whether `word` is the first word of a two-word month name ("تشرين الأول").
fn opens_two_word_month(word: &str) -> bool {
    MONTHS
        .iter()
        .flatten()
        .any(|m| m.split_once(' ').is_some_and(|(first, _)| first == word))
}

/// Splits a short phrase into number and month tokens; `None` when another word appears
/// (then the phrase is more than a date). Two-word Arabic month names are joined first.
fn tokens(phrase: &str) -> Option<Vec<Tok>> {
    let lower = phrase.to_lowercase();
    let mut out = Vec::new();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || ",/-–—.،年月日".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if let Some(next) = words.get(i + 1).filter(|_| opens_two_word_month(w)) {
            let pair = format!("{w} {next}");
            if let Some(m) = month_of(&pair) {
                out.push(Tok::Month(m));
                i += 2;
                continue;
            }
        }
        let digits = w.trim_end_matches(['.', 'º', 'ª']);
        let digits = digits
            .strip_suffix("st")
            .or_else(|| digits.strip_suffix("nd"))
            .or_else(|| digits.strip_suffix("rd"))
            .or_else(|| digits.strip_suffix("th"))
            .or_else(|| digits.strip_suffix("er"))
            .unwrap_or(digits);
        if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n = digits.parse().ok()?;
            out.push(Tok::Num(n, digits.len()));
        } else if let Some(m) = month_of(w) {
            out.push(Tok::Month(m));
        } else if !(WEEKDAYS.contains(&w) || FILLERS.contains(&w)) {
            return None;
        }
        i += 1;
    }
    Some(out)
}

/// Reads a phrase that is a date and nothing else (a time of day after it is allowed).
pub fn parse_date(phrase: &str) -> Option<Date> {
    let phrase = phrase.trim();
    // Every date form read here has digits: a cheap test that spares most lines the work.
    if phrase.len() > 60 || !phrase.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let phrase = strip_time(phrase);
    let toks = tokens(phrase)?;
    use Tok::{Month, Num};
    let year = |n: u32, len: usize| (len == 4).then(|| u16::try_from(n).ok()).flatten();
    let small = |n: u32| u8::try_from(n).ok();
    match toks.as_slice() {
        // 15 July 2016 / 15. Juli 2016 / 15 de julio de 2016
        [Num(d, dl), Month(m), Num(y, 4)] if *dl <= 2 => Date::valid(year(*y, 4), *m, small(*d)?),
        // July 15, 2016
        [Month(m), Num(d, dl), Num(y, 4)] if *dl <= 2 => Date::valid(year(*y, 4), *m, small(*d)?),
        // 2016 July 15 / 2016年7月15日 / 2016-07-15 / 2016.07.15
        [Num(y, 4), Month(m), Num(d, dl)] if *dl <= 2 => Date::valid(year(*y, 4), *m, small(*d)?),
        [Num(y, 4), Num(m, ml), Num(d, dl)] if *ml <= 2 && *dl <= 2 => {
            Date::valid(year(*y, 4), small(*m)?, small(*d)?)
        }
        // 15.07.2016 / 15/07/2016 (day first, as most of the world writes it; month first
        // only when the first number cannot be a month's day-of-year otherwise)
        [Num(a, al), Num(b, bl), Num(y, 4)] if *al <= 2 && *bl <= 2 => {
            let (d, m) = if *b > 12 && *a <= 12 {
                (*b, *a)
            } else {
                (*a, *b)
            };
            Date::valid(year(*y, 4), small(m)?, small(d)?)
        }
        // Jul 15 / 15 Jul (a dateline's date)
        [Month(m), Num(d, dl)] | [Num(d, dl), Month(m)] if *dl <= 2 => {
            Date::valid(None, *m, small(*d)?)
        }
        _ => None,
    }
}

/// Drops a trailing time of day ("15 July 2016 14:35", "… 2:35 pm", "… um 14:35 Uhr").
fn strip_time(phrase: &str) -> &str {
    let Some(colon) = phrase.find(':') else {
        return phrase;
    };
    let head = &phrase[..colon];
    let cut = head.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let before = phrase[..cut].trim_end();
    let before = before
        .strip_suffix(" um")
        .or_else(|| before.strip_suffix(" at"))
        .or_else(|| before.strip_suffix(" à"))
        .or_else(|| before.strip_suffix(','))
        .or_else(|| before.strip_suffix(" -"))
        .or_else(|| before.strip_suffix(" |"))
        .unwrap_or(before);
    before.trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_date(s).and_then(|d| d.iso())
    }

    #[test]
    fn written_dates_in_many_languages() {
        let cases = [
            ("15 July 2016", "2016-07-15"),
            ("July 15, 2016", "2016-07-15"),
            ("Friday, July 15th, 2016", "2016-07-15"),
            ("15. Juli 2016", "2016-07-15"),
            ("15 de julio de 2016", "2016-07-15"),
            ("15 juillet 2016", "2016-07-15"),
            ("15 de julho de 2016", "2016-07-15"),
            ("15 luglio 2016", "2016-07-15"),
            ("15 июля 2016 г.", "2016-07-15"),
            ("2016年7月15日", "2016-07-15"),
            ("15 يوليو 2016", "2016-07-15"),
            ("15 تموز 2016", "2016-07-15"),
            ("2016-07-15", "2016-07-15"),
            ("15.07.2016", "2016-07-15"),
            ("07/15/2016", "2016-07-15"),
            ("15 July 2016 14:35", "2016-07-15"),
            ("Jul. 15, 2016, 2:35 pm", "2016-07-15"),
        ];
        for (s, want) in cases {
            assert_eq!(iso(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn year_less_dates() {
        let d = parse_date("Jul 15").unwrap();
        assert_eq!((d.year, d.month, d.day), (None, 7, 15));
        assert_eq!(d.iso(), None);
    }

    #[test]
    fn not_dates() {
        for s in [
            "",
            "July",
            "15 people died in July 2016",
            "Mayday",
            "2016",
            "31 February 20165",
            "40 July 2016",
            "March on Washington",
            &"9".repeat(100),
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }
}
