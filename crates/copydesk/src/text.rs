//! Small text utilities shared by the stages: whitespace folding, word and punctuation counts.

/// Collapses runs of whitespace to one space and trims the ends.
pub fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Number of words: runs of alphanumeric characters; CJK characters count one word each.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        if is_cjk(c) {
            n += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                n += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    n
}

/// Whether `c` is a Han, Hiragana, Katakana or Hangul character (scripts written without spaces).
#[inline]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

/// Whether the string ends like a sentence (., !, ?, …, CJK and Arabic stops, closing quotes after them).
pub fn ends_like_sentence(s: &str) -> bool {
    // Closing quotes and brackets after the stop: English ” ’, German “ ‘ (after „ ‚),
    // French/Russian », Japanese 」 』 and full-width ）.
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’“‘»)]」』）".contains(c));
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', ':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_fold() {
        assert_eq!(normalize_space("  a \n\t b  "), "a b");
    }

    #[test]
    fn words_count() {
        assert_eq!(word_count("Hello, world! It's 2016."), 5);
        assert_eq!(word_count("日本語 text"), 4);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_like_sentence("He said so.”"));
        assert!(ends_like_sentence("– „Ok.“"));
        assert!(ends_like_sentence("「そうです。」"));
        assert!(!ends_like_sentence("Read more"));
    }
}
