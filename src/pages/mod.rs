//! The pages a widget shows, one per file, as in Yew's `function_router`: an article,
//! the catalog, and the panels shown instead of either. They compose the small
//! components of [`crate::components`] and, like them, take typed props and render
//! natively.

pub mod article;
pub mod catalog;
pub mod frame;
pub mod prerendered;
pub mod unavailable;
