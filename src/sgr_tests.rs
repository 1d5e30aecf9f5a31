//! The compact frames draw the same screen, and are byte for byte what the
//! first, simpler implementation (kept here as `reference`) wrote.

use super::*;

fn screen(bytes: &[u8]) -> vt100::Screen {
    let n = |v: u16| std::num::NonZeroU16::new(v).unwrap();
    let mut parser = vt100::Parser::new(n(6), n(30), 0);
    parser.process(bytes);
    parser.screen().clone()
}

fn same_screen(a: &[u8], b: &[u8]) -> bool {
    let (x, y) = (screen(a), screen(b));
    (0..6).all(|r| {
        (0..30).all(|c| {
            let (p, q) = (x.cell(r, c).unwrap(), y.cell(r, c).unwrap());
            p.contents() == q.contents()
                && p.fgcolor() == q.fgcolor()
                && p.bgcolor() == q.bgcolor()
                && p.bold() == q.bold()
                && p.italic() == q.italic()
                && p.inverse() == q.inverse()
                && p.underline() == q.underline()
        })
    })
}

#[test]
fn indexed_ansi_colours_get_their_short_codes_and_resets_merge() {
    let frame = b"\x1b[1;1H\x1b[1m\x1b[38;5;4;49mName\x1b[38;5;0;48;5;6mX\x1b[39m\x1b[49m\x1b[59m\x1b[0m";
    let short = compact(frame);
    assert_eq!(short, b"\x1b[1;1H\x1b[1;34;49mName\x1b[30;46mX\x1b[m");
    assert!(same_screen(frame, &short));
}

#[test]
fn other_escapes_and_text_pass_through() {
    let frame = "\x1b[?2026h\x1b[2;3Hé\x1b[38;5;200mx\x1b[38;2;1;2;3my\x1b[?25l".as_bytes();
    assert_eq!(compact(frame), "\x1b[?2026h\x1b[2;3Hé\x1b[38;5;200mx\x1b[38;2;1;2;3my\x1b[?25l".as_bytes());
}

proptest::proptest! {
    /// Whatever styles and text a frame holds, the compact frame draws the same screen.
    #[test]
    fn the_screen_is_the_same(parts in proptest::collection::vec((0u8..20, 0u8..16, "[a-z ]{0,4}"), 0..30)) {
        let mut frame = Vec::new();
        for (kind, n, text) in parts {
            let sgr = match kind {
                0 => format!("\x1b[38;5;{n}m"),
                1 => format!("\x1b[48;5;{n}m"),
                2 => format!("\x1b[38;5;{n};48;5;{}m", 15 - n),
                3 => "\x1b[0m".to_owned(),
                4 => "\x1b[m".to_owned(),
                5 => "\x1b[1m".to_owned(),
                6 => "\x1b[22m".to_owned(),
                7 => "\x1b[7m".to_owned(),
                8 => "\x1b[27m".to_owned(),
                9 => "\x1b[39m".to_owned(),
                10 => "\x1b[49m".to_owned(),
                11 => format!("\x1b[{};{}H", n % 6 + 1, n + 1),
                12 => "\x1b[3m".to_owned(),
                13 => "\x1b[4m".to_owned(),
                _ => String::new(),
            };
            frame.extend_from_slice(sgr.as_bytes());
            frame.extend_from_slice(text.as_bytes());
        }
        let short = compact(&frame);
        proptest::prop_assert!(short.len() <= frame.len());
        proptest::prop_assert!(same_screen(&frame, &short), "{:?}\n{:?}", String::from_utf8_lossy(&frame), String::from_utf8_lossy(&short));
    }
}

proptest::proptest! {
    /// Any escapes, well formed or not, among any text: the same bytes as the reference.
    #[test]
    fn the_bytes_are_the_reference_ones(
        parts in proptest::collection::vec(("[0-9;]{0,14}", "[m;H]", "[a-z \u{1b}\\[]{0,3}", 0u8..4), 0..30),
    ) {
        let mut frame = Vec::new();
        for (params, end, text, kind) in parts {
            match kind {
                0 => frame.extend_from_slice(format!("\x1b[{params}{end}").as_bytes()),
                1 => frame.extend_from_slice(format!("\x1b[{params}m").as_bytes()),
                2 => frame.extend_from_slice(format!("\x1b[38;5;{}m", params.len() * 7 % 300).as_bytes()),
                _ => frame.extend_from_slice(format!("\x1b[48;5;00{};38;2;1;{params}m", params.len()).as_bytes()),
            }
            frame.extend_from_slice(text.as_bytes());
        }
        let (new, old) = (compact(&frame), reference::compact(&frame));
        proptest::prop_assert_eq!(String::from_utf8_lossy(&new), String::from_utf8_lossy(&old));
    }
}

