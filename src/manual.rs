//! The manual's reference tables, made from the tables in the code (the
//! keymap and its actions, the questions, the `:` commands, the command
//! line), as helix makes `book/src/generated/`. `cargo run --example
//! docgen` writes them into `docs/src/generated/`; the manual's pages
//! include them (`{{#include ../generated/….md}}`), and a test fails when a
//! written page is not what this module makes.

use clap::CommandFactory as _;

use crate::app::{CELL_KEYS, COMMANDS, Key, KeyMode, Keymap, LINE_KEYS, QuestionKind};
use crate::cli::Cli;

/// Every generated page: its file name under `docs/src/generated/` and its text.
pub fn pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = KeyMode::all()
        .filter(|m| !matches!(m, KeyMode::Question(_)))
        .map(|m| (format!("keys-{}.md", m.name()), keys(m)))
        .collect();
    pages.push(("cell-keys.md".into(), pairs(CELL_KEYS)));
    pages.push(("line-keys.md".into(), pairs(LINE_KEYS)));
    pages.push(("questions.md".into(), questions()));
    pages.push(("commands.md".into(), commands()));
    pages.push(("cli.md".into(), cli()));
    pages.push(("keys-portfolio.md".into(), portfolio_keys()));
    pages.push(("sentence-cues.md".into(), sentence_cues()));
    pages
}

/// The cue words the sentence checks read, one table per language, from
/// `checks::sentences::cues`.
pub fn sentence_cues() -> String {
    let mut out = String::new();
    for c in crate::checks::sentences::cues::all() {
        let words = |cues: &[&str]| cues.iter().map(|w| code(w)).collect::<Vec<_>>().join(", ");
        let channels: Vec<String> = c.channels.iter().map(|(w, ch)| format!("{} ({ch})", code(w))).collect();
        let pairs = |list: &[(&str, &str)]| {
            list.iter().map(|(w, x)| format!("{} ({x})", code(w))).collect::<Vec<_>>().join(", ")
        };
        out.push_str(&format!("### {} (`lang = \"{}\"`)\n\n", language_name(c.lang), c.lang.code()));
        out.push_str("| cue | words | read by |\n| --- | --- | --- |\n");
        let rows: [(&str, String, &str); 17] = [
            ("denial", words(c.negations), "`sources-disagree`, `broken-promise`"),
            ("no denial after all", words(c.not_denials), "`sources-disagree`, `broken-promise`"),
            ("strong contrast", words(c.strong_contrasts), "`broken-promise`"),
            ("contrast beside a promise", words(c.weak_contrasts), "`broken-promise`"),
            ("part of a choice (in its clause)", words(c.choice_contrasts), "`broken-promise`"),
            ("promise or choice", words(c.promises), "`broken-promise`"),
            ("failure", words(c.failures), "`dead-end`"),
            ("redirect", words(c.strong_redirects), "`dead-end`"),
            ("redirect after a failure", words(c.weak_redirects), "`dead-end`"),
            ("channel word", channels.join(", "), "`dead-end`, `sources-disagree`"),
            ("being told (one shared word)", words(c.telling), "`sources-disagree`, `broken-promise`"),
            ("paying (one shared word)", words(c.paying), "`sources-disagree`"),
            ("the customer's own choice", words(c.own_choice), "all three (a line that says one is none of them)"),
            ("unit of a figure", pairs(c.units), "`sources-disagree`"),
            ("number in words (before a unit)", pairs(c.numbers), "`sources-disagree`"),
            ("the customer speaking", words(c.first_person), "`inside-out` (none where the customer acts)"),
            ("stop word (never shared)", words(c.stop_words), "`sources-disagree`, `broken-promise`"),
        ];
        for (cue, list, by) in rows {
            out.push_str(&format!("| {cue} | {} | {by} |\n", cell(&list)));
        }
        if !c.participle_prefix.is_empty() {
            out.push_str(&format!(
                "\nA past participle's `{}` is left out before a word is compared (`geregeld` is about `regel`).\n",
                c.participle_prefix
            ));
        }
        if c.compounds {
            out.push_str(
                "\nA channel word of four letters or more also names the channel at the end of a compound \
                 word (`stadskantoor` is an office).\n",
            );
        }
        out.push('\n');
    }
    out
}

