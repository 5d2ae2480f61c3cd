//! The line-labelled evaluation of text mode: whole pages rendered to text as a naive
//! scraper would, every line labelled body or boilerplate by the gold, and line filters
//! compared on it — copydesk's text mode against the raw text and the published C4 and
//! Gopher line rules (implemented here from the papers' descriptions).
//!
//! - **Render**: all text under `<body>` except script, style, template, svg, iframe,
//!   select and textarea; block elements, table cells and `<br>` end a line; whitespace
//!   inside a line folds to one space. `<noscript>` text is rendered, as a scraper that runs
//!   no script sees it (BeautifulSoup's `get_text`, a text browser): some platforms (forums
//!   above all) serve their whole text there.
//! - **Labels**: with a gold `body`, a line is body when most of its 4-token shingles occur
//!   in the gold (lines of 1–3 tokens: when they are a whole gold line); every other line
//!   with a token is boilerplate. A line the page repeats is body only as many times as the
//!   gold holds it ([`Labelling::CopiesTheGoldHolds`]): the gold is one cut of the page and
//!   the shingle metric compares multisets, so a second "Overview" (a table of contents above
//!   the story repeating its subheading) is not body because the first is; the copies nearest
//!   to the page's other body lines are the body ones. [`Labelling::EveryCopy`] is the
//!   earlier reading, kept for comparison. With `with`/`without` snippets, a line
//!   holding a `with` snippet is body, one holding a `without` snippet boilerplate, the rest
//!   unlabelled.
//! - **Scores**: line precision/recall pooled over the labelled lines of all pages; shingle
//!   precision/recall/F1 ([`crate::metrics::shingle_score`]) of the kept lines against the
//!   gold body; snippet F1 where snippets are annotated.

use std::collections::{HashMap, HashSet};

use copydesk::decode::decode_html;
use copydesk::dom::{Dom, Edge, NodeData};
use copydesk::parse::{parse_html, ParseLimits};
use copydesk::textmode::{self, Verdict};
use copydesk::Favor;

use crate::metrics::{normalize_whitespace, shingle_score, snippet_counts, tokens, SnippetCounts};
use crate::{Dataset, GoldRecord};

