//! Bytes -> text: BOM, the transport's charset, `<meta charset>` / `http-equiv`, else detection.
//!
//! Every WHATWG encoding goes through encoding_rs; chardetng guesses when nothing is declared.
//! One deliberate deviation from browsers: a page that declares a legacy single- or
//! double-byte charset but whose bytes are valid UTF-8 with non-ASCII text is decoded as
//! UTF-8. Such misdeclared pages are common in crawls, while legacy text that happens to be
//! valid UTF-8 is vanishingly rare, so this trades nothing for a lot less mojibake.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

use crate::error::Error;

/// How many leading bytes are searched for a `<meta>` charset declaration.
const PRESCAN_BYTES: usize = 8192;

/// Where the chosen encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    Bom,
    Transport,
    Meta,
    /// Declared as something else, but the bytes are valid UTF-8.
    Utf8Override,
    Detected,
}

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: EncodingSource,
    /// Whether malformed byte sequences were replaced with U+FFFD.
    pub had_errors: bool,
}

/// Decodes an HTML page. `transport_charset` is the charset label from an HTTP header, if any;
/// `url` (if any) lends its top-level domain to the detector.
pub fn decode_html<'a>(
    bytes: &'a [u8],
    transport_charset: Option<&str>,
    url: Option<&str>,
) -> Result<Decoded<'a>, Error> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(run(enc, &bytes[bom_len..], EncodingSource::Bom));
    }
    check_not_binary(bytes)?;
    let declared = transport_charset
        .and_then(|l| Encoding::for_label(l.trim().trim_matches('"').as_bytes()))
        .map(|e| (e, EncodingSource::Transport))
        .or_else(|| meta_charset(bytes).map(|e| (e, EncodingSource::Meta)));
    if let Some((enc, source)) = declared {
        let enc = html_compatible(enc);
        if enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
            return Ok(run(UTF_8, bytes, EncodingSource::Utf8Override));
        }
        return Ok(run(enc, bytes, source));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(run(UTF_8, bytes, EncodingSource::Detected));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let tld = url.and_then(tld_of);
    let enc = det.guess(
        tld.as_deref().map(str::as_bytes),
        chardetng::Utf8Detection::Allow,
    );
    Ok(run(enc, bytes, EncodingSource::Detected))
}

/// Decodes plain text the same way, minus the `<meta>` prescan.
pub fn decode_text<'a>(bytes: &'a [u8], charset: Option<&str>) -> Result<Decoded<'a>, Error> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(run(enc, &bytes[bom_len..], EncodingSource::Bom));
    }
    check_not_binary(bytes)?;
    if let Some(enc) = charset.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return Ok(run(enc, bytes, EncodingSource::Transport));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(run(UTF_8, bytes, EncodingSource::Detected));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    Ok(run(enc, bytes, EncodingSource::Detected))
}

fn run<'a>(enc: &'static Encoding, bytes: &'a [u8], source: EncodingSource) -> Decoded<'a> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text,
        encoding: enc,
        source,
        had_errors,
    }
}

/// An HTML page cannot declare UTF-16 from inside itself (the declaration would not be
/// readable); WHATWG maps such declarations to UTF-8, and x-user-defined to windows-1252.
fn html_compatible(enc: &'static Encoding) -> &'static Encoding {
    if enc == UTF_16BE || enc == UTF_16LE {
        UTF_8
    } else if enc == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    }
}

/// Refuses inputs that are clearly not text: NUL bytes or many C0 controls near the start,
/// or the magic numbers of common binary formats.
fn check_not_binary(bytes: &[u8]) -> Result<(), Error> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x1f\x8b", "gzip data"),
        (b"PK\x03\x04", "zip archive"),
        (b"%PDF-", "PDF document"),
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"RIFF", "RIFF media"),
        (b"\x7fELF", "ELF executable"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(Error::Binary((*what).into()));
        }
    }
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    if head.contains(&0) || controls * 20 > head.len().max(1) {
        return Err(Error::Binary(format!(
            "{controls} control bytes in the first {} bytes",
            head.len()
        )));
    }
    Ok(())
}

