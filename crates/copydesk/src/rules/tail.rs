//! Text mode's story-end lines that are no heading of a "related" box: a pagination line
//! under the story's last paragraph ("1 | 2 | 3", "Next Page >", "« Vorige | Nächste »") and
//! the sign-off a news site prints under its story ("责任编辑：…", the responsible editor of a
//! Chinese news story; "Check out more articles on …"), and the lines of a newsletter
//! sign-up form under the story (a pitch, a field label, a consent line, a submit button)
//! and the field labels of a contact form (a lead form: name, email, phone, message).
//! The logic that reads them is [`crate::textmode::tail`].

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

/// Phrases of a sign-up pitch, folded to lower case, found anywhere in a short line ("Get
/// TMZ Breaking News alerts to your inbox", "Sign up for our newsletter", "Newsletter
/// abonnieren"): with a form's field, consent line or button under it, the pitch opens a
/// newsletter sign-up block.
pub const SIGN_UP_PITCHES: &[&str] = &[
    "newsletter",
    "sign up",
    "signup",
    "sign-up",
    "subscribe",
    "your inbox",
    "email updates",
    "email alerts",
    "mailing list",
    "abonnieren",
    "abonnez-vous",
    "inscrivez-vous",
    "suscríbete",
    "iscriviti",
    "assine",
];

/// A sign-up form's field labels, folded to lower case, as a whole line once a trailing
/// "*" or ":" is cut ("Email Address *", "Enter your email").
pub const SIGN_UP_FIELDS: &[&str] = &[
    "email",
    "e-mail",
    "email address",
    "e-mail address",
    "your email",
    "your e-mail",
    "your email address",
    "enter your email",
    "enter your email address",
    "enter email",
    "enter email address",
    "first name",
    "last name",
    "zip code",
    "e-mail-adresse",
    "ihre e-mail-adresse",
    "adresse e-mail",
    "votre adresse e-mail",
    "correo electrónico",
    "indirizzo email",
];

/// Phrases of a sign-up form's consent or reassurance line, folded to lower case, found
/// anywhere in it ("By clicking "Submit," you agree to the Privacy Policy", "Unsubscribe at
/// any time").
pub const SIGN_UP_CONSENTS: &[&str] = &[
    "by clicking",
    "by signing up",
    "by subscribing",
    "by submitting",
    "you agree to",
    "i agree to",
    "unsubscribe at any time",
    "unsubscribe anytime",
    "unsubscribe any time",
    "we respect your privacy",
    "never share your email",
    "we won't spam",
    "we won’t spam",
    "privacy policy",
];

/// A sign-up form's submit buttons, folded to lower case, as a whole line once a trailing
/// arrow or "!" is cut.
pub const SIGN_UP_BUTTONS: &[&str] = &[
    "subscribe",
    "subscribe now",
    "sign up",
    "sign up now",
    "sign me up",
    "submit",
    "join",
    "join now",
    "go",
    "send",
    "abonnieren",
    "anmelden",
    "s'inscrire",
    "s’inscrire",
    "je m'abonne",
    "suscribirse",
    "enviar",
    "iscriviti",
];

/// A contact form's field labels, folded to lower case, as a whole line once a trailing "*"
/// or ":" is cut ("Full Name", "Phone Number*", "Your Message"): three of them, one asking
/// for an address ([`CONTACT_EMAIL_FIELDS`]), make a lead form under a story.
pub const CONTACT_FIELDS: &[&str] = &[
    "name",
    "full name",
    "your name",
    "first name",
    "last name",
    "phone",
    "phone number",
    "phone no",
    "your phone",
    "mobile",
    "mobile number",
    "telephone",
    "contact number",
    "company",
    "company name",
    "business name",
    "organization",
    "your company",
    "job title",
    "website",
    "message",
    "your message",
    "comments",
    "how can we help?",
    "how can we help you?",
    "subject",
    "service",
    "services",
    "zip",
    "zip code",
    "postal code",
    "city",
    "state",
    "country",
];

/// A contact form's fields asking for an address, folded to lower case, as a whole line once
/// a trailing "*" or ":" is cut.
pub const CONTACT_EMAIL_FIELDS: &[&str] = &[
    "email",
    "e-mail",
    "email address",
    "e-mail address",
    "your email",
    "your email address",
    "work email",
    "business email",
];

/// Marks a form's field label or button may end with ("Email Address *", "Subscribe →").
pub const SIGN_UP_TRAILING_MARKS: &[char] = &['*', ':', '!', '>', '»', '→', ' ', '\u{a0}'];
