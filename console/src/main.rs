//! The officer console's bundle, built by scripts/build-console.sh from console/index.html.

fn main() {
    leptos::mount::mount_to_body(yoursay_console::OfficerApp);
}
