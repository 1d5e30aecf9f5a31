use crate::app::input::action::{Edit, Grid, Move};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::*;

/// The example config in this module's doc comment.
fn doc_example() -> String {
    let source = include_str!("mod.rs");
    let doc: Vec<&str> = source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| l.strip_prefix("//! ").unwrap_or(l.trim_start_matches("//!")))
        .collect();
    let start = doc.iter().position(|l| *l == "```toml").expect("a ```toml block") + 1;
    let len = doc[start..].iter().position(|l| *l == "```").expect("the end of the block");
    doc[start..start + len].join("\n") + "\n"
}

fn parsed(text: &str) -> (Config, Vec<ConfigError>) {
    parse(text)
}

/// Errors as `LINE:COLUMN: message`, for compact assertions.
fn positions(errors: &[ConfigError]) -> Vec<(usize, usize)> {
    errors.iter().map(|e| (e.line, e.column)).collect()
}

#[test]
fn the_documented_example_loads_without_errors() {
    let (config, errors) = parsed(&doc_example());
    assert_eq!(errors, []);
    let defaults = Config::default();
    assert_eq!(config.theme, ThemeChoice::Auto);
    assert!(config.mouse && config.osc52 && !config.autosave);
    assert_eq!(config.new_rows, defaults.new_rows);
    assert_eq!(config.new_phases, defaults.new_phases);
    assert_eq!(
        config.bindings,
        [
            (KeyMode::Normal, Key::ctrl('w'), Some(Action::Grid(Grid::Save))),
            (KeyMode::Normal, Key::code(KeyCode::F(2)), Some(Action::Grid(Grid::Edit))),
            (KeyMode::Normal, Key::plain('x'), None),
            (KeyMode::Edit, Key::ctrl('w'), Some(Action::Edit(Edit::KeepAndSave))),
        ]
    );
    let keymap = config.keymap();
    assert_eq!(keymap.lookup(KeyMode::Normal, Key::plain('x')), None);
    assert_eq!(keymap.lookup(KeyMode::Normal, Key::code(KeyCode::Delete)), Some(Action::Grid(Grid::Clear)));
    assert_eq!(keymap.lookup(KeyMode::Edit, Key::ctrl('w')), Some(Action::Edit(Edit::KeepAndSave)));
}

#[test]
fn the_documented_example_names_every_action_and_mode() {
    let example = doc_example();
    for command in Action::all() {
        let name = command.name();
        let listed = example.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).any(|w| w == name);
        assert!(listed, "add `{name}` to the action list in the example in src/config/mod.rs");
    }
    for mode in KeyMode::all() {
        assert!(example.contains(&format!("[keys.{}]", mode.name())), "{}", mode.name());
    }
}

#[test]
fn a_full_config_sets_everything() {
    let text = r#"
theme = "mono"
mouse = false
osc52 = false
autosave = true

[new]
rows = ["Goal", "Channel"]
phases = ["Before", "During", "After"]

[keys.normal]
"ctrl-w" = "save"
"C-q" = "quit"
"F2" = "edit"
"G" = "first-row"

[keys.edit]
"ctrl-g" = "abandon-edit"

[keys.line]
"ctrl-j" = "submit"

[keys.help]
"x" = "cancel"
"#;
    let (config, errors) = parsed(text);
    assert_eq!(errors, []);
    assert_eq!(config.theme, ThemeChoice::Mono);
    assert!(!config.mouse && !config.osc52 && config.autosave);
    assert_eq!(config.new_rows, ["Goal", "Channel"]);
    assert_eq!(config.new_phases, ["Before", "During", "After"]);
    let k = config.keymap();
    assert_eq!(k.lookup(KeyMode::Normal, Key::ctrl('q')), Some(Action::Grid(Grid::Quit)));
    assert_eq!(k.lookup(KeyMode::Normal, Key::plain('G')), Some(Action::Move(Move::FirstRow)));
    assert_eq!(k.lookup(KeyMode::Normal, Key::plain('g')), Some(Action::Move(Move::FirstRow)));
    assert!(k.keys_for(KeyMode::Normal, Action::Move(Move::LastRow)).is_empty());
    assert_eq!(k.lookup(KeyMode::Edit, Key::ctrl('g')), Some(Action::Edit(Edit::Abandon)));
    assert_eq!(k.lookup(KeyMode::Line, Key::ctrl('j')), Some(Action::Submit));
    assert_eq!(k.lookup(KeyMode::Help, Key::plain('x')), Some(Action::Cancel));
}

