//! A line read as a sentence: its words and breaks, the cues it holds, the
//! words it is about (stop words left out, stemmed), its figures and channels.

use rust_stemmers::Stemmer;

use super::cues::Cues;
use crate::checks::normal;

/// A word or a break between clauses (`,` `;` `:` `.` `!` `?` `(` `)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    Word(String),
    Break,
}

/// The words a line is about, its figures and its channels.
#[derive(Debug, Clone)]
pub(super) struct Read {
    pub toks: Vec<Tok>,
    /// (concept, the word as written): a stem, `~tell` for a word of being
    /// told, `~pay` for a word of paying, `~phone` for a word naming the
    /// phone (`belde`, `bellen`: any channel); each concept once, in order. The
    /// unit of a figure is no concept (`45 euros` says how much, not what of).
    pub about: Vec<(String, String)>,
    /// The token where each concept of `about` first occurs.
    pub at: Vec<usize>,
    /// For each token, the concept of `about` it speaks of, if any (a concept
    /// said twice is found at both places).
    pub concept_at: Vec<Option<usize>>,
    /// Concepts of compound words meet (`huurcontract` is about `contract`).
    compounds: bool,
    /// (number, unit stem, `number unit` as written, the concept nearest
    /// before the number in its clause that is no channel and no word of
    /// telling or paying: `hold` in `on hold for 25 minutes`).
    pub figures: Vec<(String, String, String, Option<String>)>,
}

const TELL: &str = "~tell";
const PAY: &str = "~pay";

fn is_break(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '"' | '…' | '–' | '—')
}

/// The words and breaks of a text, lower case; `'` and `-` inside a word
/// and `.` or `,` inside a number are kept; `/` splits words.
pub(super) fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for chunk in text.split(|c: char| c.is_whitespace() || c == '/') {
        let chunk = chunk.replace('’', "'").to_lowercase();
        let lead = chunk.chars().take_while(|&c| !c.is_alphanumeric() && c != '#').collect::<String>();
        if lead.chars().any(is_break) {
            out.push(Tok::Break);
        }
        let rest = &chunk[lead.len()..];
        let body = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
        let tail = &rest[body.len()..];
        let word: String =
            body.chars().filter(|&c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | ',' | '#')).collect();
        // `,` or `.` inside a word that is no number is a break.
        let numeric = word.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        // A currency sign before a number is its unit: `€50` is `50 euro`.
        let currency = lead.chars().rev().find_map(|c| match c {
            '€' => Some("euro"),
            '$' => Some("dollar"),
            '£' => Some("pound"),
            _ => None,
        });
        if numeric || !word.contains([',', '.']) {
            if !word.is_empty() {
                out.push(Tok::Word(word));
                if let Some(unit) = currency.filter(|_| numeric) {
                    out.push(Tok::Word(unit.to_owned()));
                }
            }
        } else {
            for (i, part) in word.split([',', '.']).enumerate() {
                if i > 0 {
                    out.push(Tok::Break);
                }
                if !part.is_empty() {
                    out.push(Tok::Word(part.to_owned()));
                }
            }
        }
        if tail.chars().any(is_break) {
            out.push(Tok::Break);
        }
    }
    out
}

pub(super) fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == pattern,
    }
}

/// Where a cue first occurs: the token range it covers.
pub(super) fn find(toks: &[Tok], cue: &str) -> Option<std::ops::Range<usize>> {
    let parts: Vec<&str> = cue.split_whitespace().collect();
    let first = *parts.first()?;
    'start: for i in 0..toks.len() {
        if !matches!(&toks[i], Tok::Word(w) if word_matches(first, w)) {
            continue;
        }
        let (mut at, mut gap) = (i, false);
        for part in &parts[1..] {
            if *part == "…" {
                gap = true;
                continue;
            }
            let reach = if gap { 7 } else { 1 };
            let mut found = None;
            for (k, tok) in toks.iter().enumerate().skip(at + 1).take(reach) {
                match tok {
                    Tok::Break => break,
                    Tok::Word(w) if word_matches(part, w) => {
                        found = Some(k);
                        break;
                    }
                    Tok::Word(_) if !gap => break,
                    Tok::Word(_) => {}
                }
            }
            match found {
                Some(k) => at = k,
                None => continue 'start,
            }
            gap = false;
        }
        return Some(i..at + 1);
    }
    None
}

