//! The project's own compact arena DOM.
//!
//! Every node lives in one `Vec<Node>` and is named by a `u32` index; tree links
//! (parent, children, siblings) are indices too. Tag and attribute names are
//! html5ever's interned atoms, so comparing a tag is an integer compare. All walks
//! here are iterative: a page of 100,000 nested `<div>`s must not overflow the
//! stack of any stage that comes after parsing.

use html5ever::{local_name, ns, LocalName, QualName};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;

/// The "no node" link value.
pub const NONE: NodeId = u32::MAX;

/// One node of the arena.
#[derive(Debug, Clone)]
pub struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev_sibling: NodeId,
    pub next_sibling: NodeId,
    pub data: NodeData,
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeData {
    Document,
    /// Detached holder of `<template>` contents and other unreachable fragments.
    Fragment,
    Element(Element),
    Text(String),
    /// Comments, processing instructions and doctypes: kept as placeholders, content dropped.
    Other,
}

/// An element: its qualified name and its attributes in source order.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: QualName,
    pub attrs: Vec<(LocalName, String)>,
}

impl Element {
    /// The local tag name (`div`, `p`, ...), interned.
    #[inline]
    pub fn tag(&self) -> &LocalName {
        &self.name.local
    }

    /// Whether this element is in the HTML namespace (not SVG or MathML).
    #[inline]
    pub fn is_html(&self) -> bool {
        self.name.ns == ns!(html)
    }

    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The `id` attribute, or "".
    pub fn id(&self) -> &str {
        self.attr("id").unwrap_or("")
    }

    /// The `class` attribute, or "".
    pub fn class(&self) -> &str {
        self.attr("class").unwrap_or("")
    }
}

/// A parsed document.
#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

impl Default for Dom {
    fn default() -> Self {
        Self::new()
    }
}

/// The tree links of every node at one moment (see [`Dom::save_links`]).
#[derive(Debug, Clone)]
pub struct Links(Vec<[NodeId; 5]>);

/// One step of a depth-first walk: entering or leaving a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Open(NodeId),
    Close(NodeId),
}

impl Dom {
    /// The document node's id.
    pub const ROOT: NodeId = 0;

    /// An empty document (just the document node).
    pub fn new() -> Self {
        let mut dom = Dom {
            nodes: Vec::with_capacity(1024),
        };
        dom.push(NodeData::Document);
        dom
    }

