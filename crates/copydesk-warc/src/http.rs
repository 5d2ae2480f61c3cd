//! The HTTP response inside a WARC `response` record: status line, headers, and the payload
//! with its `Transfer-Encoding` and `Content-Encoding` undone (bounded, so a zip bomb cannot
//! blow the memory up).

use std::io::Read;

/// A parsed HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// Offset of the payload in the record block.
    pub body_offset: usize,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The media type of `Content-Type`, lowercased, without parameters.
    pub fn mime_type(&self) -> Option<String> {
        let ct = self.header("Content-Type")?;
        let mime = ct.split(';').next()?.trim().to_ascii_lowercase();
        (!mime.is_empty()).then_some(mime)
    }

    /// The `charset` parameter of `Content-Type`.
    pub fn charset(&self) -> Option<String> {
        let ct = self.header("Content-Type")?;
        ct.split(';').skip(1).find_map(|param| {
            let (k, v) = param.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches(['"', '\'']).to_string())
                .filter(|c| !c.is_empty())
        })
    }
}

/// Why a payload could not be turned into a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// The block does not start with an HTTP status line.
    NotHttp,
    /// The header block never ends.
    UnterminatedHeader,
    UnsupportedEncoding(String),
    BadEncoding(String),
}

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HttpError::NotHttp => write!(f, "payload is not an HTTP response"),
            HttpError::UnterminatedHeader => write!(f, "HTTP header without an end"),
            HttpError::UnsupportedEncoding(e) => write!(f, "unsupported Content-Encoding {e}"),
            HttpError::BadEncoding(e) => write!(f, "payload cannot be decoded: {e}"),
        }
    }
}

/// Parses the status line and headers at the start of a response record's block.
pub fn parse_response(block: &[u8]) -> Result<HttpResponse, HttpError> {
    if !block.starts_with(b"HTTP/") {
        return Err(HttpError::NotHttp);
    }
    let (head_len, sep) = match block.windows(4).position(|w| w == b"\r\n\r\n") {
        Some(i) => (i, 4),
        None => match block.windows(2).position(|w| w == b"\n\n") {
            Some(i) => (i, 2),
            None => return Err(HttpError::UnterminatedHeader),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.split('\n').map(|l| l.trim_end_matches('\r'));
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or(HttpError::NotHttp)?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(HttpResponse {
        status,
        headers,
        body_offset: head_len + sep,
    })
}

/// The payload with transfer and content encodings undone, at most `limit` bytes. Takes the
/// record block by value: a plain payload (the common case) is cut out of it in place rather
/// than copied into a fresh buffer.
pub fn decoded_body(
    response: &HttpResponse,
    mut block: Vec<u8>,
    limit: usize,
) -> Result<Vec<u8>, HttpError> {
    let body_offset = response.body_offset.min(block.len());
    let raw = &block[body_offset..];
    let chunked = response
        .header("Transfer-Encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    // Crawlers usually store the payload de-chunked but keep the header: only de-chunk
    // when the body really is chunked.
    let dechunked = if chunked { dechunk(raw) } else { None };
    let body: &[u8] = dechunked.as_deref().unwrap_or(raw);
    let encoding = response
        .header("Content-Encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let gzipped = body.starts_with(&[0x1f, 0x8b]);
    match encoding.as_str() {
        "" | "identity" | "none" => {}
        // Crawlers also keep the header after decoding: trust the magic, not the header.
        "gzip" | "x-gzip" if !gzipped => {}
        "gzip" | "x-gzip" => return read_limited(flate2::read::MultiGzDecoder::new(body), limit),
        "deflate" => {
            let zlib = read_limited(flate2::read::ZlibDecoder::new(body), limit);
            return zlib.or_else(|_| read_limited(flate2::read::DeflateDecoder::new(body), limit));
        }
        other => return Err(HttpError::UnsupportedEncoding(other.to_string())),
    }
    Ok(match dechunked {
        Some(body) => body,
        None => {
            block.drain(..body_offset);
            block
        }
    })
}

fn read_limited(reader: impl Read, limit: usize) -> Result<Vec<u8>, HttpError> {
    let mut out = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| HttpError::BadEncoding(e.to_string()))?;
    if out.len() > limit {
        return Err(HttpError::BadEncoding(format!(
            "decoded payload exceeds {limit} bytes"
        )));
    }
    Ok(out)
}

/// Undoes chunked transfer encoding; None when the body is not well-formed chunked data.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = data.iter().position(|&b| b == b'\n')?;
        let line = std::str::from_utf8(&data[..line_end]).ok()?.trim();
        let size_text = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        data = &data[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))?;
    }
}

/// Does the payload look like HTML (for records without a usable `Content-Type`)?
pub fn sniff_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = lower.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || lower.contains("<head")
        || lower.contains("<body")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn parses_status_headers_and_charset() {
        let block =
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>";
        let r = parse_response(block).unwrap();
        assert_eq!(r.status, 404);
        assert_eq!(r.mime_type().as_deref(), Some("text/html"));
        assert_eq!(r.charset().as_deref(), Some("ISO-8859-1"));
        assert_eq!(&block[r.body_offset..], b"<p>");
    }

    #[test]
    fn non_http_payload_is_an_error() {
        assert_eq!(parse_response(b"just text"), Err(HttpError::NotHttp));
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nX: y"),
            Err(HttpError::UnterminatedHeader)
        );
    }

    #[test]
    fn gzip_content_encoding_is_undone() {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(b"<html>hi</html>").unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(e.finish().unwrap());
        let r = parse_response(&block).unwrap();
        assert_eq!(
            decoded_body(&r, block.clone(), 1000).unwrap(),
            b"<html>hi</html>"
        );
        assert!(decoded_body(&r, block, 5).is_err());
    }

    #[test]
    fn chunked_body_is_dechunked_and_plain_body_kept() {
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        let r = parse_response(block).unwrap();
        assert_eq!(decoded_body(&r, block.to_vec(), 100).unwrap(), b"abcde");
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>";
        let r = parse_response(block).unwrap();
        assert_eq!(decoded_body(&r, block.to_vec(), 100).unwrap(), b"<html>");
    }

    #[test]
    fn unknown_encoding_is_reported() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx";
        let r = parse_response(block).unwrap();
        assert_eq!(
            decoded_body(&r, block.to_vec(), 100),
            Err(HttpError::UnsupportedEncoding("br".into()))
        );
    }

    #[test]
    fn sniffs_html() {
        assert!(sniff_html(b"  <!DOCTYPE html><p>"));
        assert!(!sniff_html(b"%PDF-1.4"));
    }
}
