//! A cookie consent dialog or preference centre left as text: "We use cookies to improve
//! your experience …", "Manage Cookie Preferences", "Necessary Cookies", "These cookies are
//! essential …", "Analytics Cookies", "Accept all". The site prints it, hidden, on every
//! page, often in the middle or at the end of the page's text where no wall or menu rule
//! reaches it, and its paragraphs read like prose. Words in [`crate::rules::cookies`].
//!
//! A *cookie line* names cookies (the word) and a word of consent, its categories or its
//! controls ([`CONSENT_WORDS`]). A dialog is a run of at least [`MIN_COOKIE_LINES`] cookie
//! lines, each within [`MAX_GAP_LINES`] shown lines of the next, one of them a control or a
//! category's heading (short, no sentence: "Manage cookie settings"), holding less than
//! [`MAX_SHARE_OF_TEXT`] of the text's kept words (more is a cookie policy, the page's own
//! subject). Every line still kept from its first cookie line to its last goes (the
//! category descriptions and toggles between them). A manual on HTTP cookies ("Reading cookies:") names no consent word, and a
//! privacy policy's paragraphs on cookies have no control line among them: both stay.

use super::lines::Line;
use super::Verdict;
use crate::rules::cookies::{
    CONSENT_WORDS, MAX_CONTROL_WORDS, MAX_GAP_LINES, MAX_SHARE_OF_TEXT, MIN_COOKIE_LINES,
};