    /// Adds a detached node and returns its id.
    pub fn push(&mut self, data: NodeData) -> NodeId {
        let id = self.nodes.len() as NodeId;
        self.nodes.push(Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
            data,
        });
        id
    }

    #[inline]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The element data of `id`, if it is an element.
    #[inline]
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id as usize].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag of `id`, if it is an element.
    #[inline]
    pub fn tag(&self, id: NodeId) -> Option<&LocalName> {
        self.element(id).map(Element::tag)
    }

    /// Whether `id` is an element with tag `tag`.
    #[inline]
    pub fn is(&self, id: NodeId, tag: &LocalName) -> bool {
        self.tag(id) == Some(tag)
    }

    /// The text of a text node.
    #[inline]
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id as usize].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        some(self.nodes[id as usize].parent)
    }

    /// Appends `child` (which must be detached) as the last child of `parent`.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        let last = self.nodes[parent as usize].last_child;
        {
            let c = &mut self.nodes[child as usize];
            c.parent = parent;
            c.prev_sibling = last;
            c.next_sibling = NONE;
        }
        if last == NONE {
            self.nodes[parent as usize].first_child = child;
        } else {
            self.nodes[last as usize].next_sibling = child;
        }
        self.nodes[parent as usize].last_child = child;
    }

    /// Saves the tree links, so that unlinking (as pruning does) can be undone with
    /// [`Dom::restore_links`] without parsing again. Node data is not saved.
    pub fn save_links(&self) -> Links {
        Links(
            self.nodes
                .iter()
                .map(|n| {
                    [
                        n.parent,
                        n.first_child,
                        n.last_child,
                        n.prev_sibling,
                        n.next_sibling,
                    ]
                })
                .collect(),
        )
    }

    /// Puts back the links saved by [`Dom::save_links`]; nodes added since are dropped.
    pub fn restore_links(&mut self, links: &Links) {
        self.nodes.truncate(links.0.len());
        for (n, l) in self.nodes.iter_mut().zip(&links.0) {
            [
                n.parent,
                n.first_child,
                n.last_child,
                n.prev_sibling,
                n.next_sibling,
            ] = *l;
        }
    }

    /// Inserts `new` (which must be detached) right before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, new: NodeId) {
        let parent = self.nodes[sibling as usize].parent;
        let prev = self.nodes[sibling as usize].prev_sibling;
        {
            let n = &mut self.nodes[new as usize];
            n.parent = parent;
            n.prev_sibling = prev;
            n.next_sibling = sibling;
        }
        self.nodes[sibling as usize].prev_sibling = new;
        if prev == NONE {
            if parent != NONE {
                self.nodes[parent as usize].first_child = new;
            }
        } else {
            self.nodes[prev as usize].next_sibling = new;
        }
    }

    /// Unlinks `id` from its parent and siblings; its own subtree stays attached to it.
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &self.nodes[id as usize];
            (n.parent, n.prev_sibling, n.next_sibling)
        };
        if prev != NONE {
            self.nodes[prev as usize].next_sibling = next;
        } else if parent != NONE {
            self.nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            self.nodes[next as usize].prev_sibling = prev;
        } else if parent != NONE {
            self.nodes[parent as usize].last_child = prev;
        }
        let n = &mut self.nodes[id as usize];
        n.parent = NONE;
        n.prev_sibling = NONE;
        n.next_sibling = NONE;
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// The element children of `id`, in order.
    pub fn child_elements(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(|&c| self.element(c).is_some())
    }

    /// The ancestors of `id`, nearest first (not including `id`).
    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors {
            dom: self,
            next: self.nodes[id as usize].parent,
        }
    }

    /// `id` and every node below it, in document order.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: id,
        }
    }

    /// Open/close events for `id` and its subtree, in document order.
    pub fn traverse(&self, id: NodeId) -> Traverse<'_> {
        Traverse {
            dom: self,
            root: id,
            next: Some(Edge::Open(id)),
        }
    }

    /// Whether `ancestor` is `id` or one of its ancestors.
    pub fn contains(&self, ancestor: NodeId, id: NodeId) -> bool {
        id == ancestor || self.ancestors(id).any(|a| a == ancestor)
    }

    /// All text below `id`, concatenated as it stands in the source.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            if let NodeData::Text(t) = &self.nodes[n as usize].data {
                out.push_str(t);
            }
        }
        out
    }

    /// The first element in document order below `id` (inclusive) with tag `tag`.
    pub fn find(&self, id: NodeId, tag: &LocalName) -> Option<NodeId> {
        self.descendants(id).find(|&n| self.is(n, tag))
    }

    /// Every element below `id` (inclusive) with tag `tag`, in document order.
    pub fn find_all<'a>(
        &'a self,
        id: NodeId,
        tag: &'a LocalName,
    ) -> impl Iterator<Item = NodeId> + 'a {
        self.descendants(id).filter(move |&n| self.is(n, tag))
    }

    /// The `<html>` element, if any.
    pub fn html_element(&self) -> Option<NodeId> {
        self.child_elements(Self::ROOT)
            .find(|&c| self.is(c, &local_name!("html")))
    }

    /// The `<head>` element, if any.
    pub fn head(&self) -> Option<NodeId> {
        self.child_of_html(&local_name!("head"))
    }

    /// The `<body>` element, if any.
    pub fn body(&self) -> Option<NodeId> {
        self.child_of_html(&local_name!("body"))
    }

    /// The first child element of `<html>` named `tag`.
    fn child_of_html(&self, tag: &LocalName) -> Option<NodeId> {
        let html = self.html_element()?;
        self.child_elements(html).find(|&c| self.is(c, tag))
    }
}

#[inline]
fn some(id: NodeId) -> Option<NodeId> {
    (id != NONE).then_some(id)
}

/// Iterator that follows one link from node to node until the link is empty: the next
/// sibling (`TO_PARENT = false`: a node's children, from its first child) or the parent
/// (`TO_PARENT = true`: its ancestors).
pub struct LinkWalk<'a, const TO_PARENT: bool> {
    dom: &'a Dom,
    next: NodeId,
}

/// Iterator over the children of a node.
pub type Children<'a> = LinkWalk<'a, false>;

/// Iterator over the ancestors of a node.
pub type Ancestors<'a> = LinkWalk<'a, true>;

impl<const TO_PARENT: bool> Iterator for LinkWalk<'_, TO_PARENT> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = some(self.next)?;
        let node = &self.dom.nodes[cur as usize];
        self.next = if TO_PARENT {
            node.parent
        } else {
            node.next_sibling
        };
        Some(cur)
    }
}

/// Pre-order iterator over a subtree, driven by the links alone (no stack).
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = some(self.next)?;
        let first_child = self.dom.nodes[cur as usize].first_child;
        self.next = if first_child != NONE {
            first_child
        } else {
            self.after_subtree(cur)
        };
        Some(cur)
    }
}