#[test]
fn a_binding_comes_first_in_the_keymap_and_in_the_hints() {
    let (config, errors) = parsed("[keys.normal]\n\"ctrl-w\" = \"save\"\n");
    assert_eq!(errors, []);
    let mut keymap = Keymap::default();
    config.apply(&mut keymap);
    assert_eq!(keymap.lookup(KeyMode::Normal, Key::ctrl('w')), Some(Action::Grid(Grid::Save)));
    assert_eq!(keymap.keys_for(KeyMode::Normal, Action::Grid(Grid::Save)), [Key::ctrl('w'), Key::ctrl('s')]);
    assert_eq!(keymap.label(KeyMode::Normal, Action::Grid(Grid::Save)).as_deref(), Some("Ctrl-w"));
}

#[test]
fn several_keys_for_one_action_keep_the_file_order() {
    let text = "[keys.normal]\n\"ctrl-w\" = \"save\"\n\"F2\" = \"save\"\n\"ctrl-s\" = \"none\"\n";
    let (config, errors) = parsed(text);
    assert_eq!(errors, []);
    let k = config.keymap();
    assert_eq!(k.keys_for(KeyMode::Normal, Action::Grid(Grid::Save)), [Key::ctrl('w'), Key::code(KeyCode::F(2))]);
    assert_eq!(k.lookup(KeyMode::Normal, Key::ctrl('s')), None);
}

#[test]
fn an_unknown_setting_is_reported_and_the_rest_applies() {
    let (config, errors) = parsed("mouse = false\ncolour = \"mono\"\nautosave = true\n");
    assert_eq!(positions(&errors), [(2, 1)]);
    assert!(errors[0].message.contains("unknown setting `colour`"), "{}", errors[0].message);
    assert!(!config.mouse && config.autosave);
    let (_, errors) = parsed("[new]\nrows = [\"A\"]\ncolumns = [\"B\"]\n");
    assert_eq!(positions(&errors), [(3, 1)]);
    assert!(errors[0].message.contains("`new.columns`"), "{}", errors[0].message);
}

#[test]
fn an_unknown_mode_is_reported_and_the_other_modes_apply() {
    let text = "[keys.insert]\n\"ctrl-w\" = \"keep-edit\"\n\n[keys.normal]\n\"ctrl-w\" = \"save\"\n";
    let (config, errors) = parsed(text);
    assert_eq!(positions(&errors), [(1, 7)]);
    assert!(errors[0].message.contains("unknown mode `insert`"), "{}", errors[0].message);
    assert!(errors[0].message.contains("normal, edit, line and help"));
    assert_eq!(config.bindings, [(KeyMode::Normal, Key::ctrl('w'), Some(Action::Grid(Grid::Save)))]);

    let (_, errors) = parsed("[keys]\n\"ctrl-w\" = \"save\"\n");
    assert_eq!(positions(&errors), [(2, 1)]);
    assert!(errors[0].message.contains("needs a mode"), "{}", errors[0].message);
}

#[test]
fn an_unknown_action_is_reported_and_the_other_bindings_apply() {
    let text = "[keys.normal]\n\"ctrl-w\" = \"sav\"\n\"F2\" = \"edit\"\n";
    let (config, errors) = parsed(text);
    assert_eq!(positions(&errors), [(2, 12)]);
    let message = &errors[0].message;
    assert!(message.contains("unknown action \"sav\" (did you mean `save`?)"), "{message}");
    assert!(message.contains("move-left"), "lists the actions: {message}");
    assert_eq!(config.bindings, [(KeyMode::Normal, Key::code(KeyCode::F(2)), Some(Action::Grid(Grid::Edit)))]);
    let k = config.keymap();
    assert_eq!(k.lookup(KeyMode::Normal, Key::ctrl('w')), None);
}

#[test]
fn an_action_of_another_mode_is_refused() {
    let (config, errors) = parsed("[keys.edit]\n\"ctrl-j\" = \"move-down\"\n");
    assert_eq!(positions(&errors), [(2, 12)]);
    assert!(errors[0].message.contains("does nothing in edit mode"), "{}", errors[0].message);
    assert!(errors[0].message.contains("keep-edit"));
    assert_eq!(config.bindings, []);
}

