//! Boilerplate lines and field labels, per language, as data.
//!
//! A page template leaves the same few lines in every story it wraps: the comment form and
//! its CAPTCHA prompt, cookie notices, share and follow prompts, navigation and breadcrumb
//! residue, "related articles" headings, copyright footers, and field labels such as
//! "Fecha de publicación:". Both text mode and the HTML block filter ask the two functions
//! here, [`boilerplate_kind`] and [`field_label`], about one short line at a time.
//!
//! Matching is deliberately narrow so that it cannot hit a real sentence:
//! - `EXACT` phrases must be the whole line (after case and trailing-punctuation folding);
//! - `PREFIX` phrases must open the line, and the line must be short;
//! - `CONTAINS` phrases are long, template-only wordings, and the line must be short too.
//!
//! All phrases are written in lowercase; lines are folded to lowercase once per call.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

/// What kind of boilerplate a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The opening of a comment section or a comment form ("Add new comment", "Leave a Reply").
    CommentSection,
    /// A line of a comment form ("Your email address will not be published.", "Post Comment").
    CommentForm,
    /// CAPTCHA and anti-spam notices.
    Captcha,
    /// Cookie and consent notices.
    Consent,
    /// Share, follow, subscribe and newsletter prompts.
    Share,
    /// Navigation and breadcrumb residue, login links, "back to top".
    Navigation,
    /// The heading of a "related articles" / "read more" list.
    Related,
    /// Copyright and legal footers, links to legal pages.
    Legal,
    /// Advertising markers ("Advertisement", "Anzeige").
    Advert,
    /// Markup a scraper left as text: an ad or tracking-pixel tag with an external URL
    /// (`<img src="https://…" width=1 height=1>`), as a `<noscript>` fallback often holds.
    Markup,
    /// The label of a widget's button or control ("Add to cart", "Load more", "Copy link"),
    /// left on a line of its own ([`control_kind`]; text mode only, the HTML path sees the
    /// button element itself).
    Control,
}

impl Kind {
    /// Whether this kind opens a section whose following lines belong to it (a comment
    /// thread, a list of related links), rather than being a one-line residue.
    pub fn opens_section(self) -> bool {
        matches!(self, Kind::CommentSection | Kind::Related)
    }
}

/// What a field label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Publication (or update) date.
    Date,
    /// Author or byline.
    Author,
    /// Lead image, photo, caption credit.
    Image,
    /// Source or agency.
    Source,
    /// Tags, categories, sections, keywords.
    Tags,
    /// Other template fields (reading time, views, print version …).
    Other,
}

/// A line longer than this (in bytes) is never boilerplate by phrase: real prose.
pub const MAX_PHRASE_LINE_BYTES: usize = 320;
/// A line with a `PREFIX` or `CONTAINS` phrase must have at most this many words.
const MAX_PHRASE_LINE_WORDS: usize = 40;
/// A field label with its value must be at most this many bytes long.
const MAX_LABEL_LINE_BYTES: usize = 160;

/// Whole-line phrases.
const EXACT: &[(Kind, &[&str])] = &[
    (
        Kind::CommentSection,
        &[
            // en
            "add new comment",
            "add a comment",
            "leave a reply",
            "leave a comment",
            "post a comment",
            "write a comment",
            "comments",
            "comment",
            "no comments",
            "no comments yet",
            "0 comments",
            "responses",
            "join the discussion",
            "join the conversation",
            "what do you think",
            "reader comments",
            "show comments",
            "view comments",
            "load comments",
            "comments are closed",
            "comments closed",
            // de
            "kommentar schreiben",
            "kommentare",
            "kommentar",
            "neuen kommentar schreiben",
            "kommentar hinzufügen",
            "schreibe einen kommentar",
            "hinterlasse einen kommentar",
            "keine kommentare",
            "kommentare anzeigen",
            "kommentare schreiben",
            "kommentare sind geschlossen",
            "kommentare geschlossen",
            "kommentar verfassen",
            "einen kommentar verfassen",
            // fr
            "ajouter un commentaire",
            "laisser un commentaire",
            "laisser une réponse",
            "commentaires",
            "commentaire",
            "écrire un commentaire",
            "réagir",
            "réagissez",
            // es
            "añadir nuevo comentario",
            "agregar nuevo comentario",
            "deja un comentario",
            "dejar un comentario",
            "deja una respuesta",
            "comentarios",
            "comentario",
            "escribe un comentario",
            "añadir comentario",
            // The form's invitation worded to the reader (rioplatense "enviá" too).
            "deja tu comentario",
            "escribe tu comentario",
            "envía tu comentario",
            "enviá tu comentario",
            "comparte tu opinión",
            "compartí tu opinión",
            // pt
            "adicionar novo comentário",
            "deixe um comentário",
            "deixe uma resposta",
            "comentários",
            "comentário",
            "escreva um comentário",
            "adicionar comentário",
            // it
            "aggiungi un commento",
            "aggiungi nuovo commento",
            "lascia un commento",
            "lascia una risposta",
            "commenti",
            "commento",
            "scrivi un commento",
            // ru
            "добавить комментарий",
            "оставить комментарий",
            "комментарии",
            "комментарий",
            "оставьте комментарий",
            "написать комментарий",
            // zh
            "发表评论",
            "评论",
            "网友评论",
            "添加评论",
            "我要评论",
            "留言",
            "發表評論",
            "評論",
            // ja
            "コメント",
            "コメントを残す",
            "コメントを書く",
            "コメントする",
            "コメント一覧",
            // ar
            "أضف تعليق",
            "أضف تعليقا",
            "اترك تعليقا",
            "التعليقات",
            "تعليقات",
            "اكتب تعليقا",
        ],
    ),
    (
        Kind::CommentForm,
        &[
            "post comment",
            "submit comment",
            "submit",
            "send",
            "preview",
            "reply",
            "cancel reply",
            "antwort abbrechen",
            "antworten abbrechen",
            "abbrechen",
            "name",
            "name *",
            "email",
            "email *",
            "e-mail",
            "e-mail *",
            "website",
            "comment *",
            "your name",
            "your email",
            "your comment",
            "mail (will not be published)",
            "leave a reply cancel reply",
            "log in to reply",
            "login to post comments",
            "kommentar abschicken",
            "antworten",
            "abschicken",
            "absenden",
            "vorschau",
            "publier le commentaire",
            "envoyer",
            "répondre",
            "aperçu",
            "publicar comentario",
            "enviar",
            "responder",
            "vista previa",
            "guardar",
            "publicar comentário",
            "pré-visualizar",
            "pubblica il commento",
            "invia",
            "rispondi",
            "anteprima",
            "отправить",
            "ответить",
            "предпросмотр",
            "ваше имя",
            "提交评论",
            "回复",
            "提交",
            "発言する",
            "返信",
            "送信",
            "إرسال",
            "رد",
        ],
    ),
    (
        Kind::Captcha,
        &[
            "captcha",
            "recaptcha",
            "math question",
            "i'm not a robot",
            "i am not a robot",
            "验证码",
        ],
    ),
    (
        Kind::Consent,
        &[
            "accept",
            "accept all",
            "accept cookies",
            "reject all",
            "decline",
            "i agree",
            "agree",
            "got it",
            "ok, got it",
            // the placeholder of an embed shown only after consent
            "externer inhalt",
            "externe inhalte",
            "cookie settings",
            "cookie preferences",
            "manage cookies",
            "manage consent",
            "manage preferences",
            "alle akzeptieren",
            "akzeptieren",
            "ablehnen",
            "einstellungen",
            "tout accepter",
            "accepter",
            "refuser",
            "aceptar",
            "aceptar todo",
            "rechazar",
            "aceitar",
            "aceitar todos",
            "rejeitar",
            "accetta",
            "accetta tutto",
            "rifiuta",
            "принять",
            "согласен",
            "接受",
            "同意",
            "同意する",
            "موافق",
            "قبول",
        ],
    ),
    (
        Kind::Share,
        &[
            "share",
            "share this",
            // WordPress's like box heading ("Like this:")
            "like this",
            "gefällt mir",
            "share this article",
            "share this story",
            "share this post",
            "share on facebook",
            "share on twitter",
            "share on linkedin",
            "share via email",
            "share article",
            "share with",
            "share by email",
            "share by e-mail",
            "share post on",
            "tweet",
            "facebook",
            "twitter",
            "x",
            "linkedin",
            "whatsapp",
            "telegram",
            "pinterest",
            "reddit",
            "email this",
            "print",
            "print this page",
            "print article",
            "follow us",
            "follow",
            "like",
            "subscribe",
            "subscribe now",
            "newsletter",
            "sign up for our newsletter",
            "subscribe to our newsletter",
            "teilen",
            "artikel teilen",
            "beitrag teilen",
            "inhalt teilen",
            "seite teilen",
            "jetzt teilen",
            "teilen mit",
            "drucken",
            "folgen sie uns",
            "abonnieren",
            "newsletter abonnieren",
            "partager",
            "partager cet article",
            "imprimer",
            "suivez-nous",
            "s'abonner",
            "abonnez-vous",
            "recevoir la newsletter",
            "compartir",
            "compartir en facebook",
            "compartir en twitter",
            "imprimir",
            "síguenos",
            "suscríbete",
            "suscribirse",
            "compartilhar",
            "compartilhe",
            "siga-nos",
            "assine",
            "inscreva-se",
            "condividi",
            "stampa",
            "seguici",
            "iscriviti",
            "поделиться",
            "печать",
            "подписаться",
            "подписывайтесь",
            "分享",
            "分享到",
            "打印",
            "关注我们",
            "订阅",
            "シェア",
            "ツイート",
            "印刷",
            "フォローする",
            "購読",
            "مشاركة",
            "شارك",
            "طباعة",
            "تابعنا",
            "اشترك",
        ],
    ),
    (
        Kind::Navigation,
        &[
            "home",
            "homepage",
            "menu",
            "main menu",
            "navigation",
            "search",
            "search for",
            "skip to content",
            "skip to main content",
            "skip to navigation",
            "jump to navigation",
            "back to top",
            "to top",
            "top",
            // the toggle under a long quoted post in a forum thread
            "click to expand",
            "click to shrink",
            "next",
            "previous",
            "prev",
            "next post",
            "vorheriger beitrag",
            "nächster beitrag",
            "vorgängerbeitrag",
            "nachfolgebeitrag",
            "vorheriger artikel",
            "nächster artikel",
            "article précédent",
            "article suivant",
            "entrada anterior",
            "entrada siguiente",
            "previous post",
            "next article",
            "previous article",
            "older posts",
            "newer posts",
            "more",
            "log in",
            "login",
            "sign in",
            "sign up",
            "register",
            "log out",
            "logout",
            "my account",
            "close",
            "open menu",
            "toggle navigation",
            "you are here",
            // the toggle over a list of sources
            "quellen ausblenden",
            "quellen einblenden",
            "quellen anzeigen",
            "startseite",
            "suche",
            "zum inhalt springen",
            "zum inhalt",
            "nach oben",
            "weiter",
            "zurück",
            "anmelden",
            "registrieren",
            "abmelden",
            "sie sind hier",
            "accueil",
            "rechercher",
            "recherche",
            "aller au contenu",
            "suivant",
            "précédent",
            "connexion",
            "se connecter",
            "s'inscrire",
            "vous êtes ici",
            "inicio",
            "portada",
            "buscar",
            "ir al contenido",
            "siguiente",
            "anterior",
            "iniciar sesión",
            "registrarse",
            "usted está aquí",
            "está aquí",
            "início",
            "pesquisar",
            "ir para o conteúdo",
            "próximo",
            "entrar",
            "cadastre-se",
            "você está aqui",
            "cerca",
            "vai al contenuto",
            "successivo",
            "precedente",
            "accedi",
            "registrati",
            "sei qui",
            "главная",
            "главная страница",
            "поиск",
            "меню",
            "вперед",
            "назад",
            "войти",
            "регистрация",
            "вход",
            "首页",
            "主页",
            "搜索",
            "上一篇",
            "下一篇",
            "登录",
            "注册",
            "返回顶部",
            "ホーム",
            "トップ",
            "検索",
            "メニュー",
            "次へ",
            "前へ",
            "ログイン",
            "ページの先頭へ",
            "الرئيسية",
            "الصفحة الرئيسية",
            "بحث",
            "القائمة",
            "التالي",
            "السابق",
            "تسجيل الدخول",
            "دخول",
        ],
    ),
    (
        Kind::Legal,
        &[
            "privacy policy",
            "privacy",
            "terms of use",
            "terms of service",
            "terms and conditions",
            "terms & conditions",
            "cookie policy",
            "imprint",
            "legal notice",
            "disclaimer",
            "contact us",
            "about us",
            "contact",
            "sitemap",
            "site map",
            "accessibility",
            "impressum",
            "datenschutz",
            "datenschutzerklärung",
            "kontakt",
            "agb",
            "nutzungsbedingungen",
            "mentions légales",
            "politique de confidentialité",
            "nous contacter",
            "aviso legal",
            "política de privacidad",
            "política de cookies",
            "contacto",
            "política de privacidade",
            "termos de uso",
            "contato",
            "informativa sulla privacy",
            "note legali",
            "contatti",
            "политика конфиденциальности",
            "контакты",
            "о нас",
            "隐私政策",
            "联系我们",
            "关于我们",
            "プライバシーポリシー",
            "お問い合わせ",
            "利用規約",
            "سياسة الخصوصية",
            "اتصل بنا",
            "من نحن",
        ],
    ),
    (
        Kind::Advert,
        &[
            "advertisement",
            "advertising",
            "sponsored",
            "sponsored content",
            "ad",
            "ads",
            "werbung",
            "anzeige",
            "publicité",
            "publicidad",
            "publicidade",
            "pubblicità",
            "реклама",
            "广告",
            "広告",
            "إعلان",
        ],
    ),
];

