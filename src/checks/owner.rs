//! The owner rule: who (or which system) an Organization or Systems clause
//! names for its channels. Used by `handoff`, `system-seam` and the Mermaid
//! export's actors, so they always agree.
//!
//! A cell is split into clauses at line breaks and `;`. A clause names the
//! `#tags` in it; its owners are its words without the tags, the line's
//! mark (`! `, `> `), a list bullet and the `@sources`, read so (a line
//! marked `? ` or `+ `, an open question or an idea, names no owner):
//!
//! - **Owner first** (`Marketing owns #website`, `Counter staff take #phone
//!   bookings`): the words before the first link word (a verb such as `owns`,
//!   `serves`, `sends` or a preposition such as `at`, `in`, `via`; the
//!   lists are in `link_words.rs`), the first tag, or the first `,` `:` `(`. The first word always
//!   counts, so `Support owns #chat` names `Support`.
//! - **Tag first** (`#portal writes move order to CRM`, `#phone PBX`): the
//!   words after the last link word, up to the first `,` `:` `(`.
//!
//! `and`, `&`, `+` (Dutch `en`, Swedish `och`) separate owners: `#phone agents
//! use CRM and billing system` names `CRM` and `billing system`. A leading
//! article (`the`, `de`, `het`, `den`, …) is dropped. Owners compare by
//! [`super::normal::key`]: case, Unicode form, punctuation and word endings
//! do not matter.

use std::collections::HashMap;

use rust_stemmers::Stemmer;

use super::channel_tags::{same, tag_spans};
use super::link_words::{is_article, is_join, is_link};
use super::normal::{self, Keys};
use crate::journey::{Language, Mark, source_spans, without_mark};

/// A team or system a clause names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// As written (words joined by one space), for sentences and diagrams.
    pub name: String,
    /// Normalised and stemmed, for comparing.
    pub key: String,
}

/// One clause of an Organization or Systems cell that names at least one tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The tags it names, lower case, without `#`.
    pub tags: Vec<String>,
    /// The owners it names (none when it names only tags and link words).
    pub owners: Vec<Owner>,
}

impl Clause {
    /// True when the clause names this tag (with or without `#`, any case).
    pub fn names(&self, tag: &str) -> bool {
        let tag = tag.trim_start_matches('#');
        self.tags.iter().any(|t| same(t, tag))
    }
}

/// The clauses of a cell that name a tag, in order.
pub fn clauses(cell: &str, lang: Language) -> Vec<Clause> {
    let stemmer = normal::stemmer(lang);
    let mut reader = Reader::new(lang, &stemmer);
    let read = reader.read(cell);
    read.into_iter().map(|i| reader.clauses[i].clone()).collect()
}

/// Reads the clauses of many cells, each distinct clause once: the same
/// `Sales owns #phone` recurs all over a grid.
pub struct Reader<'a, 's> {
    lang: Language,
    keys: Keys<'s>,
    seen: HashMap<&'a str, Option<usize>>,
    clauses: Vec<Clause>,
}

impl<'a, 's> Reader<'a, 's> {
    pub fn new(lang: Language, stemmer: &'s Stemmer) -> Self {
        Self { lang, keys: Keys::new(stemmer), seen: HashMap::new(), clauses: Vec::new() }
    }

    /// The clauses of a cell that name a tag, in order, as indices for [`Reader::clause`].
    pub fn read(&mut self, cell: &'a str) -> Vec<usize> {
        let mut out = Vec::new();
        for text in cell.lines().flat_map(|line| line.split(';')) {
            let found = match self.seen.get(text) {
                Some(&known) => known,
                None => {
                    let made = clause(text, self.lang, &mut self.keys).map(|c| {
                        self.clauses.push(c);
                        self.clauses.len() - 1
                    });
                    self.seen.insert(text, made);
                    made
                }
            };
            out.extend(found);
        }
        out
    }

    pub fn clause(&self, index: usize) -> &Clause {
        &self.clauses[index]
    }
}

