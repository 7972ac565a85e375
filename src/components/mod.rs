//! The widget's components, one per file. Each takes typed props and touches the
//! browser only through [`crate::browser`], so each renders natively through SSR.

pub mod advisory_badge;
pub mod app;
pub mod article_link;
pub mod article_page;
pub mod audience_picker;
pub mod catalog_list;
pub mod disclaimer;
pub mod follow_up;
pub mod markdown_view;
pub mod personalize;
pub mod preferences_panel;
pub mod radio_group;
pub mod reference_list;
pub mod related_articles;
pub mod review_dates;
pub mod review_stepper;
pub mod unavailable;