/// Renders the visible text of a parsed page, one block a line.
pub fn visible_text(dom: &Dom) -> String {
    let root = dom.body().unwrap_or(Dom::ROOT);
    let mut out = String::new();
    let mut line = String::new();
    let mut skip_depth: Option<u32> = None;
    let mut traversal = dom.traverse(root);
    for edge in traversal.by_ref() {
        match edge {
            Edge::Open(id) => {
                if skip_depth.is_some() {
                    if dom.element(id).is_some() {
                        skip_depth = skip_depth.map(|d| d + 1);
                    }
                    continue;
                }
                match &dom.node(id).data {
                    NodeData::Text(t) => push_folded(&mut line, t),
                    NodeData::Element(el) => {
                        if is_invisible(el.tag()) {
                            skip_depth = Some(1);
                        } else if is_line_break(el.tag()) {
                            flush(&mut out, &mut line);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(id) => {
                if let Some(d) = skip_depth {
                    if dom.element(id).is_some() {
                        skip_depth = (d > 1).then(|| d - 1);
                    }
                    continue;
                }
                if dom.element(id).is_some_and(|el| is_line_break(el.tag())) {
                    flush(&mut out, &mut line);
                }
            }
        }
    }
    flush(&mut out, &mut line);
    out
}

fn push_folded(line: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        let space_before = i > 0 || text.starts_with(char::is_whitespace);
        if space_before && !line.is_empty() && !line.ends_with(' ') {
            line.push(' ');
        }
        line.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !line.is_empty() && !line.ends_with(' ') {
        line.push(' ');
    }
}

fn flush(out: &mut String, line: &mut String) {
    let t = line.trim();
    if !t.is_empty() {
        out.push_str(t);
        out.push('\n');
    }
    line.clear();
}

fn is_invisible(tag: &str) -> bool {
    matches!(
        tag,
        "script" | "style" | "template" | "svg" | "iframe" | "select" | "textarea" | "head"
    )
}

fn is_line_break(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "br"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "ul"
            | "caption"
            | "center"
            | "frameset"
            | "hgroup"
            | "legend"
            | "menu"
            | "optgroup"
            | "search"
            | "button"
            | "label"
            | "option"
    )
}

/// Parses and renders a decoded page.
pub fn render_page(html: &str) -> Option<String> {
    let dom = parse_html(html, ParseLimits::default()).ok()?;
    Some(visible_text(&dom))
}

/// Reads, decodes and renders one page of `dataset` (`None` when it cannot be read).
pub fn render_record(dataset: &Dataset, record: &GoldRecord) -> Option<String> {
    let bytes = dataset.read_page(&record.id).ok()?;
    let decoded = decode_html(&bytes, None, record.url.as_deref()).ok()?;
    render_page(&decoded.text)
}

/// What the gold says a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineLabel {
    Body,
    Boilerplate,
    Unlabelled,
}

/// How lines that the page repeats are labelled against a gold body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Labelling {
    /// A repeated line is body as many times as the gold holds its text (a short line: as
    /// a whole gold line; a longer one: as a run of gold tokens, at least once when it
    /// matched); the copies closest to the page's unrepeated body lines get the label.
    #[default]
    CopiesTheGoldHolds,
    /// Every copy of a body-like line is body (the reading before 2026-11-29 19:40).
    EveryCopy,
}

/// Labels the rendered `lines` of one page by its gold record.
pub fn label_lines(lines: &[&str], gold: &GoldRecord) -> Vec<LineLabel> {
    label_lines_as(lines, gold, Labelling::default())
}

/// [`label_lines`] with the given reading of repeated lines.
pub fn label_lines_as(lines: &[&str], gold: &GoldRecord, labelling: Labelling) -> Vec<LineLabel> {
    if let Some(body) = &gold.body {
        let mut labels = label_by_body(lines, body);
        if labelling == Labelling::CopiesTheGoldHolds {
            limit_copies_to_gold(lines, body, &mut labels);
        }
        return labels;
    }
    let norm = |v: &Option<Vec<String>>| -> Vec<String> {
        v.iter()
            .flatten()
            .map(|s| normalize_whitespace(s))
            .filter(|s| !s.is_empty())
            .collect()
    };
    let with = norm(&gold.with);
    let without = norm(&gold.without);
    lines
        .iter()
        .map(|l| {
            let l = normalize_whitespace(l);
            if with.iter().any(|s| l.contains(s.as_str())) {
                LineLabel::Body
            } else if without.iter().any(|s| l.contains(s.as_str())) {
                LineLabel::Boilerplate
            } else {
                LineLabel::Unlabelled
            }
        })
        .collect()
}

/// Labels by the gold body on the metric's own tokens (`\w+`), so that quotes, dashes and
/// dropped link markup do not decide: a line of four tokens or more is body when at least
/// half of its 4-token shingles occur in the gold; a shorter line when its tokens are a
/// whole line of the gold; a line without tokens is unlabelled.
fn label_by_body(lines: &[&str], body: &str) -> Vec<LineLabel> {
    let gold_tokens = tokens(body);
    let gold_shingles: HashSet<&[&str]> = gold_tokens.windows(4).collect();
    let gold_lines: HashSet<Vec<&str>> =
        body.lines().map(tokens).filter(|t| !t.is_empty()).collect();
    lines
        .iter()
        .map(|l| {
            let t = tokens(l);
            let body_like = match t.len() {
                0 => return LineLabel::Unlabelled,
                1..=3 => gold_lines.contains(&t),
                _ => {
                    let windows = t.len() - 3;
                    let hits = t.windows(4).filter(|w| gold_shingles.contains(w)).count();
                    hits * 2 >= windows
                }
            };
            if body_like {
                LineLabel::Body
            } else {
                LineLabel::Boilerplate
            }
        })
        .collect()
}

/// Relabels as boilerplate the copies of a repeated body line beyond the number of times
/// the gold holds it, keeping the label on the copies with the most unrepeated body lines
/// within three lines of them (then the nearest one, then the first).
fn limit_copies_to_gold(lines: &[&str], body: &str, labels: &mut [LineLabel]) {
    let line_tokens: Vec<Vec<&str>> = lines.iter().map(|l| tokens(l)).collect();
    let mut copies: HashMap<&[&str], Vec<usize>> = HashMap::new();
    for (i, t) in line_tokens.iter().enumerate() {
        if labels.get(i) == Some(&LineLabel::Body) {
            copies.entry(t.as_slice()).or_default().push(i);
        }
    }
    if copies.values().all(|c| c.len() < 2) {
        return;
    }
    let anchors: Vec<usize> = copies
        .values()
        .filter(|c| c.len() == 1)
        .flatten()
        .copied()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    // A copy in the story has unrepeated body lines around it; a table of contents or a
    // teaser list has its own kind around it.
    const NEIGHBOURHOOD: usize = 3;
    let closeness = |i: usize| -> (usize, usize) {
        let from = anchors.partition_point(|&a| a + NEIGHBOURHOOD < i);
        let near = anchors
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&a| a <= i + NEIGHBOURHOOD)
            .count();
        let at = anchors.partition_point(|&a| a < i);
        let after = anchors.get(at).map(|&a| a - i);
        let before = at
            .checked_sub(1)
            .and_then(|k| anchors.get(k))
            .map(|&a| i - a);
        let distance = after.into_iter().chain(before).min().unwrap_or(usize::MAX);
        (near, distance)
    };
    let gold_tokens = tokens(body);
    let gold_lines: Vec<Vec<&str>> = body.lines().map(tokens).collect();
    for (text, mut at) in copies.into_iter().filter(|(_, c)| c.len() > 1) {
        let held = if text.len() <= 3 {
            gold_lines.iter().filter(|g| g.as_slice() == text).count()
        } else {
            occurrences(&gold_tokens, text).max(1)
        };
        if at.len() <= held {
            continue;
        }
        at.sort_by_key(|&i| {
            let (near, distance) = closeness(i);
            (std::cmp::Reverse(near), distance, i)
        });
        for &i in &at[held..] {
            if let Some(l) = labels.get_mut(i) {
                *l = LineLabel::Boilerplate;
            }
        }
    }
}

