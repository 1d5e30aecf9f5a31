//! The header's mood with a current source: `:source sara` then `}` changes
//! Sara's mood in the phase, and the header shows hers, marked `@`.

use super::tests::press;
use super::view_tests::{render, sample_with, styled, text_of};
use super::*;
use crate::journey::Change;

/// The sample (Orientation's own mood -1) where Omar was very happy in Orientation.
fn app() -> crate::app::App {
    sample_with(80, 24, vec![Change::SetSourceMood { phase: 0, source: "omar".into(), mood: Some(2) }])
}

fn header(app: &crate::app::App) -> String {
    text_of(&render(app, &Theme::mono())).lines().nth(1).unwrap().to_owned()
}

fn status(app: &crate::app::App) -> String {
    app.status().as_ref().map_or_else(String::new, |s| s.text.clone())
}

#[test]
fn with_a_source_the_keys_change_its_mood_and_the_header_shows_whose() {
    let mut app = app();
    assert!(header(&app).contains("☹-1"), "the phase's own mood without a source: {}", header(&app));
    press(&mut app, ":source sara\n}}");
    assert_eq!(app.journey().phases()[0].mood_of("sara"), Some(2));
    assert_eq!(app.journey().phases()[0].mood, Some(-1), "the phase's own mood is untouched");
    assert!(status(&app).contains("Mood of @sara in 1 Orientation: +2"), "{}", status(&app));
    assert!(header(&app).contains("@☺+2"), "{}", header(&app));
    press(&mut app, "}");
    assert_eq!(app.journey().phases()[0].mood_of("sara"), Some(2), "clamped at +2");
    assert!(status(&app).contains("The mood of @sara is already +2 very happy"), "{}", status(&app));
    press(&mut app, "u");
    assert_eq!(app.journey().phases()[0].mood_of("sara"), Some(1), "no empty step was recorded at +2");
    press(&mut app, "}");
    press(&mut app, "{{{{{");
    assert_eq!(app.journey().phases()[0].mood_of("sara"), Some(-2), "clamped at -2");
    press(&mut app, "u");
    assert_eq!(app.journey().phases()[0].mood_of("sara"), Some(-1), "one key, one undo");
    press(&mut app, "l");
    assert!(header(&app).contains("@?"), "Sara's mood in Order is unknown: {}", header(&app));
    press(&mut app, ":source\nh");
    assert!(header(&app).contains("☹-1") && !header(&app).contains('@'), "{}", header(&app));
}

#[test]
fn under_only_the_keys_change_that_sources_mood() {
    let mut app = app();
    press(&mut app, ":only @Omar\n");
    assert!(header(&app).contains("@☺+2"), "{}", header(&app));
    press(&mut app, "{");
    assert_eq!(app.journey().phases()[0].mood_of("omar"), Some(1));
    assert!(status(&app).contains("Mood of @omar in 1"), "{}", status(&app));
}

#[test]
fn a_wide_column_names_the_source_in_the_header() {
    let mut app = sample_with(160, 45, vec![]);
    press(&mut app, ":source sara\n{");
    let screen = text_of(&render(&app, &Theme::mono()));
    assert!(screen.lines().nth(1).unwrap().contains("@sara☹-1"), "{screen}");
}

#[test]
fn the_source_mood_header_folds_to_ascii() {
    let mut app = app();
    press(&mut app, ":source sara\n}");
    let mut buf = render(&app, &Theme::mono());
    let area = buf.area;
    glyphs::Glyphs::Ascii.apply(&mut buf, area);
    let screen = text_of(&buf);
    assert!(screen.is_ascii(), "{screen}");
    assert!(screen.lines().nth(1).unwrap().contains("@++1"), "{screen}");
}

#[test]
fn source_mood_snapshots() {
    let mut app = app();
    press(&mut app, ":source sara\n}}");
    for (theme, colour) in [(Theme::color(), "color"), (Theme::mono(), "mono")] {
        insta::assert_snapshot!(format!("source_mood_80x24_{colour}"), styled(&render(&app, &theme)));
    }
}
