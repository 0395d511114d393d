// Talc instead of Rust's default wasm allocator: smaller, and the young person's first load is counted in
// bytes. Only this binary (the phone's) uses it; the console and the tests keep the default.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // The app's words are in the page (feature `words-in-page`), which is emptied next.
    #[cfg(feature = "words-in-page")]
    yoursay_app::i18n::page_words::read();
    // The home screen written into index.html as plain HTML (scripts/first-screen.py) gives way to the
    // app's own, drawn in the same place before the browser paints again.
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        body.set_text_content(None);
    }
    leptos::mount::mount_to_body(yoursay_app::App);
}
