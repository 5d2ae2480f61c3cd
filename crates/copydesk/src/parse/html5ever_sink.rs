//! HTML text -> arena [`Dom`], through html5ever's tree builder (a `TreeSink` into the arena).
//!
//! html5ever gives browser-correct trees for any input (unclosed tags, stray end
//! tags, misnested formatting). Input is fed in chunks so that a time limit can be
//! checked while parsing; a node limit bounds memory.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;
use std::time::Instant;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{ns, parse_document, Attribute, LocalName, ParseOpts, QualName};

use crate::dom::{Dom, Element, NodeData, NodeId, NONE};
use crate::error::Error;
use crate::parse::ParseLimits;

/// Bytes handed to html5ever at a time; the deadline is checked between chunks.
const CHUNK: usize = 16 * 1024;

/// Parses an HTML document.
pub fn parse(html: &str, limits: ParseLimits) -> Result<Dom, Error> {
    let too_many = Rc::new(Cell::new(false));
    let too_deep = Rc::new(Cell::new(false));
    let sink = Sink {
        dom: RefCell::new(Dom::new()),
        placeholder: RefCell::new(QualName::new(None, ns!(html), LocalName::from(""))),
        max_nodes: limits.max_nodes,
        too_many: Rc::clone(&too_many),
        depth: RefCell::new(vec![0]),
        max_depth: limits.max_depth,
        too_deep: Rc::clone(&too_deep),
    };
    // Scripting off: `<noscript>` content becomes a real tree. Some platforms (forums
    // above all) serve their whole server-rendered text inside `<noscript>`.
    let mut opts = ParseOpts::default();
    opts.tree_builder.scripting_enabled = false;
    let mut parser = parse_document(sink, opts);
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        rest = tail;
        if too_many.get() {
            return Err(Error::TooComplex(format!(
                "more than {} nodes",
                limits.max_nodes
            )));
        }
        if too_deep.get() {
            return Err(Error::TooComplex(format!(
                "elements nested more than {} deep",
                limits.max_depth
            )));
        }
        if let Some(deadline) = limits.deadline {
            if Instant::now() > deadline {
                return Err(Error::Timeout("parsing".into()));
            }
        }
    }
    let dom = parser.finish();
    if too_many.get() {
        return Err(Error::TooComplex(format!(
            "more than {} nodes",
            limits.max_nodes
        )));
    }
    Ok(dom)
}

struct Sink {
    dom: RefCell<Dom>,
    /// Returned by `elem_name` for a non-element (html5ever promises never to ask).
    placeholder: RefCell<QualName>,
    max_nodes: usize,
    too_many: Rc<Cell<bool>>,
    /// Nesting depth of each node (by id), as first attached.
    depth: RefCell<Vec<u32>>,
    max_depth: u32,
    too_deep: Rc<Cell<bool>>,
}

impl Sink {
    /// Records the depth of a node attached under `parent`.
    fn note_depth(&self, parent: NodeId, child: NodeId) {
        let mut depth = self.depth.borrow_mut();
        let d = depth.get(parent as usize).copied().unwrap_or(0) + 1;
        let i = child as usize;
        if depth.len() <= i {
            depth.resize(i + 1, 0);
        }
        depth[i] = d;
        if d > self.max_depth {
            self.too_deep.set(true);
        }
    }

    fn new_node(&self, data: NodeData) -> NodeId {
        let mut dom = self.dom.borrow_mut();
        if dom.len() >= self.max_nodes {
            self.too_many.set(true);
        }
        dom.push(data)
    }

    /// Appends text to `parent`, merging with a text node right before the insertion point.
    fn add_text(&self, prev: NodeId, text: &str, insert: impl FnOnce(&mut Dom, NodeId)) {
        let mut dom = self.dom.borrow_mut();
        if prev != NONE {
            if let NodeData::Text(t) = &mut dom.nodes[prev as usize].data {
                t.push_str(text);
                return;
            }
        }
        if dom.len() >= self.max_nodes {
            self.too_many.set(true);
        }
        let id = dom.push(NodeData::Text(text.to_owned()));
        insert(&mut dom, id);
    }
}

fn to_attrs(attrs: Vec<Attribute>) -> Vec<(LocalName, String)> {
    attrs
        .into_iter()
        .map(|a| (a.name.local, String::from(a.value)))
        .collect()
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        Dom::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        let dom = self.dom.borrow();
        if matches!(dom.nodes[*target as usize].data, NodeData::Element(_)) {
            Ref::map(dom, |d| match &d.nodes[*target as usize].data {
                NodeData::Element(e) => &e.name,
                _ => unreachable!("checked to be an element above"),
            })
        } else {
            self.placeholder.borrow()
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        self.new_node(NodeData::Element(Element {
            name,
            attrs: to_attrs(attrs),
        }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.new_node(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.new_node(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(n) => {
                let mut dom = self.dom.borrow_mut();
                dom.detach(n);
                dom.append(*parent, n);
                drop(dom);
                self.note_depth(*parent, n);
            }
            NodeOrText::AppendText(t) => {
                let last = self.dom.borrow().nodes[*parent as usize].last_child;
                let parent = *parent;
                self.add_text(last, &t, |dom, id| dom.append(parent, id));
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.dom.borrow().nodes[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let id = self.new_node(NodeData::Other);
        self.dom.borrow_mut().append(Dom::ROOT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // Template contents are inert: keep them in a detached fragment, out of the tree.
        let _ = target;
        self.new_node(NodeData::Fragment)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(n) => {
                let mut dom = self.dom.borrow_mut();
                dom.detach(n);
                dom.insert_before(*sibling, n);
            }
            NodeOrText::AppendText(t) => {
                let prev = self.dom.borrow().nodes[*sibling as usize].prev_sibling;
                let sibling = *sibling;
                self.add_text(prev, &t, |dom, id| dom.insert_before(sibling, id));
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        if let NodeData::Element(e) = &mut dom.nodes[*target as usize].data {
            for a in attrs {
                if !e.attrs.iter().any(|(k, _)| *k == a.name.local) {
                    e.attrs.push((a.name.local, String::from(a.value)));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        let children: Vec<NodeId> = dom.children(*node).collect();
        for c in children {
            dom.detach(c);
            dom.append(*new_parent, c);
        }
    }
}
