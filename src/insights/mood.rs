//! A phase's mood: the customer's feeling in that phase, from -2 (very
//! unhappy) to 2 (very happy); `None` when unknown. Pure helpers for the
//! keys (`}` raises, `{` lowers), the command (`:mood N`, `:mood`) and the
//! exports.

use crate::journey::{Journey, MOOD_RANGE};

const LOWEST: i8 = *MOOD_RANGE.start();
const HIGHEST: i8 = *MOOD_RANGE.end();

/// One step happier (`}`): unknown becomes +1; +2 stays +2.
///
/// ```
/// use jgrid::insights::mood::raise;
/// assert_eq!(raise(None), Some(1));
/// assert_eq!(raise(Some(-1)), Some(0));
/// assert_eq!(raise(Some(2)), Some(2));
/// ```
pub fn raise(mood: Option<i8>) -> Option<i8> {
    Some(mood.map_or(1, |m| m.saturating_add(1)).clamp(LOWEST, HIGHEST))
}

/// One step unhappier (`{`): unknown becomes -1; -2 stays -2.
///
/// ```
/// use jgrid::insights::mood::lower;
/// assert_eq!(lower(None), Some(-1));
/// assert_eq!(lower(Some(1)), Some(0));
/// assert_eq!(lower(Some(-2)), Some(-2));
/// ```
pub fn lower(mood: Option<i8>) -> Option<i8> {
    Some(mood.map_or(-1, |m| m.saturating_sub(1)).clamp(LOWEST, HIGHEST))
}

/// Why the argument of `:mood` is no mood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoodError {
    #[error("a mood is a whole number from -2 to 2, not \"{0}\"; :mood alone clears it")]
    NotANumber(String),
    #[error("a mood is from -2 to 2, not {0}; :mood alone clears it")]
    OutOfRange(String),
}

/// The mood `:mood ARG` sets: a blank argument clears it (`Ok(None)`);
/// otherwise a whole number from -2 to 2, with an optional sign (`+1`,
/// `-2`, and the typographic minus `−2`).
///
/// ```
/// use jgrid::insights::mood::parse;
/// assert_eq!(parse(" -2 "), Ok(Some(-2)));
/// assert_eq!(parse("+1"), Ok(Some(1)));
/// assert_eq!(parse(""), Ok(None));
/// assert!(parse("3").is_err() && parse("happy").is_err());
/// ```
pub fn parse(arg: &str) -> Result<Option<i8>, MoodError> {
    let arg = arg.trim();
    if arg.is_empty() {
        return Ok(None);
    }
    let ascii = arg.replacen('\u{2212}', "-", 1);
    let digits = ascii.strip_prefix(['+', '-']).unwrap_or(&ascii);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(MoodError::NotANumber(crate::text::sanitize(arg).into_owned()));
    }
    match ascii.parse::<i8>() {
        Ok(m) if MOOD_RANGE.contains(&m) => Ok(Some(m)),
        _ => Err(MoodError::OutOfRange(arg.to_owned())),
    }
}

/// The mood as a signed number: `+2`, `+1`, `0`, `-1`, `-2`.
pub fn number(mood: i8) -> String {
    if mood > 0 { format!("+{mood}") } else { mood.to_string() }
}

/// The mood in words: `very unhappy`, `unhappy`, `neutral`, `happy`, `very happy`.
pub fn word(mood: i8) -> &'static str {
    match mood {
        i8::MIN..=-2 => "very unhappy",
        -1 => "unhappy",
        0 => "neutral",
        1 => "happy",
        2..=i8::MAX => "very happy",
    }
}

/// The mood as a number and its word, readable without colour: `-1 unhappy`,
/// `+2 very happy`; `unknown` for `None`.
pub fn label(mood: Option<i8>) -> String {
    match mood {
        Some(m) => format!("{} {}", number(m), word(m)),
        None => "unknown".to_owned(),
    }
}

/// The moods of the phases as a small text curve, for a fixed-width font:
/// one line per mood from +2 down to -2, a `●` where a phase has that mood,
/// an axis with `?` under each phase whose mood is unknown, and the phase
/// numbers (1 is the first) under the axis. Lines have no trailing spaces.
///
/// ```text
/// +2 │
/// +1 │  ●
///  0 │           ●
/// -1 │     ●
/// -2 │        ●
///    └──────────────?
///      1  2  3  4  5
/// ```
///
/// (Drawn here for `[Some(1), Some(-1), Some(-2), Some(0), None]`: each
/// phase takes as many columns as its number has digits plus two.)
pub fn curve(moods: &[Option<i8>]) -> Vec<String> {
    let width = moods.len().to_string().len() + 2;
    let mut lines = Vec::with_capacity(7);
    for level in MOOD_RANGE.rev() {
        let mut line = format!("{:>2} │", number(level));
        for mood in moods {
            line.push_str(&" ".repeat(width - 1));
            line.push(if *mood == Some(level) { '●' } else { ' ' });
        }
        lines.push(line.trim_end().to_owned());
    }
    let mut axis = "   └".to_owned();
    for mood in moods {
        axis.push_str(&"─".repeat(width - 1));
        axis.push(if mood.is_none() { '?' } else { '─' });
    }
    lines.push(axis);
    let mut numbers = "    ".to_owned();
    for n in 1..=moods.len() {
        numbers.push_str(&format!("{n:>width$}"));
    }
    lines.push(numbers.trim_end().to_owned());
    lines
}

/// One mood curve: whose it is (`None`: the phases' own moods, the overall
/// curve; else a source name without `@`) and the mood in each phase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Curve {
    pub source: Option<String>,
    pub moods: Vec<Option<i8>>,
}

/// The journey's mood curves: the overall one first, then one per source
/// that has a mood in any phase (`[phase.moods]`), by source name.
///
/// ```
/// use jgrid::journey::{Change, Journey};
/// let mut j = Journey::new("T", "", ["Need"], ["Wait", "Use"]);
/// Change::SetMood { phase: 0, mood: Some(-1) }.apply(&mut j).unwrap();
/// Change::SetSourceMood { phase: 1, source: "sara".into(), mood: Some(2) }.apply(&mut j).unwrap();
/// let curves = jgrid::insights::mood::curves(&j);
/// assert_eq!(curves[0].moods, [Some(-1), None]);
/// assert_eq!((curves[1].source.as_deref(), &curves[1].moods[..]), (Some("sara"), &[None, Some(2)][..]));
/// ```
pub fn curves(journey: &Journey) -> Vec<Curve> {
    let phases = journey.phases();
    let sources: std::collections::BTreeSet<&String> = phases.iter().flat_map(|p| p.moods.keys()).collect();
    let overall = Curve { source: None, moods: phases.iter().map(|p| p.mood).collect() };
    let each = sources
        .into_iter()
        .map(|s| Curve { source: Some(s.clone()), moods: phases.iter().map(|p| p.moods.get(s).copied()).collect() });
    std::iter::once(overall).chain(each).collect()
}
