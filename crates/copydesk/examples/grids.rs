//! Lists the card grids copydesk sees on a page (after pruning), biggest first: a tool for
//! checking what [`copydesk::cards`] finds. Usage: `cargo run --example grids -- PAGE.html`.

use copydesk::cards::{find_grids, grid_region, main_grid};
use copydesk::dom::Dom;
use copydesk::parse::{parse_html, ParseLimits};
use copydesk::score::TextSizes;

fn describe(dom: &Dom, id: u32) -> String {
    dom.element(id)
        .map(|e| format!("<{} id={:?} class={:?}>", e.tag(), e.id(), e.class()))
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: grids PAGE.html")?;
    let html = std::fs::read_to_string(path)?;
    let mut dom = parse_html(&html, ParseLimits::default())?;
    copydesk::prune::prune(
        &mut dom,
        &copydesk::Options::default(),
        if std::env::args().nth(2).as_deref() == Some("relaxed") {
            copydesk::prune::Level::Relaxed
        } else {
            copydesk::prune::Level::Strict
        },
    );
    let body = dom.body().ok_or("no body")?;
    let sizes = TextSizes::measure(&dom, body);
    let mut grids = find_grids(&dom, body, &sizes);
    if let Some(main) = main_grid(&dom, &grids) {
        let region = grid_region(&dom, main, &sizes);
        println!(
            "main grid {} region {}",
            describe(&dom, main.parent),
            describe(&dom, region)
        );
    }
    grids.sort_by_key(|g| std::cmp::Reverse(g.text));
    for g in grids.iter().take(12) {
        let first: String = dom
            .text_content(g.cards[0])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        println!(
            "{:>6} chars {:>3} cards {}  first: {}",
            g.text,
            g.cards.len(),
            describe(&dom, g.parent),
            first.chars().take(80).collect::<String>()
        );
    }
    Ok(())
}
