//! Journeys in git the rest of the way, in real repositories: clones with
//! Windows line ends, failures that must not look like success, colleagues
//! without the driver (`jgrid resolve`, the editor's offer), the pre-commit
//! hook, git's labels and conflict style. (The scenario table with before
//! and after is `python3 bench/git_scenarios.py`.)

mod gitrepo;
mod support;

use std::fs;
use std::path::Path;

use gitrepo::{commit_file, git, init, jgrid, run, setup, text};
use support::{Pty, TIMEOUT};

fn sample() -> String {
    fs::read_to_string(format!("{}/journeys/broadband-moving-house.toml", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn add(d: &Path, phase: &str, row: &str, note: &str) {
    let out = jgrid(d, &["add", "j.toml", "--phase", phase, "--row", row, note]);
    assert!(out.status.success(), "{}", text(&out));
}

fn read(d: &Path) -> String {
    fs::read_to_string(d.join("j.toml")).unwrap()
}

/// A repository with j.toml on main, a branch `feature` made by `theirs`
/// and main moved on by `ours`; with jgrid's drivers or without.
fn two_branches(with_jgrid: bool, theirs: impl Fn(&Path), ours: impl Fn(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    if with_jgrid {
        setup(d, &["--absolute-path"]);
    }
    commit_file(d, "j.toml", &sample(), "base");
    git(d, &["checkout", "-q", "-b", "feature"]);
    theirs(d);
    git(d, &["commit", "-q", "-am", "theirs"]);
    git(d, &["checkout", "-q", "main"]);
    ours(d);
    git(d, &["commit", "-q", "-am", "ours"]);
    dir
}

fn replace(d: &Path, old: &str, new: &str) {
    let text = read(d);
    assert!(text.contains(old), "{old}");
    fs::write(d.join("j.toml"), text.replacen(old, new, 1)).unwrap();
}

#[test]
fn days_of_adds_and_pulls_between_an_lf_and_a_crlf_clone_leave_no_carriage_return_and_no_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("seed");
    fs::create_dir(&seed).unwrap();
    init(&seed);
    commit_file(&seed, "j.toml", &sample(), "base");
    git(dir.path(), &["clone", "-q", "--bare", "seed", "origin.git"]);
    let clones = ["lf", "crlf"].map(|name| {
        let autocrlf = if name == "crlf" { "core.autocrlf=true" } else { "core.autocrlf=false" };
        git(dir.path(), &["clone", "-q", "-c", autocrlf, "origin.git", name]);
        let d = dir.path().join(name);
        git(&d, &["config", "user.name", name]);
        git(&d, &["config", "user.email", "x@example.com"]);
        git(&d, &["config", "pull.rebase", "false"]);
        setup(&d, &["--absolute-path"]);
        d
    });
    assert!(fs::read_to_string(clones[1].join("j.toml")).unwrap().contains("\r\n"), "the CRLF clone has CRLF");
    for day in 0..3 {
        for (k, d) in clones.iter().enumerate() {
            let phase = (day % 3 + 1).to_string();
            add(d, &phase, "Need", &format!("day {day}: clone {k} heard this"));
            add(d, &phase, ["Touchpoints", "Message"][k], &format!("day {day}: clone {k}'s own cell"));
            git(d, &["commit", "-q", "-am", "notes"]);
            let pull = run(d, "git", &["pull", "-q", "--no-edit"]);
            assert!(pull.status.success(), "day {day}, clone {k}: {}", text(&pull));
            git(d, &["push", "-q"]);
        }
    }
    git(&clones[0], &["pull", "-q", "--no-edit"]);
    let shared = text(&git(dir.path(), &["--git-dir", "origin.git", "show", "main:j.toml"]));
    assert!(!shared.contains('\r') && !shared.contains("\\r"), "{shared}");
    let journey = jgrid::format::parse(shared.as_bytes()).unwrap();
    let cells: String = journey.phases().iter().flat_map(|p| p.cells().to_vec()).collect();
    assert_eq!(cells.matches("heard this").count(), 6, "every note arrived once");
    // The CRLF clone's own file is CRLF, the LF clone's LF.
    git(&clones[1], &["pull", "-q", "--no-edit"]);
    assert!(!fs::read_to_string(clones[0].join("j.toml")).unwrap().contains('\r'));
    let crlf = fs::read_to_string(clones[1].join("j.toml")).unwrap();
    assert_eq!(crlf.matches('\n').count(), crlf.matches("\r\n").count());
}

#[test]
fn a_journey_committed_with_crlf_merges_with_an_lf_one_without_a_spurious_conflict() {
    let dir = two_branches(
        true,
        |d| {
            replace(d, "Working internet on moving day", "Working internet from the first evening");
            fs::write(d.join("j.toml"), read(d).replace('\n', "\r\n")).unwrap();
        },
        |d| replace(d, "Know the installation date", "Know the date and hour"),
    );
    let d = dir.path();
    let merge = run(d, "git", &["merge", "--no-edit", "feature"]);
    assert!(merge.status.success(), "{}", text(&merge));
    let merged = read(d);
    assert!(merged.contains("Working internet from the first evening") && merged.contains("Know the date and hour"));
    assert!(!merged.contains('\r'), "ours' line ends");
}

#[test]
fn with_the_driver_missing_or_theirs_unreadable_the_merge_stops_and_keeps_theirs_text() {
    let notes = |note: &'static str| move |d: &Path| add(d, "2", "Need", note);
    let dir = two_branches(true, notes("theirs note"), notes("ours note"));
    let d = dir.path();
    let driver = text(&git(d, &["config", "merge.jgrid.driver"]));
    let moved = driver.trim().replacen(&format!("'{}'", gitrepo::jgrid_bin()), "/moved/away/jgrid", 1);
    git(d, &["config", "merge.jgrid.driver", &moved]);
    let merge = run(d, "git", &["merge", "--no-edit", "feature"]);
    assert!(!merge.status.success());
    assert!(
        text(&merge).contains("jgrid merge could not run (exit 127): git merged j.toml line by line"),
        "{}",
        text(&merge)
    );
    let merged = read(d);
    assert!(merged.contains("<<<<<<< HEAD") || merged.contains("<<<<<<< ours"), "{merged}");
    assert!(merged.contains("theirs note") && merged.contains("ours note"), "{merged}");

    let broken = |d: &Path| replace(d, "name = \"Moving day\"", "name = \"Moving day");
    let dir = two_branches(true, broken, |d| replace(d, "Know the installation date", "Know the date"));
    let d = dir.path();
    let merge = run(d, "git", &["merge", "--no-edit", "feature"]);
    assert!(!merge.status.success(), "git stops even though the lines merged: {}", text(&merge));
    assert!(text(&merge).contains("j.toml (theirs):"), "{}", text(&merge));
    assert!(read(d).contains("name = \"Moving day\n") && read(d).contains("Know the date\n"));
}

/// A merge made without jgrid's driver: git's markers in the file.
fn merged_without_the_driver() -> tempfile::TempDir {
    let dir = two_branches(
        false,
        |d| {
            add(d, "2", "Need", "theirs note");
            replace(d, "Know the installation date", "Know the day");
        },
        |d| {
            add(d, "2", "Need", "ours note");
            replace(d, "Know the installation date", "Know the hour");
        },
    );
    let merge = run(dir.path(), "git", &["merge", "--no-edit", "feature"]);
    assert!(!merge.status.success());
    dir
}

#[test]
fn jgrid_resolve_merges_git_markers_cell_by_cell_from_the_stages_or_the_markers() {
    let dir = merged_without_the_driver();
    let d = dir.path();
    let unreadable = jgrid(d, &["check", "j.toml"]);
    assert_eq!(unreadable.status.code(), Some(2));
    let conflicts = jgrid(d, &["check", "--conflicts", "j.toml"]);
    assert_eq!(conflicts.status.code(), Some(1), "{}", text(&conflicts));
    assert!(text(&conflicts).contains("j.toml: holds git's conflict markers (2 blocks)"), "{}", text(&conflicts));
    let out = jgrid(d, &["resolve", "j.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("merged cell by cell from git's stages (base, ours, theirs); 1 conflict left"));
    assert!(text(&out).contains("Confirmation / Need:"), "{}", text(&out));
    let journey = jgrid::format::parse(read(d).as_bytes()).unwrap();
    let cell = |p: usize| journey.cell(jgrid::journey::CellRef::new(p, 0)).to_owned();
    assert!(cell(1).ends_with("ours note\ntheirs note"), "{}", cell(1));
    assert!(cell(2).contains("<<<<<<< HEAD\nKnow the hour\n=======\nKnow the day\n>>>>>>> feature"), "{}", cell(2));
    let taken = jgrid(d, &["resolve", "j.toml", "--take", "theirs"]);
    assert_eq!(taken.status.code(), Some(0), "{}", text(&taken));
    assert_eq!(jgrid(d, &["check", "--conflicts", "j.toml"]).status.code(), Some(0));
    git(d, &["commit", "-q", "-am", "merged"]);

    // Once the stages are gone (added with its markers), the markers are split.
    let dir = merged_without_the_driver();
    let d = dir.path();
    git(d, &["add", "j.toml"]);
    let out = jgrid(d, &["resolve", "j.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("from the file's markers (ours and theirs, no base: lines of both are kept)"));
    let merged = read(d);
    assert!(
        merged.contains("\nKnow the hour\n") && merged.contains("\nKnow the day\"\"\""),
        "both lines kept: {merged}"
    );
}

#[test]
fn the_editor_offers_the_cell_by_cell_merge_of_a_file_with_git_markers() {
    let dir = merged_without_the_driver();
    let d = dir.path();
    let before = read(d);
    let mut pty = Pty::jgrid_builder().args(["j.toml"]).size(80, 24).cwd(d).spawn();
    pty.assert_screen_contains("Git's conflict markers", TIMEOUT);
    pty.assert_screen_contains("1 conflict is left", TIMEOUT);
    pty.send_str("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(read(d), before, "quitting leaves the file as git left it");

    let mut pty = Pty::jgrid_builder().args(["j.toml"]).size(80, 24).cwd(d).spawn();
    pty.assert_screen_contains("use the merge", TIMEOUT);
    pty.send_str("m");
    pty.assert_screen_contains("Merged cell by cell: 1 conflict left", TIMEOUT);
    pty.send_str("]");
    pty.send_str("M");
    pty.assert_screen_contains("Merge conflict in this", TIMEOUT);
    pty.send_str("o");
    pty.assert_screen_contains("no conflicts left", TIMEOUT);
    pty.send(b"\x13");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.send_str("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(jgrid(d, &["check", "--conflicts", "j.toml"]).status.code(), Some(0));
    assert!(read(d).contains("Know the hour\"") || read(d).contains("Know the hour\n"), "ours taken");
    git(d, &["commit", "-q", "-am", "merged in jgrid"]);
}

#[test]
fn the_pre_commit_hook_refuses_a_journey_with_conflicts_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    let out = setup(d, &["journeys/**/*.toml", "--hook", "--absolute-path"]);
    assert!(text(&out).contains("installed the pre-commit hook"), "{}", text(&out));
    commit_file(d, "journeys/2026/j.toml", &sample(), "base");
    commit_file(d, "Cargo.toml", "[package]\nname = \"x\"\n", "not a journey: the hook leaves it alone");
    let conflicted = sample().replace("title = ", "<<<<<<< HEAD\ntitle = \"a\"\n=======\ntitle = ") + ">>>>>>> x\n";
    fs::write(d.join("journeys/2026/j.toml"), conflicted).unwrap();
    git(d, &["add", "-A"]);
    let refused = run(d, "git", &["commit", "-q", "-m", "oops"]);
    assert!(!refused.status.success());
    assert!(text(&refused).contains("journeys/2026/j.toml: holds git's conflict markers"), "{}", text(&refused));
    assert!(text(&refused).contains("git commit --no-verify skips this check"));
    // A recorded choice is a conflict too.
    let mut j = jgrid::format::parse(sample().as_bytes()).unwrap();
    j.unresolved.push(jgrid::journey::Unresolved::Lang { theirs: None });
    fs::write(d.join("journeys/2026/j.toml"), jgrid::format::to_toml(&j)).unwrap();
    git(d, &["add", "-A"]);
    let refused = run(d, "git", &["commit", "-q", "-m", "oops"]);
    assert!(
        text(&refused).contains("warning[merge-conflict]: After a merge, the language changed"),
        "{}",
        text(&refused)
    );
    // Resolved: the commit goes through, quietly.
    let take = jgrid(d, &["resolve", "journeys/2026/j.toml", "--take", "ours"]);
    assert_eq!(take.status.code(), Some(0), "{}", text(&take));
    let note = jgrid(d, &["add", "journeys/2026/j.toml", "--phase", "1", "--row", "Need", "a new note"]);
    assert!(note.status.success());
    git(d, &["add", "-A"]);
    let ok = run(d, "git", &["commit", "-q", "-m", "fine"]);
    assert!(ok.status.success() && text(&ok).is_empty(), "{}", text(&ok));
    // Running setup again keeps the hook; another hook is never overwritten.
    assert!(text(&setup(d, &["--hook", "--absolute-path"])).contains("already the jgrid pre-commit hook"));
    fs::write(d.join(".git/hooks/pre-commit"), "#!/bin/sh\nmake lint\n").unwrap();
    let other = jgrid(d, &["git-setup", "--hook", "--absolute-path"]);
    assert_eq!(other.status.code(), Some(2));
    assert!(text(&other).contains("a pre-commit hook is already there; jgrid did not change it"));
    assert_eq!(fs::read_to_string(d.join(".git/hooks/pre-commit")).unwrap(), "#!/bin/sh\nmake lint\n");
}

#[test]
fn git_setup_prefers_jgrid_on_path_and_warns_about_journeys_the_pattern_misses() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    commit_file(d, "journeys/2026/deep.toml", &sample(), "a journey in a subfolder");
    let bin = d.join("bin");
    fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(gitrepo::jgrid_bin(), bin.join("jgrid")).unwrap();
    let path = format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display());
    let out =
        gitrepo::command(gitrepo::jgrid_bin(), d).args(["git-setup", "journeys/*.toml"]).env("PATH", &path).output();
    let out = out.unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("The drivers run \"jgrid\", found on PATH"), "{}", text(&out));
    assert!(text(&git(d, &["config", "diff.jgrid.command"])).starts_with("jgrid diff"));
    assert!(text(&out).contains("1 journey is not covered by the .gitattributes patterns, so git merges it line by line: journeys/2026/deep.toml"));
    let covered =
        gitrepo::command(gitrepo::jgrid_bin(), d).args(["git-setup", "journeys/**/*.toml"]).env("PATH", &path).output();
    assert!(!text(&covered.unwrap()).contains("not covered"));
}

/// git 2.44 and newer pass the branch names as labels (%S %X %Y).
fn git_passes_labels(d: &Path) -> bool {
    let version = text(&git(d, &["--version"]));
    let numbers: Vec<u32> = version.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
    numbers.len() >= 2 && (numbers[0], numbers[1]) >= (2, 44)
}

#[test]
fn markers_name_the_branches_and_show_the_base_in_git_s_diff3_style() {
    let dir = two_branches(
        true,
        |d| replace(d, "Know the installation date", "Know the day"),
        |d| replace(d, "Know the installation date", "Know the hour"),
    );
    let d = dir.path();
    git(d, &["config", "merge.conflictStyle", "diff3"]);
    assert!(!run(d, "git", &["merge", "--no-edit", "feature"]).status.success());
    let journey = jgrid::format::parse(read(d).as_bytes()).unwrap();
    let cell = journey.cell(jgrid::journey::CellRef::new(2, 0));
    let (ours, base, theirs) = if git_passes_labels(d) {
        ("HEAD", cell.split("||||||| ").nth(1).unwrap()[..7].to_owned(), "feature")
    } else {
        ("ours", "base".to_owned(), "theirs")
    };
    assert!(
        cell.starts_with(&format!("<<<<<<< {ours}\nKnow the hour\n||||||| {base}\nKnow the installation date\n=======\nKnow the day\n>>>>>>> {theirs}")),
        "{cell}"
    );
}

#[test]
fn a_mood_changed_two_ways_stops_git_is_shown_at_open_and_is_taken_with_m() {
    let dir =
        two_branches(true, |d| replace(d, "mood = 1\n", "mood = 2\n"), |d| replace(d, "mood = 1\n", "mood = -2\n"));
    let d = dir.path();
    let merge = run(d, "git", &["merge", "--no-edit", "feature"]);
    assert!(!merge.status.success(), "{}", text(&merge));
    assert!(
        text(&merge)
            .contains("the mood of \"Orientation\" changed on both sides: -2 (ours, kept for now) or 2 (theirs)")
    );
    assert!(read(d).contains("[[conflict]]\nabout = \"mood\"\nphase = \"Orientation\"\ntheirs = 2\n"), "{}", read(d));
    let mut pty = Pty::jgrid_builder().args(["j.toml"]).size(100, 30).cwd(d).spawn();
    pty.assert_screen_contains("1 merge conflict", TIMEOUT);
    pty.send_str("]");
    pty.assert_screen_contains("Merge conflict 1 of 1 (the mood of this phase); M resolves it", TIMEOUT);
    pty.send_str("M");
    pty.assert_screen_contains("Mood: ours -2, theirs 2?", TIMEOUT);
    pty.send_str("t");
    pty.assert_screen_contains("Took theirs in the mood of this phase", TIMEOUT);
    pty.send(b"\x13");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.send_str("q");
    pty.assert_exit_code(0, TIMEOUT);
    let merged = read(d);
    assert!(!merged.contains("[[conflict]]") && merged.contains("name = \"Orientation\"\nmood = 2\n"), "{merged}");
    git(d, &["commit", "-q", "-am", "merged"]);
}
