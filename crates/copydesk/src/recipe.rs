//! A declared recipe's ingredient list is content, wherever the template puts it.
//!
//! Recipe pages often set the ingredients in a box of their own (a table, a sidebar card, a
//! list beside the photo) apart from the method, and selection picks the method's container.
//! A page that declares a schema.org `Recipe` (JSON-LD or microdata) names its ingredient
//! lines ([`crate::metadata::Metadata::recipe_ingredients`]); the run of blocks in the markup
//! that spells out those lines, with its heading or servings line ("Zutaten für 12 Stück")
//! just above, belongs to the story and joins the selection in document order.

use std::collections::HashSet;

use crate::blocks::{Block, BlockKind};

/// A run must spell out at least this many ingredient lines not yet in the selection.
const MIN_NEW_INGREDIENTS: usize = 2;
/// Blocks between two ingredient lines that keep the run going (a sub-heading such as
/// "For the topping:", a note).
const MAX_GAP_BLOCKS: usize = 2;
/// A block bridged inside a run, or taken as the run's heading, is at most this long.
const MAX_LABEL_CHARS: usize = 80;
/// Heading or servings lines taken from just above a run at most.
const MAX_LABEL_BLOCKS: usize = 2;
/// A block and an ingredient line that contain one another match when the shorter is at
/// least this share of the longer (a unit or a note around the same line).
const MIN_OVERLAP_SHARE: f32 = 0.6;
/// A block that holds several ingredient lines is a list when they make up this share of it.
const MIN_LIST_SHARE: f32 = 0.5;
/// Blocks longer than this are prose, not an ingredient list (checked for speed).
const MAX_LIST_BLOCK_CHARS: usize = 3000;
/// Folded ingredient lines shorter than this ("1", "g") say nothing.
const MIN_LINE_CHARS: usize = 3;

/// Adds the blocks of the ingredient list(s) that `ingredients` declares to `picked`
/// (indices into `all`, in document order), unless the selection already holds them.
pub fn add_ingredient_lists(all: &[Block], picked: &mut Vec<usize>, ingredients: &[String]) {
    let lines: Vec<String> = ingredients
        .iter()
        .map(|l| fold(l))
        .filter(|l| l.chars().count() >= MIN_LINE_CHARS)
        .collect();
    if lines.len() < MIN_NEW_INGREDIENTS {
        return;
    }
    let folded: Vec<String> = all
        .iter()
        .map(|b| {
            if b.text_chars() > MAX_LIST_BLOCK_CHARS {
                String::new()
            } else {
                fold(&b.text_ref())
            }
        })
        .collect();
    let matches: Vec<Vec<usize>> = folded.iter().map(|f| matched_lines(f, &lines)).collect();
    let mut in_selection: HashSet<usize> = picked.iter().copied().collect();
    let mut covered: HashSet<usize> = picked
        .iter()
        .filter_map(|&i| matches.get(i))
        .flatten()
        .copied()
        .collect();
    let mut additions = Vec::new();
    for run in runs(all, &matches, &in_selection) {
        let new: HashSet<usize> = run
            .clone()
            .filter_map(|i| matches.get(i))
            .flatten()
            .copied()
            .filter(|l| !covered.contains(l))
            .collect();
        // A line the selection left out of a list it otherwise holds is one of its lines.
        let list_in_selection = run.clone().any(|i| in_selection.contains(&i));
        let enough = new.len() >= MIN_NEW_INGREDIENTS || (list_in_selection && !new.is_empty());
        if !enough {
            continue;
        }
        covered.extend(new);
        let labels = labels_above(all, run.start, &in_selection);
        for i in labels.chain(run) {
            if in_selection.insert(i) {
                additions.push(i);
            }
        }
    }
    for i in additions {
        let at = picked.iter().position(|&p| p > i).unwrap_or(picked.len());
        picked.insert(at, i);
    }
}

