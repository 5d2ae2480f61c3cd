//! Date tables: month names per language, the meta keys that carry dates (best first),
//! the class/id words that mark a date element, and the plausible year range.
//!
//! Month names are matched on the lowercased word with a trailing dot removed, so
//! "Sept." and "sept" are one entry. Genitive forms (Polish, Czech, Russian, Finnish …)
//! are listed because that is how a day-month date is written in those languages.

/// Dates before this year are not web publications (the web went public in 1991; news
/// sites followed from 1994).
pub const MIN_YEAR: i32 = 1994;

/// Month names and abbreviations, with their month number.
#[rustfmt::skip]
pub const MONTH_NAMES: &[(&str, u8)] = &[
    // English
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
    ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    // German
    ("januar", 1), ("jänner", 1), ("jaenner", 1), ("februar", 2), ("feber", 2), ("märz", 3),
    ("maerz", 3), ("mär", 3), ("mai", 5), ("juni", 6), ("juli", 7), ("oktober", 10),
    ("dezember", 12), ("okt", 10), ("dez", 12), ("jän", 1),
    // French
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("juin", 6),
    ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10),
    ("novembre", 11), ("décembre", 12), ("decembre", 12), ("janv", 1), ("févr", 2),
    ("fevr", 2), ("avr", 4), ("juil", 7), ("déc", 12),
    // Spanish
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12), ("ene", 1), ("abr", 4), ("ago", 8), ("dic", 12),
    // Italian
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12), ("gen", 1),
    ("mag", 5), ("giu", 6), ("lug", 7), ("set", 9), ("ott", 10),
    // Portuguese
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("marco", 3), ("maio", 5), ("junho", 6),
    ("julho", 7), ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12),
    ("fev", 2), ("out", 10),
    // Dutch
    ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8), ("mrt", 3),
    // Scandinavian
    ("marts", 3), ("maj", 5), ("augusti", 8),
    // Polish (genitive, then nominative)
    ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5),
    ("czerwca", 6), ("lipca", 7), ("sierpnia", 8), ("września", 9), ("października", 10),
    ("listopada", 11), ("grudnia", 12), ("styczeń", 1), ("luty", 2), ("marzec", 3),
    ("kwiecień", 4), ("czerwiec", 6), ("lipiec", 7), ("sierpień", 8), ("wrzesień", 9),
    ("październik", 10), ("listopad", 11), ("grudzień", 12),
    // Czech (genitive)
    ("ledna", 1), ("února", 2), ("března", 3), ("dubna", 4), ("května", 5), ("června", 6),
    ("července", 7), ("srpna", 8), ("září", 9), ("října", 10), ("listopadu", 11),
    ("prosince", 12),
    // Russian (genitive, then nominative)
    ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6),
    ("июля", 7), ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11),
    ("декабря", 12), ("январь", 1), ("февраль", 2), ("март", 3), ("апрель", 4), ("май", 5),
    ("июнь", 6), ("июль", 7), ("август", 8), ("сентябрь", 9), ("октябрь", 10),
    ("ноябрь", 11), ("декабрь", 12),
    // Ukrainian (genitive)
    ("січня", 1), ("лютого", 2), ("березня", 3), ("квітня", 4), ("травня", 5),
    ("червня", 6), ("липня", 7), ("серпня", 8), ("вересня", 9), ("жовтня", 10),
    ("листопада", 11), ("грудня", 12),
    // Turkish
    ("ocak", 1), ("şubat", 2), ("nisan", 4), ("mayıs", 5), ("haziran", 6), ("temmuz", 7),
    ("ağustos", 8), ("eylül", 9), ("ekim", 10), ("kasım", 11), ("aralık", 12),
    // Finnish (partitive)
    ("tammikuuta", 1), ("helmikuuta", 2), ("maaliskuuta", 3), ("huhtikuuta", 4),
    ("toukokuuta", 5), ("kesäkuuta", 6), ("heinäkuuta", 7), ("elokuuta", 8),
    ("syyskuuta", 9), ("lokakuuta", 10), ("marraskuuta", 11), ("joulukuuta", 12),
    // Hungarian
    ("január", 1), ("február", 2), ("március", 3), ("április", 4), ("május", 5),
    ("június", 6), ("július", 7), ("augusztus", 8), ("szeptember", 9), ("október", 10),
    // Indonesian / Malay
    ("maret", 3), ("agustus", 8), ("desember", 12),
    // Romanian
    ("ianuarie", 1), ("februarie", 2), ("martie", 3), ("aprilie", 4), ("iunie", 6),
    ("iulie", 7), ("septembrie", 9), ("octombrie", 10), ("noiembrie", 11),
    ("decembrie", 12),
    // Greek (genitive)
    ("ιανουαρίου", 1), ("φεβρουαρίου", 2), ("μαρτίου", 3), ("απριλίου", 4), ("μαΐου", 5),
    ("ιουνίου", 6), ("ιουλίου", 7), ("αυγούστου", 8), ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10), ("νοεμβρίου", 11), ("δεκεμβρίου", 12),
    // Arabic (Gregorian month names as used in Egypt and the Gulf)
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("مايو", 5),
    ("يونيو", 6), ("يوليو", 7), ("أغسطس", 8), ("اغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10),
    ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
    // Arabic (Levant and Iraq: Syriac month names; two-word names are joined by the reader)
    ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6),
    ("تموز", 7), ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11),
    ("كانون الأول", 12),
];

/// First words of the month names written in two words above.
pub const TWO_WORD_MONTH_OPENERS: &[&str] = &["كانون", "تشرين"];

/// Weekday names that may open a date ("Friday, 15 July 2016", "Mi. 5. Februar 2020").
#[rustfmt::skip]
pub const WEEKDAY_NAMES: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "segunda", "terça", "quarta", "quinta", "sexta", "feira",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
];

