//! The main image: OpenGraph/Twitter meta, JSON-LD `image`, `<link rel=image_src>`,
//! microdata, made absolute; tracking pixels and placeholders are passed over.

use url::Url;

use super::jsonld::JsonLdFacts;
use super::scan::Signals;
use super::url::resolve;
use crate::rules::metadata::IMAGE_META_KEYS;

/// Pieces of an image URL that mark a pixel, spacer or placeholder rather than a picture.
const NOT_PICTURE: &[&str] = &[
    "pixel",
    "spacer",
    "blank.gif",
    "1x1",
    "transparent.gif",
    "placeholder",
];

/// The main image's absolute URL.
pub fn choose(signals: &Signals, jsonld: &JsonLdFacts, base: Option<&Url>) -> Option<String> {
    let meta = IMAGE_META_KEYS.iter().flat_map(|k| signals.meta_all(k));
    let micro = signals
        .microdata
        .iter()
        .filter(|(p, _, _)| p == "image")
        .map(|(_, v, _)| v.as_str());
    meta.chain(jsonld.image.as_deref())
        .chain(signals.image_link.as_deref())
        .chain(micro)
        .filter_map(|c| resolve(base, c))
        .find(|u| {
            let l = u.to_ascii_lowercase();
            !NOT_PICTURE.iter().any(|w| l.contains(w))
        })
}