/// The ingredient lines (indices into `lines`) that a block's folded text spells out.
fn matched_lines(block: &str, lines: &[String]) -> Vec<usize> {
    let block_len = block.chars().count();
    if block_len < MIN_LINE_CHARS {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let line_len = line.chars().count();
        let (short, long) = if line_len <= block_len {
            (line_len, block_len)
        } else {
            (block_len, line_len)
        };
        let contained = if line_len <= block_len {
            contains_words(block, line)
        } else {
            contains_words(line, block)
        };
        if contained && (short as f32) >= MIN_OVERLAP_SHARE * long as f32 {
            return vec![li];
        }
        if contained && line_len < block_len {
            hits.push(li);
        }
    }
    // A block that lists several lines (a paragraph with line breaks) is the list itself;
    // prose that names a few ingredients is not.
    let listed: usize = hits
        .iter()
        .filter_map(|&li| lines.get(li))
        .map(|l| l.chars().count())
        .sum();
    if hits.len() >= 2 && listed as f32 >= MIN_LIST_SHARE * block_len as f32 {
        hits
    } else {
        Vec::new()
    }
}

/// Whether `needle` occurs in `hay` on word boundaries (both are folded).
fn contains_words(hay: &str, needle: &str) -> bool {
    let padded_hay = format!(" {hay} ");
    let padded_needle = format!(" {needle} ");
    padded_hay.contains(&padded_needle)
}

/// Runs of blocks that spell out ingredient lines: matched blocks with at most
/// [`MAX_GAP_BLOCKS`] short blocks between them (none of them selected already: the
/// selection's text is no part of a list outside it).
fn runs(
    all: &[Block],
    matches: &[Vec<usize>],
    in_selection: &HashSet<usize>,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < matches.len() {
        if matches[i].is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            let next = (end..matches.len().min(end + MAX_GAP_BLOCKS + 1))
                .find(|&j| !matches[j].is_empty());
            let Some(next) = next else { break };
            // Rows of the list's own table are its lines even when one links a product.
            let group = all.get(end - 1).filter(|b| is_row(b)).map(|b| b.group);
            let bridgeable = (end..next).all(|j| {
                !in_selection.contains(&j)
                    && all
                        .get(j)
                        .is_some_and(|b| is_label(b) || (is_row(b) && Some(b.group) == group))
            });
            if bridgeable {
                end = next + 1;
            } else {
                break;
            }
        }
        out.push(start..end);
        i = end;
    }
    out
}

/// The heading and servings lines right above a run ("Ingredients", "für 12 Stück"):
/// short, not links, a heading or a line with a number in it.
fn labels_above(
    all: &[Block],
    start: usize,
    in_selection: &HashSet<usize>,
) -> std::ops::Range<usize> {
    let mut first = start;
    while first > 0 && start - first < MAX_LABEL_BLOCKS {
        let Some(b) = all.get(first - 1) else { break };
        let text = b.text_ref();
        let labelled =
            matches!(b.kind, BlockKind::Heading(_)) || text.chars().any(|c| c.is_ascii_digit());
        if in_selection.contains(&(first - 1)) || !labelled || !is_label(b) {
            break;
        }
        first -= 1;
    }
    first..start
}

fn is_row(b: &Block) -> bool {
    matches!(b.kind, BlockKind::TableRow { .. })
}

/// A short block with little link text.
fn is_label(b: &Block) -> bool {
    let chars = b.text_chars();
    chars <= MAX_LABEL_CHARS && b.link_chars * 2 <= chars
}

