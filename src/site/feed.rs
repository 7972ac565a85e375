//! `feed.xml`: an Atom 1.0 feed of the articles' changes, newest first, so that a
//! reader (or a clinician's feed reader) learns of new guidance and, above all, of
//! corrections. A pure function of each article's slug, question, language and
//! history ([`FeedArticle`]); [`Feed`] keeps only the newest [`FEED_LIMIT`] changes
//! while the articles are added, so that the site's build holds no more than that
//! whatever the catalog's size.
//!
//! Longer than 300 lines: its tests write out a whole feed, entry by entry, to show its
//! exact shape.

use std::cmp::Reverse;
use std::fmt::Write;

use super::{escape, meta};
use crate::model::{Article, Change, ChangeKind, Date, Language, Slug};

/// How many changes the feed lists: the newest of all the articles'.
pub const FEED_LIMIT: usize = 200;

pub use super::meta::{feed_url, FEED_FILE};

/// What the feed needs of one article.
#[derive(Clone, Debug)]
pub struct FeedArticle {
    pub slug: Slug,
    pub question: String,
    pub language: Language,
    /// Its history, newest first, as `Article::changes`.
    pub changes: Vec<Change>,
}

impl FeedArticle {
    /// What the feed needs of `article`.
    pub fn of(article: &Article) -> FeedArticle {
        FeedArticle {
            slug: article.slug.clone(),
            question: article.question.clone(),
            language: article.language(),
            changes: article.changes.clone(),
        }
    }
}

/// One change of one article: an entry of the feed.
#[derive(Clone, Debug)]
struct Entry {
    slug: Slug,
    question: String,
    language: Language,
    change: Change,
    /// Which of the article's changes of that day it is, from 1 in the history's
    /// order: with the day, what names the entry for good (`#change-2026-12-04-1`).
    ordinal: usize,
}

impl Entry {
    /// Newest first; on one day by article, then in the history's order.
    fn order(&self) -> (Reverse<Date>, &str, usize) {
        (Reverse(self.change.date), self.slug.as_str(), self.ordinal)
    }
}

/// The newest [`FEED_LIMIT`] changes of the articles added so far.
#[derive(Clone, Debug, Default)]
pub struct Feed {
    entries: Vec<Entry>,
}

impl Feed {
    /// Adds `article`'s changes, keeping the newest [`FEED_LIMIT`] of all.
    pub fn add(&mut self, article: FeedArticle) {
        let FeedArticle {
            slug,
            question,
            language,
            changes,
        } = article;
        let mut previous: Option<(Date, usize)> = None;
        for change in changes {
            let ordinal = match previous {
                Some((date, ordinal)) if date == change.date => ordinal + 1,
                _ => 1,
            };
            previous = Some((change.date, ordinal));
            self.entries.push(Entry {
                slug: slug.clone(),
                question: question.clone(),
                language,
                change,
                ordinal,
            });
        }
        // Sorted and cut once there are twice as many as kept, not at every article.
        if self.entries.len() >= 2 * FEED_LIMIT {
            self.keep_newest();
        }
    }

    fn keep_newest(&mut self) {
        self.entries.sort_by(|a, b| a.order().cmp(&b.order()));
        self.entries.truncate(FEED_LIMIT);
    }

