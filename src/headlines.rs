//! What a list of surveys shows of each published form (core's `FormHeadline`), read field by field from
//! JSON the browser parsed: the server's list of published forms, or the surveys of the event this device
//! joined (kept in localStorage as the server sent them). No form decoder is needed, so the first load can
//! list surveys (see ARCHITECTURE.md, "Bundle budget"). No storage and no network here: callers pass the
//! parsed JSON in.

use wasm_bindgen::{JsCast, JsValue};
use yoursay_core::form::api::{FormHeadline, HEADLINE_FIELDS};
use yoursay_core::form::Audience;
use yoursay_core::Bilingual;

fn get(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The headlines of a list of published forms (`[{version, content_hash, form}, …]`). An item this version
/// cannot read is left out, not the whole list; anything but a list reads as none.
fn read_headlines(list: &JsValue) -> Vec<FormHeadline> {
    let [item, code, title, audience, questions] = HEADLINE_FIELDS;
    let list: js_sys::Array = list.clone().dyn_into().unwrap_or_default();
    list.iter()
        .filter_map(|published| {
            let form = get(&published, item);
            let words = get(&form, title);
            Some(FormHeadline {
                code: get(&form, code).as_string()?,
                title: Bilingual { en: get(&words, "en").as_string()?, cy: get(&words, "cy").as_string()? },
                audience: Audience::from_code(&get(&form, audience).as_string()?)?,
                questions: get(&form, questions).dyn_into::<js_sys::Array>().ok()?.length() as usize,
            })
        })
        .collect()
}

/// The headlines in a `DeviceForms` answer (`GET /api/v1/forms`).
pub fn of_published(answer: &JsValue) -> Vec<FormHeadline> {
    read_headlines(&get(answer, yoursay_core::form::api::FORMS_FIELD))
}

/// The surveys of a joined event as kept (a `DeviceEvent`), in the officer's order.
pub fn of_event(event: &JsValue) -> Vec<FormHeadline> {
    read_headlines(&get(event, yoursay_core::event::SURVEYS_FIELD))
}
