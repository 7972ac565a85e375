//! The editorial workflow's edits of an article file: a new article scaffolded, and its
//! review moved on. Edits keep the author's formatting and comments (`toml_edit`), and
//! the caller checks the result before writing anything.

use toml_edit::{value, Array, DocumentMut, InlineTable, Item, Table, Value};

use crate::model::{Date, ReviewStatus, Reviewer, Slug};

/// A move of an article's review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewMove {
    pub status: ReviewStatus,
    /// A reviewer to add, if not already named.
    pub reviewer: Option<Reviewer>,
    /// The day of the sign-off, for an approval.
    pub date: Option<Date>,
}

/// `text`, an article file, with its review moved as `change` says:
/// - `submitted` drops reviewers and review date: nobody has reviewed it;
/// - `under_review` names the reviewer (added to any named) and drops a review date;
/// - `approved` names the reviewer and sets the review date.
///
/// An error says why the move cannot be made; the rules that tie status, reviewers
/// and dates together are `articles check`'s, which the caller runs on the result.
pub fn move_review(text: &str, change: &ReviewMove) -> Result<String, String> {
    let (front_matter, body) = split(text)?;
    let mut document: DocumentMut = front_matter
        .parse()
        .map_err(|error| format!("the front matter is not valid TOML: {error}"))?;
    let review = document
        .get_mut("review")
        .and_then(Item::as_table_mut)
        .ok_or("the front matter has no [review] table")?;
    set_keeping_comments(review, "status", change.status.as_str().into());
    match change.status {
        ReviewStatus::Submitted => {
            review.remove("reviewers");
            review.remove("reviewed");
        }
        ReviewStatus::UnderReview => {
            add_reviewer(review, change.reviewer.as_ref());
            review.remove("reviewed");
        }
        ReviewStatus::Approved => {
            add_reviewer(review, change.reviewer.as_ref());
            let date = change
                .date
                .ok_or("an approval needs the day of the sign-off (--date)")?;
            let date: toml_edit::Datetime = date
                .to_string()
                .parse()
                .map_err(|_| format!("cannot write the date {date}"))?;
            set_keeping_comments(review, "reviewed", date.into());
        }
    }
    Ok(format!("+++\n{document}+++\n{body}"))
}

/// A new article for `slug` that asks `question`: written today, due for review in a
/// year, submitted, with a part for each audience for its author to write.
pub fn scaffold(slug: &Slug, question: &str, today: Date) -> String {
    let next_review_due = Date::new(today.year() + 1, today.month(), today.day())
        .or_else(|| Date::new(today.year() + 1, today.month(), today.day() - 1))
        .unwrap_or(today);
    let question = toml_edit::Value::from(question);
    format!(
        r#"+++
slug = "{slug}"
question = {question}
updated = {today}
next_review_due = {next_review_due}
default_audience = "patient"

[review]
status = "submitted"

# Each source you cite, numbered from 1, cited in the text as [^1]:
# [[references]]
# id = 1
# authors = ["Roe J", "Doe A"]
# title = "..."
# source = "..."
# year = 2026
# doi = "10.xxxx/..."
+++

Write here what every reader reads.

::: patient
Write here for patients: short sentences, everyday words.
:::

::: caregiver
Write here for caregivers: what to watch for, and how to help.
:::

::: professional
Write here for healthcare professionals: doses, evidence, guideline by country.
:::
"#
    )
}

/// Sets `key` of `table` to `new`, keeping the spacing and comment around the old value.
fn set_keeping_comments(table: &mut Table, key: &str, new: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = new;
            *old.decor_mut() = decor;
        }
        None => table[key] = Item::Value(new),
    }
}

/// Adds `reviewer` to the review's `reviewers`, unless already named there.
fn add_reviewer(review: &mut Table, reviewer: Option<&Reviewer>) {
    let Some(reviewer) = reviewer else {
        return;
    };
    if !review.contains_key("reviewers") {
        review["reviewers"] = value(Array::new());
    }
    let Some(reviewers) = review["reviewers"].as_array_mut() else {
        return;
    };
    let named = reviewers.iter().any(|entry| {
        entry
            .as_inline_table()
            .and_then(|table| table.get("name"))
            .and_then(|name| name.as_str())
            == Some(reviewer.name.as_str())
    });
    if named {
        return;
    }
    let mut entry = InlineTable::new();
    entry.insert("name", reviewer.name.as_str().into());
    entry.insert("credentials", reviewer.credentials.as_str().into());
    reviewers.push(entry);
}

/// The front matter between the `+++` lines, and the body after them.
fn split(text: &str) -> Result<(&str, &str), String> {
    let rest = text
        .strip_prefix("+++\n")
        .ok_or("the file does not start with a `+++` line")?;
    let end = rest
        .find("\n+++\n")
        .map(|index| index + 1)
        .or_else(|| rest.starts_with("+++\n").then_some(0))
        .ok_or("the front matter is not closed by a `+++` line")?;
    Ok((&rest[..end], &rest[end + 4..]))
}
