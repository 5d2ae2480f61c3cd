//! The page's facts: title, authors, dates, image, site, language, description, tags,
//! canonical URL, page type, and the news dateline.
//!
//! [`extract`] runs on the whole parsed page before pruning (JSON-LD and `<meta>` live
//! outside the article body): one [`scan`] pass gathers every signal, then one module a
//! field reconciles them. [`finish`] runs after the body is rendered and fills what only
//! the body text can tell (a date written at the top of the story, the language check).

pub mod authors;
pub mod dateline;
pub mod dates;
pub mod entities;
pub mod image;
pub mod jsonld;
pub mod language;
pub mod scan;
pub mod title;
pub mod url;

use crate::dom::Dom;
use crate::rules::metadata::{
    DESCRIPTION_META_KEYS, LEGAL_FORMS, SITE_NAME_META_KEYS, SITE_TAGLINE_SEPARATORS, TAG_META_KEYS,
};
use crate::text::normalize_space;
use crate::{Article, Dateline};

/// Everything metadata extraction found on a page.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub image: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub canonical_url: Option<String>,
    pub page_type: Option<String>,
    /// The article text as the page's structured data gives it (JSON-LD / microdata
    /// `articleBody`): a hint for which container holds the story.
    pub article_body: Option<String>,
    /// The page is a discussion (a forum thread, a Q&A page): its replies are content.
    pub discussion: bool,
    /// The page presents one product (JSON-LD `Product`, `og:type` product): a grid of
    /// other products' cards on it is a recommendation carousel.
    pub product: bool,
    /// The ingredient lines of a recipe the page declares (JSON-LD or microdata): the
    /// ingredient list in the markup is content.
    pub recipe_ingredients: Vec<String>,
}

impl Metadata {
    /// Copies every field found into `article` (the body fields are left alone).
    pub fn apply_to(self, article: &mut Article) {
        article.title = self.title;
        article.authors = self.authors;
        article.date_published = self.date_published;
        article.date_modified = self.date_modified;
        article.image = self.image;
        article.site_name = self.site_name;
        article.language = self.language;
        article.description = self.description;
        article.tags = self.tags;
        article.canonical_url = self.canonical_url;
        if article.page_type.is_none() {
            article.page_type = self.page_type;
        }
    }
}

const MAX_TAGS: usize = 32;

