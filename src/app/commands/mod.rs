//! The `:` commands: one table (name, aliases, arguments, one line of help,
//! the function that runs it) that dispatch, Tab completion, help and the
//! the manual's command table all read, as helix's `TypableCommand` does.

use std::path::PathBuf;

use crate::app::grid::structure::{self, Direction};
use crate::app::msg::Effect;
use crate::app::state::{App, Mode};
use crate::app::{files, grid::conflicts, interview::capture, interview::mood, interview::only, lists};
use crate::journey::Change;

/// One `:` command.
#[derive(Debug)]
pub struct TypedCommand {
    /// One or two words, e.g. `w` or `phase add`.
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// What follows the name: `NAME`, `[FILE]`, `left|right` (a choice, which Tab completes), or nothing.
    pub args: &'static str,
    pub doc: &'static str,
    /// Runs the command with the text after its name (trimmed).
    pub run: fn(&mut App, &str) -> Vec<Effect>,
}

impl TypedCommand {
    /// The command line as a key starts it: the name, then `arg`.
    pub fn prefilled(&self, arg: &str) -> String {
        format!("{} {arg}", self.name)
    }
}

const fn cmd(
    name: &'static str,
    aliases: &'static [&'static str],
    args: &'static str,
    doc: &'static str,
    run: fn(&mut App, &str) -> Vec<Effect>,
) -> TypedCommand {
    TypedCommand { name, aliases, args, doc, run }
}

fn path(arg: &str) -> Option<PathBuf> {
    (!arg.is_empty()).then(|| PathBuf::from(arg))
}

fn shaped(app: &mut App, outcome: structure::Outcome) -> Vec<Effect> {
    app.shape(outcome);
    Vec::new()
}

/// `left|right`-style arguments: which one was given, or an error.
fn direction(app: &mut App, arg: &str, group: &str, back: &str, forward: &str) -> Option<Direction> {
    match arg {
        a if a == back => Some(Direction::Back),
        a if a == forward => Some(Direction::Forward),
        _ => {
            app.error(format!(":{group} move needs {back} or {forward}"));
            None
        }
    }
}

/// `:phase add`, which a key also starts (with the name typed in).
pub const PHASE_ADD: TypedCommand = cmd("phase add", &[], "NAME", "add a phase after the cursor's", |app, arg| {
    shaped(app, structure::new_phase(app.cursor, arg, true))
});

/// `:phase insert`, which a key also starts (with the name typed in).
pub const PHASE_INSERT: TypedCommand =
    cmd("phase insert", &[], "NAME", "insert a phase before the cursor's", |app, arg| {
        shaped(app, structure::new_phase(app.cursor, arg, false))
    });

/// `:phase rename`, which a key also starts (with the name typed in).
pub const PHASE_RENAME: TypedCommand = cmd("phase rename", &[], "NAME", "rename the cursor's phase", |app, arg| {
    shaped(app, structure::rename_phase(&app.doc.journey, app.cursor, arg))
});

/// `:row add`, which a key also starts (with the name typed in).
pub const ROW_ADD: TypedCommand = cmd("row add", &[], "NAME", "add a row below the cursor's", |app, arg| {
    shaped(app, structure::new_row(app.cursor, arg, true))
});

/// `:row rename`, which a key also starts (with the name typed in).
pub const ROW_RENAME: TypedCommand =
    cmd("row rename", &[], "NAME", "rename the cursor's row (it keeps its cells and its role)", |app, arg| {
        shaped(app, structure::rename_row(&app.doc.journey, app.cursor, arg))
    });

/// `:title`, which a key also starts (with the name typed in).
pub const TITLE: TypedCommand = cmd("title", &[], "TEXT", "set the title", |app, arg| {
    shaped(app, structure::Outcome::Apply(Change::SetTitle(arg.to_owned())))
});

/// `:persona`, which a key also starts (with the name typed in).
pub const PERSONA: TypedCommand = cmd("persona", &[], "TEXT", "set the persona", |app, arg| {
    shaped(app, structure::Outcome::Apply(Change::SetPersona(arg.to_owned())))
});

