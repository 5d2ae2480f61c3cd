//! Metadata tables: which meta keys carry which field (best first), how titles glue on
//! the site name, how bylines are written, which "authors" are not people, and the news
//! agencies a dateline credits.

/// Schema.org types (lowercase) that make the page a discussion: a forum thread or a
/// question with its answers, where the replies are the page's content. Read from
/// JSON-LD `@type` and from microdata `itemtype` URLs.
pub const DISCUSSION_TYPES: &[&str] = &["discussionforumposting", "qapage"];

/// Meta keys for the headline, best first.
pub const TITLE_META_KEYS: &[&str] = &[
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "citation_title",
    "parsely-title",
    "sailthru.title",
    "headline",
    "title",
];

/// Meta keys that name the author(s), best first.
pub const AUTHOR_META_KEYS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "byline",
    "article.author",
    "book:author",
    "twitter:data1",
];

/// Meta keys for the main image, best first.
pub const IMAGE_META_KEYS: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "thumbnail",
    "thumbnailurl",
    "image",
];

/// Meta keys for the publisher's name, best first.
pub const SITE_NAME_META_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
    "al:android:app_name",
    "al:ios:app_name",
    "dc.publisher",
    "dcterms.publisher",
    "publisher",
    "citation_publisher",
];

/// Meta keys for the summary, best first.
pub const DESCRIPTION_META_KEYS: &[&str] = &[
    "description",
    "og:description",
    "twitter:description",
    "dc.description",
    "dcterms.description",
];

/// Meta keys whose values are tags or keywords (every occurrence counts).
pub const TAG_META_KEYS: &[&str] = &["article:tag", "og:article:tag", "keywords", "news_keywords"];

/// Meta keys that declare the content language.
pub const LANGUAGE_META_KEYS: &[&str] = &[
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
    "og:locale",
    "inlanguage",
];

/// Separators between a headline and the site or section name in a `<title>`, most
/// telling first.
pub const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " › ", " ‹ ", " · ", " • ", " / ", " ~ ",
    " : ", "|", ": ", " _", "_", " – ", "｜", "－", " -", "- ",
];

/// Words in a class, id or `rel` that mark a byline element.
pub const BYLINE_CLASS_WORDS: &[&str] = &[
    "byline",
    "author",
    "autor",
    "auteur",
    "autore",
    "writer",
    "by-line",
    "creator",
    "vcard",
    "contributor",
    "reporter",
    "journalist",
];

/// Words in a class or id that mark an element whose authors are not the article's (comments,
/// related stories, author bios that list other people).
pub const NOT_BYLINE_CLASS_WORDS: &[&str] = &[
    "comment",
    "related",
    "avatar",
    "reply",
    "respond",
    "share",
    "social",
    "widget",
    "sidebar",
    "footer",
    "authorbox",
    "author-box",
    "author-bio",
    "about-author",
    "recommend",
    "more-from",
];

/// Of [`NOT_BYLINE_CLASS_WORDS`], those naming a comment thread: a container named so stays
/// foreign even when it holds the page's `<h1>` (a forum wraps the thread's title with its
/// posts).
pub const THREAD_CLASS_WORDS: &[&str] = &["comment", "reply", "respond"];

/// Words that introduce a byline, lowercased, longest first where they overlap.
pub const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "post by",
    "articles by",
    "view all posts by",
    "all posts by",
    "more about",
    "erstellt von",
    "artikel von",
    "beitrag von",
    "alle beiträge von",
    "zeige alle beiträge von",
    "alle artikel von",
    "auteur:",
    "autore:",
    "autorenseite von",
    "interview:",
    "posted by",
    "published by",
    "story by",
    "words by",
    "reporting by",
    "geschrieben von",
    "verfasst von",
    "ein beitrag von",
    "ein artikel von",
    "text von",
    "autor:",
    "autorin:",
    "author:",
    "authors:",
    "by:",
    "von:",
    "text:",
    "texte:",
    "por:",
    "by",
    "von",
    "vom",
    "par",
    "por",
    "di",
    "da",
    "door",
    "av",
    "de",
    "autor",
    "autorin",
    "author",
    "text",
    "from",
    "y",
    "and",
    "und",
];

/// Words that join several authors in a byline.
pub const AUTHOR_JOINERS: &[&str] = &[
    " and ", " und ", " et ", " y ", " e ", " en ", " og ", " och ", " i ", " & ", " ＆ ",
    " with ", " mit ",
];

