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
//!   lists are at the end of this file), the first tag, or the first `,` `:` `(`. The first word always
//!   counts, so `Support owns #chat` names `Support`.
//! - **Tag first** (`#portal writes move order to CRM`, `#phone PBX`): the
//!   words after the last link word, up to the first `,` `:` `(`.
//!
//! `and`, `&`, `+` (Dutch `en`, Swedish `och`) separate owners: `#phone agents
//! use CRM and billing system` names `CRM` and `billing system`. A leading
//! article (`the`, `de`, `het`, `den`, …) is dropped. Owners compare by
//! [`super::normal::key`]: case, Unicode form, punctuation and word endings
//! do not matter.

use rust_stemmers::Stemmer;

use super::normal;
use super::tags::tag_spans;
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
        let tag = tag.trim_start_matches('#').to_lowercase();
        self.tags.contains(&tag)
    }
}

/// The clauses of a cell that name a tag, in order.
pub fn clauses(cell: &str, lang: Language) -> Vec<Clause> {
    let stemmer = normal::stemmer(lang);
    cell.lines().flat_map(|line| line.split(';')).filter_map(|c| clause(c, lang, &stemmer)).collect()
}

/// The distinct owners (by key) the clauses name for a tag, in order.
pub fn owners_of<'c>(clauses: &'c [Clause], tag: &str) -> Vec<&'c Owner> {
    let mut out: Vec<&Owner> = Vec::new();
    for owner in clauses.iter().filter(|c| c.names(tag)).flat_map(|c| &c.owners) {
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

fn clause(text: &str, lang: Language, stemmer: &Stemmer) -> Option<Clause> {
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
    let sources = source_spans(text);
    let mut tokens = Vec::new();
    let mut offset = 0;
    for word in text.split(' ') {
        let start = offset;
        offset += word.len() + 1;
        if word.is_empty() || sources.iter().any(|s| s.start == start) {
            continue;
        }
        tokenize(word, lang, &mut tokens);
    }
    let owners = phrase(&tokens).split(|t| *t == Token::Join).filter_map(|group| owner(group, lang, stemmer)).fold(
        Vec::<Owner>::new(),
        |mut all, o| {
            if !all.iter().any(|a| a.key == o.key) {
                all.push(o);
            }
            all
        },
    );
    Some(Clause { tags, owners })
}

/// Turn one space-separated word into tokens.
fn tokenize<'a>(word: &'a str, lang: Language, out: &mut Vec<Token<'a>>) {
    let stop = |c: char| matches!(c, ',' | ':' | '(' | ')' | '[' | ']');
    let mut word = word.trim_matches(|c: char| c.is_whitespace());
    if word.starts_with(stop) {
        out.push(Token::Stop);
        word = word.trim_start_matches(stop);
    }
    if tag_spans(word).first().is_some_and(|s| s.start == 0) {
        out.push(Token::Tag);
        if word.contains(stop) {
            out.push(Token::Stop);
        }
        return;
    }
    let core = word.trim_end_matches(|c: char| stop(c) || matches!(c, '.' | '!' | '?' | '"' | '\''));
    let ends = word[core.len()..].contains(stop);
    let lower = core.to_lowercase();
    if matches!(core, "-" | "–" | "—" | "|") {
        out.push(Token::Stop);
    } else if is_join(&lower, lang) {
        out.push(Token::Join);
    } else if is_link(&lower, lang) {
        out.push(Token::Link(core));
    } else if !core.is_empty() {
        out.push(Token::Word(core));
    }
    if ends {
        out.push(Token::Stop);
    }
}

/// The tokens that name the owners: see the module documentation.
fn phrase<'a>(tokens: &[Token<'a>]) -> Vec<Token<'a>> {
    if tokens.first() == Some(&Token::Tag) {
        let rest: Vec<Token> =
            tokens.iter().copied().skip_while(|t| matches!(t, Token::Tag | Token::Join | Token::Stop)).collect();
        let segment: Vec<Token> = rest.into_iter().take_while(|t| *t != Token::Stop).collect();
        let after = segment.iter().rposition(|t| matches!(t, Token::Link(_))).map_or(0, |i| i + 1);
        return segment[after..].iter().copied().filter(|t| *t != Token::Tag).collect();
    }
    tokens
        .iter()
        .enumerate()
        .take_while(|(i, t)| match t {
            Token::Word(_) | Token::Join => true,
            Token::Link(_) => *i == 0,
            Token::Tag | Token::Stop => false,
        })
        .map(|(_, t)| match t {
            Token::Link(w) => Token::Word(w),
            t => *t,
        })
        .collect()
}

/// One owner from its words; `None` when nothing but articles is left.
fn owner(group: &[Token], lang: Language, stemmer: &Stemmer) -> Option<Owner> {
    let mut words: Vec<&str> =
        group.iter().filter_map(|t| if let Token::Word(w) = t { Some(*w) } else { None }).collect();
    while words.first().is_some_and(|w| is_article(&w.to_lowercase(), lang)) {
        words.remove(0);
    }
    let name = words.join(" ");
    let key = normal::key(&name, stemmer);
    if key.is_empty() { None } else { Some(Owner { name, key }) }
}