#[test]
fn a_plain_character_cannot_be_bound_where_it_types() {
    let (config, errors) = parsed("[keys.edit]\nq = \"keep-edit\"\n\"alt-q\" = \"keep-edit\"\n");
    assert_eq!(positions(&errors), [(2, 5)]);
    assert!(errors[0].message.contains("types itself"), "{}", errors[0].message);
    assert_eq!(
        config.bindings,
        [(KeyMode::Edit, Key::new(KeyCode::Char('q'), KeyModifiers::ALT), Some(Action::Edit(Edit::Keep)))]
    );
}

#[test]
fn a_bad_key_name_is_reported_and_the_other_bindings_apply() {
    let text = "[keys.normal]\n\"F2\" = \"edit\"\n  \"ctlr-w\" = \"save\"\n";
    let (config, errors) = parsed(text);
    assert_eq!(positions(&errors), [(3, 3)]);
    assert!(errors[0].message.contains("unknown modifier `ctlr`"), "{}", errors[0].message);
    assert_eq!(config.bindings, [(KeyMode::Normal, Key::code(KeyCode::F(2)), Some(Action::Grid(Grid::Edit)))]);
}

#[test]
fn the_same_key_twice_keeps_the_first() {
    let text = "[keys.normal]\n\"ctrl-w\" = \"save\"\n\"C-w\" = \"quit\"\n";
    let (config, errors) = parsed(text);
    assert_eq!(positions(&errors), [(3, 1)]);
    assert!(errors[0].message.contains("line 2"), "{}", errors[0].message);
    assert_eq!(config.bindings, [(KeyMode::Normal, Key::ctrl('w'), Some(Action::Grid(Grid::Save)))]);
}

#[test]
fn wrong_types_are_reported_where_they_are_and_keep_the_default() {
    let text = r#"theme = 3
mouse = "no"
osc52 = false
autosave = 1

[new]
rows = ["Need", 2]
phases = "Before"

[keys.normal]
"ctrl-s" = ["save"]
"F2" = "edit"
"F3" = true
"#;
    let (config, errors) = parsed(text);
    assert_eq!(positions(&errors), [(1, 9), (2, 9), (4, 12), (7, 17), (8, 10), (11, 12), (13, 8)]);
    let m: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert!(m[0].contains("`theme` must be \"auto\", \"color\" or \"mono\", not an integer"), "{}", m[0]);
    assert!(m[1].contains("`mouse` must be true or false, not a string; using true"), "{}", m[1]);
    assert!(m[2].contains("using false"), "{}", m[2]);
    assert!(m[3].contains("a row name must be a string"), "{}", m[3]);
    assert!(m[4].contains("`phases` must be a list"), "{}", m[4]);
    assert!(m[5].contains("one line per key"), "{}", m[5]);
    assert!(m[6].contains("not a boolean"), "{}", m[6]);
    let defaults = Config::default();
    assert_eq!(config.theme, defaults.theme);
    assert!(config.mouse && !config.osc52 && !config.autosave);
    assert_eq!((config.new_rows, config.new_phases), (defaults.new_rows, defaults.new_phases));
    assert_eq!(config.bindings, [(KeyMode::Normal, Key::code(KeyCode::F(2)), Some(Action::Grid(Grid::Edit)))]);

    let (config, errors) = parsed("keys = 1\nnew = true\n[other]\n");
    assert_eq!(positions(&errors), [(1, 8), (2, 7), (3, 2)]);
    assert_eq!(config, Config::default());
    let (_, errors) = parsed("keys.normal = \"save\"\n");
    assert_eq!(positions(&errors), [(1, 15)]);
}

#[test]
fn bad_names_for_a_new_journey_keep_the_defaults() {
    for (text, column, words) in [
        ("rows = []", 8, "at least one row"),
        ("rows = [\"A\", \" \"]", 14, "row name is empty"),
        ("phases = [\"A\", \"B\", \"A\"]", 21, "\"A\" is named twice"),
    ] {
        let (config, errors) = parsed(&format!("[new]\n{text}\n"));
        assert_eq!(positions(&errors), [(2, column)], "{text}");
        assert!(errors[0].message.contains(words), "{}", errors[0].message);
        assert_eq!(config, Config::default());
    }
}

#[test]
fn unknown_theme_names_keep_auto() {
    let (config, errors) = parsed("theme = \"dark\"\n");
    assert_eq!(positions(&errors), [(1, 9)]);
    assert_eq!(config.theme, ThemeChoice::Auto);
    assert_eq!(parsed("theme = \"Colour\"").0.theme, ThemeChoice::Color);
}

