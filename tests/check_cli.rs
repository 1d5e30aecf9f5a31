//! `jgrid check` with accepted findings, `--all`, JSON and exit codes, and the
//! interview sample's findings exactly as journeys/DELIBERATE.txt lists them.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const SAMPLE: &str = "journeys/energy-switch-interview.toml";

fn jgrid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jgrid")).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("jgrid writes UTF-8")
}

fn json(o: &Output) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&stdout(o)).unwrap().as_array().unwrap().clone()
}

/// (phase or "(journey)", rows, check id, accepted) of one finding.
type Listed = (String, String, String, bool);

/// The sample's lines in DELIBERATE.txt before "Must NOT be flagged".
fn deliberate() -> BTreeSet<Listed> {
    let text = fs::read_to_string("journeys/DELIBERATE.txt").unwrap();
    let meant = text.split("Must NOT be flagged:").next().unwrap();
    let prefix = "energy-switch-interview.toml: ";
    let mut out = BTreeSet::new();
    for line in meant.lines().filter_map(|l| l.strip_prefix(prefix)) {
        let (what, _why) = line.split_once(" - ").unwrap();
        let (place, check) = what.rsplit_once(": ").unwrap();
        let (check, accepted) = match check.strip_suffix(" (accepted)") {
            Some(c) => (c, true),
            None => (check, false),
        };
        let (phase, rows) = place.split_once(" / ").unwrap_or((place, ""));
        out.insert((phase.to_owned(), rows.to_owned(), check.to_owned(), accepted));
    }
    out
}

