//! Adversarial tests of issue 27, point 5: a closed pipe. Every subcommand
//! (and `--recover-list`, `--print-config-path`, `--help`, `--version`),
//! with its standard output already closed by the reader, stops quietly: no
//! panic, nothing on stderr, its work done. The user's own `| head -1` runs
//! too, many times, since whether the reader is gone before jgrid writes is
//! a race. And a standard output that fails for another reason (a full
//! disk) is an error, never a silent success.

mod adversarial;
mod support;

use std::fs;
use std::process::{Command, Stdio};

use adversarial::{Home, JGRID, stderr};
use clap::CommandFactory as _;

/// One command line per subcommand (and the flags that print), in the work
/// folder of `home`, which has `journey.toml`, `other.toml`, `table.csv`
/// and a git repository. Each comes with the exit statuses it may give
/// when its output is read to the end.
fn commands(home: &Home) -> Vec<(&'static str, Vec<String>, &'static [i32])> {
    let work = home.work();
    fs::copy(&home.file, work.join("other.toml")).unwrap();
    let other = fs::read_to_string(work.join("other.toml")).unwrap().replace("Working internet", "Fast internet");
    fs::write(work.join("other.toml"), other).unwrap();
    let csv = home.run(&["export", "journey.toml", "--to", "csv"]);
    fs::write(work.join("table.csv"), &csv.stdout).unwrap();
    let git = Command::new("git").args(["init", "-q"]).current_dir(&work).status();
    assert!(git.is_ok_and(|s| s.success()), "git init");
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    let mut all = vec![
        ("check", words("check journey.toml other.toml --all"), &[1][..]),
        ("check", words("check journey.toml --all --format json"), &[1]),
        ("report", words("report journey.toml"), &[0]),
        ("report", words("report journey.toml --format json"), &[0]),
        ("report", words("report journey.toml --for client --format html"), &[0]),
        ("plan", words("plan journey.toml other.toml"), &[0]),
        ("plan", words("plan journey.toml --format json"), &[0]),
        ("plan", words("plan journey.toml --format csv"), &[0]),
        ("export", words("export journey.toml --to xlsx -o out.xlsx"), &[0]),
        ("diff", words("diff journey.toml other.toml"), &[1]),
        ("diff", words("diff journey.toml other.toml --format json"), &[1]),
        ("git-setup", words("git-setup"), &[0]),
        ("git-setup", words("git-setup *.toml --hook --absolute-path"), &[0]),
        ("check", words("check --conflicts journey.toml other.toml"), &[0]),
        ("resolve", words("resolve journey.toml"), &[0]),
        ("man", words("man"), &[0]),
        ("new", words("new fresh.toml"), &[0]),
        ("add", words("add journey.toml --phase 1 --row 1 a-line-from-a-shell"), &[0]),
        ("import", words("import table.csv -o imported.toml"), &[0]),
        ("merge", words("merge journey.toml journey.toml other.toml -o merged.toml"), &[0]),
        // The work folder as a portfolio (its journeys have findings).
        ("check", words("check ."), &[1]),
        ("blueprint", words("blueprint ."), &[0]),
        ("blueprint", words("blueprint . --format json"), &[0]),
        ("site", words("site . -o site-out"), &[0]),
        ("--recover-list", words("--recover-list"), &[0]),
        ("--print-config-path", words("--print-config-path"), &[0]),
        ("--help", words("--help"), &[0]),
        ("--version", words("--version"), &[0]),
    ];
    for to in ["markdown", "csv", "html", "mermaid", "json"] {
        all.push(("export", words(&format!("export journey.toml --to {to}")), &[0]));
    }
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        all.push(("completions", words(&format!("completions {shell}")), &[0]));
    }
    all
}

/// Every subcommand jgrid has is in `commands`: a new one cannot slip by.
#[test]
fn every_subcommand_is_tried() {
    let home = Home::new();
    let tried: Vec<&str> = commands(&home).iter().map(|(name, _, _)| *name).collect();
    for sub in jgrid::cli::Cli::command().get_subcommands() {
        let name = sub.get_name();
        assert!(tried.contains(&name), "jgrid {name} is not tried with a closed pipe: add it to commands()");
    }
}

/// Run a command with its standard output a pipe whose reader is already gone.
fn with_closed_stdout(home: &Home, args: &[String]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    home.command(args).stdout(writer).stderr(Stdio::piped()).output().unwrap()
}