/// English link words: verbs that tie an owner to a channel, and prepositions.
/// Base forms that are common in team names (`support`, `call`, `print`,
/// `store`, `check`, `book`, …) are left out on purpose.
const LINK_EN: &[&str] = &[
    "own",
    "owns",
    "owned",
    "run",
    "runs",
    "ran",
    "manages",
    "managed",
    "maintain",
    "maintains",
    "maintained",
    "answer",
    "answers",
    "answered",
    "handle",
    "handles",
    "handled",
    "send",
    "sends",
    "sent",
    "serve",
    "serves",
    "served",
    "use",
    "uses",
    "used",
    "write",
    "writes",
    "wrote",
    "written",
    "set",
    "sets",
    "take",
    "takes",
    "took",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "provide",
    "provides",
    "provided",
    "supports",
    "supported",
    "operate",
    "operates",
    "operated",
    "hosts",
    "hosted",
    "powers",
    "powered",
    "deliver",
    "delivers",
    "delivered",
    "processes",
    "processed",
    "books",
    "booked",
    "logs",
    "logged",
    "create",
    "creates",
    "created",
    "generate",
    "generates",
    "generated",
    "trigger",
    "triggers",
    "triggered",
    "dispatch",
    "dispatches",
    "dispatched",
    "reads",
    "shows",
    "showed",
    "shown",
    "prints",
    "printed",
    "fetch",
    "fetches",
    "fetched",
    "forward",
    "forwards",
    "forwarded",
    "scans",
    "scanned",
    "syncs",
    "synced",
    "stores",
    "stored",
    "calls",
    "called",
    "updates",
    "updated",
    "publishes",
    "published",
    "see",
    "sees",
    "saw",
    "checks",
    "checked",
    "sells",
    "sold",
    "makes",
    "made",
    "receives",
    "received",
    "collects",
    "collected",
    "keeps",
    "kept",
    "who",
    "that",
    "which",
    "at",
    "in",
    "on",
    "for",
    "by",
    "via",
    "with",
    "from",
    "to",
    "through",
    "into",
    "onto",
];

const LINK_NL: &[&str] = &[
    "beheert",
    "beheren",
    "beheerde",
    "is",
    "zijn",
    "was",
    "waren",
    "heeft",
    "hebben",
    "had",
    "doet",
    "doen",
    "deed",
    "stuurt",
    "sturen",
    "stuurde",
    "verstuurt",
    "versturen",
    "verstuurde",
    "beantwoordt",
    "beantwoorden",
    "gebruikt",
    "gebruiken",
    "gebruikte",
    "levert",
    "leveren",
    "leverde",
    "regelt",
    "regelen",
    "regelde",
    "onderhoudt",
    "onderhouden",
    "draait",
    "draaien",
    "bedient",
    "bedienen",
    "schrijft",
    "schrijven",
    "schreef",
    "verwerkt",
    "verwerken",
    "maakt",
    "maken",
    "maakte",
    "ondersteunt",
    "ondersteunen",
    "verzorgt",
    "verzorgen",
    "die",
    "dat",
    "via",
    "op",
    "in",
    "bij",
    "met",
    "voor",
    "door",
    "naar",
    "uit",
    "aan",
    "over",
];

const LINK_SV: &[&str] = &[
    "äger",
    "äga",
    "ägde",
    "sköter",
    "sköta",
    "skötte",
    "driver",
    "drev",
    "har",
    "hade",
    "är",
    "var",
    "skickar",
    "skickade",
    "svarar",
    "svarade",
    "använder",
    "använde",
    "hanterar",
    "hanterade",
    "ansvarar",
    "levererar",
    "underhåller",
    "skriver",
    "skrev",
    "gör",
    "gjorde",
    "tar",
    "tog",
    "som",
    "via",
    "på",
    "i",
    "med",
    "för",
    "från",
    "till",
    "genom",
    "hos",
    "vid",
    "åt",
    "av",
];

/// True when a lower-case word is a link word: English ones always, plus
/// those of the journey's language.
fn is_link(word: &str, lang: Language) -> bool {
    LINK_EN.contains(&word)
        || match lang {
            Language::English => false,
            Language::Dutch => LINK_NL.contains(&word),
            Language::Swedish => LINK_SV.contains(&word),
        }
}

fn is_join(word: &str, lang: Language) -> bool {
    matches!(word, "and" | "&" | "+")
        || (lang == Language::Dutch && word == "en")
        || (lang == Language::Swedish && word == "och")
}

fn is_article(word: &str, lang: Language) -> bool {
    matches!(word, "the" | "a" | "an")
        || match lang {
            Language::English => false,
            Language::Dutch => matches!(word, "de" | "het" | "een"),
            Language::Swedish => matches!(word, "den" | "det" | "en" | "ett"),
        }
}
