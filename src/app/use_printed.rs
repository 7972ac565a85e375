//! Where and when the reader prints: read as the widget renders, and again as the
//! reader prints, so that a page left open for days, or moved through in place, prints
//! its own address and the day it is printed.

use yew::prelude::*;

use crate::browser::page;
use crate::components::printed::Printed;

/// The page's address and the reader's today, as of this render; the window's
/// `beforeprint` renders the widget again, so a printed copy has them as of printing.
#[hook]
pub fn use_printed() -> Printed {
    // Both are read afresh on each render, which costs two calls into the browser and
    // no state: the app renders seldom, and the copy needs them only as of printing.
    let rerender = use_force_update();
    use_effect_with((), move |_| {
        let listener = page::on_before_print(move || rerender.force_update());
        move || drop(listener)
    });
    Printed {
        address: page::address().map(AttrValue::from),
        date: page::today(),
    }
}