/// Finds a charset declared by `<meta charset=…>` or `<meta http-equiv content="…charset=…">`
/// in the first bytes of the page.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut at = 0;
    while let Some(pos) = find_ci(&head[at..], b"<meta") {
        let start = at + pos + 5;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(c) = find_ci(tag, b"charset") {
            let mut v = &tag[c + 7..];
            v = trim_start(v);
            if let Some(rest) = v.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(&b)))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..len]) {
                    return Some(enc);
                }
            }
        }
        at = end;
    }
    None
}

fn trim_start(mut v: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = v {
        if first.is_ascii_whitespace() {
            v = rest;
        } else {
            break;
        }
    }
    v
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

fn tld_of(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    let tld = host.rsplit('.').next()?;
    tld.bytes()
        .all(|b| b.is_ascii_alphabetic())
        .then(|| tld.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(label: &str) -> &'static Encoding {
        Encoding::for_label(label.as_bytes()).unwrap()
    }

    #[test]
    fn bom_wins() {
        let d = decode_html(b"\xef\xbb\xbf<p>caf\xc3\xa9", Some("windows-1252"), None).unwrap();
        assert_eq!(d.source, EncodingSource::Bom);
        assert_eq!(d.text, "<p>café");
    }

    #[test]
    fn meta_charset_forms() {
        let html = b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body>";
        let d = decode_html(html, None, None).unwrap();
        assert_eq!(d.encoding, enc("windows-1251"));
        assert!(d.text.contains("Привет"));
        let html = b"<meta charset='iso-8859-1'><p>caf\xe9</p>";
        let d = decode_html(html, None, None).unwrap();
        assert_eq!(d.source, EncodingSource::Meta);
        assert!(d.text.contains("café"));
    }

    #[test]
    fn transport_beats_meta() {
        let html = b"<meta charset=utf-8><p>caf\xe9</p>";
        let d = decode_html(html, Some("ISO-8859-1"), None).unwrap();
        assert_eq!(d.source, EncodingSource::Transport);
        assert!(d.text.contains("café"));
    }

    #[test]
    fn misdeclared_utf8_is_recovered() {
        let html = "<meta charset=iso-8859-1><p>café</p>".as_bytes();
        let d = decode_html(html, None, None).unwrap();
        assert_eq!(d.source, EncodingSource::Utf8Override);
        assert!(d.text.contains("café"));
    }

    #[test]
    fn undeclared_legacy_encodings_are_detected() {
        let cases: &[(&str, &str)] = &[
            ("Shift_JIS", "日本語のニュース記事です。東京で会議が開かれました。政府は新しい政策を発表しました。"),
            ("GBK", "这是一篇中文新闻报道。北京今天举行了重要会议，政府宣布了新的经济政策。"),
            ("windows-1251", "Президент России провёл переговоры с государственным секретарём США в Москве."),
            ("ISO-8859-1", "Le président français a rencontré les représentants des syndicats à l'Élysée cette semaine."),
        ];
        for (label, text) in cases {
            let e = enc(label);
            let page = format!("<html><body><p>{text}</p></body></html>");
            let (bytes, _, _) = e.encode(&page);
            let d = decode_html(&bytes, None, None).unwrap();
            assert!(d.text.contains(text), "{label}: got {}", d.text);
        }
    }

    #[test]
    fn invalid_bytes_in_declared_charset_are_replaced() {
        let d = decode_html(b"<meta charset=utf-8><p>ok \xff\xfe bad", None, None).unwrap();
        assert!(d.had_errors || d.text.contains('\u{fffd}') || d.text.contains("ok"));
        assert!(d.text.contains("ok"));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode_html(b"\x89PNG\r\n\x1a\n\0\0", None, None),
            Err(Error::Binary(_))
        ));
        let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert!(decode_html(&garbage, None, None).is_err());
    }
}
