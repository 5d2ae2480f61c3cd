//! JSON-LD (`<script type="application/ld+json">`): finds the page's article entity, in
//! plain objects, arrays, `@graph` lists and nested values, and reads its facts.
//!
//! Pages ship JSON-LD of every shape: truncated, with raw newlines inside strings, strings
//! where objects belong, references (`{"@id": …}`) to entities elsewhere in the graph. The
//! walk is iterative with a node budget; anything that does not parse or fit is skipped.

use serde_json::{Map, Value};

use crate::rules::metadata::DISCUSSION_TYPES;
use crate::text::normalize_space;

/// Values visited per page at most (a 10 MB JSON-LD blob must not cost seconds).
const NODE_BUDGET: usize = 100_000;

/// Schema.org types that are an article (or a post that plays one).
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "techarticle",
    "scholarlyarticle",
    "socialmediaposting",
    "liveblogposting",
    "report",
    "review",
    "discussionforumposting",
    "medicalwebpage",
    "posting",
    "advertisercontentarticle",
    "satiricalarticle",
    "creativework",
    "recipe",
    "howto",
    "qapage",
    "question",
];

/// Schema.org types that are the page rather than its story.
const PAGE_TYPES: &[&str] = &[
    "webpage",
    "itempage",
    "collectionpage",
    "profilepage",
    "aboutpage",
    "searchresultspage",
    "contactpage",
    "faqpage",
];

/// Schema.org types of a thing for sale.
const PRODUCT_TYPES: &[&str] = &["product", "productgroup", "productmodel", "vehicle", "car"];

/// Schema.org types of a page that lists many items (a category, search results).
const ITEM_LIST_TYPES: &[&str] = &[
    "itemlist",
    "collectionpage",
    "searchresultspage",
    "offercatalog",
];

/// What the page's JSON-LD says about it.
#[derive(Debug, Default, Clone)]
pub struct JsonLdFacts {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub image: Option<String>,
    pub publisher: Option<String>,
    /// The publisher's own address (`publisher.url`), when given.
    pub publisher_url: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub keywords: Vec<String>,
    pub url: Option<String>,
    pub article_body: Option<String>,
    /// The article entity's schema.org type, lowercased.
    pub entity_type: Option<String>,
    /// The page entity's dates (`WebPage`), weaker than the article's.
    pub page_date_published: Option<String>,
    pub page_date_modified: Option<String>,
    /// The page declares a forum thread or a Q&A page ([`DISCUSSION_TYPES`]).
    pub discussion: bool,
    /// The page declares a product for sale (`Product`, `ProductGroup` …) and no list of
    /// items (`ItemList`, `CollectionPage` …): a product page, not a shop's category page.
    pub product: bool,
    /// The ingredient lines of the page's `Recipe` (`recipeIngredient`, or the older
    /// `ingredients`), at most [`MAX_INGREDIENTS`].
    pub recipe_ingredients: Vec<String>,
}

/// Ingredient lines kept per recipe at most.
pub const MAX_INGREDIENTS: usize = 200;

