//! The widget's small parts, one per file, that the pages compose: view functions
//! where they hold no state (each component costs the Wasm its own copy of Yew's
//! lifecycle), components where they do. Each reaches the browser only through
//! [`crate::browser`]'s event helpers, and renders natively through SSR.

pub mod article_history;
pub mod article_link;
pub mod audience_picker;
pub mod disclaimer;
pub mod follow_up;
pub mod language;
pub mod pager;
pub mod personalize;
pub mod preferences_panel;
pub mod printed;
pub mod radio_group;
pub mod reference_list;
pub mod related_articles;
pub mod rendering;
pub mod review_badge;
pub mod review_dates;
pub mod review_stepper;
pub mod update_notice;
