//! Requests in flight, shared by every caller that asks for the same key at once: the
//! first caller starts the request, later ones join it. A request leaves once it has
//! answered, so that the next caller asks afresh, or once no caller waits for it any
//! more: no one polls it then, and a caller joining it later would find it stopped
//! halfway. Dropping it drops the request, which may stop it in the browser too.

use std::cell::RefCell;
use std::thread::LocalKey;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

/// A request that callers share; each gets a clone of its outcome.
pub type SharedRequest<T> = Shared<LocalBoxFuture<'static, T>>;

/// A page's requests in flight, by key, each with how many callers wait for it.
///
/// A list, not a hash map: a page has a few requests in flight at once (one per
/// article or page its widgets load), and a map's code for this one type cost the Wasm
/// more than its scans could save.
pub struct InFlight<T: Clone + 'static> {
    requests: Vec<InFlightRequest<T>>,
}

struct InFlightRequest<T: Clone + 'static> {
    key: String,
    request: SharedRequest<T>,
    waiters: usize,
}

impl<T: Clone + 'static> Default for InFlight<T> {
    fn default() -> Self {
        InFlight {
            requests: Vec::new(),
        }
    }
}

impl<T: Clone + 'static> InFlight<T> {
    /// Where the request for `key` is in the list, if one is in flight.
    fn position(&self, key: &str) -> Option<usize> {
        self.requests
            .iter()
            .position(|in_flight| in_flight.key == key)
    }

    fn find(&mut self, key: &str) -> Option<&mut InFlightRequest<T>> {
        let index = self.position(key)?;
        self.requests.get_mut(index)
    }
}

/// Where a page keeps its requests in flight: a thread-local, as the page is one thread.
pub type Registry<T> = &'static LocalKey<RefCell<InFlight<T>>>;

/// The request in flight for `key`: the one under way, or else the one `start` makes.
/// Made here, it has no caller yet: it waits for the first (a handover waits so for
/// the widget's own request).
pub fn request<T: Clone + 'static>(
    registry: Registry<T>,
    key: &str,
    start: impl FnOnce() -> LocalBoxFuture<'static, T>,
) -> SharedRequest<T> {
    registry.with_borrow_mut(|in_flight| {
        if let Some(under_way) = in_flight.find(key) {
            return under_way.request.clone();
        }
        let request = start().shared();
        in_flight.requests.push(InFlightRequest {
            key: key.to_owned(),
            request: request.clone(),
            waiters: 0,
        });
        request
    })
}

/// Joins the request in flight for `key`, or the one `start` makes, as one more caller.
pub fn wait_for<T: Clone + 'static>(
    registry: Registry<T>,
    key: &str,
    start: impl FnOnce() -> LocalBoxFuture<'static, T>,
) -> Waiting<T> {
    let request = request(registry, key, start);
    registry.with_borrow_mut(|in_flight| {
        if let Some(under_way) = in_flight.find(key) {
            under_way.waiters += 1;
        }
    });
    Waiting {
        registry,
        key: key.to_owned(),
        request,
        answered: false,
    }
}

/// One caller's share of a request in flight; it leaves when the caller has the
/// outcome, or when it is dropped before (a load overtaken by the next mount).
pub struct Waiting<T: Clone + 'static> {
    registry: Registry<T>,
    key: String,
    request: SharedRequest<T>,
    answered: bool,
}

impl<T: Clone + 'static> Waiting<T> {
    pub async fn answer(mut self) -> T {
        let outcome = self.request.clone().await;
        self.answered = true;
        outcome
    }
}

impl<T: Clone + 'static> Drop for Waiting<T> {
    fn drop(&mut self) {
        self.registry.with_borrow_mut(|in_flight| {
            let Some(index) = in_flight.position(&self.key) else {
                return;
            };
            let under_way = &mut in_flight.requests[index];
            // Another request for the key may have started since; that one stays.
            if !under_way.request.ptr_eq(&self.request) {
                return;
            }
            under_way.waiters = under_way.waiters.saturating_sub(1);
            if self.answered || under_way.waiters == 0 {
                in_flight.requests.swap_remove(index);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static REQUESTS: RefCell<InFlight<u32>> = RefCell::new(InFlight::default());
    }

    fn is_in_flight(key: &str) -> bool {
        REQUESTS.with_borrow(|in_flight| in_flight.position(key).is_some())
    }

    #[test]
    fn a_request_that_no_caller_waits_for_any_more_is_dropped() {
        let first = wait_for(&REQUESTS, "a", || futures::future::pending().boxed_local());
        let second = wait_for(&REQUESTS, "a", || unreachable!("the first is shared"));
        drop(first);
        assert!(is_in_flight("a"), "the second caller still waits");
        drop(second);
        assert!(!is_in_flight("a"));
    }

    #[test]
    fn an_answered_request_leaves_and_every_caller_has_its_outcome() {
        let first = wait_for(&REQUESTS, "b", || futures::future::ready(7).boxed_local());
        let second = wait_for(&REQUESTS, "b", || unreachable!("the first is shared"));
        assert_eq!(futures::executor::block_on(first.answer()), 7);
        assert!(!is_in_flight("b"), "the next caller asks afresh");
        assert_eq!(futures::executor::block_on(second.answer()), 7);
    }

    #[test]
    fn a_request_made_ahead_waits_for_its_first_caller() {
        drop(request(&REQUESTS, "c", || {
            futures::future::ready(7).boxed_local()
        }));
        assert!(is_in_flight("c"));
        let waiting = wait_for(&REQUESTS, "c", || unreachable!("made ahead"));
        assert_eq!(futures::executor::block_on(waiting.answer()), 7);
        assert!(!is_in_flight("c"));
    }
}
