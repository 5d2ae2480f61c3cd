//! Dates: parsing every common way a date is written (ISO 8601 with or without time and
//! offset, numeric with the locale's day/month order, written months in many languages,
//! CJK year-month-day), judging plausibility, and choosing the publication and
//! modification dates from the page's signals, best source first.
//!
//! Parsing works on a small token stream (numbers, words, separators), never a regex over
//! page text; only short strings are ever parsed.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use super::jsonld::JsonLdFacts;
use super::scan::{Signals, TextSignal, TimeSignal};
use crate::rules::dates::{
    DATELINE_PLACE_WORDS, DATE_FILLERS, HEADLINE_KICKER_NODES, MAX_MARKED_DAYS, MIN_YEAR,
    MODIFIED_LABELS, MODIFIED_META_KEYS, MONTH_NAMES, NOT_PUBLICATION_WORDS, PUBLISHED_LABELS,
    PUBLISHED_META_KEYS, PUBLISHED_META_KEY_PARTS, SHOWN_DATES_CHECKED, SHOWN_TEXTS_READ,
    TIME_WORDS, TWO_WORD_MONTH_OPENERS, UTC_SMALL_HOURS, WEAK_DATE_META_KEYS, WEEKDAY_NAMES,
};

/// A calendar date, with the time of day and UTC offset when the source gave them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Hours, minutes, seconds.
    pub time: Option<(u8, u8, u8)>,
    /// Minutes east of UTC.
    pub offset: Option<i32>,
}

impl DateTime {
    fn date(year: i32, month: u8, day: u8) -> Option<DateTime> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| DateTime {
                year,
                month,
                day,
                time: None,
                offset: None,
            })
    }

    /// ISO 8601: `2016-07-15`, or `2016-07-15T10:00:00+02:00` when the time is known.
    pub fn to_iso(&self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, sec)) = self.time {
            s.push_str(&format!("T{h:02}:{m:02}:{sec:02}"));
            if let Some(off) = self.offset {
                let sign = if off < 0 { '-' } else { '+' };
                let a = off.abs();
                s.push_str(&format!("{sign}{:02}:{:02}", a / 60, a % 60));
            }
        }
        s
    }

    /// Minutes since the epoch in UTC, when the time and offset are known.
    fn utc_minutes(&self) -> Option<i64> {
        let (h, m, _) = self.time?;
        let days = days_from_civil(self.year, self.month, self.day);
        Some(days * 1440 + i64::from(h) * 60 + i64::from(m) - i64::from(self.offset?))
    }

    fn ymd(&self) -> (i32, u8, u8) {
        (self.year, self.month, self.day)
    }
}

/// Which comes first in an all-numeric date like 07/06/2020.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    DayFirst,
    MonthFirst,
}

