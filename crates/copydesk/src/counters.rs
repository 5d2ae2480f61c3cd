//! Counter lines: a line that is a number and the word it counts ("12 likes", "Posts:
//! 1,234", "Reply #7") is a post's furniture, not its text (words in
//! [`crate::rules::counters`]).

use crate::rules::counters::{COUNTER_WORDS, MAX_RATING_LINE_BYTES, RATING_SCALES};

/// A line longer than this (bytes) is never a counter.
const MAX_COUNTER_BYTES: usize = 40;

/// Whether `line` is a counter: a number and a counted word, in either order, with an
/// optional colon or `#` between.
pub fn is_counter(line: &str) -> bool {
    let line = line.trim();
    if line.len() > MAX_COUNTER_BYTES || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = line.to_lowercase();
    let word_end = lower
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(lower.len());
    let number_end = lower
        .find(|c: char| c.is_alphabetic())
        .unwrap_or(lower.len());
    if word_end > 0 {
        // "posts: 1,234", "reply #7", "views 3.2k"
        let (word, number) = lower.split_at(word_end);
        counts(word.trim_end_matches([' ', ':', '#'])) && is_number(number)
    } else {
        // "12 likes", "1.2k views"
        let (number, word) = lower.split_at(number_end);
        let (number, word) = match word.strip_prefix('k').or_else(|| word.strip_prefix('m')) {
            Some(rest) if rest.starts_with(' ') => (number, rest),
            _ => (number, word),
        };
        is_number(number) && counts(word)
    }
}

/// Whether `line` is a star rating's label ("4.6 out of 5 stars", "Rated 5 out of 5
/// stars"): short, with a number before a rating scale.
pub fn is_rating(line: &str) -> bool {
    let line = line.trim();
    if line.len() > MAX_RATING_LINE_BYTES {
        return false;
    }
    let lower = line.to_lowercase();
    RATING_SCALES.iter().any(|scale| {
        lower
            .split_once(scale)
            .is_some_and(|(before, _)| before.bytes().any(|b| b.is_ascii_digit()))
    })
}

fn counts(word: &str) -> bool {
    COUNTER_WORDS.contains(&word.trim())
}

/// Digits with thousands separators or a decimal point, and an optional `k`/`m`.
fn is_number(text: &str) -> bool {
    let text = text.trim();
    let digits = text.trim_end_matches(['k', 'm']);
    !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '\u{a0}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_alone_on_a_line_are_counters() {
        for line in [
            "12 likes",
            "1 Like",
            "Posts: 1,234",
            "Reply #7",
            "Reputation: 56",
            "3.2k views",
            "Threads: 12",
            "80 Reviews",
            "1 Review",
        ] {
            assert!(is_counter(line), "{line}");
        }
    }

    #[test]
    fn sentences_and_other_counts_are_not() {
        for line in [
            "I like 12 of them",
            "3 answers",
            "12 comments",
            "Posts",
            "likes",
            "2 posts in this thread were helpful to me",
            "Version 2.1",
            "likes: many",
            "Reviews",
            "2 reviews of the new album were glowing",
        ] {
            assert!(!is_counter(line), "{line}");
        }
    }

    #[test]
    fn star_widget_labels_are_ratings() {
        assert!(is_rating("4.6 out of 5 stars"));
        assert!(is_rating(
            "1332 reviews with an average rating of 4.5 out of 5 stars"
        ));
        assert!(!is_rating("out of 5 stars"));
        assert!(!is_rating(
            "The critics gave the film 4 out of 5 stars, and the audience at the festival \
             cheered for ten minutes."
        ));
    }
}
