//! article-widget: medically reviewed articles, rendered by Rust in any web page.
//!
//! See ARCHITECTURE.md for the code map and the invariants.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod browser;
pub mod components;
pub mod config;
pub mod document;
pub mod markdown;
pub mod model;
pub mod preferences;
pub mod render;
pub mod safe_url;

#[cfg(not(target_arch = "wasm32"))]
pub mod source;
#[cfg(not(target_arch = "wasm32"))]
pub mod ssr;
