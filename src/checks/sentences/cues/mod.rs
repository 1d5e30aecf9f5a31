//! The cue words the sentence checks read, one table per language. The
//! manual's page "Sentence cues" is made from these tables (`cargo run
//! --example docgen`), so a user can see why a line was flagged.
//!
//! A cue is one or more words. `*` at the end of a word matches any ending
//! (`redirect*` is `redirected`, `redirects`); `…` between words matches up
//! to six words of the same clause (`kon … niet` is `kon mijn adres niet`).

mod dutch;
mod english;
mod swedish;

use crate::journey::Language;
use dutch::DUTCH;
use english::ENGLISH;
use swedish::SWEDISH;

/// The cues of one language.
#[derive(Debug)]
pub struct Cues {
    pub lang: Language,
    /// Words that deny what a line states.
    pub negations: &'static [&'static str],
    /// Sayings with a denial word that deny nothing (`at no cost`, `not bad`).
    pub not_denials: &'static [&'static str],
    /// Words that set what happened against what was expected. Strong ones
    /// link a line to a promise elsewhere; `but` only counts beside a promise.
    pub strong_contrasts: &'static [&'static str],
    pub weak_contrasts: &'static [&'static str],
    /// Contrasts that, in the clause of a choice, are part of it (`chose
    /// WhatsApp instead of email`).
    pub choice_contrasts: &'static [&'static str],
    /// Words that say what was promised or chosen.
    pub promises: &'static [&'static str],
    /// Words that say a channel could not do the job.
    pub failures: &'static [&'static str],
    /// Words that send the customer elsewhere on their own.
    pub strong_redirects: &'static [&'static str],
    /// Words that send the customer elsewhere only after a failure.
    pub weak_redirects: &'static [&'static str],
    /// Channel words and the channel they name.
    pub channels: &'static [(&'static str, &'static str)],
    /// Words of being told something: they count as one shared word
    /// (`told` and `SMS` both say the customer heard of it).
    pub telling: &'static [&'static str],
    /// Words of paying: they count as one shared word (`cost` and `paid`).
    pub paying: &'static [&'static str],
    /// Words of the customer speaking: a phase whose lines say them is no
    /// `inside-out` phase, whatever row they are in.
    pub first_person: &'static [&'static str],
    /// Everyday words that never make two lines about the same thing.
    pub stop_words: &'static [&'static str],
    /// Channel words also end compound words (`stadskantoor` is an office,
    /// `servicenummer` no channel: only words of four letters or more).
    pub compounds: bool,
    /// The prefix of a past participle, left out before stemming (`ge`:
    /// `geregeld` is about `regel`).
    pub participle_prefix: &'static str,
    /// Units of figures and the unit each names (`min` and `minutes` are
    /// one unit); a unit not listed is compared by its stem.
    pub units: &'static [(&'static str, &'static str)],
    /// Numbers written as words, read as figures before a listed unit (`two
    /// weeks`).
    pub numbers: &'static [(&'static str, &'static str)],
    /// Words of something arriving or happening: a denial before one is
    /// about what comes before it (`the welcome pack never arrived`).
    pub arrivals: &'static [&'static str],
    /// Words of the customer's own choice: a line that says them tells no
    /// dead end, no broken promise and no disagreement (`I'd rather call`).
    pub own_choice: &'static [&'static str],
}

/// The cues of a language.
pub fn cues(lang: Language) -> &'static Cues {
    match lang {
        Language::English => &ENGLISH,
        Language::Dutch => &DUTCH,
        Language::Swedish => &SWEDISH,
    }
}

/// Every language's cues, in [`Language::ALL`] order.
pub fn all() -> [&'static Cues; 3] {
    [&ENGLISH, &DUTCH, &SWEDISH]
}
