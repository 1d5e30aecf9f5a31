//! Shorter frames for slow links: rewrite the style escapes (SGR) that the
//! terminal backend writes into the shortest form that means the same.
//!
//! The backend writes each of the 16 ANSI colours as an indexed colour
//! (`ESC[38;5;4m`) and ends a frame with a run of resets
//! (`ESC[39m ESC[49m ESC[59m ESC[0m`). The 16 colours have short codes of
//! their own (`ESC[34m`), and a run of style escapes is one escape with all
//! its parts, of which a reset makes the earlier ones moot. The screen is
//! the same; a cursor move sends fewer bytes.

/// The frame with every run of SGR escapes rewritten shorter.
pub fn compact(frame: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(frame.len());
    let mut run = Run::default();
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    let mut in_run = false;
    while i < frame.len() {
        if let Some((params, len)) = sgr_at(&frame[i..]) {
            push_params(&mut run, &mut parts, params);
            in_run = true;
            i += len;
            continue;
        }
        // Copy the bytes up to the next escape as they are.
        let next = frame[i + 1..].iter().position(|&b| b == 0x1b).map_or(frame.len(), |p| i + 1 + p);
        if in_run {
            run.flush(&mut out);
            in_run = false;
        }
        out.extend_from_slice(&frame[i..next]);
        i = next;
    }
    if in_run {
        run.flush(&mut out);
    }
    out
}

/// The parameters and length of an SGR escape (`ESC [ digits ; … m`) at the start of `bytes`.
fn sgr_at(bytes: &[u8]) -> Option<(&[u8], usize)> {
    if bytes.len() < 3 || bytes[0] != 0x1b || bytes[1] != b'[' {
        return None;
    }
    let end = bytes[2..].iter().position(|b| !(b.is_ascii_digit() || *b == b';'))? + 2;
    if bytes[end] != b'm' {
        return None;
    }
    Some((&bytes[2..end], end + 1))
}

/// The parts of a run of escapes so far, each colour as one part: their
/// bytes one after another, and where each ends.
#[derive(Default)]
struct Run {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Run {
    fn push(&mut self, part: &[u8]) {
        self.bytes.extend_from_slice(part);
        self.ends.push(self.bytes.len());
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
    }

    fn parts(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(start, &end)| &self.bytes[start..end])
    }

    /// Write the run as one escape. After a reset, a colour set back to the
    /// default (`39`, `49`, `59`) needs no words, unless the run set it since.
    fn flush(&mut self, out: &mut Vec<u8>) {
        let reset = self.parts().next() == Some(b"0");
        let mut set = [false; 3];
        out.extend_from_slice(b"\x1b[");
        let start = out.len();
        for p in self.parts() {
            let slot = match p {
                [b'3', b'9'] | [b'4', b'9'] | [b'5', b'9'] => Some((usize::from(p[0] - b'3'), true)),
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
            if out.len() > start {
                out.push(b';');
            }
            out.extend_from_slice(p);
        }
        // A lone reset is `ESC[m`.
        if &out[start..] == b"0" {
            out.truncate(start);
        }
        out.push(b'm');
        self.clear();
    }
}

/// Add an escape's parts to the run, each colour as one part, in short form.
/// `parts` is only room to split the escape in.
fn push_params<'a>(run: &mut Run, parts: &mut Vec<&'a [u8]>, params: &'a [u8]) {
    parts.clear();
    if params.is_empty() {
        parts.push(b"0");
    } else {
        parts.extend(params.split(|&b| b == b';'));
    }
    let mut i = 0;
    while i < parts.len() {
        let p = parts[i];
        match (p, parts.get(i + 1).copied()) {
            (b"38" | b"48" | b"58", Some(b"5")) if i + 2 < parts.len() => {
                push_short_colour(run, p, parts[i + 2]);
                i += 3;
            }
            (b"38" | b"48" | b"58", Some(b"2")) if i + 4 < parts.len() => {
                // The five parts as they stand in the escape, `;` between them.
                let start = p.as_ptr() as usize - params.as_ptr() as usize;
                let last = parts[i + 4];
                let end = last.as_ptr() as usize - params.as_ptr() as usize + last.len();
                run.push(&params[start..end]);
                i += 5;
            }
            (b"0" | b"", _) => {
                // A reset makes everything before it in the run moot.
                run.clear();
                run.push(b"0");
                i += 1;
            }
            _ => {
                run.push(p);
                i += 1;
            }
        }
    }
}

/// `38;5;4` as `34`, `48;5;12` as `104`; other indexed colours as they are.
fn push_short_colour(run: &mut Run, kind: &[u8], index: &[u8]) {
    let short = match (kind, parse_u8(index)) {
        (b"38", Some(n @ 0..=7)) => 30 + n,
        (b"38", Some(n @ 8..=15)) => 90 + n - 8,
        (b"48", Some(n @ 0..=7)) => 40 + n,
        (b"48", Some(n @ 8..=15)) => 100 + n - 8,
        _ => {
            let mut part = Vec::with_capacity(kind.len() + 3 + index.len());
            part.extend_from_slice(kind);
            part.extend_from_slice(b";5;");
            part.extend_from_slice(index);
            return run.push(&part);
        }
    };
    let digits = [b'0' + short / 100, b'0' + short / 10 % 10, b'0' + short % 10];
    run.push(&digits[if short >= 100 { 0 } else { 1 }..]);
}

/// Digits (leading zeros allowed) as a byte, as `str::parse::<u8>` reads them.
fn parse_u8(digits: &[u8]) -> Option<u8> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u8, |n, &d| n.checked_mul(10)?.checked_add(d.checked_sub(b'0').filter(|d| *d < 10)?))
}

#[cfg(test)]
#[path = "sgr_tests.rs"]
mod tests;
