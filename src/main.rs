//! The site's app. Partner embeds have a binary of their own (`src/bin/partner_embed.rs`), so a
//! partner's readers download none of the site, and the site's none of the embeds; the boot
//! script (`scripts/external-boot-script.mjs`) starts the one the address needs.

#[cfg(target_arch = "wasm32")]
fn main() {
    broadsheet::app::start();
}

/// The app runs in the browser; natively this crate is a library whose components render to
/// HTML for tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Broadsheet runs in the browser: start it with `scripts/serve` (see README.md).");
    std::process::exit(2);
}