impl Descendants<'_> {
    /// Skips the subtree of the node last returned (call right after `next`).
    pub fn skip_subtree(&mut self, last: NodeId) {
        self.next = self.after_subtree(last);
    }

    /// The node that follows `last`'s subtree in document order within the root's subtree
    /// (`NONE` at its end): the next sibling of `last` or of its nearest ancestor that has one.
    #[inline]
    fn after_subtree(&self, last: NodeId) -> NodeId {
        let nodes = &self.dom.nodes;
        let mut at = last;
        loop {
            if at == self.root {
                return NONE;
            }
            let a = &nodes[at as usize];
            if a.next_sibling != NONE {
                return a.next_sibling;
            }
            at = a.parent;
            if at == NONE {
                return NONE;
            }
        }
    }
}

/// Open/close event iterator over a subtree (no stack).
pub struct Traverse<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<Edge>,
}

impl Iterator for Traverse<'_> {
    type Item = Edge;
    fn next(&mut self) -> Option<Edge> {
        let cur = self.next?;
        let nodes = &self.dom.nodes;
        self.next = match cur {
            Edge::Open(id) => {
                let n = &nodes[id as usize];
                if n.first_child != NONE {
                    Some(Edge::Open(n.first_child))
                } else {
                    Some(Edge::Close(id))
                }
            }
            Edge::Close(id) => {
                if id == self.root {
                    None
                } else {
                    let n = &nodes[id as usize];
                    if n.next_sibling != NONE {
                        Some(Edge::Open(n.next_sibling))
                    } else if n.parent != NONE {
                        Some(Edge::Close(n.parent))
                    } else {
                        None
                    }
                }
            }
        };
        Some(cur)
    }
}

impl Traverse<'_> {
    /// Skips the children of a node whose `Open` was just returned: its `Close` comes next.
    pub fn skip_children(&mut self, id: NodeId) {
        self.next = Some(Edge::Close(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(dom: &mut Dom, tag: &str) -> NodeId {
        dom.push(NodeData::Element(Element {
            name: QualName::new(None, ns!(html), LocalName::from(tag)),
            attrs: vec![],
        }))
    }

    #[test]
    fn links_and_walks() {
        let mut d = Dom::new();
        let a = el(&mut d, "div");
        let b = el(&mut d, "p");
        let c = el(&mut d, "span");
        let t = d.push(NodeData::Text("hi".into()));
        d.append(Dom::ROOT, a);
        d.append(a, b);
        d.append(a, c);
        d.append(b, t);
        assert_eq!(d.children(a).collect::<Vec<_>>(), vec![b, c]);
        assert_eq!(
            d.descendants(Dom::ROOT).collect::<Vec<_>>(),
            vec![0, a, b, t, c]
        );
        assert_eq!(d.descendants(b).collect::<Vec<_>>(), vec![b, t]);
        assert_eq!(d.ancestors(t).collect::<Vec<_>>(), vec![b, a, 0]);
        let edges: Vec<_> = d.traverse(a).collect();
        assert_eq!(
            edges,
            vec![
                Edge::Open(a),
                Edge::Open(b),
                Edge::Open(t),
                Edge::Close(t),
                Edge::Close(b),
                Edge::Open(c),
                Edge::Close(c),
                Edge::Close(a)
            ]
        );
        d.detach(b);
        assert_eq!(d.children(a).collect::<Vec<_>>(), vec![c]);
        d.insert_before(c, b);
        assert_eq!(d.children(a).collect::<Vec<_>>(), vec![b, c]);
        assert_eq!(d.text_content(a), "hi");
    }

    #[test]
    fn restoring_links_undoes_unlinking() {
        let mut d = Dom::new();
        let a = el(&mut d, "div");
        let b = el(&mut d, "p");
        let c = el(&mut d, "span");
        d.append(Dom::ROOT, a);
        d.append(a, b);
        d.append(a, c);
        let saved = d.save_links();
        d.detach(b);
        d.detach(a);
        let extra = el(&mut d, "i");
        d.append(Dom::ROOT, extra);
        d.restore_links(&saved);
        assert_eq!(d.len(), 4);
        assert_eq!(d.children(Dom::ROOT).collect::<Vec<_>>(), vec![a]);
        assert_eq!(d.children(a).collect::<Vec<_>>(), vec![b, c]);
    }

    #[test]
    fn deep_chain_walks_without_recursion() {
        let mut d = Dom::new();
        let mut parent = Dom::ROOT;
        for _ in 0..200_000 {
            let n = el(&mut d, "div");
            d.append(parent, n);
            parent = n;
        }
        assert_eq!(d.descendants(Dom::ROOT).count(), 200_001);
        assert_eq!(d.traverse(Dom::ROOT).count(), 400_002);
    }
}
