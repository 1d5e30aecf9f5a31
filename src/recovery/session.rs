//! Running jgrids: each holds an exclusive lock on its own session file in
//! `<recovery dir>/sessions/` for as long as it runs (the kernel drops it
//! when the process dies, even after `kill -9`). The file says which journey
//! the session has open, so a second jgrid on the same journey can say so,
//! as vim's swap file does, and never touches a live session's recovery file.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::private_dir;

/// This process's session: its id and the lock that marks it as running.
#[derive(Debug)]
pub struct Session {
    pub id: String,
    file: File,
    path: PathBuf,
    /// Still asking at start what to do about the journey (`asking_file`).
    asking: bool,
}

/// Another running jgrid, as its session file tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Running {
    pub id: String,
    pub pid: u32,
    /// The journey key it has open ("" for an untitled journey).
    pub key: String,
    /// When it started, seconds since 1970.
    pub started: u64,
}

fn sessions_dir(recovery_dir: &Path) -> PathBuf {
    recovery_dir.join("sessions")
}

/// The lock file of session `id`.
pub fn lock_file(recovery_dir: &Path, id: &str) -> PathBuf {
    sessions_dir(recovery_dir).join(format!("{id}.lock"))
}

/// While this file is there, the jgrid of session `id` is still asking at
/// start what to do about its journey (another jgrid has it open, a
/// recovery file was found): it holds nothing of its own yet.
pub fn asking_file(recovery_dir: &Path, id: &str) -> PathBuf {
    sessions_dir(recovery_dir).join(format!("{id}.asking"))
}

/// True while the jgrid of session `id` runs (it holds its lock).
pub fn is_running(recovery_dir: &Path, id: &str) -> bool {
    let Ok(file) = OpenOptions::new().read(true).write(true).open(lock_file(recovery_dir, id)) else { return false };
    match file.try_lock() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
    }
}

impl Session {
    /// Start this process's session for the journey `key`.
    pub fn start(recovery_dir: &Path, key: &str) -> io::Result<Self> {
        let dir = sessions_dir(recovery_dir);
        private_dir(&dir)?;
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let id = format!("{:x}-{:x}", std::process::id(), nanos & 0xffff_ffff_ffff);
        let path = lock_file(recovery_dir, &id);
        // Made, locked and written under another name, then renamed: another
        // jgrid looking for running sessions never finds it unlocked (and
        // takes it for a dead one's) nor empty.
        let making = dir.join(format!("{id}.new"));
        let file = OpenOptions::new().create_new(true).write(true).open(&making)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
        file.lock()?;
        // Asking (at start) from the first moment another jgrid can see it.
        let made = File::create(asking_file(recovery_dir, &id))
            .and_then(|_| (&file).write_all(contents(key).as_bytes()))
            .and_then(|()| fs::rename(&making, &path));
        if let Err(e) = made {
            let _ = fs::remove_file(&making);
            let _ = fs::remove_file(asking_file(recovery_dir, &id));
            return Err(e);
        }
        Ok(Self { id, file, path, asking: true })
    }

    /// This jgrid is (still) asking at start what to do about its journey, or no longer.
    pub fn set_asking(&mut self, asking: bool) {
        if asking == self.asking {
            return;
        }
        let marker = self.path.with_extension("asking");
        let done = if asking { File::create(&marker).map(drop) } else { fs::remove_file(&marker) };
        self.asking = asking && done.is_ok();
    }

    /// The journey this session has open changed (saved under a new name).
    pub fn set_key(&mut self, key: &str) -> io::Result<()> {
        self.file.set_len(0)?;
        let mut f = &self.file;
        use std::io::Seek as _;
        f.seek(io::SeekFrom::Start(0))?;
        // One write, so another jgrid never reads half of it. No sync: the
        // file only says who is running now, and after a crash nobody holds
        // its lock, so it counts as dead whatever it says (a sync here cost
        // about 3 ms of start-up).
        f.write_all(contents(key).as_bytes())
    }
}

/// What a session file says: this process, when it started, its journey.
fn contents(key: &str) -> String {
    format!("{}\n{}\n{key}", std::process::id(), crate::journey::now_secs())
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = fs::remove_file(self.path.with_extension("asking"));
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// The other jgrids running now. A session file nobody holds belongs to a
/// jgrid that died; it is removed on the way.
pub fn running(recovery_dir: &Path, except: Option<&str>) -> Vec<Running> {
    let Ok(entries) = fs::read_dir(sessions_dir(recovery_dir)) else { return Vec::new() };
    let mut found = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else { continue };
        if path.extension().is_none_or(|x| x != "lock") || Some(id.as_str()) == except {
            continue;
        }
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else { continue };
        match file.try_lock() {
            Ok(()) => {
                // Dead: nobody holds it.
                let _ = fs::remove_file(path.with_extension("asking"));
                let _ = fs::remove_file(&path);
                let _ = file.unlock();
            }
            Err(TryLockError::WouldBlock) => {
                let text = fs::read_to_string(&path).unwrap_or_default();
                let mut lines = text.splitn(3, '\n');
                let pid = lines.next().and_then(|p| p.trim().parse().ok()).unwrap_or(0);
                let started = lines.next().and_then(|s| s.trim().parse().ok()).unwrap_or(0);
                let key = lines.next().unwrap_or("").to_owned();
                found.push(Running { id, pid, key, started });
            }
            Err(TryLockError::Error(_)) => {}
        }
    }
    found.sort_by(|a, b| a.started.cmp(&b.started).then_with(|| a.id.cmp(&b.id)));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_session_is_seen_and_a_dropped_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = Session::start(dir.path(), "/j/a.toml").unwrap();
        let mut b = Session::start(dir.path(), "/j/b.toml").unwrap();
        let seen = running(dir.path(), Some(&b.id));
        assert_eq!(seen.len(), 1);
        assert_eq!((seen[0].key.as_str(), seen[0].pid), ("/j/a.toml", std::process::id()));
        b.set_key("/j/renamed.toml").unwrap();
        assert!(running(dir.path(), Some(&a.id)).iter().any(|r| r.key == "/j/renamed.toml"));
        drop(a);
        assert!(running(dir.path(), Some(&b.id)).is_empty());
    }

    #[test]
    fn a_session_being_made_is_neither_seen_nor_removed_and_a_made_one_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = sessions_dir(dir.path());
        private_dir(&sessions).unwrap();
        // Not locked yet: another jgrid must not take it for a dead one's.
        fs::write(sessions.join("making.new"), "").unwrap();
        assert!(running(dir.path(), None).is_empty());
        assert!(sessions.join("making.new").exists());
        let a = Session::start(dir.path(), "/j/a.toml").unwrap();
        let names: Vec<String> =
            fs::read_dir(&sessions).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(names.contains(&format!("{}.lock", a.id)), "{names:?}");
        assert!(!names.contains(&format!("{}.new", a.id)), "{names:?}");
        assert_eq!(running(dir.path(), None).len(), 1);
    }

    #[test]
    fn a_session_file_left_by_a_dead_process_is_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = sessions_dir(dir.path());
        private_dir(&sessions).unwrap();
        fs::write(sessions.join("dead.lock"), "1\n0\n/j/a.toml").unwrap();
        assert!(running(dir.path(), None).is_empty());
        assert!(!sessions.join("dead.lock").exists());
    }
}
