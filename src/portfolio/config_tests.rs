use super::*;

const GOOD: &str = r##"name = "Acme Telecom"

[checks]
off = ["inside-out", "owner-drift"]
external = ["#search"]

[aliases.channels]
phone = ["hotline", "Call-Centre"]

[aliases.teams]
"Customer service" = ["Support", "CS team"]

[aliases.systems]
CRM = ["Salesforce"]
"##;

#[test]
fn a_full_file_is_read() {
    let rules = parse(GOOD, "p/jgrid.toml").unwrap();
    assert_eq!(rules.name, "Acme Telecom");
    assert_eq!(rules.checks_off, ["inside-out", "owner-drift"]);
    assert_eq!(rules.external, ["search"]);
    assert_eq!(rules.channel("#hotline"), "phone");
    assert_eq!(rules.channel("call-centre"), "phone");
    assert_eq!(rules.teams[0].name, "Customer service");
    assert_eq!(rules.teams[0].aliases, ["Support", "CS team"]);
    assert_eq!(rules.systems[0].aliases, ["Salesforce"]);
}

#[test]
fn an_empty_file_is_no_rules() {
    let rules = parse("", "jgrid.toml").unwrap();
    assert!(rules.channels.is_empty() && rules.checks_off.is_empty() && rules.name.is_empty());
}

fn error(text: &str) -> (usize, usize, String) {
    let e = parse(text, "jgrid.toml").unwrap_err();
    (e.line, e.column, e.message)
}

#[test]
fn mistakes_are_reported_where_they_are() {
    let (line, column, message) = error("[checks]\noff = [\"nope\"]\n");
    assert_eq!((line, column), (2, 8));
    assert!(message.contains("\"nope\" is not a check"), "{message}");

    let (line, column, message) = error("[aliases.channels]\nphone = [\"hot line\"]\n");
    assert_eq!((line, column), (2, 10));
    assert!(message.contains("not a channel tag"), "{message}");

    let (line, _, message) = error("nmae = \"x\"\n");
    assert_eq!(line, 1);
    assert!(message.contains("unknown field"), "{message}");

    let (line, _, message) = error("[aliases]\nchannel = {}\n");
    assert_eq!(line, 2);
    assert!(message.contains("unknown field"), "{message}");

    let (line, _, _) = error("[aliases.channels]\nphone = \"hotline\"\n");
    assert_eq!(line, 2);
}

#[test]
fn a_spelling_means_one_name_only() {
    let (line, column, message) = error("[aliases.channels]\nphone = [\"hotline\"]\ncall = [\"HOTLINE\"]\n");
    assert_eq!((line, column), (3, 9), "{message}");
    assert!(message.contains("\"HOTLINE\" already means \"phone\""), "{message}");
    // A name that is another name's alias.
    let (line, _, message) = error("[aliases.teams]\nSupport = [\"Helpdesk\"]\nHelpdesk = []\n");
    assert_eq!(line, 3, "{message}");
    // Teams compare as the owner rule compares them: case and punctuation do not matter.
    let (_, _, message) =
        error("[aliases.teams]\n\"Customer service\" = [\"customer-service\"]\nSales = [\"Customer  Service\"]\n");
    assert!(message.contains("already means \"Customer service\""), "{message}");
}

#[test]
fn repeating_a_name_in_its_own_list_is_harmless() {
    let rules = parse("[aliases.channels]\nphone = [\"phone\", \"hotline\", \"hotline\"]\n", "jgrid.toml").unwrap();
    assert_eq!(rules.channels[0].aliases, ["hotline"]);
}

#[test]
fn the_file_that_applies_is_found_walking_up_to_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("repo/team/sub")).unwrap();
    std::fs::create_dir_all(root.join("repo/.git")).unwrap();
    std::fs::write(root.join("jgrid.toml"), "").unwrap();
    // Above the repository: not looked at.
    assert_eq!(find(&root.join("repo/team/sub/j.toml")), None);
    std::fs::write(root.join("repo/jgrid.toml"), "").unwrap();
    let found = find(&root.join("repo/team/sub/j.toml")).unwrap();
    assert!(found.ends_with("repo/jgrid.toml"), "{}", found.display());
    std::fs::write(root.join("repo/team/jgrid.toml"), "").unwrap();
    assert!(find(&root.join("repo/team/sub")).unwrap().ends_with("repo/team/jgrid.toml"));
}

#[test]
fn a_rendered_error_names_the_file_and_shows_no_control_characters() {
    let e = parse("[checks]\noff = [\"ro\\u001bt\"]\n", "x").unwrap_err();
    let shown = e.render(Path::new("p\u{1b}/jgrid.toml"));
    assert!(shown.starts_with("p␛/jgrid.toml:2:8: "), "{shown}");
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert!(shown.contains("\"ro␛t\" is not a check"), "{shown}");
}

#[test]
fn the_file_found_is_shown_as_the_path_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("a/b")).unwrap();
    std::fs::write(root.join("jgrid.toml"), "").unwrap();
    // Absolute in, absolute out.
    assert_eq!(find(&root.join("a/b/j.toml")).unwrap(), std::fs::canonicalize(root).unwrap().join("jgrid.toml"));
    std::fs::write(root.join("a/jgrid.toml"), "").unwrap();
    assert_eq!(find(&root.join("a/b")).unwrap(), root.join("a/b").parent().unwrap().join("jgrid.toml"));
}
