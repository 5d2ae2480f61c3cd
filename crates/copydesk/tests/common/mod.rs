//! Shared helpers for the integration tests: loading fixture pages and their expectation
//! files, and checking an extraction against them.
//!
//! An expectation file (`NAME.expect`, next to `NAME.html`) has one item a line:
//! `title: …` the expected title, `+ …` a paragraph of the article (in page order),
//! `- …` a boilerplate string that must not reach the text, `comment: …` a comment that
//! `include_comments` must return; `#` starts a note.

#![allow(dead_code)] // Each test binary uses a different subset.

use std::path::PathBuf;

use copydesk::Article;

/// A fixture page and what its extraction must look like.
pub struct Fixture {
    pub name: String,
    pub html: String,
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    pub boilerplate: Vec<String>,
    pub comments: Vec<String>,
}

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Loads `tests/fixtures/NAME.html` and `NAME.expect`.
pub fn load(name: &str) -> Fixture {
    let dir = fixtures_dir();
    let html = std::fs::read_to_string(dir.join(format!("{name}.html")))
        .unwrap_or_else(|e| panic!("fixture {name}.html: {e}"));
    let expect = std::fs::read_to_string(dir.join(format!("{name}.expect")))
        .unwrap_or_else(|e| panic!("fixture {name}.expect: {e}"));
    let mut f = Fixture {
        name: name.to_owned(),
        html,
        title: None,
        paragraphs: Vec::new(),
        boilerplate: Vec::new(),
        comments: Vec::new(),
    };
    for line in expect.lines() {
        if let Some(t) = line.strip_prefix("title: ") {
            f.title = Some(t.trim().to_owned());
        } else if let Some(p) = line.strip_prefix("+ ") {
            f.paragraphs.push(p.trim().to_owned());
        } else if let Some(b) = line.strip_prefix("- ") {
            f.boilerplate.push(b.trim().to_owned());
        } else if let Some(c) = line.strip_prefix("comment: ") {
            f.comments.push(c.trim().to_owned());
        } else {
            assert!(
                line.trim().is_empty() || line.starts_with('#'),
                "{name}.expect: unreadable line {line:?}"
            );
        }
    }
    assert!(
        !f.paragraphs.is_empty(),
        "{name}.expect lists no paragraphs"
    );
    f
}

/// Collapses every run of whitespace to one space (the tests compare words, not layout).
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a paragraph into sentences: after `.!?` followed by a space, and after the
/// full-width and Arabic terminators wherever they stand.
pub fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = paragraph.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        let ends = match c {
            '。' | '！' | '？' | '؟' => true,
            '.' | '!' | '?' => chars.peek().is_none_or(|n| n.is_whitespace()),
            _ => false,
        };
        if ends {
            let s = current.trim();
            if !s.is_empty() {
                out.push(s.to_owned());
            }
            current.clear();
        }
    }
    let s = current.trim();
    if !s.is_empty() {
        out.push(s.to_owned());
    }
    out
}

/// Problems found in an extracted text, one line each (empty = all good).
pub fn article_problems(f: &Fixture, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let text = squash(text);
    let mut at = 0;
    for p in &f.paragraphs {
        for s in sentences(p) {
            let s = squash(&s);
            match text[at..].find(&s) {
                Some(pos) => at += pos + s.len(),
                None if text.contains(&s) => problems.push(format!("out of order: {s:?}")),
                None => problems.push(format!("missing: {s:?}")),
            }
        }
    }
    problems
}

/// Boilerplate strings that leaked into the text.
pub fn leaks(f: &Fixture, text: &str) -> Vec<String> {
    let text = squash(text);
    f.boilerplate
        .iter()
        .filter(|b| text.contains(&squash(b)))
        .map(|b| format!("leaked: {b:?}"))
        .collect()
}

/// Asserts the body contract of a fixture: every sentence in order, no boilerplate, and
/// the title not repeated at the top of the text.
pub fn assert_article(f: &Fixture, a: &Article) {
    let mut problems = article_problems(f, &a.text);
    problems.extend(leaks(f, &a.text));
    if let Some(title) = &f.title {
        let first_line = a.text.lines().next().unwrap_or_default();
        if squash(first_line) == squash(title) {
            problems.push("the title is repeated at the top of the text".into());
        }
    }
    assert!(
        problems.is_empty(),
        "{}: {} problem(s):\n  {}\n--- text ---\n{}\n------------",
        f.name,
        problems.len(),
        problems.join("\n  "),
        a.text
    );
}

/// The title problem of an extraction, if any.
pub fn title_problem(f: &Fixture, a: &Article) -> Option<String> {
    let want = f.title.as_deref()?;
    (a.title.as_deref().map(squash) != Some(squash(want)))
        .then(|| format!("{}: title {:?}, want {want:?}", f.name, a.title))
}

/// A small linear congruential generator: deterministic "random" bytes for garbage input.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next_u32(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next_u32() as u8).collect()
    }
}

/// All fixtures with an expectation file, by name.
pub const ARTICLE_FIXTURES: &[&str] = &[
    "en_drupal_news",
    "de_sidebar_newsletter",
    "es_wordpress_comments",
    "fr_hidden_consent",
    "ru_news",
    "zh_news",
    "ja_news",
    "ar_news",
];
