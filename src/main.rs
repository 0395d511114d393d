fn main() {
    leptos::mount::mount_to_body(yoursay_app::App);
}
