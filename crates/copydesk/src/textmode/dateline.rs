//! The dateline that opens a wire story in text mode: "Moscow, Jul 15 (Prensa Latina)
//! Russian…", "WASHINGTON (Reuters) - …". The reading itself is the library's one
//! dateline reader, [`crate::metadata::dateline`], shared with HTML extraction.

use crate::Dateline;

/// Reads the dateline at the start of `paragraph`. `year` (from the publication date) turns
/// a year-less dateline date into ISO 8601.
pub fn find_dateline(paragraph: &str, year: Option<u16>) -> Option<Dateline> {
    crate::metadata::dateline::find_in_paragraph(paragraph, year.map(i32::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_wire_dateline_with_the_story_year() {
        let d = find_dateline(
            "Moscow, Jul 15 (Prensa Latina) Russia said today that talks would resume.",
            Some(2016),
        );
        let d = d.unwrap_or_default();
        assert_eq!(d.place.as_deref(), Some("Moscow"));
        assert_eq!(d.date.as_deref(), Some("2016-07-15"));
        assert_eq!(d.agency.as_deref(), Some("Prensa Latina"));
        assert_eq!(
            find_dateline("The president (who arrived late) spoke.", None),
            None
        );
    }
}
