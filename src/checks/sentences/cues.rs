//! The cue words the sentence checks read, one table per language. The
//! manual's page "Sentence cues" is made from these tables (`cargo run
//! --example docgen`), so a user can see why a line was flagged.
//!
//! A cue is one or more words. `*` at the end of a word matches any ending
//! (`redirect*` is `redirected`, `redirects`); `…` between words matches up
//! to six words of the same clause (`kon … niet` is `kon mijn adres niet`).

use crate::journey::Language;

/// The cues of one language.
#[derive(Debug)]
pub struct Cues {
    pub lang: Language,
    /// Words that deny what a line states.
    pub negations: &'static [&'static str],
    /// Words that set what happened against what was expected. Strong ones
    /// link a line to a promise elsewhere; `but` only counts beside a promise.
    pub strong_contrasts: &'static [&'static str],
    pub weak_contrasts: &'static [&'static str],
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
    /// Everyday words that never make two lines about the same thing.
    pub stop_words: &'static [&'static str],
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

static ENGLISH: Cues = Cues {
    lang: Language::English,
    negations: &[
        "not", "no", "never", "nobody", "no one", "nothing", "none", "neither", "nor", "didn't", "don't", "doesn't",
        "wasn't", "weren't", "isn't", "aren't", "couldn't", "can't", "cannot", "won't", "wouldn't", "haven't",
        "hasn't", "hadn't",
    ],
    strong_contrasts: &["even though", "although", "though", "instead of", "despite", "in spite of"],
    weak_contrasts: &["but", "yet", "however", "still"],
    promises: &[
        "promis*", "chose", "chosen", "choose", "picked", "selected", "opted", "asked for", "ordered", "booked",
        "agreed", "guarantee*", "assured", "said they would", "told me they would", "supposed to",
    ],
    failures: &[
        "couldn't", "could not", "can't", "cannot", "can not", "unable", "wasn't able", "was not able", "failed",
        "didn't work", "did not work", "not possible", "impossible", "wouldn't let", "won't let", "no way to",
        "didn't let", "did not let",
    ],
    strong_redirects: &[
        "redirect*", "referred", "sent me to", "forwarded me", "transferred me", "pointed me to", "had to go to",
        "had to call", "had to phone", "had to visit", "had to ring",
    ],
    weak_redirects: &["told me to", "asked me to", "said to", "said i should", "had to", "go to", "try"],
    channels: &[
        ("call", "phone"),
        ("called", "phone"),
        ("phone*", "phone"),
        ("telephone", "phone"),
        ("ring", "phone"),
        ("hotline", "phone"),
        ("helpdesk", "phone"),
        ("chat*", "chat"),
        ("bot", "chat"),
        ("mail", "mail"),
        ("post", "mail"),
        ("letter*", "mail"),
        ("email*", "email"),
        ("e-mail*", "email"),
        ("shop*", "shop"),
        ("store*", "shop"),
        ("branch*", "shop"),
        ("app", "app"),
        ("apps", "app"),
        ("website*", "web"),
        ("site", "web"),
        ("web", "web"),
        ("online", "web"),
        ("portal", "web"),
        ("sms", "sms"),
        ("text message*", "sms"),
        ("counter", "office"),
        ("desk", "office"),
        ("office", "office"),
    ],
    telling: &[
        "told", "tell*", "inform*", "notif*", "sms", "texted", "email*", "e-mail*", "letter*", "messag*", "heard",
        "warned",
    ],
    stop_words: &[
        "a", "an", "the", "i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his", "she",
        "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there", "here", "and", "or",
        "of", "to", "in", "on", "at", "by", "for", "with", "from", "about", "as", "into", "over", "after", "before",
        "then", "than", "so", "too", "very", "just", "also", "only", "all", "any", "some", "one", "what", "when",
        "where", "which", "who", "how", "why", "if", "is", "are", "was", "were", "be", "been", "being", "am", "do",
        "does", "did", "done", "have", "has", "had", "get", "got", "gets", "go", "went", "come", "came", "make",
        "made", "can", "could", "would", "will", "should", "said", "say", "says", "really", "well", "like", "thing",
        "things", "time", "day", "way", "lot", "bit", "up", "out", "off", "again", "still", "yes", "ok", "okay",
        "people", "someone", "they're", "i'm", "it's", "that's", "week",
    ],
};

