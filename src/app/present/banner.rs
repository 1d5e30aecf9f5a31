//! Large letters for present mode, pure: a phase's name three lines tall,
//! drawn with block characters (each character a 3x5 grid of dots, two
//! dot rows per line), so a room can read it on a shared screen. Names with
//! characters the font lacks are not drawn large.

/// The dots of each character, five rows of three (`#` a dot).
const FONT: [(char, [&str; 5]); 48] = [
    ('A', [" # ", "# #", "###", "# #", "# #"]),
    ('B', ["## ", "# #", "## ", "# #", "## "]),
    ('C', [" ##", "#  ", "#  ", "#  ", " ##"]),
    ('D', ["## ", "# #", "# #", "# #", "## "]),
    ('E', ["###", "#  ", "## ", "#  ", "###"]),
    ('F', ["###", "#  ", "## ", "#  ", "#  "]),
    ('G', [" ##", "#  ", "# #", "# #", " ##"]),
    ('H', ["# #", "# #", "###", "# #", "# #"]),
    ('I', ["###", " # ", " # ", " # ", "###"]),
    ('J', ["  #", "  #", "  #", "# #", " # "]),
    ('K', ["# #", "# #", "## ", "# #", "# #"]),
    ('L', ["#  ", "#  ", "#  ", "#  ", "###"]),
    ('M', ["# #", "###", "###", "# #", "# #"]),
    ('N', ["## ", "# #", "# #", "# #", "# #"]),
    ('O', [" # ", "# #", "# #", "# #", " # "]),
    ('P', ["## ", "# #", "## ", "#  ", "#  "]),
    ('Q', [" # ", "# #", "# #", "## ", " ##"]),
    ('R', ["## ", "# #", "## ", "# #", "# #"]),
    ('S', [" ##", "#  ", " # ", "  #", "## "]),
    ('T', ["###", " # ", " # ", " # ", " # "]),
    ('U', ["# #", "# #", "# #", "# #", "###"]),
    ('V', ["# #", "# #", "# #", "# #", " # "]),
    ('W', ["# #", "# #", "###", "###", "# #"]),
    ('X', ["# #", "# #", " # ", "# #", "# #"]),
    ('Y', ["# #", "# #", " # ", " # ", " # "]),
    ('Z', ["###", "  #", " # ", "#  ", "###"]),
    ('0', ["###", "# #", "# #", "# #", "###"]),
    ('1', [" # ", "## ", " # ", " # ", "###"]),
    ('2', ["## ", "  #", " # ", "#  ", "###"]),
    ('3', ["## ", "  #", " # ", "  #", "## "]),
    ('4', ["# #", "# #", "###", "  #", "  #"]),
    ('5', ["###", "#  ", "## ", "  #", "## "]),
    ('6', [" ##", "#  ", "###", "# #", "###"]),
    ('7', ["###", "  #", " # ", " # ", " # "]),
    ('8', ["###", "# #", "###", "# #", "###"]),
    ('9', ["###", "# #", "###", "  #", "## "]),
    (' ', ["   ", "   ", "   ", "   ", "   "]),
    ('-', ["   ", "   ", "###", "   ", "   "]),
    ('.', ["   ", "   ", "   ", "   ", " # "]),
    (',', ["   ", "   ", "   ", " # ", "#  "]),
    ('!', [" # ", " # ", " # ", "   ", " # "]),
    ('?', ["## ", "  #", " # ", "   ", " # "]),
    ('&', [" # ", "# #", " # ", "# #", " ##"]),
    ('/', ["  #", "  #", " # ", "#  ", "#  "]),
    ('\'', [" # ", " # ", "   ", "   ", "   "]),
    ('(', [" # ", "#  ", "#  ", "#  ", " # "]),
    (')', [" # ", "  #", "  #", "  #", " # "]),
    (':', ["   ", " # ", "   ", " # ", "   "]),
];

/// Lines a banner takes.
pub const HEIGHT: usize = 3;

/// The name in large letters (three lines, four columns a character), or
/// `None` when it has a character the font lacks or is wider than `width`.
pub fn banner(name: &str, width: usize) -> Option<[String; HEIGHT]> {
    let glyphs: Vec<&[&str; 5]> = name
        .trim()
        .chars()
        .map(|c| FONT.iter().find(|(f, _)| *f == c.to_ascii_uppercase()).map(|(_, g)| g))
        .collect::<Option<_>>()?;
    if glyphs.is_empty() || glyphs.len() * 4 - 1 > width {
        return None;
    }
    let dot = |g: &[&str; 5], row: usize, col: usize| g.get(row).is_some_and(|r| r.as_bytes()[col] == b'#');
    let mut lines: [String; HEIGHT] = Default::default();
    for (i, line) in lines.iter_mut().enumerate() {
        for (n, g) in glyphs.iter().enumerate() {
            if n > 0 {
                line.push(' ');
            }
            for col in 0..3 {
                line.push(match (dot(g, 2 * i, col), dot(g, 2 * i + 1, col)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                });
            }
        }
        *line = line.trim_end().to_owned();
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_drawn_three_lines_tall() {
        let big = banner("Hi 1", 40).unwrap();
        assert_eq!(big, ["█ █ ▀█▀     ▄█", "█▀█  █       █", "▀ ▀ ▀▀▀     ▀▀▀"]);
    }

    #[test]
    fn names_the_font_lacks_or_too_wide_are_not_drawn() {
        assert_eq!(banner("Café", 80), None);
        assert_eq!(banner("漢字", 80), None);
        assert_eq!(banner("Orientation", 40), None, "11 letters need 43 columns");
        assert!(banner("Orientation", 43).is_some());
        assert_eq!(banner("  ", 80), None);
    }

    #[test]
    fn every_glyph_is_three_by_five() {
        for (c, g) in FONT {
            assert!(g.iter().all(|r| r.len() == 3), "{c}");
            assert_eq!(FONT.iter().filter(|(d, _)| *d == c).count(), 1, "{c}");
        }
    }
}