/// Phrases that must open a short line.
const PREFIX: &[(Kind, &[&str])] = &[
    (
        // A pingback or trackback entry in a blog's comment list.
        Kind::CommentSection,
        &[
            "pingback:",
            "pingback von",
            "pingback from",
            "trackback:",
            "trackback von",
            "trackback from",
        ],
    ),
    (
        Kind::CommentForm,
        &[
            "your email address will not be published",
            "your email address will never be",
            "required fields are marked",
            "notify me of follow-up comments",
            "notify me of new posts",
            "notify me of new comments",
            // WordPress.com's comment form (its log-in row, text box and mail options)
            "fill in your details below or click an icon to log in",
            "enter your comment here",
            "you are commenting using your",
            "email (required)",
            "name (required)",
            "connect to %s",
            "trage deine daten unten ein oder klicke ein icon",
            "gib hier deinen kommentar ein",
            "du kommentierst mit deinem",
            "benachrichtigung bei weiteren kommentaren per e-mail",
            "informiere mich über neue beiträge per e-mail",
            "e-mail (erforderlich)",
            "name (erforderlich)",
            "verbinde mit %s",
            "entrez vos coordonnées ci-dessous ou cliquez sur une icône",
            "vous commentez à l'aide de votre compte",
            "saisissez votre commentaire ici",
            "prévenez-moi de tous les nouveaux commentaires",
            "introduce tus datos o haz clic en un icono",
            "estás comentando usando tu cuenta",
            "escribe aquí tu comentario",
            "save my name, email, and website",
            "you must be logged in to post a comment",
            "you must be logged in to comment",
            "sie müssen sich einloggen, um",
            "sie müssen angemeldet sein, um",
            "du musst angemeldet sein, um",
            "du musst dich einloggen, um",
            "vous devez être connecté pour",
            "debes iniciar sesión para",
            "debe iniciar sesión para",
            "devi essere connesso per",
            "você precisa fazer login para",
            "log in to post comments",
            "login or register to post comments",
            "comments are moderated",
            "this site uses akismet",
            "allowed html tags",
            "allowed tags",
            "web page addresses and e-mail addresses turn into links",
            "oops! something went wrong while submitting the form",
            "thank you! your submission has been received",
            "this field is for validation purposes and should be left unchanged",
            "lines and paragraphs break automatically",
            "the content of this field is kept private",
            "deine e-mail-adresse wird nicht veröffentlicht",
            "ihre e-mail-adresse wird nicht veröffentlicht",
            "erforderliche felder sind mit",
            "votre adresse e-mail ne sera pas publiée",
            "votre adresse de messagerie ne sera pas",
            "les champs obligatoires sont indiqués",
            "tu dirección de correo electrónico no será publicada",
            "su dirección de correo electrónico no será publicada",
            "los campos obligatorios están marcados",
            "o seu endereço de email não será publicado",
            "o seu endereço de e-mail não será publicado",
            "campos obrigatórios são marcados",
            "il tuo indirizzo email non sarà pubblicato",
            "i campi obbligatori sono contrassegnati",
            "ваш адрес email не будет опубликован",
            "ваш e-mail не будет опубликован",
            "обязательные поля помечены",
            "您的电子邮箱地址不会被公开",
            "メールアドレスが公開されることはありません",
            "لن يتم نشر عنوان بريدك الإلكتروني",
        ],
    ),
    (
        Kind::Captcha,
        &[
            "this question is for testing whether",
            "enter the characters shown in the image",
            "enter the characters shown",
            "type the characters you see",
            "what code is in the image",
            "solve this simple math problem",
            "please prove you are human",
            "please verify you are human",
            "prove you're human",
            "diese frage dient dazu",
            "diese frage hat den zweck",
            "geben sie die zeichen",
            "geben sie die im bild gezeigten zeichen",
            "cette question permet de vérifier",
            "cette question sert à vérifier",
            "saisissez les caractères",
            "recopiez les caractères",
            "esta pregunta es para comprobar",
            "esta pregunta se hace para comprobar",
            "introduzca los caracteres",
            "introduce los caracteres",
            "escriba los caracteres",
            "esta pergunta é para testar",
            "esta questão é para testar",
            "digite os caracteres",
            "insira os caracteres",
            "questa domanda serve a verificare",
            "questa domanda è per verificare",
            "inserisci i caratteri",
            "digita i caratteri",
            "этот вопрос задается для того",
            "этот вопрос проверяет",
            "введите символы",
            "введите код с картинки",
            "这个问题是用来测试",
            "此问题用于测试",
            "请输入验证码",
            "输入图片中",
            "この質問はあなたが",
            "画像に表示されている文字",
            "هذا السؤال",
            "أدخل الأحرف",
            "اكتب الأحرف",
        ],
    ),
    (
        Kind::Consent,
        &[
            "we use cookies",
            "this website uses cookies",
            "this site uses cookies",
            "our website uses cookies",
            "we and our partners use cookies",
            "by continuing to use this site",
            "by continuing to browse",
            "by using this site, you agree",
            "by using this website, you agree",
            "we value your privacy",
            "wir respektieren deine privatsphäre",
            "wir respektieren ihre privatsphäre",
            "wir verwenden cookies",
            "wir nutzen cookies",
            "diese website verwendet cookies",
            "diese webseite verwendet cookies",
            "diese website nutzt cookies",
            "nous utilisons des cookies",
            "ce site utilise des cookies",
            "en poursuivant votre navigation",
            "utilizamos cookies",
            "este sitio web utiliza cookies",
            "este sitio utiliza cookies",
            "usamos cookies",
            "este site utiliza cookies",
            "este site usa cookies",
            "utilizziamo i cookie",
            "questo sito utilizza cookie",
            "questo sito usa cookie",
            "мы используем файлы cookie",
            "мы используем cookie",
            "этот сайт использует cookie",
            "本网站使用cookie",
            "我们使用cookie",
            "当サイトではクッキー",
            "当サイトではcookie",
            "このサイトはクッキー",
            "نستخدم ملفات تعريف الارتباط",
            "يستخدم هذا الموقع ملفات تعريف الارتباط",
        ],
    ),
    (
        Kind::Share,
        &[
            "share this on",
            "share to ",
            "share on ",
            "share via ",
            "click to share",
            "den artikel mit anderen teilen",
            "diesen artikel teilen",
            "diesen beitrag teilen",
            "click to email",
            "click to print",
            "follow us on",
            "sign up for our",
            "subscribe to our",
            "get our newsletter",
            "get the latest news",
            "like us on facebook",
            "folgen sie uns auf",
            "teilen auf",
            "auf facebook teilen",
            "partager sur",
            "suivez-nous sur",
            "abonnez-vous à notre",
            "compartir en",
            "síguenos en",
            "suscríbete a nuestro",
            "compartilhe no",
            "compartilhar no",
            "siga-nos no",
            "condividi su",
            "seguici su",
            "iscriviti alla",
            "поделиться в",
            "подписывайтесь на",
            "分享到",
            "关注我们的",
            "シェアする",
            "شارك على",
            "تابعنا على",
        ],
    ),
    (
        Kind::Legal,
        &[
            "copyright ©",
            "copyright (c)",
            "© copyright",
            "(c) copyright",
            "all rights reserved",
            "todos los derechos reservados",
            "alle rechte vorbehalten",
            "tous droits réservés",
            "todos os direitos reservados",
            "tutti i diritti riservati",
            "все права защищены",
            "版权所有",
            "版權所有",
            "著作権",
            "جميع الحقوق محفوظة",
        ],
    ),
    (
        Kind::Navigation,
        &[
            "you are here:",
            // the post navigation under a blog entry ("Next post: …")
            "next post:",
            "previous post:",
            "next article:",
            "previous article:",
            "nächster beitrag:",
            "vorheriger beitrag:",
            "nachfolgebeitrag:",
            "vorgängerbeitrag:",
            "sie sind hier:",
            "vous êtes ici :",
            "vous êtes ici:",
            "está aquí:",
            "você está aqui:",
            "sei qui:",
            "вы здесь:",
            "当前位置",
            "您的位置",
            "現在位置",
        ],
    ),
    (
        // The post's filing line under a blog entry.
        Kind::Navigation,
        &[
            "this entry was posted in",
            "this entry was posted on",
            "this entry was filed under",
            "this post was posted in",
            "this article was posted in",
            "bookmark the permalink",
            "der beitrag wurde am",
            "dieser beitrag wurde am",
            "dieser beitrag wurde unter",
            "dieser eintrag wurde am",
            "dieser eintrag wurde unter",
            "ce billet a été publié",
            "cette entrée a été publiée",
            "esta entrada fue publicada",
            "esta entrada foi publicada",
            "questa voce è stata pubblicata",
            "эта запись опубликована",
        ],
    ),
    (
        // Calls to subscribe, support or write in, set under the story.
        Kind::Share,
        &[
            "if you enjoyed reading this",
            "if you're seeing this message but you're already a subscriber",
            "if you are seeing this message but you are already a subscriber",
            "if you enjoyed this",
            "if you liked this",
            "did you enjoy this article",
            "subscribe now",
            "subscribe today",
            "sign up now",
            "sign up today",
            "support our journalism",
            "support independent journalism",
            "we want to hear what you think",
            "for the latest stories and breaking news",
            "for the latest news, follow",
            "jetzt abonnieren",
            "gefällt dir unser",
            "gefällt ihnen dieser artikel",
            "hat dir der artikel gefallen",
            "hat ihnen der artikel gefallen",
            "unterstützen sie unabhängigen journalismus",
            "abonnez-vous",
            "soutenez notre journalisme",
            "suscríbete ahora",
            "apoya el periodismo",
            "assine agora",
            "abbonati ora",
            "подпишитесь на нашу рассылку",
        ],
    ),
    (
        // An advertising label in front of the ad's own line.
        Kind::Advert,
        &["anzeige - ", "anzeige – ", "werbung - ", "werbung – "],
    ),
    (
        // Standard disclaimers under blog posts and magazine pages.
        Kind::Legal,
        &[
            "trotz sorgfältiger inhaltlicher kontrolle",
            "suggested citation",
            "zitiervorschlag",
            "haftungsausschluss",
            "haftungsbeschränkung",
            "haftung für links",
            "the opinions expressed",
            "the views expressed",
            "les opinions exprimées",
            "las opiniones expresadas",
            "as opiniões expressas",
            "le opinioni espresse",
        ],
    ),
];

