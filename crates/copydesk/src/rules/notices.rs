//! Notices and furniture that a page's template prints around its content and that read
//! like a sentence or a count, as data for [`crate::textmode::notices`]: a consent dialog's
//! purposes, a shop's text-message terms, a notice about the reader's browser, a Q&A site's
//! controls, a post's counters and reputation badges.
//!
//! The phrase tables ([`crate::rules::phrases`]) mark lines before the story is found; these
//! drop lines only after every other step, so a notice that reads like a paragraph still
//! counts as prose when the story's first paragraph and its walls are looked for.

/// Wordings that only a template writes; a line holding one (in any ASCII case, up to
/// [`MAX_NOTICE_LINE_BYTES`]) is the notice. Lowercase ASCII.
pub const NOTICE_WORDINGS: &[&str] = &[
    // A forum's prompt under a thread to guests.
    "you need to be a member in order to leave a comment",
    // The reader's browser: outdated, or without a video or audio player (the element's
    // fallback text).
    "you are using an out of date browser",
    "upgrade or use an alternative browser",
    "your browser does not support the video",
    "your browser does not support the audio",
    "your browser does not support video",
    "your browser does not support audio",
    // A government site's banner.
    "an official website of the united states government",
    ".gov website belongs to an official government",
    "safely connected to the .gov website",
    "share sensitive information only on official",
    "secure .gov websites use https",
    "official websites use .gov",
    // A form's and a cart's messages.
    "please fill out this field",
    "no products in the cart",
    "your cart is empty",
    // A forum's search scopes, run together.
    "in this thread in this sub-forum",
    // A form's validation message.
    "please enter a valid email",
    // The purposes a consent dialog lists, in the advertising industry's standard wording.
    "store and/or access information on a device",
    "use limited data to select advertising",
    "profiles for personalised advertising",
    "profiles for personalized advertising",
    "profiles to select personalised",
    "profiles to select personalized",
    "understand audiences through statistics",
    "choices will be signaled to our",
    "and our partners process data",
    "personalised advertising and content, advertising",
    "personalized advertising and content, advertising",
    "advertising and content measurement, audience research",
    "information about your activity on this service",
    "advertising presented to you on this service",
    "content presented to you on this service",
    "information regarding which advertising is presented",
    "if you do not allow these cookies",
    "withdraw your consent at any time",
    "consent at any time by clicking",
    "do not sell or share my personal",
    "do not sell my personal information",
    "use precise geolocation data",
    "actively scan device characteristics",
    "develop and improve services",
    "measure advertising performance",
    "measure content performance",
    "consent at any time",
    "information regarding which content is presented",
    "cookies, device or similar online identifiers",
    "reports can be generated based on the combination",
    "list of iab vendors",
    "object to legitimate interests",
    "partners can use this purpose",
    // A cookie dialog's categories.
    "necessary for the website to function",
    "essential for the website to function",
    "set your browser to block or alert",
    "these cookies are necessary",
    "will not work correctly when cookies are disabled",
    // A sign-up form's terms.
    "you agree to our privacy policy",
    "you agree to our terms",
    "by entering your email",
    "by signing up, you agree to",
    "by submitting this form",
    "you agree to receive",
    "to reset your password",
    "sign up for a new account in our community",
    "you must log in or sign up to post",
    // Skip links run together on one line.
    "skip to main content skip to",
    "skip to footer",
    // A shop's banner.
    "free standard shipping on orders",
    // A shop's product page: its gallery's buttons ("Open media 3 in modal"), a skip link,
    // a variant picker's state, wish-list and favourite buttons with their counts, a
    // review widget's prompts, a newsletter prompt.
    "in modal",
    "skip to product information",
    "variant sold out or unavailable",
    "add to wish list",
    "people have favorited this",
    "be the first to review",
    "report as inappropriate",
    "sign up for our newsletter",
    // A shop's terms for marketing text messages.
    "message and data rates may apply",
    "message & data rates may apply",
    "msg and data rates may apply",
    "msg & data rates may apply",
    "consent is not a condition of",
    "to receive recurring automated",
    // A form's CAPTCHA notice.
    "site is protected by recaptcha",
    // A Q&A site's prompts around a question and its answers.
    "sign up or log in to customize your list",
    "find the answer to your question by asking",
    "see similar questions with these tags",
    "to subscribe to this rss feed",
    "you must log in to answer this question",
    "start here for a quick overview of the site",
    "detailed answers to any questions you might have",
    "discuss the workings and policies of this site",
];

