//! The app inside a partner's iframe (`/embed/...`): a binary of its own, with no router, no
//! article page, no share or theme code, so that partners' readers download only what an
//! embed shows. The boot script starts it on embed addresses.

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(broadsheet::embed_app::EmbedApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The partner embed runs in a partner's iframe: start the site with `scripts/serve`.");
    std::process::exit(2);
}
