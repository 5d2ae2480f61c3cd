//! Counters of a forum post's furniture: the number beside a like button, the post count
//! and reputation in an author pane, a reply's number. Standing alone on a line ("12
//! likes", "Posts: 1,234", "Reply #7") they count things, they say nothing.

/// Words a counter line counts (lowercase; a line is the word and a number, in either
/// order, and nothing else). "comments" and "answers" are not here: a thread's "3 answers"
/// heads its answers, and the number of comments under a post is part of it.
pub const COUNTER_WORDS: &[&str] = &[
    "like",
    "likes",
    "post",
    "posts",
    "reply",
    "replies",
    "thread",
    "threads",
    "reputation",
    "reaction",
    "reactions",
    "reaction score",
    "messages",
    "points",
    "vote",
    "votes",
    "views",
    "kudos",
    // a product card's or a seller's review count ("80 Reviews", "1 Review")
    "review",
    "reviews",
    "ratings",
];

/// A star rating's label, as a rating widget spells it for screen readers ("4.6 out of 5
/// stars", "1332 reviews with an average rating of 4.5 out of 5 stars"): on a line no
/// longer than [`MAX_RATING_LINE_BYTES`] with a number, it is the widget, not a sentence.
pub const RATING_SCALES: &[&str] = &["out of 5 stars", "out of five stars"];

/// A rating widget's label is never longer than this (bytes).
pub const MAX_RATING_LINE_BYTES: usize = 80;