/// The first of these cues that occurs, earliest in the line first:
/// (the cue, where).
pub(super) fn first_of(toks: &[Tok], cues: &[&'static str]) -> Option<(&'static str, std::ops::Range<usize>)> {
    cues.iter().filter_map(|&c| find(toks, c).map(|r| (c, r))).min_by_key(|(_, r)| (r.start, usize::MAX - r.end))
}

/// The channel a compound word ends with (`stadskantoor`: `kantoor`), for
/// channel words of four letters or more.
fn compound_channel<'c>(cues: &'c Cues, word: &str) -> Option<&'c (&'static str, &'static str)> {
    cues.channels.iter().find(|(cue, _)| {
        let end = cue.trim_end_matches('*');
        !end.contains(' ') && end.chars().count() >= 4 && word.len() > end.len() && word.ends_with(end)
    })
}

fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) && word.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Read a line (its mark and `@sources` are left out).
pub(super) fn read(line: &str, cues: &Cues, stemmer: &Stemmer) -> Read {
    let toks = tokens(&normal::content(line));
    let (mut about, mut at): (Vec<(String, String)>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut concept_at = vec![None; toks.len()];
    let mut figures = Vec::new();
    let words: Vec<&str> = toks.iter().map(|t| if let Tok::Word(w) = t { w.as_str() } else { "" }).collect();
    let mut unit_at = None;
    for (i, w) in words.iter().enumerate() {
        if w.is_empty() || unit_at == Some(i) {
            continue;
        }
        // A `#tag` is read as its word: `#sms` is a word of telling, `#ouderapp` a concept.
        let w = &w.strip_prefix('#').unwrap_or(w);
        let unit_of = |u: &str| cues.units.iter().find(|(cue, _)| word_matches(cue, u)).map(|(_, unit)| *unit);
        let spelled = cues.numbers.iter().find(|(word, _)| word == w).map(|(_, n)| *n);
        let number = match spelled {
            Some(n) if words.get(i + 1).is_some_and(|u| unit_of(u).is_some()) => Some(n),
            _ => is_number(w).then_some(*w),
        };
        if let Some(number) = number {
            if let Some(unit) = words.get(i + 1).filter(|u| !u.is_empty() && !is_number(u)) {
                let clause_start = toks[..i].iter().rposition(|t| *t == Tok::Break).map_or(0, |b| b + 1);
                let before = about
                    .iter()
                    .zip(&at)
                    .rev()
                    .find(|((c, _), k)| **k >= clause_start && !c.starts_with('~'))
                    .map(|((c, _), _)| c.clone());
                let canonical = unit_of(unit).map_or_else(|| stemmer.stem(unit).into_owned(), str::to_owned);
                figures.push((number.replace(',', "."), canonical, format!("{w} {unit}"), before));
                unit_at = Some(i + 1);
            }
            continue;
        }
        let unprefixed =
            w.strip_prefix(cues.participle_prefix).filter(|r| !cues.participle_prefix.is_empty() && r.len() >= 4);
        let stem = stemmer.stem(unprefixed.unwrap_or(w)).into_owned();
        let stop = |x: &str| cues.stop_words.contains(&x);
        if stop(w) || stop(&stem) || cues.negations.contains(w) || w.chars().count() < 2 {
            continue;
        }
        let one_of = |list: &[&str]| list.iter().any(|t| !t.contains(' ') && word_matches(t, w));
        let channel = cues.channels.iter().find(|(cue, _)| !cue.contains(' ') && word_matches(cue, w));
        let concept = if one_of(cues.telling) {
            TELL.to_owned()
        } else if one_of(cues.paying) {
            PAY.to_owned()
        } else if let Some((_, channel)) = channel {
            format!("~{channel}")
        } else {
            stem
        };
        match about.iter().position(|(c, _)| *c == concept) {
            Some(k) => concept_at[i] = Some(k),
            None => {
                concept_at[i] = Some(about.len());
                about.push((concept, words[i].to_owned()));
                at.push(i);
            }
        }
    }
    Read { toks, about, at, concept_at, figures, compounds: cues.compounds }
}

/// True when two concepts are one: the same, or in a language of compound
/// words, one (of four letters or more) begins or ends the other
/// (`huurcontract` and `contract`, `wachttijd` and `wacht`).
fn same_concept(a: &str, b: &str, compounds: bool) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    compounds
        && !short.starts_with('~')
        && !long.starts_with('~')
        && short.chars().count() >= 4
        && (long.starts_with(short) || long.ends_with(short))
}

impl Read {
    /// The concepts both lines are about, as written in each: `switch`,
    /// `told/sms`.
    pub fn shared(&self, other: &Read) -> Vec<String> {
        let mut out = Vec::new();
        for (concept, word) in &self.about {
            if let Some((_, theirs)) = other.about.iter().find(|(c, _)| same_concept(c, concept, self.compounds)) {
                out.push(if theirs == word { word.clone() } else { format!("{word}/{theirs}") });
            }
        }
        out
    }

