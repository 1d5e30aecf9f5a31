//! Finding a phase or row by what a user types: a number (1 is the first),
//! the name in any case, a unique prefix, or a unique abbreviation (its
//! letters in order, starting with the first: `msg` for Message).

/// The index of the name meant by `wanted`, or a sentence that lists the
/// choices (for an error message).
///
/// ```
/// use jgrid::journey::pick;
/// let rows = ["Need", "Touchpoints", "Message", "Organization", "Systems"];
/// assert_eq!(pick("row", "msg", &rows), Ok(2));
/// assert_eq!(pick("row", "3", &rows), Ok(2));
/// assert_eq!(pick("row", "s", &rows), Ok(4), "a prefix wins over an abbreviation");
/// assert!(pick("row", "x", &rows).is_err());
/// ```
pub fn pick(kind: &str, wanted: &str, names: &[&str]) -> Result<usize, String> {
    let choices = || {
        let list: Vec<String> = names.iter().enumerate().map(|(i, n)| format!("{} {n}", i + 1)).collect();
        format!("the {kind}s are: {}", list.join(", "))
    };
    let w = wanted.trim();
    if let Ok(n) = w.parse::<usize>() {
        return if (1..=names.len()).contains(&n) {
            Ok(n - 1)
        } else {
            Err(format!("there is no {kind} number {n}; {}", choices()))
        };
    }
    let lower = w.to_lowercase();
    if lower.is_empty() {
        return Err(format!("no {kind} was given; {}", choices()));
    }
    if let Some(i) = names.iter().position(|n| n.to_lowercase() == lower) {
        return Ok(i);
    }
    let prefixed: Vec<usize> = (0..names.len()).filter(|&i| names[i].to_lowercase().starts_with(&lower)).collect();
    let matches = if prefixed.is_empty() {
        (0..names.len()).filter(|&i| abbreviates(&lower, &names[i].to_lowercase())).collect()
    } else {
        prefixed
    };
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("no {kind} is called \"{w}\"; {}", choices())),
        several => {
            let names: Vec<&str> = several.iter().map(|&i| names[i]).collect();
            Err(format!("\"{w}\" could be the {kind} {}; type more of the name", names.join(" or ")))
        }
    }
}

/// True when `short` is `name`'s first letter followed by more of its
/// letters in order (`msg` for `message`, `tp` for `touchpoints`).
fn abbreviates(short: &str, name: &str) -> bool {
    let mut s = short.chars();
    let mut n = name.chars();
    if s.next() != n.next() {
        return false;
    }
    s.all(|c| n.any(|m| m == c))
}

#[cfg(test)]
mod tests {
    use super::pick;

    const ROWS: [&str; 5] = ["Behoefte", "Contactpunten", "Boodschap", "Organisatie", "Systemen"];

    #[test]
    fn by_number_name_or_unique_prefix() {
        assert_eq!(pick("row", "3", &ROWS), Ok(2));
        assert_eq!(pick("row", "boodschap", &ROWS), Ok(2));
        assert_eq!(pick("row", "sys", &ROWS), Ok(4));
        assert_eq!(pick("row", "Con", &ROWS), Ok(1));
    }

    #[test]
    fn by_abbreviation_when_no_prefix_fits() {
        assert_eq!(pick("row", "bdsch", &ROWS), Ok(2));
        assert_eq!(pick("row", "cp", &ROWS), Ok(1));
        assert!(pick("row", "bh", &ROWS).is_err(), "Behoefte or Boodschap");
    }

    #[test]
    fn errors_list_the_choices() {
        let e = pick("row", "b", &ROWS).unwrap_err();
        assert!(e.contains("Behoefte or Boodschap"), "{e}");
        let e = pick("row", "9", &ROWS).unwrap_err();
        assert!(e.contains("1 Behoefte, 2 Contactpunten"), "{e}");
        let e = pick("row", "kanaal", &ROWS).unwrap_err();
        assert!(e.contains("no row is called \"kanaal\""), "{e}");
    }
}
