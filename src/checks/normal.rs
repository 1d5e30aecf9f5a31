//! Text compared as people read it: one Unicode form (NFKC), no case, no
//! punctuation or spacing differences and, for topics and owners, no word
//! endings (a Snowball stemmer for the journey's language).
//!
//! Statements (`3 days`) are compared without stemming: "3 day" and "3 days"
//! are different answers, "3 days" and "3 days." are the same one.

use std::borrow::Cow;
use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

use crate::journey::{Language, source_spans, without_mark};

/// The Snowball stemmer for a journey's language.
pub fn stemmer(lang: Language) -> Stemmer {
    Stemmer::create(match lang {
        Language::English => Algorithm::English,
        Language::Dutch => Algorithm::Dutch,
        Language::Swedish => Algorithm::Swedish,
    })
}

/// NFKC and lower case (ASCII text is already in NFKC).
fn folded(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkc().flat_map(char::to_lowercase).collect()
}

/// The words of a text, NFKC and lower case: runs of letters and digits;
/// an apostrophe inside a word is dropped (`mechanic's` is `mechanics`).
pub fn words(text: &str) -> Vec<String> {
    let text: String = folded(text).chars().filter(|c| !matches!(c, '\'' | '’')).collect();
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// A topic (or a team's or system's name) as a key: its words, each reduced
/// to its stem, joined by one space. `Switching time` and `switch-time` are
/// both `switch time`; Dutch `levertijden` is `levertijd`.
pub fn key(text: &str, stemmer: &Stemmer) -> String {
    let mut key = String::with_capacity(text.len());
    for word in words(text) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&stemmer.stem(&word));
    }
    key
}

/// [`key`] with a memory: team names and topics repeat all over a grid, and
/// stemming is the costly part of comparing them.
pub struct Keys<'s> {
    stemmer: &'s Stemmer,
    known: HashMap<String, String>,
}

impl<'s> Keys<'s> {
    pub fn new(stemmer: &'s Stemmer) -> Self {
        Self { stemmer, known: HashMap::new() }
    }

    /// The same as [`key`].
    pub fn key(&mut self, text: &str) -> String {
        if let Some(known) = self.known.get(text) {
            return known.clone();
        }
        let made = key(text, self.stemmer);
        self.known.insert(text.to_owned(), made.clone());
        made
    }
}

/// Characters that join what is on either side of them: no space around them counts.
fn joins(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '/')
}

/// Characters that close a phrase: no space before them counts, and at the
/// end of a statement they are left out.
fn closes(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…')
}

/// A statement as a key: NFKC, lower case, runs of white space as one space,
/// no space before `.,;:!?` or around `-–—/`, and no `.,;:!?…` at the end.
/// `At least 3 weeks.` and `at least  3 weeks` are the same; `3.5` and `35` are not.
pub fn statement_key(text: &str) -> String {
    let text = folded(text);
    let text = text.trim_end_matches(|c: char| closes(c) || c.is_whitespace());
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim_start().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let glued = closes(c) || joins(c) || out.ends_with(joins);
        if space && !glued {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// A line without its mark and its `@sources`, trimmed; other spacing is
/// kept. `! switch time: 14 days @sara` is `switch time: 14 days`.
pub fn content(line: &str) -> Cow<'_, str> {
    let line = without_mark(line);
    let sources = if line.contains('@') { source_spans(line) } else { Vec::new() };
    if sources.is_empty() {
        return Cow::Borrowed(line.trim());
    }
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for span in sources {
        out.push_str(&line[from..span.start]);
        from = span.end;
    }
    out.push_str(&line[from..]);
    Cow::Owned(out.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(text: &str) -> String {
        key(text, &stemmer(Language::English))
    }

    #[test]
    fn english_topics_lose_case_punctuation_spacing_and_endings() {
        assert_eq!(en("switch time"), en("Switching time"));
        assert_eq!(en("switch time"), "switch time");
        assert_eq!(en("Switch-time"), en("switch  time"));
        assert_eq!(en("order lead times"), en("Order lead time"));
        assert_ne!(en("switch time"), en("switch fee"));
        assert_eq!(en("Mechanic's phone"), "mechan phone");
    }

    #[test]
    fn dutch_and_swedish_topics_use_their_own_stemmer() {
        let nl = stemmer(Language::Dutch);
        assert_eq!(key("levertijd", &nl), key("Levertijden", &nl));
        assert_ne!(key("levertijd", &nl), key("levering", &nl));
        let sv = stemmer(Language::Swedish);
        assert_eq!(key("leveranstid", &sv), key("Leveranstiden", &sv));
        assert_eq!(key("handläggningstid", &sv), key("handläggningstiden", &sv));
    }

    #[test]
    fn unicode_forms_compare_equal() {
        let nl = stemmer(Language::Dutch);
        // "café" precomposed and with a combining accent; a full-width letter.
        assert_eq!(key("caf\u{e9} tijd", &nl), key("cafe\u{301} tijd", &nl));
        assert_eq!(statement_key("ｆee"), statement_key("fee"));
    }

    #[test]
    fn statements_ignore_case_spacing_and_final_punctuation_only() {
        assert_eq!(statement_key("3 days"), statement_key("3 days."));
        assert_eq!(statement_key(" At least  3 weeks!"), "at least 3 weeks");
        assert_eq!(statement_key("8 - 22 , every day"), "8-22, every day");
        assert_eq!(statement_key("8–22"), "8–22");
        assert_ne!(statement_key("3.5 days"), statement_key("35 days"));
        assert_ne!(statement_key("14 days"), statement_key("21 days"));
        assert_ne!(statement_key("3 day"), statement_key("3 days"));
        assert_eq!(statement_key("..."), "");
    }

    #[test]
    fn content_drops_the_mark_and_the_sources() {
        assert_eq!(content("! switch time: 14 days @sara"), "switch time: 14 days");
        assert_eq!(content("> we @tom were told: soon"), "we  were told: soon");
        assert_eq!(content("mail anna@example.com"), "mail anna@example.com");
        assert_eq!(content("plain"), "plain");
    }
}
