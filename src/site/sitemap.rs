//! `sitemap.xml` and `robots.txt`: where search engines find every page of the site.

use std::fmt::Write;

use super::escape;
use crate::model::Date;

/// `sitemap.xml` in the sitemaps.org 0.9 format: one `<url>` with its `<loc>` (escaped)
/// and `<lastmod>` (YYYY-MM-DD) per entry, in the order given. Each entry is a page's
/// absolute URL and the day its content last changed.
pub fn sitemap(entries: impl IntoIterator<Item = (String, Date)>) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, modified) in entries {
        // Writing into a String cannot fail.
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc><lastmod>{modified}</lastmod></url>",
            escape(&url)
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: every crawler may read everything, and the sitemap is at
/// `sitemap_url` (absolute). Crawlers read `robots.txt` only at the root of a host, so
/// a site served from a folder needs its host's own file to name the sitemap.
pub fn robots(sitemap_url: &str) -> String {
    // A line break in the URL would start a rule of its own: the URL has none.
    let sitemap_url: String = sitemap_url.chars().filter(|c| !c.is_control()).collect();
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
}