/// Words that may follow a date as part of its time of day ("um 14:35 Uhr", "2:35 pm",
/// "15 июля 2016 г.").
pub const TIME_WORDS: &[&str] = &[
    "um", "at", "à", "a", "las", "alle", "ore", "uhr", "h", "am", "pm", "a.m", "p.m", "utc", "gmt",
    "cet", "cest", "est", "edt", "pst", "pdt", "г", "года", "in",
];

/// Small words that may stand between the parts of a written date ("15 de julio de 2016",
/// "the 15th of July", "15th July").
pub const DATE_FILLERS: &[&str] = &[
    "de", "del", "of", "the", "st", "nd", "rd", "th", "er", "eme", "ème", "o", "º", "dia", "den",
    "der", "am", "le", "el", "il", "du", "em",
];

/// Meta keys (lowercased `name`/`property`/`itemprop`/`http-equiv`) that carry the
/// publication date, best first.
pub const PUBLISHED_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "og:published_time",
    "published_time",
    "dc.date.issued",
    "dcterms.issued",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "publication_date",
    "pubdate",
    "date_published",
    "dc.date.published",
    "article.created",
    "cxenseparse:recs:publishtime",
    "rnews:datepublished",
    "displaydate",
];

/// Meta keys that carry some date of the page, often the record's creation or last change
/// in the CMS rather than the story's: weaker than a date shown to readers.
pub const WEAK_DATE_META_KEYS: &[&str] = &[
    "datecreated",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "created",
    "creation_date",
];

/// Meta keys that carry the last-modified date, best first.
pub const MODIFIED_META_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "og:updated_time",
    "article:modified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "modified",
    "updated",
    "article.updated",
    "revised",
    "dateupdate",
];

/// Pieces of a meta key that mark some other publication-like date ("…:uploaded",
/// "release_date"): a last resort when no known key is present.
pub const PUBLISHED_META_KEY_PARTS: &[&str] =
    &["publish", "upload", "release", "pubdate", "issued"];

/// Words that mark a text's date as a copyright or legal notice, not a publication.
pub const NOT_PUBLICATION_WORDS: &[&str] = &["©", "copyright", "(c)", "gegründet", "founded"];

/// Words in a class or id that mark an element holding the publication date.
pub const DATE_CLASS_WORDS: &[&str] = &[
    "date",
    "datum",
    "time",
    "publish",
    "posted",
    "pubdate",
    "fecha",
    "data",
    "meta",
    "byline",
    "dateline",
    "zeit",
    "timestamp",
    "info",
    "entry-meta",
    "post-meta",
    "submitted",
];

/// Words in a class or id that mark the publication date itself (not just some date).
pub const PUBLISHED_CLASS_WORDS: &[&str] = &["publish", "entry-date"];

/// Words in a class or id that mark a date as a modification date, not a publication date.
pub const MODIFIED_CLASS_WORDS: &[&str] = &["updated", "modified", "aktualisiert", "edited"];

/// Labels that announce the publication date in running text ("Veröffentlicht am …").
pub const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "veröffentlicht",
    "erschienen",
    "erscheinungsdatum",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "publicerad",
    "opublikowano",
    "publicación",
    "datum",
    "date",
    "erstellt",
    "geschrieben",
    "eingestellt",
];

/// Labels that announce an update rather than the publication ("Updated May 6, 2019",
/// "Aktualisiert am …"): a date under such a label is the modification date.
pub const MODIFIED_LABELS: &[&str] = &[
    "updated",
    "update:",
    "last edited",
    "last modified",
    "modified",
    "aktualisiert",
    "geändert",
    "editiert",
    "bearbeitet",
    "mis à jour",
    "modifié",
    "actualizado",
    "actualización",
    "aggiornato",
    "ultima modifica",
    "atualizado",
    "bijgewerkt",
    "revision",
];

/// Little words a date label leaves before its date ("Veröffentlicht am …", "Posted on …",
/// "Publié le …", "Pubblicato il …", "Publicado el …"): skipped when a line is read as
/// nothing but dates.
pub const DATE_LINE_FILLERS: &[&str] = &[
    "am", "on", "at", "the", "le", "il", "el", "den", "de", "em", "op", "à", "du", "vom",
];

/// How much of a long paragraph's head is read for a date that opens it as a dateline
/// ("(18.01.2018) Deutschlands Landwirte …"): a date further in is a fact of the story.
pub const PARAGRAPH_HEAD_BYTES: usize = 40;

/// How many words (a place name) may stand before the date that opens a dateline.
pub const DATELINE_PLACE_WORDS: usize = 3;

/// How far above the headline (in document nodes, text and whitespace included) a date
/// still belongs to it: a kicker line over the title ("02.02.2022 10:16 Uhr - 1.
/// Bundesliga") is the story's date line as much as one under it.
pub const HEADLINE_KICKER_NODES: u32 = 24;

/// How many dates shown after the headline are compared with the page's machine-readable
/// dates.
pub const SHOWN_DATES_CHECKED: usize = 30;

/// How many texts after the headline are read for those dates at most.
pub const SHOWN_TEXTS_READ: usize = 200;

/// Hours after midnight UTC in which a timestamp is still the previous day in the
/// Americas from US Central time westward (UTC−6 to UTC−10; the east coast until 04:00),
/// and, mirrored before midnight, already the next day in Asia. Applied only when the
/// page's address names that other day.
pub const UTC_SMALL_HOURS: u8 = 6;

/// At most this many different days among the `<time>` elements marked as publication
/// dates: more, and the marks belong to a list of teasers, not to the article.
pub const MAX_MARKED_DAYS: usize = 2;