/// Parses every script and reads the facts of the best article entity.
pub fn read(scripts: &[String]) -> JsonLdFacts {
    let values: Vec<Value> = scripts.iter().filter_map(|s| parse_lenient(s)).collect();
    let mut budget = NODE_BUDGET;
    let objects = collect_typed_objects(&values, &mut budget);
    let by_id = |id: &str| {
        objects
            .iter()
            .find(|o| o.get("@id").and_then(Value::as_str) == Some(id) && o.len() > 1)
            .copied()
    };
    let mut facts = JsonLdFacts {
        discussion: objects.iter().any(|o| has_type(o, DISCUSSION_TYPES)),
        product: objects.iter().any(|o| has_type(o, PRODUCT_TYPES))
            && !objects.iter().any(|o| has_type(o, ITEM_LIST_TYPES)),
        ..JsonLdFacts::default()
    };

    let article = objects.iter().find(|o| has_type(o, ARTICLE_TYPES)).copied();
    let page = objects.iter().find(|o| has_type(o, PAGE_TYPES)).copied();

    if let Some(a) = article {
        facts.entity_type = types(a).into_iter().next();
        facts.headline = string_of(a.get("headline")).or_else(|| string_of(a.get("name")));
        for key in ["author", "creator"] {
            if facts.authors.is_empty() {
                if let Some(v) = a.get(key) {
                    facts.authors = person_names(v, &by_id);
                }
            }
        }
        facts.date_published = string_of(a.get("datePublished"))
            .or_else(|| string_of(a.get("dateCreated")))
            .or_else(|| string_of(a.get("uploadDate")));
        facts.date_modified = string_of(a.get("dateModified"));
        facts.image = a.get("image").and_then(|v| image_url(v, &by_id));
        facts.publisher = a.get("publisher").and_then(|v| entity_name(v, &by_id));
        facts.publisher_url = a.get("publisher").and_then(|v| match v {
            Value::Object(m) => resolve(m, &by_id)
                .get("url")
                .and_then(Value::as_str)
                .map(str::to_owned),
            _ => None,
        });
        facts.language = a.get("inLanguage").and_then(|v| entity_name(v, &by_id));
        facts.description = string_of(a.get("description"));
        facts.keywords = keywords(a.get("keywords"));
        facts.url = a
            .get("url")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| a.get("mainEntityOfPage").and_then(reference_url));
        facts.article_body = a
            .get("articleBody")
            .or_else(|| a.get("text"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .filter(|b| !b.trim().is_empty());
    }
    facts.recipe_ingredients = objects
        .iter()
        .filter(|o| has_type(o, &["recipe"]))
        .map(|o| ingredient_lines(o))
        .find(|lines| !lines.is_empty())
        .unwrap_or_default();
    if let Some(p) = page {
        facts.page_date_published = string_of(p.get("datePublished"));
        facts.page_date_modified = string_of(p.get("dateModified"));
        if facts.headline.is_none() && article.is_none() {
            facts.headline = string_of(p.get("headline"));
        }
        if facts.language.is_none() {
            facts.language = p.get("inLanguage").and_then(|v| entity_name(v, &by_id));
        }
        if facts.image.is_none() {
            facts.image = p
                .get("primaryImageOfPage")
                .or_else(|| p.get("image"))
                .and_then(|v| image_url(v, &by_id));
        }
        if facts.authors.is_empty() {
            if let Some(v) = p.get("author") {
                facts.authors = person_names(v, &by_id);
            }
        }
    }
    facts.site_name = objects
        .iter()
        .find(|o| has_type(o, &["website"]))
        .and_then(|o| string_of(o.get("name")));
    if facts.language.is_none() {
        facts.language = objects
            .iter()
            .find_map(|o| o.get("inLanguage").and_then(|v| entity_name(v, &by_id)));
    }
    facts
}

/// A recipe's ingredient lines: an array of strings, or one string.
fn ingredient_lines(recipe: &Map<String, Value>) -> Vec<String> {
    let Some(v) = recipe
        .get("recipeIngredient")
        .or_else(|| recipe.get("ingredients"))
    else {
        return Vec::new();
    };
    let raw: Vec<&str> = match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    raw.into_iter()
        .map(|s| normalize_space(&super::entities::decode(s)))
        .filter(|s| !s.is_empty())
        .take(MAX_INGREDIENTS)
        .collect()
}

/// Parses one script's JSON, forgiving what pages commonly get wrong.
fn parse_lenient(raw: &str) -> Option<Value> {
    // Wrappers that old XHTML habits put around a script's content.
    let t = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_start_matches("//")
        .trim_start()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("-->")
        .trim_end_matches("]]>")
        .trim_end()
        .trim_end_matches("//")
        .trim()
        .trim_end_matches(';')
        .trim();
    if t.is_empty() {
        return None;
    }
    if let Some(v) = first_value(t) {
        return Some(v);
    }
    // Raw control characters inside strings are the most common breakage: a space is
    // valid JSON wherever a control character may stand.
    let cleaned: String = t
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    first_value(&cleaned)
}

/// The first complete JSON value of `t`: a hand-written script often leaves a stray
/// closing brace or a second object after its complete first value.
fn first_value(t: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str(t) {
        return Some(v);
    }
    serde_json::Deserializer::from_str(t)
        .into_iter::<Value>()
        .next()
        .and_then(Result::ok)
}

/// Every object in the values that has a `@type` or an `@id`, in document order
/// (breadth within each script), iteratively.
fn collect_typed_objects<'a>(
    values: &'a [Value],
    budget: &mut usize,
) -> Vec<&'a Map<String, Value>> {
    let mut out = Vec::new();
    let mut queue: std::collections::VecDeque<&Value> = values.iter().collect();
    while let Some(v) = queue.pop_front() {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        match v {
            Value::Object(m) => {
                if m.contains_key("@type") || m.contains_key("@id") {
                    out.push(m);
                }
                for (k, child) in m {
                    // Article bodies and long texts hold no entities.
                    if k == "articleBody" || k == "text" {
                        continue;
                    }
                    if matches!(child, Value::Object(_) | Value::Array(_)) {
                        queue.push_back(child);
                    }
                }
            }
            Value::Array(a) => {
                for child in a {
                    if matches!(child, Value::Object(_) | Value::Array(_)) {
                        queue.push_back(child);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The object's `@type`s, lowercased, without a schema.org prefix.
fn types(o: &Map<String, Value>) -> Vec<String> {
    let clean = |s: &str| {
        s.rsplit(['/', ':'])
            .next()
            .unwrap_or(s)
            .trim()
            .to_ascii_lowercase()
    };
    match o.get("@type") {
        Some(Value::String(s)) => vec![clean(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(clean).collect(),
        _ => Vec::new(),
    }
}

fn has_type(o: &Map<String, Value>, wanted: &[&str]) -> bool {
    types(o).iter().any(|t| wanted.contains(&t.as_str()))
}

/// A plain string value (the first, for an array of strings), whitespace folded.
fn string_of(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Array(a) => a.iter().find_map(Value::as_str)?,
        Value::Number(n) => return Some(n.to_string()),
        _ => return None,
    };
    let s = normalize_space(&super::entities::decode(s));
    (!s.is_empty()).then_some(s)
}

/// The name of a value that should be an entity: a string, an object with `name`, or a
/// reference to one.
fn entity_name<'a>(
    v: &'a Value,
    by_id: &impl Fn(&str) -> Option<&'a Map<String, Value>>,
) -> Option<String> {
    match v {
        Value::String(s) => string_of(Some(v)).filter(|_| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| entity_name_flat(x, by_id)),
        Value::Object(_) => entity_name_flat(v, by_id),
        _ => None,
    }
}

fn entity_name_flat<'a>(
    v: &'a Value,
    by_id: &impl Fn(&str) -> Option<&'a Map<String, Value>>,
) -> Option<String> {
    match v {
        Value::String(_) => string_of(Some(v)),
        Value::Object(m) => {
            let m = resolve(m, by_id);
            string_of(m.get("name")).or_else(|| string_of(m.get("alternateName")))
        }
        _ => None,
    }
}

/// Follows a bare `{"@id": …}` reference to the full entity, when the graph has it.
fn resolve<'a>(
    m: &'a Map<String, Value>,
    by_id: &impl Fn(&str) -> Option<&'a Map<String, Value>>,
) -> &'a Map<String, Value> {
    if m.contains_key("name") {
        return m;
    }
    m.get("@id")
        .and_then(Value::as_str)
        .and_then(by_id)
        .unwrap_or(m)
}

/// The names of the people in an `author` value; organisations are left out.
fn person_names<'a>(
    v: &'a Value,
    by_id: &impl Fn(&str) -> Option<&'a Map<String, Value>>,
) -> Vec<String> {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().take(32).collect(),
        other => vec![other],
    };
    let mut out = Vec::new();
    for item in items {
        match item {
            Value::String(s) => {
                let s = normalize_space(s);
                if !s.is_empty() {
                    out.push(s);
                }
            }
            Value::Object(m) => {
                let m = resolve(m, by_id);
                let t = types(m);
                // A site run by one person types itself ["Person", "Organization"]: a person.
                let organisation = t
                    .iter()
                    .any(|t| t == "organization" || t == "newsmediaorganization");
                if organisation && !t.iter().any(|t| t == "person") {
                    continue;
                }
                if let Some(n) = string_of(m.get("name")) {
                    out.push(n);
                } else if let (Some(g), Some(f)) = (
                    string_of(m.get("givenName")),
                    string_of(m.get("familyName")),
                ) {
                    out.push(format!("{g} {f}"));
                }
            }
            _ => {}
        }
    }
    out
}

