//! The participation officer's console: a bundle of its own (`/officer/`), so none of it reaches a young
//! person's phone. Built by scripts/build-console.sh from console/index.html.

fn main() {
    leptos::mount::mount_to_body(yoursay_app::officer::OfficerApp);
}