/// Names that are not people: roles, teams, desks, placeholders (lowercased, whole name).
pub const NOT_AUTHOR_NAMES: &[&str] = &[
    "staff",
    "admin",
    "administrator",
    "editor",
    "editors",
    "editorial",
    "editorial staff",
    "editorial team",
    "redaktion",
    "die redaktion",
    "red",
    "redaction",
    "rédaction",
    "redacción",
    "redazione",
    "newsroom",
    "news desk",
    "web desk",
    "desk",
    "team",
    "staff writer",
    "staff reporter",
    "guest",
    "guest author",
    "anonymous",
    "unknown",
    "user",
    "webmaster",
    "email the author",
    "email",
    "contact",
    "follow",
    "twitter",
    "facebook",
    "more",
    "by",
    "author",
    "authors",
    "autor",
    "posted",
    "published",
    "updated",
    "share",
    "comments",
    "default",
    "null",
    "none",
    "undefined",
    "wordpress",
    "root",
    "support",
    "no author",
    "last",
    "date",
    "datum",
    "stand",
    "zeige alle artikel",
    "alle artikel",
    "view all posts",
];

/// Words after which a byline runs on into its date ("Sara Muster Stand 3.5.", "Jane Doe on
/// Friday", "Anna am Samstag", "Team vor 3 Tagen"): the name ends before them.
pub const AUTHOR_DATE_LEADS: &[&str] = &[
    "on",
    "updated",
    "published",
    "posted",
    "am",
    "um",
    "vor",
    "stand",
    "aktualisiert",
    "veröffentlicht",
];

/// Words that, inside a name, betray a role or an organisation rather than a person.
pub const NOT_AUTHOR_WORDS: &[&str] = &[
    "staff",
    "redaktion",
    "newsroom",
    "agency",
    "press",
    "news",
    "media",
    "online",
    "magazine",
    "gmbh",
    "inc",
    "ltd",
    "llc",
    "team",
    "editors",
    "comments",
    "comment",
    "reply",
    "posted",
    "published",
    "updated",
    "share",
    "follow",
    "http",
    "www",
    "read",
];

/// News agencies a dateline may credit (lowercased); any short capitalised name in the
/// parentheses is accepted too, these lift the doubt for lowercase or long forms.
pub const NEWS_AGENCIES: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "dpa",
    "upi",
    "efe",
    "ansa",
    "apa",
    "sda",
    "kna",
    "epd",
    "kyodo",
    "yonhap",
    "xinhua",
    "tass",
    "ria novosti",
    "interfax",
    "pti",
    "ians",
    "ani",
    "bloomberg",
    "prensa latina",
    "europa press",
    "associated press",
    "agence france-presse",
    "anadolu",
    "bernama",
    "antara",
    "pap",
    "ctk",
    "mti",
    "belga",
    "anp",
    "tt",
    "ntb",
    "ritzau",
    "stt",
    "cna",
    "aa",
    "wafa",
    "mena",
    "irna",
    "sana",
    "kuna",
    "wam",
    "spa",
    "qna",
    "bna",
    "ips",
];

/// Title separators after which a short unknown part is not taken for the site name
/// (they also join a headline's own parts: "Spider-Man: Homecoming").
pub const TITLE_INNER_SEPARATORS: &[&str] = &[" : ", ": ", " / ", " -", "- ", "－"];

/// Path segments of a link to an author's page ("/author/jane-doe/").
pub const AUTHOR_PATH_SEGMENTS: &[&str] = &[
    "/author/",
    "/autor/",
    "/authors/",
    "/autoren/",
    "/auteur/",
    "/autore/",
];

/// Degrees and credentials written after a name ("Jane Doe, MD, PhD"): not names of their own.
pub const NAME_CREDENTIALS: &[&str] = &[
    "md", "phd", "ph.d", "ph.d.", "rd", "ms", "msc", "ma", "mba", "rn", "do", "dds", "jd", "cpa",
    "cfa", "cfp", "esq", "jr", "jr.", "sr", "sr.", "ii", "iii", "bsc", "ba", "fand", "ldn", "cdn",
    "lpc", "lcsw", "np", "pa-c", "facp", "dr", "prof",
];

/// Separators between a site's name and the tagline glued onto it in `og:site_name`
/// ("Daily Planet - News you can use").
pub const SITE_TAGLINE_SEPARATORS: &[&str] = &["-", "–", "—", "|", ":", "·", "•"];

/// Legal forms a publisher's name may carry ("Spiceworks Inc"): not part of the name
/// readers know.
pub const LEGAL_FORMS: &[&str] = &[
    "inc",
    "inc.",
    "llc",
    "ltd",
    "ltd.",
    "limited",
    "corp",
    "corp.",
    "gmbh",
    "ag",
    "sa",
    "s.a.",
    "srl",
    "s.r.l.",
    "plc",
    "bv",
    "b.v.",
    "oy",
    "ab",
    "as",
    "kg",
    "gmbh & co. kg",
];