/// Template-only wordings that may stand anywhere in a short line.
const CONTAINS: &[(Kind, &[&str])] = &[
    (
        // "Please enable JavaScript" notices left in <noscript> for script-less visitors.
        Kind::Navigation,
        &[
            "enable javascript",
            "javascript is disabled",
            "javascript must be enabled",
            "javascript aktivieren",
            "javascript ist deaktiviert",
            "activer javascript",
            "activez javascript",
            "habilite javascript",
            "habilitar javascript",
            "active o javascript",
            "abilitare javascript",
            "включите javascript",
            "启用javascript",
            "javascriptを有効",
        ],
    ),
    (
        Kind::Captcha,
        &[
            "human visitor and to prevent automated spam",
            "prevent automated spam submissions",
            "automatisierte spam",
            "spam automatisés",
            "spam automatizado",
            "spam automatizzato",
            "автоматической рассылки спама",
            "自动提交垃圾",
            "スパム投稿",
        ],
    ),
    (
        Kind::Legal,
        &[
            "all rights reserved",
            "todos los derechos reservados",
            "alle rechte vorbehalten",
            "tous droits réservés",
            "todos os direitos reservados",
            "tutti i diritti riservati",
            "все права защищены",
            "版权所有",
            "版權所有",
            "جميع الحقوق محفوظة",
        ],
    ),
    (
        Kind::Consent,
        &[
            "use of cookies",
            "uses cookies to",
            "utilise des cookies",
            "verwendet cookies",
            "utiliza cookies",
            "utilizza cookie",
            "korzystamy z cookies",
            "korzystamy z plików cookie",
            "używamy plików cookie",
            "wykorzystuje pliki cookie",
            "использует cookie",
            "使用cookie",
        ],
    ),
    (
        // Advertising and affiliate disclosures ("… we may receive compensation").
        Kind::Advert,
        &[
            "eine provision vom händler",
            "erhalten wir eine provision",
            "erhalte ich eine provision",
            "handelt es sich um affiliate",
            "dieser beitrag enthält werbung",
            "dieser artikel enthält werbung",
            "enthält affiliate",
            "from one or more of our advertisers",
            "advertisers do not influence",
            "this post contains affiliate",
            "this article contains affiliate",
            "we may receive compensation",
            "liens d'affiliation",
            "liens affiliés",
            "enlaces de afiliado",
            "enlaces afiliados",
            "links de afiliados",
            "link di affiliazione",
        ],
    ),
    (
        // Calls to subscribe, follow, join or donate, wherever they stand in the line.
        Kind::Share,
        &[
            "signing up to our newsletter",
            "sign up to our newsletter",
            "never miss the latest news",
            "sign up here",
            "cancela cuando quieras",
            "jede spende hilft",
            "jede kleine spende hilft",
            "join our telegram",
            "join our whatsapp",
            "folge uns auf",
            "folgt uns auf",
            "in deinen posteingang",
            "in ihren posteingang",
            "unseren newsletter",
            "unserem newsletter",
            "unseren youtube-kanal",
            "unseren telegram-kanal",
            "werden sie mitglied",
            "jetzt mitglied werden",
            "unterstütze uns",
            "unterstützen sie uns",
            "jetzt spenden",
            "jetzt unterstützen",
            "je fais un don",
            "faites un don",
            "soutenez-nous",
            "nuestro canal de youtube",
            "nuestro canal de telegram",
            "tenemos canal de telegram",
            "hazte miembro",
            "apoya nuestro periodismo",
            "nosso canal no youtube",
            "assine nossa newsletter",
            "iscriviti al nostro canale",
        ],
    ),
];

/// Wordings so particular to a template (a blog's filing line with its feed and trackback
/// notes, an advertising disclosure) that they mark a whole paragraph as boilerplate, up to
/// [`MAX_TEMPLATE_PARAGRAPH_BYTES`], where `PREFIX` and `CONTAINS` hold only for short lines.
/// These are checked only on lines too long for those tables.
const TEMPLATE_PARAGRAPHS: &[(Kind, &[&str])] = &[
    (
        Kind::Navigation,
        &[
            "you can follow any responses to this entry through the rss",
            "you can leave a response, or trackback from your own site",
            "responses are currently closed, but you can trackback",
            "kommentare zu diesem eintrag durch den rss",
            "kommentare zu diesen eintrag durch den rss",
            "kommentare sind derzeit geschlossen, aber du kannst",
            "bookmark the permalink",
        ],
    ),
    (
        Kind::Advert,
        &[
            "from one or more of our advertisers",
            "advertisers do not influence",
        ],
    ),
];
/// A line holding one of the [`TEMPLATE_PARAGRAPHS`] wordings is boilerplate up to this
/// many bytes.
const MAX_TEMPLATE_PARAGRAPH_BYTES: usize = 640;

/// Field labels, written without their colon.
const FIELD_LABELS: &[(Field, &[&str])] = &[
    (
        Field::Date,
        &[
            "date",
            "published",
            "published on",
            "publication date",
            "date published",
            "posted",
            "posted on",
            "updated",
            "last updated",
            "last modified",
            "datum",
            "veröffentlicht",
            "veröffentlicht am",
            "erschienen am",
            "aktualisiert",
            "aktualisiert am",
            "stand",
            "publié le",
            "date de publication",
            "mis à jour le",
            "publié",
            "fecha",
            "fecha de publicación",
            "publicado",
            "publicado el",
            "actualizado",
            "data",
            "data de publicação",
            "publicado em",
            "atualizado em",
            "data di pubblicazione",
            "pubblicato il",
            "aggiornato il",
            "pubblicato",
            "дата",
            "дата публикации",
            "опубликовано",
            "обновлено",
            "日期",
            "发布时间",
            "发稿时间",
            "发布日期",
            "時間",
            "时间",
            "更新时间",
            "投稿日",
            "公開日",
            "更新日",
            "日付",
            "التاريخ",
            "تاريخ النشر",
            "نشر في",
        ],
    ),
    (
        Field::Author,
        &[
            "author",
            "authors",
            "by",
            "written by",
            "posted by",
            "autor",
            "autoren",
            "von",
            "auteur",
            "par",
            "autora",
            "por",
            "escrito por",
            "autore",
            "di",
            "a cura di",
            "автор",
            "авторы",
            "作者",
            "记者",
            "著者",
            "投稿者",
            "الكاتب",
            "كتب",
            "بقلم",
        ],
    ),
    (
        Field::Image,
        &[
            "image",
            "main image",
            "featured image",
            "photo",
            "picture",
            "image credit",
            "photo credit",
            "bild",
            "foto",
            "titelbild",
            "image principale",
            "photo principale",
            "imagen",
            "imagen principal",
            "imagen destacada",
            "imagem",
            "imagem principal",
            "immagine",
            "immagine principale",
            "изображение",
            "фото",
            "图片",
            "图",
            "画像",
            "写真",
            "صورة",
            "الصورة",
        ],
    ),
    (
        Field::Source,
        &[
            "source",
            "quelle",
            "fuente",
            "fonte",
            "источник",
            "来源",
            "出典",
            "出处",
            "المصدر",
        ],
    ),
    (
        Field::Tags,
        &[
            "tags",
            "tag",
            "category",
            "categories",
            "filed under",
            "posted in",
            "topics",
            "keywords",
            "section",
            "schlagwörter",
            "schlagworte",
            "kategorie",
            "kategorien",
            "themen",
            "étiquettes",
            "mots-clés",
            "catégorie",
            "catégories",
            "etiquetas",
            "categoría",
            "categorías",
            "palabras clave",
            "categoria",
            "categorias",
            "palavras-chave",
            "categorie",
            "parole chiave",
            "теги",
            "метки",
            "рубрика",
            "категория",
            "标签",
            "分类",
            "关键词",
            "タグ",
            "カテゴリー",
            "الوسوم",
            "التصنيف",
            "كلمات مفتاحية",
        ],
    ),
    (
        Field::Other,
        &[
            "reading time",
            "views",
            "print version",
            "share",
            "lesezeit",
            "temps de lecture",
            "tiempo de lectura",
            "tempo de leitura",
            "tempo di lettura",
            "время чтения",
            "просмотры",
            "阅读",
            "浏览",
            "閲覧数",
        ],
    ),
];

struct Tables {
    exact: HashMap<&'static str, Kind>,
    /// The last word of every whole-line phrase: a cheap first test for [`joined_phrases`].
    exact_last_words: HashSet<&'static str>,
    prefix: Option<AhoCorasick>,
    prefix_kinds: Vec<Kind>,
    contains: Option<AhoCorasick>,
    contains_kinds: Vec<Kind>,
    paragraphs: Option<AhoCorasick>,
    paragraph_kinds: Vec<Kind>,
    labels: HashMap<&'static str, Field>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build_tables)
}

