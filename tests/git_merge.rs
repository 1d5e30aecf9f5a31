//! Journeys in git, as a team would use them: two branches edit one journey
//! and `git merge` joins them, once with git's own merge and once after
//! `jgrid git-setup`. Every scenario counts the conflicts both leave; the
//! table is printed (`cargo test --test git_merge -- --nocapture`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jgrid::journey::{Axis, CellRef, Change, Journey, Note, Unresolved, Version};
use jgrid::merge::{Side, blocks, parse_inline, take};

const BASE: &str = r##"format = 1
title = "Moving house with broadband"
persona = "Anna (34), moves to a new flat"
rows = ["Need", "Touchpoints", "Message", "Organization", "Systems"]

[[phase]]
name = "Orientation"

[phase.cells]
Need = "Working internet on moving day"
Touchpoints = """
#web plan comparison
#shop advice"""
Message = """
#web fast plans from 10 EUR
#shop advice on the right plan"""
Organization = "Marketing owns #web and #shop"
Systems = "CMS serves #web and #shop"

[[phase]]
name = "Purchase"

[phase.cells]
Need = "Order without paperwork"
Touchpoints = "#web checkout"
Message = "#web order in five minutes"
Organization = "Marketing owns #web"
Systems = "CMS serves #web"

[[phase]]
name = "Delivery"

[phase.cells]
Need = "Know the installation date"
Touchpoints = "#mail date confirmation"
Message = "#mail your date and time"
Organization = "Logistics owns #mail"
Systems = "CRM sends #mail"
"##;

const NEED: usize = 0;
const TOUCH: usize = 1;

fn jgrid_bin() -> &'static str {
    env!("CARGO_BIN_EXE_jgrid")
}

/// A command with no global or system git config, so nothing of the
/// machine's own settings (a conflict style, a global attributes file) counts.
fn command(program: &str, dir: &Path) -> Command {
    let mut c = Command::new(program);
    c.current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    c
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    command(program, dir).args(args).output().unwrap()
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, "git", args);
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn base() -> Journey {
    jgrid::format::parse(BASE.as_bytes()).unwrap()
}

fn set(j: &mut Journey, phase: usize, row: usize, text: &str) {
    Change::SetCell { at: CellRef::new(phase, row), text: text.into() }.apply(j).unwrap();
}

fn append(j: &mut Journey, phase: usize, row: usize, line: &str) {
    let text = format!("{}\n{line}", j.cell(CellRef::new(phase, row)));
    set(j, phase, row, &text);
}

fn cell<'a>(j: &'a Journey, phase: &str, row: &str) -> &'a str {
    let p = j.phase_index(phase).unwrap_or_else(|| panic!("no phase {phase} in {:?}", j.phases()));
    j.cell(CellRef::new(p, j.row_index(row).unwrap()))
}

fn names(j: &Journey) -> Vec<&str> {
    j.phases().iter().map(|p| p.name.as_str()).collect()
}

fn note(text: &str, at: &str) -> Note {
    Note { text: text.into(), source: Some("sara".into()), at: at.into() }
}

/// What `git merge` left behind.
struct Merge {
    /// `git merge` succeeded.
    clean: bool,
    /// Conflicts in the file: git's marker blocks, or jgrid's blocks and inline ones.
    conflicts: usize,
    /// The merged journey, when the file still opens.
    journey: Option<Journey>,
    dir: tempfile::TempDir,
}

/// A fresh repository (with `jgrid git-setup` run from a subfolder, or not)
/// holding `journey.toml` as `base` on main.
fn repository(base: &Journey, with_jgrid: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.name", "Anna"]);
    git(d, &["config", "user.email", "anna@example.com"]);
    git(d, &["config", "commit.gpgsign", "false"]);
    if with_jgrid {
        fs::create_dir(d.join("journeys")).unwrap();
        let setup = run(&d.join("journeys"), jgrid_bin(), &["git-setup"]);
        assert!(setup.status.success(), "{}", text(&setup));
    }
    commit(d, base, "base");
    dir
}

