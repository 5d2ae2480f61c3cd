//! Lists the subtrees pruning removes from a page, biggest first: a tool for checking what
//! [`copydesk::prune`] takes away. Usage:
//! `cargo run --example pruned -- PAGE.html [strict|thread|relaxed]`.

use copydesk::dom::Dom;
use copydesk::parse::{parse_html, ParseLimits};
use copydesk::prune::Level;
use copydesk::score::TextSizes;

fn describe(dom: &Dom, id: u32) -> String {
    dom.element(id)
        .map(|e| format!("<{} id={:?} class={:?}>", e.tag(), e.id(), e.class()))
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: pruned PAGE.html [level]")?;
    let html = String::from_utf8_lossy(&std::fs::read(path)?).into_owned();
    let level = match std::env::args().nth(2).as_deref() {
        Some("relaxed") => Level::Relaxed,
        Some("thread") => Level::Thread,
        _ => Level::Strict,
    };
    let mut dom = parse_html(&html, ParseLimits::default())?;
    let body = dom.body().ok_or("no body")?;
    let sizes = TextSizes::measure(&dom, body);
    let before: Vec<u32> = dom.descendants(body).collect();
    copydesk::prune::prune(&mut dom, &copydesk::Options::default(), level);
    let mut removed: Vec<u32> = before
        .into_iter()
        .filter(|&id| id != body && dom.parent(id).is_none())
        .collect();
    removed.sort_by_key(|&id| std::cmp::Reverse(sizes.text[id as usize]));
    println!("body text {} chars", sizes.text[body as usize]);
    for id in removed.iter().take(25) {
        let text: String = dom
            .text_content(*id)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        println!(
            "{:>7} chars {}  {}",
            sizes.text[*id as usize],
            describe(&dom, *id),
            text.chars().take(70).collect::<String>()
        );
    }
    Ok(())
}