fn flatten(groups: &[(Kind, &[&'static str])]) -> (Vec<&'static str>, Vec<Kind>) {
    let mut phrases = Vec::new();
    let mut kinds = Vec::new();
    for (kind, list) in groups {
        for p in *list {
            phrases.push(*p);
            kinds.push(*kind);
        }
    }
    (phrases, kinds)
}

/// The tables are static and small: building cannot fail short of a bug in them, which the
/// unit tests catch; without an automaton those phrases simply match nothing.
fn automaton(phrases: &[&str], start: StartKind) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .start_kind(start)
        .build(phrases)
        .ok()
}

fn build_tables() -> Tables {
    let mut exact = HashMap::new();
    for (kind, list) in EXACT {
        for p in *list {
            exact.entry(*p).or_insert(*kind);
        }
    }
    for &(p, role) in RELATED {
        if matches!(role, RelatedRole::EndsStory | RelatedRole::Link) {
            exact.entry(p).or_insert(Kind::Related);
        }
    }
    let (prefix_phrases, prefix_kinds) = flatten(PREFIX);
    let (contains_phrases, contains_kinds) = flatten(CONTAINS);
    let (paragraph_phrases, paragraph_kinds) = flatten(TEMPLATE_PARAGRAPHS);
    let mut labels = HashMap::new();
    for (field, list) in FIELD_LABELS {
        for l in *list {
            labels.entry(*l).or_insert(*field);
        }
    }
    let exact_last_words = exact.keys().filter_map(|p| p.rsplit(' ').next()).collect();
    Tables {
        exact,
        exact_last_words,
        prefix: automaton(&prefix_phrases, StartKind::Anchored),
        prefix_kinds,
        contains: automaton(&contains_phrases, StartKind::Unanchored),
        contains_kinds,
        // ASCII phrases (a test checks), matched on the unfolded line: a long line is not
        // worth a folded copy for the few it could match.
        paragraphs: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .ascii_case_insensitive(true)
            .build(&paragraph_phrases)
            .ok(),
        paragraph_kinds,
        labels,
    }
}

/// Folds a short line for lookup: lowercase, whitespace (incl. no-break spaces) collapsed,
/// list bullets and trailing punctuation/arrows stripped. Returns `None` for long lines.
fn fold(line: &str) -> Option<String> {
    let line = line.trim_matches(|c: char| c.is_whitespace() || is_decoration(c));
    if line.len() > MAX_PHRASE_LINE_BYTES || line.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    if line.is_ascii() {
        for b in line.bytes() {
            if b.is_ascii_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(char::from(b.to_ascii_lowercase()));
        }
        let trimmed = out.trim_end_matches(|c: char| c == ' ' || TRAILING_NOISE.contains(c));
        out.truncate(trimmed.len());
        return Some(out);
    }
    for c in line.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        for l in c.to_lowercase() {
            // Typographic apostrophes fold to the ASCII one the tables use.
            out.push(if l == '’' { '\'' } else { l });
        }
    }
    let trimmed = out.trim_end_matches(|c: char| c == ' ' || TRAILING_NOISE.contains(c));
    out.truncate(trimmed.len());
    Some(out)
}

/// Characters a template puts around a prompt: bullets, arrows, separators.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '»'
            | '«'
            | '›'
            | '‹'
            | '→'
            | '←'
            | '↑'
            | '|'
            | '>'
            | '<'
            | '*'
            | '-'
            | '–'
            | '—'
            | '+'
            | '#'
            | '▶'
            | '►'
            | '▸'
            | '■'
            | '□'
            | '✓'
            | '✔'
            | '✕'
            | '×'
            | '⌃'
            | '^'
            | '【'
            | '】'
            | '['
            | ']'
    )
}

/// Punctuation stripped from the end of a folded line before the whole-line lookup.
const TRAILING_NOISE: &str = ":：.…!！?？»›→)";

/// Words of a folded line (single spaces between them; a CJK line counts as one word, the
/// byte limit bounds it anyway).
fn folded_words(folded: &str) -> usize {
    folded.bytes().filter(|&b| b == b' ').count() + 1
}

/// What kind of boilerplate `line` is, if it is one. `line` is one line of text.
pub fn boilerplate_kind(line: &str) -> Option<Kind> {
    match fold(line) {
        Some(folded) => boilerplate_kind_folded(&folded, line),
        None if line.len() <= MAX_TEMPLATE_PARAGRAPH_BYTES => template_paragraph_kind(line),
        None => None,
    }
}

/// The kind of a long line that holds one of the [`TEMPLATE_PARAGRAPHS`] wordings (in any
/// ASCII case).
fn template_paragraph_kind(line: &str) -> Option<Kind> {
    let t = tables();
    let m = t.paragraphs.as_ref()?.find(line)?;
    t.paragraph_kinds.get(m.pattern().as_usize()).copied()
}

fn boilerplate_kind_folded(folded: &str, line: &str) -> Option<Kind> {
    if folded.is_empty() {
        return None;
    }
    let t = tables();
    if let Some(kind) = t.exact.get(folded) {
        return Some(*kind);
    }
    if let Some(kind) = comment_count(folded) {
        return Some(kind);
    }
    if let Some(kind) = joined_phrases(folded) {
        return Some(kind);
    }
    if is_breadcrumb(line) {
        return Some(Kind::Navigation);
    }
    if folded_words(folded) > MAX_PHRASE_LINE_WORDS {
        return template_paragraph_kind(folded);
    }
    if let Some(kind) = prefix_kind(folded) {
        return Some(kind);
    }
    if let Some(m) = t.contains.as_ref().and_then(|ac| ac.find(folded)) {
        return t.contains_kinds.get(m.pattern().as_usize()).copied();
    }
    if starts_with_copyright_sign(folded) {
        return Some(Kind::Legal);
    }
    if is_follow_prompt(folded) {
        return Some(Kind::Share);
    }
    if is_script_error(folded) {
        return Some(Kind::Markup);
    }
    None
}

/// How a server-side script's error message opens when the server prints it into the page.
const SCRIPT_ERROR_OPENERS: &[&str] = &[
    "warning: ",
    "notice: ",
    "deprecated: ",
    "strict standards: ",
    "fatal error: ",
    "parse error: ",
];

/// Whether a folded line is a PHP-style error message left in the page ("Warning: Creating
/// default object from empty value in /www/htdocs/…/classes.php on line 407").
fn is_script_error(folded: &str) -> bool {
    SCRIPT_ERROR_OPENERS.iter().any(|o| folded.starts_with(o))
        && folded.contains(".php")
        && folded.contains(" on line ")
}

/// Openers of a prompt to follow someone on a social network ("Follow The Gleaner on
/// Twitter and Instagram", "Folgen Sie uns auf Instagram").
const FOLLOW_OPENERS: &[&str] = &[
    "follow ",
    "folgen sie ",
    "folge ",
    "folgt ",
    "suivez ",
    "síguenos ",
    "sigue a ",
    "siga ",
    "segui ",
];

/// Social networks a follow prompt names, as whole words.
const SOCIAL_NETWORKS: &[&str] = &[
    "twitter",
    "instagram",
    "facebook",
    "tiktok",
    "youtube",
    "linkedin",
    "threads",
    "mastodon",
    "bluesky",
];

/// Whether a short folded line asks the reader to follow someone on a social network: it
/// opens with [`FOLLOW_OPENERS`] and names one of the [`SOCIAL_NETWORKS`].
fn is_follow_prompt(folded: &str) -> bool {
    FOLLOW_OPENERS.iter().any(|o| folded.starts_with(o))
        && folded
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| SOCIAL_NETWORKS.contains(&w))
}

/// The kind of the `PREFIX` phrase a folded line opens with.
fn prefix_kind(folded: &str) -> Option<Kind> {
    let t = tables();
    let anchored = Input::new(folded).anchored(Anchored::Yes);
    let m = t.prefix.as_ref()?.find(anchored)?;
    t.prefix_kinds.get(m.pattern().as_usize()).copied()
}

/// An appeal line must have at least this many words to open an appeal box: a one- or
/// two-word share label ("Share", "Follow us") over other lines is a widget's caption.
const MIN_APPEAL_WORDS: usize = 3;

/// Whether a text of several lines opens with an appeal to subscribe, donate, follow or
/// share (a [`Kind::Share`] `PREFIX` phrase, at least `MIN_APPEAL_WORDS` words): a
/// support box whose other lines make the case ("Gefällt dir unser Magazin? …" over a
/// call for donations). Only an opening phrase counts: a `CONTAINS` wording such as
/// "unterstützen Sie uns" also stands in a welcome text that asks for nothing.
pub fn opens_with_appeal(text: &str) -> bool {
    let Some((first, rest)) = text.trim_start().split_once('\n') else {
        return false;
    };
    if rest.trim().is_empty() {
        return false;
    }
    fold(first).is_some_and(|folded| {
        (MIN_APPEAL_WORDS..=MAX_PHRASE_LINE_WORDS).contains(&folded_words(&folded))
            && prefix_kind(&folded) == Some(Kind::Share)
    })
}

/// A line of two whole-line phrases run together has at most this many words.
const MAX_JOINED_PHRASE_WORDS: usize = 8;

/// Two whole-line phrases a template set side by side without a break ("Keine Kommentare
/// Kommentare sind geschlossen", "Share Tweet"): the kind of the first.
fn joined_phrases(folded: &str) -> Option<Kind> {
    if folded_words(folded) > MAX_JOINED_PHRASE_WORDS {
        return None;
    }
    let t = tables();
    let last_word = folded.rsplit(' ').next().unwrap_or(folded);
    let last_word = last_word.trim_end_matches(|c: char| TRAILING_NOISE.contains(c));
    if !t.exact_last_words.contains(last_word) {
        return None;
    }
    let exact = &t.exact;
    folded.match_indices(' ').find_map(|(at, _)| {
        let (first, second) = (folded.get(..at)?, folded.get(at + 1..)?);
        let second = second.trim_end_matches(|c: char| c == ' ' || TRAILING_NOISE.contains(c));
        exact.get(second)?;
        exact
            .get(first.trim_end_matches(|c: char| TRAILING_NOISE.contains(c)))
            .copied()
    })
}

/// "12 comments", "3 Kommentare", "Comments (4)", "评论(3)": a comment counter.
fn comment_count(folded: &str) -> Option<Kind> {
    let t = tables();
    let stripped = folded.trim_matches(|c: char| c.is_ascii_digit() || " ()[]（）".contains(c));
    if stripped.len() == folded.len() || stripped.is_empty() {
        return None;
    }
    let kind = t.exact.get(stripped)?;
    matches!(kind, Kind::CommentSection).then_some(Kind::CommentSection)
}

/// "© 2016 Example Media", "(c) 2020 …", "Copyright 2020 …": a copyright line (short by
/// construction here). After "(c)" or "copyright" a year must follow, so that a list item
/// "(c) the third case" is not taken for one.
fn starts_with_copyright_sign(folded: &str) -> bool {
    let year_follows = |r: &str| r.trim_start().starts_with(|c: char| c.is_ascii_digit());
    if let Some(rest) = folded.strip_prefix('©') {
        return rest.trim_start().len() < 80;
    }
    folded.strip_prefix("(c) ").is_some_and(year_follows)
        || folded.strip_prefix("copyright ").is_some_and(year_follows)
}

/// Words that open a breadcrumb trail.
pub const BREADCRUMB_HEADS: &[&str] = &[
    "home",
    "homepage",
    "start",
    "startseite",
    "accueil",
    "inicio",
    "portada",
    "início",
    "главная",
    "首页",
    "ホーム",
    "トップ",
    "الرئيسية",
];

/// "Home > World > Europe", "Startseite / Politik": a breadcrumb trail.
pub fn is_breadcrumb(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 200 || !line.contains(['>', '›', '»', '/', '|', '→', '\\']) {
        return false;
    }
    let mut parts = line.split(['>', '›', '»', '/', '|', '→', '\\']);
    let Some(head) = parts.next() else {
        return false;
    };
    let head = head.trim().to_lowercase();
    if !BREADCRUMB_HEADS.contains(&head.as_str()) {
        return false;
    }
    let rest: Vec<&str> = parts.map(str::trim).collect();
    !rest.is_empty()
        && rest.iter().all(|p| p.split_whitespace().count() <= 8)
        && rest.iter().any(|p| !p.is_empty())
}

/// A field label found at the start of a line, and the value after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label<'a> {
    pub field: Field,
    /// The text after the label (trimmed; empty when the template lost the value).
    pub value: &'a str,
}

/// Reads `line` as "Label: value" (or a bare "Label:") for a label in the tables.
///
/// The label must end in a colon (ASCII or full-width), so "Date night ideas" is not a label.
pub fn field_label(line: &str) -> Option<Label<'_>> {
    let line = line.trim_matches(|c: char| c.is_whitespace());
    if line.len() > MAX_LABEL_LINE_BYTES {
        return None;
    }
    let (colon, width) = line
        .char_indices()
        .find(|&(_, c)| c == ':' || c == '：')
        .map(|(i, c)| (i, c.len_utf8()))?;
    let head = line.get(..colon)?;
    if head.len() > 48 {
        return None;
    }
    let folded = fold(head)?;
    let field = *tables().labels.get(folded.as_str())?;
    let value = line
        .get(colon + width..)?
        .trim_matches(|c: char| c.is_whitespace());
    Some(Label { field, value })
}

