//! The HTML elements the tree builder treats specially, as a table: each tag's name and the
//! categories of the HTML standard's tree-construction rules it belongs to.
//!
//! A tag is classified once, when the tokenizer reads its name; the tree builder then
//! decides by `match` on [`Tag`] and by testing flag bits, never by comparing strings.

use html5ever::{local_name, LocalName};

/// Category bits (see the HTML standard, "tree construction").
pub mod flag {
    /// The standard's "special" category: an end tag never walks past these.
    pub const SPECIAL: u32 = 1;
    /// Formatting elements, reconstructed after misnesting (`b`, `i`, `a`, `font` …).
    pub const FORMATTING: u32 = 1 << 1;
    /// A start tag of these closes an open `<p>` first.
    pub const CLOSES_P: u32 = 1 << 2;
    /// Their end tag closes everything up to the matching element if it is in scope.
    pub const BLOCK_END: u32 = 1 << 3;
    /// No content, no end tag.
    pub const VOID: u32 = 1 << 4;
    /// Boundaries of the default "in scope" search.
    pub const SCOPE: u32 = 1 << 5;
    /// Closed implicitly by the "generate implied end tags" step.
    pub const IMPLIED_END: u32 = 1 << 6;
    /// Table structure that moves stray content before the table ("foster parenting").
    pub const TABLE_CONTEXT: u32 = 1 << 7;
    /// `h1` … `h6`.
    pub const HEADING: u32 = 1 << 8;
    /// A start tag of these inside SVG or MathML leaves the foreign content.
    pub const BREAKS_OUT_OF_FOREIGN: u32 = 1 << 9;
    /// Start tags that first reconstruct the open formatting elements (inline content).
    pub const RECONSTRUCTS: u32 = 1 << 10;
}

use flag::*;

macro_rules! tags {
    ($($variant:ident = $name:tt : $flags:expr;)*) => {
        /// An element the tree builder knows by name; everything else is `Other`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Tag {
            $($variant,)*
            Other,
        }

        impl Tag {
            /// Classifies a lower-case tag name.
            pub fn from_name(name: &str) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }

            /// The tag's category bits (none for `Other`, which is plain inline content).
            pub fn flags(self) -> u32 {
                match self {
                    $(Tag::$variant => $flags,)*
                    Tag::Other => RECONSTRUCTS,
                }
            }

            /// The interned name, for known tags without a lookup.
            pub fn local_name(self) -> Option<LocalName> {
                match self {
                    $(Tag::$variant => Some(local_name!($name)),)*
                    Tag::Other => None,
                }
            }
        }
    };
}

const BLOCK: u32 = SPECIAL | CLOSES_P | BLOCK_END;
const FMT: u32 = FORMATTING | RECONSTRUCTS | BREAKS_OUT_OF_FOREIGN;
const INLINE_OUT: u32 = RECONSTRUCTS | BREAKS_OUT_OF_FOREIGN;
const HEAD_VOID: u32 = SPECIAL | VOID;
const HX: u32 = SPECIAL | CLOSES_P | HEADING | BREAKS_OUT_OF_FOREIGN;

