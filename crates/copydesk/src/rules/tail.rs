//! Text mode's story-end lines that are no heading of a "related" box: a pagination line
//! under the story's last paragraph ("1 | 2 | 3", "Next Page >", "« Vorige | Nächste »") and
//! the sign-off a news site prints under its story ("责任编辑：…", the responsible editor of a
//! Chinese news story; "Check out more articles on …"). The logic that reads them is
//! [`crate::textmode::tail`].

/// Words of a pagination line, folded to lower case, in the ten languages of the datasets:
/// with page numbers or with each other ("Next Page", "« Vorige | Nächste »") they make a
/// line that leads to the story's next page or the site's previous story.
pub const PAGINATION_WORDS: &[&str] = &[
    // en
    "next",
    "previous",
    "prev",
    "page",
    "pages",
    "older",
    "newer",
    // de
    "nächste",
    "vorige",
    "vorherige",
    "weiter",
    "zurück",
    "seite",
    // fr
    "suivant",
    "suivante",
    "précédent",
    "précédente",
    // es, pt
    "siguiente",
    "anterior",
    "página",
    "próxima",
    "próximo",
    // it
    "successivo",
    "successiva",
    "precedente",
    "pagina",
    // ru
    "далее",
    "назад",
    "следующая",
    "предыдущая",
    "страница",
    // zh
    "下一页",
    "上一页",
    "下页",
    "上页",
    // ja
    "次へ",
    "前へ",
    "次のページ",
    "前のページ",
    // ar
    "التالي",
    "السابق",
    "الصفحة",
];

/// A pagination line's page numbers have at most this many digits (a year or a phone
/// number is no page).
pub const MAX_PAGE_NUMBER_DIGITS: usize = 3;

/// Openings of a story's sign-off line, folded to lower case: what follows it is the site's.
/// "责任编辑" / "責任編輯" names the editor responsible at the foot of a Chinese news story.
pub const STORY_END_SIGN_OFFS: &[&str] = &["责任编辑", "責任編輯", "check out more articles on"];

/// Brackets a sign-off may stand in ("（责任编辑：王强）").
pub const SIGN_OFF_OPENING_BRACKETS: &[char] = &['(', '（', '[', '【'];