/// Non-overlapping occurrences of `needle` as a run of `haystack`.
fn occurrences(haystack: &[&str], needle: &[&str]) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let mut count = 0;
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        if haystack.get(i..i + needle.len()) == Some(needle) {
            count += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    count
}

/// A line filter under comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Every line.
    Raw,
    /// C4's line rules.
    C4,
    /// Gopher's quality and repetition rules, applied to lines.
    Gopher,
    /// copydesk's text mode.
    Copydesk,
    /// copydesk's text mode with `Favor::Precision`.
    CopydeskPrecision,
}

impl Filter {
    pub const ALL: [Filter; 5] = [
        Filter::Raw,
        Filter::C4,
        Filter::Gopher,
        Filter::Copydesk,
        Filter::CopydeskPrecision,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Filter::Raw => "raw text",
            Filter::C4 => "C4 rules",
            Filter::Gopher => "Gopher rules",
            Filter::Copydesk => "copydesk clean",
            Filter::CopydeskPrecision => "copydesk clean, favor precision",
        }
    }

    /// Which of the lines of `text` (split on `\n`) the filter keeps in the body, and which
    /// of the others the record still holds as metadata ([`held_as_metadata`]).
    pub fn keep_and_hold(self, text: &str) -> (Vec<bool>, Vec<bool>) {
        match self {
            Filter::Copydesk | Filter::CopydeskPrecision => {
                let measured = textmode::lines::split(text);
                let (verdicts, head) = textmode::judge(&measured, self.favor());
                let keep = verdicts.iter().map(|v| *v == Verdict::Keep).collect();
                let held = measured
                    .iter()
                    .zip(&verdicts)
                    .map(|(l, v)| *v == Verdict::Meta && held_as_metadata(l, &head))
                    .collect();
                (keep, held)
            }
            _ => {
                let keep = self.keep(text);
                let held = vec![false; keep.len()];
                (keep, held)
            }
        }
    }

    /// Which of the lines of `text` (split on `\n`) the filter keeps.
    pub fn keep(self, text: &str) -> Vec<bool> {
        let lines: Vec<&str> = text.split('\n').collect();
        match self {
            Filter::Raw => vec![true; lines.len()],
            Filter::C4 => lines.iter().map(|l| c4_keeps(l)).collect(),
            Filter::Gopher => gopher_keep(&lines),
            Filter::Copydesk | Filter::CopydeskPrecision => self.keep_and_hold(text).0,
        }
    }

    /// The text mode setting of a copydesk filter.
    fn favor(self) -> Favor {
        if self == Filter::CopydeskPrecision {
            Favor::Precision
        } else {
            Favor::Balanced
        }
    }
}

