//! The WARC record parser (WARC 1.0 and 1.1): turns the byte stream of [`crate::stream`] into
//! records, and every anomaly into an item with a reason, so the caller can account for it.
//!
//! Why our own reader rather than the `warc` crate (0.4): that crate decodes a gzip file as one
//! stream (no member offsets, so no resync after a truncated member), stops at the first parse
//! error (no resync to the next `WARC/1.x` line after garbage or a wrong `Content-Length`), and
//! buffers every record whole (no way to skip a 100 MB record without holding it). Those are
//! exactly the bad inputs a crawl carries, and accounting for them is the point here.

use crate::stream::{Piece, PieceSource};

/// Longest record header block we accept before calling the record broken.
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// The named fields of a WARC record header, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcHeaders {
    pub version: String,
    pub fields: Vec<(String, String)>,
}

impl WarcHeaders {
    /// The first value of a field, by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Parses the header block (version line, then `Name: value` lines). Lines without a colon
    /// are ignored; continuation lines (leading whitespace) extend the previous value.
    pub fn parse(block: &[u8]) -> WarcHeaders {
        let text = String::from_utf8_lossy(block);
        let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
        let version = lines.next().unwrap_or_default().trim().to_string();
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in lines {
            if line.is_empty() {
                continue;
            }
            if line.starts_with([' ', '\t']) {
                if let Some((_, v)) = fields.last_mut() {
                    v.push(' ');
                    v.push_str(line.trim());
                }
                continue;
            }
            if let Some((k, v)) = line.split_once(':') {
                fields.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        WarcHeaders { version, fields }
    }

    pub fn record_id(&self) -> Option<&str> {
        self.get("WARC-Record-ID")
    }
}

/// A complete record: header and block (`Content-Length` bytes).
#[derive(Debug, Clone)]
pub struct Record {
    pub headers: WarcHeaders,
    pub block: Vec<u8>,
}

/// What the reader yields: every byte of the input ends up in exactly one item.
#[derive(Debug)]
pub enum Item {
    Record(Record),
    /// A record began (its header was seen, at least in part) but cannot be read whole.
    Broken {
        headers: Option<WarcHeaders>,
        reason: String,
    },
    /// A record larger than the configured limit, skipped without buffering it.
    Oversize {
        headers: WarcHeaders,
        length: u64,
    },
    /// Not a record: bytes between records that are not WARC, or damage in the stream.
    Damage {
        reason: String,
        bytes: u64,
    },
}

/// Reads WARC items from a [`PieceSource`], resynchronising after damage.
pub struct WarcReader {
    source: Box<dyn PieceSource>,
    buf: Vec<u8>,
    pos: usize,
    pending_break: Option<String>,
    ended: bool,
    max_record_bytes: u64,
    /// After a record with a wrong length, the bytes up to the next record belong to it and
    /// are not reported again as garbage.
    quiet_resync: bool,
    /// Decompressed bytes consumed so far.
    consumed: u64,
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Does `data` start with a WARC version line (`WARC/1.0` or `WARC/1.1`, then CRLF or LF)?
/// `None` when there are not yet enough bytes to tell.
fn starts_with_version_line(data: &[u8]) -> Option<bool> {
    const PREFIX: &[u8] = b"WARC/1.";
    let n = data.len().min(PREFIX.len());
    if data[..n] != PREFIX[..n] {
        return Some(false);
    }
    let rest = data.get(PREFIX.len()..)?;
    let (&minor, rest) = rest.split_first()?;
    if !(minor == b'0' || minor == b'1') {
        return Some(false);
    }
    match rest.first()? {
        b'\n' => Some(true),
        b'\r' => Some(rest.get(1).map(|&b| b == b'\n').unwrap_or(true)),
        _ => Some(false),
    }
}

/// Position of the next plausible record start (`WARC/1.x` at a line start) in `data`, at or
/// after `from`.
fn find_record_start(data: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let line_start = at == 0 || data.get(at.wrapping_sub(1)) == Some(&b'\n');
        let rest = data.get(at..)?;
        if line_start && starts_with_version_line(rest) == Some(true) {
            return Some(at);
        }
        at += rest.iter().position(|&b| b == b'\n')? + 1;
    }
}

impl WarcReader {
    pub fn new(source: Box<dyn PieceSource>, max_record_bytes: u64) -> Self {
        WarcReader {
            source,
            buf: Vec::new(),
            pos: 0,
            pending_break: None,
            ended: false,
            max_record_bytes,
            quiet_resync: false,
            consumed: 0,
        }
    }

    /// Bytes of the input file consumed so far (compressed, for gzip inputs).
    pub fn input_offset(&self) -> u64 {
        self.source.input_offset()
    }

    /// Decompressed bytes consumed so far.
    pub fn bytes_consumed(&self) -> u64 {
        self.consumed
    }

    fn avail(&self) -> &[u8] {
        self.buf.get(self.pos..).unwrap_or(&[])
    }

    fn advance(&mut self, n: usize) {
        let n = n.min(self.avail().len());
        self.pos += n;
        self.consumed += n as u64;
    }

    /// Pulls one more piece; false at a break or the end (until the break is taken).
    fn fill(&mut self) -> bool {
        if self.pending_break.is_some() || self.ended {
            return false;
        }
        match self.source.next_piece() {
            Piece::Data(data) => {
                if self.pos > 0 {
                    self.buf.drain(..self.pos);
                    self.pos = 0;
                }
                self.buf.extend_from_slice(&data);
                true
            }
            Piece::Break(reason) => {
                self.pending_break = Some(reason);
                false
            }
            Piece::End => {
                self.ended = true;
                false
            }
        }
    }

    fn ensure(&mut self, n: usize) -> bool {
        while self.avail().len() < n {
            if !self.fill() {
                return false;
            }
        }
        true
    }

    /// What stopped the stream, for a reason string; takes a pending break.
    fn stop_reason(&mut self) -> String {
        match self.pending_break.take() {
            Some(b) => b,
            None => "end of file".to_string(),
        }
    }

    /// The next item, or None at the end of the input.
    pub fn next_item(&mut self) -> Option<Item> {
        loop {
            // Blank lines between records are tolerated silently.
            loop {
                let skip = self
                    .avail()
                    .iter()
                    .take_while(|&&b| b == b'\r' || b == b'\n')
                    .count();
                self.advance(skip);
                if !self.avail().is_empty() || !self.fill() {
                    break;
                }
            }
            if self.avail().is_empty() {
                if let Some(reason) = self.pending_break.take() {
                    return Some(Item::Damage { reason, bytes: 0 });
                }
                return None;
            }
            // Enough bytes to recognise a version line.
            while starts_with_version_line(self.avail()).is_none() && self.fill() {}
            if starts_with_version_line(self.avail()) != Some(true) {
                if let Some(item) = self.skip_garbage() {
                    return Some(item);
                }
                continue;
            }
            self.quiet_resync = false;
            return Some(self.read_record());
        }
    }

    /// Skips to the next record start (or break / end). Returns the damage to report, if any.
    fn skip_garbage(&mut self) -> Option<Item> {
        let mut skipped: u64 = 0;
        loop {
            let data = self.avail();
            // Keep a short tail: a version line may straddle the next fill.
            match find_record_start(data, 1) {
                Some(at) => {
                    skipped += at as u64;
                    self.advance(at);
                    break;
                }
                None => {
                    let keep = data.len().min(16);
                    let drop = data.len() - keep;
                    skipped += drop as u64;
                    self.advance(drop);
                    if !self.fill() {
                        skipped += self.avail().len() as u64;
                        let n = self.avail().len();
                        self.advance(n);
                        break;
                    }
                }
            }
        }
        if self.quiet_resync || skipped == 0 {
            return None;
        }
        Some(Item::Damage {
            reason: "bytes that are not a WARC record".to_string(),
            bytes: skipped,
        })
    }

    fn read_record(&mut self) -> Item {
        // Header block: up to the first empty line.
        let header_end = loop {
            let data = self.avail();
            let window = &data[..data.len().min(MAX_HEADER_BYTES)];
            if let Some(i) = find(window, b"\r\n\r\n") {
                break Some((i, 4));
            }
            if let Some(i) = find(window, b"\n\n") {
                break Some((i, 2));
            }
            if data.len() >= MAX_HEADER_BYTES || !self.fill() {
                break None;
            }
        };
        let Some((header_len, sep_len)) = header_end else {
            let partial = WarcHeaders::parse(self.avail());
            let reason = if self.avail().len() >= MAX_HEADER_BYTES {
                "record header too long".to_string()
            } else {
                format!("truncated record header ({})", self.stop_reason())
            };
            // Skip the version line only, then resync quietly.
            let line = self
                .avail()
                .iter()
                .position(|&b| b == b'\n')
                .map_or(1, |i| i + 1);
            self.advance(line);
            self.quiet_resync = true;
            return Item::Broken {
                headers: Some(partial),
                reason,
            };
        };
        let headers = WarcHeaders::parse(&self.avail()[..header_len]);
        self.advance(header_len + sep_len);
        let length = headers
            .get("Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok());
        let Some(length) = length else {
            self.quiet_resync = true;
            return Item::Broken {
                headers: Some(headers),
                reason: "missing or invalid Content-Length".to_string(),
            };
        };
        if length > self.max_record_bytes {
            return self.skip_oversize(headers, length);
        }
        // `length` ≤ max_record_bytes, which the caller keeps within usize.
        let len = usize::try_from(length).unwrap_or(usize::MAX);
        if !self.ensure(len) {
            // Fewer bytes than announced: either the stream stops here, or a record follows
            // early (the length is too long).
            if let Some(at) = find_record_start(self.avail(), 1) {
                self.advance(at);
                return Item::Broken {
                    headers: Some(headers),
                    reason: "Content-Length longer than the record".to_string(),
                };
            }
            let n = self.avail().len();
            self.advance(n);
            let why = self.stop_reason();
            return Item::Broken {
                headers: Some(headers),
                reason: format!("truncated record ({why})"),
            };
        }
        // The block must be followed by CRLF CRLF.
        let _ = self.ensure(len + 4);
        let tail = self.avail().get(len..).unwrap_or(&[]);
        let trailer_ok = tail.starts_with(b"\r\n\r\n")
            || (tail.len() < 4 && tail.iter().all(|&b| b == b'\r' || b == b'\n'))
            || tail.starts_with(b"\n\n");
        if trailer_ok {
            let block = self.avail()[..len].to_vec();
            let trailer = tail
                .iter()
                .take(4)
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            self.advance(len + trailer);
            return Item::Record(Record { headers, block });
        }
        if let Some(at) = find_record_start(&self.avail()[..len], 1) {
            self.advance(at);
            return Item::Broken {
                headers: Some(headers),
                reason: "Content-Length longer than the record".to_string(),
            };
        }
        self.advance(len);
        self.quiet_resync = true;
        Item::Broken {
            headers: Some(headers),
            reason: "Content-Length shorter than the record".to_string(),
        }
    }

    fn skip_oversize(&mut self, headers: WarcHeaders, length: u64) -> Item {
        let mut remaining = length;
        while remaining > 0 {
            if self.avail().is_empty() && !self.fill() {
                let why = self.stop_reason();
                return Item::Broken {
                    headers: Some(headers),
                    reason: format!("truncated record ({why})"),
                };
            }
            let take = (self.avail().len() as u64).min(remaining);
            self.advance(take as usize);
            remaining -= take;
        }
        self.quiet_resync = true;
        Item::Oversize { headers, length }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stream::PlainSource;
    use std::io::Cursor;

    fn record(kind: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn items(data: Vec<u8>, max: u64) -> Vec<Item> {
        let mut r = WarcReader::new(Box::new(PlainSource::new(Cursor::new(data))), max);
        std::iter::from_fn(|| r.next_item()).collect()
    }

    #[test]
    fn reads_consecutive_records() {
        let mut data = record("warcinfo", b"software: test");
        data.extend(record("response", b"HTTP/1.1 200 OK\r\n\r\n<p>x</p>"));
        let got = items(data, 1 << 20);
        assert_eq!(got.len(), 2);
        match &got[1] {
            Item::Record(r) => {
                assert_eq!(r.headers.get("warc-type"), Some("response"));
                assert!(r.block.ends_with(b"<p>x</p>"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn garbage_between_records_is_reported_once() {
        let mut data = record("a", b"1");
        data.extend_from_slice(b"some junk\nmore junk\n");
        data.extend(record("b", b"2"));
        let got = items(data, 1 << 20);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(matches!(got[1], Item::Damage { bytes: 20, .. }), "{got:?}");
        assert!(matches!(got[2], Item::Record(_)));
    }

    #[test]
    fn too_long_content_length_keeps_the_next_record() {
        let mut first = record("a", b"12345");
        let text = String::from_utf8(first.clone()).unwrap();
        first = text
            .replace("Content-Length: 5", "Content-Length: 50")
            .into_bytes();
        let mut data = first;
        data.extend(record(
            "b",
            b"second record body that is long enough to cover",
        ));
        let got = items(data, 1 << 20);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(matches!(&got[0], Item::Broken { reason, .. } if reason.contains("longer")));
        assert!(matches!(&got[1], Item::Record(r) if r.headers.get("WARC-Type") == Some("b")));
    }

    #[test]
    fn too_short_content_length_is_one_problem() {
        let text = String::from_utf8(record("a", b"1234567890")).unwrap();
        let mut data = text
            .replace("Content-Length: 10", "Content-Length: 4")
            .into_bytes();
        data.extend(record("b", b"x"));
        let got = items(data, 1 << 20);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(matches!(&got[0], Item::Broken { reason, .. } if reason.contains("shorter")));
        assert!(matches!(got[1], Item::Record(_)));
    }

    #[test]
    fn oversize_record_is_skipped_and_reading_goes_on() {
        let mut data = record("big", &vec![b'x'; 5000]);
        data.extend(record("small", b"ok"));
        let got = items(data, 1000);
        assert!(
            matches!(got[0], Item::Oversize { length: 5000, .. }),
            "{got:?}"
        );
        assert!(matches!(got[1], Item::Record(_)));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn not_a_warc_is_damage_not_a_crash() {
        let got = items(b"<html><body>hello</body></html>".to_vec(), 1000);
        assert_eq!(got.len(), 1);
        assert!(matches!(got[0], Item::Damage { .. }));
    }

    #[test]
    fn truncated_final_record_is_broken() {
        let mut data = record("a", b"0123456789");
        data.truncate(data.len() - 8);
        let got = items(data, 1000);
        assert!(matches!(&got[0], Item::Broken { reason, .. } if reason.contains("truncated")));
    }

    #[test]
    fn version_line_recognition() {
        assert_eq!(starts_with_version_line(b"WARC/1.0\r\n"), Some(true));
        assert_eq!(starts_with_version_line(b"WARC/1.1\n"), Some(true));
        assert_eq!(starts_with_version_line(b"WARC/2.0\r\n"), Some(false));
        assert_eq!(starts_with_version_line(b"WAR"), None);
        assert_eq!(starts_with_version_line(b"HTTP"), Some(false));
        assert_eq!(find_record_start(b"junk\nWARC/1.0\r\n", 1), Some(5));
    }
}
