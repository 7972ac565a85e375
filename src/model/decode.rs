//! How each type of the data reads from the JSON its serde form writes: field names,
//! defaults and enum tags as the derives here and in `document` declare them.
//! `tests/json_round_trip.rs` holds the two to one form.

use std::str::FromStr;

use super::{
    Article, Catalog, CatalogEntry, CatalogPage, Change, Date, Disclaimer, Disclaimers, ExcerptRun,
    FollowUp, Keyed, Publisher, Reference, RelatedArticle, Review, ReviewBody, Reviewer,
    SearchResults, Slug,
};
use crate::document::{Alignment, Block, Document, Inline};
use crate::json::{parsed, required, Decode, Error, Next, Reader};

impl Decode for Date {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        parsed(reader, |text| text.parse().ok(), "a date (YYYY-MM-DD)")
    }
}

/// An object whose keys are names of a closed enum (`{"patient": ...}`).
impl<K: FromStr + Ord, V: Decode> Decode for Keyed<K, V> {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        let mut map = Keyed::new();
        reader.object(&mut |reader, key| {
            let key = key.parse().map_err(|_| reader.error("a known name"))?;
            map.insert(key, V::decode(reader)?);
            Ok(())
        })?;
        Ok(map)
    }
}

impl Decode for Slug {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        parsed(reader, Slug::parse, "an article slug")
    }
}

crate::record!(Reviewer { name, credentials });
crate::record!(Review { status } default { reviewers, reviewed });
crate::record!(Change { date, summary } default { kind });
crate::record!(RelatedArticle { slug, question });
crate::record!(Article {
    slug, question, updated, next_review_due, review, default_audience, references, variants,
} default { condition, lang, translations, changes, related, publisher });
crate::record!(Reference { id, authors, title, source, year } default { volume, issue, pages, doi, pmid, url, et_al, cited });
crate::record!(ReviewBody { name, statement } default { in_sentence });
crate::record!(FollowUp {
    heading,
    text,
    button,
    url
});
crate::record!(Disclaimer { heading, text });
crate::record!(Disclaimers {
    patient,
    caregiver,
    professional
});

// The publisher's other languages are not read: the build gives each article its
// publisher in the article's language.
impl Decode for Publisher {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        crate::read_fields!(reader; name, url, site_url, language, accent, accent_dark,
            editorial_policy_url, corrections_url, review_body, follow_up, disclaimers);
        Ok(Publisher {
            name: required(name, reader, "name")?,
            url: required(url, reader, "url")?,
            site_url: site_url.unwrap_or_default(),
            language: required(language, reader, "language")?,
            accent: required(accent, reader, "accent")?,
            accent_dark: required(accent_dark, reader, "accent_dark")?,
            editorial_policy_url: required(editorial_policy_url, reader, "editorial_policy_url")?,
            corrections_url: required(corrections_url, reader, "corrections_url")?,
            review_body: required(review_body, reader, "review_body")?,
            follow_up: follow_up.unwrap_or_default(),
            disclaimers: required(disclaimers, reader, "disclaimers")?,
            translations: Keyed::new(),
        })
    }
}

crate::record!(CatalogEntry { slug, question, updated, review_status, audiences } default { lang });
crate::record!(Catalog { articles } default { publisher, total, page_size, data_bytes });
crate::record!(CatalogPage { articles });
crate::record!(SearchResults { total, articles } default { excerpts });

impl Decode for ExcerptRun {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        let mut text = None;
        let mut matched = None;
        reader.object(&mut |reader, key| {
            match key {
                "text" => text = Some(String::decode(reader)?),
                // `match` is a word of Rust; the field is `matched`.
                "match" => matched = Some(bool::decode(reader)?),
                _ => reader.skip()?,
            }
            Ok(())
        })?;
        Ok(ExcerptRun {
            text: required(text, reader, "text")?,
            matched: matched.unwrap_or_default(),
        })
    }
}

crate::record!(Document { blocks } default { cited });

/// Reads the value of the variant a tag names; `None` for a tag it does not know.
type ReadVariant<'f, T> = dyn FnMut(&mut Reader<'_>, &str) -> Result<Option<T>, Error> + 'f;

/// One of an enum's data-carrying variants, written `{"tag": value}` as serde's
/// externally tagged form: `variant` reads the value for the tag, `None` for a tag
/// it does not know.
fn tagged<T>(
    reader: &mut Reader<'_>,
    expected: &'static str,
    variant: &mut ReadVariant<'_, T>,
) -> Result<T, Error> {
    let mut value = None;
    reader.object(&mut |reader, tag| {
        if value.is_some() {
            return Err(reader.error("one variant"));
        }
        value = Some(variant(reader, tag)?.ok_or(reader.error(expected))?);
        Ok(())
    })?;
    value.ok_or(reader.error(expected))
}

