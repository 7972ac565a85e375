//! `articles site [DIR] SITE`: the static site, written into a site Trunk has built.
//! Its `index.html` is the template of every page: the publisher's catalog at the
//! root, each article's page `articles/<slug>/` (its default audience) and each
//! audience's page `articles/<slug>/<audience>/`, and the fragments partners' pages
//! show first, `articles/<slug>/<audience>.html`; beside them the widget's stylesheet.

use std::path::Path;

use article_widget::config::Placement;
use article_widget::model::{Article, Audience, Catalog, Date};
use article_widget::site::prerender::{self, escape, Page};
use article_widget::source::Report;

pub fn write(report: &Report, site: &Path, today: Date) -> Result<(), String> {
    let template_path = site.join("index.html");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|error| format!("cannot read {}: {error}", template_path.display()))?;
    let publisher = &report.publisher;
    let stylesheet = prerender::stylesheet(&publisher.accent, &publisher.accent_dark);
    write_file(&site.join(&stylesheet.file_name), &stylesheet.text)?;

    let catalog = Catalog {
        articles: report.articles.iter().map(Article::catalog_entry).collect(),
        publisher: publisher.clone(),
    };
    let fragment =
        prerender::catalog_fragment(&catalog, &prerender::config_for(Placement::Publisher, 0))?;
    let head = catalog_head(&catalog);
    let page = prerender::page(
        &template,
        &Page {
            root: "",
            language: &publisher.language,
            head: &head,
            host_attributes: "",
            stylesheet: &stylesheet.file_name,
            fragment: &fragment,
        },
    );
    write_file(&template_path, &page)?;

    for article in &report.articles {
        let folder = site.join("articles").join(article.slug.as_str());
        std::fs::create_dir_all(&folder)
            .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
        let own_page = prerender::config_for(Placement::Publisher, 2);
        let variant_page = prerender::config_for(Placement::Publisher, 3);
        let partner = prerender::config_for(Placement::Partner, 0);
        let slug = escape(article.slug.as_str());
        let head = article_head(article, article.default_audience);
        let fragment =
            prerender::article_fragment(article, article.default_audience, &own_page, today)?;
        let page = prerender::page(
            &template,
            &Page {
                root: "../../",
                language: &publisher.language,
                head: &head,
                host_attributes: &format!(" data-article=\"{slug}\""),
                stylesheet: &stylesheet.file_name,
                fragment: &fragment,
            },
        );
        write_file(&folder.join("index.html"), &page)?;
        for &audience in Audience::ALL {
            let head = article_head(article, audience);
            let fragment = prerender::article_fragment(article, audience, &variant_page, today)?;
            let page = prerender::page(
                &template,
                &Page {
                    root: "../../../",
                    language: &publisher.language,
                    head: &head,
                    host_attributes: &format!(
                        " data-article=\"{slug}\" data-audience=\"{audience}\""
                    ),
                    stylesheet: &stylesheet.file_name,
                    fragment: &fragment,
                },
            );
            let variant = folder.join(audience.as_str());
            std::fs::create_dir_all(&variant)
                .map_err(|error| format!("cannot create {}: {error}", variant.display()))?;
            write_file(&variant.join("index.html"), &page)?;
            let fragment = prerender::article_fragment(article, audience, &partner, today)?;
            write_file(&folder.join(format!("{audience}.html")), &fragment)?;
            // What a partner's page shows first when nothing chose an audience.
            if audience == article.default_audience {
                write_file(&folder.join("default.html"), &fragment)?;
            }
        }
    }
    println!(
        "prerendered the catalog and {} article(s) into {}",
        report.articles.len(),
        site.display()
    );
    Ok(())
}

fn catalog_head(catalog: &Catalog) -> String {
    let name = escape(&catalog.publisher.name);
    format!("<title>Articles | {name}</title>\n    <meta name=\"description\" content=\"Medical questions answered by {name}, with the evidence and the review status of every article.\" />")
}

fn article_head(article: &Article, _audience: Audience) -> String {
    format!(
        "<title>{} | {}</title>",
        escape(&article.question),
        escape(&article.publisher.name)
    )
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}
