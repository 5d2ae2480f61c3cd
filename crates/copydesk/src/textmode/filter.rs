//! Which lines of the story region are boilerplate: phrase-table lines anywhere, the comment
//! section (from its opening line to the end), "related" lists, bare field labels, and the
//! short residue below the story's last paragraph.
//!
//! Everything here leans to keeping: a line is dropped for a named reason a page author would
//! recognise, never for merely being short in the middle of the story.

use super::lines::Line;
use super::Verdict;
use crate::rules::phrases::Kind;

/// Line indices the story region spans.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    /// First prose line (the story starts here).
    pub first_prose: usize,
    /// Last prose line before the comment section.
    pub last_prose: usize,
}

/// Marks boilerplate below the head. Returns the index where the comment section opens.
pub fn apply(lines: &[Line<'_>], region: Region, verdicts: &mut [Verdict]) -> Option<usize> {
    let n = lines.len().min(verdicts.len());
    let comments = comment_section_start(lines, region.first_prose);
    let story_end = comments.unwrap_or(n);
    let mut in_related = false;
    for i in region.first_prose.min(n)..story_end {
        let line = &lines[i];
        if line.is_blank() || verdicts[i] != Verdict::Keep {
            continue;
        }
        if line.is_prose() {
            in_related = false;
            continue;
        }
        if let Some(kind) = line.kind {
            verdicts[i] = Verdict::Drop;
            in_related = kind == Kind::Related;
            continue;
        }
        if in_related && !line.sentence {
            // The teaser titles of a "related" list run until the story's prose resumes.
            verdicts[i] = Verdict::Drop;
            continue;
        }
        if let Some(label) = line.label {
            if label.value.is_empty() || i > region.last_prose {
                verdicts[i] = Verdict::Meta;
                continue;
            }
        }
        if i > region.last_prose && line.is_short() {
            verdicts[i] = Verdict::Drop;
        }
    }
    // Phrase lines in the head were left for here: they are dropped too.
    for i in 0..region.first_prose.min(n) {
        if lines[i].kind.is_some() && verdicts[i] == Verdict::Keep {
            verdicts[i] = Verdict::Drop;
        }
    }
    for v in verdicts.iter_mut().take(n).skip(story_end) {
        *v = Verdict::Comment;
    }
    comments
}

/// The line that opens the comment section ("Add new comment", "12 Comments", "Leave a
/// Reply"), if one stands below the story's first paragraph.
pub fn comment_section_start(lines: &[Line<'_>], first_prose: usize) -> Option<usize> {
    (first_prose + 1..lines.len()).find(|&i| lines[i].kind == Some(Kind::CommentSection))
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    fn verdicts(text: &str) -> Vec<(String, Verdict)> {
        let lines = split(text);
        let first = lines.iter().position(Line::is_prose).unwrap_or(0);
        let last = lines.iter().rposition(Line::is_prose).unwrap_or(0);
        let mut v = vec![Verdict::Keep; lines.len()];
        apply(
            &lines,
            Region {
                first_prose: first,
                last_prose: last,
            },
            &mut v,
        );
        lines.iter().map(|l| l.text.to_owned()).zip(v).collect()
    }

    #[test]
    fn comment_section_runs_to_the_end() {
        let v = verdicts("The council voted on Tuesday to rebuild the bridge that was closed.\nShort line kept\nThe work starts in spring and will take two years, the mayor said.\n3 Comments\nI think this is a very good idea and I hope they finish it on time.\nReply");
        assert_eq!(v[1].1, Verdict::Keep);
        assert_eq!(v[2].1, Verdict::Keep);
        assert!(v[3..].iter().all(|(_, x)| *x == Verdict::Comment));
    }

    #[test]
    fn related_lists_and_footer_residue() {
        let v = verdicts("The council voted on Tuesday to rebuild the bridge that was closed.\nRelated articles\nBridge closed after flood\nMayor under pressure\nThe work starts in spring and will take two years, the mayor said.\nAbout us\nContact the newsroom\nFecha:\n© 2019 Example Media");
        let kept: Vec<&str> = v
            .iter()
            .filter(|(_, x)| *x == Verdict::Keep)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            kept,
            vec![
                "The council voted on Tuesday to rebuild the bridge that was closed.",
                "The work starts in spring and will take two years, the mayor said."
            ]
        );
    }

    #[test]
    fn short_lines_inside_the_story_are_kept() {
        let v = verdicts("The recipe needs only a few things from the shop around the corner.\n200 g sugar\n3 eggs\nMix everything and bake it for forty minutes at medium heat.");
        assert!(v.iter().all(|(_, x)| *x == Verdict::Keep));
    }
}