/// Every `:` command, in the order help lists them.
pub const COMMANDS: &[TypedCommand] = &[
    cmd(
        "w",
        &["write"],
        "[FILE]",
        "save (to FILE, .toml added when it has no extension; from then on jgrid saves there)",
        |app, arg| files::save(app, path(arg), false),
    ),
    cmd("w!", &["write!"], "[FILE]", "save even if the file changed on disk or is read-only", |app, arg| {
        match path(arg).map(|p| files::with_toml(app, p)).or_else(|| app.doc.path.clone()) {
            Some(path) => vec![Effect::Save { path, then_quit: false, force: true }],
            None => files::save(app, None, false),
        }
    }),
    cmd("wq", &["x"], "[FILE]", "save and quit", |app, arg| files::save(app, path(arg), true)),
    cmd("q", &["quit"], "", "quit (asks when there are unsaved changes)", |app, _| files::quit(app)),
    cmd("q!", &["quit!"], "", "quit without saving", |app, _| files::quit_discarding(app)),
    cmd("help", &["h"], "", "this help", |app, _| {
        app.mode = Mode::Help { scroll: 0 };
        Vec::new()
    }),
    PHASE_ADD,
    PHASE_INSERT,
    PHASE_RENAME,
    cmd("phase delete", &[], "", "delete the cursor's phase (asks first when it has text)", |app, _| {
        shaped(app, structure::delete_phase(&app.doc.journey, app.cursor))
    }),
    cmd("phase move", &[], "left|right", "move the cursor's phase", |app, arg| {
        match direction(app, arg, "phase", "left", "right") {
            Some(way) => shaped(app, structure::move_phase(&app.doc.journey, app.cursor, way)),
            None => Vec::new(),
        }
    }),
    ROW_ADD,
    cmd("row insert", &[], "NAME", "insert a row above the cursor's", |app, arg| {
        shaped(app, structure::new_row(app.cursor, arg, false))
    }),
    ROW_RENAME,
    cmd("row delete", &[], "", "delete the cursor's row (asks first when it has text)", |app, _| {
        shaped(app, structure::delete_row(&app.doc.journey, app.cursor))
    }),
    cmd("row move", &[], "up|down", "move the cursor's row", |app, arg| {
        match direction(app, arg, "row", "up", "down") {
            Some(way) => shaped(app, structure::move_row(&app.doc.journey, app.cursor, way)),
            None => Vec::new(),
        }
    }),
    TITLE,
    PERSONA,
    cmd(
        "source",
        &[],
        "[NAME]",
        "who is speaking: new lines and captured notes get @NAME (no name: none)",
        |app, arg| {
            capture::set_source(app, arg);
            Vec::new()
        },
    ),
    cmd(
        "only",
        &[],
        "[@NAME]",
        "show only @NAME's lines (and lines with no source) in the grid (no name: every source's)",
        |app, arg| {
            only::only_command(app, arg);
            Vec::new()
        },
    ),
    cmd("take", &[], "ours|theirs|both", "resolve the merge conflict at the cursor", |app, arg| {
        conflicts::take_command(app, arg);
        Vec::new()
    }),
    cmd("accepted", &[], "", "list the accepted findings: Enter goes to one, x accepts it no more", |app, _| {
        lists::show_accepted(app);
        Vec::new()
    }),
    cmd(
        "external",
        &[],
        "TAG",
        "toggle a channel the organisation does not run (no owner or system expected)",
        |app, arg| {
            lists::toggle_external(app, arg);
            Vec::new()
        },
    ),
    cmd(
        "log",
        &[],
        "",
        "the interview log: every captured note, its time, source and cell; Enter goes there",
        |app, _| {
            lists::log::show_log(app);
            Vec::new()
        },
    ),
    cmd(
        "mood",
        &[],
        "[N]",
        "set the mood here, -2 to 2 (no number: unknown): the source's, else the phase's",
        |app, arg| {
            mood::mood_command(app, arg);
            Vec::new()
        },
    ),
    cmd("present", &[], "", "present: one phase per screen for a workshop; arrows step, Esc leaves", |app, _| {
        app.start_present();
        Vec::new()
    }),
];

