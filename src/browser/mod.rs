//! Browser glue: leaf modules, one job each, behind small functions, so that the app's
//! hooks and the components stay free of `web_sys::window`, listeners and storage, and
//! render natively through Yew's server-side rendering. Nothing here imports the app or
//! a component (`tests/tidy.rs` holds both rules).

pub mod console;
pub mod dom;
pub mod events;
pub mod frame;
pub mod history;
mod in_flight;
pub mod network;
pub mod offline;
pub mod page;
pub mod search;
pub mod storage;

pub use network::LoadError;
