//! `git diff`, `git show` and `git log -p` with jgrid as git's external diff,
//! in real repositories: renames and copies (git passes nine arguments then).

mod gitrepo;

use std::fs;

use gitrepo::{git, init, jgrid, setup, text};

fn sample(name: &str) -> String {
    fs::read_to_string(format!("{}/journeys/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn a_moved_and_edited_journey_shows_its_cell_change_in_diff_show_and_log() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    setup(d, &["journeys/*.toml"]);
    gitrepo::commit_file(d, "journeys/bicycle-repair.toml", &sample("bicycle-repair.toml"), "base");
    git(d, &["mv", "journeys/bicycle-repair.toml", "journeys/bike.toml"]);
    let add = jgrid(d, &["add", "journeys/bike.toml", "--phase", "1", "--row", "Need", "Book on Sunday"]);
    assert!(add.status.success(), "{}", text(&add));
    git(d, &["add", "-A"]);
    let want = "diff --jgrid a/journeys/bicycle-repair.toml b/journeys/bike.toml\n\
                similarity index 98%\n\
                rename from journeys/bicycle-repair.toml\n\
                rename to journeys/bike.toml\n\
                Breakdown › Need\n+Book on Sunday\n";
    assert_eq!(text(&git(d, &["diff", "--cached"])), want);
    git(d, &["commit", "-q", "-m", "moved"]);
    let show = text(&git(d, &["show", "--ext-diff", "--format="]));
    assert_eq!(show.trim_start(), want);
    let log = text(&git(d, &["log", "-p", "--follow", "--ext-diff", "--format=", "--", "journeys/bike.toml"]));
    assert!(log.contains(want), "{log}");
    assert!(log.contains("diff --jgrid a/journeys/bicycle-repair.toml b/journeys/bicycle-repair.toml\nnew journey\n"));

    // A copy: git's copy lines, and no change below them.
    fs::copy(d.join("journeys/bike.toml"), d.join("journeys/copy.toml")).unwrap();
    git(d, &["add", "-A"]);
    let copy = text(&git(d, &["diff", "--cached", "-C", "-C"]));
    assert_eq!(
        copy,
        "diff --jgrid a/journeys/bike.toml b/journeys/copy.toml\nsimilarity index 100%\n\
         copy from journeys/bike.toml\ncopy to journeys/copy.toml\n"
    );
}

#[test]
fn nine_arguments_with_a_hostile_new_name_print_no_control_character() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.toml"), sample("bicycle-repair.toml")).unwrap();
    let args = [
        "diff",
        "old\nname.toml",
        "a.toml",
        "0000000",
        "100644",
        "a.toml",
        "0000000",
        "100644",
        "new\u{1b}]0;pwned\u{7}.toml",
        "similarity index 100%\nrename from old\nname.toml\nrename to x\u{9b}2J\n",
    ];
    let out = jgrid(d, &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let shown = text(&out);
    assert!(shown.starts_with("diff --jgrid a/old␊name.toml b/new␛]0;pwned␇.toml\n"), "{shown}");
    assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
}