/// The names a command answers to: its name, then its aliases.
fn names(c: &TypedCommand) -> impl Iterator<Item = &'static str> {
    std::iter::once(c.name).chain(c.aliases.iter().copied())
}

/// The command a line starts with (its longest name), and the rest of the line.
pub fn parse(line: &str) -> Option<(&'static TypedCommand, &str)> {
    let line = line.trim();
    COMMANDS
        .iter()
        .flat_map(|c| names(c).map(move |n| (c, n)))
        .filter(|(_, n)| line == *n || line.strip_prefix(n).is_some_and(|rest| rest.starts_with(char::is_whitespace)))
        .max_by_key(|(_, n)| n.len())
        .map(|(c, n)| (c, line[n.len()..].trim()))
}

/// Run a command line; a mistake is explained in the status bar.
pub fn run(app: &mut App, line: &str) -> Vec<Effect> {
    let line = line.trim();
    if line.is_empty() {
        return Vec::new();
    }
    if let Some((command, arg)) = parse(line) {
        return (command.run)(app, arg);
    }
    let first = line.split_whitespace().next().unwrap_or(line);
    let verbs: Vec<&str> = COMMANDS.iter().filter_map(|c| c.name.strip_prefix(first)?.strip_prefix(' ')).collect();
    if verbs.is_empty() {
        app.error(format!("Unknown command :{first} (Tab completes; :help lists them)"));
        return Vec::new();
    }
    let choices = match verbs.as_slice() {
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
        [] => String::new(),
    };
    match line.split_whitespace().nth(1) {
        None => app.error(format!(":{first} needs {choices}")),
        Some(other) => app.error(format!("Unknown :{first} {other} (use {choices})")),
    }
    Vec::new()
}

/// What Tab can complete to: every name and alias, and for a choice
/// argument (`left|right`) each full command with its choice.
fn candidates() -> Vec<String> {
    let mut out = Vec::new();
    for c in COMMANDS {
        for n in names(c) {
            if c.args.contains('|') && !c.args.contains(' ') {
                out.extend(c.args.split('|').map(|choice| format!("{n} {choice}")));
            } else {
                out.push(n.to_owned());
            }
        }
    }
    out
}

/// Complete the command line: the longest unambiguous extension of what is
/// typed; with a single match, the whole command and a space.
pub fn complete(line: &str) -> String {
    let typed = line.trim_start();
    let all = candidates();
    let candidates: Vec<&str> =
        all.iter().map(String::as_str).filter(|c| c.starts_with(typed) && c.len() > typed.len()).collect();
    match candidates.as_slice() {
        [] => line.to_owned(),
        [one] => format!("{one} "),
        many => {
            let first = many[0];
            let common = (typed.len()..=first.len())
                .rev()
                .find(|&n| first.is_char_boundary(n) && many.iter().all(|c| c.starts_with(&first[..n])))
                .unwrap_or(typed.len());
            first[..common].to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_extends_to_the_longest_common_prefix() {
        assert_eq!(complete("ph"), "phase ");
        assert_eq!(complete("phase r"), "phase rename ");
        assert_eq!(complete("phase m"), "phase move ");
        assert_eq!(complete("phase move l"), "phase move left ");
        assert_eq!(complete("row "), "row ");
        assert_eq!(complete("p"), "p");
        assert_eq!(complete("zzz"), "zzz");
    }

    #[test]
    fn the_longest_name_wins_and_the_rest_is_the_argument() {
        let (c, arg) = parse("phase add  New phase ").unwrap();
        assert_eq!((c.name, arg), ("phase add", "New phase"));
        assert_eq!(parse("w!").unwrap().0.name, "w!");
        let (c, arg) = parse("x notes.toml").unwrap();
        assert_eq!((c.name, arg), ("wq", "notes.toml"));
        assert!(parse("wfoo").is_none());
        assert!(parse("phase").is_none());
    }

    #[test]
    fn every_name_is_unique() {
        let all: Vec<&str> = COMMANDS.iter().flat_map(names).collect();
        for n in &all {
            assert_eq!(all.iter().filter(|m| *m == n).count(), 1, "{n}");
        }
    }
}
