//! The byte stream under the WARC parser: plain or gzip (one member per record, or one member
//! for the whole file), delivered as chunks of decompressed bytes with explicit *breaks* where
//! the stream is damaged (a truncated or corrupt gzip member, bytes that are not gzip between
//! members, a read error).
//!
//! Gzip members are decoded one at a time with a raw inflater so that the compressed offset of
//! every member is known. When a member is damaged, decoding resumes at the next gzip header
//! found *after the start of the damaged member* (the input is seeked back), so a good member
//! that the broken one ran into is never lost.

use std::io::{self, Read, Seek, SeekFrom};

use crc32fast::Hasher as Crc;
use flate2::{Decompress, FlushDecompress, Status};

const CHUNK: usize = 64 * 1024;
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// One step of the stream.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// Decompressed bytes, in order.
    Data(Vec<u8>),
    /// The stream is damaged here; bytes after this point are not contiguous with those before.
    Break(String),
    /// End of input.
    End,
}

/// Anything that yields [`Piece`]s and knows how far into the (compressed) input it is.
pub trait PieceSource: Send {
    fn next_piece(&mut self) -> Piece;
    /// Bytes of the input file consumed so far.
    fn input_offset(&self) -> u64;
}

/// Opens the right source for the input: gzip when it starts with the gzip magic, else plain.
pub fn open_source<R: Read + Seek + Send + 'static>(
    mut input: R,
) -> io::Result<Box<dyn PieceSource>> {
    let mut magic = [0u8; 2];
    let mut got = 0;
    while got < 2 {
        let n = input.read(&mut magic[got..])?;
        if n == 0 {
            break;
        }
        got += n;
    }
    input.seek(SeekFrom::Start(0))?;
    if got == 2 && magic == [0x1f, 0x8b] {
        Ok(Box::new(GzipSource::new(input)))
    } else {
        Ok(Box::new(PlainSource::new(input)))
    }
}

/// An uncompressed WARC.
pub struct PlainSource<R> {
    input: R,
    offset: u64,
    done: bool,
}

impl<R: Read> PlainSource<R> {
    pub fn new(input: R) -> Self {
        PlainSource {
            input,
            offset: 0,
            done: false,
        }
    }
}

impl<R: Read + Send> PieceSource for PlainSource<R> {
    fn next_piece(&mut self) -> Piece {
        if self.done {
            return Piece::End;
        }
        let mut buf = vec![0u8; CHUNK];
        loop {
            match self.input.read(&mut buf) {
                Ok(0) => {
                    self.done = true;
                    return Piece::End;
                }
                Ok(n) => {
                    buf.truncate(n);
                    self.offset += n as u64;
                    return Piece::Data(buf);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Piece::Break(format!("read error: {e}"));
                }
            }
        }
    }

    fn input_offset(&self) -> u64 {
        self.offset
    }
}

enum GzState {
    /// At a member boundary: expect a gzip header (or the end).
    Header,
    Body,
    Trailer,
    /// Looking for the next gzip header after damage.
    Resync,
    Done,
}

/// A gzip WARC: any number of members, each decoded separately.
pub struct GzipSource<R> {
    input: R,
    /// Compressed bytes read but not yet consumed: `buf[pos..len]`.
    buf: Vec<u8>,
    pos: usize,
    /// File offset of `buf[0]`.
    buf_offset: u64,
    eof: bool,
    state: GzState,
    inflater: Decompress,
    crc: Crc,
    member_start: u64,
    /// Damage found while inflating bytes that were delivered first: reported next.
    deferred_damage: Option<String>,
}

impl<R: Read + Seek> GzipSource<R> {
    pub fn new(input: R) -> Self {
        GzipSource {
            input,
            buf: Vec::with_capacity(CHUNK * 2),
            pos: 0,
            buf_offset: 0,
            eof: false,
            state: GzState::Header,
            inflater: Decompress::new(false),
            crc: Crc::new(),
            member_start: 0,
            deferred_damage: None,
        }
    }

    fn offset(&self) -> u64 {
        self.buf_offset + self.pos as u64
    }

    fn available(&self) -> &[u8] {
        self.buf.get(self.pos..).unwrap_or(&[])
    }

