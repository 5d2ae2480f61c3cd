//! A sign-in or sign-up dialog left as text: a shop's account pop-up ("Enter Your Email to
//! Sign In or Sign Up", "Email Address*", "Password*", "Keep Me Signed In", "Forgot
//! Password", "Create Password", "Minimum 8 characters"), a forum's log-in box. The template
//! prints it, hidden, on every page, often in the middle of the page's text where no wall or
//! menu rule reaches it. Words in [`crate::rules::signin`].
//!
//! The dialog is found by its password field: a line that is only a password field's label
//! ("Password", "Passwort:", "Mot de passe *"), with an account control ("Forgot your
//! password?", "Remember me", "Username", "Sign in") within [`DIALOG_REACH`] lines of it.
//! Every line still kept from the first such control to the last, and up to
//! [`DIALOG_REACH`] lines beyond them, goes — until a line longer than a dialog's
//! ([`MAX_DIALOG_WORDS`]): the page's own text. A story that mentions a password, and a
//! manual listing a "Password" option without the controls around it, stay.

use super::lines::Line;
use super::Verdict;
use crate::rules::signin::{
    ACCOUNT_CONTROLS, DIALOG_REACH, MAX_DIALOG_LINE_BYTES, MAX_DIALOG_WORDS, PASSWORD_LABELS,
};

/// Drops the kept lines of every sign-in or sign-up dialog in the text.
pub fn drop_sign_in_dialogs(lines: &[Line<'_>], verdicts: &mut [Verdict]) {
    let n = lines.len().min(verdicts.len());
    let passwords: Vec<usize> = (0..n)
        .filter(|&i| is_one_of(lines[i].text, PASSWORD_LABELS))
        .collect();
    if passwords.is_empty() {
        return;
    }
    let near_password = |i: usize| passwords.iter().any(|&p| p.abs_diff(i) <= DIALOG_REACH);
    let controls: Vec<usize> = (0..n)
        .filter(|&i| near_password(i) && is_one_of(lines[i].text, ACCOUNT_CONTROLS))
        .collect();
    // A password field with a control beside it, and those controls: the dialog's lines.
    let fields: Vec<usize> = passwords
        .iter()
        .copied()
        .filter(|&p| controls.iter().any(|&c| c.abs_diff(p) <= DIALOG_REACH))
        .collect();
    if fields.is_empty() {
        return;
    }
    let anchors = fields.iter().copied().chain(
        controls
            .iter()
            .copied()
            .filter(|&c| fields.iter().any(|&p| c.abs_diff(p) <= DIALOG_REACH)),
    );
    for a in anchors {
        // Upward and downward from each anchor, while the lines read as the dialog's.
        let low = a.saturating_sub(DIALOG_REACH);
        for j in (low..=a).rev() {
            if !drop_if_dialog_line(&lines[j], &mut verdicts[j]) {
                break;
            }
        }
        let high = (a + DIALOG_REACH).min(n - 1);
        for j in a..=high {
            if !drop_if_dialog_line(&lines[j], &mut verdicts[j]) {
                break;
            }
        }
    }
}

/// Drops a kept line of the dialog's length; false (the walk stops) at a longer line.
fn drop_if_dialog_line(line: &Line<'_>, verdict: &mut Verdict) -> bool {
    if line.words > MAX_DIALOG_WORDS {
        return false;
    }
    if *verdict == Verdict::Keep && !line.is_blank() {
        *verdict = Verdict::Drop;
    }
    true
}

/// Whether the whole line, ASCII case folded and without a required field's `*` or a
/// trailing colon, is one of `entries`.
fn is_one_of(text: &str, entries: &[&str]) -> bool {
    if text.len() > MAX_DIALOG_LINE_BYTES {
        return false;
    }
    let core = text
        .trim()
        .trim_end_matches(|c: char| c == '*' || c == ':' || c == '：' || c.is_whitespace())
        .trim_start_matches('*')
        .trim();
    !core.is_empty() && entries.iter().any(|e| core.eq_ignore_ascii_case(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Verdict)> {
        let lines: Vec<Line<'_>> = text.lines().map(Line::new).collect();
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        drop_sign_in_dialogs(&lines, &mut verdicts);
        lines
            .iter()
            .zip(verdicts)
            .map(|(l, v)| (l.text.to_owned(), v))
            .collect()
    }

    fn kept(out: &[(String, Verdict)]) -> Vec<&str> {
        out.iter()
            .filter(|(_, v)| *v == Verdict::Keep)
            .map(|(t, _)| t.as_str())
            .collect()
    }

    #[test]
    fn a_shop_s_account_dialog_goes_the_page_stays() {
        let text = "Shop Crocs Classic Clogs\n\
            Experience iconic comfort with Crocs Classic Clogs, the timeless favourites that \
            redefine casual style for the whole family this season.\n\
            Need Help?\n\
            Enter Your Email to Sign In or Sign Up\n\
            Email Address*\n\
            Continue\n\
            Welcome Back!\n\
            Password*\n\
            Show Hide\n\
            Keep Me Signed In\n\
            Forgot Password\n\
            Minimum 8 characters\n\
            Upper and lowercase letters\n\
            We ship every order from our own warehouse in Ohio, and every pair can be returned \
            to any of our stores within ninety days of purchase.";
        let out = run(text);
        assert_eq!(
            kept(&out),
            vec![
                "Shop Crocs Classic Clogs",
                out[1].0.as_str(),
                out[13].0.as_str(),
            ]
        );
    }

    #[test]
    fn german_log_in_box() {
        let out = run("Anmelden\nBenutzername\nPasswort:\nAngemeldet bleiben\nPasswort vergessen?");
        assert!(kept(&out).is_empty());
    }

    #[test]
    fn a_password_without_controls_and_a_story_stay() {
        // A manual's option list: "Password" with no account control around it.
        let text = "Options\nHost\nPort\nPassword\nTimeout\n\
            Choose a password of at least twelve characters, and never reuse the password of \
            your e-mail account on another site.";
        let out = run(text);
        assert_eq!(kept(&out).len(), out.len());
        // Controls without a password field (a site's menu) stay too.
        let out = run("Home\nSign in\nRegister\nRemember me\nAbout");
        assert_eq!(kept(&out).len(), out.len());
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(run("").is_empty());
        let out = run("Password\nSign in");
        assert!(kept(&out).is_empty());
        let out = run("Passwort");
        assert_eq!(kept(&out), vec!["Passwort"]);
    }
}