impl DayOrder {
    /// The order the page's language writes: month first only for US English.
    pub fn for_language(lang: Option<&str>) -> DayOrder {
        match lang.map(|l| l.to_ascii_lowercase()) {
            Some(l) if l == "en-us" || l == "en" || l == "en_us" => DayOrder::MonthFirst,
            _ => DayOrder::DayFirst,
        }
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_apart(a: &DateTime, b: &DateTime) -> i64 {
    (days_from_civil(a.year, a.month, a.day) - days_from_civil(b.year, b.month, b.day)).abs()
}

/// Today's date (UTC) from the system clock.
pub fn today() -> (i32, u8, u8) {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a calendar date (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Whether a date can be a web publication seen by now: not before [`MIN_YEAR`], not
/// after `today` (one day of slack for time zones).
pub fn plausible(dt: &DateTime, today: (i32, u8, u8)) -> bool {
    if dt.year < MIN_YEAR {
        return false;
    }
    let (ty, tm, td) = today;
    let limit = if td < days_in_month(ty, tm) {
        (ty, tm, td + 1)
    } else if tm < 12 {
        (ty, tm + 1, 1)
    } else {
        (ty + 1, 1, 1)
    };
    dt.ymd() <= limit
}

/// Parses a strict ISO 8601 date or date-time at the start of `s` ("2016-07-15",
/// "2016-07-15T10:00:00.000+0200", "2016-07-15 10:00", "20160715").
pub fn parse_iso(s: &str) -> Option<DateTime> {
    let b = s.trim().as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        part.iter().all(u8::is_ascii_digit).then(|| {
            part.iter()
                .fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = digits(0, 4)? as i32;
    let (month, day, mut i) = if b.get(4) == Some(&b'-') {
        let m = digits(5, 2)?;
        if b.get(7) != Some(&b'-') {
            return None;
        }
        (m, digits(8, 2)?, 10)
    } else {
        let m = digits(4, 2)?;
        let d = digits(6, 2)?;
        if b.get(8).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        (m, d, 8)
    };
    let mut dt = DateTime::date(year, month as u8, day as u8)?;
    if matches!(b.get(i), Some(b'T') | Some(b't') | Some(b' ')) {
        if let (Some(h), Some(b':'), Some(mi)) = (digits(i + 1, 2), b.get(i + 3), digits(i + 4, 2))
        {
            i += 6;
            let mut sec = 0;
            if b.get(i) == Some(&b':') {
                if let Some(sv) = digits(i + 1, 2) {
                    sec = sv;
                    i += 3;
                }
            }
            if b.get(i) == Some(&b'.') || b.get(i) == Some(&b',') {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            if h < 24 && mi < 60 && sec < 61 {
                dt.time = Some((h as u8, mi as u8, sec.min(59) as u8));
                dt.offset = parse_offset(b.get(i..).unwrap_or(&[]));
            }
        }
    }
    Some(dt)
}

/// `Z`, `+02:00`, `+0200`, `-05` → minutes east of UTC.
fn parse_offset(b: &[u8]) -> Option<i32> {
    let b = if b.first() == Some(&b' ') { &b[1..] } else { b };
    match b.first()? {
        b'Z' | b'z' => Some(0),
        sign @ (b'+' | b'-') => {
            let d = |i: usize| {
                b.get(i)
                    .filter(|c| c.is_ascii_digit())
                    .map(|c| i32::from(c - b'0'))
            };
            let h = d(1)? * 10 + d(2)?;
            let rest = if b.get(3) == Some(&b':') { 4 } else { 3 };
            let m = match (d(rest), d(rest + 1)) {
                (Some(a), Some(c)) => a * 10 + c,
                _ => 0,
            };
            if h > 14 || m > 59 {
                return None;
            }
            let off = h * 60 + m;
            Some(if *sign == b'-' { -off } else { off })
        }
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num {
        value: u32,
        len: u8,
    },
    Word(String),
    Sep(char),
    /// 年 / 月 / 日 (and Korean 년 / 월 / 일), normalised to 'y', 'm', 'd'.
    Cjk(char),
}

const MAX_TOKENS: usize = 400;

fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if toks.len() >= MAX_TOKENS {
            break;
        }
        if c.is_ascii_digit() {
            let mut value: u32 = c as u32 - '0' as u32;
            let mut len: u8 = 1;
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                value = value
                    .saturating_mul(10)
                    .saturating_add(d as u32 - '0' as u32);
                len = len.saturating_add(1);
                chars.next();
            }
            toks.push(Tok::Num { value, len });
        } else if let Some(m) = cjk_marker(c) {
            toks.push(Tok::Cjk(m));
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_alphabetic() || cjk_marker(d).is_some() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            toks.push(Tok::Word(s[start..end].to_lowercase()));
        } else if !c.is_whitespace() {
            toks.push(Tok::Sep(c));
        }
    }
    join_two_word_months(&mut toks);
    toks
}

/// Joins the two words of a month name written in two ("تشرين الأول") into one token.
fn join_two_word_months(toks: &mut Vec<Tok>) {
    let mut i = 0;
    while i + 1 < toks.len() {
        if let (Tok::Word(a), Tok::Word(b)) = (&toks[i], &toks[i + 1]) {
            if TWO_WORD_MONTH_OPENERS.contains(&a.as_str()) {
                let joined = format!("{a} {b}");
                if month_of(&joined).is_some() {
                    toks[i] = Tok::Word(joined);
                    toks.remove(i + 1);
                }
            }
        }
        i += 1;
    }
}

fn cjk_marker(c: char) -> Option<char> {
    match c {
        '年' | '년' => Some('y'),
        '月' | '월' => Some('m'),
        '日' | '일' => Some('d'),
        _ => None,
    }
}

fn month_of(word: &str) -> Option<u8> {
    // Every word of every text run is looked up: a hash map, built once, not a scan of
    // the few hundred names.
    static MONTHS: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    MONTHS
        .get_or_init(|| {
            let mut map = HashMap::new();
            for &(name, m) in MONTH_NAMES {
                map.entry(name).or_insert(m);
            }
            map
        })
        .get(word)
        .copied()
}

fn is_filler(t: Option<&Tok>) -> bool {
    matches!(t, Some(Tok::Word(w)) if DATE_FILLERS.contains(&w.as_str()))
}

fn num_at(toks: &[Tok], i: usize, lens: std::ops::RangeInclusive<u8>) -> Option<u32> {
    match toks.get(i) {
        Some(Tok::Num { value, len }) if lens.contains(len) => Some(*value),
        _ => None,
    }
}

fn sep_at(toks: &[Tok], i: usize) -> Option<char> {
    match toks.get(i) {
        Some(Tok::Sep(c)) => Some(*c),
        _ => None,
    }
}

fn month_at(toks: &[Tok], i: usize) -> Option<u8> {
    match toks.get(i) {
        Some(Tok::Word(w)) => month_of(w),
        _ => None,
    }
}

/// Skips fillers and separators among `allowed` from `i`; returns the next index.
fn skip(toks: &[Tok], mut i: usize, seps: &str) -> usize {
    for _ in 0..4 {
        match toks.get(i) {
            Some(Tok::Sep(c)) if seps.contains(*c) => i += 1,
            t if is_filler(t) => i += 1,
            _ => break,
        }
    }
    i
}

fn two_digit_year(y: u32) -> i32 {
    let (ty, _, _) = today();
    let century = ty - ty.rem_euclid(100);
    let y = century + y as i32;
    if y > ty {
        y - 100
    } else {
        y
    }
}

/// Tries every date form starting at token `i`.
fn date_at(toks: &[Tok], i: usize, order: DayOrder) -> Option<DateTime> {
    date_span(toks, i, order).map(|(d, _)| d)
}

/// Tries every date form starting at token `i`; returns the date and the index of the
/// token after it.
fn date_span(toks: &[Tok], i: usize, order: DayOrder) -> Option<(DateTime, usize)> {
    // 2016-07-15, 2016/07/15, 2016.07.15
    if let Some(y) = num_at(toks, i, 4..=4) {
        if let (Some(s1), Some(m), Some(s2), Some(d)) = (
            sep_at(toks, i + 1),
            num_at(toks, i + 2, 1..=2),
            sep_at(toks, i + 3),
            num_at(toks, i + 4, 1..=2),
        ) {
            if s1 == s2 && "-/.".contains(s1) {
                return DateTime::date(y as i32, m as u8, d as u8).map(|dt| (dt, i + 5));
            }
        }
        // 2020年6月7日
        if let (Some(Tok::Cjk('y')), Some(m), Some(Tok::Cjk('m')), Some(d), Some(Tok::Cjk('d'))) = (
            toks.get(i + 1),
            num_at(toks, i + 2, 1..=2),
            toks.get(i + 3),
            num_at(toks, i + 4, 1..=2),
            toks.get(i + 5),
        ) {
            return DateTime::date(y as i32, m as u8, d as u8).map(|dt| (dt, i + 6));
        }
        // 2016. május 15. / 2016 Jul 15
        let j = skip(toks, i + 1, ".,");
        if let (Some(m), Some(d)) = (month_at(toks, j), num_at(toks, j + 1, 1..=2)) {
            if !matches!(toks.get(j + 2), Some(Tok::Sep(':'))) {
                return DateTime::date(y as i32, m, d as u8).map(|dt| (dt, j + 2));
            }
        }
        return None;
    }
    if let Some(a) = num_at(toks, i, 1..=2) {
        // 15.07.2016, 07/15/2016, 15-07-2016, 15.07.16
        if let (Some(s1), Some(b), Some(s2)) = (
            sep_at(toks, i + 1),
            num_at(toks, i + 2, 1..=2),
            sep_at(toks, i + 3),
        ) {
            if s1 == s2 && "./-".contains(s1) {
                let year = match num_at(toks, i + 4, 2..=4) {
                    Some(y) if y >= 1000 => Some(y as i32),
                    Some(y)
                        if y < 100
                            && s1 == '.'
                            && !matches!(toks.get(i + 5), Some(Tok::Sep('.')) if num_at(toks, i + 6, 1..=4).is_some()) =>
                    {
                        Some(two_digit_year(y))
                    }
                    _ => None,
                };
                if let Some(y) = year {
                    let (d, m) = if a > 12 || s1 == '.' {
                        (a, b)
                    } else if b > 12 || order == DayOrder::MonthFirst {
                        (b, a)
                    } else {
                        (a, b)
                    };
                    return DateTime::date(y, m as u8, d as u8).map(|dt| (dt, i + 5));
                }
            }
        }
        // 15 July 2016, 31. Mai 2012, 15 de julio de 2016, 15th of July, 2016
        let j = skip(toks, i + 1, ".");
        if let Some(m) = month_at(toks, j) {
            let k = skip(toks, j + 1, ".,");
            if let Some(y) = num_at(toks, k, 4..=4) {
                return DateTime::date(y as i32, m, a as u8).map(|dt| (dt, k + 1));
            }
        }
        return None;
    }
    // July 15, 2016 / Jul. 15th 2016
    if let Some(m) = month_at(toks, i) {
        let j = skip(toks, i + 1, ".");
        if let Some(d) = num_at(toks, j, 1..=2) {
            let k = skip(toks, j + 1, ".,");
            if let Some(y) = num_at(toks, k, 4..=4) {
                return DateTime::date(y as i32, m, d as u8).map(|dt| (dt, k + 1));
            }
        }
    }
    None
}

/// A date read from a phrase that is a date and nothing else. The year may be missing:
/// a dateline writes "Jul 15" and leaves the year to the story's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseDate {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

impl PhraseDate {
    /// ISO 8601 `YYYY-MM-DD`, when the year is known.
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        Some(format!("{y:04}-{:02}-{:02}", self.month, self.day))
    }

    /// The same day with `year` filled in where the phrase gave none.
    pub fn or_year(self, year: Option<i32>) -> PhraseDate {
        PhraseDate {
            year: self.year.or(year),
            ..self
        }
    }
}

/// The longest phrase read as a lone date (bytes).
const MAX_PHRASE_BYTES: usize = 80;

fn is_weekday(t: Option<&Tok>) -> bool {
    matches!(t, Some(Tok::Word(w)) if WEEKDAY_NAMES.contains(&w.as_str()))
}

/// Whether the tokens after a date are only its time of day ("14:35", "um 14:35 Uhr",
/// "2:35 pm", "г.").
fn only_time_of_day(toks: &[Tok]) -> bool {
    toks.iter().all(|t| match t {
        Tok::Num { len, .. } => *len <= 2,
        Tok::Sep(c) => ":.,-–|/()".contains(*c),
        Tok::Word(w) => TIME_WORDS.contains(&w.as_str()),
        Tok::Cjk(_) => false,
    })
}

/// Reads a phrase that is a date and nothing else (a weekday before it and a time of day
/// after it allowed): "Friday, July 15th, 2016", "15 июля 2016 г.", "2016年7月15日",
/// "15.07.2016 14:35", and the year-less "Jul 15" / "5. März" of a dateline. A phrase
/// with other words in it ("15 people died in July 2016") is not a date.
pub fn parse_date_phrase(phrase: &str, order: DayOrder) -> Option<PhraseDate> {
    let phrase = phrase.trim();
    if phrase.is_empty()
        || phrase.len() > MAX_PHRASE_BYTES
        || !phrase.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    let toks = tokenize(phrase);
    let mut i = 0;
    while matches!(toks.get(i), Some(Tok::Sep(_))) || is_weekday(toks.get(i)) {
        i += 1;
    }
    if let Some((d, end)) = date_span(&toks, i, order) {
        return only_time_of_day(toks.get(end..).unwrap_or(&[])).then_some(PhraseDate {
            year: Some(d.year),
            month: d.month,
            day: d.day,
        });
    }
    // Year-less: "Jul 15", "Jul. 15th", "15 Jul", "5. März", "15 de julio".
    let (month, day, end) = if let Some(m) = month_at(&toks, i) {
        let j = skip(&toks, i + 1, ".");
        let d = num_at(&toks, j, 1..=2)?;
        (m, d, skip(&toks, j + 1, "."))
    } else {
        let d = num_at(&toks, i, 1..=2)?;
        let j = skip(&toks, i + 1, ".");
        let m = month_at(&toks, j)?;
        (m, d, skip(&toks, j + 1, "."))
    };
    let valid = (1..=31).contains(&day) && u32::from(days_in_month(2000, month)) >= day;
    (valid && only_time_of_day(toks.get(end..).unwrap_or(&[]))).then_some(PhraseDate {
        year: None,
        month,
        day: day as u8,
    })
}

/// Whether a date opens `text`, after at most a place name and punctuation, as in a
/// dateline ("(18.01.2018) Deutschlands …", "Karlsruhe, (12.11.2021). Traditionell …",
/// "BERLIN, 5. März 2020 –"): the first number of the text must start the date.
pub fn opens_with_date(text: &str) -> bool {
    let toks = tokenize(text);
    let mut words = 0;
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Word(_) if month_at(&toks, i).is_none() => {
                words += 1;
                if words > DATELINE_PLACE_WORDS {
                    return false;
                }
            }
            Tok::Sep(_) => {}
            _ => return date_at(&toks, i, DayOrder::DayFirst).is_some(),
        }
    }
    false
}

/// Every date written in `s`, in order (at most `limit`).
pub fn find_dates(s: &str, order: DayOrder, limit: usize) -> Vec<DateTime> {
    let toks = tokenize(s);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if out.len() >= limit {
            break;
        }
        if let Some(dt) = date_at(&toks, i, order) {
            out.push(dt);
        }
    }
    out
}

/// Parses a date value from metadata: ISO 8601 first, then any written form.
pub fn parse_date(s: &str, order: DayOrder) -> Option<DateTime> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    parse_iso(s).or_else(|| find_dates(s, order, 1).into_iter().next())
}

