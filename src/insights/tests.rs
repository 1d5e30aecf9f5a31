use proptest::prelude::*;

use super::mood::{self, MoodError};
use super::*;
use crate::journey::{CellRef, Change, Journey, Mark};

fn journey(phases: &[&str], cells: &[(usize, usize, &str)]) -> Journey {
    let mut j = Journey::new("", "", ["Need", "Touchpoints"], phases.iter().copied());
    for &(phase, row, text) in cells {
        Change::SetCell { at: CellRef::new(phase, row), text: text.to_owned() }.apply(&mut j).unwrap();
    }
    j
}

fn texts(insights: &Insights, kind: Mark) -> Vec<&str> {
    insights.of_kind(kind).iter().map(|i| i.text.as_str()).collect()
}

// ---------------------------------------------------------------- insights

#[test]
fn pains_are_ranked_by_distinct_sources_and_ties_keep_grid_order() {
    let j = journey(
        &["A", "B", "C"],
        &[
            (0, 0, "! slow form @sara\n! nobody told me"),
            (1, 0, "! waited 25 minutes @sara @tom @li"),
            (1, 1, "! form crashed @tom @sara"),
            (2, 0, "! lost the letter @li\n! form crashed @tom"),
        ],
    );
    let insights = Insights::of(&j);
    assert_eq!(
        texts(&insights, Mark::Pain),
        ["waited 25 minutes", "form crashed", "slow form", "lost the letter", "nobody told me"]
    );
    let counts: Vec<usize> = insights.of_kind(Mark::Pain).iter().map(|i| i.sources.len()).collect();
    assert_eq!(counts, [3, 2, 1, 1, 0]);
}

#[test]
fn the_same_words_in_several_places_are_one_insight_with_every_place() {
    let j = journey(
        &["Order", "Support"],
        &[(0, 1, "#phone line\n! Waited 25 minutes. @sara"), (1, 1, "!   waited 25  minutes @Tom @SARA")],
    );
    let insights = Insights::of(&j);
    let pains = insights.of_kind(Mark::Pain);
    assert_eq!(pains.len(), 1, "{pains:?}");
    let pain = &pains[0];
    assert_eq!(pain.text, "Waited 25 minutes.", "the words of the first place, as written");
    assert_eq!(pain.sources, ["sara", "tom"], "distinct, case-insensitive");
    assert_eq!(pain.at(), CellRef::new(0, 1));
    let places: Vec<(CellRef, usize, Vec<String>)> =
        pain.places.iter().map(|p| (p.at, p.line, p.sources.clone())).collect();
    assert_eq!(
        places,
        [
            (CellRef::new(0, 1), 1, vec!["sara".to_owned()]),
            (CellRef::new(1, 1), 0, vec!["tom".to_owned(), "sara".to_owned()])
        ]
    );
}

#[test]
fn different_kinds_and_different_words_stay_apart() {
    let j = journey(&["A"], &[(0, 0, "! form crashed @a\n+ form crashed @b\n! form crashed twice @c")]);
    let insights = Insights::of(&j);
    assert_eq!(texts(&insights, Mark::Pain), ["form crashed", "form crashed twice"]);
    assert_eq!(texts(&insights, Mark::Opportunity), ["form crashed"]);
    assert_eq!(insights.len(), 3);
}

#[test]
fn lines_that_are_no_marks_or_say_nothing_are_left_out() {
    let j = journey(&["A"], &[(0, 0, "!important\n+1 for the app\n! @sara\n!\n? \nmail anna@example.com\n#web ! no")]);
    assert!(Insights::of(&j).is_empty(), "{:?}", Insights::of(&j));
}