/// C4 (Raffel et al. 2020, §2.2): keep lines that end in terminal punctuation (period,
/// exclamation mark, question mark, end quotation mark) and have at least three words;
/// drop lines with the word "javascript" and the cookie/policy notices; lines with "lorem
/// ipsum" or a curly brace (page-level rules in the paper) are dropped as lines here.
pub fn c4_keeps(line: &str) -> bool {
    const POLICY: &[&str] = &[
        "terms of use",
        "privacy policy",
        "cookie policy",
        "uses cookies",
        "use of cookies",
        "use cookies",
    ];
    let line = line.trim();
    let lower = line.to_lowercase();
    let ends = line.ends_with(['.', '!', '?', '"', '”', '\'', '’']);
    let words = line.split_whitespace().count();
    ends && words >= 3
        && !lower.contains("javascript")
        && !lower.contains("lorem ipsum")
        && !line.contains('{')
        && !line.contains('}')
        && !POLICY.iter().any(|p| lower.contains(p))
}

/// Gopher (Rae et al. 2021, appendix A, MassiveText quality filter and repetition removal),
/// each rule applied to one line: drop lines that start with a bullet or end with an
/// ellipsis, whose symbol-to-word ratio ('#' and ellipses) exceeds 0.1, where fewer than 80 %
/// of words contain a letter, whose mean word length is outside 3–10, and repeated lines
/// (every occurrence after the first). The document-level word-count and English stop-word
/// rules have no line-level reading and are left out.
pub fn gopher_keep(lines: &[&str]) -> Vec<bool> {
    let mut seen: HashSet<&str> = HashSet::new();
    lines
        .iter()
        .map(|raw| {
            let line = raw.trim();
            if line.is_empty() {
                return true;
            }
            let fresh = seen.insert(line);
            fresh && gopher_line_passes(line)
        })
        .collect()
}

fn gopher_line_passes(line: &str) -> bool {
    const BULLETS: &[char] = &[
        '•', '●', '○', '◦', '▪', '▫', '■', '□', '‣', '⁃', '-', '*', '·', '–', '—',
    ];
    if line.starts_with(BULLETS) {
        return false;
    }
    if line.ends_with("...") || line.ends_with('…') {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let n = words.len().max(1) as f64;
    let symbols =
        line.matches('#').count() + line.matches("...").count() + line.matches('…').count();
    if symbols as f64 / n > 0.1 {
        return false;
    }
    let alphabetic = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if (alphabetic as f64) < 0.8 * n {
        return false;
    }
    let mean_len = words.iter().map(|w| w.chars().count()).sum::<usize>() as f64 / n;
    // Mean word length is meaningless for scripts without spaces (one "word" a sentence).
    let unspaced = line.chars().any(copydesk::text::is_cjk);
    unspaced || (3.0..=10.0).contains(&mean_len)
}

/// Whether a line text mode took out of the body as metadata is held by the record: it is
/// the record's title, holds one of its authors, or reads as its publication date (alone or
/// as a label's value). A label left without its value, or a second date, is not held.
pub fn held_as_metadata(line: &textmode::lines::Line<'_>, head: &textmode::head::Head) -> bool {
    let text = line.text;
    if text.is_empty() {
        return false;
    }
    if head
        .title
        .as_deref()
        .is_some_and(|t| t == copydesk::text::normalize_space(text))
    {
        return true;
    }
    if head
        .authors
        .iter()
        .any(|a| !a.is_empty() && text.contains(a.as_str()))
    {
        return true;
    }
    let date_of = |s: &str| textmode::dates::parse_date(s).and_then(|d| d.iso());
    let date = date_of(text).or_else(|| line.label.as_ref().and_then(|l| date_of(l.value)));
    date.is_some() && date == head.date
}

/// Counts for one filter over many pages.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// How repeated lines are labelled.
    pub labelling: Labelling,
    pub pages: usize,
    /// Labelled body lines kept / dropped, boilerplate lines kept / dropped.
    pub body_kept: u64,
    pub body_dropped: u64,
    /// Of the body lines dropped, those the record holds as metadata (title, author, date).
    pub body_held: u64,
    pub boiler_kept: u64,
    pub boiler_dropped: u64,
    /// Shingle scores on pages with a gold body.
    pub shingle_pages: usize,
    pub shingle_precision_sum: f64,
    pub shingle_precision_pages: usize,
    pub shingle_recall_sum: f64,
    pub empty_outputs: usize,
    pub snippets: SnippetCounts,
}

impl Tally {
    /// Scores one page: `text` is the rendered page, `keep` the filter's mask over its lines.
    pub fn add_page(&mut self, text: &str, keep: &[bool], gold: &GoldRecord) {
        self.add_page_with_record(text, keep, &[], gold);
    }

