#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // A partner's iframe gets the chrome-less embed app; every other path, the site.
    if broadsheet::routes::is_embed(&broadsheet::browser::current_path()) {
        leptos::mount::mount_to_body(broadsheet::embed_app::EmbedApp);
    } else if let Some(root) = broadsheet::browser::prerendered_app_root() {
        // A page pre-rendered at build time stays in view; the app draws the same page hidden
        // beside it and then takes its place (docs/adr/0004-prerender-takeover.md).
        leptos::mount::mount_to(root, broadsheet::app::App).forget();
    } else {
        leptos::mount::mount_to_body(broadsheet::app::App);
    }
}

/// The app runs in the browser; natively this crate is a library whose components render to
/// HTML for tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Broadsheet runs in the browser: start it with `scripts/serve` (see README.md).");
    std::process::exit(2);
}
