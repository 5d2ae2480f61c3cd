//! A forum thread's post furniture, as data for [`crate::textmode::forum`]: the marks that
//! show a page is a thread (post numbers, quote attributions) and the notes a forum prints
//! under a post (who reacted to it, when it was last edited).

/// A thread shows at least this many post markers (a post number "#3", a quote's "Jane
/// wrote:"): one or two are a story numbering its points or quoting a reader.
pub const MIN_POST_MARKERS: usize = 3;

/// A post number ("#12", or at the end of a post's header: "Cheatah | Feb 24, 2006 | #5")
/// has at most this many digits: more is an issue or order number.
pub const MAX_POST_NUMBER_DIGITS: usize = 5;

/// A post number alone on its line marks a post when the post's date stands at most this
/// many lines above it (the author pane between them: "Nov 1, 2024" / "#2").
pub const MAX_LINES_DATE_TO_NUMBER: usize = 2;

/// A post's header or a quote's attribution ("On 8/26/2024 at 5:29 PM, ron1cne said:") has
/// at most this many words; a longer line is a sentence that happens to end so.
pub const MAX_MARKER_WORDS: usize = 12;

/// How a forum attributes the quote a reply opens with ("Jane wrote:", "MCH170 said:",
/// "Dark_guyver posted..."), lowercase, at the end of a line.
pub const QUOTE_ATTRIBUTIONS: &[&str] = &[
    " wrote:",
    " said:",
    " posted...",
    " posted:",
    " schrieb:",
    " a écrit :",
    " a écrit:",
    " escribió:",
    " ha scritto:",
    " escreveu:",
    " schreef:",
];

/// Openings (lowercase) of the notes a forum prints under a post: who reacted to it
/// ("Reactions: Bibi Blocksberg and Herr Blocksberg") and when it was last changed ("Last
/// edited by a moderator Oct 6, 2020", "Last edited: Sep 6, 2022"). The line is the note.
pub const POST_NOTE_OPENINGS: &[&str] = &["reactions:", "last edited by", "last edited:"];

/// A post's note is at most this many words (a long list of names who reacted).
pub const MAX_POST_NOTE_WORDS: usize = 30;

/// A post's counter left without its label (likes, messages, reputation: "275", "65,797",
/// "10.2k") has at most this many bytes.
pub const MAX_BARE_COUNT_BYTES: usize = 9;

/// A reply's subject line opens with this ("Re: Turning off all LED of RPi 5"): the forum
/// titles every reply after the thread, and the title says nothing the thread's does not.
pub const REPLY_SUBJECT_OPENING: &str = "re:";

/// A reply's subject line is at most this many words (a thread's title).
pub const MAX_REPLY_SUBJECT_WORDS: usize = 20;

/// The ranks a forum prints in each post's author pane, whole lines (lowercase); the
/// notices' ranks ([`crate::rules::notices::CONTROL_LINES`]: "Senior Member", "Moderator")
/// go on every page, these only on a thread ("Members" is a heading elsewhere).
pub const PANE_RANKS: &[&str] = &[
    "members",
    "established member",
    "prominent member",
    "distinguished member",
    "valued member",
    "original poster",
    "topic author",
    "thread starter",
    "discussion starter",
    "op",
    "author",
    // A field's label whose value stands on the next line ("Location" / "Ohio"): on a
    // thread it is the pane's; the value stays, it may be the post's.
    "location",
    // A post's button.
    "save",
];

/// The labels an author pane shows with their value on the same line, besides the
/// notices' pane labels ([`crate::rules::notices::PANE_LABELS`]: "Registered: 2024-01-27",
/// "Join Date: Aug 2008"): where the author lives ("Location: SIN"). Lowercase.
pub const PANE_FIELD_LABELS: &[&str] = &["location", "from"];

/// A pane field's value is at most this many words ("Nelson-Tasman Region, Tonga, Niue").
pub const MAX_PANE_FIELD_VALUE_WORDS: usize = 6;

/// An author pane's rank or field line is at most this long (bytes).
pub const MAX_PANE_LINE_BYTES: usize = 60;

/// Openings of a Q&A page's stats under the question's title, followed by an age ("Asked
/// 12 years, 1 month ago", "Modified 1 year, 9 months ago", "Active 3 days ago").
pub const QA_STATS_OPENINGS: &[&str] = &["asked ", "modified ", "active "];

/// The views a question counts: "Viewed 376k times".
pub const QA_VIEWS_OPENING: &str = "viewed ";
/// See [`QA_VIEWS_OPENING`].
pub const QA_VIEWS_ENDING: &str = " times";

/// A question's stats line is at most this many words.
pub const MAX_QA_STATS_WORDS: usize = 7;

/// Counted words of an author pane's post count ("Posts: 1,077", "2.8k posts"): three or
/// more such lines mark a thread's posts. Lowercase.
pub const AUTHOR_COUNT_WORDS: &[&str] = &["posts", "messages"];
