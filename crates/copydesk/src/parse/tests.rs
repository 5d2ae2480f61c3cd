//! Tree shapes for the tricky cases, checked for both parsers, and the limits.

use super::*;
use html5ever::local_name;

const PARSERS: [Parser; 2] = [Parser::Fast, Parser::Html5ever];

fn parse_with(html: &str, parser: Parser) -> Dom {
    parse_html_with(html, parser, ParseLimits::default()).unwrap()
}

/// The body's outline under each parser; both must give `expected`.
fn assert_body(html: &str, expected: &str) {
    for parser in PARSERS {
        let dom = parse_with(html, parser);
        let body = dom.body().expect("a body");
        let got: String = dom.children(body).map(|c| outline(&dom, c)).collect();
        assert_eq!(got, expected, "{parser:?} on {html:?}");
    }
}

/// The whole document's outline under each parser.
fn assert_document(html: &str, expected: &str) {
    for parser in PARSERS {
        let dom = parse_with(html, parser);
        assert_eq!(outline(&dom, Dom::ROOT), expected, "{parser:?} on {html:?}");
    }
}

#[test]
fn builds_a_tree() {
    for parser in PARSERS {
        let dom = parse_with(
            "<title>T</title><p class=x>Hello <b>world</b><p>Two",
            parser,
        );
        let body = dom.body().unwrap();
        let ps: Vec<_> = dom.find_all(body, &local_name!("p")).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text_content(ps[0]), "Hello world");
        assert_eq!(dom.element(ps[0]).unwrap().class(), "x");
        assert_eq!(dom.text_content(ps[1]), "Two");
        let head = dom.head().unwrap();
        let title = dom.find(head, &local_name!("title")).unwrap();
        assert_eq!(dom.text_content(title), "T");
    }
}

#[test]
fn document_structure_is_implied() {
    assert_document(
        "<!DOCTYPE html><title>T</title>x",
        "<!><html><head><title>T</title></head><body>x</body></html>",
    );
    assert_document(
        "<html lang=en><body class=b><p>x</body></html><p>after",
        "<html lang=\"en\"><head></head><body class=\"b\"><p>x</p><p>after</p></body></html>",
    );
}

#[test]
fn late_head_content_and_stray_head_elements() {
    // A `<meta>` after `</head>` still goes into the head.
    assert_document(
        "<head><title>T</title></head><meta charset=utf-8><p>x",
        "<html><head><title>T</title><meta charset=\"utf-8\"></head><body><p>x</p></body></html>",
    );
    // An `<img>` inside `<noscript>` in the head opens the body (scripting is off), and
    // the head content after it lands in the body.
    assert_document(
        "<head><noscript><img src=a></noscript><title>T</title></head><p>x",
        "<html><head><noscript></noscript></head><body><img src=\"a\"><title>T</title><p>x</p></body></html>",
    );
}

#[test]
fn paragraphs_close_at_block_starts() {
    assert_body("<p>a<div>b</div>c", "<p>a</p><div>b</div>c");
    assert_body("<p>a<h2>b</h2>", "<p>a</p><h2>b</h2>");
    assert_body("<h1>a<h2>b", "<h1>a</h1><h2>b</h2>");
    assert_body("<p>a<span>b<p>c", "<p>a<span>b</span></p><p>c</p>");
    assert_body("a</p>b", "a<p></p>b");
    assert_body("<p>a<hr>b", "<p>a</p><hr>b");
}

#[test]
fn list_items_and_definitions_close_each_other() {
    assert_body(
        "<ul><li>a<li>b<ul><li>c</ul><li>d</ul>",
        "<ul><li>a</li><li>b<ul><li>c</li></ul></li><li>d</li></ul>",
    );
    assert_body(
        "<dl><dt>a<dd>b<dt>c</dl>",
        "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>",
    );
    assert_body("<li>a<div>b<li>c", "<li>a<div>b</div></li><li>c</li>");
}

#[test]
fn tables_get_their_implied_parts() {
    assert_body(
        "<table><tr><td>a<td>b<tr><td>c</table>",
        "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>",
    );
    assert_body(
        "<table><td>a</table>",
        "<table><tbody><tr><td>a</td></tr></tbody></table>",
    );
    assert_body(
        "<table><thead><tr><th>h<tbody><tr><td>a</table>",
        "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>a</td></tr></tbody></table>",
    );
    assert_body(
        "<table><col><tr><td>a</table>",
        "<table><colgroup><col></colgroup><tbody><tr><td>a</td></tr></tbody></table>",
    );
}

