//! URL resolution: relative links against `<base href>` (itself resolved against the
//! page's address) or the page's address.

use url::Url;

/// The base for relative links: `<base href>` resolved against the page URL, else the page URL.
pub fn base_url(page_url: Option<&str>, base_href: Option<&str>) -> Option<Url> {
    let page = page_url.and_then(|u| Url::parse(u.trim()).ok());
    match base_href.map(str::trim).filter(|h| !h.is_empty()) {
        Some(h) => Url::parse(h)
            .ok()
            .or_else(|| page.as_ref().and_then(|p| p.join(h).ok()))
            .or(page),
        None => page,
    }
}

/// `href` as an absolute http(s) URL, or `None` when it cannot be made one.
pub fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.len() > 4096 || href.starts_with("data:") {
        return None;
    }
    let abs = match Url::parse(href) {
        Ok(u) => u,
        Err(_) => base?.join(href).ok()?,
    };
    matches!(abs.scheme(), "http" | "https").then(|| abs.to_string())
}

/// Whether `u` is an absolute http(s) URL.
pub fn is_absolute(u: &str) -> bool {
    Url::parse(u.trim()).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// Whether `page` lies under `section`: the same host, and `section`'s path (not the
/// bare root) a leading part of `page`'s ("https://x.test/team/story" under
/// "https://x.test/team").
pub fn is_within(page: &str, section: &str) -> bool {
    let (Ok(p), Ok(s)) = (Url::parse(page.trim()), Url::parse(section.trim())) else {
        return false;
    };
    let dir = s.path().trim_end_matches('/');
    p.host_str() == s.host_str()
        && dir.len() > 1
        && p.path()
            .strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The host without a leading "www.", lowercased.
pub fn host_of(url: &str) -> Option<String> {
    let u = Url::parse(url.trim()).ok()?;
    let h = u.host_str()?.to_ascii_lowercase();
    Some(h.strip_prefix("www.").unwrap_or(&h).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_within_a_section() {
        assert!(is_within(
            "https://x.test/team/story-1",
            "https://x.test/team"
        ));
        assert!(is_within(
            "https://x.test/team/story-1",
            "https://x.test/team/"
        ));
        assert!(!is_within(
            "https://x.test/teams/story",
            "https://x.test/team"
        ));
        assert!(!is_within("https://x.test/team/story", "https://x.test/"));
        assert!(!is_within(
            "https://y.test/team/story",
            "https://x.test/team"
        ));
        assert!(!is_within("not a url", "https://x.test/team"));
    }

    #[test]
    fn resolves_against_base_element() {
        let b = base_url(Some("https://a.test/x/page.html"), Some("/static/"));
        assert_eq!(
            resolve(b.as_ref(), "img/a.jpg").as_deref(),
            Some("https://a.test/static/img/a.jpg")
        );
        let b = base_url(Some("https://a.test/x/page.html"), None);
        assert_eq!(
            resolve(b.as_ref(), "a.jpg").as_deref(),
            Some("https://a.test/x/a.jpg")
        );
        assert_eq!(
            resolve(b.as_ref(), "//cdn.test/a.jpg").as_deref(),
            Some("https://cdn.test/a.jpg")
        );
        assert_eq!(resolve(None, "a.jpg"), None);
        assert_eq!(resolve(b.as_ref(), "javascript:void(0)"), None);
        assert_eq!(
            host_of("https://www.Example.com/a").as_deref(),
            Some("example.com")
        );
    }
}
