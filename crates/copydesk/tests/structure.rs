//! Structure kept: headings, ordered, unordered and nested lists, a table, a block quote,
//! preformatted code with its indentation, a figure caption and `<br>` line breaks, in the
//! plain text, the Markdown and the clean HTML outputs.

mod common;

use common::{fixtures_dir, squash};
use copydesk::{extract, Article, Options};

const TITLE: &str = "How the City Measures Its Rainfall";

const CODE: &str = "def monthly_total(readings):
    total = 0.0
    for day, mm in readings:
        if mm is not None:
            total += mm
    return total";

fn page() -> Vec<u8> {
    std::fs::read(fixtures_dir().join("en_structure.html")).unwrap()
}

fn extract_all_formats() -> Article {
    let options = Options {
        markdown: true,
        html: true,
        ..Options::default()
    };
    extract(&page(), &options).unwrap()
}

/// Asserts that `needles` occur in `hay` in this order.
fn assert_in_order(what: &str, hay: &str, needles: &[&str]) {
    let mut at = 0;
    for n in needles {
        match hay[at..].find(n) {
            Some(pos) => at += pos + n.len(),
            None => panic!("{what}: {n:?} missing or out of order in\n{hay}"),
        }
    }
}

#[test]
fn text_keeps_every_block_in_order() {
    let a = extract(&page(), &Options::default()).unwrap();
    assert_in_order(
        "text",
        &a.text,
        &[
            "Every morning at nine, volunteers across Northgate read the rain gauges",
            "What the volunteers do",
            "The routine takes only a few minutes",
            "Read the water level in the inner tube at eye level.",
            "Empty the tube and the outer cylinder.",
            "Enter the reading on the city's website before ten o'clock.",
            "Volunteers who want to join can write to the weather office:",
            "Where the gauges stand",
            "At least two metres from any building.",
            "Further away from tall buildings.",
            "Never under a roof overhang.",
            "The rim exactly thirty centimetres above the ground.",
            "A standard copper gauge in a volunteer's garden in the Eastfield district.",
            "Last year's totals",
            "District",
            "Eastfield",
            "Harbourside",
            "Hilltop",
            "The differences between districts are larger than most residents expect.",
            "Rain does not fall evenly on a city, and a single gauge at the airport cannot tell you what happened on your street.",
            "A short program is enough to add up a month:",
            CODE,
            "The weather office publishes a summary of each year's readings every January",
        ],
    );
    for gone in ["Get the newsletter", "Explainers", "Community Press"] {
        assert!(
            !a.text.contains(gone),
            "boilerplate {gone:?} in\n{}",
            a.text
        );
    }
}

#[test]
fn title_is_not_repeated_at_the_top() {
    let a = extract_all_formats();
    // (Exact title extraction is checked in boilerplate.rs.)
    assert!(
        a.title
            .as_deref()
            .map(squash)
            .is_some_and(|t| t.starts_with(TITLE)),
        "{:?}",
        a.title
    );
    assert!(!a.text.starts_with(TITLE), "{}", a.text);
    let md = a.markdown.as_deref().unwrap();
    assert!(!md.starts_with(&format!("# {TITLE}")), "{md}");
    assert_eq!(a.text.matches(TITLE).count(), 0, "{}", a.text);
}

#[test]
fn headings_are_blocks_of_their_own() {
    let a = extract(&page(), &Options::default()).unwrap();
    for h in [
        "What the volunteers do",
        "Where the gauges stand",
        "Last year's totals",
    ] {
        assert!(
            a.text.split("\n\n").any(|block| block == h),
            "heading {h:?} not a block of its own in\n{}",
            a.text
        );
    }
}

#[test]
fn list_items_and_table_rows_are_lines_of_one_block() {
    let a = extract(&page(), &Options::default()).unwrap();
    let blocks: Vec<&str> = a.text.split("\n\n").collect();
    let ordered = blocks
        .iter()
        .find(|b| b.contains("Read the water level"))
        .expect("ordered list");
    assert_eq!(
        ordered.lines().count(),
        3,
        "ordered list block: {ordered:?}"
    );
    let table = blocks
        .iter()
        .find(|b| b.contains("Harbourside"))
        .expect("table");
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 4, "header and three rows: {table:?}");
    for (row, cells) in rows.iter().zip([
        ["District", "Rainfall (mm)", "Wettest month"],
        ["Eastfield", "812", "October"],
        ["Harbourside", "764", "November"],
        ["Hilltop", "905", "October"],
    ]) {
        assert_in_order("table row", row, &cells);
    }
}

