//! Character references (`&amp;`, `&#233;`, `&#x1F600;`) as the HTML standard decodes them.
//!
//! Named references come from the standard's full table as html5ever's `web_atoms` ships
//! it (generated from the spec's `entities.json`, every prefix of every name included so
//! that the longest match can be found one character at a time). The legacy names that
//! may appear without a semicolon (`&amp`, `&copy`) are in that table too.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// The longest entity name in the table ("CounterClockwiseContourIntegral;").
const MAX_NAME: usize = 32;

/// A decoded reference: one or two characters, and how many bytes of input it used
/// (counting the `&`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CharRef {
    pub chars: [char; 2],
    pub len: usize,
}

impl CharRef {
    /// Appends the decoded characters to `out`.
    pub fn push_to(&self, out: &mut String) {
        out.push(self.chars[0]);
        if self.chars[1] != '\0' {
            out.push(self.chars[1]);
        }
    }
}

/// Decodes the reference starting at `bytes[amp]` (which is `&`). `None` means the `&` is a
/// literal ampersand. In an attribute value a named reference without its semicolon that
/// is followed by `=` or an alphanumeric stays literal (`?a=1&copy=2` is a URL, not `©`).
pub fn decode(bytes: &[u8], amp: usize, in_attribute: bool) -> Option<CharRef> {
    let rest = bytes.get(amp + 1..)?;
    match rest.first()? {
        b'#' => numeric(rest),
        c if c.is_ascii_alphanumeric() => named(rest, in_attribute),
        _ => None,
    }
}

/// `&#…;` and `&#x…;`. `rest` starts after the `&`.
fn numeric(rest: &[u8]) -> Option<CharRef> {
    let (radix, digits_from) = match rest.get(1) {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let mut value: u32 = 0;
    let mut at = digits_from;
    while let Some(d) = rest.get(at).and_then(|&b| (b as char).to_digit(radix)) {
        // Saturates: anything past U+10FFFF becomes U+FFFD below anyway.
        value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        at += 1;
    }
    if at == digits_from {
        return None;
    }
    if rest.get(at) == Some(&b';') {
        at += 1;
    }
    let c = match value {
        0 | 0xD800..=0xDFFF | 0x11_0000.. => '\u{FFFD}',
        0x80..=0x9F => C1_REPLACEMENTS
            .get((value - 0x80) as usize)
            .copied()
            .flatten()
            .or_else(|| char::from_u32(value))
            .unwrap_or('\u{FFFD}'),
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    };
    Some(CharRef {
        chars: [c, '\0'],
        len: at + 1,
    })
}

/// `&name;` with the longest match in the table. `rest` starts after the `&`.
fn named(rest: &[u8], in_attribute: bool) -> Option<CharRef> {
    // Most references end with their semicolon: one lookup of the whole name settles them.
    let run = rest
        .iter()
        .take(MAX_NAME)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if rest.get(run) == Some(&b';') {
        if let Some(&(first, second)) = std::str::from_utf8(&rest[..=run])
            .ok()
            .and_then(|key| NAMED_ENTITIES.get(key))
        {
            if first != 0 {
                return Some(to_char_ref(first, second, run + 2));
            }
        }
    }
    // Otherwise the longest prefix in the table (a legacy name without its semicolon),
    // walking the table's prefix entries one character at a time.
    let mut best: Option<(usize, (u32, u32))> = None;
    let mut end = 0;
    while end < rest.len().min(MAX_NAME) {
        let b = rest[end];
        let is_last = b == b';';
        if !(b.is_ascii_alphanumeric() || is_last) {
            break;
        }
        end += 1;
        // Every byte so far is ASCII, so the slice is valid UTF-8.
        let Ok(key) = std::str::from_utf8(&rest[..end]) else {
            break;
        };
        match NAMED_ENTITIES.get(key) {
            None => break,
            Some(&(0, _)) => {}
            Some(&value) => best = Some((end, value)),
        }
        if is_last {
            break;
        }
    }
    let (len, (first, second)) = best?;
    let ends_with_semicolon = rest.get(len - 1) == Some(&b';');
    if in_attribute && !ends_with_semicolon {
        if let Some(&next) = rest.get(len) {
            if next == b'=' || next.is_ascii_alphanumeric() {
                return None;
            }
        }
    }
    Some(to_char_ref(first, second, len + 1))
}

fn to_char_ref(first: u32, second: u32, len: usize) -> CharRef {
    CharRef {
        chars: [
            char::from_u32(first).unwrap_or('\u{FFFD}'),
            char::from_u32(second).unwrap_or('\0'),
        ],
        len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, in_attribute: bool) -> Option<(String, usize)> {
        decode(s.as_bytes(), 0, in_attribute).map(|r| {
            let mut out = String::new();
            r.push_to(&mut out);
            (out, r.len)
        })
    }

    #[test]
    fn named_with_and_without_semicolon() {
        assert_eq!(text("&amp;x", false), Some(("&".into(), 5)));
        assert_eq!(text("&ampx", false), Some(("&".into(), 4)));
        assert_eq!(text("&nbsp;", false), Some(("\u{a0}".into(), 6)));
        assert_eq!(text("&eacute;t", false), Some(("é".into(), 8)));
        // `&notin;` is a name of its own; `&notit;` is `&not` followed by "it;".
        assert_eq!(text("&notin;", false), Some(("∉".into(), 7)));
        assert_eq!(text("&notit;", false), Some(("¬".into(), 4)));
        // Names that need their semicolon.
        assert_eq!(text("&hellip", false), None);
        assert_eq!(text("&hellip;", false), Some(("…".into(), 8)));
        assert_eq!(text("&bogus;", false), None);
        assert_eq!(text("& x", false), None);
        assert_eq!(text("&", false), None);
    }

    #[test]
    fn two_character_entities() {
        assert_eq!(text("&NotEqualTilde;", false).unwrap().0, "≂\u{338}");
    }

    #[test]
    fn attribute_values_keep_url_parameters() {
        assert_eq!(text("&copy=2", true), None);
        assert_eq!(text("&copyx", true), None);
        assert_eq!(text("&copy;x", true), Some(("©".into(), 6)));
        assert_eq!(text("&copy x", true), Some(("©".into(), 5)));
        assert_eq!(text("&copy=2", false), Some(("©".into(), 5)));
    }

    #[test]
    fn numeric_references() {
        assert_eq!(text("&#233;", false), Some(("é".into(), 6)));
        assert_eq!(text("&#xe9;", false), Some(("é".into(), 6)));
        assert_eq!(text("&#XE9", false), Some(("é".into(), 5)));
        assert_eq!(text("&#x1F600;", false).unwrap().0, "😀");
        assert_eq!(text("&#0;", false).unwrap().0, "\u{FFFD}");
        assert_eq!(text("&#xD800;", false).unwrap().0, "\u{FFFD}");
        assert_eq!(text("&#99999999999999;", false).unwrap().0, "\u{FFFD}");
        // Windows-1252 in the C1 range, as browsers do.
        assert_eq!(text("&#150;", false).unwrap().0, "–");
        assert_eq!(text("&#x;", false), None);
        assert_eq!(text("&#;", false), None);
    }
}
