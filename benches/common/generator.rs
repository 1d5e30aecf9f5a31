//! Deterministic journeys for benchmarks and tests.
//!
//! Shared by `examples/gen_journey.rs` (which prints them as TOML) and the
//! benches in `benches/` (which build them in memory); both include this file
//! with `#[path]`, so there is one generator.
//!
//! The same size always gives the same journey, byte for byte: the text comes
//! from a 64-bit linear congruential generator with a fixed seed, so no
//! randomness crate is needed. The journeys are built with the pure API only
//! (`Journey::new` and `Change::SetCell`).
//!
//! | size    | phases | rows | cells                                                        |
//! | ------- | -----: | ---: | ------------------------------------------------------------ |
//! | typical |      6 |    5 | two short lines each, two of them empty                      |
//! | large   |    200 |   20 | about 400 characters, `#tags` and `topic: statement` lines   |
//! | huge    |  2,000 |   20 | as large                                                     |
//!
//! Rows are the five default rows (Need, Touchpoints, Message, Organization,
//! Systems), then `Emotion`, `Pain points`, `Opportunities` and `KPI 1`,
//! `KPI 2`, ... In large and huge journeys about 1 cell in 30 is left empty,
//! so the gap checks have something to find.
//!
//! Two more shapes, for the costs that must stay linear (issue 27):
//!
//! | shape          | phases | rows | cells                                                    |
//! | -------------- | -----: | ---: | -------------------------------------------------------- |
//! | conflicts      |    300 |    5 | each Message cell states the same 30 topics, each phase  |
//! |                |        |      | another answer: 30 findings over 300 cells each (230 KB) |
//! | one-line-cell  |      6 |    5 | the typical journey, its first cell one line of 20 MB    |
//!
//! Each including crate uses only part of this file, hence the module-wide
//! `allow(dead_code)`.
#![allow(dead_code)]

use std::fmt;

use jgrid::journey::{CellRef, Change, DEFAULT_ROWS, Journey};

/// How big a journey to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Typical,
    Large,
    Huge,
}

impl Size {
    pub const ALL: [Size; 3] = [Size::Typical, Size::Large, Size::Huge];

