//! Dates written as a line of their own in text mode: "15 July 2016", "July 15, 2016",
//! "15. Juli 2016", "15 de julio de 2016", "15 июля 2016", "2016年7月15日", "15.07.2016",
//! and the year-less "Jul 15" of a dateline. The reading itself is the library's one date
//! reader, [`crate::metadata::dates`], shared with HTML extraction.

use crate::metadata::dates::{parse_date_phrase, DayOrder, PhraseDate};

/// A calendar date, possibly without a year.
pub type Date = PhraseDate;

/// Reads a phrase that is a date and nothing else (a time of day after it is allowed).
/// All-numeric dates are read day first, as most of the world writes them, unless only
/// the other order makes sense ("07/15/2016").
pub fn parse_date(phrase: &str) -> Option<Date> {
    let d = parse_date_phrase(phrase, DayOrder::DayFirst)?;
    // Text mode reads dates of the web's time only.
    d.year
        .is_none_or(|y| (1900..=2100).contains(&y))
        .then_some(d)
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
            ("15 تشرين الأول 2016", "2016-10-15"),
            ("2016-07-15", "2016-07-15"),
            ("15.07.2016", "2016-07-15"),
            ("07/15/2016", "2016-07-15"),
            ("15 July 2016 14:35", "2016-07-15"),
            ("Jul. 15, 2016, 2:35 pm", "2016-07-15"),
            ("Mi. 5. Februar 2020 um 19:00 Uhr", "2020-02-05"),
        ];
        for (s, want) in cases {
            assert_eq!(iso(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn year_less_dates() {
        for s in ["Jul 15", "15 Jul", "Jul. 15th", "15. Juli"] {
            let d = parse_date(s);
            assert_eq!(
                d.map(|d| (d.year, d.month, d.day)),
                Some((None, 7, 15)),
                "{s}"
            );
            assert_eq!(d.and_then(|d| d.iso()), None);
        }
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
            "31 June",
            "March on Washington",
            "1850-07-15",
            &"9".repeat(100),
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }
}
