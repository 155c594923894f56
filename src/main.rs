#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(broadsheet::app::App);
}

/// The app runs in the browser; natively this crate is a library whose components render to
/// HTML for tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Broadsheet runs in the browser: start it with `scripts/serve` (see README.md).");
    std::process::exit(2);
}