tags! {
    A = "a": FORMATTING | RECONSTRUCTS;
    Address = "address": BLOCK;
    Applet = "applet": SPECIAL | SCOPE | RECONSTRUCTS;
    Area = "area": SPECIAL | VOID | RECONSTRUCTS;
    Article = "article": BLOCK;
    Aside = "aside": BLOCK;
    B = "b": FMT;
    Base = "base": HEAD_VOID;
    Basefont = "basefont": HEAD_VOID;
    Bgsound = "bgsound": HEAD_VOID;
    Big = "big": FMT;
    Blockquote = "blockquote": BLOCK | BREAKS_OUT_OF_FOREIGN;
    Body = "body": SPECIAL | BREAKS_OUT_OF_FOREIGN;
    Br = "br": SPECIAL | VOID | INLINE_OUT;
    Button = "button": SPECIAL | BLOCK_END | RECONSTRUCTS;
    Caption = "caption": SPECIAL | SCOPE;
    Center = "center": BLOCK | BREAKS_OUT_OF_FOREIGN;
    Code = "code": FMT;
    Col = "col": SPECIAL | VOID;
    Colgroup = "colgroup": SPECIAL;
    Dd = "dd": SPECIAL | CLOSES_P | IMPLIED_END | BREAKS_OUT_OF_FOREIGN;
    Details = "details": BLOCK;
    Dialog = "dialog": CLOSES_P | BLOCK_END;
    Dir = "dir": BLOCK;
    Div = "div": BLOCK | BREAKS_OUT_OF_FOREIGN;
    Dl = "dl": BLOCK | BREAKS_OUT_OF_FOREIGN;
    Dt = "dt": SPECIAL | CLOSES_P | IMPLIED_END | BREAKS_OUT_OF_FOREIGN;
    Em = "em": FMT;
    Embed = "embed": SPECIAL | VOID | INLINE_OUT;
    Fieldset = "fieldset": BLOCK;
    Figcaption = "figcaption": BLOCK;
    Figure = "figure": BLOCK;
    Font = "font": FORMATTING | RECONSTRUCTS;
    Footer = "footer": BLOCK;
    Form = "form": SPECIAL | CLOSES_P;
    Frame = "frame": SPECIAL | VOID;
    Frameset = "frameset": SPECIAL;
    H1 = "h1": HX;
    H2 = "h2": HX;
    H3 = "h3": HX;
    H4 = "h4": HX;
    H5 = "h5": HX;
    H6 = "h6": HX;
    Head = "head": SPECIAL | BREAKS_OUT_OF_FOREIGN;
    Header = "header": BLOCK;
    Hgroup = "hgroup": BLOCK;
    Hr = "hr": SPECIAL | VOID | CLOSES_P | BREAKS_OUT_OF_FOREIGN;
    Html = "html": SPECIAL | SCOPE;
    I = "i": FMT;
    Iframe = "iframe": SPECIAL;
    Image = "image": VOID | RECONSTRUCTS;
    Img = "img": SPECIAL | VOID | INLINE_OUT;
    Input = "input": SPECIAL | VOID | RECONSTRUCTS;
    Keygen = "keygen": SPECIAL | VOID | RECONSTRUCTS;
    Li = "li": SPECIAL | CLOSES_P | IMPLIED_END | BREAKS_OUT_OF_FOREIGN;
    Link = "link": HEAD_VOID;
    Listing = "listing": BLOCK | BREAKS_OUT_OF_FOREIGN;
    Main = "main": BLOCK;
    Marquee = "marquee": SPECIAL | SCOPE | RECONSTRUCTS;
    Math = "math": RECONSTRUCTS;
    Menu = "menu": BLOCK | BREAKS_OUT_OF_FOREIGN;
    Meta = "meta": HEAD_VOID | BREAKS_OUT_OF_FOREIGN;
    Nav = "nav": BLOCK;
    Nobr = "nobr": FMT;
    Noembed = "noembed": SPECIAL;
    Noframes = "noframes": SPECIAL;
    Noscript = "noscript": SPECIAL | RECONSTRUCTS;
    Object = "object": SPECIAL | SCOPE | RECONSTRUCTS;
    Ol = "ol": BLOCK | BREAKS_OUT_OF_FOREIGN;
    Optgroup = "optgroup": IMPLIED_END | RECONSTRUCTS;
    Option = "option": IMPLIED_END | RECONSTRUCTS;
    P = "p": SPECIAL | CLOSES_P | IMPLIED_END | BREAKS_OUT_OF_FOREIGN;
    Param = "param": SPECIAL | VOID;
    Plaintext = "plaintext": SPECIAL | CLOSES_P;
    Pre = "pre": BLOCK | BREAKS_OUT_OF_FOREIGN;
    Rb = "rb": IMPLIED_END;
    Rp = "rp": IMPLIED_END;
    Rt = "rt": IMPLIED_END;
    Rtc = "rtc": IMPLIED_END;
    Ruby = "ruby": INLINE_OUT;
    S = "s": FMT;
    Script = "script": SPECIAL;
    Search = "search": BLOCK;
    Section = "section": BLOCK;
    Select = "select": SPECIAL | RECONSTRUCTS;
    Small = "small": FMT;
    Source = "source": SPECIAL | VOID;
    Span = "span": INLINE_OUT;
    Strike = "strike": FMT;
    Strong = "strong": FMT;
    Style = "style": SPECIAL;
    Sub = "sub": INLINE_OUT;
    Summary = "summary": BLOCK;
    Sup = "sup": INLINE_OUT;
    Svg = "svg": RECONSTRUCTS;
    Table = "table": SPECIAL | SCOPE | TABLE_CONTEXT | BREAKS_OUT_OF_FOREIGN;
    Tbody = "tbody": SPECIAL | TABLE_CONTEXT;
    Td = "td": SPECIAL | SCOPE;
    Template = "template": SPECIAL | SCOPE;
    Textarea = "textarea": SPECIAL;
    Tfoot = "tfoot": SPECIAL | TABLE_CONTEXT;
    Th = "th": SPECIAL | SCOPE;
    Thead = "thead": SPECIAL | TABLE_CONTEXT;
    Title = "title": SPECIAL;
    Tr = "tr": SPECIAL | TABLE_CONTEXT;
    Track = "track": SPECIAL | VOID;
    Tt = "tt": FMT;
    U = "u": FMT;
    Ul = "ul": BLOCK | BREAKS_OUT_OF_FOREIGN;
    Var = "var": INLINE_OUT;
    Wbr = "wbr": SPECIAL | VOID | RECONSTRUCTS;
    Xmp = "xmp": SPECIAL | CLOSES_P;
}

impl Tag {
    /// Whether the tag has all the bits of `f`.
    #[inline]
    pub fn is(self, f: u32) -> bool {
        self.flags() & f == f
    }
}

