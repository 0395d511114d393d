use std::cell::OnceCell;
use std::rc::Rc;

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use wasm_bindgen::JsValue;

use super::{StorageError, Store};

pub const DB_NAME: &str = "yoursay";
pub(super) const OUTBOX: &str = "outbox";
pub(super) const CACHE: &str = "cache";
/// Index of the outbox by `[state, saved_at, id]`: counting one state, and reading the oldest waiting
/// entries a batch at a time, then cost what they return rather than the whole queue.
pub(super) const QUEUE: &str = "queue";
/// "You said, we did" responses as the device keeps them, keyed by response id.
pub(super) const RESPONSES: &str = "responses";

/// Bump when the schema changes, and add a step below: steps run in order from the device's version, so
/// a phone that skipped releases still upgrades correctly, and no step may lose a record.
///
/// * 1: the `outbox` (keyed by entry id) and `cache` stores.
/// * 2: the `queue` index on the outbox. Records written by version 1 already hold `state`, `saved_at` and
///   `id`, so the browser indexes them as it builds the index: nothing is rewritten.
/// * 3: the `responses` store ("you said, we did", keyed by id; its cursor lives in `cache`). A new store:
///   the outbox is not touched.
const VERSION: u32 = 3;

/// Opens (and creates or upgrades) the database called `name`. The app uses [`DB_NAME`]; tests use
/// their own names so they never touch real data.
pub async fn open(name: &str) -> Result<Store, StorageError> {
    open_at(name, VERSION).await
}

/// Opens at a given schema version: the app always uses the newest; tests open version 1 to write records
/// the way the previous release did.
#[doc(hidden)]
pub async fn open_at(name: &str, version: u32) -> Result<Store, StorageError> {
    // An existing store can only be changed through the upgrade's own transaction, which the library hands
    // out only on the request itself: keep the request where the upgrade step can reach it.
    let upgrade_request: Rc<OnceCell<web_sys::IdbOpenDbRequest>> = Rc::default();
    let reach = upgrade_request.clone();
    let request = Database::open(name)
        .with_version(version)
        .with_on_upgrade_needed(move |event, db| {
            let old = event.old_version() as u32;
            let new = event.new_version().unwrap_or_default() as u32;
            // Each store from the version that added it, made by one call: a second call through the library's
            // builder cost the first load about 200 bytes.
            for (since, name, key_path) in [(1, OUTBOX, "id"), (1, CACHE, ""), (3, RESPONSES, "id")] {
                if old < since && new >= since {
                    let options = web_sys::IdbObjectStoreParameters::new();
                    if !key_path.is_empty() {
                        options.set_key_path(&JsValue::from_str(key_path));
                    }
                    db.as_sys().create_object_store_with_optional_parameters(name, &options)?;
                }
            }
            if old < 2 && new >= 2 {
                let upgrade = reach.get().and_then(|r| r.transaction()).ok_or(JsValue::NULL)?;
                let key_path: js_sys::Array =
                    ["state", "saved_at", "id"].iter().map(|s| JsValue::from_str(s)).collect();
                upgrade.object_store(OUTBOX)?.create_index_with_str_sequence(QUEUE, &key_path)?;
            }
            Ok(())
        })
        .build()?;
    let _ = upgrade_request.set(request.as_sys().clone());
    let db = request.await?;
    give_way_to_a_newer_release(db.as_sys());
    Ok(Store { db })
}

/// A newer release opening the database in another tab (with a higher version) waits until every older
/// connection closes: until then it can save nothing. This tab closes its connection and reloads, so it
/// runs the newer release too. What it saved is in the database already; only a form half filled in this
/// (old) tab is lost, where keeping it would block the new one.
fn give_way_to_a_newer_release(db: &web_sys::IdbDatabase) {
    let connection = db.clone();
    let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        connection.close();
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    db.set_onversionchange(Some(wasm_bindgen::JsCast::unchecked_ref(on_change.as_ref())));
    on_change.forget();
}
