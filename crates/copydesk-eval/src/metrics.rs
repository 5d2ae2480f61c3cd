//! The metrics of the datasets README, per page: shingle and word overlap with a gold body,
//! `with`/`without` snippets, and metadata equality. Aggregation over pages lives in `report`.
//!
//! Tokens are runs of Unicode word characters — `\w` as UTS #18 Annex C defines it (letters,
//! marks, decimal digits, connector punctuation, join controls), the same class the `regex`
//! crate uses. A run of Han or kana characters without spaces is therefore one token.

use std::collections::HashMap;
use std::ops::Range;

/// Words per shingle.
pub const SHINGLE_SIZE: usize = 4;

/// Whether `c` is a Unicode word character (`\w`).
pub fn is_word_char(c: char) -> bool {
    // The `unicode-perl` feature (on by default) provides the table, so this never fails;
    // should it ever be missing, ASCII word characters are a safe fallback.
    regex_syntax::try_is_word_character(c).unwrap_or(c.is_ascii_alphanumeric() || c == '_')
}

/// Byte ranges of the `\w+` runs of `text`, in order.
pub fn token_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                spans.push(from..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        spans.push(from..text.len());
    }
    spans
}

/// The `\w+` runs of `text`, case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    token_spans(text)
        .into_iter()
        .filter_map(|span| text.get(span))
        .collect()
}

/// Start indices and lengths of the shingles of a sequence of `len` tokens: overlapping runs of
/// [`SHINGLE_SIZE`]; a text of 1–3 tokens gives one shorter shingle, an empty text none.
pub fn shingle_windows(len: usize) -> impl Iterator<Item = Range<usize>> {
    let (count, width) = match len {
        0 => (0, 0),
        n if n < SHINGLE_SIZE => (1, n),
        n => (n - SHINGLE_SIZE + 1, SHINGLE_SIZE),
    };
    (0..count).map(move |start| start..start + width)
}

/// The multiset of shingles of a token sequence.
pub fn shingle_counts<'t>(tokens: &'t [&'t str]) -> HashMap<&'t [&'t str], u32> {
    let mut counts = HashMap::new();
    for window in shingle_windows(tokens.len()) {
        if let Some(shingle) = tokens.get(window) {
            *counts.entry(shingle).or_insert(0) += 1;
        }
    }
    counts
}

/// Shingle overlap of one prediction with its gold body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShingleScore {
    /// Shingles in both (multiset intersection).
    pub true_pos: u64,
    /// Shingles of the prediction in excess of the gold's.
    pub false_pos: u64,
    /// Shingles of the gold in excess of the prediction's.
    pub false_neg: u64,
    /// Whether the prediction's token sequence equals the gold's.
    pub exact: bool,
}

impl ShingleScore {
    /// Whether the prediction had no tokens at all.
    pub fn prediction_empty(&self) -> bool {
        self.true_pos + self.false_pos == 0
    }

    /// tp/(tp+fp); `None` for an empty prediction (left out of the precision mean).
    pub fn precision(&self) -> Option<f64> {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    /// tp/(tp+fn); a gold with no tokens has nothing to recall, so its recall is 1.
    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg).unwrap_or(1.0)
    }

    /// This page's own F1 (an empty prediction scores 0): used to rank pages, not averaged.
    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision().unwrap_or(0.0), self.recall())
    }
}

/// Compares the shingle multisets of `gold` and `prediction`.
pub fn shingle_score(gold: &str, prediction: &str) -> ShingleScore {
    let gold_tokens = tokens(gold);
    let predicted_tokens = tokens(prediction);
    let gold_counts = shingle_counts(&gold_tokens);
    let predicted_counts = shingle_counts(&predicted_tokens);
    let mut score = ShingleScore {
        exact: gold_tokens == predicted_tokens,
        ..ShingleScore::default()
    };
    for (shingle, &in_gold) in &gold_counts {
        let in_prediction = predicted_counts.get(shingle).copied().unwrap_or(0);
        score.true_pos += u64::from(in_gold.min(in_prediction));
        score.false_neg += u64::from(in_gold.saturating_sub(in_prediction));
    }
    for (shingle, &in_prediction) in &predicted_counts {
        let in_gold = gold_counts.get(shingle).copied().unwrap_or(0);
        score.false_pos += u64::from(in_prediction.saturating_sub(in_gold));
    }
    score
}