#[test]
fn other_kinds_keep_grid_order_and_the_list_is_pains_first() {
    let j = journey(
        &["A", "B"],
        &[
            (0, 1, "> second quote @x\n? q1"),
            (0, 0, "> first quote\n+ idea one @a @b @c"),
            (1, 0, "+ idea two @a\n! pain"),
        ],
    );
    let insights = Insights::of(&j);
    assert_eq!(texts(&insights, Mark::Quote), ["first quote", "second quote"], "Need comes before Touchpoints");
    assert_eq!(texts(&insights, Mark::Opportunity), ["idea one", "idea two"]);
    let kinds: Vec<Mark> = insights.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, [Mark::Pain, Mark::Opportunity, Mark::Opportunity, Mark::Question, Mark::Quote, Mark::Quote]);
}

#[test]
fn a_source_in_the_middle_of_a_line_is_not_part_of_its_words() {
    let j = journey(&["A"], &[(0, 0, "> @sara said: nobody told me\r")]);
    let insights = Insights::of(&j);
    assert_eq!(texts(&insights, Mark::Quote), ["said: nobody told me"]);
    assert_eq!(same_words("! Nobody told me… @x"), "nobody told me");
    assert_eq!(same_words("! ﬁle lost"), same_words("! file lost"), "compatibility forms compare equal");
}

// ---------------------------------------------------------------- evidence

#[test]
fn a_cell_with_text_and_no_source_is_unbacked_and_an_empty_cell_is_neither() {
    assert_eq!(Backing::of(""), Backing::Empty);
    assert_eq!(Backing::of(" \n\t"), Backing::Empty);
    assert_eq!(Backing::of("Marketing owns #web"), Backing::Unbacked);
    assert_eq!(Backing::of("mail anna@example.com"), Backing::Unbacked, "an e-mail address is no source");
    assert_eq!(Backing::of("a @Sara\nb @tom @sara"), Backing::Backed(vec!["sara".into(), "tom".into()]));
    assert_eq!(Backing::of("a @Sara\nb @tom @sara").count(), 2);
    assert_eq!(Backing::Unbacked.count(), 0);
}

#[test]
fn evidence_counts_filled_cells_and_distinct_sources() {
    let j = journey(
        &["A", "B", "C"],
        &[(0, 0, "need @sara"), (0, 1, "web"), (1, 0, "x @Tom\ny @SARA"), (2, 1, "z"), (2, 0, "   ")],
    );
    let e = Evidence::of(&j);
    assert_eq!((e.filled(), e.backed()), (4, 2));
    assert_eq!(e.sources(), ["sara", "tom"]);
    assert_eq!(e.unbacked().collect::<Vec<_>>(), [CellRef::new(0, 1), CellRef::new(2, 1)]);
    assert_eq!(e.cell(CellRef::new(1, 0)).count(), 2);
    assert_eq!(e.cell(CellRef::new(1, 1)), &Backing::Empty);
    assert_eq!(e.cell(CellRef::new(9, 0)), &Backing::Empty, "outside the grid");
    assert_eq!(e.cell(CellRef::new(0, 9)), &Backing::Empty, "outside the grid");
    assert_eq!(e.summary(), "2 of 4 cells backed · 2 sources");
}

#[test]
fn evidence_kept_cell_by_cell_equals_evidence_read_again() {
    let mut j = journey(&["A", "B"], &[(0, 0, "need @sara"), (1, 1, "web @tom")]);
    let mut e = Evidence::of(&j);
    for (at, text) in [(CellRef::new(0, 0), "need"), (CellRef::new(1, 0), "x @li\ny @sara"), (CellRef::new(1, 1), "")] {
        Change::SetCell { at, text: text.to_owned() }.apply(&mut j).unwrap();
        e.cells_changed(&j, &[at]);
        assert_eq!(e, Evidence::of(&j), "after {at:?} = {text:?}");
    }
    assert_eq!(e.sources(), ["li", "sara"]);
}

#[test]
fn the_summary_says_cell_and_source_in_the_singular() {
    assert_eq!(Evidence::of(&journey(&["A"], &[(0, 0, "x @li")])).summary(), "1 of 1 cell backed · 1 source");
    assert_eq!(Evidence::of(&journey(&["A"], &[])).summary(), "0 of 0 cells backed · 0 sources");
}

