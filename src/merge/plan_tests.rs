use crate::journey::{CellRef, Change, Journey, Opportunity, PlanField, Status, Unresolved};
use crate::merge::{Side, merge, resolve_at};

fn base() -> Journey {
    let mut j = Journey::new("T", "P", ["Need"], ["Wait"]);
    Change::SetCell { at: CellRef::new(0, 0), text: "! heard nothing".into() }.apply(&mut j).unwrap();
    j.opportunities = vec![Opportunity::new("Tell the date", Vec::new()), Opportunity::new("Old idea", Vec::new())];
    j.sources.insert("sara".into(), "customer".into());
    j
}

fn opp<'a>(j: &'a mut Journey, title: &str) -> &'a mut Opportunity {
    j.opportunities.iter_mut().find(|o| o.title == title).unwrap()
}

/// Both sides also edit the grid, so the merge is a real three-way one.
fn sides() -> (Journey, Journey, Journey) {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::SetCell { at: CellRef::new(0, 0), text: "! heard nothing\nours".into() }.apply(&mut o).unwrap();
    Change::SetTitle("T2".into()).apply(&mut t).unwrap();
    (b, o, t)
}

#[test]
fn fields_changed_on_different_sides_both_arrive_and_additions_of_both_are_kept() {
    let (b, mut o, mut t) = sides();
    opp(&mut o, "Tell the date").effort = Some(1);
    opp(&mut t, "Tell the date").gains = vec!["customer".into()];
    o.opportunities.push(Opportunity::new("Ours new", Vec::new()));
    t.opportunities.push(Opportunity::new("Theirs new", Vec::new()));
    t.opportunities.retain(|x| x.title != "Old idea");
    let m = merge(&b, &o, &t, &Default::default());
    let titles: Vec<&str> = m.journey.opportunities.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(titles, ["Tell the date", "Ours new", "Theirs new"], "an unchanged one deleted by theirs is gone");
    let told = &m.journey.opportunities[0];
    assert_eq!((told.effort, told.gains.clone()), (Some(1), vec!["customer".to_owned()]));
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
}

#[test]
fn a_field_changed_two_ways_is_a_recorded_conflict_that_take_theirs_resolves() {
    let (b, mut o, mut t) = sides();
    opp(&mut o, "Tell the date").status = Status::Doing;
    opp(&mut t, "Tell the date").status = Status::Dropped;
    o.sources.insert("sara".into(), "customer, 29".into());
    t.sources.insert("sara".into(), "customer, 41".into());
    let m = merge(&b, &o, &t, &Default::default());
    assert_eq!(m.journey.opportunities[0].status, Status::Doing, "ours is kept for now");
    assert_eq!(m.conflicts.len(), 2, "{:?}", m.conflicts);
    assert!(
        matches!(
            &m.journey.unresolved[..],
            [Unresolved::Plan { field: PlanField::Status, theirs, .. }, Unresolved::Source { theirs: s, .. }]
                if theirs.status == Status::Dropped && s == "customer, 41"
        ),
        "{:?}",
        m.journey.unresolved
    );
    let text = crate::format::to_toml(&m.journey);
    assert_eq!(crate::format::parse(text.as_bytes()).unwrap(), m.journey, "the record is saved in the file");
    let findings = crate::checks::check(&m.journey);
    assert_eq!(findings.iter().filter(|f| f.id == "merge-conflict").count(), 2);
    let mut j = m.journey.clone();
    while let Some(change) = resolve_at(&j, CellRef::new(0, 0), Side::Theirs) {
        change.apply(&mut j).unwrap();
    }
    assert_eq!(j.opportunities[0].status, Status::Dropped);
    assert_eq!(j.sources["sara"], "customer, 41");
    assert!(j.unresolved.is_empty());
}

#[test]
fn an_opportunity_deleted_on_one_side_and_changed_on_the_other_is_kept_and_said() {
    let (b, mut o, mut t) = sides();
    o.opportunities.retain(|x| x.title != "Old idea");
    opp(&mut t, "Old idea").owner = "Sales".into();
    let m = merge(&b, &o, &t, &Default::default());
    assert!(m.journey.opportunities.iter().any(|x| x.title == "Old idea" && x.owner == "Sales"));
    assert!(m.conflicts.iter().any(|c| c.to_string().contains("Old idea")), "{:?}", m.conflicts);
}
