//! Pages that are not news stories: forum threads and Q&A pages, whose replies are the
//! content, and what the page itself shows that makes them so; and client-rendered shells
//! whose story is only in their structured data.

use copydesk::{extract_str, Options};

fn text_of(html: &str) -> String {
    extract_str(html, &Options::default())
        .expect("the page extracts")
        .text
}

/// One reply of a thread, in the markup forum software commonly gives it.
fn reply(n: usize, who: &str, said: &str) -> String {
    format!(
        "<article class='comment reply' id='reply_{n}'>\
         <div class='comment-author'><a href='/u/{who}'>{who}</a></div>\
         <div class='comment-body'><p>{said}</p></div></article>"
    )
}

fn thread_page(head: &str, article_attrs: &str) -> String {
    let replies: String = [
        ("marta", "We took the night ferry last spring and the cabins were clean, quiet and cheaper than two hotel nights in the port towns."),
        ("olek", "Book the reclining seats only if you can sleep anywhere; the lounge stays lit and the bar is open until two in the morning."),
        ("ines", "Food on board is fine but pricey, so we brought bread, cheese and fruit from the market by the harbour and ate on deck."),
    ]
    .iter()
    .enumerate()
    .map(|(i, (who, said))| reply(i, who, said))
    .collect();
    format!(
        "<!doctype html><html><head><title>Night ferry or day crossing?</title>{head}</head><body>\
         <nav><a href='/'>Forum</a> <a href='/travel'>Travel</a></nav>\
         <main><article class='topic'{article_attrs}><h1>Night ferry or day crossing?</h1>\
         <p>We are two adults with a car and want to cross to the islands in early June. Is the night \
         ferry worth it, or should we take the day boat and see the coast on the way over?</p>\
         <p>The night boat leaves at eleven and arrives at seven, which saves a hotel night, but we have \
         read that the cabins sell out weeks ahead and that the deck class is crowded with school trips \
         at the start of the summer holidays.</p>\
         <p>The day boat takes nine hours with two stops on the way, and the views of the cliffs on the \
         northern route are said to be the best part of the whole trip for anyone who has not seen them.</p></article>\
         <section id='comments' class='comments'>{replies}</section></main>\
         <footer>Community guidelines</footer></body></html>"
    )
}

const REPLY_WORDS: [&str; 3] = [
    "cabins were clean",
    "reclining seats",
    "bread, cheese and fruit",
];

#[test]
fn a_thread_declared_in_json_ld_keeps_its_replies() {
    let ld = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\
              \"@type\":\"DiscussionForumPosting\",\"headline\":\"Night ferry or day crossing?\"}</script>";
    let text = text_of(&thread_page(ld, ""));
    assert!(text.contains("Is the night ferry worth it"), "{text}");
    for words in REPLY_WORDS {
        assert!(text.contains(words), "missing {words:?} in {text}");
    }
    assert!(!text.contains("Community guidelines"), "{text}");
}

#[test]
fn a_thread_declared_in_microdata_keeps_its_replies() {
    let attrs = " itemscope itemtype='https://schema.org/DiscussionForumPosting'";
    let text = text_of(&thread_page("", attrs));
    for words in REPLY_WORDS {
        assert!(text.contains(words), "missing {words:?} in {text}");
    }
}

#[test]
fn a_thread_keeps_the_replies_under_its_comments_heading() {
    let ld = "<script type='application/ld+json'>{\"@type\":\"QAPage\"}</script>";
    let page = thread_page(ld, "").replace(
        "<section id='comments' class='comments'>",
        "<section id='comments' class='comments'><h2>Comments</h2>",
    );
    let text = text_of(&page);
    for words in REPLY_WORDS {
        assert!(text.contains(words), "missing {words:?} in {text}");
    }
    // On a news story the same heading still closes the story.
    let ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script>";
    let page = thread_page(ld, "").replace(
        "<section id='comments' class='comments'>",
        "<section id='comments' class='comments'><h2>Comments</h2>",
    );
    let text = text_of(&page);
    assert!(!text.contains(REPLY_WORDS[0]), "{text}");
}

#[test]
fn an_article_keeps_its_comments_out() {
    let ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\
              \"headline\":\"Night ferry or day crossing?\"}</script>";
    let text = text_of(&thread_page(ld, ""));
    assert!(text.contains("Is the night ferry worth it"), "{text}");
    for words in REPLY_WORDS {
        assert!(
            !text.contains(words),
            "comment {words:?} leaked into {text}"
        );
    }
}

