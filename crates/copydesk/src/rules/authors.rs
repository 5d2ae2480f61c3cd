//! Text mode's author box under a story: the writer's name on a line of its own ("Karina
//! Cohen", "Written by Lisa Greene-Lewis", "By Sam O'Brien") over a short biography that
//! opens with the name ("Karina Cohen is the owner of CR Maids …", "Sam is the revenue-focused
//! VP of Marketing at …"). The logic that reads them is [`crate::textmode::author`].
//! English only: the datasets' author boxes in other languages are too few to measure.

/// Words that may lead the name line, folded to lower case, each followed by a space: "By
/// Jane Doe", "Written by Jane Doe", "Author: Jane Doe", "About Jane Doe".
pub const NAME_LEADS: &[&str] = &[
    "about the author:",
    "about the author",
    "written by:",
    "written by",
    "article by",
    "posted by",
    "text by",
    "author:",
    "author",
    "about",
    "by:",
    "by",
];

/// A name has at least this many words (a first name alone is a heading as often) …
pub const MIN_NAME_WORDS: usize = 2;
/// … and at most this many ("Arricca Elin SanSone", "Melissa Dittmann Tracey").
pub const MAX_NAME_WORDS: usize = 4;
/// A name line is at most this many characters, its lead included.
pub const MAX_NAME_LINE_CHARS: usize = 45;

/// First words (lower case) that make a capitalised line a heading, not a name: "The
/// Mission", "Read More", "Get Started", "Our Services".
pub const NOT_A_FIRST_NAME: &[&str] = &[
    "the", "a", "an", "our", "your", "my", "about", "more", "read", "view", "get", "join", "sign",
    "start", "contact", "free", "why", "how", "what", "learn",
];

/// Words (lower case) that may follow the name at the head of a biography: "Jane Doe is …",
/// "Jane joined …", "Jane founded …". A comma or a parenthesis may follow it too ("Mary
/// Henn, MA, MFA, is …", "Eduard Kovacs (@EduardKovacs) is …").
pub const BIO_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "joined",
    "founded",
    "co-founded",
    "leads",
    "writes",
    "lives",
    "covers",
    "specializes",
    "holds",
    "loves",
    "started",
    "works",
    "teaches",
    "serves",
    "brings",
    "helps",
    "began",
    "spent",
    "grew",
];

/// What a biography says its subject is, in its first sentence (lower case words): "… is a
/// content writer at Tastewise", "… is the CEO and Founder of …". A section of a story that
/// opens with a product's or a place's name ("Extension cords are …") names none of these.
pub const BIO_ROLES: &[&str] = &[
    "writer",
    "editor",
    "journalist",
    "reporter",
    "author",
    "contributor",
    "columnist",
    "correspondent",
    "blogger",
    "founder",
    "co-founder",
    "cofounder",
    "ceo",
    "cto",
    "coo",
    "cfo",
    "president",
    "director",
    "manager",
    "expert",
    "specialist",
    "analyst",
    "consultant",
    "engineer",
    "developer",
    "designer",
    "coach",
    "trainer",
    "photographer",
    "marketer",
    "strategist",
    "professor",
    "teacher",
    "researcher",
    "scientist",
    "head",
    "chief",
    "freelance",
    "freelancer",
    "copywriter",
    "producer",
    "host",
    "creator",
    "owner",
    "entrepreneur",
    "lawyer",
    "attorney",
    "physician",
    "doctor",
    "nurse",
    "dietitian",
    "nutritionist",
    "therapist",
    "advisor",
    "adviser",
    "partner",
    "executive",
    "fellow",
    "educator",
    "instructor",
    "economist",
    "architect",
];

/// A biography without a role word still tells of a person: it says "he" or "she" (lower
/// case words).
pub const BIO_PRONOUNS: &[&str] = &["he", "she", "his", "her"];