/// Lowercase words of letters and digits, one space apart.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::Span;

    fn block(kind: BlockKind, text: &str) -> Block {
        Block {
            kind,
            spans: vec![Span::Text(text.to_owned())],
            node: 0,
            link_chars: 0,
            group: 0,
        }
    }

    fn item(text: &str) -> Block {
        block(
            BlockKind::ListItem {
                ordered: false,
                depth: 1,
                index: 0,
            },
            text,
        )
    }

    fn para(text: &str) -> Block {
        block(BlockKind::Paragraph, text)
    }

    fn lines(ls: &[&str]) -> Vec<String> {
        ls.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn folding_ignores_case_and_punctuation() {
        assert_eq!(fold("1  Ei(er), Größe M"), "1 ei er größe m");
        assert_eq!(fold("65 g | Margarine"), "65 g margarine");
    }

    #[test]
    fn ingredient_list_outside_the_pick_joins_in_order() {
        let all = vec![
            para("Share this recipe"),
            block(BlockKind::Heading(2), "Zutaten"),
            para("für 12 Stück"),
            item("200 g Mehl"),
            item("100 g Zucker"),
            para("Für den Belag:"),
            item("2 Eier (Größe M)"),
            block(BlockKind::Heading(2), "Zubereitung"),
            para("Mehl und Zucker mischen, dann die Eier unterrühren und backen."),
        ];
        let mut picked = vec![7, 8];
        let declared = lines(&["200 g Mehl", "100 g Zucker", "2 Eier (Größe M)"]);
        add_ingredient_lists(&all, &mut picked, &declared);
        assert_eq!(picked, vec![1, 2, 3, 4, 5, 6, 7, 8]);
    }

    #[test]
    fn list_already_selected_or_not_matching_changes_nothing() {
        let all = vec![
            item("200 g Mehl"),
            item("100 g Zucker"),
            para("Mehl und Zucker mischen und backen."),
        ];
        let declared = lines(&["200 g Mehl", "100 g Zucker"]);
        let mut picked = vec![0, 1, 2];
        add_ingredient_lists(&all, &mut picked, &declared);
        assert_eq!(picked, vec![0, 1, 2]);

        let mut picked = vec![2];
        add_ingredient_lists(&all, &mut picked, &lines(&["3 Äpfel", "1 Zitrone"]));
        assert_eq!(picked, vec![2]);
        // One line is no list.
        add_ingredient_lists(&all, &mut picked, &lines(&["200 g Mehl"]));
        assert_eq!(picked, vec![2]);
    }

    #[test]
    fn a_linked_row_of_the_list_table_stays_in_the_run() {
        let row = |text: &str, link_chars: usize| Block {
            link_chars,
            group: 7,
            ..block(BlockKind::TableRow { header: false }, text)
        };
        let all = vec![
            row("250 g | Mehl", 0),
            row("1 Pck. | Trockenhefe Marke X", 20),
            row("50 g | Zucker", 0),
            para("Alles verkneten und gehen lassen, dann in die Form geben."),
        ];
        let mut picked = vec![3];
        add_ingredient_lists(&all, &mut picked, &lines(&["250 g Mehl", "50 g Zucker"]));
        assert_eq!(picked, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_line_left_out_of_a_selected_list_returns() {
        let all = vec![
            item("200 g Mehl"),
            item("100 g Zucker"),
            item("1 Prise Salz"),
            para("Mehl, Zucker und Salz mischen und backen."),
        ];
        let mut picked = vec![0, 2, 3];
        let declared = lines(&["200 g Mehl", "100 g Zucker", "1 Prise Salz"]);
        add_ingredient_lists(&all, &mut picked, &declared);
        assert_eq!(picked, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_second_copy_of_the_list_is_not_added() {
        let all = vec![
            item("200 g Mehl"),
            item("100 g Zucker"),
            para("Mehl und Zucker mischen und backen."),
            item("200 g Mehl"),
            item("100 g Zucker"),
        ];
        let mut picked = vec![2];
        add_ingredient_lists(&all, &mut picked, &lines(&["200 g Mehl", "100 g Zucker"]));
        assert_eq!(picked, vec![0, 1, 2]);
    }

    #[test]
    fn one_paragraph_listing_the_lines_matches() {
        assert_eq!(
            matched_lines(
                &fold("200 g Mehl\n100 g Zucker\n1 Prise Salz"),
                &lines(&["200 g mehl", "100 g zucker"])
            ),
            vec![0, 1]
        );
        // Prose that names two ingredients is no list.
        assert!(matched_lines(
            &fold("Mix the flour with the sugar, then fold in the eggs slowly and bake it all."),
            &lines(&["flour", "sugar"])
        )
        .is_empty());
        // A word inside another word is no match.
        assert!(matched_lines("2000 g mehlsack", &lines(&["200 g mehl"])).is_empty());
    }
}
