//! Which doctypes put a document in quirks mode (the HTML standard's table).
//!
//! The one tree-building difference that matters here: in quirks mode a `<table>` does not
//! close an open `<p>`, so the table ends up inside the paragraph.

use super::tokenizer::Doctype;

/// Public identifiers (lower-case) that start a quirks-mode document.
const QUIRKS_PUBLIC_PREFIXES: &[&str] = &[
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
];

/// Public identifiers (lower-case) that are quirky as a whole.
const QUIRKS_PUBLIC_IDS: &[&str] = &[
    "-//w3o//dtd w3 html strict 3.0//en//",
    "-/w3c/dtd html 4.0 transitional/en",
    "html",
];

/// Quirky only when no system identifier follows (else "limited quirks", which is not).
const QUIRKS_WITHOUT_SYSTEM_ID: &[&str] = &[
    "-//w3c//dtd html 4.01 frameset//",
    "-//w3c//dtd html 4.01 transitional//",
];

const QUIRKS_SYSTEM_ID: &str = "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd";

/// Whether a document with this doctype is in quirks mode.
pub fn is_quirky(doctype: &Doctype) -> bool {
    if doctype.name != "html" {
        return true;
    }
    if doctype
        .system_id
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case(QUIRKS_SYSTEM_ID))
    {
        return true;
    }
    let Some(public) = doctype.public_id.as_deref() else {
        return false;
    };
    let public = public.to_ascii_lowercase();
    QUIRKS_PUBLIC_IDS.contains(&public.as_str())
        || QUIRKS_PUBLIC_PREFIXES.iter().any(|p| public.starts_with(p))
        || (doctype.system_id.is_none()
            && QUIRKS_WITHOUT_SYSTEM_ID
                .iter()
                .any(|p| public.starts_with(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doctype(name: &str, public_id: Option<&str>, system_id: Option<&str>) -> Doctype {
        Doctype {
            name: name.into(),
            public_id: public_id.map(Into::into),
            system_id: system_id.map(Into::into),
        }
    }

    #[test]
    fn modern_and_legacy_doctypes() {
        assert!(!is_quirky(&doctype("html", None, None)));
        let transitional = "-//W3C//DTD HTML 4.01 Transitional//EN";
        assert!(is_quirky(&doctype("html", Some(transitional), None)));
        assert!(!is_quirky(&doctype(
            "html",
            Some(transitional),
            Some("http://www.w3.org/TR/html4/loose.dtd")
        )));
        assert!(!is_quirky(&doctype(
            "html",
            Some("-//W3C//DTD XHTML 1.0 Transitional//EN"),
            Some("http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd")
        )));
        assert!(is_quirky(&doctype(
            "html",
            Some("-//W3C//DTD HTML 3.2 Final//EN"),
            None
        )));
        assert!(is_quirky(&doctype("svg", None, None)));
    }
}
