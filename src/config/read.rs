//! Walks the TOML document with its spans, so every problem gets a line and
//! column and only the entry it concerns falls back to its default.

use crate::app::input::action::{Answer, Edit, Grid};
use crate::text::line_column;
use std::collections::HashMap;
use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::keys::{key_name, parse_key};
use super::{Config, ConfigError, ThemeChoice};
use crate::app::input::keymap::{Key, KeyMode, Keymap};
use crate::app::{Action, QuestionKind};

const SETTINGS: &str = "theme, mouse, osc52, autosave, [new] and [keys]";
const MODES: &str = "normal, edit, line and help; the panels inbox, place and list; and the questions quit, recover, conflict, delete, open, take and unsaved";

/// Actions that must keep a key in a mode, or the user is stuck there.
const NEEDED: &[(KeyMode, &[Action], &str)] = &[
    (KeyMode::Normal, &[Action::Grid(Grid::Quit), Action::Grid(Grid::CommandLine)], "to quit"),
    (
        KeyMode::Edit,
        &[Action::Edit(Edit::Keep), Action::Edit(Edit::Abandon), Action::Edit(Edit::KeepAndSave)],
        "to leave the cell",
    ),
    (KeyMode::Line, &[Action::Submit], "to run a command"),
    (KeyMode::Line, &[Action::Cancel], "to cancel"),
    (
        KeyMode::Question(QuestionKind::Recover),
        &[Action::Answer(Answer::Recover), Action::Answer(Answer::Discard), Action::Answer(Answer::KeepForLater)],
        "to answer",
    ),
    (
        KeyMode::Question(QuestionKind::Open),
        &[Action::Answer(Answer::OpenAnyway), Action::Answer(Answer::OpenReadOnly), Action::Grid(Grid::Quit)],
        "to answer",
    ),
    (
        KeyMode::Question(QuestionKind::Unsaved),
        &[Action::Answer(Answer::KeepForLater), Action::Answer(Answer::QuitWithoutSaving), Action::Cancel],
        "to answer",
    ),
];

pub(super) fn parse(text: &str) -> (Config, Vec<ConfigError>) {
    let mut reader = Reader { text, config: Config::default(), errors: Vec::new(), binding_spans: Vec::new() };
    match DeTable::parse(text) {
        Ok(doc) => {
            for (key, value) in entries(doc.get_ref()) {
                reader.setting(key, value);
            }
            reader.keep_ways_out();
        }
        Err(e) => {
            let message = e.message().trim().trim_end_matches('.');
            reader.error(e.span().unwrap_or(0..0), format!("invalid TOML: {message}; using the default settings"));
        }
    }
    (reader.config, reader.errors)
}

type Entry<'a, 'i> = (&'a Spanned<std::borrow::Cow<'i, str>>, &'a Spanned<DeValue<'i>>);

/// A table's entries in file order.
fn entries<'a, 'i>(table: &'a DeTable<'i>) -> Vec<Entry<'a, 'i>> {
    let mut entries: Vec<Entry> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

struct Reader<'t> {
    text: &'t str,
    config: Config,
    errors: Vec<ConfigError>,
    /// The span of each binding's key name, parallel to `config.bindings`.
    binding_spans: Vec<Range<usize>>,
}

