//! Disclosure widgets: an accordion's toggle is a `<button>` carrying its section's
//! heading (an FAQ's question, a product's "Materials & care"). Buttons are controls and
//! go with the forms; a toggle's label is kept as the heading it is (tables in
//! [`crate::rules::disclosure`]). The panel such a toggle opens is the section's text,
//! collapsed, not a hidden leftover: it stays when hidden elements go.

use std::collections::{HashMap, HashSet};

use crate::dom::{Dom, NodeId};
use crate::rules::disclosure::{
    MAX_HEADING_CHARS, MENU_ATTRIBUTES, MIN_HEADING_WORDS, TOGGLE_ATTRIBUTES, TOGGLE_ROLES,
};

/// The page's section toggles and the panels they open.
#[derive(Debug, Default)]
pub struct Disclosures<'a> {
    /// Elements that open and close one section, labelled like a heading.
    pub toggles: HashSet<NodeId>,
    /// The ids of the panels those toggles open (their `aria-controls`).
    pub panels: HashSet<&'a str>,
}

impl<'a> Disclosures<'a> {
    /// Finds the section toggles under `root`. A toggle declares itself (`aria-expanded`,
    /// a tab's role) or `aria-controls` a panel of its own: buttons that share one target
    /// (a carousel's arrows, a theme picker's swatches) are controls.
    pub fn find(dom: &'a Dom, root: NodeId) -> Self {
        let mut candidates: Vec<(NodeId, &'a str, bool)> = Vec::new();
        let mut controllers: HashMap<&'a str, usize> = HashMap::new();
        for id in dom.descendants(root) {
            let Some(el) = dom.element(id) else { continue };
            // Most elements carry none of the attributes read below: one look at their
            // names spares the lookups.
            if !el.attrs.iter().any(|(name, _)| {
                let name: &str = name;
                name == "aria-controls" || name == "role" || TOGGLE_ATTRIBUTES.contains(&name)
            }) {
                continue;
            }
            let controls = el.attr("aria-controls").unwrap_or("");
            let declared = TOGGLE_ATTRIBUTES.iter().any(|a| el.attr(a).is_some())
                || el.attr("role").is_some_and(|r| {
                    TOGGLE_ROLES
                        .iter()
                        .any(|t| r.trim().eq_ignore_ascii_case(t))
                });
            if controls.trim().is_empty() && !declared {
                continue;
            }
            for target in controls.split_whitespace() {
                *controllers.entry(target).or_default() += 1;
            }
            if !MENU_ATTRIBUTES.iter().any(|a| el.attr(a).is_some()) {
                candidates.push((id, controls, declared));
            }
        }
        // Pages that repeat one accordion component repeat its ids too: a target shared by
        // as many toggles as there are elements with that id is one panel for each.
        let mut targets: HashMap<&'a str, usize> = HashMap::new();
        if controllers.values().any(|&n| n > 1) {
            for id in dom.descendants(root) {
                let Some(el) = dom.element(id) else { continue };
                if controllers.get(el.id()).is_some_and(|&n| n > 1) {
                    *targets.entry(el.id()).or_default() += 1;
                }
            }
        }
        let mut found = Disclosures::default();
        for (id, controls, declared) in candidates {
            let own_panel = controls.split_whitespace().all(|t| {
                let toggles = controllers.get(t).copied().unwrap_or(0);
                toggles <= 1 || targets.get(t).copied().unwrap_or(0) >= toggles
            });
            let opens_one_section = declared || (!controls.trim().is_empty() && own_panel);
            if opens_one_section && label_reads_as_heading(dom, id) {
                found.toggles.insert(id);
                found.panels.extend(controls.split_whitespace());
            }
        }
        found
    }

    /// Whether the element with this `id` attribute is a toggle's panel.
    pub fn is_panel(&self, id: &str) -> bool {
        !id.is_empty() && self.panels.contains(id)
    }
}

/// A heading's label: a few words, not a paragraph and not a one-word control ("Menu").
fn label_reads_as_heading(dom: &Dom, id: NodeId) -> bool {
    let label = dom.text_content(id);
    let label = label.trim();
    label.chars().count() <= MAX_HEADING_CHARS
        && label
            .split_whitespace()
            .nth(MIN_HEADING_WORDS - 1)
            .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_html, ParseLimits};

    fn disclosures(html: &str) -> (Dom, Vec<String>, Vec<String>) {
        let dom = parse_html(html, ParseLimits::default()).expect("parses");
        let body = dom.body().expect("body");
        let (toggles, mut panels) = {
            let found = Disclosures::find(&dom, body);
            let mut toggles: Vec<String> = found
                .toggles
                .iter()
                .map(|&t| dom.text_content(t).trim().to_owned())
                .collect();
            toggles.sort();
            let panels: Vec<String> = found.panels.iter().map(|p| (*p).to_owned()).collect();
            (toggles, panels)
        };
        panels.sort();
        (dom, toggles, panels)
    }

    #[test]
    fn accordion_questions_are_toggles_and_open_their_panels() {
        let (_, toggles, panels) = disclosures(
            "<h3><button aria-expanded=false aria-controls=a1>How long does delivery take?</button></h3>\
             <div id=a1 hidden><p>Three days.</p></div>\
             <button aria-controls=a2>Can I return it?</button><div id=a2 hidden>Yes.</div>\
             <button role=tab aria-controls=t1>Technical details</button>\
             <div><button aria-controls=p>Is it washable?</button><div id=p hidden>Yes.</div></div>\
             <div><button aria-controls=p>Is it vegan?</button><div id=p hidden>No.</div></div>",
        );
        assert_eq!(
            toggles,
            [
                "Can I return it?",
                "How long does delivery take?",
                "Is it vegan?",
                "Is it washable?",
                "Technical details"
            ]
        );
        assert_eq!(panels, ["a1", "a2", "p", "t1"]);
    }

    #[test]
    fn controls_are_not_toggles() {
        let (_, toggles, panels) = disclosures(
            "<button aria-controls=demo>Preview yellow theme</button>\
             <button aria-controls=demo>Preview green theme</button>\
             <button aria-expanded=false>Menu</button>\
             <button aria-expanded=false aria-haspopup=true aria-controls=m>Our services</button>\
             <button>Add to basket now</button>",
        );
        assert!(toggles.is_empty(), "{toggles:?}");
        assert!(panels.is_empty(), "{panels:?}");
    }
}
