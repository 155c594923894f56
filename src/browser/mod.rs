//! The thin layer of calls that need a browser, one module per job. No other module of the
//! crate names `web_sys`: what the rest asks of the browser goes through here.
//!
//! A job that native code uses too (components, rendered in `cargo test` and by the
//! pre-render) has one shape, so that adding a function means editing one file: what both
//! sides share (constants, types) first, then `pub use imp::*;`, then `mod imp` for the
//! browser (`wasm32`) and `mod imp` for native builds, where each function the native side
//! needs has its counterpart with the same signature. A job that only the browser's code
//! uses (`api`, the pages, the apps) is compiled for the browser alone, and its file is
//! plain browser code.

mod clock;
mod config;
mod focus;
mod head;
mod location;
mod settings;
mod share;
mod takeover;

pub use clock::*;
pub use config::*;
pub use focus::*;
pub use head::*;
pub use location::*;
pub use settings::*;
pub use share::*;
pub use takeover::*;

#[cfg(target_arch = "wasm32")]
mod connectivity;
#[cfg(target_arch = "wasm32")]
mod fetch;
#[cfg(target_arch = "wasm32")]
mod history;
#[cfg(target_arch = "wasm32")]
mod resize;

#[cfg(target_arch = "wasm32")]
pub use {connectivity::*, fetch::*, history::*, resize::*};

#[cfg(target_arch = "wasm32")]
fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}