macro_rules! common_attributes {
    ($($name:tt)*) => {
        /// The interned name of a frequent attribute without hashing it, else `None`.
        pub fn common_attribute(name: &str) -> Option<LocalName> {
            match name {
                $($name => Some(local_name!($name)),)*
                _ => None,
            }
        }
    };
}

// The attributes that make up most of a page's markup (a lookup here is a string match;
// interning anything else hashes the name).
common_attributes! {
    "class" "id" "href" "src" "style" "type" "name" "content" "rel" "property" "title" "alt"
    "width" "height" "target" "itemprop" "lang" "charset" "value" "role" "action" "method"
    "for" "http-equiv" "datetime" "srcset" "sizes" "loading" "async" "defer" "border" "align"
    "valign" "colspan" "rowspan" "cellpadding" "cellspacing" "onclick" "aria-label"
    "aria-hidden" "tabindex" "hidden" "media" "crossorigin" "integrity" "xmlns" "itemscope"
    "itemtype" "dir" "placeholder" "d" "fill" "stroke"
}

/// How the tokenizer reads an element's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Text up to the matching end tag, character references left alone (`script`, `style`).
    Raw,
    /// Text up to the matching end tag, character references decoded (`title`, `textarea`).
    Escapable,
    /// Everything to the end of the input (`plaintext`).
    ToEnd,
}

impl Tag {
    /// How the content of this HTML element is tokenized, when it is not markup.
    pub fn text_kind(self) -> Option<TextKind> {
        match self {
            Tag::Script | Tag::Style | Tag::Xmp | Tag::Iframe | Tag::Noembed | Tag::Noframes => {
                Some(TextKind::Raw)
            }
            Tag::Title | Tag::Textarea => Some(TextKind::Escapable),
            Tag::Plaintext => Some(TextKind::ToEnd),
            _ => None,
        }
    }
}

/// SVG and MathML elements of the "special" category, and the integration points where
/// HTML content resumes inside foreign content.
pub fn foreign_is_special(name: &str) -> bool {
    matches!(
        name,
        "foreignObject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"
    )
}

/// SVG element names that the standard writes in camel case (the tokenizer lower-cases).
pub fn svg_name(lower: &str) -> &str {
    match lower {
        "foreignobject" => "foreignObject",
        "clippath" => "clipPath",
        "lineargradient" => "linearGradient",
        "radialgradient" => "radialGradient",
        "textpath" => "textPath",
        _ => lower,
    }
}

/// The standard's adjustments of attribute names on SVG and MathML elements: camel case
/// restored, and the standard's `xlink:`/`xml:`/`xmlns:` attributes losing their prefix
/// (it becomes a namespace, which the DOM does not keep for attributes). `None` when
/// unchanged.
pub fn foreign_attribute(lower: &str) -> Option<&str> {
    let camel = match lower {
        "attributename" => "attributeName",
        "basefrequency" => "baseFrequency",
        "clippathunits" => "clipPathUnits",
        "definitionurl" => "definitionURL",
        "gradienttransform" => "gradientTransform",
        "gradientunits" => "gradientUnits",
        "markerheight" => "markerHeight",
        "markerunits" => "markerUnits",
        "markerwidth" => "markerWidth",
        "maskcontentunits" => "maskContentUnits",
        "maskunits" => "maskUnits",
        "pathlength" => "pathLength",
        "patterncontentunits" => "patternContentUnits",
        "patterntransform" => "patternTransform",
        "patternunits" => "patternUnits",
        "preserveaspectratio" => "preserveAspectRatio",
        "refx" => "refX",
        "refy" => "refY",
        "repeatcount" => "repeatCount",
        "spreadmethod" => "spreadMethod",
        "startoffset" => "startOffset",
        "stddeviation" => "stdDeviation",
        "textlength" => "textLength",
        "viewbox" => "viewBox",
        "xlink:actuate" | "xlink:arcrole" | "xlink:href" | "xlink:role" | "xlink:show"
        | "xlink:title" | "xlink:type" | "xml:lang" | "xml:space" | "xmlns:xlink" => {
            return lower.split_once(':').map(|(_, local)| local);
        }
        _ => return None,
    };
    Some(camel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in ["a", "div", "h3", "tbody", "xmp", "search"] {
            let tag = Tag::from_name(name);
            assert_ne!(tag, Tag::Other, "{name}");
            assert_eq!(&*tag.local_name().unwrap(), name);
        }
        assert_eq!(Tag::from_name("custom-element"), Tag::Other);
        assert_eq!(
            Tag::from_name("DIV"),
            Tag::Other,
            "names arrive lower-cased"
        );
    }

    #[test]
    fn categories() {
        assert!(Tag::Div.is(flag::CLOSES_P));
        assert!(!Tag::Span.is(flag::CLOSES_P));
        assert!(Tag::B.is(flag::FORMATTING));
        assert!(Tag::Img.is(flag::VOID));
        assert!(Tag::Table.is(flag::SCOPE | flag::TABLE_CONTEXT));
        assert_eq!(Tag::Script.text_kind(), Some(TextKind::Raw));
        assert_eq!(Tag::Noscript.text_kind(), None, "scripting is off");
    }
}