/// Whether `line` is a field label left without its value ("Imagen principal:").
pub fn is_field_label(line: &str) -> bool {
    field_label(line).is_some_and(|l| l.value.is_empty())
}

/// Where a "related" phrase applies: the headings and links of what a page puts below (or
/// between) its story — lists of other stories, the author's box, feedback prompts. One table
/// for both paths, so that a heading is added once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RelatedRole {
    /// A [`Kind::Related`] line, and a heading that text mode ends the story at ("Related
    /// articles", "Most read").
    EndsStory,
    /// A [`Kind::Related`] line only: a link that also stands under a teaser inside the story
    /// ("Read more", "Lesen Sie auch"), so it ends nothing.
    Link,
    /// A heading text mode ends the story at, but not (yet) a [`Kind::Related`] line to the
    /// HTML block filter, whose results were measured without it ("About the author", "Was
    /// this page helpful?").
    EndsStoryTextOnly,
    /// The heading of a paid or promoted-content box ("Sponsored links", "Around the web",
    /// "by Taboola"): a story-end heading (text only, as `EndsStoryTextOnly`) that ends the
    /// story with less prose above it ([`is_promoted_heading`]) — such a box is never the
    /// story's, and it often stands above the comments and the page's own teasers, whose
    /// summaries count as prose below it.
    Promoted,
}

use RelatedRole::{EndsStory, EndsStoryTextOnly, Link, Promoted};

/// The "related" phrases (whole folded lines, as in `EXACT`, where they join the
/// [`Kind::Related`] group) and their [`RelatedRole`].
const RELATED: &[(&str, RelatedRole)] = &[
    // en
    ("related articles", EndsStory),
    ("related posts", EndsStory),
    ("related stories", EndsStory),
    ("related news", EndsStory),
    ("related content", EndsStory),
    ("related links", EndsStory),
    ("related topics", EndsStory),
    ("related reading", EndsStoryTextOnly),
    ("related products", EndsStoryTextOnly),
    ("you may also like", EndsStory),
    ("you might also like", EndsStory),
    ("you may be interested in", EndsStory),
    ("you may also be interested in", EndsStoryTextOnly),
    ("more stories", EndsStory),
    ("more news", EndsStory),
    ("more from", EndsStory),
    ("more from our blog", EndsStoryTextOnly),
    ("more like this", EndsStoryTextOnly),
    ("more articles", EndsStoryTextOnly),
    ("more to explore", EndsStoryTextOnly),
    ("more in", EndsStoryTextOnly),
    ("explore more", EndsStoryTextOnly),
    ("keep reading", EndsStoryTextOnly),
    ("read this next", EndsStoryTextOnly),
    ("recommended for you", EndsStory),
    ("editor's picks", EndsStoryTextOnly),
    ("most popular", EndsStory),
    ("most read", EndsStory),
    ("popular articles", EndsStoryTextOnly),
    ("popular posts", EndsStory),
    ("top stories", EndsStoryTextOnly),
    ("trending", EndsStory),
    ("trending now", EndsStory),
    ("more on this story", EndsStory),
    ("latest news", EndsStory),
    ("latest articles", EndsStoryTextOnly),
    ("latest posts", EndsStoryTextOnly),
    ("recent articles", EndsStoryTextOnly),
    ("read more stories about", EndsStoryTextOnly),
    ("recent posts", EndsStory),
    ("about the author", EndsStoryTextOnly),
    ("about the authors", EndsStoryTextOnly),
    ("about the reviewer", EndsStoryTextOnly),
    ("written by", EndsStoryTextOnly),
    ("was this page helpful", EndsStoryTextOnly),
    ("was this article helpful", EndsStoryTextOnly),
    ("was this helpful", EndsStoryTextOnly),
    ("did you find this article helpful", EndsStoryTextOnly),
    ("recommended stories", EndsStoryTextOnly),
    ("recommended articles", EndsStoryTextOnly),
    ("recommended reading", EndsStoryTextOnly),
    ("popular stories", EndsStoryTextOnly),
    ("most popular stories", EndsStoryTextOnly),
    ("latest stories", EndsStoryTextOnly),
    ("similar articles", EndsStoryTextOnly),
    ("similar posts", EndsStoryTextOnly),
    ("people also read", EndsStoryTextOnly),
    ("read these next", EndsStoryTextOnly),
    ("what to read next", EndsStoryTextOnly),
    ("you may have missed", EndsStoryTextOnly),
    ("more posts", EndsStoryTextOnly),
    ("more reading", EndsStoryTextOnly),
    ("watch next", EndsStoryTextOnly),
    ("related videos", EndsStoryTextOnly),
    ("more videos", EndsStoryTextOnly),
    ("around the web", Promoted),
    ("from the web", Promoted),
    ("sponsored stories", Promoted),
    ("promoted stories", Promoted),
    ("sponsored links", Promoted),
    ("promoted links", Promoted),
    ("sponsored content", Promoted),
    ("paid content", Promoted),
    ("from our partners", Promoted),
    ("by taboola", Promoted),
    ("recommended by", Promoted),
    ("promoted content", Promoted),
    ("you may like", EndsStoryTextOnly),
    ("we recommend", EndsStoryTextOnly),
    ("recommended", EndsStory),
    ("trending articles", EndsStoryTextOnly),
    ("trending stories", EndsStoryTextOnly),
    ("trending news", EndsStoryTextOnly),
    ("popular now", EndsStoryTextOnly),
    ("most viewed", EndsStoryTextOnly),
    ("most shared", EndsStoryTextOnly),
    ("most commented", EndsStoryTextOnly),
    ("more headlines", EndsStoryTextOnly),
    ("more top stories", EndsStoryTextOnly),
    ("related coverage", EndsStory),
    ("related reads", EndsStoryTextOnly),
    ("related searches", EndsStoryTextOnly),
    ("related questions", EndsStoryTextOnly),
    ("similar threads", EndsStoryTextOnly),
    ("you might be interested in", EndsStoryTextOnly),
    ("you might like", EndsStoryTextOnly),
    ("don't miss", EndsStoryTextOnly),
    ("editors' picks", EndsStoryTextOnly),
    ("in case you missed it", EndsStoryTextOnly),
    ("latest videos", EndsStoryTextOnly),
    ("next article", EndsStoryTextOnly),
    ("next story", EndsStoryTextOnly),
    ("up next", EndsStoryTextOnly),
    ("read next", EndsStory),
    ("more stories like this", EndsStoryTextOnly),
    ("about the writer", EndsStoryTextOnly),
    ("meet the author", EndsStoryTextOnly),
    ("author bio", EndsStoryTextOnly),
    ("related", Link),
    ("read more", Link),
    ("read also", Link),
    ("also read", Link),
    // de
    ("ähnliche artikel", EndsStory),
    ("ähnliche beiträge", EndsStory),
    ("das könnte sie auch interessieren", EndsStory),
    ("mehr zum thema", EndsStory),
    ("weitere artikel", EndsStory),
    ("weitere nachrichten", EndsStory),
    ("meistgelesen", EndsStory),
    ("empfohlene artikel", EndsStory),
    ("verwandte artikel", EndsStory),
    ("neueste beiträge", EndsStory),
    ("über den autor", EndsStoryTextOnly),
    ("gesponserte inhalte", Promoted),
    ("gesponserte links", Promoted),
    ("war dieser artikel hilfreich", EndsStoryTextOnly),
    ("das könnte sie interessieren", EndsStoryTextOnly),
    ("auch interessant", EndsStory),
    ("weitere themen", EndsStoryTextOnly),
    ("mehr aus dem ressort", EndsStoryTextOnly),
    ("meistgelesene artikel", EndsStory),
    ("am meisten gelesen", EndsStoryTextOnly),
    ("top-artikel", EndsStoryTextOnly),
    ("empfehlungen", EndsStoryTextOnly),
    ("verwandte themen", EndsStoryTextOnly),
    ("ähnliche themen", EndsStoryTextOnly),
    ("weitere beiträge", EndsStoryTextOnly),
    ("neueste artikel", EndsStory),
    ("aktuelle artikel", EndsStoryTextOnly),
    ("weiterlesen", Link),
    ("das könnte dich auch interessieren", Link),
    ("das thema könnte dich auch interessieren", Link),
    ("lesen sie auch", Link),
    ("lesen sie auch die folgenden beiträge", Link),
    ("zum weiterlesen", Link),
    ("meistdiskutierte artikel", Link),
    ("empfehlungen aus der redaktion", Link),
    ("weiterführende links", Link),
    ("weiterführender link", Link),
    ("vorschau auf den nächsten artikel", Link),
    ("mehr aus der sendung", Link),
    // fr
    ("articles similaires", EndsStory),
    ("articles liés", EndsStory),
    ("à lire aussi", EndsStory),
    ("lire aussi", EndsStory),
    ("les plus lus", EndsStory),
    ("sur le même sujet", EndsStory),
    ("articles récents", EndsStory),
    ("à propos de l'auteur", EndsStoryTextOnly),
    ("contenus sponsorisés", Promoted),
    ("contenu sponsorisé", Promoted),
    ("cet article vous a-t-il été utile", EndsStoryTextOnly),
    ("vous aimerez aussi", EndsStoryTextOnly),
    ("vous aimerez peut-être", EndsStoryTextOnly),
    ("vous pourriez aussi aimer", EndsStoryTextOnly),
    ("les plus populaires", EndsStoryTextOnly),
    ("les plus partagés", EndsStoryTextOnly),
    ("les plus commentés", EndsStoryTextOnly),
    ("dans la même rubrique", EndsStory),
    ("dernières actualités", EndsStoryTextOnly),
    ("sur le même thème", EndsStoryTextOnly),
    ("nos dernières publications", EndsStoryTextOnly),
    ("à lire", Link),
    ("lire la suite", Link),
    // es
    ("artículos relacionados", EndsStory),
    ("noticias relacionadas", EndsStory),
    ("te puede interesar", EndsStory),
    ("también te puede interesar", EndsStory),
    ("lo más leído", EndsStory),
    ("entradas recientes", EndsStory),
    ("sobre el autor", EndsStoryTextOnly),
    ("te recomendamos", EndsStoryTextOnly),
    ("también te puede gustar", EndsStoryTextOnly),
    ("te puede gustar", EndsStoryTextOnly),
    ("más noticias", EndsStoryTextOnly),
    ("más leídas", EndsStoryTextOnly),
    ("lo más visto", EndsStoryTextOnly),
    ("últimas noticias", EndsStoryTextOnly),
    ("contenido patrocinado", Promoted),
    ("te podría interesar", EndsStoryTextOnly),
    ("leer más", Link),
    // pt
    ("artigos relacionados", EndsStory),
    ("notícias relacionadas", EndsStory),
    ("leia também", EndsStory),
    ("mais lidas", EndsStory),
    ("posts recentes", EndsStory),
    ("sobre o autor", EndsStoryTextOnly),
    ("conteúdo patrocinado", Promoted),
    ("mais notícias", EndsStoryTextOnly),
    ("mais lidos", EndsStoryTextOnly),
    ("últimas notícias", EndsStoryTextOnly),
    ("você pode gostar", EndsStoryTextOnly),
    ("recomendados para você", EndsStoryTextOnly),
    ("veja também", Link),
    ("leia mais", Link),
    // it
    ("articoli correlati", EndsStory),
    ("leggi anche", EndsStory),
    ("i più letti", EndsStory),
    ("articoli recenti", EndsStory),
    ("sull'autore", EndsStoryTextOnly),
    ("contenuti sponsorizzati", Promoted),
    ("potrebbe interessarti anche", EndsStoryTextOnly),
    ("ti potrebbe interessare", EndsStoryTextOnly),
    ("potrebbe interessarti", EndsStoryTextOnly),
    ("più letti", EndsStoryTextOnly),
    ("ultime notizie", EndsStoryTextOnly),
    ("altre notizie", EndsStoryTextOnly),
    ("notizie correlate", EndsStoryTextOnly),
    ("leggi tutto", Link),
    // ru
    ("похожие статьи", EndsStory),
    ("читайте также", EndsStory),
    ("самое читаемое", EndsStory),
    ("другие новости", EndsStory),
    ("об авторе", EndsStoryTextOnly),
    ("читать также", EndsStoryTextOnly),
    ("похожие новости", EndsStoryTextOnly),
    ("популярное", EndsStory),
    ("самое популярное", EndsStoryTextOnly),
    ("последние новости", EndsStoryTextOnly),
    ("новости по теме", EndsStoryTextOnly),
    ("рекомендуем", EndsStoryTextOnly),
    ("вам может понравиться", EndsStoryTextOnly),
    ("читать далее", Link),
    // zh
    ("相关文章", EndsStory),
    ("相关阅读", EndsStory),
    ("相关新闻", EndsStory),
    ("推荐阅读", EndsStory),
    ("热门文章", EndsStory),
    ("关于作者", EndsStoryTextOnly),
    ("相关推荐", EndsStoryTextOnly),
    ("猜你喜欢", EndsStoryTextOnly),
    ("热门推荐", EndsStoryTextOnly),
    ("延伸阅读", EndsStoryTextOnly),
    ("热点新闻", EndsStoryTextOnly),
    ("最新文章", EndsStoryTextOnly),
    ("相關文章", EndsStoryTextOnly),
    ("相關新聞", EndsStoryTextOnly),
    ("推薦閱讀", EndsStoryTextOnly),
    ("熱門文章", EndsStoryTextOnly),
    ("延伸閱讀", EndsStoryTextOnly),
    ("阅读更多", Link),
    // ja
    ("関連記事", EndsStory),
    ("関連ニュース", EndsStory),
    ("人気記事", EndsStory),
    ("おすすめ記事", EndsStory),
    ("著者について", EndsStoryTextOnly),
    ("あわせて読みたい", EndsStoryTextOnly),
    ("こちらもおすすめ", EndsStoryTextOnly),
    ("おすすめ", EndsStoryTextOnly),
    ("アクセスランキング", EndsStoryTextOnly),
    ("ランキング", EndsStoryTextOnly),
    ("注目のニュース", EndsStoryTextOnly),
    ("最新記事", EndsStoryTextOnly),
    ("人気のニュース", EndsStoryTextOnly),
    ("続きを読む", Link),
    // ar
    ("مقالات ذات صلة", EndsStory),
    ("اقرأ أيضا", EndsStory),
    ("اقرأ أيضاً", EndsStory),
    ("أخبار ذات صلة", EndsStory),
    ("الأكثر قراءة", EndsStory),
    ("عن الكاتب", EndsStoryTextOnly),
    ("مواضيع ذات صلة", EndsStoryTextOnly),
    ("أخبار متعلقة", EndsStoryTextOnly),
    ("الأكثر مشاهدة", EndsStoryTextOnly),
    ("آخر الأخبار", EndsStoryTextOnly),
    ("قد يعجبك أيضا", EndsStoryTextOnly),
    ("اقرأ المزيد", Link),
];

