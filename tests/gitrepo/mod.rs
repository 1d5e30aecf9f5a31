//! Real git repositories for the tests of journeys in git: a fresh
//! repository with no global or system config, commands run in it, and the
//! jgrid under test.
//!
//! Not every test crate uses every helper, hence the module-wide `allow(dead_code)`.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use std::io::Write as _;

pub fn jgrid_bin() -> &'static str {
    env!("CARGO_BIN_EXE_jgrid")
}

/// A command with no global or system git config, so nothing of the
/// machine's own settings (a conflict style, a global attributes file) counts.
pub fn command(program: &str, dir: &Path) -> Command {
    let mut c = Command::new(program);
    c.current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    c
}

pub fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    command(program, dir).args(args).output().unwrap()
}

/// Run with `input` on standard input.
pub fn run_with_input(dir: &Path, program: &str, args: &[&str], input: &str) -> Output {
    let mut child = command(program, dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// git, which must succeed.
pub fn git(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, "git", args);
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
    out
}

pub fn jgrid(dir: &Path, args: &[&str]) -> Output {
    run(dir, jgrid_bin(), args)
}

/// stdout then stderr.
pub fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// A fresh repository on branch main, with a name and no signing.
pub fn init(d: &Path) {
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.name", "Anna"]);
    git(d, &["config", "user.email", "anna@example.com"]);
    git(d, &["config", "commit.gpgsign", "false"]);
}

/// `jgrid git-setup ARGS`, which must succeed.
pub fn setup(d: &Path, args: &[&str]) -> Output {
    let mut all = vec!["git-setup"];
    all.extend_from_slice(args);
    let out = jgrid(d, &all);
    assert!(out.status.success(), "{}", text(&out));
    out
}

/// Write a file, `git add -A` and commit.
pub fn commit_file(d: &Path, file: &str, content: &str, message: &str) {
    let path = d.join(file);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap();
    }
    fs::write(&path, content).unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", message]);
}
