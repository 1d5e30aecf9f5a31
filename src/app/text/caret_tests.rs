use super::*;
use proptest::prelude::*;

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_owned).collect()
}

/// Every screen line of the text in order, the whole text wrapped at
/// once: what the line-by-line functions must agree with.
fn all_rows(l: &[String], width: usize) -> Vec<(Row, Range<usize>)> {
    let rows = |line: usize| text::wrap_ranges(&l[line], width).into_iter().enumerate();
    (0..l.len()).flat_map(|line| rows(line).map(move |(row, r)| (Row { line, row }, r))).collect()
}

fn texts(l: &[String], width: usize) -> Vec<&str> {
    all_rows(l, width).into_iter().map(|(at, r)| &l[at.line][r]).collect()
}

fn row(line: usize, row: usize) -> Row {
    Row { line, row }
}

#[test]
fn wraps_like_the_grid_with_no_line_starting_with_a_space() {
    let l = lines("Marketing owns #website\nok");
    assert_eq!(texts(&l, 18), ["Marketing owns", "#website", "ok"]);
    assert_eq!(text::wrap("Marketing owns #website\nok", 18), ["Marketing owns", "#website", "ok"]);
    let (shown, more) = Screen::new(&l[..], 18).shown(row(0, 1), 5);
    assert_eq!((shown, more), (vec![(0, 15..23), (1, 0..2)], false));
}

#[test]
fn the_cursor_is_found_on_its_screen_line() {
    let l = lines("Marketing owns #website\nok");
    let w = Screen::new(&l[..], 18);
    assert_eq!(w.locate(0, 0), (row(0, 0), 0));
    assert_eq!(w.locate(0, 14), (row(0, 0), 14), "on the dropped space: end of the line above");
    assert_eq!(w.locate(0, 15), (row(0, 1), 0));
    assert_eq!(w.locate(0, 23), (row(0, 1), 8), "at the end of the text line");
    assert_eq!(w.locate(1, 2), (row(1, 0), 2));
}

#[test]
fn up_and_down_move_by_screen_lines() {
    let l = lines("Marketing owns #website\nok");
    let w = Screen::new(&l[..], 18);
    assert_eq!(w.moved(0, 3, 1), (0, 18), "down to #website, same column");
    assert_eq!(w.moved(0, 18, 1), (1, 2), "down to ok, clamped to its end");
    assert_eq!(w.moved(1, 1, -1), (0, 16));
    assert_eq!(w.moved(0, 3, -1), (0, 3), "the top stays");
    let broken = lines("abcdefghij");
    let w = Screen::new(&broken[..], 4);
    assert_eq!(w.moved(0, 9, -1), (0, 5));
    assert_eq!(w.moved(0, 1, 1), (0, 5));
    assert_eq!(w.locate(0, 3), (row(0, 0), 3));
    let two = lines("abcdefgh\nwxyz");
    let w = Screen::new(&two[..], 4);
    assert_eq!(w.moved(1, 4, -2), (0, 3), "at the end of a broken word: before its last letter");
}

#[test]
fn wide_characters_count_two_columns() {
    let l = lines("漢字漢字");
    let w = Screen::new(&l[..], 5);
    assert_eq!(w.locate(0, 3), (row(0, 1), 2));
    assert_eq!(w.moved(0, 3, -1), (0, 1));
}

#[test]
fn scrolling_keeps_the_row_on_screen() {
    assert_eq!(scroll_to(0, 5, 3), 0);
    assert_eq!(scroll_to(9, 5, 0), 5);
    assert_eq!(scroll_to(4, 5, 2), 2);
}

#[test]
fn following_the_cursor_scrolls_as_little_as_possible_and_keeps_the_screen_full() {
    let l: Vec<String> = (1..=10).map(|i| format!("line {i}")).collect();
    let w = Screen::new(&l[..], 20);
    assert_eq!(w.follow(row(0, 0), 4, (9, 0)), row(6, 0), "the last line at the bottom");
    assert_eq!(w.follow(row(6, 0), 4, (7, 0)), row(6, 0), "on screen: no scrolling");
    assert_eq!(w.follow(row(6, 0), 4, (2, 3)), row(2, 0));
    assert_eq!(w.follow(row(8, 0), 4, (8, 0)), row(6, 0), "no empty lines below the text");
    assert_eq!(w.follow(row(0, 0), 40, (9, 0)), row(0, 0), "a short text from its top");
    let (shown, more) = w.shown(row(6, 0), 3);
    assert_eq!((shown.iter().map(|(l, _)| *l).collect::<Vec<_>>(), more), (vec![6, 7, 8], true));
}

proptest! {
    #[test]
    fn every_cursor_is_on_screen_and_comes_back(text in "[a-z漢 ]{0,40}(\n[a-z ]{0,20}){0,2}", width in 2usize..12) {
        let l = lines(&text);
        let w = Screen::new(&l[..], width);
        for (line, t) in l.iter().enumerate() {
            for ch in 0..=t.chars().count() {
                let (at, x) = w.locate(line, ch);
                prop_assert!(at <= w.last());
                prop_assert!(x <= width);
                let (back_line, back) = w.at(at, x);
                prop_assert_eq!(back_line, line);
                prop_assert_eq!(w.locate(back_line, back).0, at);
            }
        }
    }

    /// Stepping, counting and showing screen lines from anywhere agree
    /// with wrapping the whole text at once.
    #[test]
    fn line_by_line_agrees_with_the_whole_text(
        text in "([a-z漢 ]{0,30}\n){0,6}[a-z ]{0,30}",
        width in 1usize..10,
        from in 0usize..40,
        by in -40isize..40,
        height in 1usize..12,
    ) {
        let l = lines(&text);
        let w = Screen::new(&l[..], width);
        let all = all_rows(&l, width);
        let i = from.min(all.len() - 1);
        let target = i.saturating_add_signed(by).min(all.len() - 1);
        prop_assert_eq!(w.step(all[i].0, by), all[target].0);
        prop_assert_eq!(w.between(all[i].0, all[target].0), target.saturating_sub(i));
        prop_assert_eq!(w.rows_from(all[i].0, height), (all.len() - i).min(height));
        let (shown, more) = w.shown(all[i].0, height);
        let expected: Vec<(usize, Range<usize>)> = all[i..].iter().take(height).map(|(at, r)| (at.line, r.clone())).collect();
        prop_assert_eq!(shown, expected);
        prop_assert_eq!(more, all.len() - i > height);
        // Following a cursor: it is on the screen, the screen is full if the text is tall enough.
        let (line, ch) = w.at(all[target].0, 0);
        let first = w.follow(all[i].0, height, (line, ch));
        let cursor = w.locate(line, ch).0;
        prop_assert!(first <= cursor && w.between(first, cursor) < height);
        prop_assert_eq!(w.rows_from(first, height), all.len().min(height));
    }
}
