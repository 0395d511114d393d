//! The home screen's list of surveys reads the published forms field by field from the browser's own JSON
//! parse (`headlines`), not with a form decoder: these tests check it reads what the server serialises (the
//! published list, a joined event's surveys), in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown -p yoursay-app`).

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use yoursay_app::headlines::{of_event, of_published};
use yoursay_core::form::api::{DeviceForms, FormHeadline, PublishedFormWire};
use yoursay_core::form::starting_points;

wasm_bindgen_test_configure!(run_in_browser);

fn published() -> DeviceForms {
    DeviceForms {
        forms: starting_points::all()
            .into_iter()
            .enumerate()
            .map(|(i, form)| PublishedFormWire { version: i as u32 + 1, content_hash: format!("hash{i}"), form })
            .collect(),
    }
}

/// The JSON as the server sends it, parsed by the browser as `fetch` does.
fn as_the_browser_reads_it(json: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

#[wasm_bindgen_test]
fn every_published_form_is_read_as_its_headline() {
    let forms = published();
    let json = serde_json::to_string(&forms).expect("serialises");
    let read = of_published(&as_the_browser_reads_it(&json));
    let expected: Vec<FormHeadline> = forms.forms.iter().map(FormHeadline::of).collect();
    assert_eq!(read, expected);
    assert_eq!(read.len(), 4);
}

#[wasm_bindgen_test]
fn an_item_this_version_cannot_read_is_left_out_and_the_rest_kept() {
    let forms = published();
    let mut json = serde_json::to_value(&forms).expect("serialises");
    // A later server's audience this version does not know, and a form with no Welsh title.
    json["forms"][0]["form"]["audience"] = "grandparents".into();
    json["forms"][2]["form"]["title"] = serde_json::json!({ "en": "English only" });
    let read = of_published(&as_the_browser_reads_it(&json.to_string()));
    let codes: Vec<&str> = read.iter().map(|h| h.code.as_str()).collect();
    assert_eq!(codes, [forms.forms[1].form.code.as_str(), forms.forms[3].form.code.as_str()]);
}

#[wasm_bindgen_test]
fn no_list_reads_as_no_surveys() {
    for answer in ["null", "{}", "{\"forms\": 3}", "[]"] {
        assert!(of_published(&as_the_browser_reads_it(answer)).is_empty(), "{answer}");
    }
}

#[wasm_bindgen_test]
fn a_joined_events_surveys_are_read_in_the_officers_order() {
    let forms = published();
    let event = serde_json::json!({
        "code": "K7MQ4X",
        "name": { "en": "Coffee and Catch up", "cy": "Coffi a Sgwrs" },
        "date": "2026-12-10",
        "place": "Barry",
        "hear_back_by": "2027-01-31",
        "surveys": [serde_json::to_value(&forms.forms[2]).unwrap(), serde_json::to_value(&forms.forms[0]).unwrap()],
        "role": null,
        "pass_the_tablet": true,
    });
    // Checked against core's own type, so the test cannot drift from what the server sends.
    let _: yoursay_core::event::DeviceEvent = serde_json::from_value(event.clone()).expect("a DeviceEvent");
    let read = of_event(&as_the_browser_reads_it(&event.to_string()));
    assert_eq!(read, [FormHeadline::of(&forms.forms[2]), FormHeadline::of(&forms.forms[0])]);
}

#[wasm_bindgen_test]
fn the_joined_event_is_read_only_while_the_device_is_set_up_for_it() {
    use yoursay_app::prefs;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(prefs::JOINED_EVENT, r#"{"code": "K7MQ4X", "surveys": []}"#).unwrap();
    prefs::set_event(Some("K7MQ4X"));
    assert!(prefs::joined_event().is_some());
    // An event link or "Leave event" since: the kept copy is another event's.
    prefs::set_event(Some("OTHER1"));
    assert!(prefs::joined_event().is_none());
    prefs::set_event(None);
    assert!(prefs::joined_event().is_none());
    storage.remove_item(prefs::JOINED_EVENT).unwrap();
}