fn commit(d: &Path, j: &Journey, message: &str) {
    fs::write(d.join("journey.toml"), jgrid::format::to_toml(j)).unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", message]);
}

/// Commit `base` on main, `theirs` on a branch, `ours` on main, and merge the
/// branch; with `jgrid git-setup` run first or not.
fn merge(base: &Journey, ours: &Journey, theirs: &Journey, with_jgrid: bool) -> Merge {
    let dir = repository(base, with_jgrid);
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "theirs"]);
    commit(d, theirs, "theirs");
    git(d, &["checkout", "-q", "main"]);
    commit(d, ours, "ours");
    let out = run(d, "git", &["merge", "--no-edit", "theirs"]);
    let merged = fs::read_to_string(d.join("journey.toml")).unwrap();
    let journey = jgrid::format::parse(merged.as_bytes()).ok();
    let conflicts = match (&journey, with_jgrid) {
        (Some(j), true) => jgrid_conflicts(j),
        _ => merged.lines().filter(|l| l.starts_with("<<<<<<<")).count(),
    };
    Merge { clean: out.status.success(), conflicts, journey, dir }
}

/// Conflicts written into a journey: blocks in cells, inline in names, title, persona.
fn jgrid_conflicts(j: &Journey) -> usize {
    let cells: usize = (0..j.phase_count())
        .flat_map(|p| (0..j.row_count()).map(move |r| CellRef::new(p, r)))
        .map(|at| blocks(j.cell(at)).len())
        .sum();
    let inline = j.phases().iter().map(|p| p.name.as_str()).chain(j.rows().iter().map(String::as_str));
    let inline = inline.chain([j.title.as_str(), j.persona.as_str()]).filter(|v| parse_inline(v).is_some()).count();
    cells + inline + j.unresolved.len()
}

/// One everyday scenario: the two sides' edits, and what must hold after jgrid's merge.
struct Scenario {
    name: &'static str,
    ours: fn(&mut Journey),
    theirs: fn(&mut Journey),
    /// Conflicts jgrid must leave.
    conflicts: usize,
    check: fn(&Journey),
}

fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario {
            name: "edit different cells",
            ours: |j| set(j, 0, NEED, "Working internet from the first evening"),
            theirs: |j| set(j, 2, TOUCH, "#sms date confirmation"),
            conflicts: 0,
            check: |j| {
                assert_eq!(cell(j, "Orientation", "Need"), "Working internet from the first evening");
                assert_eq!(cell(j, "Delivery", "Touchpoints"), "#sms date confirmation");
            },
        },
        Scenario {
            name: "append notes to the same cell",
            ours: |j| append(j, 0, TOUCH, "#phone sales line"),
            theirs: |j| append(j, 0, TOUCH, "#chat bot"),
            conflicts: 0,
            check: |j| {
                let want = "#web plan comparison\n#shop advice\n#phone sales line\n#chat bot";
                assert_eq!(cell(j, "Orientation", "Touchpoints"), want);
            },
        },
        Scenario {
            name: "edit different lines of one cell",
            ours: |j| set(j, 0, TOUCH, "#web plan comparison tool\n#shop advice"),
            theirs: |j| set(j, 0, TOUCH, "#web plan comparison\n#shop advice by appointment"),
            conflicts: 0,
            check: |j| {
                let want = "#web plan comparison tool\n#shop advice by appointment";
                assert_eq!(cell(j, "Orientation", "Touchpoints"), want);
            },
        },
        Scenario {
            name: "rename a phase / edit it",
            ours: |j| {
                Change::RenamePhase { at: 1, name: "Ordering".into() }.apply(j).unwrap();
            },
            theirs: |j| append(j, 1, NEED, "! the form asks for the meter number"),
            conflicts: 0,
            check: |j| {
                assert_eq!(names(j), ["Orientation", "Ordering", "Delivery"]);
                assert_eq!(
                    cell(j, "Ordering", "Need"),
                    "Order without paperwork\n! the form asks for the meter number"
                );
            },
        },
        Scenario {
            name: "both add a phase",
            ours: |j| {
                Change::InsertPhase { at: 2, name: "Payment".into(), mood: Some(-1), cells: vec!["Pay once".into()] }
                    .apply(j)
                    .unwrap();
            },
            theirs: |j| {
                Change::InsertPhase { at: 3, name: "Use".into(), mood: None, cells: vec!["Stable line".into()] }
                    .apply(j)
                    .unwrap();
            },
            conflicts: 0,
            check: |j| {
                assert_eq!(names(j), ["Orientation", "Purchase", "Payment", "Delivery", "Use"]);
                assert_eq!(cell(j, "Payment", "Need"), "Pay once");
                assert_eq!(cell(j, "Use", "Need"), "Stable line");
            },
        },
        Scenario {
            name: "both add a phase at the same place",
            ours: |j| {
                Change::InsertPhase { at: 2, name: "Payment".into(), mood: None, cells: vec!["Pay once".into()] }
                    .apply(j)
                    .unwrap();
            },
            theirs: |j| {
                Change::InsertPhase { at: 2, name: "Contract".into(), mood: None, cells: vec!["Sign online".into()] }
                    .apply(j)
                    .unwrap();
            },
            conflicts: 0,
            check: |j| assert_eq!(names(j), ["Orientation", "Purchase", "Payment", "Contract", "Delivery"]),
        },
        Scenario {
            name: "both capture inbox notes",
            ours: |j| j.inbox.push(note("chat bot could not change the address", "2026-12-01T14:03:12Z")),
            theirs: |j| {
                j.inbox.push(note("router arrived a day late", "2026-12-01T13:00:00Z"));
                j.inbox.push(note("wants one bill", "2026-12-01T15:30:00Z"));
            },
            conflicts: 0,
            check: |j| {
                let texts: Vec<&str> = j.inbox.iter().map(|n| n.text.as_str()).collect();
                assert_eq!(
                    texts,
                    ["router arrived a day late", "chat bot could not change the address", "wants one bill"]
                );
            },
        },
        Scenario {
            name: "move a phase / edit it",
            ours: |j| {
                Change::MovePhase { from: 2, to: 0 }.apply(j).unwrap();
            },
            theirs: |j| append(j, 2, TOUCH, "#sms on the day"),
            conflicts: 0,
            check: |j| {
                assert_eq!(names(j), ["Delivery", "Orientation", "Purchase"]);
                assert_eq!(cell(j, "Delivery", "Touchpoints"), "#mail date confirmation\n#sms on the day");
            },
        },
        Scenario {
            name: "rename a row / edit it",
            ours: |j| {
                Change::RenameRow { at: 0, name: "Customer need".into() }.apply(j).unwrap();
            },
            theirs: |j| append(j, 2, NEED, "Someone at home that day"),
            conflicts: 0,
            check: |j| {
                assert_eq!(
                    cell(j, "Delivery", "Customer need"),
                    "Know the installation date\nSomeone at home that day"
                );
            },
        },
        Scenario {
            name: "same line changed two ways",
            ours: |j| set(j, 1, NEED, "Order in one go"),
            theirs: |j| set(j, 1, NEED, "Order without any paperwork"),
            conflicts: 1,
            check: |j| {
                let want = "<<<<<<< ours\nOrder in one go\n=======\nOrder without any paperwork\n>>>>>>> theirs";
                assert_eq!(cell(j, "Purchase", "Need"), want);
            },
        },
        Scenario {
            name: "delete a phase / edit it",
            ours: |j| {
                Change::RemovePhase { at: 2 }.apply(j).unwrap();
            },
            theirs: |j| append(j, 2, TOUCH, "#sms on the day"),
            conflicts: 2,
            check: |j| {
                let want = "<<<<<<< ours (deleted this phase)\n=======\n#mail date confirmation\n#sms on the day\n>>>>>>> theirs";
                assert_eq!(cell(j, "Delivery", "Touchpoints"), want);
                assert_eq!(cell(j, "Delivery", "Need"), "Know the installation date");
                let by = Version::Ours;
                assert_eq!(j.unresolved, [Unresolved::Deleted { axis: Axis::Phase, name: "Delivery".into(), by }]);
            },
        },
        Scenario {
            name: "rename a phase two ways",
            ours: |j| {
                Change::RenamePhase { at: 1, name: "Ordering".into() }.apply(j).unwrap();
            },
            theirs: |j| {
                Change::RenamePhase { at: 1, name: "Buying".into() }.apply(j).unwrap();
            },
            conflicts: 1,
            check: |j| assert_eq!(names(j)[1], "<<<<<<< Ordering ======= Buying >>>>>>>"),
        },
        Scenario {
            name: "change a mood two ways",
            ours: |j| {
                Change::SetMood { phase: 1, mood: Some(1) }.apply(j).unwrap();
            },
            theirs: |j| {
                Change::SetMood { phase: 1, mood: Some(-2) }.apply(j).unwrap();
            },
            conflicts: 1,
            check: |j| {
                assert_eq!(j.phases()[1].mood, Some(1));
                assert_eq!(j.unresolved, [Unresolved::Mood { phase: "Purchase".into(), theirs: Some(-2) }]);
            },
        },
        Scenario {
            name: "delete a phase / give it a mood",
            ours: |j| {
                Change::RemovePhase { at: 2 }.apply(j).unwrap();
            },
            theirs: |j| {
                Change::SetMood { phase: 2, mood: Some(-1) }.apply(j).unwrap();
            },
            conflicts: 1,
            check: |j| {
                assert_eq!(names(j), ["Orientation", "Purchase", "Delivery"]);
                assert_eq!(j.phases()[2].mood, Some(-1));
                let by = Version::Ours;
                assert_eq!(j.unresolved, [Unresolved::Deleted { axis: Axis::Phase, name: "Delivery".into(), by }]);
            },
        },
        Scenario {
            name: "move the same phase two ways",
            ours: |j| {
                Change::MovePhase { from: 2, to: 0 }.apply(j).unwrap();
            },
            theirs: |j| {
                Change::MovePhase { from: 2, to: 1 }.apply(j).unwrap();
            },
            conflicts: 1,
            check: |j| {
                assert_eq!(names(j), ["Delivery", "Orientation", "Purchase"]);
                let theirs = vec!["Orientation".to_owned(), "Delivery".to_owned(), "Purchase".to_owned()];
                assert_eq!(j.unresolved, [Unresolved::Order { axis: Axis::Phase, theirs }]);
            },
        },
    ]
}