impl Reader<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        let (line, column) = line_column(self.text, span.start);
        self.errors.push(ConfigError { line, column, message });
    }

    fn setting(&mut self, key: &Spanned<std::borrow::Cow<str>>, value: &Spanned<DeValue>) {
        match key.get_ref().as_ref() {
            "theme" => match value.get_ref() {
                DeValue::String(s) => match ThemeChoice::from_name(s) {
                    Some(t) => self.config.theme = t,
                    None => self.error(
                        value.span(),
                        format!("unknown theme \"{s}\"; use \"auto\", \"color\" or \"mono\" (using \"auto\")"),
                    ),
                },
                other => self.error(
                    value.span(),
                    format!("`theme` must be \"auto\", \"color\" or \"mono\", not {}; using \"auto\"", a(other)),
                ),
            },
            "mouse" => self.flag(value, "mouse", |c| &mut c.mouse),
            "osc52" => self.flag(value, "osc52", |c| &mut c.osc52),
            "autosave" => self.flag(value, "autosave", |c| &mut c.autosave),
            "new" => match value.get_ref() {
                DeValue::Table(table) => self.new_journey(table),
                other => self.error(
                    value.span(),
                    format!("`new` must be a table with `rows` and `phases`, not {}; using the defaults", a(other)),
                ),
            },
            "keys" => match value.get_ref() {
                DeValue::Table(table) => {
                    for (mode, bindings) in entries(table) {
                        self.mode(mode, bindings);
                    }
                }
                other => self.error(
                    value.span(),
                    format!("`keys` must be a table like [keys.normal], not {}; using the default keys", a(other)),
                ),
            },
            name => {
                let hint = suggest(name, ["theme", "mouse", "osc52", "autosave", "new", "keys"]);
                self.error(key.span(), format!("unknown setting `{name}`{hint}; the settings are {SETTINGS}; ignored"));
            }
        }
    }

    fn flag(&mut self, value: &Spanned<DeValue>, name: &str, field: impl Fn(&mut Config) -> &mut bool) {
        match value.get_ref() {
            DeValue::Boolean(b) => *field(&mut self.config) = *b,
            other => {
                let default = *field(&mut Config::default());
                self.error(value.span(), format!("`{name}` must be true or false, not {}; using {default}", a(other)));
            }
        }
    }

    fn new_journey(&mut self, table: &DeTable) {
        for (key, value) in entries(table) {
            match key.get_ref().as_ref() {
                "rows" => {
                    if let Some(names) = self.names(value, "row") {
                        self.config.new_rows = names;
                    }
                }
                "phases" => {
                    if let Some(names) = self.names(value, "phase") {
                        self.config.new_phases = names;
                    }
                }
                name => {
                    let hint = suggest(name, ["rows", "phases"]);
                    self.error(
                        key.span(),
                        format!("unknown setting `new.{name}`{hint}; [new] has rows and phases; ignored"),
                    );
                }
            }
        }
    }

    /// A list of unique, non-empty names, or `None` after reporting why not.
    fn names(&mut self, value: &Spanned<DeValue>, what: &str) -> Option<Vec<String>> {
        let fallback = format!("using the default {what}s");
        let DeValue::Array(items) = value.get_ref() else {
            let message =
                format!("`{what}s` must be a list of names in quotes, not {}; {fallback}", a(value.get_ref()));
            self.error(value.span(), message);
            return None;
        };
        if items.is_empty() {
            self.error(value.span(), format!("`{what}s` is empty; a journey needs at least one {what}; {fallback}"));
            return None;
        }
        let mut names: Vec<String> = Vec::new();
        for item in items.iter() {
            let message = match item.get_ref() {
                DeValue::String(s) if s.trim().is_empty() => format!("a {what} name is empty; {fallback}"),
                DeValue::String(s) if names.iter().any(|n| n == s.as_ref()) => {
                    format!("the {what} \"{s}\" is named twice; {fallback}")
                }
                DeValue::String(s) => {
                    names.push(s.to_string());
                    continue;
                }
                other => format!("a {what} name must be a string in quotes, not {}; {fallback}", a(other)),
            };
            self.error(item.span(), message);
            return None;
        }
        Some(names)
    }

    fn mode(&mut self, name: &Spanned<std::borrow::Cow<str>>, value: &Spanned<DeValue>) {
        let Some(mode) = KeyMode::all().find(|m| m.name() == name.get_ref().to_ascii_lowercase()) else {
            let message = if !matches!(value.get_ref(), DeValue::Table(_)) && parse_key(name.get_ref()).is_ok() {
                format!(
                    "the key `{}` needs a mode: put it under [keys.normal], or edit, line or help; this line is skipped",
                    name.get_ref()
                )
            } else {
                let hint = suggest(name.get_ref(), KeyMode::all().map(KeyMode::name));
                format!("unknown mode `{}`{hint}; the modes are {MODES}; its keys are skipped", name.get_ref())
            };
            self.error(name.span(), message);
            return;
        };
        let DeValue::Table(table) = value.get_ref() else {
            let message = format!(
                "`keys.{}` must be a table of \"key\" = \"action\" lines, not {}; using the default keys",
                mode.name(),
                a(value.get_ref())
            );
            self.error(value.span(), message);
            return;
        };
        let mut seen: HashMap<Key, usize> = HashMap::new();
        for (key_text, action) in entries(table) {
            let key = match parse_key(key_text.get_ref()) {
                Ok(key) => key,
                Err(e) => {
                    self.error(key_text.span(), format!("{e}; this line is skipped"));
                    continue;
                }
            };
            let Some(command) = self.action(mode, key, action) else { continue };
            if let Some(&line) = seen.get(&key) {
                let message = format!(
                    "`{}` is the same key as the one on line {line} in [keys.{}]; the first one counts",
                    key_text.get_ref(),
                    mode.name()
                );
                self.error(key_text.span(), message);
                continue;
            }
            seen.insert(key, line_column(self.text, key_text.span().start).0);
            self.config.bindings.push((mode, key, command));
            self.binding_spans.push(key_text.span());
        }
    }

    /// The binding's command (`Some(None)` for "none"), or `None` after
    /// reporting why the line is skipped.
    fn action(&mut self, mode: KeyMode, key: Key, value: &Spanned<DeValue>) -> Option<Option<Action>> {
        let allowed = actions_for(mode);
        let list = allowed.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ");
        let name = match value.get_ref() {
            DeValue::String(s) => s.trim().to_ascii_lowercase().replace('_', "-"),
            DeValue::Array(_) => {
                let message = "give one action in quotes, not a list; to give an action several keys, write one line per key; this line is skipped";
                self.error(value.span(), message.to_owned());
                return None;
            }
            other => {
                let message = format!("the action must be a name in quotes, not {}; this line is skipped", a(other));
                self.error(value.span(), message);
                return None;
            }
        };
        if name == "none" {
            return Some(None);
        }
        let Some(command) = Action::from_name(&name) else {
            let hint = suggest(&name, allowed.iter().map(|c| c.name()).chain(["none"]));
            let message = format!(
                "unknown action \"{name}\"{hint}; in {} mode use one of: {list}, none; this line is skipped",
                mode.name()
            );
            self.error(value.span(), message);
            return None;
        };
        if !allowed.contains(&command) {
            let message = format!(
                "\"{name}\" does nothing in {} mode; use one of: {list}, none; this line is skipped",
                mode.name()
            );
            self.error(value.span(), message);
            return None;
        }
        let plain_char = matches!(key.code, KeyCode::Char(_)) && (key.mods - KeyModifiers::SHIFT).is_empty();
        if plain_char && matches!(mode, KeyMode::Edit | KeyMode::Line) {
            let message = format!(
                "`{}` types itself in {} mode; bind a named key or one with ctrl- or alt- (e.g. `ctrl-{}`); this line is skipped",
                key_name(&key),
                mode.name(),
                key_name(&key).to_lowercase()
            );
            self.error(value.span(), message);
            return None;
        }
        Some(Some(command))
    }

    /// If the bindings take away every key for something the user cannot do
    /// without (leaving a cell, quitting), drop the lines that did that.
    fn keep_ways_out(&mut self) {
        let defaults = Keymap::default();
        for &(mode, needed, what) in NEEDED {
            let keymap = self.config.keymap();
            if needed.iter().any(|&c| !keymap.keys_for(mode, c).is_empty()) {
                continue;
            }
            let names = needed.iter().map(|c| c.name()).collect::<Vec<_>>().join(" or ");
            let mut i = 0;
            while i < self.config.bindings.len() {
                let (m, key, _) = self.config.bindings[i];
                if m == mode && defaults.lookup(mode, key).is_some_and(|c| needed.contains(&c)) {
                    self.config.bindings.remove(i);
                    let span = self.binding_spans.remove(i);
                    let message = format!(
                        "this leaves no key {what} in {} mode ({names}); `{}` keeps its default",
                        mode.name(),
                        key_name(&key)
                    );
                    self.error(span, message);
                } else {
                    i += 1;
                }
            }
        }
        self.errors.sort_by_key(|e| (e.line, e.column));
    }
}