    /// The feed as Atom 1.0: titled and authored by `publisher_name`, in
    /// `publisher_language` (a BCP 47 tag), for the site served from `site_url`
    /// (ending in `/`). `today` is its `updated` when no article has a change.
    pub fn to_xml(
        mut self,
        publisher_name: &str,
        publisher_language: &str,
        site_url: &str,
        today: Date,
    ) -> String {
        self.keep_newest();
        let feed_url = feed_url(site_url);
        let updated = self
            .entries
            .first()
            .map_or(today, |entry| entry.change.date);
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        // Writing into a String cannot fail.
        let _ = write!(
            xml,
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
             \x20 <title>{name}</title>\n\
             \x20 <id>{feed}</id>\n\
             \x20 <updated>{updated}</updated>\n\
             \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n\
             \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{site}\"/>\n\
             \x20 <author><name>{name}</name></author>\n",
            lang = escape(publisher_language),
            name = escape(publisher_name),
            feed = escape(&feed_url),
            updated = timestamp(updated),
            site = escape(site_url),
        );
        for entry in &self.entries {
            let url = meta::article_url(site_url, &entry.slug, None);
            let title = match entry.change.kind {
                ChangeKind::Correction => format!(
                    "{}: {}",
                    entry.language.messages().correction,
                    entry.question
                ),
                ChangeKind::Update => entry.question.clone(),
            };
            let _ = write!(
                xml,
                "  <entry xml:lang=\"{lang}\">\n\
                 \x20   <title>{title}</title>\n\
                 \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n\
                 \x20   <id>{id}</id>\n\
                 \x20   <updated>{updated}</updated>\n\
                 \x20   <summary>{summary}</summary>\n\
                 \x20 </entry>\n",
                lang = escape(entry.language.as_str()),
                title = escape(&title),
                url = escape(&url),
                id = escape(&format!(
                    "{url}#change-{}-{}",
                    entry.change.date, entry.ordinal
                )),
                updated = timestamp(entry.change.date),
                summary = escape(&entry.change.summary),
            );
        }
        xml.push_str("</feed>\n");
        xml
    }
}

/// `feed.xml` of `articles`: [`Feed::to_xml`] of them all.
pub fn feed(
    articles: impl IntoIterator<Item = FeedArticle>,
    publisher_name: &str,
    publisher_language: &str,
    site_url: &str,
    today: Date,
) -> String {
    let mut feed = Feed::default();
    for article in articles {
        feed.add(article);
    }
    feed.to_xml(publisher_name, publisher_language, site_url, today)
}