/// A full date in a URL path: /2016/07/15/, /2016-07-15-title, /20160715/.
pub fn date_from_url(url: &str) -> Option<DateTime> {
    let path = url
        .split_once("://")
        .map(|(_, rest)| rest.split_once('/').map(|(_, p)| p).unwrap_or(""))
        .unwrap_or(url);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let toks = tokenize(path);
    for i in 0..toks.len() {
        if let (Some(y), Some(s1), Some(m), Some(s2), Some(d)) = (
            num_at(&toks, i, 4..=4),
            sep_at(&toks, i + 1),
            num_at(&toks, i + 2, 1..=2),
            sep_at(&toks, i + 3),
            num_at(&toks, i + 4, 1..=2),
        ) {
            if s1 == s2 && "/-_".contains(s1) && (i == 0 || sep_at(&toks, i - 1).is_some()) {
                // A day must end its segment (not "/2016/07/1234").
                if toks.get(i + 5).is_none_or(|t| matches!(t, Tok::Sep(_))) {
                    if let Some(dt) = DateTime::date(y as i32, m as u8, d as u8) {
                        return Some(dt);
                    }
                }
            }
        }
        // /29-10-2021/ or /10-29-2021/: taken only when the order is plain (one part > 12).
        if let (Some(a), Some(s1), Some(b), Some(s2), Some(y)) = (
            num_at(&toks, i, 1..=2),
            sep_at(&toks, i + 1),
            num_at(&toks, i + 2, 1..=2),
            sep_at(&toks, i + 3),
            num_at(&toks, i + 4, 4..=4),
        ) {
            let bounded = (i == 0 || sep_at(&toks, i - 1).is_some())
                && toks.get(i + 5).is_none_or(|t| matches!(t, Tok::Sep(_)));
            if s1 == s2 && "-_.".contains(s1) && bounded && (a > 12) != (b > 12) {
                let (d, m) = if a > 12 { (a, b) } else { (b, a) };
                if let Some(dt) = DateTime::date(y as i32, m as u8, d as u8) {
                    return Some(dt);
                }
            }
        }
        if let Some(Tok::Num { value, len: 8 }) = toks.get(i) {
            let v = *value;
            if (i == 0 || sep_at(&toks, i - 1).is_some())
                && toks.get(i + 1).is_none_or(|t| matches!(t, Tok::Sep(_)))
            {
                let dt =
                    DateTime::date((v / 10_000) as i32, (v / 100 % 100) as u8, (v % 100) as u8);
                if dt.is_some_and(|d| d.year >= MIN_YEAR) {
                    return dt;
                }
            }
        }
    }
    None
}

