//! Photo credits: the words that open an image credit and the picture agencies whose
//! names make one. A credit names who took or owns a picture ("Foto: Jane Roe",
//! "© dpa", "(mlharing / iStock.com)"); it belongs to the picture, not to the story's text.

/// Labels that open a credit when followed by a colon ("Foto: …", "Crédito: …").
/// Lowercase; matched case-insensitively at the start of a segment.
pub const COLON_LABELS: &[&str] = &[
    // English
    "photo",
    "photos",
    "photograph",
    "photography",
    "picture",
    "pictures",
    "image",
    "images",
    "credit",
    "credits",
    "photo credit",
    "image credit",
    "image source",
    "source",
    "illustration",
    // German
    "foto",
    "fotos",
    "bild",
    "bilder",
    "bildquelle",
    "bildquellen",
    "quelle",
    "fotograf",
    "fotografin",
    "titelbild",
    "beitragsbild",
    "symbolbild",
    "grafik",
    // French
    "crédit",
    "crédits",
    "crédit photo",
    "légende",
    // Spanish, Portuguese, Italian
    "crédito",
    "créditos",
    "credito",
    "fuente",
    "fonte",
    "imagen",
    "imagem",
    "fotografía",
    "fotografia",
    // Polish, Dutch
    "zdjęcie",
    "źródło",
    "beeld",
    // Russian
    "фото",
    "источник",
];

/// Phrases that open a credit without a colon ("Photo by Jane Roe").
pub const BY_PHRASES: &[&str] = &[
    "photo by",
    "photos by",
    "photograph by",
    "photographs by",
    "picture by",
    "image by",
    "photo courtesy of",
    "courtesy of",
    "foto von",
    "bild von",
    "photo de",
    "foto de",
    "foto di",
];

/// Picture agencies and stock libraries: a short tail naming one is a credit
/// ("praca / ShutterStock", "(Getty Images)", "AFP / Jane Roe"). Lowercase.
pub const AGENCIES: &[&str] = &[
    "shutterstock",
    "istock",
    "istockphoto",
    "getty images",
    "gettyimages",
    "fotolia",
    "adobe stock",
    "stock.adobe.com",
    "unsplash",
    "pexels",
    "pixabay",
    "thinkstock",
    "clipdealer",
    "alamy",
    "dreamstime",
    "depositphotos",
    "123rf",
    "imago",
    "picture alliance",
    "picture-alliance",
    "dpa",
    "afp",
    "reuters",
    "ap photo",
    "epa",
    "keystone",
    "ddp",
];

/// A credit is a name or two, not a sentence: longer segments are left alone.
pub const MAX_CREDIT_WORDS: usize = 10;

/// A paragraph that is nothing but a credit is at most this long.
pub const MAX_CREDIT_PARAGRAPH_WORDS: usize = 8;

/// A paragraph this short that ends in a credit is a caption set as a paragraph.
pub const MAX_CAPTION_PARAGRAPH_WORDS: usize = 40;

/// An agency-named tail without a label is at most this long.
pub const MAX_AGENCY_TAIL_WORDS: usize = 6;