#[test]
fn git_merge_with_jgrid_conflicts_only_where_the_same_thing_changed_two_ways() {
    let mut table = vec!["| scenario | git's own merge | jgrid merge |".to_owned(), "|---|---|---|".to_owned()];
    for s in scenarios() {
        let b = base();
        let (mut o, mut t) = (b.clone(), b.clone());
        (s.ours)(&mut o);
        (s.theirs)(&mut t);
        let plain = merge(&b, &o, &t, false);
        let with = merge(&b, &o, &t, true);
        let opens = if plain.journey.is_some() { "" } else { ", file does not open" };
        table.push(format!("| {} | {}{opens} | {} |", s.name, plain.conflicts, with.conflicts));
        assert_eq!(with.conflicts, s.conflicts, "{}", s.name);
        assert_eq!(with.clean, s.conflicts == 0, "{}: git merge exit", s.name);
        let j = with.journey.as_ref().unwrap_or_else(|| panic!("{}: the merged file does not open", s.name));
        (s.check)(j);
        if with.clean {
            let status = git(with.dir.path(), &["status", "--porcelain"]);
            assert_eq!(text(&status), "", "{}: the merge is committed", s.name);
        }
    }
    eprintln!("{}", table.join("\n"));
}

#[test]
fn a_true_conflict_stops_git_opens_in_jgrid_and_resolves_to_a_clean_check() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    set(&mut o, 1, NEED, "Order in one go");
    set(&mut t, 1, NEED, "Order without any paperwork");
    let m = merge(&b, &o, &t, true);
    assert!(!m.clean, "git merge stops");
    let d = m.dir.path();
    let status = text(&git(d, &["status", "--porcelain"]));
    assert_eq!(status.trim(), "UU journey.toml");
    let check = run(d, jgrid_bin(), &["check", "journey.toml"]);
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(text(&check).contains("journey.toml: Purchase / Need: warning[merge-conflict]:"), "{}", text(&check));
    // What `:take ours` does in the editor.
    let mut j = m.journey.unwrap();
    let at = CellRef::new(1, NEED);
    let resolved = take(j.cell(at), Side::Ours);
    set(&mut j, 1, NEED, &resolved);
    fs::write(d.join("journey.toml"), jgrid::format::to_toml(&j)).unwrap();
    let check = run(d, jgrid_bin(), &["check", "journey.toml"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert_eq!(j.cell(at), "Order in one go");
    git(d, &["commit", "-q", "-am", "merged"]);
}

#[test]
fn git_diff_shows_the_edited_cell_by_phase_and_row() {
    let b = base();
    let dir = repository(&b, true);
    let d = dir.path();
    let mut j = b.clone();
    set(&mut j, 2, TOUCH, "#mail date confirmation\n#sms reminder the day before");
    set(&mut j, 0, NEED, "Working internet from the first evening");
    fs::write(d.join("journey.toml"), jgrid::format::to_toml(&j)).unwrap();
    let out = git(d, &["diff"]);
    assert_eq!(
        text(&out),
        "diff --jgrid a/journey.toml b/journey.toml\n\
         Orientation › Need\n-Working internet on moving day\n+Working internet from the first evening\n\
         Delivery › Touchpoints\n+#sms reminder the day before\n"
    );
    git(d, &["commit", "-q", "-am", "edit"]);
    let log = text(&git(d, &["log", "-p", "--ext-diff", "-1"]));
    assert!(log.contains("Orientation › Need\n-Working internet on moving day\n"), "{log}");
}

#[test]
fn git_setup_is_idempotent_keeps_other_attributes_and_refuses_outside_a_repository() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let outside = run(d, jgrid_bin(), &["git-setup"]);
    assert_eq!(outside.status.code(), Some(2));
    assert!(text(&outside).contains("not inside a git repository"), "{}", text(&outside));
    assert!(!d.join(".gitattributes").exists());
    git(d, &["init", "-q"]);
    fs::write(d.join(".gitattributes"), "*.png binary").unwrap();
    fs::create_dir(d.join("sub")).unwrap();
    let first = run(&d.join("sub"), jgrid_bin(), &["git-setup", "journeys/*.toml"]);
    assert!(first.status.success(), "{}", text(&first));
    assert!(text(&first).contains(".gitattributes: added \"journeys/*.toml merge=jgrid diff=jgrid\""));
    let second = run(d, jgrid_bin(), &["git-setup", "journeys/*.toml"]);
    assert!(text(&second).contains("already has"), "{}", text(&second));
    assert!(!text(&second).contains(" = \""), "nothing set twice: {}", text(&second));
    let attributes = fs::read_to_string(d.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "*.png binary\njourneys/*.toml merge=jgrid diff=jgrid\n");
    let driver = text(&git(d, &["config", "--get", "merge.jgrid.driver"]));
    let exe = fs::canonicalize(PathBuf::from(jgrid_bin())).unwrap();
    assert_eq!(driver.trim(), format!("'{}' merge %O %A %B --path %P", exe.display()));
    let diff = text(&git(d, &["config", "--get", "diff.jgrid.command"]));
    assert_eq!(diff.trim(), format!("'{}' diff", exe.display()));
}