#[test]
fn stray_table_content_moves_before_the_table() {
    assert_body(
        "<table>x<tr><td>y</td></tr><div>z</div></table>",
        "x<div>z</div><table><tbody><tr><td>y</td></tr></tbody></table>",
    );
    // Table tags close what was moved out, and the table goes on.
    assert_body(
        "<table><tr><td>a</td><span>b<td>c</table>d",
        "<span>b</span><table><tbody><tr><td>a</td><td>c</td></tr></tbody></table>d",
    );
    assert_body(
        "<table><tr><td>a</td></tr><div>b</table>c",
        "<div>b</div><table><tbody><tr><td>a</td></tr></tbody></table>c",
    );
    assert_body(
        "<table><tr><td>a<table><tr><td>b</table>c</table>",
        "<table><tbody><tr><td>a<table><tbody><tr><td>b</td></tr></tbody></table>c</td></tr></tbody></table>",
    );
}

#[test]
fn table_parts_outside_a_table_are_dropped() {
    assert_body("<td>a</td><tr>b", "ab");
}

#[test]
fn quirks_mode_keeps_a_table_inside_a_paragraph() {
    let table = "<table><tbody><tr><td>x</td></tr></tbody></table>";
    assert_body("<p>a<table><tr><td>x</table>", &format!("<p>a{table}</p>"));
    for parser in PARSERS {
        let dom = parse_with("<!DOCTYPE html><p>a<table><tr><td>x</table>", parser);
        let body = dom.body().unwrap();
        let got: String = dom.children(body).map(|c| outline(&dom, c)).collect();
        assert_eq!(got, format!("<p>a</p>{table}"), "{parser:?}");
    }
}

#[test]
fn misnested_formatting_is_repaired() {
    assert_body("<b>1<p>2</b>3</p>", "<b>1</b><p><b>2</b>3</p>");
    assert_body("<p><b>x<p>y", "<p><b>x</b></p><p><b>y</b></p>");
    assert_body("<b><i>x</b>y</i>", "<b><i>x</i></b><i>y</i>");
    assert_body(
        "<a href=1>x<div>y</a>z</div>",
        "<a href=\"1\">x</a><div><a href=\"1\">y</a>z</div>",
    );
    assert_body(
        "<a href=1>x<a href=2>y</a>",
        "<a href=\"1\">x</a><a href=\"2\">y</a>",
    );
    // Unclosed formatting does not swallow the page into thousands of copies.
    let dom = parse_with(&"<font size=2><p>x</p>".repeat(50), Parser::Fast);
    assert!(dom.len() < 600, "{} nodes", dom.len());
}

#[test]
fn forms_close_without_closing_their_content() {
    assert_body("<form><div>a</form>b</div>c", "<form><div>ab</div></form>c");
    assert_body("<form><form>x</form>", "<form>x</form>");
}

#[test]
fn raw_text_elements() {
    assert_body(
        "<p>t<script>if (a<b) x = '</p>';</script><style>p>a{}</style>",
        "<p>t<script>if (a<b) x = '</p>';</script><style>p>a{}</style></p>",
    );
    assert_body(
        "<textarea>\n<b>x</b></textarea>",
        "<textarea><b>x</b></textarea>",
    );
    assert_body("<pre>\n x\n</pre>", "<pre> x\n</pre>");
    assert_body(
        "<p>x<title>a &amp; <b></title>",
        "<p>x<title>a & <b></title></p>",
    );
    assert_body(
        "<div><noscript><p>server text</p></noscript></div>",
        "<div><noscript><p>server text</p></noscript></div>",
    );
}

#[test]
fn select_options_close_each_other() {
    // Current HTML keeps markup inside options (customisable `<select>`).
    assert_body(
        "<select><option>a<option>b<div>c</div></select>d",
        "<select><option>a</option><option>b<div>c</div></option></select>d",
    );
    assert_body(
        "<select><optgroup><option>a<optgroup><option>b</select>",
        "<select><optgroup><option>a</option></optgroup><optgroup><option>b</option></optgroup></select>",
    );
}

#[test]
fn foreign_content_and_the_way_out() {
    assert_body(
        "<svg><circle/><foreignObject><p>x</p></foreignObject></svg>y",
        "<svg:svg><svg:circle></svg:circle><svg:foreignObject><p>x</p></svg:foreignObject></svg:svg>y",
    );
    assert_body("<svg><g><p>x", "<svg:svg><svg:g></svg:g></svg:svg><p>x</p>");
    assert_body(
        "<math><mi>x</mi></math>",
        "<math:math><math:mi>x</math:mi></math:math>",
    );
}

#[test]
fn template_contents_stay_out_of_the_tree() {
    assert_body(
        "<p>y<template><p>x</p></template>",
        "<p>y<template></template></p>",
    );
}

#[test]
fn character_references() {
    assert_body(
        "<p title=\"a&amp;b&copy=1\">&lt;&#233;&eacute;&nbsp;&notin;&hellip &amp</p>",
        "<p title=\"a&b&copy=1\">&lt;éé\u{a0}∉&hellip &amp</p>"
            .replace("&lt;", "<")
            .replace("&amp</p>", "&</p>")
            .as_str(),
    );
}