/// The distinct owners (by key) the clauses name for a tag, in order.
pub fn owners_of<'c>(clauses: impl IntoIterator<Item = &'c Clause>, tag: &str) -> Vec<&'c Owner> {
    let tag = tag.trim_start_matches('#').to_lowercase();
    let mut out: Vec<&Owner> = Vec::new();
    for owner in clauses.into_iter().filter(|c| c.tags.contains(&tag)).flat_map(|c| &c.owners) {
        if !out.iter().any(|o| o.key == owner.key) {
            out.push(owner);
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Tag,
    Link(&'a str),
    /// `and`, `&`, `+`: between two owners.
    Join,
    /// `,` `:` `(` `)` or a lone dash: the end of a phrase.
    Stop,
    Word(&'a str),
}

fn clause(text: &str, lang: Language, keys: &mut Keys) -> Option<Clause> {
    // An open question or an idea names its channels but claims no owner.
    let claims = !matches!(Mark::of(text), Some(Mark::Question | Mark::Opportunity));
    let text = without_mark(text.trim());
    let text = ["- ", "* ", "• "].iter().find_map(|b| text.strip_prefix(b)).unwrap_or(text);
    let tags: Vec<String> = tag_spans(text).into_iter().map(|s| text[s.start + 1..s.end].to_lowercase()).collect();
    if tags.is_empty() {
        return None;
    }
    if !claims {
        return Some(Clause { tags, owners: Vec::new() });
    }
    let sources = if text.contains('@') { source_spans(text) } else { Vec::new() };
    let mut offset = 0;
    let words = text.split(' ').filter(move |word| {
        let start = offset;
        offset += word.len() + 1;
        !word.is_empty() && !sources.iter().any(|s| s.start == start)
    });
    let tokens = words.flat_map(|word| tokenize(word, lang)).flatten();
    let mut owners: Vec<Owner> = Vec::new();
    for group in phrase(tokens).split(|t| *t == Token::Join) {
        if let Some(o) = owner(group, lang, keys).filter(|o| !owners.iter().any(|a| a.key == o.key)) {
            owners.push(o);
        }
    }
    Some(Clause { tags, owners })
}

/// The tokens of one space-separated word (at most a stop, the word, a stop).
fn tokenize(word: &str, lang: Language) -> [Option<Token<'_>>; 3] {
    let stop = |c: char| matches!(c, ',' | ':' | '(' | ')' | '[' | ']');
    let mut out = [None; 3];
    let mut word = word.trim();
    if word.starts_with(stop) {
        out[0] = Some(Token::Stop);
        word = word.trim_start_matches(stop);
    }
    if word.starts_with('#') && tag_spans(word).first().is_some_and(|s| s.start == 0) {
        out[1] = Some(Token::Tag);
        out[2] = word.contains(stop).then_some(Token::Stop);
        return out;
    }
    let core = word.trim_end_matches(|c: char| stop(c) || matches!(c, '.' | '!' | '?' | '"' | '\''));
    out[1] = if matches!(core, "-" | "–" | "—" | "|") {
        Some(Token::Stop)
    } else {
        with_lower(core, |lower| {
            if is_join(lower, lang) {
                Some(Token::Join)
            } else if is_link(lower, lang) {
                Some(Token::Link(core))
            } else {
                (!core.is_empty()).then_some(Token::Word(core))
            }
        })
    };
    out[2] = word[core.len()..].contains(stop).then_some(Token::Stop);
    out
}

/// Run `f` on the word in lower case; short ASCII words are lowered on the
/// stack (this runs for every word of every clause).
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 24];
    if word.len() <= buffer.len() && word.is_ascii() {
        let lowered = &mut buffer[..word.len()];
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        return f(std::str::from_utf8(lowered).unwrap_or(word));
    }
    f(&word.to_lowercase())
}

/// The tokens that name the owners (see the module documentation); reads
/// only as far as it needs.
fn phrase<'a>(mut tokens: impl Iterator<Item = Token<'a>>) -> Vec<Token<'a>> {
    let Some(first) = tokens.next() else { return Vec::new() };
    if first == Token::Tag {
        let segment: Vec<Token> = tokens
            .skip_while(|t| matches!(t, Token::Tag | Token::Join | Token::Stop))
            .take_while(|t| *t != Token::Stop)
            .filter(|t| *t != Token::Tag)
            .collect();
        let after = segment.iter().rposition(|t| matches!(t, Token::Link(_))).map_or(0, |i| i + 1);
        return segment[after..].to_vec();
    }
    let first = match first {
        // The first word always counts, even when it is a link word.
        Token::Link(w) => Token::Word(w),
        Token::Stop => return Vec::new(),
        t => t,
    };
    std::iter::once(first).chain(tokens.take_while(|t| matches!(t, Token::Word(_) | Token::Join))).collect()
}

/// One owner from its words; `None` when nothing but articles is left.
fn owner(group: &[Token], lang: Language, keys: &mut Keys) -> Option<Owner> {
    let mut words: Vec<&str> =
        group.iter().filter_map(|t| if let Token::Word(w) = t { Some(*w) } else { None }).collect();
    while words.first().is_some_and(|w| with_lower(w, |w| is_article(w, lang))) {
        words.remove(0);
    }
    let name = words.join(" ");
    let key = keys.key(&name);
    if key.is_empty() { None } else { Some(Owner { name, key }) }
}
