//! The fast parser against html5ever: the same trees and the same articles, on the fixture
//! pages and on a page of messy markup written to hit the tree builder's repair rules.

mod common;

use copydesk::dom::Dom;
use copydesk::parse::{outline, parse_html_with, ParseLimits};
use copydesk::{extract_str, Article, Options, Parser};

/// Markup as it is found in the wild: implied end tags, a table with stray content, a
/// `<noscript>` tracking pixel in the head, a script hiding a `document.write`, misnested
/// formatting, an unclosed form, entities with and without semicolons.
const MESSY_PAGE: &str = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta charset="utf-8"><title>Harbour &amp; Town &#8211; Ferry timetable changes</title>
<noscript><img height="1" width="1" src="https://pixel.example/t?id=1&amp;ev=view"></noscript>
<script><!-- document.write('<script src="a.js"></script>'); --></script>
<link rel="canonical" href="https://news.example/ferry">
</head>
<body class="article">
<div id="nav"><ul><li><a href="/">Home<li><a href="/local">Local</a><li>Weather</ul></div>
<div id="content"><h1>Ferry timetable changes from Monday</h1>
<p class="byline">By <b>Jane Fjord</b>, harbour reporter
<p>The island ferry will run <b>every forty minutes<p>instead of every hour</b> from Monday,
the harbour authority said on Friday.
<p>Passengers told the paper that the old timetable left them waiting &ndash; often in the rain
&ndash; for the last crossing&hellip; The new one &quot;changes everything&quot;, one said.
<table class="timetable"><caption>Weekday departures</caption>
<tr><th>Harbour<th>Island
<tr><td>06:00<td>06:40
<tr><td>06:40<td>07:20 stray note<span>late boats are marked</span>
</table>
<p>Tickets &amp prices stay the same, at 4&nbsp;&euro; for adults &copy;2024.
<form action="/comment"><div class="comment-form"><p>Leave a reply</form><textarea>
Your comment</textarea></div>
<blockquote><p>We listened to the commuters<p>and we changed the plan</blockquote>
<p>The authority will review the timetable in spring.</p>
</div>
<div id="footer"><p>&copy; Harbour &amp; Town Gazette</div>
</body></html><!-- served in 12 ms -->"#;

fn options(parser: Parser) -> Options {
    Options {
        parser,
        markdown: true,
        html: true,
        include_comments: true,
        ..Options::default()
    }
}

fn both(html: &str) -> (Article, Article) {
    let fast = extract_str(html, &options(Parser::Fast)).expect("fast parser");
    let reference = extract_str(html, &options(Parser::Html5ever)).expect("html5ever");
    (fast, reference)
}

/// Trees agree up to the letter case of SVG names (html5ever restores camel case
/// everywhere, the fast parser for the common names; no later stage reads SVG).
fn assert_same_tree(name: &str, html: &str) {
    let limits = ParseLimits::default();
    let fast = parse_html_with(html, Parser::Fast, limits).expect("fast parser");
    let reference = parse_html_with(html, Parser::Html5ever, limits).expect("html5ever");
    assert_eq!(
        outline(&fast, Dom::ROOT).to_ascii_lowercase(),
        outline(&reference, Dom::ROOT).to_ascii_lowercase(),
        "{name}"
    );
}

#[test]
fn every_fixture_page_parses_and_extracts_the_same() {
    let mut pages = 0;
    for entry in std::fs::read_dir(common::fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let html = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        assert_same_tree(&name, &html);
        let (fast, reference) = both(&html);
        assert_eq!(fast, reference, "{name}");
        pages += 1;
    }
    assert!(pages >= 5, "only {pages} fixture pages found");
}

#[test]
fn messy_markup_parses_and_extracts_the_same() {
    assert_same_tree("messy page", MESSY_PAGE);
    let (fast, reference) = both(MESSY_PAGE);
    assert_eq!(fast, reference);
}

#[test]
fn messy_markup_is_repaired_into_readable_text() {
    let article = extract_str(MESSY_PAGE, &Options::default()).unwrap();
    let title = article.title.as_deref().unwrap_or("");
    assert!(title.contains("Ferry timetable changes"), "{title}");
    let text = &article.text;
    for expected in [
        "The island ferry will run every forty minutes",
        "instead of every hour from Monday",
        "waiting – often in the rain – for the last crossing… The new one \"changes everything\"",
        "Tickets & prices stay the same, at 4",
        "€ for adults ©2024.",
        "The authority will review the timetable in spring.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains("document.write"), "{text}");
}

#[test]
fn the_parser_option_defaults_to_the_fast_parser() {
    assert_eq!(Options::default().parser, Parser::Fast);
}
