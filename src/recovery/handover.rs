//! Handing a journey over from one running jgrid to another. The new one
//! reads what the old one holds that is in no file (its recovery file, which
//! it keeps up to date while anything is unsaved), and, when asked to take
//! over, sends it [`HANDOVER`]: the old one writes its recovery file and quits,
//! releasing its session lock; the new one waits for that (bounded) and then
//! offers the recovery file as after a crash. A signal goes only to a process
//! that provably holds the session's lock: never another user's process, a
//! pid reused since, or a process on another host sharing the folder.

use std::path::Path;
use std::time::{Duration, Instant};

use super::session::{self, Running};
use super::{file_for, read_or_why};

/// The signal that asks a jgrid to write its recovery file and quit. Unlike
/// SIGHUP (the terminal is gone: write what can be written and quit), a jgrid
/// that cannot write its recovery file keeps running and says so.
#[cfg(unix)]
pub const HANDOVER: i32 = signal_hook::consts::SIGUSR1;
// The signal sent is rustix's USR1: the same one.
#[cfg(not(unix))]
pub const HANDOVER: i32 = -1;

/// How long a new jgrid waits for the old one to hand over.
pub const WAIT: Duration = Duration::from_secs(5);

/// Another running jgrid on the same journey, and what it holds that is in no file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Other {
    pub pid: u32,
    /// When it started, seconds since 1970.
    pub started: u64,
    /// Its session id.
    pub session: String,
    pub holds: Holds,
    /// It is still asking at start what to do about the journey and holds
    /// nothing: another new jgrid (two started at once). Taking over leaves
    /// it be, so two new jgrids never make each other quit.
    pub newcomer: bool,
}

/// What another running jgrid holds that is in no file, as its recovery file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holds {
    /// No recovery file: nothing unsaved (as of its last keystroke but a
    /// fraction of a second; a hand-over writes that too).
    Nothing,
    /// Unsaved changes; `typing` when a note or prompt was being typed.
    Changes { typing: bool },
    /// Its recovery file cannot be read (why).
    Unknown(String),
}

/// The other running jgrids on the journey `key`, with what each holds.
pub fn others(dir: &Path, key: &str, running: &[Running]) -> Vec<Other> {
    running
        .iter()
        .filter(|r| r.key == key)
        .map(|r| {
            let file = file_for(dir, key, &r.id);
            let holds = match read_or_why(&file) {
                Ok(rec) if rec.holds_unsaved() => Holds::Changes { typing: rec.holds_typing() },
                Ok(_) => Holds::Nothing,
                Err(_) if !file.exists() => Holds::Nothing,
                Err(why) => Holds::Unknown(why),
            };
            let newcomer = holds == Holds::Nothing && session::asking_file(dir, &r.id).exists();
            Other { pid: r.pid, started: r.started, session: r.id.clone(), holds, newcomer }
        })
        .collect()
}

/// Ask the jgrid of session `other` to hand over: it must still run, and
/// the pid must provably hold that session's lock. `Err` says why nothing was
/// sent; `Ok(false)` when it had quit already.
pub fn ask(dir: &Path, other: &Other) -> Result<bool, String> {
    if !session::is_running(dir, &other.session) {
        return Ok(false);
    }
    let pid = other.pid;
    if !holds_lock(pid, &session::lock_file(dir, &other.session)) {
        return Err(format!(
            "pid {pid} is not a jgrid of yours on this machine (another user's process, one on another host sharing the recovery folder, or a pid reused); nothing was sent to it"
        ));
    }
    send(pid).map(|()| true).map_err(|e| format!("pid {pid} could not be asked to hand over ({e})"))
}

