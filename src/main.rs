// Talc instead of Rust's default wasm allocator: smaller, and the young person's first load is counted in
// bytes. Only this binary (the phone's) uses it; the console and the tests keep the default.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    leptos::mount::mount_to_body(yoursay_app::App);
}
