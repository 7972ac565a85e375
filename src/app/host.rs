//! Where an app is: a named mode, never inferred from another field.

use web_sys::Element;

/// Where an app is.
#[derive(Clone, Debug, PartialEq)]
pub enum Host {
    /// Shown on this element, which receives its events.
    Mounted(Element),
    /// Parked by an unmount, until the next mount takes it up: it renders nothing and
    /// loads nothing.
    Parked,
}

impl Host {
    /// Whether the app is mounted on `element`.
    pub fn is_on(&self, element: &Element) -> bool {
        matches!(self, Host::Mounted(host) if host == element)
    }
}
