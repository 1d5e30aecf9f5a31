//! Adversarial end-to-end tests of issue 10, "Never lose a note, whatever
//! happens", part 10: no output of jgrid, on any stream, carries a control
//! character that came from a file. A journey with hostile text in every
//! field (title, persona, row and phase names, cells, tags, topics, the
//! inbox, an acceptance reason) and hostile file names go through every
//! command, every export format, every error and the TUI.
//! The screens that came later (inbox, lists, overview, present) are in
//! `adversarial_views.rs`.

mod adversarial;
mod support;

use std::fs;
use std::path::PathBuf;

use adversarial::{Home, assert_no_controls, assert_tui_clean, hostile, stderr, stdout};
use jgrid::journey::{Acceptance, CellRef, Change, Journey, Note};
use support::TIMEOUT;

/// A journey with hostile text in every field, and findings that quote
/// them: an unanswered need, an unowned touchpoint, a stray channel and a
/// conflicting message whose topic is hostile.
fn hostile_journey() -> Journey {
    let rows: Vec<String> = ["Need", "Touchpoints", "Message", "Organization", "Systems"]
        .into_iter()
        .map(str::to_owned)
        .chain([hostile("row")])
        .collect();
    let phases = [hostile("phaseA"), hostile("phaseB"), "Plain".to_owned()];
    let mut j = Journey::new(&hostile("title"), &hostile("persona"), rows, phases);
    let topic = "price\u{1b}]0;PWNtopic\u{7}\u{9b}1m\u{202e}";
    let cells = [
        (0, 0, hostile("need")),
        (0, 1, format!("#web {}", hostile("touchpoint"))),
        (0, 5, hostile("cell")),
        (1, 0, "a need".to_owned()),
        (1, 1, "#web portal".to_owned()),
        (1, 2, format!("#web {topic}: 3 weeks\n#shop{} mention", hostile("tag"))),
        (1, 3, format!("{} owns #web", hostile("owner"))),
        (1, 4, "CMS serves #web".to_owned()),
        (2, 0, "another need".to_owned()),
        (2, 1, "#web portal".to_owned()),
        (2, 2, format!("#web {topic}: 10 days")),
        (2, 3, format!("{} owns #web", hostile("owner2"))),
        (2, 4, "CMS serves #web".to_owned()),
    ];
    for (p, r, text) in cells {
        Change::SetCell { at: CellRef::new(p, r), text }.apply(&mut j).unwrap();
    }
    j.inbox.push(Note { text: hostile("inbox"), source: Some("anna".into()), at: "2026-12-01T14:03:12Z".into() });
    j.accepted.push(Acceptance {
        check: "empty-cell".into(),
        phase: "Plain".into(),
        rows: vec!["Systems".into()],
        subject: None,
        reason: hostile("reason"),
    });
    j
}

/// The hostile journey written as `name` in the work folder; the file must
/// load back to the same journey (so the hostile text is really in it).
fn write_hostile(home: &Home, name: &str) -> PathBuf {
    let j = hostile_journey();
    let text = jgrid::format::to_toml(&j);
    assert_eq!(jgrid::format::parse(text.as_bytes()).as_ref(), Ok(&j), "the hostile journey is a valid file");
    let path = home.work().join(name);
    fs::write(&path, text).unwrap();
    path
}

/// A file name with an OSC title sequence, BEL, a C1 control and a bidi override.
const HOSTILE_FILE: &str = "h\u{1b}]0;PWNfile\u{7}\u{9b}\u{202e}.toml";

fn run_clean(home: &Home, args: &[&str], what: &str) -> std::process::Output {
    let out = home.run(args);
    assert_no_controls(&format!("{what}: stdout"), &out.stdout, false);
    assert_no_controls(&format!("{what}: stderr"), &out.stderr, false);
    out
}

// ---------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------

