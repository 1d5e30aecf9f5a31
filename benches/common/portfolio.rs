//! A deterministic portfolio: N journeys of an organisation in team folders,
//! with a `jgrid.toml` whose aliases the journeys need (some write
//! `#hotline` or `#call-centre` for `#phone`, `#website` for `#web`,
//! `Support` for `Customer service`, `Salesforce` for `CRM`).
//!
//! Shared by `examples/gen_portfolio.rs` (which writes it to a folder) and
//! the benches, like `generator.rs`. The same `n` always gives the same files,
//! byte for byte.
//!
//! Each journey has 8 phases of the five default rows, about 4.4 KB of
//! TOML: two or three lines a cell, `#tags` in every row but Need, owners by
//! the owner rule, and `#channel topic: statement` promises. Most journeys
//! agree with each other; about one promise in 40 says something else (a
//! `portfolio-conflict`), and about one owner or system in 25 is another
//! team's (`owner-drift`, `system-drift`), so the checks across journeys
//! have something to find. Moods are set in most phases.
#![allow(dead_code)]

use std::path::Path;

use jgrid::journey::{CellRef, Change, DEFAULT_ROWS, Journey};

/// The portfolio's `jgrid.toml`.
pub const RULES: &str = r#"name = "Generated telecom"

[checks]
external = ["search", "comparison-site"]

[aliases.channels]
phone = ["hotline", "call-centre"]
web = ["website"]

[aliases.teams]
"Customer service" = ["Support", "CS"]

[aliases.systems]
CRM = ["Salesforce"]
"#;

/// Channels with the spellings journeys use, their owner and their system.
const CHANNELS: [(&[&str], &str, &str); 10] = [
    (&["phone", "hotline", "call-centre"], "Customer service", "CRM"),
    (&["web", "website"], "Marketing", "CMS"),
    (&["app"], "Digital", "Mobile backend"),
    (&["email"], "Marketing", "Marketing platform"),
    (&["chat"], "Customer service", "Chatbot"),
    (&["shop"], "Retail", "POS"),
    (&["letter"], "Back office", "Document system"),
    (&["sms"], "Field service", "Planner"),
    (&["portal"], "Digital", "Self-service portal"),
    (&["search"], "", ""),
];

/// Other spellings of the owners, as some journeys write them.
const TEAM_SPELLINGS: [(&str, &[&str]); 1] = [("Customer service", &["Support", "CS"])];
const SYSTEM_SPELLINGS: [(&str, &[&str]); 1] = [("CRM", &["Salesforce"])];
const OTHER_TEAMS: [&str; 4] = ["Sales", "Billing", "Provisioning", "IT"];
const OTHER_SYSTEMS: [&str; 4] = ["Ticketing", "ERP", "Billing system", "Order system"];

const TOPICS: [(&str, &str, &str); 8] = [
    ("callback", "within 1 day", "within 3 days"),
    ("opening hours", "weekdays 8 to 20", "weekdays 9 to 17"),
    ("delivery time", "within 3 working days", "within 5 working days"),
    ("price", "from 29 EUR a month", "from 25 EUR a month"),
    ("notice period", "one month", "two months"),
    ("installation", "free when booked online", "49 EUR"),
    ("warranty", "two years on all hardware", "one year"),
    ("refund", "within 10 working days", "within 30 days"),
];

const STAGES: [&str; 12] = [
    "Orientation",
    "Compare",
    "Order",
    "Confirm",
    "Delivery",
    "Installation",
    "First use",
    "Billing",
    "Support",
    "Change plan",
    "Move",
    "Leave",
];
const PERSONAS: [&str; 6] = [
    "Anna (34), moves with her partner",
    "Bram (51), works from home",
    "Chris (27), first own flat",
    "Dana (62), not at ease online",
    "Eli (40), small business owner",
    "Fay (23), student abroad",
];
const NEEDS: [&str; 8] = [
    "Working internet on moving day",
    "Know what it costs before signing",
    "Keep the same phone number",
    "Talk to a person, not a bot",
    "Not pay twice during the move",
    "Fast enough for working from home",
    "An installer who comes on time",
    "Understand the first bill",
];
const REMARKS: [&str; 6] = [
    "waits longer than expected",
    "compares three providers side by side",
    "gets two different answers",
    "cannot find the right form",
    "is told to call back tomorrow",
    "expected this to be automatic",
];

