//! The hook that has a mount's first article drawn in parts (`ArticlePage::in_parts`).

use yew::prelude::*;

/// Until mount `mount` has drawn its first article whole, whether to draw it in parts, a
/// task each: it renders hidden beside the prerendered page meanwhile, so no one task of
/// the take-over draws the whole article. Returns that, and the `ondrawn` the article's
/// page calls once it has drawn its last part.
#[hook]
pub fn use_first_draw(mount: u64) -> (bool, Callback<()>) {
    let drawn_whole = use_state_eq(|| None::<u64>);
    let in_parts = *drawn_whole != Some(mount);
    let ondrawn = Callback::from(move |()| drawn_whole.set(Some(mount)));
    (in_parts, ondrawn)
}