fn language_name(lang: crate::journey::Language) -> &'static str {
    match lang {
        crate::journey::Language::English => "English",
        crate::journey::Language::Dutch => "Dutch",
        crate::journey::Language::Swedish => "Swedish",
    }
}

/// The keys of the portfolio screen (`jgrid DIR`), from its key table.
pub fn portfolio_keys() -> String {
    let mut out = String::from("| keys | does |\n| --- | --- |\n");
    for b in crate::app::portfolio::keys::bindings() {
        out.push_str(&format!("| {} | {} |\n", key_list(&b.keys), cell(b.help)));
    }
    out
}

/// A Markdown table cell: pipes escaped, so a key like `|` stays in its column.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn code(text: &str) -> String {
    match text {
        "`" => "`` ` ``".to_owned(),
        _ => format!("`{}`", cell(text)),
    }
}

fn key_list(keys: &[Key]) -> String {
    keys.iter().map(|k| code(&k.label())).collect::<Vec<_>>().join(" ")
}

/// The default keys of one mode: every action bound there, its keys, what it
/// does and its name in the config file.
pub fn keys(mode: KeyMode) -> String {
    let keymap = Keymap::default();
    let mut out = String::from("| keys | does | config name |\n| --- | --- | --- |\n");
    for action in keymap.actions(mode) {
        let keys = keymap.keys_for(mode, action);
        out.push_str(&format!("| {} | {} | `{}` |\n", key_list(&keys), cell(action.describe()), action.name()));
    }
    out
}

/// Keys that are not bound through the keymap (the cell editor's, the prompts').
fn pairs(table: &[(&str, &str)]) -> String {
    let mut out = String::from("| keys | does |\n| --- | --- |\n");
    for &(keys, does) in table {
        out.push_str(&format!("| {} | {} |\n", code(keys), cell(does)));
    }
    out
}

/// Every question, its answers with their default keys, and its config table.
pub fn questions() -> String {
    let keymap = Keymap::default();
    let mut out = String::from("| question | answers | config table |\n| --- | --- | --- |\n");
    for &kind in QuestionKind::ALL {
        let spec = kind.spec();
        let mode = KeyMode::Question(kind);
        let answers: Vec<String> = spec
            .answers
            .iter()
            .map(|a| {
                let keys = keymap.keys_for(mode, a.action);
                let keys = if keys.is_empty() { "any other key".to_owned() } else { key_list(&keys) };
                format!("{keys} {} (`{}`)", cell(a.long), a.action.name())
            })
            .collect();
        out.push_str(&format!("| {} | {} | `[keys.{}]` |\n", cell(spec.about), answers.join("; "), spec.id));
    }
    out
}

/// Every `:` command with its aliases and arguments.
pub fn commands() -> String {
    let mut out = String::from("| command | does |\n| --- | --- |\n");
    for c in COMMANDS {
        let usage = |n: &str| if c.args.is_empty() { format!("`:{n}`") } else { format!("`:{n} {}`", cell(c.args)) };
        let spelled: Vec<String> = std::iter::once(c.name).chain(c.aliases.iter().copied()).map(usage).collect();
        out.push_str(&format!("| {} | {} |\n", spelled.join(", "), cell(c.doc)));
    }
    out
}

/// `jgrid --help` and the help of every subcommand, as clap prints them.
pub fn cli() -> String {
    let mut command = Cli::command().term_width(100);
    let mut out = String::new();
    out.push_str(&format!("### `jgrid`\n\n```text\n{}```\n", command.render_long_help()));
    let names: Vec<String> = command.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        let Some(sub) = command.find_subcommand_mut(&name) else { continue };
        let help = sub.clone().bin_name(format!("jgrid {name}")).render_long_help();
        out.push_str(&format!("\n### `jgrid {name}`\n\n```text\n{help}```\n"));
    }
    out
}