/// Word F1 of one page: lowercased `\w+` bags of words, 2·tp / (|gold| + |prediction|).
/// Two empty texts agree perfectly (1); one empty against a non-empty one scores 0.
pub fn word_f1(gold: &str, prediction: &str) -> f64 {
    let gold_bag = word_bag(gold);
    let predicted_bag = word_bag(prediction);
    let gold_total: u64 = gold_bag.values().map(|&n| u64::from(n)).sum();
    let predicted_total: u64 = predicted_bag.values().map(|&n| u64::from(n)).sum();
    if gold_total + predicted_total == 0 {
        return 1.0;
    }
    let overlap: u64 = gold_bag
        .iter()
        .map(|(word, &n)| u64::from(n.min(predicted_bag.get(word).copied().unwrap_or(0))))
        .sum();
    2.0 * overlap as f64 / (gold_total + predicted_total) as f64
}

fn word_bag(text: &str) -> HashMap<String, u32> {
    let mut bag = HashMap::new();
    for token in tokens(text) {
        *bag.entry(token.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// Collapses every run of whitespace to one space and trims the ends.
pub fn normalize_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Snippet outcomes, counted per snippet (pooled over pages by adding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SnippetCounts {
    /// `with` snippets found in the output.
    pub true_pos: u64,
    /// `without` snippets found in the output.
    pub false_pos: u64,
    /// `with` snippets missing from the output.
    pub false_neg: u64,
    /// `without` snippets missing from the output.
    pub true_neg: u64,
}

impl SnippetCounts {
    pub fn total(&self) -> u64 {
        self.true_pos + self.false_pos + self.false_neg + self.true_neg
    }

    pub fn add(&mut self, other: &SnippetCounts) {
        self.true_pos += other.true_pos;
        self.false_pos += other.false_pos;
        self.false_neg += other.false_neg;
        self.true_neg += other.true_neg;
    }

    pub fn precision(&self) -> Option<f64> {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    pub fn recall(&self) -> Option<f64> {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }

    /// 2tp / (2tp + fp + fn): the harmonic mean of precision and recall where both exist,
    /// and 0 when nothing was found but something was missed or leaked.
    pub fn f1(&self) -> Option<f64> {
        ratio(
            2 * self.true_pos,
            2 * self.true_pos + self.false_pos + self.false_neg,
        )
    }

    /// (tp + tn) / all snippets.
    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.true_pos + self.true_neg, self.total())
    }
}

/// Scores the `with` and `without` snippets of one page against an output. Whitespace is
/// normalised on both sides; a snippet that is empty after that is skipped (it would be
/// "found" in any output).
pub fn snippet_counts(with: &[String], without: &[String], prediction: &str) -> SnippetCounts {
    let output = normalize_whitespace(prediction);
    let mut counts = SnippetCounts::default();
    for snippet in with {
        match found(snippet, &output) {
            Some(true) => counts.true_pos += 1,
            Some(false) => counts.false_neg += 1,
            None => {}
        }
    }
    for snippet in without {
        match found(snippet, &output) {
            Some(true) => counts.false_pos += 1,
            Some(false) => counts.true_neg += 1,
            None => {}
        }
    }
    counts
}

/// Whether the snippets (`with` then `without`, in that order) are found in `prediction`;
/// `None` for a snippet that is empty after whitespace normalisation.
pub fn snippet_hits<'s>(snippets: &'s [String], prediction: &str) -> Vec<(&'s str, bool)> {
    let output = normalize_whitespace(prediction);
    snippets
        .iter()
        .filter_map(|snippet| Some((snippet.as_str(), found(snippet, &output)?)))
        .collect()
}

fn found(snippet: &str, normalized_output: &str) -> Option<bool> {
    let needle = normalize_whitespace(snippet);
    if needle.is_empty() {
        None
    } else {
        Some(normalized_output.contains(&needle))
    }
}

/// Case- and whitespace-insensitive form of a short field (title, site name, author).
pub fn normalize_field(text: &str) -> String {
    normalize_whitespace(&text.to_lowercase())
}

/// Title equality after case/whitespace normalisation; a missing prediction is wrong.
pub fn title_matches(gold: &str, predicted: Option<&str>) -> bool {
    predicted.is_some_and(|p| normalize_field(p) == normalize_field(gold))
}

/// Site name equality, normalised like a title.
pub fn site_name_matches(gold: &str, predicted: Option<&str>) -> bool {
    title_matches(gold, predicted)
}

/// Date equality to the day: the first 10 characters (YYYY-MM-DD) of the ISO dates.
pub fn date_matches(gold: &str, predicted: Option<&str>) -> bool {
    let day = |date: &str| date.trim().chars().take(10).collect::<String>();
    predicted.is_some_and(|p| {
        let gold_day = day(gold);
        !gold_day.is_empty() && day(p) == gold_day
    })
}

/// Authors equal as sets of normalised names. A `;` separates names inside one string (it
/// never occurs within a name), so "A; B" and ["A", "B"] agree.
pub fn authors_match(gold: &[String], predicted: Option<&[String]>) -> bool {
    predicted.is_some_and(|p| !p.is_empty() && author_set(p) == author_set(gold))
}

fn author_set(names: &[String]) -> std::collections::BTreeSet<String> {
    names
        .iter()
        .flat_map(|name| name.split(';'))
        .map(normalize_field)
        .filter(|name| !name.is_empty())
        .collect()
}

/// Language equality on the primary subtag, case-insensitive ("en-GB" matches "en_us").
pub fn lang_matches(gold: &str, predicted: Option<&str>) -> bool {
    let primary = |tag: &str| {
        tag.trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    predicted.is_some_and(|p| {
        let gold_primary = primary(gold);
        !gold_primary.is_empty() && primary(p) == gold_primary
    })
}

/// `numerator / denominator`, `None` when the denominator is 0.
pub fn ratio(numerator: u64, denominator: u64) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// 2PR/(P+R), 0 when both are 0.
pub fn harmonic_mean(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tokens_are_unicode_word_runs_with_case_kept() {
        assert_eq!(
            tokens("Hello, wörld! it's 2024_Q1 — ok"),
            ["Hello", "wörld", "it", "s", "2024_Q1", "ok"]
        );
        assert!(tokens("  ... — !!").is_empty());
        assert!(tokens("").is_empty());
    }

    #[test]
    fn cjk_runs_are_word_characters() {
        // Han characters are word characters; the ideographic comma and full stop are not.
        assert_eq!(tokens("中文测试，第二句。"), ["中文测试", "第二句"]);
        assert_eq!(tokens("東京タワー"), ["東京タワー"]);
        // Combining marks belong to the word (Devanagari vowel sign).
        assert_eq!(tokens("हिन्दी भाषा"), ["हिन्दी", "भाषा"]);
    }

    #[test]
    fn shingle_windows_cover_short_and_long_texts() {
        assert_eq!(shingle_windows(0).count(), 0);
        let single = |len: usize| {
            let windows: Vec<_> = shingle_windows(len).collect();
            assert_eq!(windows.len(), 1);
            windows[0].clone()
        };
        assert_eq!(single(1), 0..1);
        assert_eq!(single(3), 0..3);
        assert_eq!(single(4), 0..4);
        assert_eq!(shingle_windows(6).collect::<Vec<_>>(), [0..4, 1..5, 2..6]);
    }

    #[test]
    fn shingle_score_counts_multisets() {
        // gold: a b c d e → {abcd, bcde}; prediction: a b c d x a b c d → {abcd×2, bcdx, cdxa,
        // dxab, xabc}. tp = 1 (abcd), fp = 1 (second abcd) + 4 = 5, fn = 1 (bcde).
        let score = shingle_score("a b c d e", "a b c d x a b c d");
        assert_eq!(
            (score.true_pos, score.false_pos, score.false_neg),
            (1, 5, 1)
        );
        assert_eq!(score.precision(), Some(1.0 / 6.0));
        assert_eq!(score.recall(), 0.5);
        assert!(!score.exact);
    }

    #[test]
    fn shingle_score_of_identical_token_sequences_is_exact() {
        let score = shingle_score("One, two three four five.", "One two\nthree four five");
        assert_eq!(
            (score.true_pos, score.false_pos, score.false_neg),
            (2, 0, 0)
        );
        assert!(score.exact);
        assert_eq!(score.f1(), 1.0);
    }

    #[test]
    fn short_texts_give_one_shorter_shingle() {
        // 1, 2 and 3 tokens: one shingle each, so an equal text is a full match…
        for text in ["alpha", "alpha beta", "alpha beta gamma"] {
            let score = shingle_score(text, text);
            assert_eq!(
                (score.true_pos, score.false_pos, score.false_neg),
                (1, 0, 0)
            );
        }
        // …and a 2-token prediction against a 3-token gold shares nothing.
        let score = shingle_score("alpha beta gamma", "alpha beta");
        assert_eq!(
            (score.true_pos, score.false_pos, score.false_neg),
            (0, 1, 1)
        );
        // Case is kept: "Alpha" is not "alpha".
        let score = shingle_score("Alpha", "alpha");
        assert_eq!(score.true_pos, 0);
    }

    #[test]
    fn empty_prediction_has_no_precision_and_zero_recall() {
        let score = shingle_score("a b c d e", "  ... ");
        assert!(score.prediction_empty());
        assert_eq!(score.precision(), None);
        assert_eq!(score.recall(), 0.0);
        assert_eq!(score.f1(), 0.0);
        assert_eq!(score.false_neg, 2);
    }

    #[test]
    fn word_f1_is_lowercased_bag_overlap() {
        // gold {the:2, cat, sat, end}, prediction {the, cat, ran}: overlap 2, sizes 5 + 3.
        let f1 = word_f1("The cat sat, the end", "the CAT ran");
        assert!((f1 - 2.0 * 2.0 / 8.0).abs() < 1e-12, "{f1}");
        assert_eq!(word_f1("", ""), 1.0);
        assert_eq!(word_f1("some words", ""), 0.0);
        assert_eq!(word_f1("Straße", "STRASSE"), 0.0);
        assert_eq!(word_f1("ÉTÉ", "été"), 1.0);
    }

    #[test]
    fn snippets_match_after_whitespace_normalisation() {
        let prediction = "First  paragraph\nof the story.\n\nSecond\tone.";
        let counts = snippet_counts(
            &strings(&["paragraph of the", "Second one.", "missing text"]),
            &strings(&["Home | News", "story.  Second", "   "]),
            prediction,
        );
        assert_eq!(
            counts,
            SnippetCounts {
                true_pos: 2,
                false_pos: 1,
                false_neg: 1,
                true_neg: 1
            }
        );
        assert_eq!(counts.precision(), Some(2.0 / 3.0));
        assert_eq!(counts.recall(), Some(2.0 / 3.0));
        assert_eq!(counts.accuracy(), Some(3.0 / 5.0));
        assert_eq!(counts.f1(), Some(2.0 / 3.0));
    }

    #[test]
    fn snippets_against_an_empty_output() {
        let counts = snippet_counts(&strings(&["a"]), &strings(&["b", "c"]), "");
        assert_eq!(counts.true_neg, 2);
        assert_eq!(counts.false_neg, 1);
        assert_eq!(counts.precision(), None);
        assert_eq!(counts.f1(), Some(0.0));
        assert_eq!(SnippetCounts::default().f1(), None);
        assert_eq!(counts.accuracy(), Some(2.0 / 3.0));
    }

    #[test]
    fn metadata_comparisons() {
        assert!(title_matches("The  Big Story", Some("the big\nstory ")));
        assert!(!title_matches("The Big Story", None));
        assert!(!title_matches(
            "The Big Story",
            Some("The Big Story | Site")
        ));
        assert!(date_matches(
            "2019-04-28",
            Some("2019-04-28T06:01:00-07:00")
        ));
        assert!(!date_matches("2019-04-28", Some("2019-04-29")));
        assert!(!date_matches("2019-04-28", None));
        assert!(lang_matches("en-GB", Some("EN_us")));
        assert!(!lang_matches("de", Some("en")));
        assert!(!lang_matches("de", None));
        assert!(authors_match(
            &strings(&["Jane Doe", "John Roe"]),
            Some(&strings(&["john  roe; JANE DOE"]))
        ));
        assert!(!authors_match(
            &strings(&["Jane Doe", "John Roe"]),
            Some(&strings(&["Jane Doe"]))
        ));
        assert!(!authors_match(&strings(&["Jane Doe"]), Some(&[])));
        assert!(!authors_match(&strings(&["Jane Doe"]), None));
    }
}