#[test]
fn a_version_that_does_not_load_is_merged_line_by_line_and_a_missing_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ours = BASE.replace("Order without paperwork", "Order fast");
    fs::write(d.join("base.toml"), BASE).unwrap();
    fs::write(d.join("ours.toml"), &ours).unwrap();
    // Theirs does not load: its text must still be in the result, and git must stop.
    let theirs = BASE.replace("Order without paperwork", "Order online").replace("name = \"Delivery\"", "name = ");
    fs::write(d.join("theirs.toml"), &theirs).unwrap();
    let out = run(d, jgrid_bin(), &["merge", "base.toml", "ours.toml", "theirs.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).starts_with("jgrid: theirs.toml:31:8: string values must be quoted"), "{}", text(&out));
    assert!(text(&out).contains("theirs is not a journey jgrid can read, so the file was merged line by line"));
    let merged = fs::read_to_string(d.join("ours.toml")).unwrap();
    assert!(
        merged.contains("<<<<<<< ours\nNeed = \"Order fast\"\n=======\nNeed = \"Order online\"\n>>>>>>> theirs\n"),
        "{merged}"
    );
    assert!(merged.contains("\nname = \n"), "theirs' other change is there too: {merged}");
    fs::write(d.join("ours.toml"), &ours).unwrap();
    let out = run(d, jgrid_bin(), &["merge", "missing.toml", "ours.toml", "base.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(d.join("ours.toml")).unwrap(), ours, "nothing written when an input is missing");
    // With -o the result goes elsewhere and OURS stays as it is.
    fs::write(d.join("theirs.toml"), BASE.replace("Know the installation date", "Know the date")).unwrap();
    let out = run(d, jgrid_bin(), &["merge", "base.toml", "ours.toml", "theirs.toml", "-o", "out.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let merged = fs::read_to_string(d.join("out.toml")).unwrap();
    assert!(merged.contains("Need = \"Order fast\"") && merged.contains("Need = \"Know the date\""), "{merged}");
    assert_eq!(fs::read_to_string(d.join("ours.toml")).unwrap(), BASE.replace("Order without paperwork", "Order fast"));
}

#[test]
fn labels_name_the_sides_in_the_markers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("base.toml"), BASE).unwrap();
    fs::write(d.join("ours.toml"), BASE.replace("Order without paperwork", "Order fast")).unwrap();
    fs::write(d.join("theirs.toml"), BASE.replace("Order without paperwork", "Order online")).unwrap();
    let args =
        ["merge", "base.toml", "ours.toml", "theirs.toml", "--label-ours", "HEAD", "--label-theirs", "anna\u{1b}[2J"];
    let out = run(d, jgrid_bin(), &args);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("Purchase › Need: the same lines changed in two ways"), "{}", text(&out));
    let merged = jgrid::format::parse(&fs::read(d.join("ours.toml")).unwrap()).unwrap();
    assert_eq!(cell(&merged, "Purchase", "Need"), "<<<<<<< HEAD\nOrder fast\n=======\nOrder online\n>>>>>>> anna [2J");
}

#[test]
fn the_driver_changes_nothing_when_one_side_or_both_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let b = base();
    fs::write(d.join("base.toml"), BASE).unwrap();
    for s in scenarios() {
        for edit in [s.ours, s.theirs] {
            let mut x = b.clone();
            edit(&mut x);
            let x_text = jgrid::format::to_toml(&x);
            fs::write(d.join("x.toml"), &x_text).unwrap();
            fs::write(d.join("base-copy.toml"), BASE).unwrap();
            for (args, what) in [
                (["merge", "base.toml", "x.toml", "base.toml", "-o", "out.toml"], "merge(b, x, b)"),
                (["merge", "base.toml", "base.toml", "x.toml", "-o", "out.toml"], "merge(b, b, x)"),
                (["merge", "x.toml", "x.toml", "x.toml", "-o", "out.toml"], "merge(x, x, x)"),
                (["merge", "base.toml", "x.toml", "x.toml", "-o", "out.toml"], "merge(b, x, x)"),
            ] {
                let out = run(d, jgrid_bin(), &args);
                assert_eq!(out.status.code(), Some(0), "{}: {what}: {}", s.name, text(&out));
                assert_eq!(fs::read_to_string(d.join("out.toml")).unwrap(), x_text, "{}: {what}", s.name);
            }
            // As git calls it: OURS is left byte for byte when the merge is OURS.
            let out = run(d, jgrid_bin(), &["merge", "base-copy.toml", "x.toml", "base-copy.toml"]);
            assert_eq!(out.status.code(), Some(0));
            assert_eq!(fs::read_to_string(d.join("x.toml")).unwrap(), x_text);
        }
    }
}

#[test]
fn other_toml_files_matched_by_the_pattern_merge_line_by_line_like_git() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("base"), "[package]\nname = \"x\"\nversion = \"1.0.0\"\nedition = \"2024\"\n").unwrap();
    fs::write(d.join("ours"), "[package]\nname = \"x\"\nversion = \"1.1.0\"\nedition = \"2024\"\n").unwrap();
    fs::write(
        d.join("theirs"),
        "[package]\nname = \"x\"\nversion = \"1.0.0\"\nedition = \"2024\"\nlicense = \"MIT\"\n",
    )
    .unwrap();
    let out = run(d, jgrid_bin(), &["merge", "base", "ours", "theirs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let want = "[package]\nname = \"x\"\nversion = \"1.1.0\"\nedition = \"2024\"\nlicense = \"MIT\"\n";
    assert_eq!(fs::read_to_string(d.join("ours")).unwrap(), want);
    fs::write(d.join("ours"), "[package]\nname = \"x\"\nversion = \"2.0.0\"\nedition = \"2024\"\n").unwrap();
    fs::write(d.join("theirs"), "[package]\nname = \"x\"\nversion = \"1.2.0\"\nedition = \"2024\"\n").unwrap();
    let out = run(d, jgrid_bin(), &["merge", "base", "ours", "theirs"]);
    assert_eq!(out.status.code(), Some(1));
    let merged = fs::read_to_string(d.join("ours")).unwrap();
    assert!(
        merged.contains("<<<<<<< ours\nversion = \"2.0.0\"\n=======\nversion = \"1.2.0\"\n>>>>>>> theirs\n"),
        "{merged}"
    );
}

#[test]
fn jgrid_diff_exits_like_diff_and_serves_git_for_new_files_and_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("old.toml"), BASE).unwrap();
    fs::write(d.join("new.toml"), BASE.replace("\"#web checkout\"", "\"#web checkout\\n#phone\"")).unwrap();
    let same = run(d, jgrid_bin(), &["diff", "old.toml", "old.toml"]);
    assert_eq!((same.status.code(), text(&same).as_str()), (Some(0), ""));
    let changed = run(d, jgrid_bin(), &["diff", "old.toml", "new.toml"]);
    assert_eq!((changed.status.code(), text(&changed).as_str()), (Some(1), "Purchase › Touchpoints\n+#phone\n"));
    let json = run(d, jgrid_bin(), &["diff", "--format", "json", "old.toml", "new.toml"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["changes"][0]["kind"], "cell");
    let missing = run(d, jgrid_bin(), &["diff", "old.toml", "nope.toml"]);
    assert_eq!(missing.status.code(), Some(2));

    // In a repository: a new journey, and a Cargo.toml that the pattern also matches.
    let repo = repository(&base(), true);
    let r = repo.path();
    fs::write(r.join("second.toml"), BASE).unwrap();
    fs::write(r.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    git(r, &["add", "-A"]);
    let out = text(&git(r, &["diff", "--cached"]));
    assert!(out.contains("diff --jgrid a/Cargo.toml b/Cargo.toml\n--- a/Cargo.toml\n+++ b/Cargo.toml\n@@ -0,0 +1,2 @@\n+[package]\n+name = \"x\"\n"), "{out}");
    assert!(
        out.contains(
            "diff --jgrid a/second.toml b/second.toml\nnew journey\ntitle: \"\" → \"Moving house with broadband\"\n"
        ),
        "{out}"
    );
    assert!(out.contains("Delivery › Systems\n+CRM sends #mail\n"), "{out}");
}

#[test]
fn help_lists_the_git_commands() {
    let out = Command::new(jgrid_bin()).arg("--help").output().unwrap();
    for word in ["merge", "diff", "git-setup"] {
        assert!(text(&out).contains(word), "--help lacks {word}");
    }
    let out = Command::new(jgrid_bin()).args(["merge", "--help"]).output().unwrap();
    for word in ["BASE", "OURS", "THEIRS", "--label-ours", "--label-theirs", "--output", "--path"] {
        assert!(text(&out).contains(word), "merge --help lacks {word}: {}", text(&out));
    }
}
