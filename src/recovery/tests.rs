//! Recovery files: written privately and read back, named per journey and
//! session, offered when no running jgrid owns them, set aside on reload.

use super::*;

#[test]
fn written_and_read_back_with_private_modes() {
    let dir = tempfile::tempdir().unwrap();
    let rdir = dir.path().join("data/recovery");
    let file = file_for(&rdir, "/home/a/journeys/broadband.toml", "s1");
    assert!(file.file_name().unwrap().to_str().unwrap().starts_with("broadband-"));
    let editing = Some(Editing { phase: 1, row: 2, text: "half-typed\nnote".into() });
    let r = Recovery::new("/home/a/journeys/broadband.toml", &Journey::default(), CellRef::new(1, 2), editing)
        .of_session("s1", Some(0xfeed));
    write(&file, &r).unwrap();
    assert_eq!(read(&file), Some(r.clone()));
    assert_eq!(r.journey(), Some(Journey::default()));
    assert_eq!(r.base_hash(), Some(0xfeed));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(fs::metadata(&rdir).unwrap().permissions().mode() & 0o777, 0o700);
    }
    assert_eq!(list(&rdir).len(), 1);
    let kept_file = keep_aside(&file).unwrap().remove(0);
    assert!(!file.exists());
    let kept_journey = format::parse(&fs::read(&kept_file).unwrap()).expect("a plain journey");
    assert_eq!(kept_journey.inbox[0].text, "half-typed\nnote", "with the note being typed in its inbox");
    assert_eq!(kept(&rdir), std::slice::from_ref(&kept_file));
    discard(&kept_file).unwrap();
    discard(&kept_file).unwrap();
}

#[test]
fn different_paths_and_sessions_get_different_files() {
    let d = Path::new("/r");
    assert_ne!(file_for(d, "/a/j.toml", "s"), file_for(d, "/b/j.toml", "s"));
    assert_ne!(file_for(d, "/a/j.toml", "s"), file_for(d, "/a/j.toml", "t"));
    assert_eq!(file_for(d, "", "s"), d.join(format!("untitled-{:016x}-s.toml", content_hash(b""))));
}

#[test]
fn orphans_are_the_files_of_sessions_that_no_longer_run() {
    let dir = tempfile::tempdir().unwrap();
    let key = "/j/a.toml";
    let write_for = |session: &str, written: u64| {
        let mut r = Recovery::new(key, &Journey::default(), CellRef::default(), None).of_session(session, None);
        r.written = written;
        write(&file_for(dir.path(), key, session), &r).unwrap();
    };
    write_for("live", 3);
    write_for("dead-old", 1);
    write_for("dead-new", 2);
    fs::write(file_for(dir.path(), key, "broken"), "not toml [").unwrap();
    write(
        &file_for(dir.path(), "/j/b.toml", "x"),
        &Recovery::new("/j/b.toml", &Journey::default(), CellRef::default(), None),
    )
    .unwrap();
    let found = orphans(dir.path(), key, &["live".to_owned()]);
    let sessions: Vec<String> = found.iter().filter_map(|f| f.as_ref().ok()).map(|(_, r)| r.session.clone()).collect();
    assert_eq!(sessions, ["dead-new", "dead-old"], "newest first, the live one left alone");
    assert_eq!(found.iter().filter(|f| f.is_err()).count(), 1, "the broken one is reported, not hidden");
    let own = file_for(dir.path(), key, "me");
    let (first, _) = found[0].as_ref().unwrap();
    adopt(first, &own).unwrap();
    assert!(own.exists() && !first.exists());
}
