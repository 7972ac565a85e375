//! The files of the static site as text, each under its path from the site's root: the
//! catalog's page, each article's pages and fragments, `sitemap.xml` (and `feed.xml`,
//! [`super::feed`]). Made one article
//! at a time, so that `articles site` can write a catalog of any size holding one
//! article per core, and a test can make the same files from articles held in memory.

use super::embed_panel::{self, PinnedLoader};
use super::frame::{self, Oembed, OEMBED_FILE};
use super::page::{self, Page};
use super::prerender::{self, Stylesheet};
use super::{escape, meta, sitemap};
pub use crate::config::CATALOG_PAGES_FOLDER;
use crate::config::{catalog_page_path, Placement};
use crate::model::{pages_of, Article, Audience, Catalog, CatalogEntry, Date, Slug, PAGE_SIZE};

/// What every page of one site shares.
pub struct Site<'a> {
    /// The site's `index.html` as Trunk built it: the template of every page.
    pub template: &'a str,
    /// The template of an article's pages: `template` starting the article-only Wasm
    /// where the build has one ([`super::article_code`]), else `template` itself.
    pub article_template: &'a str,
    pub stylesheet: &'a Stylesheet,
    /// The URL the site is served from, ending in `/`.
    pub site_url: &'a str,
    /// The reader's day the pages are drawn for (an overdue review says so).
    pub today: Date,
    /// This build's pinned loader, which the embed panel offers; None where the site
    /// has none (a site not built by Trunk's hook).
    pub pinned: Option<&'a PinnedLoader>,
}

