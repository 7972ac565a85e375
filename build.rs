//! `cfg(shows_catalog)`: whether this build of the library shows the catalog, its
//! pager and its search. Every native build does (the static site prerenders them);
//! the Wasm does with the `catalog` feature (the full app) and not without it (the
//! article-only Wasm, which a page showing one article downloads instead).
fn main() {
    println!("cargo::rustc-check-cfg=cfg(shows_catalog)");
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if !wasm || std::env::var_os("CARGO_FEATURE_CATALOG").is_some() {
        println!("cargo::rustc-cfg=shows_catalog");
    }
}
