//! Text mode end to end: the bundled example story, the shared seed document (when present),
//! and bad input.

use std::path::PathBuf;

use copydesk::{clean_text, Dateline, Options};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn bundled_example_story_with_comment_form() {
    let path = repo_root().join("examples/story-with-comment-form.txt");
    let text = std::fs::read_to_string(&path).expect("the example ships with the repo");
    let a = clean_text(&text, &Options::default()).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour Town Opens Its First Floating Library")
    );
    assert_eq!(a.date_published.as_deref(), Some("2019-03-03"));
    assert_eq!(
        a.dateline,
        Some(Dateline {
            place: Some("Lisbon".into()),
            date: Some("2019-03-03".into()),
            agency: Some("Tidewater News".into()),
        })
    );
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(a
        .text
        .starts_with("Lisbon, Mar 3 (Tidewater News) A converted cargo barge"));
    assert!(a
        .text
        .ends_with("move upriver to the market town in the summer months, the council said."));
    assert_eq!(
        a.text.matches("\n\n").count(),
        4,
        "five paragraphs: {}",
        a.text
    );
    for gone in [
        "Harbour Town Opens",
        "Fecha",
        "Imagen",
        "March 2019",
        "comment",
        "human visitor",
        "characters",
    ] {
        assert!(!a.text.contains(gone), "{gone} left in: {}", a.text);
    }
}

#[test]
fn shared_seed_document() {
    let path = repo_root().join("../shared/seed/000_80a6ca818669ab71.txt");
    let Ok(bytes) = std::fs::read(&path) else {
        println!("note: {} not present; seed test skipped", path.display());
        return;
    };
    let text = String::from_utf8(bytes).unwrap();
    let a = clean_text(&text, &Options::default()).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("Putin and Kerry Discuss Situation in Syria and Ukraine")
    );
    assert_eq!(a.date_published.as_deref(), Some("2016-07-15"));
    let dl = a.dateline.expect("dateline");
    assert_eq!(dl.place.as_deref(), Some("Moscow"));
    assert_eq!(dl.agency.as_deref(), Some("Prensa Latina"));
    assert!(
        a.text
            .starts_with("Moscow, Jul 15 (Prensa Latina) Russian President"),
        "{}",
        a.text
    );
    assert!(
        a.text.ends_with("special envoy for the talks with Kiev."),
        "{}",
        a.text
    );
    // Nothing else: the body is exactly the input's lines from the first to the last sentence.
    let start = text.find("Moscow, Jul 15").unwrap();
    let end = text.find("talks with Kiev.").unwrap() + "talks with Kiev.".len();
    assert_eq!(a.text, text[start..end]);
}

#[test]
fn many_languages_of_boilerplate_around_one_story() {
    let text = "Startseite\nPolitik\nStadtrat beschließt neue Brücke über den Fluss\nVeröffentlicht am: 5. März 2020\nDer Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen.\nDie Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.\nArtikel teilen\nDas könnte Sie auch interessieren\nHochwasser im Tal\nWir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können.\nSchreibe einen Kommentar\nDeine E-Mail-Adresse wird nicht veröffentlicht.\n";
    let a = clean_text(text, &Options::default()).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("Stadtrat beschließt neue Brücke über den Fluss")
    );
    assert_eq!(a.date_published.as_deref(), Some("2020-03-05"));
    assert_eq!(a.language.as_deref(), Some("de"));
    assert_eq!(
        a.text,
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen.\nDie Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern."
    );
}

#[test]
fn bad_inputs_give_errors_or_text_never_panics() {
    let o = Options::default();
    assert!(clean_text("", &o).is_err());
    let binaryish: String = (0u32..2000).filter_map(char::from_u32).collect();
    let _ = clean_text(&binaryish, &o);
    let lossy = String::from_utf8_lossy(b"caf\xe9 \xff\xfe story text \xc3\x28 more text here.");
    assert!(clean_text(&lossy, &o).is_ok());
    let tiny = Options {
        max_input_bytes: 1000,
        ..Options::default()
    };
    assert!(clean_text(&"x".repeat(5000), &tiny).is_err());
}