#[test]
fn the_interview_sample_gives_exactly_the_findings_deliberate_lists() {
    let expected = deliberate();
    assert_eq!(expected.len(), 6, "{expected:?}");
    let o = jgrid(&["check", "--all", "--format", "json", SAMPLE]);
    assert_eq!(o.status.code(), Some(1));
    let found: BTreeSet<Listed> = json(&o)
        .iter()
        .map(|f| {
            let rows: Vec<&str> = f["rows"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
            let phase = f["phase"].as_str().unwrap_or("(journey)").to_owned();
            (phase, rows.join(", "), f["id"].as_str().unwrap().to_owned(), f["accepted"].as_bool().unwrap())
        })
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn check_leaves_accepted_findings_out_and_all_marks_them() {
    let o = jgrid(&["check", SAMPLE]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(!out.contains("accepted:"), "{out}");
    assert!(!out.contains("channel-without-owner"), "{out}");
    assert!(out.contains(&format!("{SAMPLE}: info[unsorted-notes]: The inbox holds 1 note")), "{out}");
    assert!(out.trim_end().ends_with("1 journey checked: 2 warnings · 2 info · 2 accepted"), "{out}");
    let all = stdout(&jgrid(&["check", "--all", SAMPLE]));
    assert_eq!(all.lines().count(), out.lines().count() + 2);
    assert!(
        all.contains(&format!(
            "{SAMPLE}: Sign / Touchpoints, Organization: warning[channel-without-owner] (accepted: Sara cannot know \
             who runs the sign-up form; ask at the staff workshop): In \"Sign\", Touchpoints has #web"
        )),
        "{all}"
    );
    let listed = json(&jgrid(&["check", "--format", "json", SAMPLE]));
    assert_eq!(listed.len(), 4);
    assert!(listed.iter().all(|f| f["accepted"] == false && f.get("reason").is_none()));
    let conflict = &listed[0];
    assert_eq!(conflict["subjects"], serde_json::json!(["switch time"]));
    let all = json(&jgrid(&["check", "--all", "--format", "json", SAMPLE]));
    let accepted: Vec<_> = all.iter().filter(|f| f["accepted"] == true).collect();
    assert_eq!(accepted.len(), 2);
    assert_eq!(accepted[1]["subjects"], serde_json::json!(["app"]));
    assert!(accepted[1]["reason"].as_str().unwrap().starts_with("white-label app"));
    let unsorted = all.iter().find(|f| f["id"] == "unsorted-notes").unwrap();
    assert_eq!((unsorted["phase"].is_null(), unsorted["rows"].as_array().unwrap().len()), (true, 0));
}

/// A one-phase journey whose only finding is channel-without-owner for #fax.
fn journey_with(dir: &Path, accepted: &str) -> String {
    let path = dir.join("j.toml");
    let text = format!(
        "format = 1\ntitle = \"T\"\npersona = \"P\"\nrows = [\"Need\", \"Touchpoints\", \"Message\", \"Organization\", \
         \"Systems\"]\n{accepted}\n[[phase]]\nname = \"Ask\"\n\n[phase.cells]\nNeed = \"x\"\nTouchpoints = \
         \"#web\\n#fax\"\nMessage = \"#web fee: 5\"\nOrganization = \"Web team owns #web\"\nSystems = \"CMS serves \
         #web and #fax\"\n"
    );
    fs::write(&path, text).unwrap();
    path.display().to_string()
}

const FAX: &str = "\n[[accepted]]\ncheck = \"channel-without-owner\"\nphase = \"Ask\"\nrows = [\"Touchpoints\", \
                   \"Organization\"]\nsubject = \"FAX\"\nreason = \"nobody owns the fax, on purpose\"\n";

#[test]
fn exit_0_when_only_accepted_findings_remain_and_1_when_the_acceptance_is_stale() {
    let dir = tempfile::tempdir().unwrap();
    let open = journey_with(dir.path(), "");
    let o = jgrid(&["check", &open]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("warning[channel-without-owner]"));
    let accepted = journey_with(dir.path(), FAX);
    let o = jgrid(&["check", &accepted]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "1 journey checked: No findings · 1 accepted\n");
    let o = jgrid(&["check", "--all", &accepted]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("warning[channel-without-owner] (accepted: nobody owns the fax, on purpose): "));
    // Renaming the phase leaves the acceptance naming nothing: the finding is back, and the acceptance is stale.
    let stale = fs::read_to_string(&accepted).unwrap().replace("name = \"Ask\"", "name = \"Asking\"");
    fs::write(&accepted, stale).unwrap();
    let o = jgrid(&["check", &accepted]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("warning[channel-without-owner]"), "{out}");
    assert!(
        out.contains(
            ": info[stale-acceptance]: The accepted channel-without-owner #FAX in \"Ask\" (Touchpoints, Organization) \
             (\"nobody owns the fax, on purpose\") no longer occurs"
        ),
        "{out}"
    );
    assert!(out.trim_end().ends_with("1 journey checked: 1 warning · 1 info"), "{out}");
}

#[test]
fn no_control_character_from_a_file_reaches_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let reason = "\\u001b[31mred\\u009b2J\\u202eevil\\u0007";
    let fax = FAX.replace("nobody owns the fax, on purpose", reason);
    let path = journey_with(dir.path(), &fax);
    let text = fs::read_to_string(&path).unwrap().replace("name = \"Ask\"", "name = \"A\\u001b]0;x\\u0007sk\"");
    fs::write(&path, text).unwrap();
    let bad = |s: &str| s.chars().any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c));
    for args in [vec!["check", "--all", &path], vec!["check", "--all", "--format", "json", &path]] {
        let o = jgrid(&args);
        assert!(o.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&o.stderr));
        let out = stdout(&o);
        assert!(out.contains("red") && out.contains("sk"), "{out}");
        assert!(!bad(&out), "{out:?}");
    }
}

#[test]
fn an_unreadable_file_is_counted_in_the_summary_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "format = 1\nrows = [\n").unwrap();
    let o = jgrid(&["check", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "0 journeys checked (1 could not be read): No findings\n");
    let sample = env!("CARGO_MANIFEST_DIR").to_owned() + "/journeys/bicycle-repair.toml";
    let o = jgrid(&["check", &sample, broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).lines().last().unwrap().starts_with("1 journey checked (1 could not be read): "),
        "{}",
        stdout(&o)
    );
}