#[test]
fn check_text_carries_no_control_characters() {
    let home = Home::new();
    write_hostile(&home, "hostile.toml");
    let out = home.run(&["check", "hostile.toml"]);
    assert_eq!(out.status.code(), Some(1), "findings: {}", stderr(&out));
    assert!(stdout(&out).contains("phaseA"), "the findings name the phase: {}", stdout(&out));
    assert!(stdout(&out).contains("conflicting-message"), "{}", stdout(&out));
    assert_no_controls("check (text): stdout", &out.stdout, false);
    assert_no_controls("check (text): stderr", &out.stderr, false);
}

#[test]
fn check_text_shows_a_hostile_file_name_safely() {
    let home = Home::new();
    write_hostile(&home, HOSTILE_FILE);
    let out = home.run(&["check", HOSTILE_FILE, "journey.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("PWNfile"), "{}", stdout(&out));
    assert_no_controls("check (text) with a hostile file name", &out.stdout, false);
}

#[test]
fn check_json_has_no_raw_controls_c1_or_bidi_and_keeps_the_values() {
    let home = Home::new();
    write_hostile(&home, HOSTILE_FILE);
    let out = home.run(&["check", "--format", "json", HOSTILE_FILE]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_no_controls("check (json): stdout", &out.stdout, false);
    assert_no_controls("check (json): stderr", &out.stderr, false);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("check --format json is JSON");
    let findings = value.as_array().unwrap();
    assert!(findings.iter().any(|f| f["phase"] == hostile("phaseA")), "escaping must keep the values");
    assert!(findings.iter().all(|f| f["file"] == HOSTILE_FILE), "the file name is kept too");
}

// ---------------------------------------------------------------------------
// export
// ---------------------------------------------------------------------------

/// Export the hostile journey to stdout and to a file; both must be clean.
fn export_clean(format: &str, allow_crlf: bool) -> (String, Home) {
    let home = Home::new();
    write_hostile(&home, "hostile.toml");
    let out = home.run(&["export", "hostile.toml", "--to", format]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("phaseA"), "the export has the phase names: {}", stdout(&out));
    assert_no_controls(&format!("export --to {format} (stdout)"), &out.stdout, allow_crlf);
    assert_no_controls(&format!("export --to {format} (stderr)"), &out.stderr, false);
    let file = format!("out.{format}");
    let o = home.run(&["export", "hostile.toml", "--to", format, "-o", &file]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_no_controls(&format!("export --to {format} -o"), &fs::read(home.work().join(&file)).unwrap(), allow_crlf);
    (stdout(&out), home)
}

#[test]
fn export_markdown_carries_no_control_characters() {
    export_clean("markdown", false);
}

#[test]
fn export_html_carries_no_control_characters_and_escapes_markup() {
    let (html, _home) = export_clean("html", false);
    assert!(!html.contains("<script"), "no script from the file");
}

#[test]
fn export_csv_carries_no_control_characters() {
    export_clean("csv", true);
}

#[test]
fn export_mermaid_carries_no_control_characters() {
    export_clean("mermaid", false);
}

#[test]
fn export_json_has_no_raw_controls_c1_or_bidi_and_keeps_the_values() {
    let (json, _home) = export_clean("json", false);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["title"], hostile("title"), "escaping must keep the values");
    assert_eq!(value["phases"][0]["name"], hostile("phaseA"));
}

#[test]
fn export_mermaid_escapes_angle_brackets_in_every_label() {
    let home = Home::new();
    let mut j = Journey::new(
        "<img src=x onerror=alert(1)> title",
        "",
        ["Need", "Touchpoints", "Message", "Organization", "Systems"],
        ["<b>Order</b> phase", "a -> b"],
    );
    for (p, r, text) in
        [(0, 1, "#web <script>alert(1)</script> form"), (0, 3, "<i>Sales</i> owns #web"), (1, 1, "#app x > y < z")]
    {
        Change::SetCell { at: CellRef::new(p, r), text: text.into() }.apply(&mut j).unwrap();
    }
    fs::write(home.work().join("angle.toml"), jgrid::format::to_toml(&j)).unwrap();
    let out = home.run(&["export", "angle.toml", "--to", "mermaid"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Order") && text.contains("Sales") && text.contains("alert(1)"), "{text}");
    let raw: Vec<&str> = text.lines().filter(|l| l.contains(['<', '>'])).collect();
    assert!(raw.is_empty(), "Mermaid labels with a raw < or >:\n{}", raw.join("\n"));
}

// ---------------------------------------------------------------------------
// errors of every command
// ---------------------------------------------------------------------------

/// Broken journeys whose error message quotes a hostile name from the file.
fn broken_files() -> Vec<(&'static str, String)> {
    let head = "format = 1\ntitle = \"t\"\npersona = \"\"\n";
    let esc = "\\u001b]0;PWN\\u0007\\u009b\\u202e";
    vec![
        (
            "duplicate phase",
            format!("{head}rows = [\"Need\"]\n\n[[phase]]\nname = \"dup{esc}\"\n\n[[phase]]\nname = \"dup{esc}\"\n"),
        ),
        ("duplicate row", format!("{head}rows = [\"r{esc}\", \"r{esc}\"]\n\n[[phase]]\nname = \"A\"\n")),
        (
            "unknown cell key",
            format!("{head}rows = [\"Need\"]\n\n[[phase]]\nname = \"A\"\n\n[phase.cells]\n\"key{esc}\" = \"x\"\n"),
        ),
        ("unknown language", format!("lang = \"xx{esc}\"\n{head}rows = [\"Need\"]\n\n[[phase]]\nname = \"A\"\n")),
        (
            "unknown check",
            format!("{head}rows = [\"Need\"]\n\n[checks]\noff = [\"chk{esc}\"]\n\n[[phase]]\nname = \"A\"\n"),
        ),
        (
            "bad external tag",
            format!("{head}rows = [\"Need\"]\n\n[checks]\nexternal = [\"tag{esc}\"]\n\n[[phase]]\nname = \"A\"\n"),
        ),
        ("unknown top-level key", format!("{head}\"top{esc}\" = 1\nrows = [\"Need\"]\n\n[[phase]]\nname = \"A\"\n")),
        ("raw ESC in the file", format!("{head}rows = [\"Need\u{1b}]0;PWN\u{7}\"]\n[[phase]]\nname = \"A\"\n")),
    ]
}

#[test]
fn load_errors_of_every_command_quote_hostile_names_safely() {
    let home = Home::new();
    for (what, text) in broken_files() {
        fs::write(home.work().join("broken.toml"), &text).unwrap();
        for args in [
            &["check", "broken.toml"][..],
            &["check", "--format", "json", "broken.toml"],
            &["export", "broken.toml", "--to", "json"],
            &["export", "broken.toml", "--to", "csv", "-o", "x.csv"],
            &["add", "broken.toml", "--phase", "1", "--row", "1", "x"],
        ] {
            let out = run_clean(&home, args, &format!("{what}: {args:?}"));
            assert_eq!(out.status.code(), Some(2), "{what}: {args:?}: {}", stderr(&out));
            assert!(stderr(&out).contains("broken.toml:"), "{what}: says where: {}", stderr(&out));
        }
        assert_eq!(fs::read_to_string(home.work().join("broken.toml")).unwrap(), text, "{what}: untouched");
    }
}

#[test]
fn load_errors_in_the_editor_quote_hostile_names_safely() {
    let home = Home::new();
    for (what, text) in broken_files() {
        fs::write(home.work().join("broken.toml"), &text).unwrap();
        let mut pty = home.start_on(&["broken.toml"], 100, 30);
        pty.assert_exit_code(2, TIMEOUT);
        pty.assert_screen_contains("broken.toml:", TIMEOUT);
        assert_tui_clean(&format!("jgrid broken.toml ({what})"), &pty.raw_output());
    }
}

#[test]
fn add_messages_quote_hostile_names_safely() {
    let home = Home::new();
    write_hostile(&home, "hostile.toml");
    let esc_arg = "no\u{1b}]0;PWNarg\u{7}\u{9b}\u{202e}";
    let cases: [(&[&str], bool); 5] = [
        (&["add", "hostile.toml", "--phase", "nope", "--row", "1", "x"], false),
        (&["add", "hostile.toml", "--phase", "1", "--row", "nope", "x"], false),
        (&["add", "hostile.toml", "--phase", esc_arg, "--row", "1", "x"], false),
        (&["add", "hostile.toml", "--phase", "1", "--row", "6", "note"], true),
        (&["add", "hostile.toml", "--phase", "phase", "--row", "1", "x"], false),
    ];
    for (args, ok) in cases {
        let out = run_clean(&home, args, &format!("{args:?}"));
        assert_eq!(out.status.success(), ok, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("PWN"), "the message quotes the names: {}", stderr(&out));
    }
}

#[test]
fn import_errors_quote_hostile_names_safely() {
    let home = Home::new();
    let name = "r\u{1b}]0;PWNrow\u{7}\u{9b}\u{202e}";
    let cases = [
        ("duplicate row", format!("row,A\nNeed,x\n{name},y\n{name},z\n")),
        ("duplicate phase", format!("row,{name},{name}\nNeed,x,y\n")),
        ("unterminated quote", format!("row,A\n\"{name},x\n")),
        ("cell under no phase", format!("row,A\n{name},x,stray\n")),
    ];
    for (what, csv) in cases {
        fs::write(home.work().join("t.csv"), &csv).unwrap();
        let out = run_clean(&home, &["import", "t.csv", "-o", "out.toml"], what);
        assert_eq!(out.status.code(), Some(2), "{what}: {}", stderr(&out));
        assert!(!home.work().join("out.toml").exists(), "{what}: nothing written");
    }
    // A CSV file name and an output name with escapes, on failure and success.
    let csv_name = "t\u{1b}]0;PWNcsv\u{7}.csv";
    fs::write(home.work().join(csv_name), "row,A\nNeed,x\n").unwrap();
    let out = run_clean(&home, &["import", csv_name, "-o", "journey.toml"], "import over an existing file");
    assert_eq!(out.status.code(), Some(2));
    let out = run_clean(&home, &["import", csv_name, "-o", HOSTILE_FILE], "import to a hostile name");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run_clean(&home, &["import", "missing\u{1b}]0;PWN\u{7}.csv", "-o", "y.toml"], "import of a missing file");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn new_and_every_command_show_hostile_file_names_safely() {
    let home = Home::new();
    let out = run_clean(&home, &["new", HOSTILE_FILE, "--title", "t"], "new with a hostile name");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run_clean(&home, &["new", HOSTILE_FILE], "new over an existing hostile name");
    assert_eq!(out.status.code(), Some(2));
    let missing = "missing\u{1b}]0;PWN\u{7}\u{9b}.toml";
    for args in [
        &["check", missing][..],
        &["export", missing, "--to", "markdown"],
        &["add", missing, "--phase", "1", "--row", "1", "x"],
        &["export", HOSTILE_FILE, "--to", "json", "-o", HOSTILE_FILE],
        &["add", HOSTILE_FILE, "--phase", "1", "--row", "1", "x"],
        &["export", HOSTILE_FILE, "--to", "markdown", "-o", "no-such-dir\u{1b}]0;PWN\u{7}/x.md"],
        &["new", "--phases", "A\u{1b}]0;PWN\u{7},A\u{1b}]0;PWN\u{7}", "dup.toml"],
    ] {
        run_clean(&home, args, &format!("{args:?}"));
    }
}

#[test]
fn recover_list_shows_hostile_names_safely() {
    let home = Home::new();
    let path = write_hostile(&home, HOSTILE_FILE);
    let mut pty = home.start_on(&[&path], 100, 30);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("x");
    adversarial::let_recovery_catch_up();
    adversarial::stop_with(&mut pty, "HUP");
    // A damaged recovery file with a hostile path in it, too.
    fs::write(
        home.recovery_dir().join("x-0000000000000000-dead.toml"),
        "version = 2\njourney_path = \"/j/\\u001b]0;PWN\\u0007.toml\"\nwritten = 0\ncursor = [0, 0]\njourney = \"\"\n",
    )
    .unwrap();
    let out = run_clean(&home, &["--recover-list"], "--recover-list");
    assert!(out.status.success());
    assert!(stdout(&out).contains("PWNfile"), "{}", stdout(&out));
}

/// Issue 27, point 4: `JGRID_CONFIG` or `XDG_CONFIG_HOME` holding a title
/// sequence (and a newline) is shown with placeholders, as every other path;
/// the command says the line is not the path and exits 1. A plain path is
/// printed as it is, for `$EDITOR "$(jgrid --print-config-path)"`.
#[test]
fn print_config_path_shows_a_hostile_path_safely() {
    let home = Home::new();
    let hostile_dir = format!("/tmp/{}\nsecond line", hostile("config"));
    for (var, value) in [("JGRID_CONFIG", format!("{hostile_dir}/config.toml")), ("XDG_CONFIG_HOME", hostile_dir)] {
        let o = home.command(&["--print-config-path"]).env_remove("JGRID_CONFIG").env(var, &value).output().unwrap();
        assert_no_controls(&format!("--print-config-path with {var}"), &o.stdout, false);
        assert_no_controls(&format!("--print-config-path with {var} (stderr)"), &o.stderr, false);
        assert_eq!(stdout(&o).lines().count(), 1, "{var}: one line, the newline shown as ␊: {}", stdout(&o));
        assert!(stdout(&o).contains("PWNconfig") && stdout(&o).contains("␊second line"), "{}", stdout(&o));
        assert_eq!(o.status.code(), Some(1), "{var}: the line printed is not the path");
        assert!(stderr(&o).contains("placeholders"), "{}", stderr(&o));
    }
    let plain = home.path().join("my config.toml");
    let o = home.command(&["--print-config-path"]).env("JGRID_CONFIG", &plain).output().unwrap();
    assert!(o.status.success());
    assert_eq!(stdout(&o), format!("{}\n", plain.display()));
}

// ---------------------------------------------------------------------------
// the TUI
// ---------------------------------------------------------------------------

/// Walk the hostile journey through every screen and prompt that shows text
/// from the file; nothing hostile may reach the terminal.
#[test]
fn the_tui_never_sends_a_hostile_sequence_from_the_file() {
    let home = Home::new();
    let path = write_hostile(&home, HOSTILE_FILE);
    let mut pty = home.start_on(&[&path], 120, 40);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.assert_screen_contains("PWN", TIMEOUT);
    // Highlight mode and its panel, flagged cells, zoom, edit mode, every
    // prompt that starts with a name from the file, search, a question, help.
    let steps = [
        ("H", "Highlight on"),
        ("]", "Flagged cell"),
        ("]]]", "Flagged cell"),
        ("z", "zoomed"),
        ("<Esc>", "NORMAL"),
        ("i", "EDIT"),
        ("<Esc>", "NORMAL"),
        ("r", ":phase rename"),
        ("<Esc>", "NORMAL"),
        ("G", "NORMAL"),
        ("R", ":row rename"),
        ("<Esc>", "NORMAL"),
        ("T", ":title"),
        ("<Esc>", "NORMAL"),
        ("W", ":persona"),
        ("<Esc>", "NORMAL"),
        ("/PWN", "/PWN"),
        ("<Enter>", "NORMAL"),
        ("n", "match"),
        ("X", "DELETE?"),
        ("n", "Nothing was deleted"),
        ("?", "HELP"),
        ("q", "NORMAL"),
        ("x", "[+] modified"),
    ];
    pty.walk(&steps, TIMEOUT);
    // A file changed on disk names the file in its dialog.
    let mut text = fs::read_to_string(&path).unwrap();
    text.push('\n');
    fs::write(&path, text).unwrap();
    pty.keys("<C-s>");
    pty.assert_screen_contains("File changed on disk", TIMEOUT);
    pty.keys("<Esc>");
    // A second jgrid gets the "already open" question naming the file.
    let mut second = home.start_on(&[&path], 120, 40);
    second.assert_screen_contains("Already open", TIMEOUT);
    second.keys("q");
    second.assert_exit_code(0, TIMEOUT);
    assert_tui_clean("second jgrid", &second.raw_output());
    // The quit question.
    pty.keys("q");
    pty.assert_screen_contains("QUIT?", TIMEOUT);
    adversarial::stop_with(&mut pty, "HUP");
    assert_tui_clean("jgrid on the hostile journey", &pty.raw_output());
    // The recover question names the file, too.
    let mut third = home.start_on(&[&path], 120, 40);
    third.assert_screen_contains("Unsaved changes found", TIMEOUT);
    third.keys("r");
    third.assert_screen_contains("Recovered", TIMEOUT);
    third.keys(":q!<Enter>");
    third.assert_exit_code(0, TIMEOUT);
    assert_tui_clean("recovering the hostile journey", &third.raw_output());
}

/// The checker the TUI tests rely on catches each hostile payload.
#[test]
fn the_tui_checker_catches_every_hostile_payload() {
    let payload = hostile("x");
    for piece in ["\u{1b}]0;PWNx", "\u{7}", "\u{9b}", "\u{202e}", "\u{2066}", "\u{1b}[31;42mPWN"] {
        assert!(payload.contains(piece));
        let raw = format!("\u{1b}[1;1Hsafe text {piece} more");
        let caught = std::panic::catch_unwind(|| assert_tui_clean("probe", raw.as_bytes()));
        assert!(caught.is_err(), "{piece:?} slipped through the checker");
    }
    assert_tui_clean("clean", "\u{1b}[1;1H\u{1b}[38;5;6m ␛]0;PWN␇ �2J".as_bytes());
    assert!(!adversarial::control_chars(payload.as_bytes(), false).is_empty());
    assert!(adversarial::control_chars(b"a\r\nb", true).is_empty());
    assert!(!adversarial::control_chars(b"a\rb\n", true).is_empty());
}

/// Text pasted into a cell or typed by an editor into it ends up in the file
/// and the screen; neither may carry it to the terminal raw.
#[cfg(unix)]
#[test]
fn the_tui_never_sends_hostile_text_from_a_paste_or_the_external_editor() {
    let home = Home::new();
    let bin = home.path().join("bin");
    fs::create_dir_all(&bin).unwrap();
    adversarial::script(
        &bin,
        "hostile-editor",
        "printf 'ed\\033]0;PWNed\\007\\302\\233\\342\\200\\256 end\\n' > \"$1\"",
    );
    let search_path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut pty = support::Pty::jgrid_builder()
        .arg(&home.file)
        .size(100, 30)
        .env("XDG_DATA_HOME", &home.data)
        .env("PATH", search_path)
        .env("EDITOR", "hostile-editor")
        .env("VISUAL", "")
        .spawn();
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("e");
    pty.assert_screen_contains("PWNed", TIMEOUT);
    pty.keys("j");
    pty.paste(&hostile("paste"));
    pty.assert_screen_contains("PWNpaste", TIMEOUT);
    pty.keys("<Esc>");
    pty.keys(":wq<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert_tui_clean("editor and paste", &pty.raw_output());
}
