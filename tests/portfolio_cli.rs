//! A folder of journeys from the command line: `jgrid check DIR`,
//! `jgrid blueprint DIR` and `jgrid site DIR -o OUT`, on the Northwind
//! folder (six journeys with a planted conflict through an alias, an owner
//! drift and a system drift) and on hostile folders.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NORTHWIND: &str = "tests/portfolio/northwind";

fn jgrid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jgrid")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("jgrid writes UTF-8")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o.stdout)))
}

#[test]
fn check_dir_finds_the_planted_findings_across_journeys_and_no_others() {
    let out = jgrid(&["check", NORTHWIND, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let all = json(&out);
    let all = all.as_array().unwrap();
    assert!(all.iter().all(|f| f["journey"].is_string() && f["file"].as_str().unwrap().starts_with(NORTHWIND)));
    let across: Vec<(&str, Vec<&str>)> = all
        .iter()
        .filter(|f| f["places"].is_array())
        .map(|f| {
            (f["id"].as_str().unwrap(), f["subjects"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect())
        })
        .collect();
    assert_eq!(
        across,
        [
            ("portfolio-conflict", vec!["phone", "callback"]),
            ("owner-drift", vec!["email"]),
            ("system-drift", vec!["app"])
        ]
    );
    let conflict = all.iter().find(|f| f["id"] == "portfolio-conflict").unwrap();
    assert_eq!(conflict["severity"], "warning");
    let places: BTreeSet<(&str, &str, &str)> = conflict["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["journey"].as_str().unwrap(), p["says"].as_str().unwrap(), p["tag"].as_str().unwrap()))
        .collect();
    assert_eq!(
        places,
        BTreeSet::from([
            ("Complaint about a bill", "within 3 days", "phone"),
            ("Moving house", "within 1 day", "hotline")
        ])
    );
    let drift = all.iter().find(|f| f["id"] == "owner-drift").unwrap();
    assert_eq!(drift["severity"], "info");
    assert_eq!(drift["rows"], serde_json::json!(["Organization"]));
}

#[test]
fn check_dir_text_names_the_rules_and_counts_the_findings_across_journeys() {
    let out = jgrid(&["check", NORTHWIND]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let last = stdout.lines().last().unwrap();
    assert!(last.starts_with("6 journeys checked with the rules of tests/portfolio/northwind/jgrid.toml: "), "{last}");
    assert!(last.ends_with("(3 across journeys)"), "{last}");
    assert!(stdout.contains(
        "tests/portfolio/northwind/complaint.toml: Contact / Message: warning[portfolio-conflict]: #phone \"callback\""
    ));
}

#[test]
fn a_journey_checked_alone_follows_its_folder_rules() {
    // roaming.toml names #search, which the folder's jgrid.toml calls external:
    // no owner and no system is asked for it.
    let out = jgrid(&["check", &format!("{NORTHWIND}/roaming.toml")]);
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("search"), "{stdout}");
    assert!(stdout.contains("with the rules of tests/portfolio/northwind/jgrid.toml"), "{stdout}");
    let dir = tempfile::tempdir().unwrap();
    fs::copy(format!("{NORTHWIND}/roaming.toml"), dir.path().join("roaming.toml")).unwrap();
    let alone = text(&jgrid(&["check", dir.path().join("roaming.toml").to_str().unwrap()]).stdout);
    assert!(alone.contains("channel-without-owner") && alone.contains("#search"), "{alone}");
}

#[test]
fn journeys_that_agree_give_no_finding_across_journeys_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let journey = |title: &str, said: &str| {
        format!(
            "format = 1\ntitle = \"{title}\"\nrows = [\"Touchpoints\", \"Message\", \"Organization\", \"Systems\"]\n\n\
             [[phase]]\nname = \"Call\"\n\n[phase.cells]\nTouchpoints = \"#phone\"\nMessage = \"{said}\"\n\
             Organization = \"Support owns #phone\"\nSystems = \"CRM serves #phone\"\n"
        )
    };
    fs::write(dir.path().join("a.toml"), journey("A", "#phone callback: within 1 day")).unwrap();
    fs::write(dir.path().join("b.toml"), journey("B", "#Phone Callback: Within 1 day.")).unwrap();
    let out = jgrid(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(json(&out), serde_json::json!([]));
}

#[test]
fn blueprint_json_lists_each_planted_channel_and_the_walls_ranked() {
    let out = jgrid(&["blueprint", NORTHWIND, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = json(&out);
    let channel =
        |name: &str| doc["channels"].as_array().unwrap().iter().find(|c| c["channel"] == name).unwrap().clone();
    let names = |list: &serde_json::Value| -> Vec<String> {
        list.as_array().unwrap().iter().map(|x| x["name"].as_str().unwrap().to_owned()).collect()
    };
    let journeys = |c: &serde_json::Value| -> Vec<String> {
        c["journeys"].as_array().unwrap().iter().map(|x| x["journey"].as_str().unwrap().to_owned()).collect()
    };
    let email = channel("email");
    assert_eq!(names(&email["teams"]), ["Billing", "Sales"]);
    assert_eq!(journeys(&email), ["Cancelling", "New contract"]);
    let app = channel("app");
    assert_eq!(names(&app["systems"]), ["Mobile backend", "Ticketing"]);
    let phone = channel("phone");
    assert_eq!(phone["spellings"], serde_json::json!(["hotline", "call-centre"]));
    assert_eq!(journeys(&phone), ["Complaint about a bill", "Moving house", "Repair", "Travelling abroad"]);
    let counts: Vec<u64> =
        doc["walls"]["teams"].as_array().unwrap().iter().map(|w| w["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]) && !counts.is_empty(), "{counts:?}");
}

#[test]
fn blueprint_writes_every_format_to_a_file_and_refuses_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (format, start) in
        [("markdown", "# Blueprint: Northwind Telecom"), ("csv", "\u{feff}kind,channel"), ("html", "<!DOCTYPE html>")]
    {
        let file = dir.path().join(format!("b.{format}"));
        let out = jgrid(&["blueprint", NORTHWIND, "--format", format, "-o", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0));
        assert!(fs::read_to_string(&file).unwrap().starts_with(start), "{format}");
    }
    let out = jgrid(&["blueprint", NORTHWIND, "-o", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is a folder"));
}

/// Every `href="…"` of a page.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"").skip(1).map(|rest| rest.split('"').next().unwrap().to_owned()).collect()
}

fn site_pages(out: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    let mut folders = vec![out.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                pages.push(path);
            }
        }
    }
    pages
}

/// The site's structure: every journey has a page and the index links it,
/// every relative link resolves to a file of the site, no page has a script.
fn assert_site(out: &Path, journeys: usize) {
    let pages = site_pages(out);
    let journey_pages: Vec<&PathBuf> = pages.iter().filter(|p| p.parent().unwrap().ends_with("journeys")).collect();
    assert_eq!(journey_pages.len(), journeys, "{pages:?}");
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    for page in &journey_pages {
        let name = format!("journeys/{}", page.file_name().unwrap().to_str().unwrap());
        assert!(links(&index).contains(&name), "the index does not link {name}");
    }
    for page in &pages {
        let html = fs::read_to_string(page).unwrap();
        assert!(!html.to_lowercase().contains("<script"), "{} has a script", page.display());
        for link in links(&html) {
            assert!(!link.contains("://") && !link.starts_with('/'), "{} links {link}", page.display());
            let (file, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = if file.is_empty() { page.clone() } else { page.parent().unwrap().join(file) };
            assert!(target.is_file(), "{} links {link}, which is not there", page.display());
            if !fragment.is_empty() {
                let target = fs::read_to_string(&target).unwrap();
                assert!(
                    target.contains(&format!("id=\"{fragment}\"")),
                    "{} links {link}, which is not there",
                    page.display()
                );
            }
        }
    }
}

#[test]
fn site_writes_an_index_that_links_every_journey_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let run = jgrid(&["site", NORTHWIND, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    // Piped: no progress; one line on stdout says where the site is.
    assert_eq!(text(&run.stderr), "");
    assert!(text(&run.stdout).starts_with("wrote "), "{}", text(&run.stdout));
    assert_site(&out, 6);
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<h1>Northwind Telecom</h1>"));
    assert!(index.contains("portfolio-conflict") && index.contains("owner-drift") && index.contains("system-drift"));
    // Run again: an earlier site is replaced, and the page of a journey gone goes too.
    fs::write(out.join("journeys/old.html"), "<nav class=\"site\">").unwrap();
    assert_eq!(jgrid(&["site", NORTHWIND, "-o", out.to_str().unwrap()]).status.code(), Some(0));
    assert!(!out.join("journeys/old.html").exists());
    assert_site(&out, 6);
}

#[test]
fn site_refuses_a_folder_that_holds_other_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let run = jgrid(&["site", NORTHWIND, "-o", dir.path().to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("not a site jgrid wrote"));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A folder with everything a folder can hold that is no plain journey.
/// The portfolio is `DIR/portfolio`; `DIR/shared` lies outside it.
#[cfg(unix)]
fn hostile_folder() -> tempfile::TempDir {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = &dir.path().join("portfolio");
    fs::create_dir(d).unwrap();
    for entry in fs::read_dir(NORTHWIND).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, d.join(path.file_name().unwrap())).unwrap();
    }
    let repair = fs::read_to_string(d.join("repair.toml")).unwrap();
    fs::write(d.join("new\nline.toml"), &repair).unwrap();
    fs::write(d.join("esc\u{1b}[31mred\u{202e}.toml"), &repair).unwrap();
    fs::write(d.join(format!("{}.toml", "l".repeat(240))), &repair).unwrap();
    symlink(".", d.join("loop")).unwrap();
    symlink("missing.toml", d.join("dangling.toml")).unwrap();
    symlink("complaint.toml", d.join("same.toml")).unwrap();
    // A link to a folder outside the portfolio is followed.
    fs::create_dir(d.join("../shared")).unwrap();
    fs::copy(d.join("repair.toml"), d.join("../shared/shared.toml")).unwrap();
    symlink("../shared", d.join("up")).unwrap();
    fs::write(d.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    fs::write(d.join("empty.toml"), "").unwrap();
    fs::create_dir(d.join("empty folder")).unwrap();
    fs::create_dir(d.join("sub")).unwrap();
    fs::write(d.join("sub/jgrid.toml"), "name = \"nested\"\n").unwrap();
    let fifo = d.join("fifo.toml");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    dir
}

#[cfg(unix)]
#[test]
fn a_hostile_folder_is_read_without_hanging_and_said_clearly() {
    let dir = hostile_folder();
    let root = dir.path().join("portfolio");
    let d = root.to_str().unwrap();
    let out = jgrid(&["check", d]);
    // The dangling link is a journey that cannot be read.
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let stdout = text(&out.stdout);
    for said in [
        "Cargo.toml: passed over: no `format = 1` line",
        "empty.toml: passed over: an empty file",
        "sub/jgrid.toml: passed over: the rules of a folder below the portfolio",
        "same.toml: passed over: the same file as",
        "dangling.toml: cannot be read",
        "loop: a link back to",
    ] {
        assert!(stderr.contains(said), "{said}\n{stderr}");
    }
    for output in [&stdout, &stderr] {
        assert!(!output.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'), "{output:?}");
    }
    assert!(stdout.contains("new␊line.toml") && stdout.contains("esc␛[31mred"), "{stdout}");
    // Ten journeys: the six, the three copies of repair under hostile names and the linked one.
    assert!(stdout.lines().last().unwrap().starts_with("10 journeys checked"), "{stdout}");
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("out");
    let run = jgrid(&["site", d, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert_site(&out, 10);
    let names: Vec<String> =
        fs::read_dir(out.join("journeys")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(
        names.iter().all(|n| n.len() <= 70 && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')),
        "{names:?}"
    );
}

#[test]
fn an_empty_folder_is_no_error_but_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let out = jgrid(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("no journeys in this folder"));
    assert_eq!(text(&out.stdout), "0 journeys checked: No findings\n");
}

#[test]
fn a_broken_jgrid_toml_is_said_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(format!("{NORTHWIND}/repair.toml"), dir.path().join("repair.toml")).unwrap();
    fs::write(dir.path().join("jgrid.toml"), "[aliases.channels]\nphone = [\"hot line\"]\n").unwrap();
    for args in [vec!["check", "DIR"], vec!["check", "DIR/repair.toml"], vec!["blueprint", "DIR"]] {
        let args: Vec<String> = args.iter().map(|a| a.replace("DIR", dir.path().to_str().unwrap())).collect();
        let out = jgrid(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("jgrid.toml:2:10: \"hot line\" is not a channel tag"), "{stderr}");
        assert!(stderr.contains("hint: "), "{stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_check_and_blueprint_quietly() {
    use std::io::Read as _;
    use std::process::Stdio;
    for args in [["check", NORTHWIND], ["blueprint", NORTHWIND]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jgrid"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        let status = child.wait().unwrap();
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(status.code().is_some(), "{args:?} was killed by a signal");
    }
}

#[test]
fn blueprint_never_writes_over_a_journey_or_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["repair.toml", "jgrid.toml"] {
        fs::copy(format!("{NORTHWIND}/{name}"), dir.path().join(name)).unwrap();
    }
    for name in ["repair.toml", "jgrid.toml"] {
        let target = dir.path().join(name);
        let before = fs::read(&target).unwrap();
        let out = jgrid(&["blueprint", dir.path().to_str().unwrap(), "-o", target.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(text(&out.stderr).contains("jgrid does not overwrite it"), "{}", text(&out.stderr));
        assert_eq!(fs::read(&target).unwrap(), before);
    }
}

/// Issue 24.5 with issue 23: the site's plan page lists every journey's
/// opportunities under their quadrant, linked to the journey's page.
#[test]
fn site_has_a_plan_page_with_every_journeys_opportunities_by_quadrant() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("northwind");
    fs::create_dir(&folder).unwrap();
    for entry in fs::read_dir(NORTHWIND).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    let moving = folder.join("moving-house.toml");
    let mut journey = fs::read_to_string(&moving).unwrap();
    journey.push_str(
        "\n[[opportunity]]\ntitle = \"Call back <within> the day\"\n\
         why = [{ phase = \"Order move\", row = \"Need\", line = \"Move without a gap\" }]\n\
         gains = [\"customer\", \"Support\"]\ncustomer_value = 3\nbusiness_value = 2\neffort = 1\n\
         owner = \"Support\"\nstatus = \"planned\"\n\n\
         [[opportunity]]\ntitle = \"One system for the hotline\"\n\
         why = [{ check = \"system-seam\", subject = \"hotline\" }]\n\
         gains = [\"Support\"]\ncustomer_value = 1\nbusiness_value = 1\neffort = 3\n",
    );
    fs::write(&moving, journey).unwrap();
    let out = dir.path().join("site");
    let run = jgrid(&["site", folder.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_site(&out, 6);
    let plan = fs::read_to_string(out.join("plan.html")).unwrap();
    let fruit = plan.find("Low-hanging fruit").expect("a low-hanging fruit section");
    let not_now = plan.find("Not now").expect("a not-now section");
    let call = plan.find("Call back &lt;within&gt; the day").expect("the title, escaped");
    let system = plan.find("One system for the hotline").unwrap();
    assert!(fruit < call && call < not_now && not_now < system, "each under its quadrant");
    assert!(plan.contains("href=\"journeys/moving-house.html\""), "linked to its journey");
    assert!(!plan.contains("Hot issues"), "no section for an empty quadrant");
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(links(&index).contains(&"plan.html".to_owned()));
}
