//! Reading a line: tokens, cues, concepts, figures, channels.

use super::*;
use crate::checks::sentences::cues::cues;
use crate::journey::Language;

fn w(s: &str) -> Tok {
    Tok::Word(s.to_owned())
}

#[test]
fn tokens_keep_words_numbers_and_breaks() {
    assert_eq!(
        tokens("The chat bot couldn’t change it, told me to call."),
        [
            w("the"),
            w("chat"),
            w("bot"),
            w("couldn't"),
            w("change"),
            w("it"),
            Tok::Break,
            w("told"),
            w("me"),
            w("to"),
            w("call"),
            Tok::Break
        ]
    );
    assert_eq!(tokens("3,5 days e-invoice #web"), [w("3,5"), w("days"), w("e-invoice"), w("#web")]);
    assert_eq!(tokens("mail/post"), [w("mail"), w("post")]);
}

#[test]
fn cues_match_words_endings_and_gaps() {
    let t = tokens("de chatbot kon mijn adres niet wijzigen");
    assert_eq!(find(&t, "kon … niet"), Some(2..6));
    assert_eq!(find(&t, "chat*"), Some(1..2));
    assert_eq!(find(&tokens("kon het, niet"), "kon … niet"), None, "a gap stays in its clause");
    assert_eq!(find(&tokens("told me to call"), "told me to"), Some(0..3));
    assert_eq!(find(&tokens("told them to call"), "told me to"), None);
}

#[test]
fn a_compound_ends_with_its_channel_in_dutch_only() {
    let nl = cues(Language::Dutch);
    let s = crate::checks::normal::stemmer(Language::Dutch);
    let r = read("het digitale loket kon het niet, ik moest naar het stadskantoor", nl, &s);
    let channels: Vec<String> = r.channels(nl).into_iter().map(|(_, c)| c).collect();
    assert_eq!(channels, ["web", "office", "office"]);
    assert!(read("het servicenummer", nl, &s).channels(nl).is_empty(), "no channel word of four letters");
    let en = cues(Language::English);
    let e = crate::checks::normal::stemmer(Language::English);
    assert!(read("my voicemail", en, &e).channels(en).is_empty(), "English reads no compounds");
}

#[test]
fn reading_finds_what_a_line_is_about() {
    let en = cues(Language::English);
    let s = crate::checks::normal::stemmer(Language::English);
    let a = read("Nobody told me when the switch happened @sara", en, &s);
    let b = read("! got an SMS on the day of the switch @omar", en, &s);
    assert_eq!(a.shared(&b), ["told/sms", "switch"]);
    assert!(a.negation(en).is_some() && b.negation(en).is_none());
    let f = read("waited 25 minutes on the line", en, &s);
    assert_eq!(f.figures, [("25".to_owned(), "minute".to_owned(), "25 minutes".to_owned(), Some("wait".to_owned()))]);
}