/// The URL of an `image` value: a string, an `ImageObject`, a list of either.
fn image_url<'a>(
    v: &'a Value,
    by_id: &impl Fn(&str) -> Option<&'a Map<String, Value>>,
) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().take(16).find_map(|x| match x {
            Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Value::Object(m) => {
                let m = resolve(m, by_id);
                string_of(m.get("url")).or_else(|| string_of(m.get("contentUrl")))
            }
            _ => None,
        }),
        Value::Object(m) => {
            let m = resolve(m, by_id);
            string_of(m.get("url")).or_else(|| string_of(m.get("contentUrl")))
        }
        _ => None,
    }
}

/// `keywords`: a comma-separated string or a list.
fn keywords(v: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    match v {
        Some(Value::String(s)) => out.extend(
            s.split(',')
                .map(normalize_space)
                .filter(|k| !k.is_empty())
                .take(64),
        ),
        Some(Value::Array(a)) => out.extend(
            a.iter()
                .filter_map(Value::as_str)
                .map(normalize_space)
                .filter(|k| !k.is_empty())
                .take(64),
        ),
        _ => {}
    }
    out
}

/// `mainEntityOfPage`: a URL string or an object with `@id`/`url`.
fn reference_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Object(m) => m
            .get("@id")
            .or_else(|| m.get("url"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_owned()),
        _ => None,
    }
    .filter(|s| s.starts_with("http"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(s: &str) -> JsonLdFacts {
        read(&[s.to_owned()])
    }

    #[test]
    fn graph_with_references() {
        let f = facts(
            r##"{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"#site","name":"Daily Planet"},
              {"@type":"Person","@id":"#p1","name":"Lois Lane"},
              {"@type":["NewsArticle"],"headline":"Hero saves city","author":{"@id":"#p1"},
               "datePublished":"2016-07-15T10:00:00+02:00","image":{"@type":"ImageObject","url":"https://x.test/a.jpg"},
               "publisher":{"@type":"Organization","name":"Planet Media"},"keywords":"hero, city"}]}"##,
        );
        assert_eq!(f.headline.as_deref(), Some("Hero saves city"));
        assert_eq!(f.authors, vec!["Lois Lane"]);
        assert_eq!(
            f.date_published.as_deref(),
            Some("2016-07-15T10:00:00+02:00")
        );
        assert_eq!(f.image.as_deref(), Some("https://x.test/a.jpg"));
        assert_eq!(f.site_name.as_deref(), Some("Daily Planet"));
        assert_eq!(f.keywords, vec!["hero", "city"]);
    }

    #[test]
    fn cdata_wrapped_scripts() {
        for wrapped in [
            "<![CDATA[ {\"@type\":\"BlogPosting\",\"headline\":\"Wrapped\"} ]]>",
            "//<![CDATA[\n{\"@type\":\"BlogPosting\",\"headline\":\"Wrapped\"}\n//]]>",
            "<!-- {\"@type\":\"BlogPosting\",\"headline\":\"Wrapped\"} -->",
        ] {
            assert_eq!(
                facts(wrapped).headline.as_deref(),
                Some("Wrapped"),
                "{wrapped}"
            );
        }
    }

    #[test]
    fn organisations_are_not_authors() {
        let f = facts(
            r#"[{"@type":"BlogPosting","author":[{"@type":"Person","name":"A B"},{"@type":"Organization","name":"Org"}, "C D", {"@type":["Person","Organization"],"name":"E F"}]}]"#,
        );
        assert_eq!(f.authors, vec!["A B", "C D", "E F"]);
    }

    #[test]
    fn raw_newlines_and_truncation() {
        let f = facts("{\"@type\":\"Article\",\"headline\":\"Line\none\"}");
        assert_eq!(f.headline.as_deref(), Some("Line one"));
        let f = facts(r#"{"@type":"Article","headline":"Cut off"#);
        assert!(f.headline.is_none());
    }

    #[test]
    fn stray_text_after_a_complete_object() {
        let f = facts(
            "{\"@type\":\"NewsArticle\",\"headline\":\"Kept\",\"datePublished\":\"2020-10-26\"}\n}",
        );
        assert_eq!(f.headline.as_deref(), Some("Kept"));
        assert_eq!(f.date_published.as_deref(), Some("2020-10-26"));
        let f = facts("{\"@type\":\"Article\",\"headline\":\"First\"} {\"@type\":\"Article\"");
        assert_eq!(f.headline.as_deref(), Some("First"));
        // Text before the object is still no JSON.
        assert!(facts("var x = {\"@type\":\"Article\",\"headline\":\"No\"}")
            .headline
            .is_none());
    }

    #[test]
    fn wrong_shapes_are_ignored() {
        let f = facts(
            r#"{"@type":"Article","headline":{"x":1},"author":42,"image":[1,2],"datePublished":["2016-01-02"]}"#,
        );
        assert!(f.headline.is_none());
        assert!(f.authors.is_empty());
        assert!(f.image.is_none());
        assert_eq!(f.date_published.as_deref(), Some("2016-01-02"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let f = facts(&deep);
        assert!(f.headline.is_none());
        let mut s = String::new();
        for _ in 0..120 {
            s.push_str(r#"{"@type":"Thing","x":"#);
        }
        s.push('1');
        s.push_str(&"}".repeat(120));
        let f = facts(&s);
        assert!(f.headline.is_none());
    }
}