#[test]
fn adjacent_text_is_merged() {
    for parser in PARSERS {
        let dom = parse_with("<p>a&amp;b</p>", parser);
        let p = dom.find(Dom::ROOT, &local_name!("p")).unwrap();
        assert_eq!(dom.children(p).count(), 1);
        assert_eq!(dom.text_content(p), "a&b");
    }
}

#[test]
fn nul_characters_in_body_text_are_dropped() {
    assert_body("<p>a\0b</p>", "<p>ab</p>");
}

#[test]
fn comments_and_doctypes_are_placeholders() {
    assert_body("a<!-- x -->b<?php y ?>c", "a<!>b<!>c");
}

#[test]
fn bad_input_never_panics() {
    let inputs = [
        "",
        "<",
        "</",
        "<!",
        "<!--",
        "<!DOCTYPE",
        "<a href=\"",
        "<a href='x",
        "<a b c=",
        "&",
        "&#",
        "&#x",
        "&#xFFFFFFFFFFFF;",
        "<table><tr><td><table><tr>",
        "<svg><![CDATA[x",
        "</html></body></p></table></select></svg>",
        "<select><table><tr><td>",
        "<template><template><td>",
        "<frameset><frame><p>x",
        "\u{0}<p>\u{0}</p>",
        "<p>\r\n\r</p>",
        "<b><p><i><div><a><table><td><b></a></b></i>x",
    ];
    for input in inputs {
        for parser in PARSERS {
            assert!(
                parse_html_with(input, parser, ParseLimits::default()).is_ok(),
                "{input:?}"
            );
        }
    }
    // Every prefix of a tricky page.
    let page = "<!DOCTYPE html><html><head><title>t&amp;</title><script>x<y</script></head>\
                <body><table><tr><td>a<svg><g></svg><select><option>b</table>\
                <p class='x'>c &notin; <b>d<div>e</b>f</div><!-- g --></body></html>";
    for end in 0..=page.len() {
        if page.is_char_boundary(end) {
            assert!(parse_html(&page[..end], ParseLimits::default()).is_ok());
        }
    }
}

#[test]
fn node_limit_is_an_error() {
    let html = "<p>x</p>".repeat(1000);
    for parser in PARSERS {
        let r = parse_html_with(
            &html,
            parser,
            ParseLimits {
                max_nodes: 100,
                ..ParseLimits::default()
            },
        );
        assert!(matches!(r, Err(Error::TooComplex(_))), "{parser:?}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stall() {
    for parser in PARSERS {
        let html = "<div>".repeat(100_000);
        let r = parse_html_with(&html, parser, ParseLimits::default());
        assert!(matches!(r, Err(Error::TooComplex(_))), "{parser:?}");
        let html = "<div>".repeat(500);
        assert!(parse_html_with(&html, parser, ParseLimits::default()).is_ok());
    }
}

#[test]
fn a_passed_deadline_stops_parsing() {
    let html = "<p>x</p>".repeat(100_000);
    for parser in PARSERS {
        let r = parse_html_with(
            &html,
            parser,
            ParseLimits {
                deadline: Some(Instant::now()),
                ..ParseLimits::default()
            },
        );
        assert!(matches!(r, Err(Error::Timeout(_))), "{parser:?}");
    }
}

#[test]
fn multibyte_text_across_chunk_boundaries() {
    let html = format!("<p>{}</p>", "é日本".repeat(40_000));
    for parser in PARSERS {
        let dom = parse_with(&html, parser);
        let p = dom.find(Dom::ROOT, &local_name!("p")).unwrap();
        assert_eq!(dom.text_content(p).chars().count(), 120_000);
    }
}

#[test]
fn raw_text_inside_noscript_ends_at_the_noscript() {
    // A browser reads `<noscript>` as text up to `</noscript>`: an `<iframe … />` inside
    // it (self-closing is ignored on non-void elements) cannot swallow the rest of the
    // page. The fast parser ends such raw text there; html5ever follows the standard's
    // scripting-off parse to the letter (its tokenizer is not ours to change).
    let html = "<div><noscript><iframe src=x /></noscript></div><p>The story</p>";
    let dom = parse_with(html, Parser::Fast);
    let body = dom.body().expect("a body");
    let got: String = dom.children(body).map(|c| outline(&dom, c)).collect();
    assert_eq!(
        got, "<div><noscript><iframe src=\"x\"></iframe></noscript></div><p>The story</p>",
        "{html:?}"
    );
    // In the head's `<noscript>` too, and raw text outside one still runs to its end tag.
    let dom = parse_with(
        "<head><noscript><style>a{}</noscript><title>T</title></head><p>x</p><xmp></noscript></xmp>",
        Parser::Fast,
    );
    let body = dom.body().expect("a body");
    let got: String = dom.children(body).map(|c| outline(&dom, c)).collect();
    assert_eq!(got, "<p>x</p><xmp></noscript></xmp>");
}
