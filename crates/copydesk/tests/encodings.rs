//! Legacy encodings: the fixture pages re-encoded as Shift_JIS, GBK, windows-1251 and
//! ISO-8859-1 must decode without mojibake whether the charset is undeclared (detection),
//! declared in `<meta>`, or given by the transport in `Options::charset`.

mod common;

use common::{article_problems, load, squash, Fixture};
use copydesk::{extract, Options};
use encoding_rs::Encoding;

/// (fixture, charset label) pairs: each page in a legacy encoding its language uses.
const CASES: &[(&str, &str)] = &[
    ("ja_news", "Shift_JIS"),
    ("zh_news", "GBK"),
    ("ru_news", "windows-1251"),
    ("fr_hidden_consent", "ISO-8859-1"),
    ("de_sidebar_newsletter", "ISO-8859-1"),
    ("es_wordpress_comments", "ISO-8859-1"),
];

/// The fixture without its `<meta charset>` line.
fn undeclared(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let start = lower
        .find("<meta charset=")
        .expect("fixture declares utf-8");
    let end = start + lower[start..].find('>').unwrap() + 1;
    format!("{}{}", &html[..start], &html[end..])
}

fn declared(html: &str, label: &str) -> String {
    let bare = undeclared(html);
    bare.replacen("<head>", &format!("<head>\n<meta charset=\"{label}\">"), 1)
}

fn encode(html: &str, label: &str) -> Vec<u8> {
    let enc = Encoding::for_label(label.as_bytes()).unwrap();
    let (bytes, _, _) = enc.encode(html);
    let bytes = bytes.into_owned();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "{label}: the encoded page must not also be valid UTF-8"
    );
    bytes
}

fn assert_decoded(f: &Fixture, how: &str, bytes: &[u8], options: &Options) {
    let a = extract(bytes, options).unwrap_or_else(|e| panic!("{} ({how}): {e}", f.name));
    let problems = article_problems(f, &a.text);
    assert!(
        problems.is_empty(),
        "{} ({how}): {problems:?}\n{}",
        f.name,
        a.text
    );
    assert!(!a.text.contains('\u{fffd}'), "{} ({how}): U+FFFD", f.name);
    let title = a.title.unwrap_or_default();
    let want = squash(f.title.as_deref().unwrap());
    assert!(
        squash(&title).starts_with(&want),
        "{} ({how}): title {title:?}",
        f.name
    );
}

#[test]
fn undeclared_legacy_charsets_are_detected() {
    for (name, label) in CASES {
        let f = load(name);
        let bytes = encode(&undeclared(&f.html), label);
        assert_decoded(
            &f,
            &format!("undeclared {label}"),
            &bytes,
            &Options::default(),
        );
    }
}

#[test]
fn meta_charset_is_honoured() {
    for (name, label) in CASES {
        let f = load(name);
        let bytes = encode(&declared(&f.html, label), label);
        assert_decoded(&f, &format!("<meta> {label}"), &bytes, &Options::default());
    }
}

#[test]
fn http_equiv_charset_is_honoured() {
    for (name, label) in CASES {
        let f = load(name);
        let page = undeclared(&f.html).replacen(
            "<head>",
            &format!(
                "<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">"
            ),
            1,
        );
        let bytes = encode(&page, label);
        assert_decoded(
            &f,
            &format!("http-equiv {label}"),
            &bytes,
            &Options::default(),
        );
    }
}

#[test]
fn transport_charset_is_honoured() {
    for (name, label) in CASES {
        let f = load(name);
        let bytes = encode(&undeclared(&f.html), label);
        let options = Options {
            charset: Some(label.to_string()),
            ..Options::default()
        };
        assert_decoded(&f, &format!("transport {label}"), &bytes, &options);
    }
}

#[test]
fn transport_charset_beats_a_wrong_meta() {
    // The server knows best: a page saved with a stale `<meta charset=utf-8>`.
    let f = load("ru_news");
    let bytes = encode(&f.html, "windows-1251");
    let options = Options {
        charset: Some("windows-1251".into()),
        ..Options::default()
    };
    assert_decoded(&f, "transport over meta", &bytes, &options);
}

#[test]
fn utf8_bytes_under_a_legacy_declaration_stay_utf8() {
    // A common misdeclaration: the template says windows-1251, the CMS writes UTF-8.
    let f = load("ru_news");
    let page = declared(&f.html, "windows-1251");
    assert_decoded(&f, "misdeclared", page.as_bytes(), &Options::default());
}

#[test]
fn utf8_with_bom_and_no_declaration() {
    let f = load("ar_news");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(undeclared(&f.html).as_bytes());
    let a = extract(&bytes, &Options::default()).unwrap();
    // (The short closing paragraph is a known selection bug; the rest must decode.)
    let first = squash(&f.paragraphs[0]);
    assert!(squash(&a.text).contains(&first), "{}", a.text);
    assert!(!a.text.contains('\u{fffd}'));
}

#[test]
fn utf16_with_bom() {
    let f = load("de_sidebar_newsletter");
    for (bom, big_endian) in [(&b"\xff\xfe"[..], false), (&b"\xfe\xff"[..], true)] {
        let mut bytes = bom.to_vec();
        for unit in undeclared(&f.html).encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        assert_decoded(&f, "utf-16 with BOM", &bytes, &Options::default());
    }
}
