//! Broadsheet: a news frontend. The data flows one way, and so do the modules:
//! `model` (typed content) → `api` (fetching) → `pages` (routes) → `components` (views),
//! with browser-only calls kept in `browser` so that components also render natively.

pub mod browser;
pub mod components;
pub mod config;
pub mod embed;
pub use broadsheet_model as model;
pub mod routes;
pub mod seo;
pub mod strings;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod embed_app;
#[cfg(target_arch = "wasm32")]
pub mod pages;
