//! Readers of single front-matter values that report into the diagnostics: shared by
//! the front matter and its tables.

use std::fmt;
use std::str::FromStr;

use toml::value::Datetime;
use toml::Spanned;

use super::diagnostics::{Diagnostics, LineIndex};
use crate::model::Date;

/// A calendar date and its line, or `None` (reported) when `value` has a time or an
/// offset. `field` names the value in the message.
pub fn date(
    field: &str,
    value: Spanned<Datetime>,
    lines: &LineIndex,
    diagnostics: &mut Diagnostics,
) -> Option<(Date, usize)> {
    let line = lines.line(value.span().start);
    let datetime = value.into_inner();
    let date = match (datetime.date, datetime.time, datetime.offset) {
        (Some(date), None, None) => Date::new(date.year, date.month, date.day),
        _ => None,
    };
    if date.is_none() {
        diagnostics.error(
            line,
            format!("{field} must be a calendar date like 2025-08-17, not `{datetime}`"),
        );
    }
    date.map(|date| (date, line))
}

/// A line of text, trimmed, or `None` (reported) when it is empty or breaks across
/// lines. `field` names the value in the message.
pub fn one_line(
    field: &str,
    value: Spanned<String>,
    lines: &LineIndex,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let line = lines.line(value.span().start);
    let text = value.into_inner().trim().to_owned();
    if text.is_empty() {
        diagnostics.error(
            line,
            format!("{field} must not be empty: write it, or remove the key"),
        );
        return None;
    }
    if text.contains(['\n', '\r']) {
        diagnostics.error(line, format!("{field} must be one line"));
        return None;
    }
    Some(text)
}

/// `value` parsed, or `None` (reported as `field: why not`) when it does not parse.
pub fn parse_field<T>(
    field: &str,
    value: Spanned<String>,
    lines: &LineIndex,
    diagnostics: &mut Diagnostics,
) -> Option<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    let line = lines.line(value.span().start);
    match value.into_inner().parse::<T>() {
        Ok(parsed) => Some(parsed),
        Err(error) => {
            diagnostics.error(line, format!("{field}: {error}"));
            None
        }
    }
}
