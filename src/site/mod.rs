//! The static site the build writes: the publisher's pages and the fragments partners'
//! pages show first.

pub mod prerender;
