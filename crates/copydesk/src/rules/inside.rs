//! Text mode's boilerplate inside a story: an embedded photo gallery ("1/50 United goin
//! down", a caption, an agency credit, "2/50 …") and the text a video player prints into the
//! page ("This is a modal window."); an image's credit on a line of its own ("Photo credit:
//! Jane Doe", "Foto: dpa"); a teaser's summary cut short with its link on the same line
//! ("… you purchased certain items? As it… Read more"). The logic that reads them is
//! [`crate::textmode::inside`].

/// A gallery's counter counts at least this many slides ("1/50"): a product page's carousel
/// of three to six features ("1/5 Mops the floors") is the page's own content, a gallery of
/// dozens of news photos is a widget.
pub const MIN_GALLERY_SLIDES: usize = 10;
/// Counters that must run in order ("1/50", "2/50", "3/50") for the lines to be a gallery
/// rather than a fraction or a score that happens to open a line.
pub const MIN_COUNTERS_IN_ORDER: usize = 3;
/// Lines (blank lines aside) from one slide's counter to the next: the counter with the
/// slide's title, a caption of a paragraph or two, a credit.
pub const MAX_SLIDE_LINES: usize = 6;
/// A gallery embedded mid-story has the story resume under it: a paragraph of at least this
/// many words within [`MAX_LINES_TO_RESUME`] lines of the last slide. A photo story, whose
/// slides are the story, ends in a source line, a "See also" link or the site's teasers.
pub const MIN_RESUMING_PARAGRAPH_WORDS: usize = 25;
/// Lines (blank lines aside) between a gallery's last slide and the story's next paragraph.
pub const MAX_LINES_TO_RESUME: usize = 3;
/// The words between the two numbers of a gallery's counter ("1/50", "1 of 50").
pub const COUNTER_SEPARATORS: &[&str] = &["/", " / ", " of "];

/// The opening sentence of a video player's hidden dialog text (video.js prints it for
/// screen readers; a scraper reads it as a paragraph): the line goes whatever follows.
/// Lowercase; compared with the line's lowercased start.
pub const PLAYER_DIALOG_OPENERS: &[&str] = &[
    "this is a modal window.",
    "beginning of dialog window.",
    "end of dialog window.",
];

/// The labels of an image's credit line ("Photo credit: Jane Doe / Reuters", "Foto: dpa"):
/// the label, a colon, the name. Lowercase, without the colon. "Photo:" and "Image:" are
/// left out: in English they also head a caption that describes the picture.
pub const IMAGE_CREDIT_LABELS: &[&str] = &[
    "photo credit",
    "photo credits",
    "image credit",
    "image credits",
    "picture credit",
    "credit",
    "credits",
    "photo courtesy",
    "photo courtesy of",
    "photos courtesy of",
    "image courtesy",
    "image courtesy of",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "bildquelle",
    "fotocredit",
    "crédito",
    "créditos",
    "crédit photo",
];
/// A credit line names a photographer and an agency or two; a longer line is a caption or
/// a paragraph.
pub const MAX_IMAGE_CREDIT_WORDS: usize = 14;

/// The link under a teaser's summary, read on the summary's own line when the summary was
/// cut short right before it ("… As it… Read more Read more": the link and its hidden
/// label). Compared with the line's end, ASCII case ignored.
pub const READ_MORE_LINKS: &[&str] = &[
    "read more",
    "continue reading",
    "weiterlesen",
    "mehr lesen",
    "lire la suite",
    "leer más",
    "seguir leyendo",
    "leia mais",
    "continua a leggere",
    "leggi tutto",
    "lees meer",
    "czytaj dalej",
];
/// Marks that may follow the link ("Read more »").
pub const LINK_ARROWS: &[char] = &['»', '›', '→', '>'];
/// A cut summary has at least this many words before its ellipsis; a bare "…Read more"
/// is a link of its own, which the phrase tables judge.
pub const MIN_CUT_SUMMARY_WORDS: usize = 5;