impl Decode for Block {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        if reader.peek()? == Next::String {
            return parsed(
                reader,
                |tag| (tag == "hr").then_some(Block::Rule),
                "a block",
            );
        }
        tagged(reader, "a block", &mut |reader, tag| {
            Ok(Some(match tag {
                "p" => Block::Paragraph(Decode::decode(reader)?),
                "plain" => Block::Plain(Decode::decode(reader)?),
                "h" => {
                    crate::read_fields!(reader; level, id, content);
                    Block::Heading {
                        level: required(level, reader, "level")?,
                        id: required(id, reader, "id")?,
                        content: required(content, reader, "content")?,
                    }
                }
                "quote" => Block::Quote(Decode::decode(reader)?),
                "code" => {
                    crate::read_fields!(reader; language, text);
                    Block::Code {
                        language: language.unwrap_or_default(),
                        text: required(text, reader, "text")?,
                    }
                }
                "html" => Block::RawHtml(Decode::decode(reader)?),
                "list" => {
                    crate::read_fields!(reader; start, items);
                    Block::List {
                        start: start.unwrap_or_default(),
                        items: required(items, reader, "items")?,
                    }
                }
                "table" => {
                    crate::read_fields!(reader; alignments, head, rows);
                    Block::Table {
                        alignments: required(alignments, reader, "alignments")?,
                        head: required(head, reader, "head")?,
                        rows: required(rows, reader, "rows")?,
                    }
                }
                "footnote" => {
                    crate::read_fields!(reader; label, blocks);
                    Block::Footnote {
                        label: required(label, reader, "label")?,
                        blocks: required(blocks, reader, "blocks")?,
                    }
                }
                _ => return Ok(None),
            }))
        })
    }
}

impl Decode for Alignment {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        let alignment = |name: &str| match name {
            "none" => Some(Alignment::None),
            "left" => Some(Alignment::Left),
            "center" => Some(Alignment::Center),
            "right" => Some(Alignment::Right),
            _ => None,
        };
        parsed(reader, alignment, "an alignment")
    }
}

impl Decode for Inline {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        if reader.peek()? == Next::String {
            return parsed(
                reader,
                |tag| (tag == "br").then_some(Inline::LineBreak),
                "an inline",
            );
        }
        tagged(reader, "an inline", &mut |reader, tag| {
            Ok(Some(match tag {
                "t" => Inline::Text(Decode::decode(reader)?),
                "code" => Inline::Code(Decode::decode(reader)?),
                "em" => Inline::Emphasis(Decode::decode(reader)?),
                "strong" => Inline::Strong(Decode::decode(reader)?),
                "del" => Inline::Strikethrough(Decode::decode(reader)?),
                "a" => {
                    crate::read_fields!(reader; href, title, content);
                    Inline::Link {
                        href: required(href, reader, "href")?,
                        title: title.unwrap_or_default(),
                        content: required(content, reader, "content")?,
                    }
                }
                "img" => {
                    crate::read_fields!(reader; src, title, alt);
                    Inline::Image {
                        src: required(src, reader, "src")?,
                        title: title.unwrap_or_default(),
                        alt: required(alt, reader, "alt")?,
                    }
                }
                "cite" => {
                    crate::read_fields!(reader; label, number, follows_citation);
                    Inline::Citation {
                        label: required(label, reader, "label")?,
                        number: required(number, reader, "number")?,
                        follows_citation: follows_citation.unwrap_or_default(),
                    }
                }
                "task" => Inline::Task(Decode::decode(reader)?),
                _ => return Ok(None),
            }))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{from_data, to_data, Refusal};

    #[test]
    fn data_from_a_newer_build_is_refused_as_newer_even_when_its_layout_changed() {
        let newer = r#"{"format":2,"articles":"a shape this build cannot read"}"#;
        assert_eq!(from_data::<CatalogPage>(newer), Err(Refusal::Newer(2)));
        let current = r#"{"format":1,"articles":[]}"#;
        assert!(from_data::<CatalogPage>(current).is_ok());
        let before_formats = r#"{"articles":[]}"#;
        assert!(from_data::<CatalogPage>(before_formats).is_ok());
    }

    #[test]
    fn versioned_data_starts_with_its_format() {
        let page = CatalogPage::default();
        let written = to_data(&page).unwrap();
        assert_eq!(
            String::from_utf8(written).unwrap(),
            r#"{"format":1,"articles":[]}"#
        );
    }
}