#[test]
fn posts_inside_a_moderation_form_are_kept() {
    // Forum software wraps the posts of a thread in one form (for moderators' checkboxes),
    // and sets them with line breaks, not paragraphs.
    let post = |who: &str, said: &str| {
        format!(
            "<li class='message'><div class='messageInfo'><a href='/u/{who}'>{who}</a>\
             <blockquote class='messageText'>{said}<br><br>{said}<br><br>{said}</blockquote></div></li>"
        )
    };
    let posts: String = [
        ("pelle", "The old bridge is closed to cars for the whole summer while the deck is replaced, so the detour through the industrial estate adds about twenty minutes at rush hour."),
        ("aino", "Cyclists can still cross on the temporary walkway on the north side, but it is narrow and you have to push the bike for the last stretch near the ramp."),
        ("jussi", "The council says the work should finish before the schools open again, although the same promise was made about the tram lines two years ago."),
    ]
    .iter()
    .map(|(w, s)| post(w, s))
    .collect();
    let html = format!(
        "<html><body><h1>Bridge closed all summer</h1>\
         <form class='InlineModForm' action='/inline-mod' method='post'><ol class='messageList'>{posts}</ol>\
         <input type='hidden' name='_xfToken' value='x'></form>\
         <form action='/search'><input name=q><p>Search the forum</p></form></body></html>"
    );
    let text = text_of(&html);
    assert!(
        text.contains("detour through the industrial estate"),
        "{text}"
    );
    assert!(text.contains("temporary walkway"), "{text}");
    assert!(text.contains("tram lines two years ago"), "{text}");
    assert!(!text.contains("Search the forum"), "{text}");
}

#[test]
fn a_client_rendered_shell_gives_the_story_declared_in_json_ld() {
    let story = "The harbour board voted on Monday to close the old ferry pier for repairs. ";
    let body = format!(
        "{}\\n\\n{}",
        story.repeat(16).trim(),
        "Work starts in spring and should last a year, the board said."
    );
    let html = format!(
        r#"<html><head><title>Pier to close</title>
        <script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Pier to close",
        "articleBody":"{body}"}}</script></head>
        <body><div id="root"><h1>Pier to close</h1><p>The board voted.</p>
        <a href="/full">Read full article</a></div></body></html>"#
    );
    let text = text_of(&html);
    assert!(text.contains("The harbour board voted on Monday"), "{text}");
    assert!(
        text.ends_with("should last a year, the board said."),
        "{text}"
    );
    assert!(!text.contains("Read full article"), "{text}");
}

/// A recipe page whose template sets the ingredient box apart from the method: a sidebar
/// card before the method's container.
fn recipe_page(head: &str, row_attrs: &str) -> String {
    let rows: String = [
        ("300 g", "plain flour"),
        ("150 g", "cold butter"),
        ("100 g", "caster sugar"),
        ("2", "egg yolks"),
    ]
    .iter()
    .map(|(amount, what)| format!("<tr{row_attrs}><td>{amount}</td><td>{what}</td></tr>"))
    .collect();
    format!(
        "<!doctype html><html><head><title>Shortbread fingers</title>{head}</head><body>\
         <nav><a href='/'>Recipes</a> <a href='/baking'>Baking</a> <a href='/cakes'>Cakes</a></nav>\
         <main><h1>Shortbread fingers</h1>\
         <div class='card'><h2>Ingredients</h2><p>for 16 fingers</p><table>{rows}</table></div>\
         <div class='method'>\
         <p>Rub the cold butter into the flour with your fingertips until the mixture looks like fine \
         breadcrumbs, working quickly so that the butter stays cold and the dough stays short.</p>\
         <p>Stir in the sugar, then the egg yolks, and bring everything together into a smooth dough \
         with a knife before you knead it very briefly on a lightly floured work surface.</p>\
         <p>Press the dough into a lined tin, prick it all over with a fork and bake it at 160 degrees \
         for about forty minutes, until it is pale golden at the edges and firm in the middle.</p>\
         <p>Cut it into fingers while it is still warm, dust them with a little more sugar and leave \
         them to cool completely in the tin before you lift them out and store them in a tin.</p>\
         </div></main><footer>Newsletter signup</footer></body></html>"
    )
}