impl Site<'_> {
    /// The publisher's catalog, the site's root page (`index.html`): its first page, as
    /// the widget shows it first, so that the take-over changes nothing and the page
    /// stays a few KB whatever the catalog's size.
    pub fn catalog_page(&self, catalog: &Catalog) -> Result<String, String> {
        let catalog = catalog.first_page();
        self.catalog_page_at(&catalog, 1, &catalog.articles)
    }

    /// The catalog's page `page` (from 1) as a page of the site, its file
    /// [`catalog_page_file`]: `first` is the catalog's first page (`index.json`),
    /// `entries` are page `page`'s. Its pager links every page's static page, so that
    /// readers without scripts and crawlers walk the whole catalog; the widget takes
    /// it over showing the same page.
    pub fn catalog_page_at(
        &self,
        first: &Catalog,
        page: usize,
        entries: &[CatalogEntry],
    ) -> Result<String, String> {
        let folder = catalog_page_path(page);
        let depth = folder.matches('/').count();
        let config = prerender::config_for(Placement::Publisher, depth);
        let fragment = prerender::catalog_fragment(first, page, entries, &config)?;
        let head = format!(
            "{}\n{}",
            meta::catalog_head(first, page, entries, &format!("{}{folder}", self.site_url)),
            meta::feed_link(&first.publisher.name, self.site_url)
        );
        let root = "../".repeat(depth);
        Ok(page::page(
            self.template,
            &Page {
                root: &root,
                language: &first.publisher.language,
                head: &head,
                host_attributes: "",
                stylesheet: self.stylesheet,
                fragment: &fragment,
                after_host: "",
            },
        ))
    }

    /// An article's files, under `articles/<slug>/`: its page for its default audience
    /// (`index.html`), each audience's page (`<audience>/index.html`), and the fragments
    /// partners' pages show first (`<audience>.html`, and `default.html`); and under
    /// `embed/<slug>/`, the pages other sites frame and their oEmbed ([`Self::frame_files`]).
    pub fn article_files(&self, article: &Article) -> Result<Vec<(String, String)>, String> {
        let folder = format!("articles/{}", article.slug);
        let slug = escape(article.slug.as_str());
        let canonical = meta::article_url(self.site_url, &article.slug, None);
        let alternates = meta::alternates(article, self.site_url);
        let feed = meta::feed_link(&article.publisher.name, self.site_url);
        // The article's own page offers its embed page without an audience.
        let head = |audience, page_audience| {
            let head = meta::article_head(article, audience, &canonical);
            let oembed = frame::oembed_link(
                self.site_url,
                &article.slug,
                page_audience,
                &article.question,
            );
            format!("{head}\n{oembed}\n{feed}\n{alternates}")
                .trim_end()
                .to_owned()
        };
        // The page speaks the article's language: its publisher is in it too.
        let language = &article.publisher.language;
        let page_of = |audience, page_audience, root, host_attributes: &str, depth, address| {
            let config = prerender::config_for(Placement::Publisher, depth);
            let fragment =
                prerender::article_fragment(article, audience, &config, self.today, Some(address))?;
            let panel =
                embed_panel::embed_panel(article, page_audience, self.site_url, self.pinned);
            Ok::<_, String>(page::page(
                self.article_template,
                &Page {
                    root,
                    language,
                    head: &head(audience, page_audience),
                    host_attributes,
                    stylesheet: self.stylesheet,
                    fragment: &fragment,
                    after_host: &panel,
                },
            ))
        };
        let mut files = Vec::with_capacity(4 + 4 * Audience::ALL.len());
        let own_page = page_of(
            article.default_audience,
            None,
            "../../",
            &format!(" data-article=\"{slug}\""),
            2,
            canonical.clone(),
        )?;
        files.push((format!("{folder}/index.html"), own_page));
        let partner = prerender::config_for(Placement::Partner, 0);
        for &audience in Audience::ALL {
            let host_attributes = format!(" data-article=\"{slug}\" data-audience=\"{audience}\"");
            let address = meta::article_url(self.site_url, &article.slug, Some(audience));
            let variant_page = page_of(
                audience,
                Some(audience),
                "../../../",
                &host_attributes,
                3,
                address,
            )?;
            files.push((format!("{folder}/{audience}/index.html"), variant_page));
            let fragment =
                prerender::article_fragment(article, audience, &partner, self.today, None)?;
            // What a partner's page shows first when nothing chose an audience.
            if audience == article.default_audience {
                files.push((
                    format!("{folder}/{}", fragment_file(None)),
                    fragment.clone(),
                ));
            }
            files.push((
                format!("{folder}/{}", fragment_file(Some(audience))),
                fragment,
            ));
        }
        files.extend(self.frame_files(article)?);
        Ok(files)
    }

    /// An article's embed pages, the prerendered widget alone for other sites' frames:
    /// `embed/<slug>/index.html` (the article's default audience, or the reader's
    /// choice) and `embed/<slug>/<audience>/index.html`, each with its `oembed.json`.
    fn frame_files(&self, article: &Article) -> Result<Vec<(String, String)>, String> {
        let slug = escape(article.slug.as_str());
        let language = &article.publisher.language;
        let mut files = Vec::with_capacity(2 + 2 * Audience::ALL.len());
        let pages = std::iter::once(None).chain(Audience::ALL.iter().copied().map(Some));
        for page_audience in pages {
            let (root, depth) = match page_audience {
                None => ("../../", 2),
                Some(_) => ("../../../", 3),
            };
            let audience = page_audience.unwrap_or(article.default_audience);
            let config = prerender::config_for(Placement::Frame, depth);
            let fragment =
                prerender::article_fragment(article, audience, &config, self.today, None)?;
            let frame_url = frame::frame_url(self.site_url, &article.slug, page_audience);
            // As an audience's page does, the embed page names the article's page.
            let canonical = meta::article_url(self.site_url, &article.slug, None);
            let head = format!(
                "<title>{}</title>\n<link rel=\"canonical\" href=\"{}\">\n{}",
                escape(&article.question),
                escape(&canonical),
                frame::oembed_link(
                    self.site_url,
                    &article.slug,
                    page_audience,
                    &article.question
                )
            );
            let host_attributes = match page_audience {
                None => format!(" data-article=\"{slug}\""),
                Some(audience) => format!(" data-article=\"{slug}\" data-audience=\"{audience}\""),
            };
            let folder = frame::frame_folder(&article.slug, page_audience);
            let page = frame::frame_page(
                self.template,
                &Page {
                    root,
                    language,
                    head: &head,
                    host_attributes: &host_attributes,
                    stylesheet: self.stylesheet,
                    fragment: &fragment,
                    after_host: "",
                },
            );
            files.push((format!("{folder}index.html"), page));
            let oembed = frame::oembed_json(&Oembed {
                title: &article.question,
                provider_name: &article.publisher.name,
                provider_url: self.site_url,
                frame_url: &frame_url,
            });
            files.push((format!("{folder}{OEMBED_FILE}"), oembed));
        }
        Ok(files)
    }

    /// `sitemap.xml`: the catalog's pages, then each article's page, given newest first
    /// with the day it was updated (walked twice, rather than the URLs held).
    pub fn sitemap<'s>(
        &self,
        articles: impl ExactSizeIterator<Item = (&'s Slug, Date)> + Clone,
    ) -> String {
        // The catalog's pages change when its newest article does: a new one moves
        // every entry along.
        let newest = articles.clone().map(|(_, updated)| updated).max();
        let newest = newest.unwrap_or(self.today);
        let catalog = (1..=pages_of(articles.len(), PAGE_SIZE)).map(move |page| {
            (
                format!("{}{}", self.site_url, catalog_page_path(page)),
                newest,
            )
        });
        let pages =
            articles.map(|(slug, updated)| (meta::article_url(self.site_url, slug, None), updated));
        sitemap::sitemap(catalog.chain(pages))
    }
}

/// The file of the catalog's page `page` (from 1), from the site's root: `index.html`
/// for the first, `catalog/<n>/index.html` for the others.
pub fn catalog_page_file(page: usize) -> String {
    format!("{}index.html", catalog_page_path(page))
}

/// The file name of a partner's fragment in an article's folder: the audience's
/// (`patient.html`), or `default.html`, the article's default audience's, for a page
/// where nothing chose one. `embed.js` names them from the contract made of this.
pub fn fragment_file(audience: Option<Audience>) -> String {
    match audience {
        Some(audience) => format!("{audience}.html"),
        None => "default.html".to_owned(),
    }
}