/// The year and month in a URL path (/2016/07/), which a full date must agree with.
pub fn year_month_from_url(url: &str) -> Option<(i32, u8)> {
    let path = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let toks = tokenize(path.split(['?', '#']).next().unwrap_or(""));
    (0..toks.len()).find_map(|i| {
        let y = num_at(&toks, i, 4..=4)?;
        let (s1, m) = (sep_at(&toks, i + 1)?, num_at(&toks, i + 2, 2..=2)?);
        let sep_before = i > 0 && sep_at(&toks, i - 1) == Some('/');
        (s1 == '/' && sep_before && (MIN_YEAR as u32..=2100).contains(&y) && (1..=12).contains(&m))
            .then_some((y as i32, m as u8))
    })
}

/// Whether a meta key is a known publication key under a vendor's prefix ("sw-pubdate").
fn is_prefixed_published_key(key: &str) -> bool {
    PUBLISHED_META_KEYS.iter().any(|known| {
        key.strip_suffix(known)
            .is_some_and(|p| p.len() > 1 && p.ends_with(['-', ':', '.']))
    })
}

/// Whether a text is a copyright or version notice, whose dates are not the page's.
fn is_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    NOT_PUBLICATION_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether a text run announces a publication date ("Veröffentlicht am 31. Mai 2012").
pub fn has_published_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    PUBLISHED_LABELS.iter().any(|l| lower.contains(l))
}

