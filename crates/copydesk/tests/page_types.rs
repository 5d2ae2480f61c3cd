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