#[test]
fn preformatted_code_keeps_its_indentation() {
    let a = extract(&page(), &Options::default()).unwrap();
    assert!(a.text.contains(CODE), "code block mangled in\n{}", a.text);
}

#[test]
fn line_breaks_become_newlines() {
    let a = extract(&page(), &Options::default()).unwrap();
    assert!(
        a.text
            .contains("Northgate Weather Office\n14 Station Road\nNorthgate"),
        "{}",
        a.text
    );
}

#[test]
fn markdown_marks_up_every_structure() {
    let a = extract_all_formats();
    let md = a.markdown.as_deref().expect("markdown was asked for");
    let lines: Vec<&str> = md.lines().collect();
    let has_line = |want: &str| lines.iter().any(|l| l.trim_end() == want);
    for want in [
        "## What the volunteers do",
        "## Where the gauges stand",
        "### Last year's totals",
        "1. Read the water level in the inner tube at eye level.",
        "2. Empty the tube and the outer cylinder.",
        "- At least two metres from any building.",
        "- The rim exactly thirty centimetres above the ground.",
        "| District | Rainfall (mm) | Wettest month |",
        "| Eastfield | 812 | October |",
        "```",
        "> Rain does not fall evenly on a city, and a single gauge at the airport cannot tell you what happened on your street.",
    ] {
        assert!(has_line(want), "markdown lacks the line {want:?}:\n{md}");
    }
    // Nested items are indented under their parent.
    let nested = lines
        .iter()
        .find(|l| l.contains("Further away from tall buildings."))
        .expect("nested item");
    assert!(
        nested.starts_with(' ') && nested.trim_start().starts_with("- "),
        "nested item not indented: {nested:?}"
    );
    // The table has its delimiter row right after the header.
    let header = lines
        .iter()
        .position(|l| l.starts_with("| District"))
        .unwrap();
    assert!(
        lines.get(header + 1).is_some_and(|l| l.starts_with("|---")),
        "{md}"
    );
    // The fence holds the code verbatim.
    let fenced = format!("```\n{CODE}\n```");
    assert!(
        md.replace("```python", "```").contains(&fenced),
        "code fence:\n{md}"
    );
    assert!(md.contains("Northgate Weather Office"), "{md}");
    assert!(!md.contains("Get the newsletter"), "{md}");
}

#[test]
fn html_output_is_clean_and_structured() {
    let a = extract_all_formats();
    let html = a.html.as_deref().expect("html was asked for");
    assert_in_order(
        "html",
        html,
        &[
            "<h2>What the volunteers do</h2>",
            "<ol>",
            "<li>Read the water level in the inner tube at eye level.</li>",
            "</ol>",
            "Northgate Weather Office<br>14 Station Road<br>Northgate",
            "<ul>",
            "<li>At least two metres from any building.",
            "<ul>",
            "<li>Further away from tall buildings.</li>",
            "</ul>",
            "</ul>",
            "<figcaption>A standard copper gauge",
            "<h3>Last year's totals</h3>",
        ],
    );
    assert_in_order(
        "html",
        html,
        &[
            "<table>",
            "<th>District</th>",
            "<td>Eastfield</td><td>812</td><td>October</td>",
            "</table>",
            "<blockquote>",
            "Rain does not fall evenly",
            "</blockquote>",
            "<pre>",
            "    for day, mm in readings:\n        if mm is not None:",
            "</pre>",
        ],
    );
    for gone in [
        "<nav", "<script", "<img", "class=", "style=", "<footer", "<div",
    ] {
        assert!(!html.contains(gone), "{gone:?} in clean html:\n{html}");
    }
}

#[test]
fn outputs_are_only_filled_when_asked() {
    let a = extract(&page(), &Options::default()).unwrap();
    assert_eq!(a.markdown, None);
    assert_eq!(a.html, None);
}

#[test]
fn html_nested_list_sits_inside_its_parent_item() {
    let a = extract_all_formats();
    let html = a.html.as_deref().unwrap();
    let squashed: String = html.split_whitespace().collect();
    assert!(
        squashed.contains(
            "<li>Atleasttwometresfromanybuilding.<ul><li>Furtherawayfromtallbuildings.</li>"
        ),
        "nested list outside its item:\n{html}"
    );
    assert!(!squashed.contains("</li><ul>"), "{html}");
}
