//! The sample journeys are valid, realistic and in canonical form.

use std::fs;

use jgrid::format;

fn samples() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = fs::read_dir("journeys")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn there_are_at_least_three_samples() {
    assert!(samples().len() >= 3);
}

#[test]
fn every_sample_is_canonical_so_saving_it_changes_nothing() {
    for (name, bytes) in samples() {
        let journey = format::parse(&bytes).unwrap_or_else(|e| panic!("{}", e.render(&name)));
        assert_eq!(format::to_toml(&journey).as_bytes(), bytes.as_slice(), "{name} is not canonical");
    }
}

#[test]
fn every_sample_has_five_to_seven_phases_all_rows_and_a_persona() {
    for (name, bytes) in samples() {
        let j = format::parse(&bytes).unwrap();
        assert!((5..=7).contains(&j.phase_count()), "{name}");
        assert_eq!(j.rows(), jgrid::journey::DEFAULT_ROWS, "{name}");
        assert!(!j.persona.is_empty() && !j.title.is_empty(), "{name}");
        assert!(j.filled_cells() > j.phase_count() * 3, "{name} is too empty to be realistic");
    }
}