// ---------------------------------------------------------------- mood

#[test]
fn raising_and_lowering_start_at_one_step_from_unknown_and_stop_at_two() {
    assert_eq!(mood::raise(None), Some(1));
    assert_eq!(mood::lower(None), Some(-1));
    assert_eq!(mood::raise(Some(1)), Some(2));
    assert_eq!(mood::raise(Some(2)), Some(2));
    assert_eq!(mood::lower(Some(-2)), Some(-2));
    assert_eq!(mood::lower(Some(0)), Some(-1));
    assert_eq!(mood::raise(Some(i8::MAX)), Some(2), "out-of-range input is clamped, never overflows");
    assert_eq!(mood::lower(Some(i8::MIN)), Some(-2));
}

#[test]
fn mood_arguments_are_a_number_from_minus_two_to_two_or_nothing() {
    assert_eq!(mood::parse("2"), Ok(Some(2)));
    assert_eq!(mood::parse("−1"), Ok(Some(-1)), "typographic minus");
    assert_eq!(mood::parse("  "), Ok(None));
    assert_eq!(mood::parse("-0"), Ok(Some(0)));
    assert_eq!(mood::parse("3"), Err(MoodError::OutOfRange("3".into())));
    assert_eq!(mood::parse("-200"), Err(MoodError::OutOfRange("-200".into())));
    assert_eq!(mood::parse("+"), Err(MoodError::NotANumber("+".into())));
    assert_eq!(mood::parse("1.5"), Err(MoodError::NotANumber("1.5".into())));
    let shown = mood::parse("x\u{1b}").unwrap_err().to_string();
    assert_eq!(shown, "a mood is a whole number from -2 to 2, not \"x␛\"; :mood alone clears it");
}

#[test]
fn moods_read_as_numbers_and_words() {
    let labels: Vec<String> = [-2, -1, 0, 1, 2].into_iter().map(|m| mood::label(Some(m))).collect();
    assert_eq!(labels, ["-2 very unhappy", "-1 unhappy", "0 neutral", "+1 happy", "+2 very happy"]);
    assert_eq!(mood::label(None), "unknown");
}

#[test]
fn the_curve_puts_a_point_per_known_mood_and_a_question_mark_on_the_axis_for_unknown() {
    let curve = mood::curve(&[Some(1), Some(-1), Some(-2), Some(0), None]);
    assert_eq!(
        curve,
        [
            "+2 │",
            "+1 │  ●",
            " 0 │           ●",
            "-1 │     ●",
            "-2 │        ●",
            "   └──────────────?",
            "      1  2  3  4  5"
        ]
    );
}

#[test]
fn the_curve_widens_its_columns_for_two_digit_phase_numbers() {
    let mut moods = vec![None; 10];
    moods[9] = Some(2);
    let curve = mood::curve(&moods);
    assert_eq!(curve[0], format!("+2 │{}●", " ".repeat(4 * 9 + 3)));
    assert!(curve[6].ends_with("   9  10"), "{}", curve[6]);
    let point = curve[0].chars().position(|c| c == '●').unwrap();
    assert_eq!(curve[6].chars().nth(point), Some('0'), "the point is above the last digit of its number");
}

// ---------------------------------------------------------------- properties

/// Lines that are often marked, often name sources, and often repeat.
fn cell_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "[!+?>] (waited|form crashed|nobody told me|Form crashed\\.)( @(sara|Tom|li))*",
        "[!+?> ]{0,2}[a-z @#.]{0,12}",
        Just(String::new()),
    ];
    prop::collection::vec(line, 0..4).prop_map(|lines| lines.join("\n"))
}