/// Reads the page's metadata. `url` is the page's address when known.
pub fn extract(dom: &Dom, url: Option<&str>) -> Metadata {
    let signals = scan::scan(dom);
    let ld = jsonld::read(&signals.jsonld);
    let declared_url = signals
        .canonical
        .as_deref()
        .or_else(|| signals.meta_first(&["og:url"]))
        .or(ld.url.as_deref());
    // Without the page's own address, an absolute canonical URL stands in for it when
    // relative links (a relative og:image) are resolved.
    let page_url = url.or_else(|| declared_url.filter(|u| url::is_absolute(u)));
    let base = url::base_url(page_url, signals.base_href.as_deref());
    let canonical_url = declared_url.and_then(|c| url::resolve(base.as_ref(), c));
    let host = url.or(canonical_url.as_deref()).and_then(url::host_of);

    let declared_site = signals
        .meta_first(SITE_NAME_META_KEYS)
        .map(str::to_owned)
        .or_else(|| ld.site_name.clone())
        .or_else(|| ld.publisher.clone())
        .filter(|s| !s.contains("://"));
    let mut site_keys: Vec<String> = [
        declared_site.as_deref(),
        ld.publisher.as_deref(),
        ld.site_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::to_owned)
    .collect();
    if let Some(h) = host.as_deref() {
        // "example.co.uk" → "example": the name a title's site part usually spells.
        if let Some(label) = h.split('.').find(|l| l.len() >= 3) {
            site_keys.push(label.to_owned());
        }
        site_keys.push(h.to_owned());
    }
    let (title, site_from_title) = title::choose(&signals, &ld, &site_keys);
    let declared_site = declared_site.map(|d| {
        let others = [
            ld.publisher.as_deref(),
            ld.site_name.as_deref(),
            site_from_title.as_deref(),
        ];
        // A publication hosted on a platform ("Medium") names itself as the publisher,
        // with an address on the platform's host that the page's own address lies under.
        let page = url.or(canonical_url.as_deref());
        let hosted = ld
            .publisher
            .as_deref()
            .filter(|_| {
                ld.publisher_url
                    .as_deref()
                    .zip(page)
                    .is_some_and(|(p, page)| url::is_within(page, p))
            })
            .filter(|p| !p.eq_ignore_ascii_case(&d));
        match hosted {
            Some(p) => p.to_owned(),
            None => site_name_core(&d, &others).unwrap_or(d),
        }
    });
    let site_name = declared_site.or_else(|| {
        // The part a `<title>` glues on is the site only if it spells the host.
        let site = site_from_title?;
        let k: String = site
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let h: String = host?.chars().filter(|c| c.is_alphanumeric()).collect();
        (k.len() >= 3 && (h.contains(&k) || k.contains(h.split('.').next().unwrap_or(&h))))
            .then_some(site)
    });

    let description = signals
        .meta_first(DESCRIPTION_META_KEYS)
        .map(str::to_owned)
        .or_else(|| ld.description.clone());
    let article_body = ld
        .article_body
        .clone()
        .or_else(|| signals.article_body.clone());

    let sample = format!(
        "{} {} {}",
        title.as_deref().unwrap_or(""),
        description.as_deref().unwrap_or(""),
        article_body
            .as_deref()
            .map(|b| prefix(b, 2000))
            .unwrap_or("")
    );
    let language = language::check(language::declared(&signals, &ld), &sample);
    let order = dates::DayOrder::for_language(language.as_deref());
    let chosen = dates::choose(
        &signals,
        &ld,
        url.or(canonical_url.as_deref()),
        order,
        dates::today(),
    );

    Metadata {
        title,
        authors: authors::choose(&signals, &ld),
        date_published: chosen.published,
        date_modified: chosen.modified,
        image: image::choose(&signals, &ld, base.as_ref()),
        site_name: site_name.map(|s| normalize_space(&s)),
        language,
        description,
        tags: tags(&signals, &ld),
        canonical_url,
        page_type: page_type(&signals, &ld),
        article_body,
        discussion: ld.discussion || signals.discussion,
        product: ld.product
            || signals
                .meta_first(&["og:type"])
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("product")),
        recipe_ingredients: if ld.recipe_ingredients.is_empty() {
            signals.recipe_ingredients
        } else {
            ld.recipe_ingredients
        },
    }
}

/// The name inside a declared site name that glues a tagline or a legal form onto it
/// ("Aktuálně.cz - Víte, co se právě děje", "Spiceworks Inc"), when another source of
/// the page spells that shorter name.
fn site_name_core(declared: &str, others: &[Option<&str>]) -> Option<String> {
    others.iter().flatten().find_map(|o| {
        let o = o.trim();
        let rest = declared.strip_prefix(o)?.trim();
        if o.len() < 2 || rest.is_empty() {
            return None;
        }
        let tagline = SITE_TAGLINE_SEPARATORS.iter().any(|s| rest.starts_with(s));
        let legal = LEGAL_FORMS
            .iter()
            .any(|l| rest.trim_start_matches(',').trim().eq_ignore_ascii_case(l));
        (tagline || legal).then(|| o.to_owned())
    })
}

/// The first `max` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn tags(signals: &scan::Signals, ld: &jsonld::JsonLdFacts) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |t: &str| {
        let t = normalize_space(t);
        if !t.is_empty()
            && t.len() <= 100
            && out.len() < MAX_TAGS
            && !out.iter().any(|o| o.eq_ignore_ascii_case(&t))
        {
            out.push(t);
        }
    };
    for key in TAG_META_KEYS {
        for v in signals.meta_all(key) {
            for t in v.split(',') {
                add(t);
            }
        }
    }
    for k in &ld.keywords {
        add(k);
    }
    out
}

/// `article` when the page declares itself one (OpenGraph type or a JSON-LD article entity).
fn page_type(signals: &scan::Signals, ld: &jsonld::JsonLdFacts) -> Option<String> {
    let og = signals
        .meta_first(&["og:type"])
        .map(str::to_ascii_lowercase);
    let ld_article = ld
        .entity_type
        .as_deref()
        .is_some_and(|t| t.ends_with("article") || t == "blogposting" || t == "report");
    let forum = ld
        .entity_type
        .as_deref()
        .is_some_and(|t| t == "discussionforumposting" || t == "qapage" || t == "question");
    if forum {
        Some("forum".to_owned())
    } else if ld_article || og.as_deref() == Some("article") {
        Some("article".to_owned())
    } else if og.as_deref() == Some("product") {
        Some("product".to_owned())
    } else {
        None
    }
}