#[test]
fn a_closed_pipe_stops_every_command_quietly() {
    let home = Home::new();
    for (name, args, statuses) in commands(&home) {
        let o = with_closed_stdout(&home, &args);
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "jgrid {args:?} panicked on a closed pipe:\n{err}");
        // These say what they did on stderr, as they always do.
        let quiet = ["add", "new", "import", "merge", "resolve"].contains(&name);
        if !quiet {
            assert_eq!(err, "", "jgrid {args:?} said something on a closed pipe");
        }
        let code = o.status.code();
        assert!(
            code == Some(0) || statuses.iter().any(|s| Some(*s) == code),
            "jgrid {args:?} ended with {:?} on a closed pipe",
            o.status
        );
    }
    // The commands that write files did their work all the same.
    let work = home.work();
    for file in ["fresh.toml", "imported.toml", "merged.toml"] {
        assert!(jgrid::store::load(&work.join(file)).is_ok(), "{file} was written");
    }
    assert!(home.text().contains("a-line-from-a-shell"));
    assert!(fs::read_to_string(work.join(".gitattributes")).unwrap().contains("merge=jgrid"));
}

/// The user's own command, `| head -1`, twenty times each: whichever side
/// of the race a run falls on, it ends quietly.
#[test]
fn head_dash_1_after_every_command_is_quiet() {
    let home = Home::new();
    for (_, args, statuses) in commands(&home) {
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
        let line = format!(
            "for i in $(seq 20); do '{JGRID}' {} | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"; done",
            quoted.join(" ")
        );
        let mut bash = Command::new("bash");
        bash.arg("-c").arg(&line);
        for (key, value) in home.command(&args).get_envs() {
            match value {
                Some(v) => bash.env(key, v),
                None => bash.env_remove(key),
            };
        }
        // `new` and `import` refuse a second time (the file exists): that is not the pipe's doing.
        if args[0] == "new" || args[0] == "import" {
            continue;
        }
        let o = bash.current_dir(home.work()).output().unwrap();
        let err = stderr(&o);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "jgrid {args:?} | head -1:\n{err}");
        for code in String::from_utf8_lossy(&o.stdout).lines() {
            let code: i32 = code.parse().unwrap();
            assert!(code == 0 || statuses.contains(&code), "jgrid {args:?} | head -1 ended with {code}");
        }
    }
}

/// A standard output that cannot take the text (a full disk) is an error
/// with its reason, not a success with nothing written.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stdout_is_an_error() {
    let home = Home::new();
    let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    for args in [&["export", "journey.toml", "--to", "html"][..], &["check", "journey.toml"], &["--recover-list"]] {
        let o = home.command(args).stdout(full.try_clone().unwrap()).stderr(Stdio::piped()).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "jgrid {args:?} > /dev/full: {}", stderr(&o));
        assert!(stderr(&o).contains("cannot write to standard output"), "jgrid {args:?}: {}", stderr(&o));
    }
}

/// `-o` naming a named pipe (or `/dev/null`, `/dev/stdout`) writes into it:
/// an atomic rename would put a regular file in its place (as root, even
/// over `/dev/null`). Every writer that takes `-o` is tried on a pipe in the
/// work folder, held open for reading (without waiting for a writer) so the
/// output waits in the pipe until jgrid is done.
#[test]
fn output_into_a_named_pipe_is_written_through_not_replaced() {
    use std::io::Read as _;
    use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
    const O_NONBLOCK: i32 = 0o4000; // Linux
    let home = Home::new();
    let work = home.work();
    let writers: [&[&str]; 4] = [
        &["export", "journey.toml", "--to", "json", "-o", "pipe"],
        &["report", "journey.toml", "-o", "pipe"],
        &["plan", "journey.toml", "--format", "csv", "-o", "pipe"],
        &["export", "journey.toml", "--to", "xlsx", "-o", "pipe"],
    ];
    for args in writers {
        let fifo = work.join("pipe");
        let made = Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let mut reader = fs::OpenOptions::new().read(true).custom_flags(O_NONBLOCK).open(&fifo).unwrap();
        let out = home.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let kind = fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "{args:?}: the pipe is still a pipe, not a file");
        let mut got = Vec::new();
        reader.read_to_end(&mut got).unwrap();
        assert!(!got.is_empty(), "{args:?}: the output went into the pipe");
        fs::remove_file(&fifo).unwrap();
    }
}
