//! The Wasm entry that Trunk builds: mounts a widget into each host element of the page.

fn main() {
    article_widget::browser::mount_first_party();
}
