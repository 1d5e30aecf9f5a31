//! Time stamps as RFC 3339 text (`2026-12-01T14:03:12Z`), without a date
//! library: civil dates from days since 1970 and back (Howard Hinnant's
//! algorithms).

/// Year, month and day of a number of days since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Days since 1970-01-01 of a civil date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `2026-12-01T14:03:12Z` for a number of seconds since 1970 (UTC).
///
/// ```
/// assert_eq!(jgrid::journey::rfc3339(0), "1970-01-01T00:00:00Z");
/// ```
pub fn rfc3339(secs: u64) -> String {
    let secs = i64::try_from(secs).unwrap_or(i64::MAX / 2);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// The last second of year 9999, the latest time [`readable`] shows.
pub const LAST_READABLE: u64 = 253_402_300_799;

/// `2026-11-22 17:41 UTC`: a time for people, to the minute. A time past
/// year 9999 (a damaged file's) is "an unknown time", never a garbled date.
///
/// ```
/// assert_eq!(jgrid::journey::readable(0), "1970-01-01 00:00 UTC");
/// assert_eq!(jgrid::journey::readable(u64::MAX), "an unknown time");
/// ```
pub fn readable(secs: u64) -> String {
    if secs > LAST_READABLE {
        return "an unknown time".to_owned();
    }
    let stamp = rfc3339(secs);
    format!("{} {} UTC", &stamp[..10], &stamp[11..16])
}

/// Seconds since 1970 right now.
pub fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The instant an RFC 3339 time stands for, as (seconds since 1970, nanoseconds),
/// so times with different offsets compare; `None` when it is not RFC 3339.
///
/// Accepted: `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `±HH:MM`
/// (`t`, `z` and a space for `T` are accepted too).
pub fn parse_rfc3339(text: &str) -> Option<(i64, u32)> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month) || day == 0 || day > month_days[month as usize - 1] {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = text.get(19..)?;
    let mut nanos = 0u32;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let padded: String = frac[..digits].chars().chain(std::iter::repeat('0')).take(9).collect();
        nanos = padded.parse().ok()?;
        rest = &frac[digits..];
    }
    let offset: i64 = match rest {
        "Z" | "z" => 0,
        _ => {
            let rb = rest.as_bytes();
            if rb.len() != 6 || !matches!(rb[0], b'+' | b'-') || rb[3] != b':' {
                return None;
            }
            let (h, m) = (rest.get(1..3)?, rest.get(4..6)?);
            if !h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit()) {
                return None;
            }
            let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
            if h > 23 || m > 59 {
                return None;
            }
            let sign = if rb[0] == b'-' { -1 } else { 1 };
            sign * (h * 3600 + m * 60)
        }
    };
    let days = days_from_civil(i64::from(year), month, day);
    let secs = days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second) - offset;
    Some((secs, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_back() {
        assert_eq!(rfc3339(1_795_887_660), "2026-11-28T17:41:00Z");
        assert_eq!(readable(1_795_887_660), "2026-11-28 17:41 UTC");
        assert_eq!(parse_rfc3339("2026-11-28T17:41:00Z"), Some((1_795_887_660, 0)));
        assert_eq!(parse_rfc3339("2026-11-28T18:41:00+01:00"), Some((1_795_887_660, 0)));
        assert_eq!(parse_rfc3339("2026-11-28T17:41:00.5Z"), Some((1_795_887_660, 500_000_000)));
    }

    #[test]
    fn refuses_what_is_not_rfc3339() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-28T17:41:00",
            "2026-11-28T17:41Z",
            "2026-11-28T17:41:00+1:00",
            "2026-11-28T17:41:00.Z",
            "２０２６-11-28T17:41:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_second_round_trips(secs in 0u64..10_000_000_000) {
            proptest::prop_assert_eq!(parse_rfc3339(&rfc3339(secs)), Some((secs as i64, 0)));
        }
    }
}
