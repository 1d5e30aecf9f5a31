//! The shell's side of handing a journey over (`recovery::handover`): taking
//! it over from other jgrids on `take over`, and handing it over when another
//! jgrid asks.

use std::path::Path;

use crate::app::{App, Discovered, Msg};
use crate::recovery::{Other, handover};

/// Ask the other jgrids the question named to hand the journey over, wait
/// for them (bounded), and say what is there now: the recovery files they
/// wrote are offered as after a crash, and those that did not answer are
/// named. What each holds is read again first: one that started with this
/// jgrid and still holds nothing is left be (two new jgrids never make each
/// other quit), one that took notes over since is asked too.
pub(super) fn take_over(app: &App, listed: &[Other]) -> Msg {
    let Some(target) = app.recovery() else {
        let failures = vec!["this jgrid keeps no recovery file, so it cannot take anything over".to_owned()];
        return Msg::TakenOver { failures, found: Discovered { others: listed.to_vec(), ..Discovered::default() } };
    };
    let dir = target.file.parent().unwrap_or(Path::new("."));
    let discover = || crate::startup::discover(dir, &target.key, &target.session, app.journey(), app.path().as_deref());
    let others: Vec<Other> = discover()
        .others
        .into_iter()
        .filter(|o| !o.newcomer && listed.iter().any(|l| l.session == o.session))
        .collect();
    let mut failures = Vec::new();
    let mut asked = Vec::new();
    for other in &others {
        match handover::ask(dir, other) {
            Ok(true) => asked.push(other.clone()),
            Ok(false) => {}
            Err(why) => failures.push(why),
        }
    }
    for late in handover::wait_gone(dir, &asked, handover::WAIT) {
        failures.push(format!(
            "pid {} did not hand over within {} s (it may be stopped, busy in $EDITOR, or unable to write its recovery file: its own screen says which); it keeps the journey open",
            late.pid,
            handover::WAIT.as_secs()
        ));
    }
    Msg::TakenOver { failures, found: discover() }
}

/// Another jgrid asked for this journey: write the recovery file, and quit
/// only when everything unsaved is in it. Otherwise stay, and say why.
pub(super) fn hand_over(app: &App) -> Result<(), Vec<Msg>> {
    let failed = super::write_recovery(app);
    let kept = app.recovery().as_ref().is_some_and(|t| t.file.exists());
    if !app.has_unsaved() || (failed.is_none() && kept) {
        return Ok(());
    }
    // First what matters (at 80 columns the rest is cut): another jgrid
    // asked, this one stays, what to do.
    let text = "Not handed over: the recovery file cannot be written. Save now (Ctrl-s, :w FILE)".to_owned();
    Err(failed.into_iter().chain([Msg::Notice { text, error: true }]).collect())
}
