//! The words a table's cell holds on its own: a comparison table's or a spec sheet's
//! "Yes" / "No" / "N/A" / "✓", which a scraper puts one cell a line. A run of short lines
//! where such cells recur is a table of the page's (its items side by side), not a menu:
//! a menu's entries are links, and no link says "Yes".

/// A cell's whole text (compared without case, trimmed): yes / no / not applicable and
/// their marks, in the languages the phrase tables cover. Not a dash alone: a dash on a
/// line of its own is as often a menu's separator ("Shop" / "-" / "Login") as an empty cell.
pub const CELL_WORDS: &[&str] = &[
    "yes", "no", "n/a", "✓", "✔", "✗", "✘", "included", "ja", "nein", "oui", "non", "sí", "si",
];

/// A cell word is at most this long (in bytes): longer lines are not compared.
const MAX_CELL_BYTES: usize = 8;

/// Whether `text` is a bare table cell (see [`CELL_WORDS`]).
pub fn is_cell_word(text: &str) -> bool {
    let t = text.trim();
    t.len() <= MAX_CELL_BYTES && CELL_WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_whole_lines() {
        assert!(is_cell_word("Yes") && is_cell_word(" N/A ") && is_cell_word("✓"));
        assert!(!is_cell_word("Yes, please") && !is_cell_word("-") && !is_cell_word("Nope"));
    }
}