/// `compact` as it was first written, with a `String` for each part.
mod reference {
    /// The frame with every run of SGR escapes rewritten shorter.
    pub fn compact(frame: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(frame.len());
        let mut i = 0;
        let mut run: Vec<String> = Vec::new();
        let mut in_run = false;
        while i < frame.len() {
            if let Some((params, len)) = sgr_at(&frame[i..]) {
                push_params(&mut run, params);
                in_run = true;
                i += len;
                continue;
            }
            if in_run {
                flush(&mut out, &mut run);
                in_run = false;
            }
            out.push(frame[i]);
            i += 1;
        }
        if in_run {
            flush(&mut out, &mut run);
        }
        out
    }

    /// The parameters and length of an SGR escape (`ESC [ digits ; … m`) at the start of `bytes`.
    fn sgr_at(bytes: &[u8]) -> Option<(&str, usize)> {
        if bytes.len() < 3 || bytes[0] != 0x1b || bytes[1] != b'[' {
            return None;
        }
        let end = bytes[2..].iter().position(|b| !(b.is_ascii_digit() || *b == b';'))? + 2;
        if bytes[end] != b'm' {
            return None;
        }
        let params = std::str::from_utf8(&bytes[2..end]).ok()?;
        Some((params, end + 1))
    }

    /// Add an escape's parts to the run, each colour as one part, in short form.
    fn push_params(run: &mut Vec<String>, params: &str) {
        let parts: Vec<&str> = if params.is_empty() { vec!["0"] } else { params.split(';').collect() };
        let mut i = 0;
        while i < parts.len() {
            let p = parts[i];
            match (p, parts.get(i + 1).copied()) {
                ("38" | "48" | "58", Some("5")) if i + 2 < parts.len() => {
                    run.push(short_colour(p, parts[i + 2]));
                    i += 3;
                }
                ("38" | "48" | "58", Some("2")) if i + 4 < parts.len() => {
                    run.push(parts[i..i + 5].join(";"));
                    i += 5;
                }
                ("0" | "", _) => {
                    // A reset makes everything before it in the run moot.
                    run.clear();
                    run.push("0".to_owned());
                    i += 1;
                }
                _ => {
                    run.push(p.to_owned());
                    i += 1;
                }
            }
        }
    }

    /// `38;5;4` as `34`, `48;5;12` as `104`; other indexed colours as they are.
    fn short_colour(kind: &str, index: &str) -> String {
        match (kind, index.parse::<u8>()) {
            ("38", Ok(n @ 0..=7)) => format!("{}", 30 + n),
            ("38", Ok(n @ 8..=15)) => format!("{}", 90 + n - 8),
            ("48", Ok(n @ 0..=7)) => format!("{}", 40 + n),
            ("48", Ok(n @ 8..=15)) => format!("{}", 100 + n - 8),
            _ => format!("{kind};5;{index}"),
        }
    }

    /// Write the run as one escape. After a reset, a colour set back to the
    /// default (`39`, `49`, `59`) needs no words, unless the run set it since.
    fn flush(out: &mut Vec<u8>, run: &mut Vec<String>) {
        let reset = run.first().is_some_and(|p| p == "0");
        let mut set = [false; 3];
        let mut parts: Vec<&str> = Vec::with_capacity(run.len());
        for p in run.iter().map(String::as_str) {
            let slot = match p.as_bytes() {
                [b'3', b'9'] | [b'4', b'9'] | [b'5', b'9'] => Some((usize::from(p.as_bytes()[0] - b'3'), true)),
                [b'3' | b'9', _] | [b'3', b'8', ..] => Some((0, false)),
                [b'4', _] | [b'1', b'0', _] | [b'4', b'8', ..] => Some((1, false)),
                [b'5', b'8', ..] => Some((2, false)),
                _ => None,
            };
            match slot {
                Some((i, true)) if reset && !set[i] => continue,
                Some((i, _)) => set[i] = true,
                None => {}
            }
            parts.push(p);
        }
        out.extend_from_slice(b"\x1b[");
        // A lone reset is `ESC[m`.
        if parts != ["0"] {
            out.extend_from_slice(parts.join(";").as_bytes());
        }
        out.push(b'm');
        run.clear();
    }
}