#[test]
fn a_declared_recipe_keeps_its_ingredient_box() {
    let ld = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\
              \"@type\":\"Recipe\",\"name\":\"Shortbread fingers\",\"recipeIngredient\":\
              [\"300 g plain flour\",\"150 g cold butter\",\"100 g caster sugar\",\"2 egg yolks\"]}</script>";
    for (head, row_attrs) in [(ld, ""), ("", " itemprop='recipeIngredient'")] {
        let text = text_of(&recipe_page(head, row_attrs));
        for line in ["for 16 fingers", "300 g", "caster sugar", "egg yolks"] {
            assert!(text.contains(line), "{line} missing: {text}");
        }
        let ingredients = text.find("caster sugar").unwrap_or(usize::MAX);
        let method = text.find("Rub the cold butter").unwrap_or(0);
        assert!(
            ingredients < method,
            "ingredients follow the method: {text}"
        );
        assert!(!text.contains("Newsletter"), "{text}");
    }
}

#[test]
fn an_undeclared_ingredient_box_is_left_to_selection() {
    // Without a declared recipe, selection alone judges the card (it picks the method).
    let text = text_of(&recipe_page("", ""));
    assert!(text.contains("Rub the cold butter"), "{text}");
    assert!(!text.contains("for 16 fingers"), "{text}");
}

#[test]
fn a_thread_loses_its_counters_and_related_threads_box() {
    let ld = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\
              \"@type\":\"DiscussionForumPosting\",\"headline\":\"Night ferry or day crossing?\"}</script>";
    let page = thread_page(ld, "")
        .replace("</p></div></article>", "</p><p>3 likes</p></div></article>")
        .replace(
            "at the start of the summer holidays.</p>",
            "at the start of the summer holidays.</p><div class=box><h3>Similar threads</h3>\
             <p>Ferry to the north coast in winter, with a car and two dogs on board</p>\
             <p>Car deck prices this summer and whether the cabins are worth the extra</p></div>",
        );
    let text = text_of(&page);
    assert!(text.contains("Is the night ferry worth it"), "{text}");
    assert!(text.contains("cabins were clean"), "{text}");
    for gone in ["3 likes", "Similar threads", "Car deck prices"] {
        assert!(!text.contains(gone), "{gone} stayed in: {text}");
    }
}

#[test]
fn a_product_page_loses_the_boxes_of_other_products() {
    let card = |name: &str, price: &str| {
        format!("<div><h3>{name}</h3><p>A sturdy shoe for every day of the week, now ${price}, with free returns, a padded collar and a sole that lasts for years of walking.</p></div>")
    };
    let cards: String = [
        ("Road Runner", "89"),
        ("Hill Climber", "120"),
        ("City Walker", "75"),
    ]
    .iter()
    .map(|(n, p)| card(n, p))
    .collect();
    let html = format!(
        "<!doctype html><html><head><title>Trail Runner 2</title>\
         </head><body><main>\
         <h1>Trail Runner 2</h1><p class=price>$110.00</p>\
         <div class=description><p>A light trail shoe with a grippy sole that sheds mud, a rock \
         plate under the forefoot and a roomy toe box for long days on rough ground.</p>\
         <p>The upper is a recycled mesh that dries fast after river crossings, and the laces \
         stay tied through the wettest, muddiest runs of the autumn season.</p>\
         <p>The midsole foam is firmer than on the first version, so the shoe feels steady on \
         descents, and the heel counter holds the foot without rubbing on steep climbs.</p>\
         <p>It comes in five colours and in wide sizes, and it weighs 280 grams in a men's size \
         nine, about the same as a road shoe of its class.</p></div>\
         <section><div><h2>People who viewed this item also viewed</h2></div>\
         <div class=row>{cards}</div></section></main></body></html>"
    );
    let text = text_of(&html);
    assert!(
        text.contains("grippy sole") && text.contains("laces"),
        "{text}"
    );
    for gone in ["also viewed", "Hill Climber", "City Walker"] {
        assert!(!text.contains(gone), "{gone} stayed in: {text}");
    }
}

#[test]
fn an_empty_shell_gives_its_description() {
    let html = "<!doctype html><html><head><title>New to astronomy</title>\
        <meta property='og:description' content='I am new to astronomy and would love advice \
        on choosing a first telescope for a small balcony.'></head>\
        <body><div id=app></div><script>start()</script></body></html>";
    let text = text_of(html);
    assert!(text.starts_with("I am new to astronomy"), "{text}");
}
