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
];