/// A day as RFC 3339's date-time, at its midnight UTC: `2026-12-04T00:00:00Z`.
fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn change(day: &str, summary: &str, kind: ChangeKind) -> Change {
        Change {
            date: date(day),
            summary: summary.into(),
            kind,
        }
    }

    fn article(
        slug: &str,
        question: &str,
        language: Language,
        changes: Vec<Change>,
    ) -> FeedArticle {
        FeedArticle {
            slug: Slug::parse(slug).unwrap(),
            question: question.into(),
            language,
            changes,
        }
    }

    const SITE: &str = "https://demo.example/library/";

    #[test]
    fn the_feed_lists_every_articles_changes_newest_first_with_corrections_named() {
        let xml = feed(
            [
                article(
                    "asthma",
                    "How is asthma treated?",
                    Language::English,
                    vec![
                        change(
                            "2026-12-04",
                            "Fixes the <b> & dose.",
                            ChangeKind::Correction,
                        ),
                        change("2026-10-01", "New guidance.", ChangeKind::Update),
                    ],
                ),
                article(
                    "asma",
                    "¿Cómo se trata el asma?",
                    Language::Spanish,
                    vec![
                        change("2026-12-04", "Corrige la dosis.", ChangeKind::Correction),
                        change("2026-11-02", "Nueva guía.", ChangeKind::Update),
                    ],
                ),
            ],
            "Demo \"Health\"",
            "en-GB",
            SITE,
            date("2027-01-01"),
        );
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
             <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">\n\
             \x20 <title>Demo &quot;Health&quot;</title>\n\
             \x20 <id>https://demo.example/library/feed.xml</id>\n\
             \x20 <updated>2026-12-04T00:00:00Z</updated>\n\
             \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"https://demo.example/library/feed.xml\"/>\n\
             \x20 <link rel=\"alternate\" type=\"text/html\" href=\"https://demo.example/library/\"/>\n\
             \x20 <author><name>Demo &quot;Health&quot;</name></author>\n\
             \x20 <entry xml:lang=\"es\">\n\
             \x20   <title>Corrección: ¿Cómo se trata el asma?</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"https://demo.example/library/articles/asma/\"/>\n\
             \x20   <id>https://demo.example/library/articles/asma/#change-2026-12-04-1</id>\n\
             \x20   <updated>2026-12-04T00:00:00Z</updated>\n\
             \x20   <summary>Corrige la dosis.</summary>\n\
             \x20 </entry>\n\
             \x20 <entry xml:lang=\"en\">\n\
             \x20   <title>Correction: How is asthma treated?</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"https://demo.example/library/articles/asthma/\"/>\n\
             \x20   <id>https://demo.example/library/articles/asthma/#change-2026-12-04-1</id>\n\
             \x20   <updated>2026-12-04T00:00:00Z</updated>\n\
             \x20   <summary>Fixes the &lt;b&gt; &amp; dose.</summary>\n\
             \x20 </entry>\n\
             \x20 <entry xml:lang=\"es\">\n\
             \x20   <title>¿Cómo se trata el asma?</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"https://demo.example/library/articles/asma/\"/>\n\
             \x20   <id>https://demo.example/library/articles/asma/#change-2026-11-02-1</id>\n\
             \x20   <updated>2026-11-02T00:00:00Z</updated>\n\
             \x20   <summary>Nueva guía.</summary>\n\
             \x20 </entry>\n\
             \x20 <entry xml:lang=\"en\">\n\
             \x20   <title>How is asthma treated?</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"https://demo.example/library/articles/asthma/\"/>\n\
             \x20   <id>https://demo.example/library/articles/asthma/#change-2026-10-01-1</id>\n\
             \x20   <updated>2026-10-01T00:00:00Z</updated>\n\
             \x20   <summary>New guidance.</summary>\n\
             \x20 </entry>\n\
             </feed>\n"
        );
    }

    #[test]
    fn the_feed_keeps_the_newest_changes_up_to_its_limit() {
        // 150 articles of two changes each, one day apart: 300 changes.
        // 20,454 days after 1970-01-01 is 2026-01-01.
        let day = |n: usize| Date::from_days_since_epoch(20_454 + n as i64);
        let articles = (0..150).map(|n| FeedArticle {
            slug: Slug::parse(&format!("article-{n:03}")).unwrap(),
            question: format!("Question {n}?"),
            language: Language::English,
            changes: vec![
                Change {
                    date: day(2 * n + 1),
                    summary: format!("Change {}.", 2 * n + 1),
                    kind: ChangeKind::Update,
                },
                Change {
                    date: day(2 * n),
                    summary: format!("Change {}.", 2 * n),
                    kind: ChangeKind::Update,
                },
            ],
        });
        let xml = feed(articles, "Demo", "en", SITE, date("2027-12-31"));
        assert_eq!(xml.matches("<entry ").count(), FEED_LIMIT);
        let summaries: Vec<&str> = xml
            .match_indices("<summary>")
            .map(|(at, tag)| {
                let rest = &xml[at + tag.len()..];
                &rest[..rest.find('<').unwrap()]
            })
            .collect();
        assert_eq!(summaries[0], "Change 299.");
        assert_eq!(summaries[FEED_LIMIT - 1], "Change 100.");
        assert!(!xml.contains("<summary>Change 99.</summary>"));
    }

    #[test]
    fn two_changes_of_one_day_have_their_own_ids_and_an_empty_feed_is_dated_today() {
        let xml = feed(
            [article(
                "asthma",
                "Q?",
                Language::English,
                vec![
                    change("2026-12-04", "Second.", ChangeKind::Update),
                    change("2026-12-04", "First.", ChangeKind::Update),
                ],
            )],
            "Demo",
            "en",
            SITE,
            date("2027-01-01"),
        );
        assert!(xml.contains("#change-2026-12-04-1</id>"));
        assert!(xml.contains("#change-2026-12-04-2</id>"));
        assert!(xml.find("Second.").unwrap() < xml.find("First.").unwrap());

        let empty = feed([], "Demo", "en", SITE, date("2027-01-01"));
        assert!(empty.contains("  <updated>2027-01-01T00:00:00Z</updated>\n"));
        assert!(!empty.contains("<entry"));
    }
}
