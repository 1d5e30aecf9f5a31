use crate::format::{parse, to_toml};
use crate::journey::{Journey, Opportunity, PlanField, Status, Unresolved, Why};

const HEAD: &str = "format = 1\nrows = [\"Need\"]\n\n[[phase]]\nname = \"Wait\"\n";

fn sample() -> Journey {
    let mut j = Journey::new("T", "P", ["Need"], ["Wait"]);
    j.sources.insert("sara".into(), "customer, 29, switched in March".into());
    j.opportunities.push(Opportunity {
        title: "Tell the customer the switch date".into(),
        why: vec![
            Why::Line { phase: "Wait".into(), row: "Need".into(), line: "Heard nothing for two weeks".into() },
            Why::Finding { check: "conflicting-message".into(), subject: Some("switch time".into()) },
        ],
        gains: vec!["customer".into(), "Support".into()],
        customer_value: Some(3),
        business_value: Some(2),
        effort: Some(1),
        owner: "Support".into(),
        status: Status::Planned,
        solutions: "SMS on the switch day\nswitch date in the app".into(),
    });
    j.opportunities.push(Opportunity::new("Bare \u{1b}[2J idea", Vec::new()));
    j
}

#[test]
fn opportunities_and_sources_round_trip_byte_for_byte() {
    let j = sample();
    let text = to_toml(&j);
    assert!(text.contains(
        "\n[[opportunity]]\ntitle = \"Tell the customer the switch date\"\nwhy = [\n  { phase = \"Wait\", row = \"Need\", line = \"Heard nothing for two weeks\" },\n  { check = \"conflicting-message\", subject = \"switch time\" },\n]\ngains = [\"customer\", \"Support\"]\ncustomer_value = 3\nbusiness_value = 2\neffort = 1\nowner = \"Support\"\nstatus = \"planned\"\nsolutions = \"\"\"\nSMS on the switch day\nswitch date in the app\"\"\"\n"
    ), "{text}");
    assert!(text.contains("\n[sources]\nsara = \"customer, 29, switched in March\"\n"), "{text}");
    assert!(text.contains("title = \"Bare \\u001B[2J idea\"\nwhy = []\ngains = []\nstatus = \"idea\"\n"), "{text}");
    let read = parse(text.as_bytes()).unwrap();
    assert_eq!(read, j);
    assert_eq!(to_toml(&read), text, "a no-op save gives the same bytes");
}

#[test]
fn an_opportunity_conflict_round_trips_with_theirs_written_as_the_field() {
    let mut j = sample();
    let theirs = Opportunity {
        why: vec![Why::Line { phase: "Wait".into(), row: "Need".into(), line: "x".into() }],
        ..Opportunity::default()
    };
    j.unresolved = vec![
        Unresolved::Plan { title: "Bare \u{1b}[2J idea".into(), field: PlanField::Why, theirs: Box::new(theirs) },
        Unresolved::Plan { title: "Bare \u{1b}[2J idea".into(), field: PlanField::Effort, theirs: Box::default() },
        Unresolved::Plan {
            title: "Bare \u{1b}[2J idea".into(),
            field: PlanField::Status,
            theirs: Box::new(Opportunity { status: Status::Done, ..Opportunity::default() }),
        },
        Unresolved::Source { name: "sara".into(), theirs: "a \"quoted\" customer".into() },
    ];
    let text = to_toml(&j);
    assert!(
        text.contains(
            "about = \"opportunity\"\nopportunity = \"Bare \\u001B[2J idea\"\nfield = \"status\"\ntheirs = \"done\"\n"
        ),
        "{text}"
    );
    let read = parse(text.as_bytes()).unwrap();
    assert_eq!(read, j);
    assert_eq!(to_toml(&read), text);
}

#[test]
fn a_wrong_opportunity_is_refused_at_its_line_and_column() {
    for (table, message, at) in [
        ("why = []", "has no `title`", (7, 1)),
        ("title = \"\"", "the opportunity's title is empty", (8, 9)),
        ("title = \"a\"\neffort = 4", "effort 4 is out of range", (9, 10)),
        ("title = \"a\"\ncustomer_value = 0", "customer_value 0 is out of range", (9, 18)),
        ("title = \"a\"\nstatus = \"someday\"", "\"someday\" is not a status", (9, 10)),
        ("title = \"a\"\nwhy = [{ check = \"nope\" }]", "\"nope\" is not a check", (9, 18)),
        ("title = \"a\"\nwhy = [{ phase = \"Wait\" }]", "names neither one line nor one finding", (9, 8)),
        ("title = \"a\"\ngains = [\" \"]", "an empty name in `gains`", (9, 10)),
        ("title = \"a\"\ncolour = 1", "unknown field `colour`", (9, 1)),
        ("title = \"a\"\n\n[[opportunity]]\ntitle = \"a\"", "two opportunities are titled \"a\"", (11, 9)),
    ] {
        let text = format!("{HEAD}\n[[opportunity]]\n{table}\n");
        let e = parse(text.as_bytes()).unwrap_err();
        assert!(e.message.contains(message), "{table}: {e}");
        assert_eq!((e.line, e.column), at, "{table}: {e}");
    }
    let bad_source = format!("{HEAD}\n[sources]\n\"a b\" = \"x\"\n");
    let e = parse(bad_source.as_bytes()).unwrap_err();
    assert!(e.message.contains("is not a source name"), "{e}");
    assert_eq!((e.line, e.column), (8, 1));
    let bad_theirs =
        format!("{HEAD}\n[[conflict]]\nabout = \"opportunity\"\nopportunity = \"a\"\nfield = \"effort\"\ntheirs = 9\n");
    let e = parse(bad_theirs.as_bytes()).unwrap_err();
    assert!(e.message.contains("effort 9 is out of range"), "{e}");
    assert_eq!((e.line, e.column), (11, 10), "{e}");
}
