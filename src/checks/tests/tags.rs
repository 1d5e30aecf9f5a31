//! Tag parsing and the channel-link checks.

use super::*;
use crate::checks::tag_spans;

fn tags_of(text: &str) -> Vec<&str> {
    tag_spans(text).into_iter().map(|s| &text[s]).collect()
}

#[test]
fn tags_start_at_a_word_boundary_and_stop_at_punctuation() {
    assert_eq!(tags_of("#web form, (#shop) and #e-mail_2."), ["#web", "#shop", "#e-mail_2"]);
    assert_eq!(tags_of("Owner's #sms;#app"), ["#sms", "#app"]);
    assert_eq!(tags_of("#Café en #søk"), ["#Café", "#søk"]);
}

#[test]
fn a_hash_inside_a_word_a_url_or_a_number_is_no_tag() {
    assert_eq!(tags_of("a#b"), Vec::<&str>::new());
    assert_eq!(tags_of("see http://x/#frag and https://y.z/page#top"), Vec::<&str>::new());
    assert_eq!(tags_of("room #3, ## heading, ##x, # alone, &#x27;"), Vec::<&str>::new());
    assert_eq!(tags_of("#"), Vec::<&str>::new());
}

#[test]
fn channel_without_owner_fires_once_per_phase_naming_all_tags() {
    for rows in [EN, NL, SV] {
        let j = with(rows, O, "Support team");
        let f = only(&j, "channel-without-owner");
        assert_eq!(f.rows, [T, O]);
        assert_eq!(ids(&j), ["channel-without-owner"]);
        assert_eq!(
            f.message,
            format!(
                "In \"Service\", {} has #web and #phone but {} does not mention them: no one owns these channels.",
                rows[T], rows[O]
            )
        );
    }
    let f = only(&with(EN, O, "Support owns #WEB"), "channel-without-owner");
    assert_eq!(
        f.message,
        "In \"Service\", Touchpoints has #phone but Organization does not mention it: no one owns this channel."
    );
}

#[test]
fn channel_without_owner_is_silent_when_tags_match_in_any_case_or_organisation_is_empty() {
    assert_eq!(ids(&with(EN, O, "Support owns #WEB and #Phone")), Vec::<&str>::new());
    // Empty organisation: the presence check speaks, the tag check does not.
    assert_eq!(ids(&with(EN, O, "")), ["unowned-touchpoint"]);
}

#[test]
fn channel_without_system_fires_and_is_silent() {
    for rows in [EN, NL, SV] {
        let j = with(rows, S, "#web CRM\nPhone on a desk");
        let f = only(&j, "channel-without-system");
        assert_eq!(f.rows, [T, S]);
        assert_eq!(
            f.message,
            format!(
                "In \"Service\", {} has #phone but {} does not mention it: no system serves this channel.",
                rows[T], rows[S]
            )
        );
    }
    assert_eq!(ids(&with(EN, S, "#PHONE pbx, #web cms")), Vec::<&str>::new());
    assert_eq!(ids(&with(EN, S, "")), ["unsupported-touchpoint"]);
}

#[test]
fn stray_channel_fires_once_per_cell() {
    for rows in [EN, NL, SV] {
        let mut j = consistent(rows);
        set(&mut j, 0, O, "Support owns #web and #phone\nRetail in #shop and #mall");
        set(&mut j, 0, S, "#web CRM\n#phone PBX\n#app backend");
        set(&mut j, 0, M, "#web reply time: within a day\n#phone we call back\n#fax never");
        let found = check(&j);
        assert_eq!(
            brief(&j, &found),
            [
                b("stray-channel", "Service", &[rows[M]]),
                b("stray-channel", "Service", &[rows[O]]),
                b("stray-channel", "Service", &[rows[S]]),
            ]
        );
        assert_eq!(
            found[1].message,
            format!(
                "In \"Service\", {} names #shop and #mall, which are not among the {} of this phase.",
                rows[O], rows[T]
            )
        );
        assert_eq!(
            found[2].message,
            format!("In \"Service\", {} names #app, which is not among the {} of this phase.", rows[S], rows[T])
        );
    }
}

#[test]
fn stray_channel_is_silent_for_touchpoint_tags_urls_and_without_touchpoints() {
    assert_eq!(ids(&with(EN, O, "Support owns #WEB, #phone; docs at https://x.y/#shop")), Vec::<&str>::new());
    let j = with(EN, T, "");
    assert!(!ids(&j).contains(&"stray-channel"));
}

#[test]
fn tag_checks_need_a_touchpoints_row() {
    let mut j = Journey::new("T", "P", ["Need", "Organization", "Systems"], ["A"]);
    set(&mut j, 0, 0, "x");
    set(&mut j, 0, 1, "#shop");
    set(&mut j, 0, 2, "#app");
    assert_eq!(ids(&j), Vec::<&str>::new());
}

#[test]
fn a_tag_one_letter_off_a_touchpoint_is_one_slip_not_two_findings() {
    let j = with(EN, O, "Support owns #web and #phnoe");
    let found = check(&j);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].id, "stray-channel");
    assert_eq!(
        found[0].message,
        "In \"Service\", Organization names #phnoe, which looks like a slip for #phone in Touchpoints: correct the tag."
    );
    // A different channel is no slip.
    assert_eq!(ids(&with(EN, O, "Support owns #web and #phone and #shop")), ["stray-channel"]);
}