/// A widget's heading or link often reaches the text twice, once shown and once for screen
/// readers ("Sponsored Links Sponsored Links"): the line's first half when the line is that
/// half said twice.
pub fn undoubled(line: &str) -> Option<&str> {
    let line = line.trim();
    let half = line.len() / 2;
    let (first, second) = (line.get(..half)?, line.get(half..)?);
    let first = first.trim_end();
    (!first.is_empty() && first == second.trim_start() && second.starts_with(char::is_whitespace))
        .then_some(first)
        .or_else(|| {
            // Odd lengths: the separating space sits in the middle.
            let (a, b) = (line.get(..half)?, line.get(half + 1..)?);
            (!a.is_empty() && a == b && line.as_bytes().get(half) == Some(&b' ')).then_some(a)
        })
}

/// Attributes that point a leftover tag at another server: an ad link or a tracking pixel.
const EXTERNAL_URL_ATTRIBUTES: &[&str] = &[
    "src=\"http",
    "src='http",
    "src=http",
    "src=\"//",
    "src='//",
    "href=\"http",
    "href='http",
    "href=http",
    "href=\"//",
    "href='//",
];

/// Whether `line` is markup a scraper left as text (the escaped content of a `<noscript>`):
/// a line that is one or more tags, opening with `<` and a tag name and closing with `>`,
/// that loads something from another server. A tag without an external URL stays: code in a
/// tutorial (`<div>`, `<MyButton />`) is content.
pub fn is_markup_residue(line: &str) -> bool {
    let line = line.trim();
    let opens_tag = line.starts_with('<')
        && line
            .as_bytes()
            .get(1)
            .is_some_and(|b| b.is_ascii_alphabetic());
    if !opens_tag || !line.ends_with('>') {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    EXTERNAL_URL_ATTRIBUTES.iter().any(|a| lower.contains(a))
}

/// Button and control labels of a page's widgets: shop buttons, "load more" pagers, comment
/// and forum controls, loading placeholders. Whole folded lines, as in `EXACT`; read by text
/// mode only ([`control_kind`]). Generic single words that also head a story's section
/// ("Details", "Apply", "More") are left out.
const CONTROLS: &[&str] = &[
    // en
    "add to cart",
    "add to basket",
    "add to bag",
    "add to wishlist",
    "add to wish list",
    "add to favorites",
    "add to compare",
    "buy now",
    "shop now",
    "shop all",
    "book now",
    // WordPress's like button and its placeholder, a feedback widget's prompt, WordPress's
    // German share box heading
    "like loading",
    "liken lade",
    "gefällt mir lade",
    "j'aime chargement",
    "me gusta cargando",
    "more sharing options",
    "opens in a new window",
    "give us feedback",
    "continue with email",
    "insert quotes",
    "not open for further replies",
    "how are we doing",
    "teilen sie dies mit",
    // a video player's menus and a photo gallery's buttons, left as lines inside the story
    "captions will look like this",
    "closed caption settings",
    "captions not available",
    "video quality",
    "report issue",
    "skip ad",
    "now watching",
    "view photos",
    "buy photo",
    "order now",
    "learn more",
    "find out more",
    "view all",
    "see all",
    "show all",
    "view more",
    "see more",
    "show more",
    "load more",
    "show less",
    "click to expand",
    "copy link",
    "loading",
    "report",
    "quote",
    "permalink",
    "upvote",
    "downvote",
    "improve this answer",
    "improve this question",
    "get started",
    "get a quote",
    "quick view",
    "quick shop",
    "compare",
    "write a review",
    "rate this book",
    "want to read",
    "clear rating",
    "show replies",
    "hide replies",
    "view replies",
    "load more comments",
    "reply to comment",
    "reply with quote",
    "replydelete",
    "you must log in or register to reply here",
    // The toggles of a consent dialog.
    "accept all cookies",
    "reject all cookies",
    "cookie settings",
    "strictly necessary cookies",
    "functional cookies",
    "performance cookies",
    "analytics cookies",
    "targeting cookies",
    "marketing cookies",
    "social media cookies",
    // de
    "in den warenkorb",
    "jetzt kaufen",
    "mehr erfahren",
    "alle anzeigen",
    "mehr anzeigen",
    "weniger anzeigen",
    "mehr laden",
    "antworten",
    "melden",
    "zitieren",
    "link kopieren",
    "wird geladen",
    "zur merkliste hinzufügen",
    "vergleichen",
    "jetzt buchen",
    // fr
    "ajouter au panier",
    "acheter maintenant",
    "en savoir plus",
    "voir tout",
    "voir plus",
    "afficher plus",
    "charger plus",
    "répondre",
    "signaler",
    "citer",
    "copier le lien",
    "chargement",
    "comparer",
    "ne plus comparer",
    "achat rapide",
    "réserver",
    // es
    "añadir al carrito",
    "agregar al carrito",
    "comprar ahora",
    "saber más",
    "más información",
    "ver todo",
    "ver más",
    "mostrar más",
    "cargar más",
    "responder",
    "denunciar",
    "copiar enlace",
    "cargando",
    "comparar",
    // pt
    "adicionar ao carrinho",
    "saiba mais",
    "ver tudo",
    "mostrar mais",
    "carregar mais",
    "copiar link",
    "carregando",
    // it
    "aggiungi al carrello",
    "acquista ora",
    "scopri di più",
    "vedi tutto",
    "mostra di più",
    "carica altro",
    "rispondi",
    "segnala",
    "copia link",
    "caricamento",
    "confronta",
    // ru
    "в корзину",
    "купить",
    "подробнее",
    "показать все",
    "показать ещё",
    "показать еще",
    "загрузить ещё",
    "ответить",
    "пожаловаться",
    "цитировать",
    "копировать ссылку",
    "загрузка",
    "сравнить",
    // zh
    "加入购物车",
    "立即购买",
    "了解更多",
    "查看全部",
    "查看更多",
    "加载更多",
    "回复",
    "举报",
    "复制链接",
    "加载中",
    // ja
    "カートに入れる",
    "今すぐ購入",
    "詳しく見る",
    "もっと見る",
    "すべて見る",
    "さらに読み込む",
    "返信",
    "通報する",
    "リンクをコピー",
    "読み込み中",
    // reader controls and share targets above a story (session 10): a page's font-size
    // and read-aloud buttons, a share menu's targets and its "all services" toggle
    "font size",
    "text size",
    "listen to this article",
    "email a friend",
    "bookmark it",
    "all share services",
    "share tweet share",
    "register for a free account",
    "take the tour",
    "taille du texte",
    "tamaño de letra",
    "ouvir o texto",
    "diminuir fonte",
    "aumentar fonte",
    "腾讯微博",
    "qq空间",
    "qq好友",
    "新浪微博",
    "微信好友",
    "领英分享",
    // ar
    "أضف إلى السلة",
    "اشتر الآن",
    "اعرف المزيد",
    "عرض الكل",
    "عرض المزيد",
    "تحميل المزيد",
    "إبلاغ",
    "نسخ الرابط",
    "جار التحميل",
];

/// A line longer than this (in bytes) is never a [`CONTROLS`] label.
const MAX_CONTROL_LINE_BYTES: usize = 48;

/// [`Kind::Control`] when `line` is a widget's button or control label (`CONTROLS`).
pub fn control_kind(line: &str) -> Option<Kind> {
    if line.len() > MAX_CONTROL_LINE_BYTES {
        return None;
    }
    control_kind_folded(&fold(line)?)
}

fn control_kind_folded(folded: &str) -> Option<Kind> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| CONTROLS.iter().copied().collect())
        .contains(folded)
        .then_some(Kind::Control)
}