/// Wait, at most `limit`, until none of these sessions runs; the ones that
/// still run then.
pub fn wait_gone<'a>(dir: &Path, sessions: &'a [Other], limit: Duration) -> Vec<&'a Other> {
    let until = Instant::now() + limit;
    loop {
        let left: Vec<&Other> = sessions.iter().filter(|o| session::is_running(dir, &o.session)).collect();
        if left.is_empty() || Instant::now() >= until {
            return left;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// True when process `pid` has the file `lock` open (on Linux, read from
/// `/proc/PID/fd`, which only the process's own user may read). Elsewhere:
/// the process exists and may be signalled by this user.
#[cfg(target_os = "linux")]
fn holds_lock(pid: u32, lock: &Path) -> bool {
    if pid == 0 || i32::try_from(pid).is_err() {
        return false;
    }
    let Ok(lock) = std::fs::canonicalize(lock) else { return false };
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else { return false };
    fds.filter_map(|e| e.ok()).any(|e| std::fs::read_link(e.path()).is_ok_and(|target| target == lock))
}

#[cfg(all(unix, not(target_os = "linux")))]
fn holds_lock(pid: u32, _lock: &Path) -> bool {
    let pid = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw);
    // No signal: only whether the process exists and may be signalled by this user.
    pid.is_some_and(|pid| rustix::process::test_kill_process(pid).is_ok())
}

#[cfg(not(unix))]
fn holds_lock(_pid: u32, _lock: &Path) -> bool {
    false
}

/// Send the hand-over signal, then SIGCONT: a jgrid stopped with Ctrl-z (its
/// shell gone with the link) wakes to answer it.
#[cfg(unix)]
fn send(pid: u32) -> std::io::Result<()> {
    use rustix::process::{Pid, Signal, kill_process};
    let pid = i32::try_from(pid).ok().and_then(Pid::from_raw).ok_or_else(|| std::io::Error::other("no such pid"))?;
    kill_process(pid, Signal::USR1)?;
    let _ = kill_process(pid, Signal::CONT);
    Ok(())
}

#[cfg(not(unix))]
fn send(_pid: u32) -> std::io::Result<()> {
    Err(std::io::Error::other("handing over needs a Unix system"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recovery::{Recovery, Session, write};

    #[test]
    fn what_another_session_holds_is_read_from_its_recovery_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = Session::start(dir.path(), "/j/a.toml").unwrap();
        let mut a = a;
        a.set_asking(false);
        let seen = |d: &Path| others(d, "/j/a.toml", &session::running(d, Some("me")));
        assert_eq!(seen(dir.path())[0].holds, Holds::Nothing);
        let journey = crate::journey::Journey::new("", "", ["Do"], ["One"]);
        let mut r = Recovery::new("/j/a.toml", &journey, crate::journey::CellRef::new(0, 0), None);
        write(&file_for(dir.path(), "/j/a.toml", &a.id), &r).unwrap();
        assert_eq!(seen(dir.path())[0].holds, Holds::Changes { typing: false });
        r.capturing = Some("half a no".into());
        write(&file_for(dir.path(), "/j/a.toml", &a.id), &r).unwrap();
        assert_eq!(seen(dir.path())[0].holds, Holds::Changes { typing: true });
        std::fs::write(file_for(dir.path(), "/j/a.toml", &a.id), "version = [").unwrap();
        assert!(matches!(seen(dir.path())[0].holds, Holds::Unknown(_)));
        assert!(!seen(dir.path())[0].newcomer, "it holds something");
        std::fs::remove_file(file_for(dir.path(), "/j/a.toml", &a.id)).unwrap();
        assert!(!seen(dir.path())[0].newcomer, "past its start, holding nothing");
        a.set_asking(true);
        assert!(seen(dir.path())[0].newcomer, "asking at start, holding nothing");
        assert!(others(dir.path(), "/j/b.toml", &session::running(dir.path(), None)).is_empty());
    }

    #[test]
    fn a_pid_that_does_not_hold_the_session_lock_is_never_signalled() {
        let dir = tempfile::tempdir().unwrap();
        let a = Session::start(dir.path(), "/j/a.toml").unwrap();
        // This process holds the lock: but a pid that does not (pid 1, or a
        // pid that is no process) is refused, and nothing is sent.
        for pid in [1, u32::MAX, 0] {
            let other = Other { pid, started: 0, session: a.id.clone(), holds: Holds::Nothing, newcomer: false };
            let why = ask(dir.path(), &other).unwrap_err();
            assert!(why.contains("not a jgrid of yours"), "{why}");
        }
        #[cfg(target_os = "linux")]
        assert!(holds_lock(std::process::id(), &session::lock_file(dir.path(), &a.id)));
        let gone = Other { pid: 1, started: 0, session: "gone".into(), holds: Holds::Nothing, newcomer: false };
        assert_eq!(ask(dir.path(), &gone), Ok(false));
        assert!(wait_gone(dir.path(), std::slice::from_ref(&gone), Duration::ZERO).is_empty());
    }
}