    /// True when this concept of the line is one the other line is about too.
    pub fn shares(&self, concept: &str, other: &Read) -> bool {
        other.about.iter().any(|(c, _)| same_concept(c, concept, self.compounds))
    }

    /// True when a break lies between tokens `from` and `to`.
    pub fn break_between(&self, from: usize, to: usize) -> bool {
        self.toks[from.min(to)..from.max(to)].contains(&Tok::Break)
    }

    /// What a clause is about before token `before`: its words up to there,
    /// stop words and the customer's own left out (`results line` in `the
    /// results line couldn't tell me`); `None` when nothing is left.
    pub fn subject(&self, before: usize, cues: &Cues) -> Option<String> {
        let start = self.toks[..before].iter().rposition(|t| *t == Tok::Break).map_or(0, |b| b + 1);
        let words: Vec<&str> = self.toks[start..before]
            .iter()
            .filter_map(|t| if let Tok::Word(w) = t { Some(w.as_str()) } else { None })
            .filter(|w| !cues.stop_words.contains(w) && !cues.first_person.contains(w))
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// The word at token `i`, if it is one.
    pub fn word(&self, i: usize) -> Option<String> {
        if let Some(Tok::Word(w)) = self.toks.get(i) { Some(w.clone()) } else { None }
    }

    /// True when the line tells a dead end: a channel failed and the
    /// customer was sent on (its denial is the failure's, not a fact's).
    pub fn sends_on(&self, cues: &Cues) -> bool {
        let sent = first_of(&self.toks, cues.strong_redirects).or_else(|| first_of(&self.toks, cues.weak_redirects));
        first_of(&self.toks, cues.failures).is_some() && sent.is_some()
    }

    /// True when the line says the customer chose it (`I'd rather call`).
    pub fn own_choice(&self, cues: &Cues) -> bool {
        first_of(&self.toks, cues.own_choice).is_some()
    }

    /// The first negation cue, if any, that is not part of a saying that
    /// denies nothing (`at no cost`).
    pub fn negation(&self, cues: &Cues) -> Option<(&'static str, std::ops::Range<usize>)> {
        let starting_at = |i: usize, cue: &str| find(&self.toks[i..], cue).filter(|r| r.start == 0);
        let mut no_denial = vec![false; self.toks.len()];
        for i in 0..self.toks.len() {
            for saying in cues.not_denials {
                if let Some(r) = starting_at(i, saying) {
                    no_denial[i..i + r.end].iter_mut().for_each(|x| *x = true);
                }
            }
        }
        (0..self.toks.len())
            .filter(|&i| !no_denial[i])
            .find_map(|i| cues.negations.iter().find_map(|&cue| starting_at(i, cue).map(|r| (cue, i..i + r.end))))
    }

    /// The channels a line names, in order: (token index, channel); a
    /// `#tag` names itself.
    pub fn channels(&self, cues: &Cues) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (i, t) in self.toks.iter().enumerate() {
            let Tok::Word(w) = t else { continue };
            if let Some(tag) = w.strip_prefix('#').filter(|t| !t.is_empty()) {
                out.push((i, tag.to_owned()));
                continue;
            }
            let named = cues.channels.iter().find(|(cue, _)| find(&self.toks[i..], cue).is_some_and(|r| r.start == 0));
            let named = named.or_else(|| cues.compounds.then(|| compound_channel(cues, w)).flatten());
            if let Some((_, channel)) = named {
                out.push((i, (*channel).to_owned()));
            }
        }
        out
    }

    /// What a cue at `at` (to `end`) is about: the words from it to the end
    /// of its clause, or from the start of its clause when it ends one
    /// (`ik e-factuur had gekozen`); a clause ends at a break or at one of `stops`.
    pub fn clause(&self, at: std::ops::Range<usize>, stops: &[std::ops::Range<usize>]) -> String {
        let ends = |i: usize| self.toks[i] == Tok::Break || stops.iter().any(|s| s.contains(&i));
        let mut end = at.end;
        while end < self.toks.len() && !ends(end) {
            end += 1;
        }
        let mut start = at.start;
        if end == at.end {
            while start > 0 && !ends(start - 1) {
                start -= 1;
            }
        }
        let words: Vec<&str> = self.toks[start..end]
            .iter()
            .filter_map(|t| if let Tok::Word(w) = t { Some(w.as_str()) } else { None })
            .collect();
        words.join(" ")
    }
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