/// A line's kind by every whole-line table text mode reads, in this order: the phrase
/// tables ([`boilerplate_kind`]), the same for one half of a doubled line ([`undoubled`]),
/// [`control_kind`], [`comment_thread_heading`] — with the line folded once for all.
pub fn text_line_kind(line: &str) -> Option<Kind> {
    let folded = fold(line);
    let kind = match folded.as_deref() {
        Some(f) => boilerplate_kind_folded(f, line),
        None if line.len() <= MAX_TEMPLATE_PARAGRAPH_BYTES => template_paragraph_kind(line),
        None => None,
    };
    kind.or_else(|| undoubled(line).and_then(boilerplate_kind))
        .or_else(|| {
            let folded = folded.as_deref()?;
            (line.len() <= MAX_CONTROL_LINE_BYTES)
                .then(|| control_kind_folded(folded))
                .flatten()
                .or_else(|| {
                    (line.len() <= MAX_PHRASE_LINE_BYTES)
                        .then(|| comment_thread_heading_folded(folded, line))
                        .flatten()
                })
        })
}

/// What follows the count in the heading of a comment thread ("12 thoughts on “Title”",
/// "3 Antworten auf „Title“", "2 réponses à « Title »"), as blog templates print it above
/// the comments. Read by text mode only ([`comment_thread_heading`]).
const COMMENT_THREAD_HEADINGS: &[&str] = &[
    // en
    "thoughts on",
    "thought on",
    "responses to",
    "response to",
    "replies to",
    "reply to",
    "replies on",
    "reply on",
    "comments on",
    "comment on",
    "comments to",
    // de
    "kommentare zu",
    "kommentar zu",
    "antworten auf",
    "antwort auf",
    "gedanken zu",
    // fr
    "réflexions sur",
    "réflexion sur",
    "commentaires sur",
    "commentaire sur",
    "réponses à",
    "réponse à",
    // es
    "comentarios en",
    "comentario en",
    "comentarios sobre",
    "respuestas a",
    "respuesta a",
    // pt
    "comentários em",
    "comentário em",
    "comentários sobre",
    "respostas para",
    "resposta para",
    // it
    "commenti su",
    "commento su",
    "pensieri su",
    "risposte a",
    "risposta a",
    // ru
    "комментариев к",
    "комментария к",
    "комментарий к",
    "ответов на",
    "ответа на",
    "ответ на",
];

/// Words that stand for a count of one in a comment thread's heading ("One thought on …").
const COUNT_OF_ONE: &[&str] = &[
    "one", "a", "ein", "eine", "einen", "une", "un", "uno", "una", "um", "uma", "один", "одна",
];

/// Openers that state the comment count as a sentence: "There are 13 comments".
const COMMENT_COUNT_OPENERS: &[&str] = &["there are", "there is"];

/// [`Kind::CommentSection`] when `line` heads a comment thread by its count: "12 thoughts on
/// “Title”", "One reply to “Title”", "There are 13 comments". The story's title follows the
/// phrase in quotes, or the line does not end like a sentence, so that "Two responses to the
/// consultation were received." stays a sentence.
pub fn comment_thread_heading(line: &str) -> Option<Kind> {
    if line.len() > MAX_PHRASE_LINE_BYTES {
        return None;
    }
    comment_thread_heading_folded(&fold(line)?, line)
}

fn comment_thread_heading_folded(folded: &str, line: &str) -> Option<Kind> {
    // "There are 13 comments. Add yours.": the count, then a comment-section word.
    for opener in COMMENT_COUNT_OPENERS {
        if let Some(rest) = folded
            .strip_prefix(opener)
            .and_then(|r| r.strip_prefix(' '))
        {
            let counted = rest.split(['.', '!', ',']).next().unwrap_or(rest).trim();
            if counted.starts_with('0') {
                return None;
            }
            return comment_count(counted);
        }
    }
    let (count, rest) = folded.split_once(' ')?;
    let is_count = (!count.is_empty() && count.bytes().all(|b| b.is_ascii_digit() || b == b','))
        || COUNT_OF_ONE.contains(&count);
    if !is_count {
        return None;
    }
    let title = COMMENT_THREAD_HEADINGS.iter().find_map(|h| {
        rest.strip_prefix(h)
            .filter(|t| t.is_empty() || t.starts_with(' '))
    })?;
    let title = title.trim_start();
    // "20 replies to this topic": a forum's counter over its own posts, which are the page;
    // "0 comments on …": no thread below it.
    if title.starts_with("this ") || count.bytes().all(|b| b == b'0') {
        return None;
    }
    let quoted = title.starts_with(['“', '"', '„', '«', '‘', '\'', '「', '『', '‹', '‚']);
    (quoted || !crate::text::ends_like_sentence(line)).then_some(Kind::CommentSection)
}

/// A heading line longer than this (in bytes) never ends the story.
const MAX_HEADING_LINE_BYTES: usize = 80;

/// Whether `line` is the heading of a section a page puts below its story ("Related
/// articles", "About the author", "Was this page helpful?").
pub fn is_story_end_heading(line: &str) -> bool {
    static HEADINGS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    is_related_heading(line, &HEADINGS, |role| role != RelatedRole::Link)
}

/// Whether `line` is the heading of a paid or promoted-content box ("Sponsored links",
/// "by Taboola", `RelatedRole::Promoted`), a story-end heading that needs less of the
/// prose above it.
pub fn is_promoted_heading(line: &str) -> bool {
    static HEADINGS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    is_related_heading(line, &HEADINGS, |role| role == RelatedRole::Promoted)
}

/// Whether `line`, folded (or one half of a doubled line), is one of the [`RELATED`]
/// phrases whose role `admits`; `headings` caches that set.
fn is_related_heading(
    line: &str,
    headings: &OnceLock<HashSet<&'static str>>,
    admits: fn(RelatedRole) -> bool,
) -> bool {
    if line.len() > MAX_HEADING_LINE_BYTES {
        return false;
    }
    let Some(folded) = fold(line) else {
        return false;
    };
    let headings = headings.get_or_init(|| {
        RELATED
            .iter()
            .filter(|(_, role)| admits(*role))
            .map(|(p, _)| *p)
            .collect()
    });
    headings.contains(folded.as_str())
        || undoubled(&folded).is_some_and(|half| headings.contains(half))
}

