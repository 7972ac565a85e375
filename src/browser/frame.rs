//! Work for the browser's next frame, kept in the order it was asked for.
//!
//! Why a frame: an element newly shown under `content-visibility: auto` (the widget's
//! frame, the article's blocks) has its contents skipped until the browser has decided,
//! in a frame's rendering, that it is on screen. A click that arrives before that frame
//! is hit-tested against the skipped box and lands on the frame, not on the control
//! under the pointer. Work done at the start of a frame (an animation-frame callback)
//! is followed by that frame's rendering before any input can be handled, so what it
//! shows takes clicks at once.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A page that draws no frames (a tab in the background, a partner's iframe scrolled out
/// of view, where browsers hold animation frames back) still gets its work done after
/// this long. No one can click what such a page shows meanwhile.
const NO_FRAME_MS: u32 = 500;

type Work = Box<dyn FnOnce()>;

thread_local! {
    /// Work waiting for a frame: while there is any, a frame has been asked for.
    static QUEUED: RefCell<VecDeque<Work>> = const { RefCell::new(VecDeque::new()) };
    /// Which request for a frame is current: the frame and the timer of one request both
    /// run it, and the one that comes second must not run a later request's work early.
    static REQUEST: Cell<u64> = const { Cell::new(0) };
}

/// Runs `work` at the start of the next frame, after any work queued before it.
pub fn in_next_frame(work: impl FnOnce() + 'static) {
    let first = QUEUED.with_borrow_mut(|queued| {
        queued.push_back(Box::new(work));
        queued.len() == 1
    });
    if first {
        request_frame();
    }
}

/// Runs `work` now, or, if work is waiting for the next frame, right after that work:
/// what the host page is told never overtakes what it will be shown.
pub fn after_queued(work: impl FnOnce() + 'static) {
    let waiting = QUEUED.with_borrow(|queued| !queued.is_empty());
    if waiting {
        QUEUED.with_borrow_mut(|queued| queued.push_back(Box::new(work)));
    } else {
        work();
    }
}

fn request_frame() {
    let request = REQUEST.get() + 1;
    REQUEST.set(request);
    let frame = Closure::once_into_js(move || run_queued(request));
    let asked = web_sys::window()
        .and_then(|window| window.request_animation_frame(frame.unchecked_ref()).ok())
        .is_some();
    // No window to draw frames (a worker): the timer alone runs it.
    let wait = if asked { NO_FRAME_MS } else { 0 };
    Timeout::new(wait, move || run_queued(request)).forget();
}

/// Runs the work queued when `request` was made, and what that work queues after it.
fn run_queued(request: u64) {
    if REQUEST.get() != request {
        return;
    }
    // One piece at a time, the queue not borrowed while it runs: work may queue more.
    while let Some(work) = QUEUED.with_borrow_mut(VecDeque::pop_front) {
        work();
    }
}