/// A line longer than this (bytes) is never a notice: a notice is one paragraph.
pub const MAX_NOTICE_LINE_BYTES: usize = 640;

/// Whole lines (lowercase, without a trailing ":", "?", "." or "…") that are a forum's or Q&A
/// site's controls and sidebar headings around the posts, or a shop's controls and labels.
pub const CONTROL_LINES: &[&str] = &[
    "sorted by",
    "reset to default",
    "search titles only",
    "forgot your password",
    "hot network questions",
    "more hot questions",
    "explore related questions",
    "featured on meta",
    "question feed",
    "the overflow blog",
    // A shop's product card: its buttons, badges and labels without their values.
    "why you're seeing this ad",
    "why you\u{2019}re seeing this ad",
    "unit price / per",
    "unit price",
    "regular price",
    "sale price",
    "select size",
    "size chart",
    "choose options",
    "select options",
    "view options",
    "view details",
    "more info",
    "notify me when available",
    "in stock",
    "en stock",
    "top rated",
    "qty",
    "apply",
    "sort",
    // A consent dialog's toggles and a sign-up button.
    "always active",
    "remove objection",
    "sign me up",
    // A forum post's author pane: the poster's rank and status, and its links.
    "member",
    "new member",
    "junior member",
    "full member",
    "senior member",
    "active member",
    "well-known member",
    "registered user",
    "moderator",
    "super moderator",
    "administrator",
    "staff member",
    "online",
    "offline",
    "view profile",
    "view forum threads",
    "view forum posts",
    // A post's buttons, run together.
    "reply with quote",
    "link to post",
    "link to comment",
    "report post",
    "report inappropriate content",
    "multi-quote",
    "multiquote",
    "view public profile",
    "code: select all",
    // A forum's or Q&A site's links around the thread.
    "go to topic listing",
    "top posters in this topic",
    "recommended posts",
    "featured replies",
    "register a new account",
    "sign in now",
    "create an account or sign in to comment",
    "scroll to see replies",
    "start a thread",
    "post a reply",
    "topic archived",
    "previous topic",
    "next topic",
    "jump to latest",
    "quick navigation",
    "member control panel",
    "hide announcement",
    "display posts from previous",
    "who's online",
    "ask question",
    "ask a question",
    "your answer",
    "browse more questions",
    "start asking to get answers",
    "current community",
    "your communities",
    "help chat",
    "add to quote",
    "reply quote like",
];

/// The labels of a forum post's author pane, each on its own line with its value (a number
/// or a date) on the next: "Joined" / "Jun 29, 2016", "Messages" / "11", "Reaction score" /
/// "10". Lowercase, without the colon.
pub const PANE_LABELS: &[&str] = &[
    "joined",
    "join date",
    "registered",
    "member since",
    "messages",
    "posts",
    "total posts",
    "reaction score",
    "points",
    "trophy points",
    "likes received",
];

/// A pane value is a number or a date of at most this many words.
pub const MAX_PANE_VALUE_WORDS: usize = 4;

/// What separates the counts of a post's one-line author stats ("1,234 posts · Joined 2015").
pub const STAT_SEPARATORS: &[char] = &['·', '|', '•'];

/// A [`CONTROL_LINES`] line is never longer than this (bytes).
pub const MAX_CONTROL_LINE_BYTES: usize = 40;

/// The badges a Q&A site's author card counts, singular (a plural adds an "s"). A line made
/// of these and numbers only is the card's reputation line ("47.8k 113 gold badges 470
/// silver badges 821 bronze badges").
pub const BADGE_NAMES: &[&str] = &["gold badge", "silver badge", "bronze badge"];

/// A badge line is never longer than this (bytes).
pub const MAX_BADGE_LINE_BYTES: usize = 120;

/// Counted words ([`crate::rules::counters::COUNTER_WORDS`]) whose counter text mode keeps:
/// a shop's or app store's "1,113 ratings" stands beside the item's star rating, which a
/// listing's or product page's own text holds.
pub const COUNTS_KEPT: &[&str] = &["rating", "ratings"];
