//! The sentence checks on interviews they were not tuned to: at least 3 of
//! 4 planted discrepancies caught per check and corpus, no look-alike
//! flagged. `cargo run --example sentence_rates` prints the rates.

#[path = "sentence_corpus/score.rs"]
mod score;

#[test]
fn the_held_out_corpus_is_caught_without_flagging_look_alikes() {
    let scores = score::score(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    assert_eq!(scores.len(), 16, "eight English and eight Dutch corpora");
    let report = score::report(&scores);
    for s in &scores {
        for (check, (caught, planted, _)) in score::CHECKS.iter().zip(&s.caught) {
            assert_eq!(*planted, 4, "{}: {check}", s.file);
            assert!(*caught >= 3, "{}: {check} caught {caught} of 4\n{report}", s.file);
        }
        assert!(s.flagged.is_empty(), "look-alikes flagged\n{report}");
    }
}

/// The energy-switch interview of issue 22, written as sentences (our own
/// copy): the paper invoice, the chat bot, Sara against Omar, and the switch
/// time, each caught by the check that reads it.
#[test]
fn the_energy_switch_interview_catches_its_four_discrepancies() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sentences/energy-switch.toml");
    let journey = jgrid::format::parse(&std::fs::read(path).unwrap()).unwrap();
    let found = jgrid::checks::check(&journey);
    let has =
        |id: &str, words: &[&str]| found.iter().any(|f| f.id == id && words.iter().all(|w| f.message.contains(w)));
    let all: Vec<String> = found.iter().map(|f| format!("{}: {}", f.id, f.message)).collect();
    let all = all.join("\n");
    assert!(has("broken-promise", &["paper mail", "chose e-invoice"]), "{all}");
    assert!(has("dead-end", &["chat bot", "chat could not do the job and sent the customer to phone"]), "{all}");
    assert!(has("sources-disagree", &["@sara and @omar", "Nobody told me", "got an SMS"]), "{all}");
    assert!(has("conflicting-message", &["switch time", "14 days", "21 days"]), "{all}");
}