    /// Reads more compressed input; false at end of file (or on a read error, reported as end).
    fn refill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.buf_offset += self.pos as u64;
            self.pos = 0;
        }
        // `read_to_end` on a `Take` appends into spare capacity without zeroing it first.
        let limit = CHUNK as u64;
        match (&mut self.input).take(limit).read_to_end(&mut self.buf) {
            Ok(0) => {
                self.eof = true;
                Ok(false)
            }
            Ok(_) => Ok(true),
            Err(e) => {
                self.eof = true;
                Err(e)
            }
        }
    }

    /// Makes at least `n` bytes available if the input has them.
    fn ensure(&mut self, n: usize) -> io::Result<bool> {
        while self.available().len() < n {
            if !self.refill()? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Seeks the input to `offset` and drops the buffer (used to resync after damage).
    fn rewind_to(&mut self, offset: u64) -> io::Result<()> {
        self.input.seek(SeekFrom::Start(offset))?;
        self.buf.clear();
        self.pos = 0;
        self.buf_offset = offset;
        self.eof = false;
        Ok(())
    }

    /// Parses a gzip member header at the current position. `Ok(None)`: not a valid header.
    fn parse_header(&mut self) -> io::Result<Option<usize>> {
        // A plain header is 10 bytes and usually already buffered; only a header that does not
        // parse from what is there gets more look-ahead (64 KiB bounds its optional fields).
        let _ = self.ensure(10)?;
        if let Some(len) = gzip_header_len(self.available()) {
            return Ok(Some(len));
        }
        let _ = self.ensure(CHUNK)?;
        Ok(gzip_header_len(self.available()))
    }

    fn damaged(&mut self, reason: String) -> Piece {
        // Start looking for the next member one byte after the damaged member's header, so a
        // good member that the damaged one ran into is found again.
        let restart = self.member_start + 1;
        match self.rewind_to(restart) {
            Ok(()) => self.state = GzState::Resync,
            Err(e) => {
                self.state = GzState::Done;
                return Piece::Break(format!("{reason}; then seek failed: {e}"));
            }
        }
        Piece::Break(reason)
    }
}

/// Length of the gzip header at the start of `data`, or None if `data` does not start with a
/// complete, plausible gzip header.
pub fn gzip_header_len(data: &[u8]) -> Option<usize> {
    if data.len() < 10 || data[..3] != GZIP_MAGIC {
        return None;
    }
    let flags = data[3];
    if flags & 0xe0 != 0 {
        return None; // reserved bits must be zero
    }
    let mut at = 10usize;
    if flags & 0x04 != 0 {
        let lo = *data.get(at)? as usize;
        let hi = *data.get(at + 1)? as usize;
        at = at.checked_add(2 + (lo | (hi << 8)))?;
    }
    for flag in [0x08u8, 0x10] {
        if flags & flag != 0 {
            let end = data.get(at..)?.iter().position(|&b| b == 0)?;
            at += end + 1;
        }
    }
    if flags & 0x02 != 0 {
        at += 2;
    }
    (at <= data.len()).then_some(at)
}

impl<R: Read + Seek + Send> PieceSource for GzipSource<R> {
    fn next_piece(&mut self) -> Piece {
        if let Some(reason) = self.deferred_damage.take() {
            return self.damaged(reason);
        }
        loop {
            match self.state {
                GzState::Done => return Piece::End,
                GzState::Header => {
                    match self.ensure(1) {
                        Ok(true) => {}
                        Ok(false) => {
                            self.state = GzState::Done;
                            return Piece::End;
                        }
                        Err(e) => {
                            self.state = GzState::Done;
                            return Piece::Break(format!("read error: {e}"));
                        }
                    }
                    self.member_start = self.offset();
                    match self.parse_header() {
                        Ok(Some(len)) => {
                            self.pos += len;
                            self.inflater.reset(false);
                            self.crc = Crc::new();
                            self.state = GzState::Body;
                        }
                        Ok(None) => {
                            self.state = GzState::Resync;
                            return Piece::Break(format!(
                                "bytes that are not gzip at input offset {}",
                                self.member_start
                            ));
                        }
                        Err(e) => {
                            self.state = GzState::Done;
                            return Piece::Break(format!("read error: {e}"));
                        }
                    }
                }
                GzState::Resync => {
                    // Scan for the next plausible member header.
                    loop {
                        match self.ensure(10) {
                            Ok(true) => {}
                            Ok(false) | Err(_) => {
                                self.state = GzState::Done;
                                return Piece::End;
                            }
                        }
                        let data = self.available();
                        match data.windows(3).position(|w| w == GZIP_MAGIC) {
                            Some(i) => {
                                self.pos += i;
                                if self.parse_header().ok().flatten().is_some() {
                                    self.state = GzState::Header;
                                    break;
                                }
                                self.pos += 1;
                            }
                            None => {
                                // Keep the last two bytes: a magic may straddle the refill.
                                let keep = data.len().saturating_sub(2);
                                self.pos += keep;
                                match self.refill() {
                                    Ok(true) => {}
                                    _ => {
                                        self.state = GzState::Done;
                                        return Piece::End;
                                    }
                                }
                            }
                        }
                    }
                }
                GzState::Body => {
                    if self.available().is_empty() {
                        match self.refill() {
                            Ok(true) => {}
                            Ok(false) => {
                                let at = self.member_start;
                                self.state = GzState::Done;
                                return Piece::Break(format!(
                                    "truncated gzip member at input offset {at}"
                                ));
                            }
                            Err(e) => {
                                self.state = GzState::Done;
                                return Piece::Break(format!("read error: {e}"));
                            }
                        }
                    }
                    let mut out = Vec::with_capacity(CHUNK);
                    let before_in = self.inflater.total_in();
                    let input = self.buf.get(self.pos..).unwrap_or(&[]);
                    let result =
                        self.inflater
                            .decompress_vec(input, &mut out, FlushDecompress::None);
                    let consumed = (self.inflater.total_in() - before_in) as usize;
                    self.pos += consumed;
                    match result {
                        Ok(status) => {
                            self.crc.update(&out);
                            if status == Status::StreamEnd {
                                self.state = GzState::Trailer;
                            }
                            if !out.is_empty() {
                                return Piece::Data(out);
                            }
                            if status != Status::StreamEnd && consumed == 0 {
                                // No progress with input available: needs more input.
                                match self.refill() {
                                    Ok(true) => {}
                                    _ => {
                                        let at = self.member_start;
                                        self.state = GzState::Done;
                                        return Piece::Break(format!(
                                            "truncated gzip member at input offset {at}"
                                        ));
                                    }
                                }
                            }
                        }
                        Err(e) => {
                            let at = self.member_start;
                            let reason = format!("corrupt gzip member at input offset {at}: {e}");
                            // The bytes inflated before the damage come first (the record they
                            // begin must still be seen, to be counted as broken).
                            if !out.is_empty() {
                                self.deferred_damage = Some(reason);
                                return Piece::Data(out);
                            }
                            return self.damaged(reason);
                        }
                    }
                }
                GzState::Trailer => {
                    match self.ensure(8) {
                        Ok(true) => {}
                        _ => {
                            self.state = GzState::Done;
                            return Piece::Break("gzip member without its trailer".to_string());
                        }
                    }
                    let t = self.available();
                    let crc = u32::from_le_bytes([t[0], t[1], t[2], t[3]]);
                    let size = u32::from_le_bytes([t[4], t[5], t[6], t[7]]);
                    self.pos += 8;
                    self.state = GzState::Header;
                    // ISIZE is the member's length modulo 2^32.
                    let expected_size = self.inflater.total_out() as u32;
                    if crc != self.crc.clone().finalize() || size != expected_size {
                        let at = self.member_start;
                        return self.damaged(format!(
                            "gzip checksum mismatch in member at input offset {at}"
                        ));
                    }
                }
            }
        }
    }

    fn input_offset(&self) -> u64 {
        self.offset()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::{Cursor, Write};

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn drain(mut src: Box<dyn PieceSource>) -> (Vec<u8>, Vec<String>) {
        let mut data = Vec::new();
        let mut breaks = Vec::new();
        loop {
            match src.next_piece() {
                Piece::Data(d) => data.extend_from_slice(&d),
                Piece::Break(b) => breaks.push(b),
                Piece::End => return (data, breaks),
            }
        }
    }

    #[test]
    fn concatenated_members_decode_in_order() {
        let mut file = gz(b"hello ");
        file.extend(gz(b"world"));
        let (data, breaks) = drain(open_source(Cursor::new(file)).unwrap());
        assert_eq!(data, b"hello world");
        assert!(breaks.is_empty(), "{breaks:?}");
    }

    #[test]
    fn plain_input_passes_through() {
        let (data, breaks) = drain(open_source(Cursor::new(b"WARC/1.0\r\n".to_vec())).unwrap());
        assert_eq!(data, b"WARC/1.0\r\n");
        assert!(breaks.is_empty());
    }

    #[test]
    fn truncated_member_is_a_break_and_the_next_member_survives() {
        let first = gz(&b"first member ".repeat(200));
        let mut file = first[..first.len() / 2].to_vec();
        file.extend(gz(b"second"));
        let (data, breaks) = drain(open_source(Cursor::new(file)).unwrap());
        assert!(!breaks.is_empty());
        // What inflated before the damage is delivered, so its record can be counted.
        assert!(data.starts_with(b"first member "), "{data:?}");
        assert!(
            data.ends_with(b"second"),
            "{:?}",
            String::from_utf8_lossy(&data)
        );
    }

    #[test]
    fn garbage_between_members_is_a_break() {
        let mut file = gz(b"one");
        file.extend_from_slice(b"not gzip at all");
        file.extend(gz(b"two"));
        let (data, breaks) = drain(open_source(Cursor::new(file)).unwrap());
        assert_eq!(data, b"onetwo");
        assert_eq!(breaks.len(), 1, "{breaks:?}");
    }

    #[test]
    fn truncated_last_member_reports_truncation() {
        let whole = gz(&b"abc".repeat(1000));
        let file = whole[..whole.len() - 20].to_vec();
        let (_, breaks) = drain(open_source(Cursor::new(file)).unwrap());
        assert_eq!(breaks.len(), 1, "{breaks:?}");
    }

    #[test]
    fn header_parser_rejects_short_and_reserved_flags() {
        assert_eq!(gzip_header_len(&[0x1f, 0x8b, 8]), None);
        assert_eq!(
            gzip_header_len(&[0x1f, 0x8b, 8, 0xe0, 0, 0, 0, 0, 0, 0]),
            None
        );
        assert_eq!(
            gzip_header_len(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0]),
            Some(10)
        );
    }
}