fn any_journey() -> impl Strategy<Value = Journey> {
    (1..4usize, prop::collection::vec(cell_text(), 8)).prop_map(|(phases, cells)| {
        let names: Vec<String> = (0..phases).map(|p| format!("P{p}")).collect();
        let mut j = Journey::new("", "", ["Need", "Touchpoints"], names);
        for (i, text) in cells.into_iter().take(phases * 2).enumerate() {
            Change::SetCell { at: CellRef::new(i / 2, i % 2), text }.apply(&mut j).unwrap();
        }
        j
    })
}

proptest! {
    #[test]
    fn every_marked_line_with_words_is_in_exactly_one_insight(j in any_journey()) {
        let insights = Insights::of(&j);
        let mut expected = Vec::new();
        for (p, phase) in j.phases().iter().enumerate() {
            for (r, text) in phase.cells().iter().enumerate() {
                for (l, line) in text.split('\n').enumerate() {
                    if Mark::of(line).is_some() && !same_words(line).is_empty() {
                        expected.push((CellRef::new(p, r), l));
                    }
                }
            }
        }
        let mut found: Vec<(CellRef, usize)> =
            insights.iter().flat_map(|i| i.places.iter().map(|p| (p.at, p.line))).collect();
        found.sort();
        prop_assert_eq!(found, expected);
        for insight in insights.iter() {
            let line = |p: &Place| j.cell(p.at).split('\n').nth(p.line).unwrap().to_owned();
            let first = line(&insight.places[0]);
            prop_assert_eq!(Mark::of(&first), Some(insight.kind));
            for place in &insight.places {
                prop_assert_eq!(same_words(&line(place)), same_words(&first));
                prop_assert!(place.sources.iter().all(|s| insight.sources.contains(s)));
            }
            let mut union: Vec<&String> = insight.places.iter().flat_map(|p| &p.sources).collect();
            union.sort();
            union.dedup();
            prop_assert_eq!(union.len(), insight.sources.len());
        }
    }

    #[test]
    fn pains_never_rise_in_source_count_down_the_list(j in any_journey()) {
        let insights = Insights::of(&j);
        let counts: Vec<usize> = insights.of_kind(Mark::Pain).iter().map(|i| i.sources.len()).collect();
        prop_assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{:?}", counts);
    }

    #[test]
    fn a_cell_is_backed_by_exactly_the_sources_its_lines_name(text in "[ @a-zA-Z_ÅÄ.\n-]{0,30}") {
        let backing = Backing::of(&text);
        let expected = crate::journey::text_sources(&text);
        prop_assert_eq!(backing.sources(), expected.as_slice());
    }

    #[test]
    fn evidence_adds_up(j in any_journey()) {
        let e = Evidence::of(&j);
        let cells = j.phase_count() * j.row_count();
        let empty = (0..cells).filter(|i| *e.cell(CellRef::new(i / 2, i % 2)) == Backing::Empty).count();
        prop_assert_eq!(e.filled() + empty, cells);
        prop_assert_eq!(e.backed() + e.unbacked().count(), e.filled());
        for at in e.unbacked() {
            prop_assert!(!j.cell(at).trim().is_empty());
            prop_assert!(crate::journey::text_sources(j.cell(at)).is_empty());
        }
    }

    #[test]
    fn moods_stay_in_range_and_steps_undo_each_other(m in proptest::option::of(-2i8..=2)) {
        let up = mood::raise(m);
        let down = mood::lower(m);
        prop_assert!(up.is_some_and(|u| (-2..=2).contains(&u)));
        prop_assert!(down.is_some_and(|d| (-2..=2).contains(&d)));
        if let Some(m) = m {
            prop_assert!(up >= Some(m) && down <= Some(m));
            if m < 2 { prop_assert_eq!(mood::lower(up), Some(m)); }
            if m > -2 { prop_assert_eq!(mood::raise(down), Some(m)); }
            prop_assert_eq!(mood::parse(&mood::number(m)), Ok(Some(m)));
        }
    }
}
