//! `articles site [DIR] SITE`: the static site, written into a site Trunk has built.
//! Its `index.html` is the template of every page: the publisher's catalog at the
//! root, each article's page `articles/<slug>/` (its default audience) and each
//! audience's page `articles/<slug>/<audience>/`, and the fragments partners' pages
//! show first, `articles/<slug>/<audience>.html` (and `default.html`); beside them the
//! widget's stylesheet, `sitemap.xml` and `robots.txt`.

use std::path::Path;

use article_widget::config::Placement;
use article_widget::model::{Audience, Date};
use article_widget::site::escape;
use article_widget::site::page::{self, Page};
use article_widget::site::prerender;
use article_widget::site::{meta, sitemap};
use article_widget::source::Report;

/// Writes the site into `site`, served from `site_url` (else publisher.toml's).
pub fn write(
    report: &Report,
    site: &Path,
    today: Date,
    site_url: Option<&str>,
) -> Result<(), String> {
    // Trunk's page is kept as `shell.html`, the template of every page: running again
    // over a site already written makes the same site. The service worker opens it
    // offline at any address it has no copy of.
    let template_path = site.join("index.html");
    let shell_path = site.join("shell.html");
    let template = match std::fs::read_to_string(&shell_path) {
        Ok(shell) => shell,
        Err(_) => std::fs::read_to_string(&template_path)
            .map_err(|error| format!("cannot read {}: {error}", template_path.display()))?,
    };
    let publisher = &report.publisher;
    let stylesheet = prerender::stylesheet(&publisher.accent, &publisher.accent_dark);
    write_file(&site.join(&stylesheet.file_name), &stylesheet.text)?;
    write_file(&shell_path, &page::shell(&template, &stylesheet.file_name))?;

    let catalog = report.catalog();
    let fragment =
        prerender::catalog_fragment(&catalog, &prerender::config_for(Placement::Publisher, 0))?;
    let site_url = &site_url.map_or_else(|| publisher.site_url.clone(), str::to_owned);
    let head = meta::catalog_head(&catalog, site_url);
    let html = page::page(
        &template,
        &Page {
            root: "",
            language: &publisher.language,
            head: &head,
            host_attributes: "",
            stylesheet: &stylesheet,
            fragment: &fragment,
        },
    );
    write_file(&template_path, &html)?;

    let own_page = prerender::config_for(Placement::Publisher, 2);
    let variant_page = prerender::config_for(Placement::Publisher, 3);
    let partner = prerender::config_for(Placement::Partner, 0);
    for article in &report.articles {
        let folder = site.join("articles").join(article.slug.as_str());
        create_dir(&folder)?;
        let slug = escape(article.slug.as_str());
        let canonical = meta::article_url(site_url, &article.slug, None);
        let alternates = meta::alternates(article, site_url);
        let head = |audience| {
            let head = meta::article_head(article, audience, &canonical);
            format!("{head}\n{alternates}").trim_end().to_owned()
        };
        // The page speaks the article's language: its publisher is in it too.
        let language = &article.publisher.language;
        let head_of_page = head(article.default_audience);
        let fragment =
            prerender::article_fragment(article, article.default_audience, &own_page, today)?;
        let html = page::page(
            &template,
            &Page {
                root: "../../",
                language,
                head: &head_of_page,
                host_attributes: &format!(" data-article=\"{slug}\""),
                stylesheet: &stylesheet,
                fragment: &fragment,
            },
        );
        write_file(&folder.join("index.html"), &html)?;
        for &audience in Audience::ALL {
            let head = head(audience);
            let fragment = prerender::article_fragment(article, audience, &variant_page, today)?;
            let html = page::page(
                &template,
                &Page {
                    root: "../../../",
                    language,
                    head: &head,
                    host_attributes: &format!(
                        " data-article=\"{slug}\" data-audience=\"{audience}\""
                    ),
                    stylesheet: &stylesheet,
                    fragment: &fragment,
                },
            );
            let variant = folder.join(audience.as_str());
            create_dir(&variant)?;
            write_file(&variant.join("index.html"), &html)?;
            let fragment = prerender::article_fragment(article, audience, &partner, today)?;
            write_file(&folder.join(format!("{audience}.html")), &fragment)?;
            // What a partner's page shows first when nothing chose an audience.
            if audience == article.default_audience {
                write_file(&folder.join("default.html"), &fragment)?;
            }
        }
    }
    let pages = std::iter::once((site_url.clone(), newest(report))).chain(
        report.articles.iter().map(|article| {
            (
                meta::article_url(site_url, &article.slug, None),
                article.updated,
            )
        }),
    );
    write_file(&site.join("sitemap.xml"), &sitemap::sitemap(pages))?;
    write_file(
        &site.join("robots.txt"),
        &sitemap::robots(&format!("{site_url}sitemap.xml")),
    )?;
    println!(
        "prerendered the catalog and {} article(s) into {}",
        report.articles.len(),
        site.display()
    );
    Ok(())
}

/// The catalog changes when its newest article does.
fn newest(report: &Report) -> Date {
    report
        .articles
        .iter()
        .map(|article| article.updated)
        .max()
        .unwrap_or_else(article_widget::source::today)
}

fn create_dir(path: &Path) -> Result<(), String> {
    std::fs::create_dir_all(path)
        .map_err(|error| format!("cannot create {}: {error}", path.display()))
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}