/// Whether a text announces an update ("Updated May 6, 2019", "Aktualisiert am …").
pub fn has_modified_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    MODIFIED_LABELS.iter().any(|l| lower.contains(l))
}

/// Sets `slot` to `candidate` unless a better source already filled it.
fn fill(slot: &mut Option<DateTime>, candidate: impl FnOnce() -> Option<DateTime>) {
    if slot.is_none() {
        *slot = candidate();
    }
}

/// The publication and modification dates chosen from the page's signals, as ISO 8601.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChosenDates {
    pub published: Option<String>,
    pub modified: Option<String>,
}

/// Picks the dates, best source first: the article's structured data, the meta
/// conventions, microdata, marked `<time>` elements, the URL path, unmarked `<time>`
/// elements, date-classed elements, then dates written in the text after the headline.
pub fn choose(
    signals: &Signals,
    jsonld: &JsonLdFacts,
    url: Option<&str>,
    order: DayOrder,
    today: (i32, u8, u8),
) -> ChosenDates {
    let ok = |s: &str| parse_date(s, order).filter(|d| plausible(d, today));
    let url_date = url.and_then(date_from_url).filter(|d| plausible(d, today));
    let url_month = url.and_then(year_month_from_url);
    // The headline's own date line may stand just above it ("Party, 30.10.23" over the
    // title) as well as below it.
    let after_h1 = |o: u32| {
        signals
            .first_h1_order
            .is_none_or(|h| o.saturating_add(HEADLINE_KICKER_NODES) >= h)
    };
    // A date that contradicts the URL's year and month is some other date on the page.
    let fits_url = |d: &DateTime| url_month.is_none_or(|(y, m)| d.year == y && d.month == m);

    // A `<time>` whose text announces the publication ("Publié le 29 juin 2019") with a
    // different day than its `datetime` shows readers the publication; the attribute is
    // then the CMS's record time.
    let time_date = |t: &TimeSignal| {
        let labelled = t
            .text
            .as_deref()
            .filter(|x| has_published_label(x))
            .and_then(|x| {
                find_dates(x, order, 2)
                    .into_iter()
                    .find(|d| plausible(d, today))
            });
        let machine = ok(&t.value);
        match (labelled, machine) {
            (Some(l), Some(m)) if l.ymd() != m.ymd() => Some(l),
            (l, m) => m.or(l),
        }
    };

    let mut published: Option<DateTime> = None;
    fill(&mut published, || {
        jsonld.date_published.as_deref().and_then(ok)
    });
    for key in PUBLISHED_META_KEYS {
        fill(&mut published, || signals.meta_all(key).find_map(ok));
    }
    // The same keys under a vendor's prefix ("sw-pubdate", "og:pubdate").
    fill(&mut published, || {
        signals
            .meta
            .iter()
            .filter(|(k, _)| is_prefixed_published_key(k))
            .find_map(|(_, v)| ok(v))
    });
    for prop in ["datepublished", "datecreated"] {
        fill(&mut published, || {
            signals
                .microdata
                .iter()
                .filter(|(p, _, _)| p == prop)
                .find_map(|(_, v, _)| ok(v))
        });
    }
    // A page whose "published" `<time>`s carry many different days marks every teaser in
    // its lists that way: the mark then no longer singles out the article's own, and the
    // page's first own `<time>` (the article's, above its lists) stands in for it.
    let marked_days = {
        let mut days: Vec<(i32, u8, u8)> = Vec::new();
        for t in signals.times.iter().filter(|t| t.published && !t.modified) {
            if let Some(d) = ok(&t.value) {
                if !days.contains(&d.ymd()) {
                    days.push(d.ymd());
                }
            }
            if days.len() > MAX_MARKED_DAYS {
                break;
            }
        }
        days.len()
    };
    if marked_days <= MAX_MARKED_DAYS {
        fill(&mut published, || {
            signals
                .times
                .iter()
                .filter(|t| t.published && !t.modified)
                .find_map(time_date)
        });
    } else {
        fill(&mut published, || {
            signals
                .times
                .iter()
                .find(|t| t.own && !t.modified)
                .and_then(time_date)
        });
    }
    fill(&mut published, || {
        jsonld.page_date_published.as_deref().and_then(ok)
    });
    // A date a year or more away from the one in the address is a template's or a
    // re-publication's: the address is where the site filed the story.
    if let (Some(p), Some(u)) = (published, url_date) {
        if days_apart(&p, &u) > 365 {
            published = Some(u);
        }
    }
    fill(&mut published, || url_date);
    let unmarked_time = |pred: &dyn Fn(&TimeSignal) -> bool| {
        signals
            .times
            .iter()
            .filter(|t| !t.modified && pred(t))
            .find_map(|t| time_date(t).filter(fits_url))
    };
    fill(&mut published, || {
        unmarked_time(&|t| t.own && after_h1(t.order))
    });
    let text_date = |list: &[TextSignal], pred: &dyn Fn(&TextSignal) -> bool| {
        list.iter()
            .filter(|t| !t.modified && pred(t) && !is_notice(&t.text))
            .find_map(|t| {
                find_dates(&t.text, order, 4)
                    .into_iter()
                    .find(|d| plausible(d, today) && fits_url(d))
            })
    };
    // A generic date meta with a time of day is a record of the publication moment.
    for key in WEAK_DATE_META_KEYS {
        fill(&mut published, || {
            signals
                .meta_all(key)
                .filter_map(ok)
                .find(|d| d.time.is_some())
        });
    }
    // The date shown under the headline beats the CMS's record dates.
    fill(&mut published, || {
        text_date(&signals.date_texts, &|t| t.own && after_h1(t.order))
    });
    fill(&mut published, || {
        text_date(&signals.text_runs, &|t| {
            t.own && after_h1(t.order) && has_published_label(&t.text)
        })
    });
    fill(&mut published, || {
        text_date(&signals.text_runs, &|t| t.own && after_h1(t.order))
    });
    for key in WEAK_DATE_META_KEYS {
        fill(&mut published, || signals.meta_all(key).find_map(ok));
    }
    fill(&mut published, || unmarked_time(&|t| t.own));
    fill(&mut published, || {
        text_date(&signals.date_texts, &|t| t.own)
    });
    fill(&mut published, || text_date(&signals.text_runs, &|t| t.own));
    // Other meta keys that name a publication-like date, then a date in the main
    // image's address (uploads are filed by day on many sites).
    fill(&mut published, || {
        signals
            .meta
            .iter()
            .filter(|(k, _)| PUBLISHED_META_KEY_PARTS.iter().any(|p| k.contains(p)))
            .find_map(|(_, v)| ok(v))
    });
    fill(&mut published, || {
        signals
            .meta
            .iter()
            .filter(|(k, _)| k.ends_with(":image") || k.ends_with("image:src"))
            .find_map(|(_, v)| date_from_url(v).filter(|d| plausible(d, today)))
    });
    fill(&mut published, || unmarked_time(&|_| true));
    fill(&mut published, || {
        text_date(&signals.text_runs, &|t| has_published_label(&t.text))
    });
    fill(&mut published, || text_date(&signals.date_texts, &|_| true));
    fill(&mut published, || text_date(&signals.text_runs, &|_| true));
    // Last: a notice gives a copyright year, but one that spells a whole day
    // ("Copyright © 19.12.2019 - 12:14 h") is the page's own date stamp.
    fill(&mut published, || {
        signals
            .text_runs
            .iter()
            .filter(|t| is_notice(&t.text))
            .find_map(|t| {
                find_dates(&t.text, order, 2)
                    .into_iter()
                    .find(|d| plausible(d, today) && fits_url(d))
            })
    });

    // The same instant given elsewhere in the site's own time zone names the day its
    // readers saw.
    if let Some(p) = published.filter(|p| p.time.is_some() && p.offset == Some(0)) {
        let local = std::iter::once(jsonld.date_published.as_deref())
            .flatten()
            .chain(PUBLISHED_META_KEYS.iter().flat_map(|k| signals.meta_all(k)))
            .chain(signals.times.iter().map(|t| t.value.as_str()))
            .filter_map(ok)
            .find(|c| c.offset.is_some_and(|o| o != 0) && c.utc_minutes() == p.utc_minutes());
        if let Some(l) = local {
            published = Some(l);
        }
    }
    // The date shown under the headline, when the page's own record dates (not a `<time>`
    // element, which is only the shown date again) confirm it and the publication date chosen above is not shown anywhere near it, is
    // the date the page presents as the story's (a republished or reworked story keeps
    // its first record date in the CMS) — unless the page calls it an update.
    if let Some(p) = published {
        if let Some((shown, labelled)) = shown_date(signals, order, today, &fits_url, &after_h1, p)
        {
            let machine = std::iter::once(jsonld.date_modified.as_deref())
                .chain(std::iter::once(jsonld.page_date_modified.as_deref()))
                .flatten()
                .chain(MODIFIED_META_KEYS.iter().flat_map(|k| signals.meta_all(k)))
                .chain(WEAK_DATE_META_KEYS.iter().flat_map(|k| signals.meta_all(k)))
                .chain(
                    signals
                        .microdata
                        .iter()
                        .filter(|(p, _, _)| p.starts_with("date"))
                        .map(|(_, v, _)| v.as_str()),
                )
                .filter_map(ok)
                .find(|m| m.ymd() == shown.ymd());
            if machine.is_some() || labelled {
                published = machine.or(Some(shown));
            }
        }
    }
    // A full date in the address is the day the site filed the story under: a UTC
    // timestamp a day off can be that same day in the site's own time zone.
    if let (Some(p), Some(u)) = (published, url_date) {
        if same_moment_elsewhere(&p, &u) {
            published = Some(u);
        }
    }

    let mut modified: Option<DateTime> = None;
    fill(&mut modified, || {
        jsonld.date_modified.as_deref().and_then(ok)
    });
    for key in MODIFIED_META_KEYS {
        fill(&mut modified, || signals.meta_all(key).find_map(ok));
    }
    fill(&mut modified, || {
        signals
            .microdata
            .iter()
            .filter(|(p, _, _)| p == "datemodified")
            .find_map(|(_, v, _)| ok(v))
    });
    fill(&mut modified, || {
        signals
            .times
            .iter()
            .filter(|t| t.modified)
            .find_map(|t| ok(&t.value))
    });
    fill(&mut modified, || {
        jsonld.page_date_modified.as_deref().and_then(ok)
    });

    // With no publication date anywhere, the modification date is the best estimate.
    if published.is_none() {
        published = modified;
    }
    if let (Some(p), Some(m)) = (published, modified) {
        if m.ymd() < p.ymd() {
            modified = None;
        }
    }
    ChosenDates {
        published: published.map(|d| d.to_iso()),
        modified: modified.map(|d| d.to_iso()),
    }
}

