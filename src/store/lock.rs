//! The write lock of a journey: every writer (the editor's save, `jgrid add`,
//! `import`, `new`, `merge`) reads, changes and writes a journey while it
//! holds this lock, so two writers never lose each other's notes.
//!
//! The lock is an exclusive `flock` on `.NAME.lock` beside the journey's real
//! file (symlinks resolved, so every spelling of a path shares one lock). The
//! file exists only while a writer holds it: the holder removes it before it
//! lets go, and a waiter that wakes on a removed file tries again. The kernel
//! drops the lock of a process that dies, so a crash never leaves it stuck.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another one before it gives up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);
const RETRY: Duration = Duration::from_millis(5);

/// An exclusive lock on one journey; released when dropped.
#[derive(Debug)]
pub struct JourneyLock {
    file: File,
    path: PathBuf,
}

/// The lock file of a journey whose real file is `target`.
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target.file_name().map_or_else(|| "journey".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.lock"))
}

impl JourneyLock {
    /// Take the lock of the journey whose real file is `target`, waiting up
    /// to `wait` for a writer that holds it. A timeout is `WouldBlock`.
    pub fn acquire(target: &Path, wait: Duration) -> io::Result<Self> {
        let path = lock_path(target);
        let deadline = Instant::now() + wait;
        loop {
            let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path)?;
            match file.try_lock() {
                Ok(()) => {
                    // The holder before us may have removed the file we locked:
                    // only a lock on the file that is there now counts.
                    if same_inode(&file, &path) {
                        return Ok(Self { file, path });
                    }
                }
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => return Err(e),
            }
            drop(file);
            if Instant::now() >= deadline {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    format!("another jgrid is writing this journey (lock {})", path.display()),
                ));
            }
            std::thread::sleep(RETRY);
        }
    }
}

impl Drop for JourneyLock {
    fn drop(&mut self) {
        // Remove while still holding it; a waiter that then locks the removed
        // file sees that it is gone and starts over.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(unix)]
fn same_inode(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn one_holder_at_a_time_and_the_file_goes_afterwards() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("j.toml");
        let inside = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (target, inside, most) = (target.clone(), Arc::clone(&inside), Arc::clone(&most));
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        let _lock = JourneyLock::acquire(&target, LOCK_WAIT).unwrap();
                        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::yield_now();
                        inside.fetch_sub(1, Ordering::SeqCst);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(most.load(Ordering::SeqCst), 1, "never two holders at once");
        assert!(!lock_path(&target).exists(), "no lock file is left behind");
    }

    #[test]
    fn a_held_lock_times_out_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("j.toml");
        let _held = JourneyLock::acquire(&target, LOCK_WAIT).unwrap();
        let e = JourneyLock::acquire(&target, Duration::from_millis(30)).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::WouldBlock);
        assert!(e.to_string().contains("another jgrid is writing"), "{e}");
    }
}
