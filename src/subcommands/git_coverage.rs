//! What `jgrid git-setup` checks and installs besides the drivers: a
//! warning for journeys that the `.gitattributes` patterns do not send to
//! jgrid (a `*` does not match `/`, so `journeys/*.toml` misses
//! `journeys/2024/a.toml`), and the pre-commit hook of `--hook`.

use std::path::Path;

use super::git;
use crate::text::one_line;

/// True when the start of a file looks like a journey (`format = …` near the top).
fn looks_like_journey(path: &Path) -> bool {
    use std::io::Read as _;
    let mut start = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut start));
    read.is_ok()
        && String::from_utf8_lossy(&start)
            .lines()
            .any(|l| l.split('=').next().is_some_and(|k| k.trim() == "format") && l.contains('='))
}

/// Say which journeys in the working tree git would merge line by line,
/// because no `.gitattributes` pattern gives them `merge=jgrid`.
pub fn warn_uncovered(top: &Path) {
    let Ok(list) = git::run(top, &["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.toml"])
    else {
        return;
    };
    let mut paths: Vec<String> =
        list.split(|&b| b == 0).filter(|p| !p.is_empty()).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    paths.sort();
    paths.dedup();
    if paths.is_empty() {
        return;
    }
    let mut args = vec!["check-attr", "-z", "merge", "--"];
    args.extend(paths.iter().map(String::as_str));
    let Ok(attrs) = git::run(top, &args) else { return };
    let fields: Vec<&[u8]> = attrs.split(|&b| b == 0).collect();
    let uncovered: Vec<String> = fields
        .chunks(3)
        .filter_map(|r| match r {
            [path, _, value] if *value != b"jgrid" => Some(String::from_utf8_lossy(path).into_owned()),
            _ => None,
        })
        .filter(|p| looks_like_journey(&top.join(p)))
        .collect();
    if uncovered.is_empty() {
        return;
    }
    let mut names: Vec<String> = uncovered.iter().take(5).map(|p| one_line(p).into_owned()).collect();
    if uncovered.len() > 5 {
        names.push(format!("and {} more", uncovered.len() - 5));
    }
    let (n, them) = match uncovered.len() {
        1 => ("1 journey is".to_owned(), "it"),
        n => (format!("{n} journeys are"), "them"),
    };
    eprintln!(
        "jgrid: warning: {n} not covered by the .gitattributes patterns, so git merges {them} line by line: {}",
        names.join(", ")
    );
    eprintln!(
        "  hint: a * does not match /: \"journeys/*.toml\" misses subfolders; run jgrid git-setup \"journeys/**/*.toml\" (or \"*.toml\") to cover them"
    );
}

const HOOK_MARK: &str = "# jgrid: refuse to commit journeys with merge conflicts";
const HOOK_CALL: &str = "check --conflicts --staged";

/// The pre-commit hook's text.
fn hook_text(program: &str) -> String {
    format!(
        "#!/bin/sh\n{HOOK_MARK} (written by jgrid git-setup --hook).\n\
         # To commit anyway, once: git commit --no-verify\n\
         if ! command -v {program} >/dev/null 2>&1; then\n\
         \x20   echo \"jgrid pre-commit hook: cannot run {program}, so journeys were not checked for merge conflicts; git commit --no-verify skips this hook\" >&2\n\
         \x20   exit 1\n\
         fi\n\
         exec {program} {HOOK_CALL}\n"
    )
}

/// Install the pre-commit hook (where git looks for hooks: `core.hooksPath`
/// or `.git/hooks`), unless another hook is there. What was done, in words.
pub fn install_hook(top: &Path, program: &str) -> Result<String, String> {
    let hook = git::text(top, &["rev-parse", "--git-path", "hooks/pre-commit"])
        .map_err(|e| format!("cannot find git's hooks folder: {e}"))?;
    let hook = top.join(hook);
    let shown = one_line(&hook.display().to_string()).into_owned();
    let text = hook_text(program);
    match std::fs::read_to_string(&hook) {
        Ok(old) if old == text => return Ok(format!("{shown}: already the jgrid pre-commit hook")),
        Ok(old) if old.contains(HOOK_MARK) => {}
        Ok(old) if old.contains(HOOK_CALL) => {
            return Ok(format!("{shown}: the pre-commit hook there already runs jgrid {HOOK_CALL}; left as it is"));
        }
        Ok(_) => {
            return Err(format!(
                "{shown}: a pre-commit hook is already there; jgrid did not change it (the rest is set up)\n  hint: add this line to it: {program} {HOOK_CALL}"
            ));
        }
        Err(_) => {}
    }
    let write = || -> std::io::Result<()> {
        if let Some(dir) = hook.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::store::save_atomic(&hook, &text)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))?;
        }
        Ok(())
    };
    write().map_err(|e| format!("{shown}: cannot write: {}", crate::store::describe_io_error(&e)))?;
    Ok(format!("{shown}: installed the pre-commit hook: a commit of a journey with merge conflicts is refused"))
}