/// Finds the dateline at the head of a story ("Moscow, Jul 15 (Prensa Latina) –"). A
/// year-less date stays as written until [`finish`] knows the publication year.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    dateline::find(text, None)
}

/// Fills what only the rendered body can tell: a publication date written at the top of
/// the story when the page's markup gave none, and the declared language checked against
/// the body text. Call after [`Metadata::apply_to`] and after `article.text` is set.
pub fn finish(article: &mut Article) {
    let head = prefix(&article.text, 3000);
    if article.date_published.is_none() {
        let order = dates::DayOrder::for_language(article.language.as_deref());
        let today = dates::today();
        article.date_published = dates::find_dates(prefix(head, 600), order, 4)
            .into_iter()
            .find(|d| dates::plausible(d, today))
            .map(|d| d.to_iso());
    }
    if !head.trim().is_empty() {
        article.language = language::check(article.language.take(), head);
    }
    // "Jul 15" in a dateline takes its year from the publication date.
    let year = article
        .date_published
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok());
    if let Some(d) = article.dateline.as_mut().and_then(|d| d.date.as_mut()) {
        if let Some(iso) = dates::parse_date_phrase(d, dates::DayOrder::DayFirst)
            .and_then(|p| p.or_year(year).iso())
        {
            *d = iso;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract_str, Options};

    fn page(head: &str, body: &str) -> String {
        format!("<!doctype html><html lang=\"en\"><head>{head}</head><body>{body}</body></html>")
    }

    fn run(html: &str, url: Option<&str>) -> crate::Article {
        let options = Options {
            url: url.map(str::to_owned),
            ..Options::default()
        };
        match extract_str(html, &options) {
            Ok(a) => a,
            Err(e) => panic!("extraction failed: {e}"),
        }
    }

    const BODY: &str = "<article><h1>Council approves new bridge</h1>\
        <p class=\"byline\">By Jane Doe and John Roe</p>\
        <p>WASHINGTON (Reuters) - The city council approved the bridge on Tuesday after a long debate.</p>\
        <p>Work starts next spring, officials said, and should take two years to finish.</p></article>";

    #[test]
    fn full_record_from_meta_and_json_ld() {
        let head = r#"<title>Council approves new bridge | Daily Planet</title>
            <base href="/static/">
            <meta property="og:site_name" content="Daily Planet">
            <meta property="og:image" content="img/bridge.jpg">
            <meta name="description" content="The council voted.">
            <meta property="article:tag" content="city">
            <meta property="article:tag" content="bridges">
            <link rel="canonical" href="/news/bridge">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves new bridge",
              "datePublished":"2016-07-15T10:00:00+02:00","dateModified":"2016-07-16T09:00:00+02:00",
              "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}</script>"#;
        let a = run(
            &page(head, BODY),
            Some("https://planet.test/2016/07/15/bridge"),
        );
        for (field, got, want) in [
            ("title", &a.title, "Council approves new bridge"),
            (
                "date_published",
                &a.date_published,
                "2016-07-15T10:00:00+02:00",
            ),
            (
                "date_modified",
                &a.date_modified,
                "2016-07-16T09:00:00+02:00",
            ),
            ("site_name", &a.site_name, "Daily Planet"),
            (
                "image",
                &a.image,
                "https://planet.test/static/img/bridge.jpg",
            ),
            (
                "canonical_url",
                &a.canonical_url,
                "https://planet.test/news/bridge",
            ),
            ("language", &a.language, "en"),
            ("description", &a.description, "The council voted."),
            ("page_type", &a.page_type, "article"),
        ] {
            assert_eq!(got.as_deref(), Some(want), "{field}");
        }
        assert_eq!(a.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(a.tags, vec!["city", "bridges"]);
    }

    #[test]
    fn byline_and_visible_date_without_metadata() {
        let body = "<article><h1>Ein Artikel über Brücken</h1><p class=\"byline\">Von Anna Schmidt und Paul Meier</p>\
            <div class=\"date\">Veröffentlicht am 31. Mai 2012</div><p>Text des Artikels, lang genug.</p></article>";
        let a = run(
            &page("<title>Ein Artikel über Brücken - Stadtblatt</title>", body),
            None,
        );
        assert_eq!(a.title.as_deref(), Some("Ein Artikel über Brücken"));
        assert_eq!(a.authors, vec!["Anna Schmidt", "Paul Meier"]);
        assert_eq!(a.date_published.as_deref(), Some("2012-05-31"));
    }

    #[test]
    fn malformed_and_truncated_json_ld_leave_fields_empty() {
        for ld in [
            r#"{"@type":"NewsArticle","headline":"Trunc"#,
            r#"{"@type":"NewsArticle","headline":{"deep":["x"]},"author":"","datePublished":"yesterday"}"#,
            r#"["@type", 1, null, true]"#,
            r#"{"@graph":"not a list","@type":7}"#,
            "<!-- not json at all -->",
        ] {
            let head = format!("<script type=\"application/ld+json\">{ld}</script>");
            let a = run(&page(&head, BODY), None);
            assert_eq!(
                a.title.as_deref(),
                Some("Council approves new bridge"),
                "{ld}"
            );
            assert!(a.date_published.is_none(), "{ld}");
            assert!(!a.text.is_empty() || a.title.is_some());
        }
    }

    #[test]
    fn deeply_nested_json_ld_does_not_overflow() {
        let deep = format!(
            "{}{}",
            "{\"@type\":\"Article\",\"a\":".repeat(5000),
            "1".to_owned() + &"}".repeat(5000)
        );
        let head = format!("<script type=\"application/ld+json\">{deep}</script>");
        let a = run(&page(&head, BODY), None);
        assert_eq!(a.title.as_deref(), Some("Council approves new bridge"));
    }

    #[test]
    fn absurd_dates_are_rejected() {
        for d in [
            "0000-01-01",
            "99999-12-31",
            "1901-05-05",
            "2999-01-01T00:00:00Z",
            "2016-13-45",
            "garbage",
        ] {
            let head = format!("<meta property=\"article:published_time\" content=\"{d}\">");
            let a = run(&page(&head, BODY), None);
            assert!(
                a.date_published.is_none(),
                "{d} gave {:?}",
                a.date_published
            );
        }
    }

    #[test]
    fn relative_image_resolves_against_the_canonical_url() {
        let head = "<link rel=\"canonical\" href=\"https://planet.test/news/bridge\">\
            <meta property=\"og:image\" content=\"/img/bridge.jpg\">";
        let a = run(&page(head, BODY), None);
        assert_eq!(
            a.image.as_deref(),
            Some("https://planet.test/img/bridge.jpg")
        );
        // The address the caller gives wins over the page's claim.
        let a = run(&page(head, BODY), Some("https://mirror.test/a/b.html"));
        assert_eq!(
            a.image.as_deref(),
            Some("https://mirror.test/img/bridge.jpg")
        );
        // A relative canonical link gives no base of its own: the image stays unresolved.
        let head = "<link rel=\"canonical\" href=\"/news/bridge\">\
            <meta property=\"og:image\" content=\"img/bridge.jpg\">";
        assert!(run(&page(head, BODY), None).image.is_none());
    }

    #[test]
    fn site_name_without_tagline_legal_form_or_platform() {
        let ld = |publisher: &str| {
            format!("<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"publisher\":{publisher}}}</script>")
        };
        let cases = [
            (
                "Planet.test - News you can use",
                ld(r#"{"@type":"Organization","name":"Planet.test"}"#),
                "Planet.test",
            ),
            (
                "Planet Media Inc",
                ld(r#"{"name":"Planet Media"}"#),
                "Planet Media",
            ),
            (
                "Blogspace",
                ld(
                    r#"{"name":"City Engineering","url":"https://blogspace.test/city-engineering"}"#,
                ) + "<link rel=\"canonical\" href=\"https://blogspace.test/city-engineering/bridge-42\">",
                "City Engineering",
            ),
            (
                "Planet Media",
                ld(r#"{"name":"Planet Group","url":"https://planet.test/about"}"#)
                    + "<link rel=\"canonical\" href=\"https://planet.test/news/bridge\">",
                "Planet Media",
            ),
            (
                "Planet Media Weekly",
                ld(r#"{"name":"Planet Media"}"#),
                "Planet Media Weekly",
            ),
        ];
        for (declared, script, want) in cases {
            let head = format!("<meta property=\"og:site_name\" content=\"{declared}\">{script}");
            let a = run(&page(&head, BODY), None);
            assert_eq!(a.site_name.as_deref(), Some(want), "{declared}");
        }
    }

    #[test]
    fn garbage_meta_is_ignored() {
        let head = "<meta property=\"og:image\" content=\"javascript:alert(1)\">\
            <meta name=\"author\" content=\"https://facebook.com/someone\">\
            <meta property=\"og:locale\" content=\"{{locale}}\">\
            <meta property=\"og:site_name\" content=\"\u{0}\u{1}\">\
            <meta content=\"no key\"><meta name=\"description\">";
        let html = format!("<html><head>{head}</head><body>{BODY}</body></html>");
        let a = run(&html, None);
        assert!(a.image.is_none());
        assert_eq!(a.authors, vec!["Jane Doe", "John Roe"]);
        assert!(a.language.is_none());
        assert!(a.description.is_none());
    }

    #[test]
    fn ten_thousand_meta_tags() {
        let mut head = String::new();
        for i in 0..10_000 {
            head.push_str(&format!("<meta name=\"x{i}\" content=\"{i}\">"));
        }
        head.push_str("<meta property=\"og:title\" content=\"Council approves new bridge\">");
        let a = run(&page(&head, BODY), None);
        assert_eq!(a.title.as_deref(), Some("Council approves new bridge"));
    }

    /// An article body with `extra` right under its headline.
    fn story(extra: &str) -> String {
        format!(
            "<article><h1>Council approves new bridge</h1>{extra}\
             <p>The city council approved the bridge on Tuesday after a long debate.</p>\
             <p>Work starts next spring, officials said, and should take two years.</p></article>"
        )
    }

    fn published(head: &str, extra: &str, url: Option<&str>) -> Option<String> {
        run(&page(head, &story(extra)), url)
            .date_published
            .map(|d| d.chars().take(10).collect())
    }

    /// The publication date extracted from a whole page (no address given).
    fn date_of(html: &str) -> Option<String> {
        run(html, None).date_published
    }

    #[test]
    fn shown_date_confirmed_by_a_record_date_wins() {
        let both =
            "<meta property=\"article:published_time\" content=\"2019-03-01T10:00:00+01:00\">\
            <meta property=\"article:modified_time\" content=\"2020-06-04T09:00:00+01:00\">";
        let lone =
            "<meta property=\"article:published_time\" content=\"2019-03-01T10:00:00+01:00\">";
        for (head, shown, want) in [
            // The page shows the reworked story's date only: that is its date.
            (both, "04.06.2020", "2020-06-04"),
            // Called an update, it stays the modification date.
            (both, "Updated 04.06.2020", "2019-03-01"),
            // The first publication shown too: the record's publication date stands.
            (
                both,
                "04.06.2020 (first published 01.03.2019)",
                "2019-03-01",
            ),
            // Shown but confirmed by nothing: the record stands.
            (lone, "04.06.2020", "2019-03-01"),
            // Unless a label announces it as the publication date.
            (lone, "Veröffentlicht am 04.06.2020", "2020-06-04"),
        ] {
            let extra = format!("<p class=\"date\">{shown}</p>");
            assert_eq!(
                published(head, &extra, None).as_deref(),
                Some(want),
                "{shown}"
            );
        }
    }

    #[test]
    fn time_text_announcing_the_publication_beats_its_attribute() {
        let extra = "<time datetime=\"2019-07-03T10:18:46Z\">Publié le 29 juin 2019</time>";
        assert_eq!(published("", extra, None).as_deref(), Some("2019-06-29"));
        let plain = "<time datetime=\"2019-07-03T10:18:46Z\">29 juin 2019</time>";
        assert_eq!(published("", plain, None).as_deref(), Some("2019-07-03"));
    }

    #[test]
    fn utc_small_hours_take_the_day_of_the_address() {
        let head = |t: &str| format!("<meta property=\"article:published_time\" content=\"{t}\">");
        let url = Some("https://planet.test/2023/11/08/bridge");
        for (t, want) in [
            ("2023-11-09T03:28:35+00:00", "2023-11-08"),
            ("2023-11-09T05:30:59+00:00", "2023-11-08"),
            ("2023-11-09T10:04:00+00:00", "2023-11-09"),
            ("2023-11-09T03:28:35-05:00", "2023-11-09"),
        ] {
            assert_eq!(published(&head(t), "", url).as_deref(), Some(want), "{t}");
        }
    }

    #[test]
    fn teaser_marks_and_labels_outside_the_article() {
        // Every teaser's <time> marked "pubdate": the article's own first <time> decides.
        let mut extra = String::from("<time datetime=\"2019-06-28T13:49:45Z\">28 juin</time>");
        for d in ["2019-09-22", "2019-09-20", "2019-09-19", "2019-09-24"] {
            extra.push_str(&format!(
                "<div><time pubdate datetime=\"{d}T07:30:00Z\">x</time></div>"
            ));
        }
        assert_eq!(published("", &extra, None).as_deref(), Some("2019-06-28"));
        // One or two marked: the mark decides.
        let marked = "<time datetime=\"2019-06-28T13:49:45Z\">28 juin</time>\
            <time pubdate datetime=\"2019-06-27T07:30:00Z\">27 juin</time>";
        assert_eq!(published("", marked, None).as_deref(), Some("2019-06-27"));
    }

    #[test]
    fn timed_generic_date_meta_beats_text_dates() {
        let head = "<meta name=\"date\" content=\"2017-05-01T17:05:00+0200\">";
        let extra = "<p class=\"date\">Mittwoch, 26.02.2020</p>";
        assert_eq!(published(head, extra, None).as_deref(), Some("2017-05-01"));
        // Without a time of day it is a weaker record than the date shown.
        let head = "<meta name=\"date\" content=\"2017-05-01\">";
        assert_eq!(published(head, extra, None).as_deref(), Some("2020-02-26"));
    }

    #[test]
    fn a_date_opening_a_long_paragraph_is_its_dateline() {
        let lead =
            "Die Landwirte im ganzen Land sorgen sich um die Seuche, die seit Jahren näher rückt \
            und nun auch die Grenze erreichen könnte, wie die Behörden am Montag mitteilten. Die \
            Schäden wären immens, sagen die Verbände, und fordern rasche Hilfe vom Bund.";
        let body = |first: &str| {
            format!(
                "<article><h1>Neue Hoffnung</h1><p><strong>{first} {lead}</strong></p>\
                 <p>Das sagte die Zeitung (27.12.2017) in einem Bericht.</p></article>"
            )
        };
        for (first, want) in [
            ("(18.01.2018)", "2018-01-18"),
            ("Karlsruhe, (12.01.2018).", "2018-01-12"),
            // A date further into the paragraph is a fact of the story.
            (
                "Vom 16. Januar bis 18. Januar 2018 tagte der Rat.",
                "2017-12-27",
            ),
        ] {
            let html = page("", &body(first));
            assert_eq!(date_of(&html).as_deref(), Some(want), "{first}");
        }
    }

    #[test]
    fn a_date_line_over_the_headline_is_the_story_date() {
        let teasers = "<div class=\"more\"><div class=\"date\">Freizeit, 28.9.23</div>\
            <a href=\"/a\">Wochenende in Wien</a></div>";
        let story = |kicker: &str| {
            format!(
                "<div class=\"text\"><div class=\"date\">{kicker}</div><h1>Last-Minute-Kostüme</h1>\
                 <p>Halloween steht vor der Tür, und wer noch kein Kostüm hat, findet hier Ideen.</p>\
                 <p>Alles lässt sich aus dem Kleiderschrank zusammenstellen, ganz ohne Einkauf.</p></div>{teasers}"
            )
        };
        let html = page("", &story("Party, 30.10.23"));
        assert_eq!(date_of(&html).as_deref(), Some("2023-10-30"));
        // A date far above the headline (a list of other stories) is not its date line.
        let mut far = String::from("<ul>");
        for i in 1..=20 {
            far.push_str(&format!(
                "<li><a href=\"/n{i}\">Meldung {i}</a> <span>{i}.10.23</span></li>"
            ));
        }
        far.push_str("</ul>");
        let html = page("", &format!("{far}{}", story("Party")));
        assert_eq!(date_of(&html).as_deref(), Some("2023-09-28"));
    }

    #[test]
    fn dates_in_an_embedded_post_are_the_post_s() {
        let embed = "<blockquote class=\"instagram-media\"><p>Ein Beitrag geteilt von Vreni</p>\
            <p><time datetime=\"2018-03-12T19:30:12+00:00\">Mär 12, 2018 um 12:30 PDT</time></p></blockquote>";
        let html = format!(
            "<html><body><div class=\"comment-header\"><span class=\"date\">29. Januar 2019</span></div>{}</body></html>",
            story(embed)
        );
        assert_eq!(date_of(&html).as_deref(), Some("2019-01-29"));
    }

    #[test]
    fn a_vendor_prefixed_publication_key_beats_text_dates() {
        let head = "<meta name=\"sw-pubdate\" content=\"2021-11-19\">";
        let extra = "<p class=\"date\">18. Nov 2021</p>";
        assert_eq!(published(head, extra, None).as_deref(), Some("2021-11-19"));
    }

    #[test]
    fn an_aside_inside_the_article_holds_its_date() {
        let body = |aside_class: &str| {
            format!(
                "<article><h1>Der neue Tourenski</h1><aside class=\"{aside_class}\">\
                 <time datetime=\"2022-01-21\">21.01.2022 - 13:30</time></aside>\
                 <p>Der Ski vereint das Beste aus zwei Welten, sagen die Tester nach einer Saison.</p></article>"
            )
        };
        let head = "<meta name=\"date\" content=\"2022-1-26\">";
        assert_eq!(
            date_of(&page(head, &body("meta"))).as_deref(),
            Some("2022-01-21")
        );
        // Marked as related stories, it is not the article's.
        assert_eq!(
            date_of(&page(head, &body("related"))).as_deref(),
            Some("2022-01-26")
        );
    }

    #[test]
    fn labelled_text_beats_date_elements_outside_the_article() {
        let aside = "<aside><div class=\"date\">15.12.2015 · Antwort</div>\
            <p>Dieser Beitrag wurde veröffentlicht am 14.12.2015</p></aside>";
        let html = format!("<html><body>{}{aside}</body></html>", story(""));
        assert_eq!(date_of(&html).as_deref(), Some("2015-12-14"));
    }

    #[test]
    fn a_notice_with_a_whole_day_is_a_last_resort() {
        let footer = "<footer>Copyright © 19.12.2019 - 12:14 h by Planet GmbH</footer>";
        let html = format!("<html><body>{}{footer}</body></html>", story(""));
        assert_eq!(date_of(&html).as_deref(), Some("2019-12-19"));
        let footer = "<footer>Copyright © 2019 Planet GmbH</footer>";
        let html = format!("<html><body>{}{footer}</body></html>", story(""));
        assert_eq!(date_of(&html), None);
    }

    #[test]
    fn wire_dateline_without_a_dash_takes_the_story_year() {
        let body = "<article><h1>Talks to resume</h1>\
            <p>Moscow, Jul 15 (Prensa Latina) Russia said today that the talks would resume next week.</p>\
            <p>The foreign ministry gave no further details on the agenda of the meeting.</p></article>";
        let head =
            "<meta property=\"article:published_time\" content=\"2016-07-15T08:00:00+03:00\">";
        let a = run(&page(head, body), None);
        let d = a.dateline.clone().unwrap_or_default();
        assert_eq!(d.place.as_deref(), Some("Moscow"));
        assert_eq!(d.agency.as_deref(), Some("Prensa Latina"));
        assert_eq!(d.date.as_deref(), Some("2016-07-15"));
        assert!(a.text.contains("Moscow, Jul 15 (Prensa Latina)"));
    }

    #[test]
    fn dateline_and_url_date() {
        let a = run(
            &page("", BODY),
            Some("https://planet.test/2016/07/15/bridge"),
        );
        let d = a.dateline.clone().unwrap_or_default();
        assert_eq!(d.place.as_deref(), Some("WASHINGTON"));
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        assert_eq!(a.date_published.as_deref(), Some("2016-07-15"));
        assert!(a.text.contains("WASHINGTON (Reuters)"));
    }
}