    pub fn name(self) -> &'static str {
        match self {
            Size::Typical => "typical",
            Size::Large => "large",
            Size::Huge => "huge",
        }
    }

    pub fn from_name(name: &str) -> Option<Size> {
        Size::ALL.into_iter().find(|s| s.name() == name)
    }

    pub fn phases(self) -> usize {
        match self {
            Size::Typical => 6,
            Size::Large => 200,
            Size::Huge => 2_000,
        }
    }

    pub fn rows(self) -> usize {
        match self {
            Size::Typical => 5,
            Size::Large | Size::Huge => 20,
        }
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The journey of this size.
pub fn journey(size: Size) -> Journey {
    let mut rng = Lcg::new(0x6a67_7269_6400_0007 ^ size.phases() as u64);
    let mut j = Journey::new(
        &format!("Moving house with broadband ({size})"),
        "Anna (34), moves to a new flat with her partner",
        row_names(size.rows()),
        phase_names(size),
    );
    for phase in 0..size.phases() {
        for row in 0..size.rows() {
            let text = match size {
                Size::Typical if (phase + 2 * row) % 13 == 12 => String::new(),
                Size::Typical => note(&mut rng, row, 2, 0),
                Size::Large | Size::Huge if rng.below(30) == 0 => String::new(),
                Size::Large | Size::Huge => note(&mut rng, row, usize::MAX, 400),
            };
            if !text.is_empty() {
                Change::SetCell { at: CellRef::new(phase, row), text }
                    .apply(&mut j)
                    .expect("the generator only writes cells inside the grid");
            }
        }
    }
    j
}

/// 300 phases whose Message cells all state the same 30 topics, each phase
/// with its own answer (`#web price: answer 17 in phase 17`): the
/// conflicting-messages check finds 30 findings, each over all 300 cells.
/// About 230 KB of TOML.
pub fn conflicts() -> Journey {
    let phases: Vec<String> = (1..=300).map(|i| format!("Phase {i}")).collect();
    let mut j = Journey::new("Conflicting topics", "Anna (34)", DEFAULT_ROWS, phases);
    for p in 0..300 {
        let lines: Vec<String> = (0..30).map(|t| format!("#web topic {t}: answer {}", (p + t) % 7)).collect();
        let at = CellRef::new(p, 2);
        Change::SetCell { at, text: lines.join("\n") }.apply(&mut j).expect("inside the grid");
    }
    j
}

/// The typical journey with its first cell replaced by one line of `bytes`
/// bytes (words and spaces, no newline): a whole transcript pasted at once.
pub fn one_line_cell(bytes: usize) -> Journey {
    let mut j = journey(Size::Typical);
    let mut rng = Lcg::new(0x6a67_7269_6400_0020);
    let mut text = String::with_capacity(bytes + 64);
    while text.len() < bytes {
        text.push_str(rng.pick(&REMARKS));
        text.push_str(if rng.below(9) == 0 { ", and she " } else { " " });
    }
    text.truncate(bytes);
    let text = text.trim_end().to_owned();
    Change::SetCell { at: CellRef::new(0, 0), text }.apply(&mut j).expect("inside the grid");
    j
}

fn row_names(count: usize) -> Vec<String> {
    let named = DEFAULT_ROWS.iter().chain(&["Emotion", "Pain points", "Opportunities"]).map(|s| (*s).to_owned());
    let kpis = (1..).map(|i| format!("KPI {i}"));
    named.chain(kpis).take(count).collect()
}

const STAGES: [&str; 10] = [
    "Orientation",
    "Comparison",
    "Purchase",
    "Delivery",
    "Installation",
    "Use",
    "Billing",
    "Service",
    "Moving",
    "Renewal",
];

fn phase_names(size: Size) -> Vec<String> {
    if size == Size::Typical {
        return ["Orientation", "Comparison", "Purchase", "Delivery", "Use", "Service"].map(str::to_owned).to_vec();
    }
    (0..size.phases()).map(|i| format!("{} {}", STAGES[i % STAGES.len()], i / STAGES.len() + 1)).collect()
}

const CHANNELS: [&str; 12] =
    ["website", "app", "shop", "phone", "email", "chat", "letter", "sms", "portal", "helpdesk", "social", "installer"];
const TOPICS: [&str; 10] = [
    "price",
    "delivery time",
    "warranty",
    "opening hours",
    "contract length",
    "installation",
    "cancellation",
    "speed",
    "support",
    "moving date",
];
const STATEMENTS: [&str; 10] = [
    "from 29 EUR a month",
    "within 3 working days",
    "two years on all hardware",
    "weekdays 8 to 20",
    "one year, then monthly",
    "free when booked online",
    "one month notice",
    "up to 1 Gbit/s",
    "24/7 by chat",
    "any day you choose",
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
const TEAMS: [&str; 8] =
    ["Marketing", "Retail", "Customer service", "Sales", "Field service", "Billing", "IT", "Logistics"];
const SYSTEMS: [&str; 8] =
    ["CMS", "CRM", "Order system", "Planning tool", "Billing system", "Ticketing", "ERP", "Chatbot"];
const FEELINGS: [&str; 8] = ["hopeful", "unsure", "annoyed", "relieved", "impatient", "confused", "pleased", "anxious"];
const REMARKS: [&str; 8] = [
    "waits longer than expected",
    "compares three providers side by side",
    "asks a neighbour for advice",
    "reads the small print twice",
    "gets two different answers",
    "cannot find the right form",
    "is told to call back tomorrow",
    "expected this to be automatic",
];

/// One cell's text for this row: two lines, then more lines until the text
/// has `min_chars` characters, but never more than `max_lines` lines.
fn note(rng: &mut Lcg, row: usize, max_lines: usize, min_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    while count < max_lines && (count < 2 || out.chars().count() < min_chars) {
        if count > 0 {
            out.push('\n');
        }
        out.push_str(&line(rng, row));
        count += 1;
    }
    out
}

/// One line of text in the voice of the row.
fn line(rng: &mut Lcg, row: usize) -> String {
    let channel = rng.pick(&CHANNELS);
    match row {
        0 => rng.pick(&NEEDS).to_owned(),
        1 => format!("#{channel} {}", rng.pick(&REMARKS)),
        2 => {
            let i = rng.below(TOPICS.len());
            // Mostly the topic's own statement; sometimes another one, so
            // that the conflicting-message check finds something.
            let statement = if rng.below(8) == 0 { rng.pick(&STATEMENTS) } else { STATEMENTS[i] };
            format!("#{channel} {}: {statement}", TOPICS[i])
        }
        3 => format!("{} owns #{channel}", rng.pick(&TEAMS)),
        4 => format!("{} serves #{channel}", rng.pick(&SYSTEMS)),
        5 => format!("Feels {} when she {}", rng.pick(&FEELINGS), rng.pick(&REMARKS)),
        _ => match rng.below(3) {
            0 => format!("{}: {}", rng.pick(&TOPICS), rng.pick(&STATEMENTS)),
            1 => format!("#{channel} {} ({} %)", rng.pick(&REMARKS), rng.below(100)),
            _ => format!("{} follows up with {}", rng.pick(&TEAMS), rng.pick(&SYSTEMS)),
        },
    }
}

/// A 64-bit linear congruential generator (Knuth's MMIX constants); the high
/// bits are good enough to pick words.
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}
