//! The command-line commands, run as a user would from a shell.

mod support;

use std::fs;
use std::process::{Command, Output, Stdio};

use support::{Pty, TIMEOUT};

fn jgrid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jgrid")).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn help_and_version() {
    let o = jgrid(&["--help"]);
    assert!(o.status.success());
    for word in ["check", "export", "import", "new", "add", "completions", "man", "--recover-list"] {
        assert!(stdout(&o).contains(word), "--help lacks {word}");
    }
    let o = jgrid(&["--version"]);
    assert_eq!(stdout(&o).trim(), format!("jgrid {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn check_lists_findings_like_a_compiler_and_exits_1() {
    let o = jgrid(&["check", "journeys/broadband-moving-house.toml"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(
        "journeys/broadband-moving-house.toml: First bill / Need, Message: warning[unanswered-need]: In \"First bill\""
    ));
    assert!(out.trim_end().ends_with("1 journey checked: 5 warnings"), "{out}");
}

#[test]
fn check_json_parses_and_names_file_phase_and_rows() {
    let o = jgrid(&["check", "--format", "json", "journeys/bicycle-repair.toml", "journeys/building-permit.toml"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let all = v.as_array().unwrap();
    // 9 findings of the checks before walls (an empty cell a presence pair names is no
    // finding of its own), plus 2 walls in bicycle-repair and 1 in building-permit.
    assert_eq!(all.len(), 12);
    let first = &all[0];
    for key in ["file", "id", "severity", "phase", "rows", "message"] {
        assert!(first.get(key).is_some(), "no {key} in {first}");
    }
    assert_eq!(first["rows"], serde_json::json!(["Message"]));
}

#[test]
fn check_exits_0_when_clean_and_2_when_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.toml");
    fs::write(&clean, "format = 1\nrows = [\"Need\"]\n\n[[phase]]\nname = \"A\"\n\n[phase.cells]\nNeed = \"x\"\n")
        .unwrap();
    let o = jgrid(&["check", clean.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("No findings"));
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, "format = 1\nrows = [\"Need\"]\n\n[[phase]]\nname = \"A\"\n\n[phase.cells]\nNeeds = \"x\"\n")
        .unwrap();
    let o = jgrid(&["check", clean.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.toml:8:1: \"Needs\" is not one of the rows"), "{}", stderr(&o));
}

#[test]
fn new_then_add_then_open_shows_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("x.toml");
    let xs = x.to_str().unwrap();
    assert!(jgrid(&["new", xs, "--lang", "nl"]).status.success());
    let again = jgrid(&["new", xs]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"));
    let o = jgrid(&["add", xs, "--phase", "2", "--row", "boodschap", "Levering: 3 dagen"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(&x).unwrap();
    assert!(text.contains("name = \"Aankoop\"\n\n[phase.cells]\nBoodschap = \"Levering: 3 dagen\"\n"), "{text}");
    // A second note on the same cell is a new line.
    let mut child = Command::new(env!("CARGO_BIN_EXE_jgrid"))
        .args(["add", xs, "--phase", "aank", "--row", "Bood", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(b"from stdin\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!((stdout(&o), stderr(&o)), ("".into(), "jgrid: added to Aankoop / Boodschap\n".into()));
    let j = jgrid::store::load(&x).unwrap();
    assert_eq!(j.cell(jgrid::journey::CellRef::new(1, 2)), "Levering: 3 dagen\nfrom stdin");

    let mut pty = Pty::jgrid(&[xs], 80, 24, &[]);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("ljj");
    pty.assert_screen_contains("Levering: 3 dagen", TIMEOUT);
    pty.assert_screen_contains("Aankoop › Boodschap", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn add_names_the_valid_choices_on_a_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("x.toml");
    let xs = x.to_str().unwrap();
    assert!(jgrid(&["new", xs, "--phases", "Intake,Use,Exit"]).status.success());
    let o = jgrid(&["add", xs, "--phase", "Onboarding", "--row", "Need", "hi"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the phases are: 1 Intake, 2 Use, 3 Exit"), "{}", stderr(&o));
    let o = jgrid(&["new", dir.path().join("y.toml").to_str().unwrap(), "--phases", "A,A"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = jgrid(&["completions", shell]);
        assert!(o.status.success() && stdout(&o).contains("jgrid"), "{shell}");
    }
    let o = jgrid(&["man"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with(".ie") || stdout(&o).contains(".TH"), "{}", stdout(&o));
    // Every page jgrid(1) refers to is written by `man --dir`, into a folder made for it.
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("share/man/man1");
    let o = jgrid(&["man", "--dir", pages.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let main = std::fs::read_to_string(pages.join("jgrid.1")).unwrap();
    let cited: Vec<&str> = main.split("jgrid\\-").skip(1).map(|s| s.split('(').next().unwrap()).collect();
    assert!(cited.len() >= 10, "jgrid(1) cites its subcommands' pages: {cited:?}");
    for page in cited {
        let file = pages.join(format!("jgrid-{}.1", page.replace("\\-", "-")));
        assert!(file.exists(), "jgrid(1) cites {} but it was not written", file.display());
    }
}

#[test]
fn highlight_mode_in_the_tui_shows_the_same_counts_as_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.toml");
    fs::copy("journeys/broadband-moving-house.toml", &path).unwrap();
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 80, 24, &[("NO_COLOR", "1")]);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("H");
    pty.assert_screen_contains("5 warnings", TIMEOUT);
    // First bill / Message is the unanswered need: jump there with ] and type the missing message.
    pty.keys("]]]]]]]");
    pty.assert_screen_contains("First bill › Message", TIMEOUT);
    pty.assert_screen_contains("no message answers", TIMEOUT);
    pty.keys("i");
    pty.type_text("#portal first bill: explained in the app");
    pty.keys("<Esc>");
    pty.assert_screen_contains("4 warnings", TIMEOUT);
    pty.assert_screen_lacks("5 warnings", TIMEOUT);
    pty.keys(":q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn a_config_binding_ctrl_w_to_save_saves_and_help_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.toml");
    fs::copy("journeys/bicycle-repair.toml", &path).unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, "[keys.normal]\n\"ctrl-w\" = \"save\"\n").unwrap();
    let env = [("JGRID_CONFIG", config.to_str().unwrap())];
    let o = Command::new(env!("CARGO_BIN_EXE_jgrid")).arg("--print-config-path").envs(env).output().unwrap();
    assert_eq!(stdout(&o).trim(), config.to_str().unwrap());
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 100, 40, &env);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.assert_screen_contains("Ctrl-w save", TIMEOUT);
    pty.keys("?");
    pty.assert_screen_contains("Ctrl-w, Ctrl-s", TIMEOUT);
    pty.keys("<Esc>xix<Esc><C-w>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(fs::read_to_string(&path).unwrap().contains("Need = \"x\""));
}

#[test]
fn a_broken_config_is_reported_with_line_and_column_and_jgrid_still_starts() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, "theme = \"mono\"\n[keys.normal]\n\"ctrl-w\" = \"sav\"\n").unwrap();
    let env = [("JGRID_CONFIG", config.to_str().unwrap())];
    let mut pty = Pty::jgrid(&["journeys/bicycle-repair.toml"], 120, 30, &env);
    pty.assert_screen_contains("config.toml:3:12: unknown action \"sav\"", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

// ---------------------------------------------------------------- jgrid report

const REPORT_SAMPLE: &str = "journeys/broadband-moving-house.toml";

#[test]
fn report_on_the_sample_lists_the_most_cited_pain_first_and_everything_a_client_reads() {
    let o = jgrid(&["report", REPORT_SAMPLE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("# Moving house with broadband\n\n_Persona: Anna (34)"), "{md}");
    let pains = &md[md.find("## Pains").unwrap()..md.find("## Opportunities").unwrap()];
    let ranked: Vec<&str> =
        pains.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| #") && !l.starts_with("| ---")).collect();
    assert_eq!(ranked.len(), 4, "{pains}");
    assert!(ranked[0].starts_with("| 1 | waited 25 minutes on the phone | 3: @sara, @tom, @li |"), "{}", ranked[0]);
    assert!(ranked[0].ends_with("| Order move / Touchpoints<br>Support / Touchpoints |"), "{}", ranked[0]);
    assert!(ranked[3].contains("| 1: @sara |"), "the least cited last: {}", ranked[3]);
    for section in ["## Mood per phase", "## Opportunities", "## Open questions", "## Quotes", "## Open findings"] {
        assert!(md.contains(section), "no {section}");
    }
    assert!(md.contains("| 3 | Confirmation | -2 very unhappy |"));
    assert!(md.contains("| 6 | Support | unknown |"));
    assert!(md.contains("| First bill | Touchpoints, Organization, Systems |"), "unbacked cells by phase");
    assert!(md.contains(
        "| 4 | warning | `unanswered-need` | First bill | In \"First bill\", Need has text but Message is empty: no message answers the customer's need. |"
    ), "{md}");
}

#[test]
fn report_json_parses_and_ranks_the_same_way() {
    let o = jgrid(&["report", "--format", "json", REPORT_SAMPLE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["report"], 1);
    assert_eq!(v["pains"][0]["text"], "waited 25 minutes on the phone");
    assert_eq!(v["pains"][0]["sources"], serde_json::json!(["sara", "tom", "li"]));
    assert_eq!(v["moods"][5], serde_json::json!({"phase": "Support", "mood": null}));
    assert_eq!(v["findings"].as_array().unwrap().len(), 5);
    assert_eq!(v["evidence"]["sources"], serde_json::json!(["sara", "tom", "li"]));
    assert!(!v["unbacked"].as_array().unwrap().is_empty());
}

#[test]
fn report_writes_to_a_file_with_o_and_replaces_an_earlier_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    fs::write(&out, "old report").unwrap();
    let o = jgrid(&["report", REPORT_SAMPLE, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing on stdout with -o");
    assert_eq!(fs::read_to_string(&out).unwrap(), stdout(&jgrid(&["report", REPORT_SAMPLE])));
    let o = jgrid(&["report", REPORT_SAMPLE, "-o", dir.path().join("no/such/dir/r.md").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
}

#[test]
fn an_unreadable_journey_is_named_with_line_and_column_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, "format = 1\nrows = [\"Need\"]\n\n[[phase]]\nname = \"A\"\nmood = 5\n").unwrap();
    let o = jgrid(&["report", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(err.starts_with(&format!("jgrid: {}:6:", bad.display())), "{err}");
    let o = jgrid(&["report", dir.path().join("missing.toml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
    let o = jgrid(&["report", "--format", "pdf", REPORT_SAMPLE]);
    assert_eq!(o.status.code(), Some(2), "clap refuses an unknown format");
    assert!(stderr(&o).contains("markdown") && stderr(&o).contains("json"), "{}", stderr(&o));
}

#[test]
fn hostile_text_in_a_journey_reaches_no_output_raw() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.toml");
    let text = fs::read_to_string(REPORT_SAMPLE).unwrap().replacen(
        "Working internet on moving day",
        "! title \\u001B]0;pwned\\u0007 and \\u001B[31mred\\u009B\\u202E @sara",
        1,
    );
    fs::write(&file, text).unwrap();
    for format in ["markdown", "json"] {
        let o = jgrid(&["report", "--format", format, file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(!out.chars().any(|c| c != '\n' && (c.is_control() || c == '\u{202e}')), "{format}: {out:?}");
        assert!(out.contains("pwned"), "{format}");
    }
}