/// Whether `line` is a server's error message rather than the page's text (see
/// `SCRIPT_ERROR_OPENERS`); cheap on ordinary lines, which never get folded.
pub fn is_server_diagnostic(line: &str) -> bool {
    let line = line.trim_start();
    let opens_like_one = line.as_bytes().first().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'w' | b'n' | b'd' | b's' | b'f' | b'p'
        )
    });
    opens_like_one && line.contains(" on line ") && is_script_error(&line.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_paragraph_phrases_are_lowercase_ascii() {
        for (_, phrases) in TEMPLATE_PARAGRAPHS {
            for p in *phrases {
                assert!(p.is_ascii() && p.to_lowercase() == *p, "{p}");
            }
        }
    }

    #[test]
    fn template_paragraphs() {
        let filing = "This entry was posted on Monday, 4 May 2020 at 10:12 and is filed under \
            Gardening, Tools, Notes from the allotment, Spring. You can follow any responses to \
            this entry through the RSS 2.0 feed. You can leave a response, or trackback from your \
            own site.";
        assert!(filing.split_whitespace().count() > MAX_PHRASE_LINE_WORDS);
        assert_eq!(boilerplate_kind(filing), Some(Kind::Navigation));
        let long = format!("{filing} {filing} {filing}");
        assert_eq!(
            boilerplate_kind(&long),
            None,
            "longer than a template paragraph"
        );
        let story = "The council said it would publish the responses it had received through \
            the consultation, and that residents could follow the debate on its own site, where \
            every entry on the planning register is kept open for comment for a full month, as \
            the law requires of every council in the county.";
        assert!(story.split_whitespace().count() > MAX_PHRASE_LINE_WORDS);
        assert_eq!(boilerplate_kind(story), None);
    }

    #[test]
    fn script_errors() {
        assert_eq!(
            boilerplate_kind(
                "Warning: Creating default object from empty value in /var/www/site/wp-includes/classes.php on line 407"
            ),
            Some(Kind::Markup)
        );
        assert_eq!(
            boilerplate_kind(
                "Warning: the pictures below show injuries some readers may find distressing"
            ),
            None
        );
    }

    #[test]
    fn joined_template_phrases() {
        assert_eq!(
            boilerplate_kind("Keine Kommentare Kommentare sind geschlossen."),
            Some(Kind::CommentSection)
        );
        assert_eq!(boilerplate_kind("Share Tweet"), Some(Kind::Share));
        assert_eq!(boilerplate_kind("Share the road"), None);
        assert_eq!(boilerplate_kind("Comments from the minister"), None);
    }

    #[test]
    fn appeal_boxes() {
        assert!(opens_with_appeal(
            "Gefällt dir unser Magazin? Wir haben keine Bezahlschranke.\n\nUnterstütze uns mit einem kleinen Beitrag."
        ));
        assert!(!opens_with_appeal("Share\nThe council met on Monday."));
        assert!(!opens_with_appeal(
            "Willkommen! Werden Sie Teil der Testergemeinschaft und unterstützen Sie uns dabei, \
             Produkte zu verbessern.\nRegistrieren Sie sich jetzt."
        ));
        assert!(!opens_with_appeal(
            "Gefällt dir unser Magazin? Wir haben keine Bezahlschranke."
        ));
        assert!(!opens_with_appeal(
            "The council met on Monday.\nFollow us on Twitter for updates."
        ));
    }

    #[test]
    fn follow_prompts() {
        for line in [
            "Follow The Daily Example on Twitter and Instagram @example.",
            "Folgen Sie uns auf Instagram!",
            "Suivez-nous sur Facebook",
        ] {
            assert_eq!(boilerplate_kind(line), Some(Kind::Share), "{line}");
        }
        for line in [
            "Follow the money, the inspectors said.",
            "Follow-up visits were paid by the council's own health service.",
        ] {
            assert_eq!(boilerplate_kind(line), None, "{line}");
        }
    }

    #[test]
    fn closing_template_lines() {
        for (line, kind) in [
            ("Pingback: Weekly links | 11.09.2011", Kind::CommentSection),
            ("Trackback von Example Blog", Kind::CommentSection),
            (
                "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
                Kind::CommentForm,
            ),
            ("Nächster Beitrag", Kind::Navigation),
            ("Related Coverage", Kind::Related),
            (
                "If you’re seeing this message but you’re already a subscriber, log in.",
                Kind::Share,
            ),
            ("Informujemy, że korzystamy z cookies.", Kind::Consent),
            (
                "Nachfolgebeitrag: Was im Garten noch passiert",
                Kind::Navigation,
            ),
            ("Externer Inhalt", Kind::Consent),
            ("ANZEIGE - Heute schon an morgen gedacht?", Kind::Advert),
            (
                "SUGGESTED CITATION Doe, Jane: On Gardens, 2020",
                Kind::Legal,
            ),
            ("Jede kleine Spende hilft!", Kind::Share),
        ] {
            assert_eq!(boilerplate_kind(line), Some(kind), "{line}");
        }
        assert_eq!(boilerplate_kind("Travel-Related Coverage"), None);
    }

    #[test]
    fn control_labels() {
        for c in CONTROLS {
            assert_eq!(
                fold(c).as_deref(),
                Some(*c),
                "control does not fold to itself: {c}"
            );
            assert_eq!(control_kind(&c.to_uppercase()), Some(Kind::Control), "{c}");
        }
        assert_eq!(control_kind("Loading..."), Some(Kind::Control));
        assert_eq!(control_kind("Liken Lade …"), Some(Kind::Control));
        assert_eq!(control_kind("» Load more"), Some(Kind::Control));
        assert_eq!(control_kind("Learn more about the council's plans"), None);
        assert_eq!(boilerplate_kind("Add to cart"), None, "text mode only");
    }

    #[test]
    fn reader_controls_and_share_targets() {
        for c in [
            "Font Size",
            "Ouvir o texto",
            "Aumentar fonte",
            "Diminuir fonte",
            "All Share Services",
            "Share Tweet Share",
            "Email a Friend",
            "QQ空间",
            "新浪微博",
            "Register for a free account",
        ] {
            assert_eq!(text_line_kind(c), Some(Kind::Control), "{c}");
        }
        // A story's sentences that hold the same words stay.
        for sentence in [
            "The font size on the new road signs was chosen for older drivers.",
            "Register for a free account at the town hall before the vote, the mayor said.",
            "新浪微博上的讨论很热烈",
        ] {
            assert_eq!(text_line_kind(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn comment_thread_headings() {
        for heading in [
            "12 thoughts on “Building a Bridge”",
            "One thought on “Building a Bridge”",
            "2 Responses to \"Building a Bridge\"",
            "1 Comment on Building a Bridge",
            "3 Antworten auf „Brückenbau“",
            "5 réflexions sur « Le pont »",
            "There are 13 comments",
            "There are 2 comments. Add yours.",
        ] {
            assert_eq!(
                comment_thread_heading(heading),
                Some(Kind::CommentSection),
                "{heading}"
            );
        }
        for sentence in [
            "Two responses to the consultation were received.",
            "There are 13 bridges in the town",
            "12 thoughts",
            "The 12 thoughts on “Building”",
            // A forum's counter over its own posts, and an empty thread, open nothing.
            "20 replies to this topic",
            "0 Comments on “Building a Bridge”",
            "There are 0 comments. Add yours.",
        ] {
            assert_eq!(comment_thread_heading(sentence), None, "{sentence}");
        }
        assert_eq!(
            boilerplate_kind("12 thoughts on “Building a Bridge”"),
            None,
            "text mode only"
        );
    }

    #[test]
    fn story_end_headings() {
        for (h, _) in RELATED {
            assert_eq!(
                fold(h).as_deref(),
                Some(*h),
                "heading does not fold to itself: {h}"
            );
        }
        assert!(is_story_end_heading("Related Articles"));
        assert!(is_story_end_heading("  About the Author:"));
        assert!(is_story_end_heading("Was this page helpful?"));
        assert!(is_story_end_heading("Ähnliche Artikel"));
        assert!(!is_story_end_heading("Read more"));
        assert!(!is_story_end_heading(
            "Related articles on the council vote are linked below."
        ));
    }

    #[test]
    fn tables_build_and_are_lowercase() {
        let t = tables();
        assert!(t.exact.len() > 300);
        for groups in [EXACT, PREFIX, CONTAINS] {
            for (_, list) in groups {
                for p in *list {
                    assert_eq!(*p, p.to_lowercase(), "phrase not lowercase: {p}");
                    assert_eq!(*p, p.trim_start(), "phrase has leading space: {p:?}");
                }
            }
        }
        for (_, list) in FIELD_LABELS {
            for p in *list {
                assert_eq!(
                    fold(p).as_deref(),
                    Some(*p),
                    "label does not fold to itself: {p}"
                );
            }
        }
        assert!(t.prefix.as_ref().is_some_and(|ac| ac.patterns_len() > 100));
        assert!(t.contains.is_some());
    }

    #[test]
    fn comment_forms_and_captcha_in_many_languages() {
        let cases = [
            ("Add new comment", Kind::CommentSection),
            ("  Leave a Reply  ", Kind::CommentSection),
            ("12 Comments", Kind::CommentSection),
            ("Kommentare (3)", Kind::CommentSection),
            ("Añadir nuevo comentario", Kind::CommentSection),
            ("أضف تعليق", Kind::CommentSection),
            ("发表评论", Kind::CommentSection),
            (
                "This question is for testing whether or not you are a human visitor and to prevent automated spam submissions.",
                Kind::Captcha,
            ),
            ("Enter the characters shown in the image.", Kind::Captcha),
            ("Введите символы, которые показаны на картинке.", Kind::Captcha),
            ("Your email address will not be published. Required fields are marked *", Kind::CommentForm),
            ("Post Comment", Kind::CommentForm),
            ("Enviá tu comentario", Kind::CommentSection),
            ("Comparte tu opinión", Kind::CommentSection),
            // WordPress.com's comment form, in German and English
            ("Gib hier deinen Kommentar ein ...", Kind::CommentForm),
            (
                "Du kommentierst mit Deinem WordPress.com-Konto. ( Abmelden / Ändern )",
                Kind::CommentForm,
            ),
            ("E-Mail (erforderlich) (Adresse wird niemals veröffentlicht)", Kind::CommentForm),
            ("Verbinde mit %s", Kind::CommentForm),
            ("Fill in your details below or click an icon to log in:", Kind::CommentForm),
            ("Kommentar verfassen Antwort abbrechen", Kind::CommentSection),
            ("Gefällt mir:", Kind::Share),
        ];
        for (line, kind) in cases {
            assert_eq!(boilerplate_kind(line), Some(kind), "{line}");
        }
        // The invitation inside a story's sentence is the story's.
        assert_eq!(
            boilerplate_kind(
                "Comparte tu opinión con el concejo antes del lunes, pidió la alcaldesa."
            ),
            None
        );
    }

    #[test]
    fn prompts_footers_and_navigation() {
        let cases = [
            (
                "We use cookies to improve your experience on our site.",
                Kind::Consent,
            ),
            ("Diese Website verwendet Cookies.", Kind::Consent),
            ("Share this article", Kind::Share),
            ("Share to Pinterest", Kind::Share),
            ("Share by email", Kind::Share),
            ("Share post on:", Kind::Share),
            ("Inhalt teilen", Kind::Share),
            ("Teilen mit:", Kind::Share),
            ("Follow us on Twitter", Kind::Share),
            ("• Facebook", Kind::Share),
            ("Related Articles", Kind::Related),
            ("Читайте также:", Kind::Related),
            ("関連記事", Kind::Related),
            (
                "© 2016 Example Media Group. All rights reserved.",
                Kind::Legal,
            ),
            ("Copyright © 2020 Example", Kind::Legal),
            ("(c) 2021 Example Media", Kind::Legal),
            ("Copyright 2021 Example Media", Kind::Legal),
            ("Impressum", Kind::Legal),
            ("Home > World > Europe", Kind::Navigation),
            ("Startseite / Politik / Inland", Kind::Navigation),
            ("Skip to main content", Kind::Navigation),
            ("Advertisement", Kind::Advert),
        ];
        for (line, kind) in cases {
            assert_eq!(boilerplate_kind(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn real_sentences_are_not_boilerplate() {
        let lines = [
            "Russian President Vladimir Putin and John Kerry held talks behind closed doors.",
            "The company said it would share the results with regulators next week.",
            "Home prices rose 4 percent in July, the fastest pace in two years.",
            "Comments made by the minister on Tuesday drew criticism from the opposition.",
            "The baker said we use cookies from the old family recipe in every box.",
            "Die Regierung hat alle Rechte der Bürger gestärkt, sagte die Ministerin.",
            "",
            "   ",
            "Print media lost readers for the tenth year in a row.",
            "(c) it is not obvious that any given pointer is valid.",
            // A share of a budget, a tutorial's heading, a story's sharing.
            "Public debt as a share of gross domestic product",
            "Share a Cluster with Namespaces",
            "Die Familie will den Inhalt teilen, sagte der Anwalt am Montag.",
        ];
        for line in lines {
            assert_eq!(boilerplate_kind(line), None, "{line}");
        }
    }

    #[test]
    fn long_lines_never_match() {
        let long = format!("Share {}", "word ".repeat(200));
        assert_eq!(boilerplate_kind(&long), None);
        let long = format!("We use cookies {}", "and more words ".repeat(20));
        assert_eq!(boilerplate_kind(&long), None);
    }

    #[test]
    fn field_labels_with_and_without_values() {
        assert!(is_field_label("Fecha de publicación:\u{a0}"));
        assert!(is_field_label("Imagen principal: "));
        assert!(is_field_label("投稿日："));
        let l = field_label("Fecha de publicación: 15 July 2016").unwrap();
        assert_eq!(l.field, Field::Date);
        assert_eq!(l.value, "15 July 2016");
        assert!(!is_field_label("Fecha de publicación: 15 July 2016"));
        let l = field_label("Autor: Juan Pérez").unwrap();
        assert_eq!(l.field, Field::Author);
        assert!(field_label("Date night ideas for couples").is_none());
        assert!(field_label("Note: the meeting starts at nine.").is_none());
        assert!(field_label("Ingredients:").is_none());
    }

    #[test]
    fn doubled_widget_lines_and_bracketed_headings() {
        assert_eq!(
            undoubled("Sponsored Links Sponsored Links"),
            Some("Sponsored Links")
        );
        assert_eq!(undoubled("We Recommend We Recommend"), Some("We Recommend"));
        assert_eq!(undoubled("New York, New York"), None);
        assert_eq!(undoubled("ha ha"), Some("ha"));
        assert_eq!(undoubled("aa"), None);
        assert_eq!(undoubled(""), None);
        assert!(is_story_end_heading("Promoted Links Promoted Links"));
        assert!(is_promoted_heading("Promoted Links Promoted Links"));
        assert!(is_promoted_heading("by Taboola by Taboola"));
        assert!(!is_promoted_heading("Related articles"));
        assert_eq!(boilerplate_kind("by Taboola"), None, "text mode only");
        assert!(is_story_end_heading("【関連記事】"));
        assert!(is_story_end_heading("[Related articles]"));
        // An inline "read also" link stands inside stories too: it ends nothing.
        assert!(!is_story_end_heading("Lee también..."));
    }

    #[test]
    fn markup_residue_needs_a_tag_loading_from_another_server() {
        assert!(is_markup_residue(
            r#"<div style="position:absolute;"><img width=1 height=1 alt="" src="http://b.example.com/b?P=1"></div>"#
        ));
        assert!(is_markup_residue(
            r#"<img src="//pixel.example.net/t.gif" width="1" height="1" />"#
        ));
        assert!(is_markup_residue(
            "<a href='https://ads.example.com/jump'><img src=x></a>"
        ));
        // Code in a tutorial is content.
        assert!(!is_markup_residue("<div>"));
        assert!(!is_markup_residue(r#"<input type="file" name="images"/>"#));
        assert!(!is_markup_residue("<MyButton />"));
        assert!(!is_markup_residue(
            "< 5 and > 3 are comparisons, see src=\"http\" >"
        ));
        assert!(!is_markup_residue(
            r#"The tag <img src="https://example.com/a.png"> shows an image."#
        ));
    }

    #[test]
    fn server_diagnostics_need_a_script_path_and_a_line_number() {
        assert!(is_server_diagnostic(
            "Warning: mysql_get_server_info(): Access denied for user ''@'localhost' \
             (using password: NO) in /www/htdocs/wp-content/plugins/tagging.php on line 299"
        ));
        assert!(is_server_diagnostic(
            "Notice: Undefined index: id in /var/www/html/index.php on line 7"
        ));
        // A story's warning is text.
        assert!(!is_server_diagnostic(
            "Warning: the river rose in the night and crossed the road on line 5 of the map"
        ));
        assert!(!is_server_diagnostic("Warning: storms expected on Sunday"));
        assert!(!is_server_diagnostic(
            "Notice: the library closes in /summer/ on line 3"
        ));
    }
}