#[test]
fn invalid_toml_is_one_error_and_all_defaults() {
    let (config, errors) = parsed("mouse = false\n[keys.normal]\n\"ctrl-w\" = save\n");
    assert_eq!(config, Config::default());
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].line, errors[0].column), (3, 12));
    assert!(errors[0].message.starts_with("invalid TOML: "), "{}", errors[0].message);
    let (config, errors) = parsed("mouse = false\nmouse = true\n");
    assert_eq!(config, Config::default());
    assert_eq!(positions(&errors), [(2, 1)]);
}

#[test]
fn taking_away_every_way_out_keeps_those_defaults() {
    let text =
        "[keys.edit]\nesc = \"none\"\n\"ctrl-c\" = \"none\"\n\"ctrl-s\" = \"none\"\n\"ctrl-w\" = \"keep-and-save\"\n";
    let (config, errors) = parsed(text);
    assert_eq!(errors, []);
    assert_eq!(config.keymap().lookup(KeyMode::Edit, Key::code(KeyCode::Esc)), None);

    let text = "[keys.edit]\nesc = \"none\"\n\"ctrl-c\" = \"none\"\n\"ctrl-s\" = \"none\"\n\"f5\" = \"none\"\n";
    let (config, errors) = parsed(text);
    assert_eq!(positions(&errors), [(2, 1), (3, 1), (4, 1)]);
    assert!(errors[0].message.contains("no key to leave the cell in edit mode"), "{}", errors[0].message);
    assert_eq!(config.bindings, [(KeyMode::Edit, Key::code(KeyCode::F(5)), None)]);
    let k = config.keymap();
    assert_eq!(k.lookup(KeyMode::Edit, Key::code(KeyCode::Esc)), Some(Action::Edit(Edit::Keep)));

    let (config, errors) = parsed("[keys.normal]\nq = \"none\"\n\":\" = \"help\"\n");
    assert_eq!(positions(&errors), [(2, 1), (3, 1)]);
    assert!(errors[0].message.contains("to quit"));
    assert_eq!(config.bindings, []);
}

#[test]
fn missing_unreadable_and_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(load(&dir.path().join("nope.toml")), (Config::default(), Vec::new()));

    let (config, errors) = load(dir.path());
    assert_eq!(config, Config::default());
    assert_eq!(positions(&errors), [(1, 1)]);
    assert!(errors[0].message.starts_with("cannot read the config file"), "{}", errors[0].message);

    let binary = dir.path().join("binary.toml");
    std::fs::write(&binary, b"mouse = false\nx = \"\xff\"\n").unwrap();
    let (config, errors) = load(&binary);
    assert_eq!(config, Config::default());
    assert_eq!(positions(&errors), [(2, 6)]);
    assert!(errors[0].message.contains("not UTF-8"));

    let good = dir.path().join("config.toml");
    std::fs::write(&good, "mouse = false\nbogus = 1\n").unwrap();
    let (config, errors) = load(&good);
    assert!(!config.mouse);
    let rendered = errors[0].render(&good);
    assert_eq!(rendered, format!("{}:2:1: {}", good.display(), errors[0].message));
}

#[test]
fn empty_and_comment_only_files_are_the_defaults() {
    assert_eq!(parsed(""), (Config::default(), Vec::new()));
    assert_eq!(parsed("# nothing yet\n\n"), (Config::default(), Vec::new()));
}

#[test]
fn the_environment_variable_names_the_file() {
    assert_eq!(path_from(Some("/tmp/my.toml".into())), Some(PathBuf::from("/tmp/my.toml")));
    let default = path_from(None);
    assert_eq!(path_from(Some("".into())), default);
    if let Some(p) = default {
        assert!(p.ends_with("config.toml") && p.to_string_lossy().contains("jgrid"), "{}", p.display());
    }
}

#[test]
fn actions_per_mode_follow_the_default_keymap() {
    let names = |mode| read::actions_for(mode).into_iter().map(Action::name).collect::<Vec<_>>();
    assert_eq!(names(KeyMode::Edit), ["keep-edit", "abandon-edit", "keep-and-save"]);
    assert_eq!(names(KeyMode::Line), ["complete", "submit", "cancel"]);
    assert_eq!(names(KeyMode::Help), ["move-up", "move-down", "page-up", "page-down", "cancel"]);
    let normal = names(KeyMode::Normal);
    assert!(normal.contains(&"save") && normal.contains(&"move-up"));
    assert!(normal.contains(&"cancel"), "Esc leaves zoom and clears the search");
    assert!(!normal.contains(&"keep-edit") && !normal.contains(&"submit"));
}
