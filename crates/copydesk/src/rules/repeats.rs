//! Text mode's repeated structures around a story: the shape of a teaser item (a headline,
//! a one-paragraph summary, a date or a "Read more" under it) and of a comment's header (a
//! name, "March 10, 2017 at 12:20 AM", "2 years ago", "John says:"). The logic that reads
//! them is [`crate::textmode::repeats`].

/// A teaser's headline has at least this many words ("Bridge closed after flood") …
pub const MIN_HEADLINE_WORDS: usize = 3;
/// … and at most this many: a longer line without a sentence ending is a paragraph cut
/// short, not a headline.
pub const MAX_HEADLINE_WORDS: usize = 20;
/// A teaser's summary is a short paragraph: at least this many words …
pub const MIN_SUMMARY_WORDS: usize = 8;
/// … and at most this many (one or two sentences).
pub const MAX_SUMMARY_WORDS: usize = 60;
/// Paragraphs under one headline in a teaser item; three or more make a story's section.
pub const MAX_SUMMARY_LINES: usize = 2;
/// Lines of furniture (a date, an author, "Read more") a teaser item may carry below its
/// summary, and between its headline and summary.
pub const MAX_ITEM_FURNITURE_LINES: usize = 2;
/// Lines that may stand between one teaser item and the next (a category badge, an image
/// caption) for the two to belong to one list.
pub const MAX_LINES_BETWEEN_ITEMS: usize = 2;
/// Items it takes to make a list of teasers: two headlines with a paragraph each are as
/// often a story's two sections.
pub const MIN_TEASER_ITEMS: usize = 3;
/// A line of furniture holding a date or a time has at most this many words ("By Jane Doe ·
/// March 3, 2019 · 4 min read").
pub const MAX_DATE_LINE_WORDS: usize = 12;

/// The marks that end a summary the site cut short ("… a way…", "the best one...").
pub const TRUNCATION_MARKS: &[&str] = &["…", "..."];

/// Prefixes of the items of a story's own lists — numbered steps and ranks ("3. Mix the
/// flour", "40) Load tester"), the questions and answers of an interview ("Q:", "F:",
/// "P:", "В:") — which are never teaser headlines.
pub const OWN_ITEM_PREFIXES: &[&str] = &[
    "Q:", "A:", "Q.", "A.", "F:", "P:", "R:", "В:", "О:", "问：", "答：", "問：",
];

/// A comment's header has at most this many words ("Jane Doe · March 10, 2017 at 12:20 AM").
pub const MAX_COMMENT_HEADER_WORDS: usize = 12;
/// A comment's header is followed by the comment's prose within this many lines (the name,
/// the date, "Reply" may come in any order).
pub const MAX_LINES_HEADER_TO_COMMENT: usize = 4;
/// Consecutive comment headers stand at most this many lines apart (a long comment is a
/// few paragraphs, a reply button and a like counter).
pub const MAX_LINES_BETWEEN_COMMENTS: usize = 15;
/// Lines below the last header that may still be its comment.
pub const MAX_LAST_COMMENT_LINES: usize = 7;
/// Comments it takes to make a thread.
pub const MIN_THREAD_COMMENTS: usize = 3;
/// Of them, this many must carry a date or an age ("2 years ago"): "Jane wrote:" alone is
/// how an essay quotes its readers too.
pub const MIN_DATED_COMMENTS: usize = 2;

/// Endings of a comment's signature line (lowercase): "John says:", "Anna schrieb:".
pub const COMMENT_SIGNATURE_ENDINGS: &[&str] = &[
    " says:",
    " said:",
    " wrote:",
    " writes:",
    " schrieb:",
    " sagt:",
    " meint:",
    " a écrit :",
    " a écrit:",
    " dit :",
    " dice:",
    " escribió:",
    " disse:",
    " escreveu:",
    " ha scritto:",
    " scrive:",
    " пишет:",
    " написал:",
    " написала:",
];

/// Units of a comment's age ("2 years ago", "vor 3 Tagen", "il y a 5 heures", "hace 2
/// días"), lowercase, singular and plural.
pub const AGE_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "sekunde",
    "sekunden",
    "minute",
    "minuten",
    "stunde",
    "stunden",
    "tag",
    "tagen",
    "woche",
    "wochen",
    "monat",
    "monaten",
    "jahr",
    "jahren",
    "seconde",
    "secondes",
    "heure",
    "heures",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "mois",
    "an",
    "ans",
    "segundo",
    "segundos",
    "minuto",
    "minutos",
    "hora",
    "horas",
    "día",
    "días",
    "dia",
    "dias",
    "semana",
    "semanas",
    "mes",
    "meses",
    "año",
    "años",
    "ano",
    "anos",
    "minuti",
    "ore",
    "giorno",
    "giorni",
    "settimana",
    "settimane",
    "mese",
    "mesi",
    "anno",
    "anni",
];

/// Words that mark an age as past, before or after the number and unit ("2 years ago",
/// "vor 2 Jahren", "il y a 2 ans", "hace 2 años", "há 2 anos", "2 anni fa").
pub const AGE_MARKERS: &[&str] = &["ago", "vor", "il y a", "hace", "há", "fa"];

/// An age without a number ("a day ago", "il y a une heure") has at most this many words.
pub const MAX_WORDLESS_AGE_WORDS: usize = 5;

/// Words of a time of day after a number ("12:20 AM", "9 pm", "14.30 Uhr").
pub const TIME_OF_DAY_WORDS: &[&str] = &["am", "pm", "a.m.", "p.m.", "uhr", "h"];