/// The commands that do something in a mode: for edit, line and help mode
/// those the default keymap binds there; for normal mode every command but
/// those that belong to edit or line mode only.
pub(super) fn actions_for(mode: KeyMode) -> Vec<Action> {
    let defaults = Keymap::default();
    match mode {
        KeyMode::Normal => {
            let normal = defaults.actions(KeyMode::Normal);
            // Answers to questions do nothing in the grid.
            let answers = QuestionKind::ALL.iter().flat_map(|q| defaults.actions(KeyMode::Question(*q)));
            let elsewhere: Vec<Action> = [defaults.actions(KeyMode::Edit), defaults.actions(KeyMode::Line)]
                .concat()
                .into_iter()
                .chain(answers)
                .collect();
            Action::all().filter(|c| normal.contains(c) || !elsewhere.contains(c)).collect()
        }
        mode => defaults.actions(mode),
    }
}

/// "a string", "an integer", … for messages.
fn a(value: &DeValue) -> String {
    let t = value.type_str();
    if t.starts_with(['a', 'e', 'i', 'o', 'u']) { format!("an {t}") } else { format!("a {t}") }
}

/// `; did you mean "save"?` when a known name is close to a misspelt one.
fn suggest<'n>(name: &str, known: impl IntoIterator<Item = &'n str>) -> String {
    let name = name.to_ascii_lowercase();
    known
        .into_iter()
        .map(|k| (distance(&name, k), k))
        .filter(|&(d, k)| d <= 2.max(k.len() / 4) && d < k.len())
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