/// Whether a UTC timestamp can be `day` in the site's own time zone: in the small hours of
/// the next day it is still the day before all over the Americas, late in the evening it
/// is already the next day in Europe's east and Asia. A timestamp given with its own
/// offset already names the site's day.
fn same_moment_elsewhere(utc: &DateTime, day: &DateTime) -> bool {
    let (Some((hour, _, _)), Some(0)) = (utc.time, utc.offset) else {
        return false;
    };
    let d = days_from_civil(utc.year, utc.month, utc.day)
        - days_from_civil(day.year, day.month, day.day);
    (d == 1 && hour < UTC_SMALL_HOURS) || (d == -1 && hour >= 24 - UTC_SMALL_HOURS)
}

/// The first date shown after the headline when it differs from `published`, is not
/// labelled as an update, and `published`'s day is not shown among the first dates; with
/// whether a label announces it as the publication date.
fn shown_date(
    signals: &Signals,
    order: DayOrder,
    today: (i32, u8, u8),
    fits_url: &dyn Fn(&DateTime) -> bool,
    after_h1: &dyn Fn(u32) -> bool,
    published: DateTime,
) -> Option<(DateTime, bool)> {
    // Every text after the headline counts for "shown" (a date line can sit in a box the
    // scan takes for page furniture); only the article's own can be the shown date.
    let visible = signals
        .date_texts
        .iter()
        .chain(signals.text_runs.iter())
        .filter(|t| after_h1(t.order) && !is_notice(&t.text));
    let mut first: Option<(DateTime, &TextSignal)> = None;
    let mut seen = 0;
    for t in visible.take(SHOWN_TEXTS_READ) {
        for d in find_dates(&t.text, order, 4) {
            if !plausible(&d, today) || !fits_url(&d) {
                continue;
            }
            if d.ymd() == published.ymd() {
                return None;
            }
            if first.is_none() && t.own {
                first = Some((d, t));
            }
            seen += 1;
            if seen >= SHOWN_DATES_CHECKED {
                break;
            }
        }
        if seen >= SHOWN_DATES_CHECKED {
            break;
        }
    }
    let (d, t) = first?;
    (!t.modified && !has_modified_label(&t.text)).then_some((d, has_published_label(&t.text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_date(s, DayOrder::DayFirst).map(|d| d.to_iso())
    }

    #[test]
    fn iso_forms() {
        for (s, want) in [
            ("2016-07-15", Some("2016-07-15")),
            (
                "2016-07-15T10:05:00.000+0200",
                Some("2016-07-15T10:05:00+02:00"),
            ),
            ("2016-07-15T10:05Z", Some("2016-07-15T10:05:00+00:00")),
            ("2016-07-15 10:05:09", Some("2016-07-15T10:05:09")),
            ("20160715", Some("2016-07-15")),
            ("2016-02-30", None),
        ] {
            assert_eq!(iso(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn written_forms() {
        for (s, want) in [
            ("31. Mai 2012", "2012-05-31"),
            ("15 July 2016", "2016-07-15"),
            ("July 15th, 2016", "2016-07-15"),
            ("Fecha de publicación: 15 julio 2016", "2016-07-15"),
            ("15 de julio de 2016", "2016-07-15"),
            ("2020年6月7日", "2020-06-07"),
            ("Mi, 31.05.2012 - 10:00", "2012-05-31"),
            ("Fri, 15 Jul 2016 10:00:00 +0200", "2016-07-15"),
            ("le 3 mars 2015", "2015-03-03"),
            ("2016. május 15.", "2016-05-15"),
            ("15 марта 2016 г.", "2016-03-15"),
            ("Posted 07/25/2016", "2016-07-25"),
        ] {
            assert_eq!(iso(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn lone_date_phrases() {
        for (s, want) in [
            (
                "Freitag, 15. Juli 2016, 14:35 Uhr",
                Some((Some(2016), 7, 15)),
            ),
            ("15 تشرين الأول 2016", Some((Some(2016), 10, 15))),
            ("Jul. 15th", Some((None, 7, 15))),
            ("3 mars", Some((None, 3, 3))),
            ("15 people died in July 2016", None),
            ("31 June", None),
            ("Jul 15 (Reuters)", None),
        ] {
            let got = parse_date_phrase(s, DayOrder::DayFirst).map(|d| (d.year, d.month, d.day));
            assert_eq!(got, want, "{s}");
        }
        let d = parse_date_phrase("Jul 15", DayOrder::DayFirst);
        assert_eq!(
            d.and_then(|d| d.or_year(Some(2016)).iso()).as_deref(),
            Some("2016-07-15")
        );
        // Found inside running text too.
        assert_eq!(
            find_dates("Am 5. كانون الثاني 2020 …", DayOrder::DayFirst, 2)
                .first()
                .map(|d| d.to_iso())
                .as_deref(),
            Some("2020-01-05")
        );
    }

    #[test]
    fn datelines_open_a_paragraph() {
        for s in [
            "(18.01.2018) Deutschlands Landwirte zittern",
            "Karlsruhe, (12.11.2021). Traditionell gedenken",
            "BAD TÖLZ, 5. März 2020 – Die Stadt",
            "Am 27.12.2017 berichtete",
        ] {
            assert!(opens_with_date(s), "{s}");
        }
        for s in [
            "Vom 26. November bis 2. Dezember 2022 trifft",
            "Die Zeitung berichtete am 27.12.2017",
            "Mit 12 Punkten liegt das Team am 3.4.2020",
            "Seit 2007 rückt sie näher",
        ] {
            assert!(!opens_with_date(s), "{s}");
        }
    }

    #[test]
    fn vendor_prefixed_publication_keys() {
        for k in ["sw-pubdate", "og:pubdate", "site.publish_date"] {
            assert!(is_prefixed_published_key(k), "{k}");
        }
        for k in ["pubdate", "xpubdate", "-pubdate", "sw-pubdates", "sw-date"] {
            assert!(!is_prefixed_published_key(k), "{k}");
        }
    }

    #[test]
    fn numeric_order_follows_locale() {
        let us = parse_date("07/06/2020", DayOrder::MonthFirst).map(|d| d.to_iso());
        let eu = parse_date("07/06/2020", DayOrder::DayFirst).map(|d| d.to_iso());
        assert_eq!(us.as_deref(), Some("2020-07-06"));
        assert_eq!(eu.as_deref(), Some("2020-06-07"));
    }

    #[test]
    fn not_dates() {
        for s in [
            "Call 030 1234 5678",
            "§ 315 BGB",
            "© 2016",
            "0000-00-00",
            "99999-01-01",
            "version 1.2.3",
        ] {
            assert_eq!(iso(s), None, "{s}");
        }
    }

    #[test]
    fn plausibility() {
        let today = (2020, 6, 1);
        let d = |y, m, dd| DateTime::date(y, m, dd).unwrap();
        assert!(plausible(&d(2016, 7, 15), today));
        assert!(!plausible(&d(1990, 1, 1), today));
        assert!(!plausible(&d(2021, 1, 1), today));
        assert!(plausible(&d(2020, 6, 2), today));
        assert!(DateTime::date(0, 1, 1).is_some_and(|d| !plausible(&d, today)));
    }

    #[test]
    fn url_dates() {
        for (url, want) in [
            ("https://x.test/2016/07/15/story", Some("2016-07-15")),
            (
                "https://x.test/news/2016-07-15-story.html",
                Some("2016-07-15"),
            ),
            ("https://x.test/a/20160715/b", Some("2016-07-15")),
            ("https://x.test/2016/07/story", None),
            ("https://x.test/news/29-10-2021", Some("2021-10-29")),
            ("https://x.test/news/10-29-2021/", Some("2021-10-29")),
            // Day and month could be either way round.
            ("https://x.test/news/05-06-2021", None),
            ("https://x.test/id/12345678", None),
        ] {
            let got = date_from_url(url).map(|d| d.to_iso());
            assert_eq!(got.as_deref(), want, "{url}");
        }
        assert_eq!(
            year_month_from_url("https://x.test/2016/07/story"),
            Some((2016, 7))
        );
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(17_000), (2016, 7, 18));
        assert_eq!(days_from_civil(2016, 7, 18), 17_000);
        assert_eq!(
            days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28),
            2
        );
    }
}