static DUTCH: Cues = Cues {
    lang: Language::Dutch,
    negations: &["niet", "geen", "niemand", "nooit", "niets", "niks", "nergens", "noch"],
    strong_contrasts: &["terwijl", "hoewel", "in plaats van", "ondanks", "alhoewel"],
    weak_contrasts: &["maar", "toch", "echter"],
    promises: &[
        "beloof*", "beloven", "gekozen", "koos", "kozen", "kiezen", "besteld", "bestelde", "afgesproken",
        "gevraagd om", "toegezegd", "gegarandeerd", "garantie", "zouden", "zou … krijgen",
    ],
    failures: &[
        "kon … niet", "kan … niet", "konden … niet", "lukte … niet", "lukt … niet", "lukte niet", "niet mogelijk",
        "onmogelijk", "werkte … niet", "ging … niet", "mislukt*", "kon niks", "kon niets",
    ],
    strong_redirects: &[
        "doorverwe*", "verwees", "verwezen", "stuurde me naar", "stuurden me naar", "stuurde mij naar",
        "moest naar", "moest bellen", "moest langs", "moest ik bellen", "moest ik naar", "moest ik langs",
    ],
    weak_redirects: &["zei dat ik", "zeiden dat ik", "vroeg me", "vroegen me", "moest", "maar bellen"],
    channels: &[
        ("bel*", "phone"),
        ("gebeld", "phone"),
        ("telefo*", "phone"),
        ("klantenservice", "phone"),
        ("chat*", "chat"),
        ("bot", "chat"),
        ("brief", "mail"),
        ("post", "mail"),
        ("e-mail*", "email"),
        ("email*", "email"),
        ("mail*", "email"),
        ("winkel*", "shop"),
        ("filiaal", "shop"),
        ("app", "app"),
        ("website*", "web"),
        ("site", "web"),
        ("online", "web"),
        ("portaal", "web"),
        ("sms*", "sms"),
        ("balie", "office"),
        ("loket", "office"),
        ("kantoor", "office"),
    ],
    telling: &[
        "verteld*", "vertelde", "gezegd", "geïnformeerd", "informeer*", "ingelicht", "bericht*", "sms*", "mail*",
        "e-mail*", "brief", "gehoord", "laten weten", "gewaarschuwd",
    ],
    stop_words: &[
        "de", "het", "een", "ik", "me", "mij", "mijn", "wij", "we", "ons", "onze", "jij", "je", "jouw", "u", "uw",
        "hij", "hem", "zijn", "zij", "ze", "haar", "hun", "dit", "dat", "deze", "die", "daar", "hier", "er", "en",
        "of", "van", "naar", "in", "op", "aan", "bij", "voor", "met", "uit", "over", "na", "om", "dan", "toen",
        "als", "ook", "al", "alle", "alles", "heel", "erg", "wel", "nog", "maar", "wat", "wanneer", "waar", "wie",
        "hoe", "waarom", "is", "was", "waren", "ben", "bent", "zijn", "geweest", "worden", "werd", "werden",
        "wordt", "heb", "hebt", "heeft", "had", "hadden", "gehad", "doen", "deed", "gedaan", "gaan", "ging",
        "gegaan", "komen", "kwam", "gekomen", "kan", "kon", "kunnen", "zou", "zouden", "zal", "moet", "moest",
        "gewoon", "even", "keer", "dag", "dagen", "week", "tijd", "iets", "iemand", "ja", "oké", "zo", "toch",
        "kreeg", "krijgen", "gekregen",
    ],
};

static SWEDISH: Cues = Cues {
    lang: Language::Swedish,
    negations: &["inte", "ej", "ingen", "inget", "inga", "ingenting", "aldrig", "ingenstans", "varken"],
    strong_contrasts: &["trots att", "fast", "fastän", "i stället för", "istället för", "trots"],
    weak_contrasts: &["men", "ändå", "dock"],
    promises: &[
        "lova*", "utlova*", "valde", "valt", "välja", "beställde", "beställt", "bokade", "bokat", "avtalat",
        "garanter*", "skulle få",
    ],
    failures: &[
        "kunde … inte", "kan … inte", "kunde inte", "kan inte", "gick … inte", "gick inte", "fungerade … inte",
        "fungerade inte", "misslyckades", "inte möjligt", "omöjligt",
    ],
    strong_redirects: &[
        "hänvisa*", "skickade mig till", "skickades till", "fick gå till", "fick ringa", "fick åka till",
        "blev hänvisad", "kopplade mig",
    ],
    weak_redirects: &["sa att jag", "bad mig", "fick", "skulle ringa"],
    channels: &[
        ("ring*", "phone"),
        ("telefon*", "phone"),
        ("samtal", "phone"),
        ("kundtjänst", "phone"),
        ("chatt*", "chat"),
        ("chat*", "chat"),
        ("bot*", "chat"),
        ("brev*", "mail"),
        ("post*", "mail"),
        ("mejl*", "email"),
        ("mail*", "email"),
        ("e-post*", "email"),
        ("butik*", "shop"),
        ("affär*", "shop"),
        ("app*", "app"),
        ("webb*", "web"),
        ("hemsida*", "web"),
        ("sajt*", "web"),
        ("online", "web"),
        ("sms*", "sms"),
        ("kontor*", "office"),
        ("disk*", "office"),
    ],
    telling: &[
        "berätta*", "informer*", "meddel*", "sms*", "mejl*", "mail*", "brev*", "hörde", "hört", "varnade",
        "sa till",
    ],
    stop_words: &[
        "en", "ett", "den", "det", "de", "jag", "mig", "mej", "min", "mitt", "mina", "vi", "oss", "vår", "du", "dig",
        "din", "ni", "han", "honom", "hans", "hon", "henne", "hennes", "dem", "deras", "denna", "detta", "dessa",
        "där", "här", "och", "eller", "av", "till", "i", "på", "vid", "för", "med", "från", "om", "över", "efter",
        "innan", "då", "än", "så", "också", "bara", "alla", "allt", "mycket", "väldigt", "vad", "när", "var",
        "vem", "hur", "varför", "är", "var", "varit", "vara", "blev", "blir", "har", "hade", "haft", "gör",
        "gjorde", "gjort", "gå", "gick", "kom", "komma", "kan", "kunde", "ska", "skulle", "sa", "säger", "ja",
        "okej", "dag", "dagar", "vecka", "tid", "något", "någon", "fick", "få", "som", "att", "sen", "sedan",
    ],
};