    /// [`Tally::add_page`], where `held` marks the dropped lines the record holds as
    /// metadata (see [`Tally::record_recall`]).
    pub fn add_page_with_record(
        &mut self,
        text: &str,
        keep: &[bool],
        held: &[bool],
        gold: &GoldRecord,
    ) {
        let lines: Vec<&str> = text.split('\n').collect();
        let labels = label_lines_as(&lines, gold, self.labelling);
        for (i, ((label, kept), line)) in labels.iter().zip(keep).zip(&lines).enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match (label, kept) {
                (LineLabel::Body, true) => self.body_kept += 1,
                (LineLabel::Body, false) => {
                    self.body_dropped += 1;
                    if held.get(i).copied().unwrap_or(false) {
                        self.body_held += 1;
                    }
                }
                (LineLabel::Boilerplate, true) => self.boiler_kept += 1,
                (LineLabel::Boilerplate, false) => self.boiler_dropped += 1,
                _ => {}
            }
        }
        let output: Vec<&str> = lines
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(l, _)| *l)
            .collect();
        let output = output.join("\n");
        self.pages += 1;
        if let Some(body) = &gold.body {
            let s = shingle_score(body, &output);
            self.shingle_pages += 1;
            self.shingle_recall_sum += s.recall();
            match s.precision() {
                Some(p) => {
                    self.shingle_precision_sum += p;
                    self.shingle_precision_pages += 1;
                }
                None => self.empty_outputs += 1,
            }
        }
        if gold.has_snippets() {
            let with = gold.with.as_deref().unwrap_or(&[]);
            let without = gold.without.as_deref().unwrap_or(&[]);
            self.snippets.add(&snippet_counts(with, without, &output));
        }
    }

    pub fn merge(&mut self, o: &Tally) {
        self.pages += o.pages;
        self.body_kept += o.body_kept;
        self.body_dropped += o.body_dropped;
        self.body_held += o.body_held;
        self.boiler_kept += o.boiler_kept;
        self.boiler_dropped += o.boiler_dropped;
        self.shingle_pages += o.shingle_pages;
        self.shingle_precision_sum += o.shingle_precision_sum;
        self.shingle_precision_pages += o.shingle_precision_pages;
        self.shingle_recall_sum += o.shingle_recall_sum;
        self.empty_outputs += o.empty_outputs;
        self.snippets.add(&o.snippets);
    }

    /// Share of kept labelled lines that are body.
    pub fn line_precision(&self) -> Option<f64> {
        ratio(self.body_kept, self.body_kept + self.boiler_kept)
    }

    /// Share of body lines kept.
    pub fn line_recall(&self) -> Option<f64> {
        ratio(self.body_kept, self.body_kept + self.body_dropped)
    }

    /// Share of body lines the record keeps: in the body, or as the metadata the issue asks
    /// such lines turned into (the title, a byline, a lone date under the title).
    pub fn record_recall(&self) -> Option<f64> {
        ratio(
            self.body_kept + self.body_held,
            self.body_kept + self.body_dropped,
        )
    }

    pub fn shingle_precision(&self) -> Option<f64> {
        (self.shingle_precision_pages > 0)
            .then(|| self.shingle_precision_sum / self.shingle_precision_pages as f64)
    }

    pub fn shingle_recall(&self) -> Option<f64> {
        (self.shingle_pages > 0).then(|| self.shingle_recall_sum / self.shingle_pages as f64)
    }

    pub fn shingle_f1(&self) -> Option<f64> {
        let (p, r) = (self.shingle_precision()?, self.shingle_recall()?);
        Some(if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        })
    }
}

fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(html: &str) -> String {
        render_page(html).unwrap()
    }

    #[test]
    fn renders_blocks_as_lines_and_skips_invisible_text() {
        let t = render("<html><head><title>T</title></head><body><nav><a href=/>Home</a> <a>World</a></nav><script>var x=1;</script><h1>Big   news</h1><p>One <b>bold</b> move.<br>Next line</p><ul><li>a</li><li>b</li></ul><noscript><p>Server text</p></noscript><center>Old</center>tail</body></html>");
        assert_eq!(
            t,
            "Home World\nBig news\nOne bold move.\nNext line\na\nb\nServer text\nOld\ntail\n"
        );
    }

    #[test]
    fn labels_by_body_and_by_snippets() {
        let gold: GoldRecord = serde_json::from_str(
            r#"{"id":"x","body":"Big news\n\nOne bold move was made today by the council.\nNext"}"#,
        )
        .unwrap();
        let lines = [
            "Home",
            "Big news",
            "One bold move was made today",
            "Next",
            "Share",
            "—",
        ];
        use LineLabel::*;
        assert_eq!(
            label_lines(&lines, &gold),
            vec![Boilerplate, Body, Body, Body, Boilerplate, Unlabelled]
        );
        let gold: GoldRecord =
            serde_json::from_str(r#"{"id":"y","with":["bold move"],"without":["Share"]}"#).unwrap();
        assert_eq!(
            label_lines(&lines, &gold),
            vec![
                Unlabelled,
                Unlabelled,
                Body,
                Unlabelled,
                Boilerplate,
                Unlabelled
            ]
        );
    }

    #[test]
    fn a_repeated_line_is_body_as_often_as_the_gold_holds_it() {
        let gold: GoldRecord = serde_json::from_str(
            r#"{"id":"x","body":"Overview\nThe bridge was closed in May after the flood.\nCosts\nIt will cost two million to rebuild it.\nCosts\nThe council pays half of it."}"#,
        )
        .unwrap();
        let lines = [
            "Overview",
            "Costs",
            "Overview",
            "The bridge was closed in May after the flood.",
            "Costs",
            "It will cost two million to rebuild it.",
            "Costs",
            "The council pays half of it.",
            "It will cost two million to rebuild it.",
        ];
        use LineLabel::*;
        // The table of contents above the story repeats its headings; a teaser below it
        // repeats a paragraph: the copies inside the story are the body ones.
        assert_eq!(
            label_lines(&lines, &gold),
            vec![
                Boilerplate,
                Boilerplate,
                Body,
                Body,
                Body,
                Body,
                Body,
                Body,
                Boilerplate
            ]
        );
        assert_eq!(
            label_lines_as(&lines, &gold, Labelling::EveryCopy),
            vec![Body; 9]
        );
    }

    #[test]
    fn c4_rules() {
        assert!(c4_keeps("The council met on Tuesday."));
        assert!(!c4_keeps("Home"));
        assert!(!c4_keeps("Too short."));
        assert!(!c4_keeps("Please enable JavaScript to view this."));
        assert!(!c4_keeps("This site uses cookies to improve things."));
        assert!(!c4_keeps("function f() { return 1; }."));
    }

    #[test]
    fn gopher_rules() {
        let lines = [
            "The council met on Tuesday.",
            "• a bullet point line here",
            "Read the rest of this...",
            "12 34 56 78",
            "The council met on Tuesday.",
            "#tag #news #today here",
        ];
        assert_eq!(
            gopher_keep(&lines),
            vec![true, false, false, false, false, false]
        );
    }

    #[test]
    fn tally_scores_a_page() {
        let gold: GoldRecord = serde_json::from_str(
            r#"{"id":"x","body":"One bold move was made today by the council."}"#,
        )
        .unwrap();
        let text = "Home\nOne bold move was made today by the council.\n";
        let mut t = Tally::default();
        t.add_page(text, &Filter::Raw.keep(text), &gold);
        assert_eq!((t.body_kept, t.boiler_kept), (1, 1));
        assert_eq!(t.line_recall(), Some(1.0));
        assert_eq!(t.line_precision(), Some(0.5));
        let mut c = Tally::default();
        c.add_page(text, &Filter::Copydesk.keep(text), &gold);
        assert_eq!(c.line_precision(), Some(1.0));
        assert_eq!(c.shingle_f1(), Some(1.0));
    }

    #[test]
    fn record_recall_counts_a_title_and_date_moved_to_metadata() {
        let story = "The council met on Tuesday and agreed to rebuild the old bridge over the river next spring, officials said.";
        let gold: GoldRecord = serde_json::from_value(serde_json::json!({
            "id": "x",
            "body": format!("Council agrees to rebuild the bridge\n15 July 2016\n{story}\n{story}")
        }))
        .unwrap();
        let text = format!(
            "Home\nCouncil agrees to rebuild the bridge\n15 July 2016\nDate:\n{story}\n{story}\n"
        );
        let (keep, held) = Filter::Copydesk.keep_and_hold(&text);
        // The title and the date leave the body; the label without its value is not held.
        assert_eq!(keep[..6], [false, false, false, false, true, true]);
        assert_eq!(held[..6], [false, true, true, false, false, false]);
        let mut t = Tally::default();
        t.add_page_with_record(&text, &keep, &held, &gold);
        assert_eq!(t.line_recall(), Some(0.5));
        assert_eq!(t.record_recall(), Some(1.0));
        // Other filters hold nothing as metadata.
        assert!(Filter::Gopher.keep_and_hold(&text).1.iter().all(|h| !h));
    }
}
