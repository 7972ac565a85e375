//! article-widget: health articles, with the record of their review, rendered by Rust in
//! any web page.
//!
//! See ARCHITECTURE.md for the code map and the invariants.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod browser;
pub mod components;
pub mod config;
pub mod document;
pub mod json;
pub mod messages;
pub mod model;
pub mod mount;
pub mod names;
pub mod pages;
pub mod preferences;
pub mod render;
pub mod safe_url;

// The authoring side: the markdown parser and the article checks never compile into
// the Wasm, so a parser in the widget is a compile error, not a linker's kindness.
#[cfg(not(target_arch = "wasm32"))]
pub mod markdown;

// The build engine, every command of the `articles` CLI: in the library so that tests
// call it and tidy and clippy see it; the binary only reads its command line.
#[cfg(not(target_arch = "wasm32"))]
pub mod build;
#[cfg(not(target_arch = "wasm32"))]
pub mod readability;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
#[cfg(not(target_arch = "wasm32"))]
pub mod ssr;