/// Drops the kept lines of every cookie dialog in the text.
pub fn drop_cookie_dialogs(lines: &[Line<'_>], verdicts: &mut [Verdict]) {
    let n = lines.len().min(verdicts.len());
    let kept_words: usize = (0..n)
        .filter(|&i| verdicts[i] == Verdict::Keep)
        .map(|i| lines[i].words)
        .sum();
    let finish = |r: (usize, usize, usize, bool), verdicts: &mut [Verdict]| {
        close(r, lines, kept_words, verdicts)
    };
    // The run: its first and last cookie line, how many, whether one is a control.
    let mut run: Option<(usize, usize, usize, bool)> = None;
    let mut shown_since = 0usize;
    for (i, line) in lines.iter().enumerate().take(n) {
        if line.is_blank() {
            continue;
        }
        if !is_cookie_line(line.text) {
            shown_since = shown_since.saturating_add(1);
            if shown_since > MAX_GAP_LINES {
                if let Some(r) = run.take() {
                    finish(r, verdicts);
                }
            }
            continue;
        }
        shown_since = 0;
        let control = is_control(line);
        run = Some(match run {
            Some((first, _, count, c)) => (first, i, count.saturating_add(1), c || control),
            None => (i, i, 1, control),
        });
    }
    if let Some(r) = run {
        finish(r, verdicts);
    }
}

/// Drops the kept lines of a finished run, if it is a dialog and not the page's subject
/// (`kept_words`: the text's kept words).
fn close(
    (first, last, count, control): (usize, usize, usize, bool),
    lines: &[Line<'_>],
    kept_words: usize,
    verdicts: &mut [Verdict],
) {
    if count < MIN_COOKIE_LINES || !control {
        return;
    }
    let words: usize = lines
        .iter()
        .zip(verdicts.iter())
        .take(last.saturating_add(1))
        .skip(first)
        .filter(|(_, v)| **v == Verdict::Keep)
        .map(|(l, _)| l.words)
        .sum();
    if words as f64 >= kept_words as f64 * MAX_SHARE_OF_TEXT {
        return;
    }
    if let Some(run) = verdicts.get_mut(first..=last) {
        for v in run.iter_mut().filter(|v| **v == Verdict::Keep) {
            *v = Verdict::Drop;
        }
    }
}

/// A dialog's control or a category's heading: a short cookie line that ends no sentence.
fn is_control(line: &Line<'_>) -> bool {
    line.words <= MAX_CONTROL_WORDS && !line.text.ends_with(['.', '?', '!'])
}

/// Whether a line names cookies (the word, in any ASCII case) and a consent word.
fn is_cookie_line(text: &str) -> bool {
    if !names_cookies(text) {
        return false;
    }
    let lowered = text.to_ascii_lowercase();
    CONSENT_WORDS.iter().any(|w| lowered.contains(w))
}

/// Whether `text` holds "cookie" or "cookies" as a word (not "cookielawinfo").
fn names_cookies(text: &str) -> bool {
    const WORD: &[u8] = b"cookie";
    let bytes = text.as_bytes();
    // Every line is asked; almost none holds the word. A SIMD search for its tail in the two
    // casings a page writes ("cookies", "Cookie", "COOKIES") turns the rest away at once.
    if memchr::memmem::find(bytes, b"ookie").is_none()
        && memchr::memmem::find(bytes, b"OOKIE").is_none()
    {
        return false;
    }
    let mut from = 0usize;
    while let Some(rest) = bytes.get(from..) {
        let Some(at) = rest
            .windows(WORD.len())
            .position(|w| w.eq_ignore_ascii_case(WORD))
        else {
            return false;
        };
        let start = from.saturating_add(at);
        let end = start.saturating_add(WORD.len());
        let before_ok = start == 0
            || bytes
                .get(start.wrapping_sub(1))
                .is_some_and(|b| !b.is_ascii_alphanumeric());
        let after = match bytes.get(end) {
            Some(b's' | b'S') => end.saturating_add(1),
            _ => end,
        };
        let after_ok = bytes.get(after).is_none_or(|b| !b.is_ascii_alphanumeric());
        if before_ok && after_ok {
            return true;
        }
        from = start.saturating_add(1);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Verdict> {
        let lines: Vec<Line<'_>> = text.lines().map(Line::new).collect();
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        drop_cookie_dialogs(&lines, &mut verdicts);
        verdicts
    }

    fn kept(text: &str) -> Vec<&str> {
        text.lines()
            .zip(run(text))
            .filter(|(_, v)| *v == Verdict::Keep)
            .map(|(l, _)| l)
            .collect()
    }

    #[test]
    fn a_preference_centre_goes() {
        let text = "Our team repairs treadmills and bikes across the county every week, from \
            the gym chains' fleets to the one rowing machine in a retired coach's garage, and \
            we carry the parts for every major brand sold in the last twenty years.\n\
            We use cookies to improve your web browsing experience and for marketing.\n\
            Manage Cookie Preferences\n\
            Customize Your Cookie Settings\n\
            These technologies are strictly necessary to provide you with services.\n\
            Analytics Cookies\n\
            Cookies collect information about how you use our website.\n\
            Contact us for a free quote today.";
        assert_eq!(
            kept(text),
            vec![
                "Our team repairs treadmills and bikes across the county every week, from \
                 the gym chains' fleets to the one rowing machine in a retired coach's garage, and \
                 we carry the parts for every major brand sold in the last twenty years.",
                "Contact us for a free quote today.",
            ]
        );
    }

    #[test]
    fn a_manual_on_http_cookies_stays() {
        let text = "Cookies\n\
            To access cookies you can use the cookies attribute.\n\
            Reading cookies:\n\
            username = request.cookies.get('username')\n\
            Storing cookies:\n\
            Note that cookies are set on response objects.";
        assert!(run(text).iter().all(|v| *v == Verdict::Keep));
    }

    #[test]
    fn a_privacy_policys_paragraphs_stay() {
        let text = "Do we use 'cookies'?\n\
            You can choose to have your computer warn you each time a cookie is sent, in your browser settings.\n\
            If you turn cookies off, some features that make your site experience more efficient may not function.\n\
            Google, as a third-party vendor, uses cookies to serve ads on our site.\n\
            We honor Do Not Track signals and do not plant cookies when it is in place.";
        assert!(run(text).iter().all(|v| *v == Verdict::Keep));
    }

    #[test]
    fn far_apart_cookie_lines_stay() {
        let text = "Cookie Settings\n\
            One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight.\nNine.\n\
            We use cookies on our site.\n\
            One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight.\nNine.\n\
            Manage cookies";
        assert!(run(text).iter().all(|v| *v == Verdict::Keep));
    }

    #[test]
    fn a_cookie_policy_page_stays() {
        let text = "Cookie Policy\n\
            This policy explains how our website uses cookies and how you can manage them.\n\
            Necessary cookies\n\
            These cookies are needed for the site to work and cannot be switched off.\n\
            Analytics cookies\n\
            These cookies let us count visits so we can measure and improve our site.";
        assert!(run(text).iter().all(|v| *v == Verdict::Keep));
    }

    #[test]
    fn a_banner_and_its_button_go() {
        let text = "The clinic opens a second location in the spring, with longer hours on weekdays and a new pharmacy counter.\n\
            We use cookies to give you the best experience on our website.\n\
            Cookie settings\n\
            Staff from the first location will train the new team over the winter months.";
        assert_eq!(run(text)[1..3], [Verdict::Drop, Verdict::Drop]);
        assert_eq!(run(text)[0], Verdict::Keep);
        assert_eq!(run(text)[3], Verdict::Keep);
    }

    #[test]
    fn a_recipe_stays() {
        let text = "Easy cookie recipes for the holidays\n\
            These cookies bake in twelve minutes.\n\
            Chill the cookie dough for an hour before baking.\n\
            Store the cookies in a tin.";
        assert!(run(text).iter().all(|v| *v == Verdict::Keep));
    }

    #[test]
    fn the_word_alone() {
        assert!(names_cookies("Cookie Settings"));
        assert!(names_cookies("manage COOKIES"));
        assert!(!names_cookies("cookielawinfo-checkbox-analytics"));
        assert!(!names_cookies("fortune cookiejar"));
        assert!(!names_cookies(""));
    }
}