/// The journey with this number.
pub fn journey(i: usize) -> Journey {
    let mut rng = Lcg(0x706f_7274_666f_6c69 ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let start = rng.below(STAGES.len() - 8);
    let phases: Vec<&str> = STAGES[start..start + 8].to_vec();
    let title = format!("Journey {i:04}: {} to {}", phases[0], phases[7]);
    let mut j = Journey::new(&title, rng.pick(&PERSONAS), DEFAULT_ROWS, phases);
    for p in 0..8 {
        let mood = rng.below(6);
        if mood < 5 {
            Change::SetMood { phase: p, mood: Some(mood as i8 - 2) }.apply(&mut j).expect("a phase of the grid");
        }
        // Two or three channels a phase; the first continues from the phase before.
        let count = 2 + rng.below(2);
        let mut channels: Vec<usize> = Vec::new();
        while channels.len() < count {
            let c = rng.below(CHANNELS.len());
            if !channels.contains(&c) {
                channels.push(c);
            }
        }
        let mut cells = [String::new(), String::new(), String::new(), String::new(), String::new()];
        cells[0] = format!("{}\n{}", rng.pick(&NEEDS), rng.pick(&NEEDS));
        for &c in &channels {
            let (spellings, team, system) = CHANNELS[c];
            let tag = spellings[rng.below(spellings.len())];
            line(&mut cells[1], format!("#{tag} {}", rng.pick(&REMARKS)));
            let (topic, usual, other) = TOPICS[(c + p) % TOPICS.len()];
            let said = if rng.below(40) == 0 { other } else { usual };
            line(&mut cells[2], format!("#{tag} {topic}: {said}"));
            if team.is_empty() {
                continue;
            }
            let team = spelled(&mut rng, team, &TEAM_SPELLINGS, &OTHER_TEAMS);
            line(&mut cells[3], format!("{team} owns #{tag}"));
            let system = spelled(&mut rng, system, &SYSTEM_SPELLINGS, &OTHER_SYSTEMS);
            line(&mut cells[4], format!("#{tag} runs on {system}"));
        }
        line(&mut cells[1], format!("The customer {}", rng.pick(&REMARKS)));
        for (row, text) in cells.into_iter().enumerate() {
            Change::SetCell { at: CellRef::new(p, row), text }.apply(&mut j).expect("a cell of the grid");
        }
    }
    j
}

fn line(cell: &mut String, text: String) {
    if !cell.is_empty() {
        cell.push('\n');
    }
    cell.push_str(&text);
}

/// The owner as most journeys write it, sometimes another spelling of it,
/// about one time in 25 another team (or system) altogether.
fn spelled(
    rng: &mut Lcg,
    name: &'static str,
    spellings: &[(&str, &[&'static str])],
    others: &[&'static str],
) -> &'static str {
    if rng.below(25) == 0 {
        return rng.pick(others);
    }
    match spellings.iter().find(|(n, _)| *n == name) {
        Some((_, other)) if rng.below(3) == 0 => other[rng.below(other.len())],
        _ => name,
    }
}

/// Where journey `i` goes under the portfolio's folder: ten team folders.
pub fn file_name(i: usize) -> String {
    format!("team-{:02}/journey-{i:04}.toml", i % 10)
}

/// Write the portfolio of `n` journeys into `dir` (which should be empty).
pub fn write(dir: &Path, n: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("jgrid.toml"), RULES)?;
    for i in 0..n {
        let path = dir.join(file_name(i));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, jgrid::format::to_toml(&journey(i)))?;
    }
    Ok(())
}

/// A 64-bit linear congruential generator, as in `generator.rs`.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}
