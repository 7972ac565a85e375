//! The static site's `<head>`, sitemap and robots.txt, asserted on the text they write.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::rc::Rc;

use article_widget::markdown::parse;
use article_widget::model::{
    Article, Audience, Catalog, Date, Keyed, Publisher, Reference, RelatedArticle, Review,
    ReviewStatus, Reviewer, Slug,
};
use article_widget::site::json_ld::{medical_web_page, script};
use article_widget::site::meta::{
    article_head, article_url, catalog_head, description, DESCRIPTION_LIMIT,
};
use article_widget::site::sitemap::{robots, sitemap};
use serde_json::{json, Value};

const CANONICAL: &str = "https://demo.example/library/articles/demo/";

fn date(text: &str) -> Date {
    text.parse().expect("a valid date")
}

fn reference(id: u32, doi: Option<&str>, pmid: Option<&str>, url: Option<&str>) -> Reference {
    Reference {
        id,
        authors: vec![
            "Roe J".into(),
            "Casey DE Jr".into(),
            "Crijns HJGM".into(),
            "Demo Guideline Group".into(),
        ],
        title: format!("Study {id}"),
        source: "J Demo".into(),
        year: 2020,
        volume: None,
        issue: None,
        pages: None,
        doi: doi.map(Into::into),
        pmid: pmid.map(Into::into),
        url: url.map(Into::into),
        et_al: None,
        cited: None,
    }
}

/// A submitted article of the demo publisher, with a variant for each audience and
/// three references: with a DOI and a PMID, with a PMID only, with a URL only.
fn article() -> Article {
    let variants = Audience::ALL
        .iter()
        .map(|&audience| {
            let markdown = format!("## For {audience}\n\nWords for the {audience}[^1].\n");
            (audience, parse(&markdown))
        })
        .collect::<Keyed<_, _>>();
    Article {
        slug: Slug::parse("demo").unwrap(),
        question: "Does the demo work?".into(),
        condition: Some("Demo deficiency".into()),
        lang: None,
        translations: Default::default(),
        updated: date("2026-11-20"),
        next_review_due: date("2027-05-20"),
        review: Review {
            status: ReviewStatus::Submitted,
            reviewers: vec![],
            reviewed: None,
        },
        changes: vec![],
        default_audience: Audience::Professional,
        references: vec![
            reference(1, Some("10.1000/demo.1"), Some("123456"), None),
            reference(2, None, Some("654321"), None),
            reference(3, None, None, Some("https://guidance.example/demo")),
        ],
        variants,
        related: vec![],
        publisher: Rc::new(Publisher {
            name: "Demo Health".into(),
            url: "https://demo.example/".into(),
            site_url: "https://demo.example/library/".into(),
            language: "en-GB".into(),
            ..Publisher::default()
        }),
    }
}

fn reviewed(status: ReviewStatus) -> Article {
    Article {
        review: Review {
            status,
            reviewers: vec![Reviewer {
                name: "Jane Roe".into(),
                credentials: "MD, FRCP".into(),
            }],
            reviewed: Some(date("2026-11-25")),
        },
        ..article()
    }
}

fn with_body(markdown: &str) -> Article {
    let mut article = article();
    article.variants = Keyed::from([(Audience::Professional, parse(markdown))]);
    article
}

#[test]
fn page_urls_are_written_after_the_site_url() {
    let slug = Slug::parse("demo").unwrap();
    let site = "https://demo.example/library/";
    assert_eq!(article_url(site, &slug, None), CANONICAL);
    assert_eq!(
        article_url(site, &slug, Some(Audience::Patient)),
        "https://demo.example/library/articles/demo/patient/"
    );
}

#[test]
fn an_approved_article_names_its_reviewers_and_review_date() {
    let page = medical_web_page(
        &reviewed(ReviewStatus::Approved),
        Audience::Patient,
        CANONICAL,
    );
    assert_eq!(page["lastReviewed"], "2026-11-25");
    assert_eq!(
        page["reviewedBy"],
        json!([{ "@type": "Person", "name": "Jane Roe", "honorificSuffix": "MD, FRCP" }])
    );
}

#[test]
fn an_article_not_approved_claims_no_review_whatever_its_other_fields_say() {
    for article in [
        article(),
        reviewed(ReviewStatus::Submitted),
        reviewed(ReviewStatus::UnderReview),
    ] {
        let page = medical_web_page(&article, Audience::Patient, CANONICAL);
        assert_eq!(page.get("lastReviewed"), None, "{page}");
        assert_eq!(page.get("reviewedBy"), None, "{page}");
        let head = article_head(&article, Audience::Patient, CANONICAL);
        assert!(!head.contains("Jane Roe"), "{head}");
        assert!(!head.contains("2026-11-25"), "{head}");
    }
}

#[test]
fn the_page_describes_its_article_its_publisher_and_its_condition() {
    let page = medical_web_page(&article(), Audience::Patient, CANONICAL);
    assert_eq!(page["@context"], "https://schema.org");
    assert_eq!(page["@type"], "MedicalWebPage");
    assert_eq!(page["@id"], CANONICAL);
    assert_eq!(page["url"], CANONICAL);
    assert_eq!(page["name"], "Does the demo work?");
    assert_eq!(page["headline"], "Does the demo work?");
    assert_eq!(page["inLanguage"], "en-GB");
    assert_eq!(page["dateModified"], "2026-11-20");
    assert_eq!(
        page["about"],
        json!({ "@type": "MedicalCondition", "name": "Demo deficiency" })
    );
    assert_eq!(
        page["publisher"],
        json!({ "@type": "Organization", "name": "Demo Health", "url": "https://demo.example/" })
    );
    let without = Article {
        condition: None,
        ..article()
    };
    assert_eq!(
        medical_web_page(&without, Audience::Patient, CANONICAL).get("about"),
        None
    );
}

#[test]
fn each_audience_is_named_in_schema_orgs_terms() {
    let article = article();
    let audience = |audience| medical_web_page(&article, audience, CANONICAL)["audience"].clone();
    assert_eq!(audience(Audience::Patient), json!({ "@type": "Patient" }));
    assert_eq!(
        audience(Audience::Professional),
        json!({ "@type": "MedicalAudience", "audienceType": "Clinician" })
    );
    assert_eq!(
        audience(Audience::Caregiver),
        json!({ "@type": "MedicalAudience", "audienceType": "caregiver" })
    );
    // Without a caregiver variant, caregivers get the default one, and the page says
    // whom that was written for.
    let only_professional = with_body("Words.");
    assert_eq!(
        medical_web_page(&only_professional, Audience::Caregiver, CANONICAL)["audience"],
        json!({ "@type": "MedicalAudience", "audienceType": "Clinician" })
    );
}

#[test]
fn citations_link_to_the_doi_then_pubmed_and_give_the_other_identifiers() {
    let page = medical_web_page(&article(), Audience::Patient, CANONICAL);
    let citations = page["citation"].as_array().unwrap();
    assert_eq!(citations.len(), 3);
    let authors = json!([
        { "@type": "Person", "name": "Roe J" },
        { "@type": "Person", "name": "Casey DE Jr" },
        { "@type": "Person", "name": "Crijns HJGM" },
        { "@type": "Organization", "name": "Demo Guideline Group" },
    ]);
    assert_eq!(
        citations[0],
        json!({
            "@type": "ScholarlyArticle",
            "name": "Study 1",
            "author": authors,
            "datePublished": "2020",
            "isPartOf": { "@type": "Periodical", "name": "J Demo" },
            "url": "https://doi.org/10.1000/demo.1",
            "sameAs": ["https://pubmed.ncbi.nlm.nih.gov/123456/"],
        })
    );
    assert_eq!(
        citations[1]["url"],
        "https://pubmed.ncbi.nlm.nih.gov/654321/"
    );
    assert_eq!(citations[1].get("sameAs"), None);
    assert_eq!(citations[2]["@type"], "CreativeWork");
    assert_eq!(citations[2]["url"], "https://guidance.example/demo");
    assert_eq!(
        citations[2]["publisher"],
        json!({ "@type": "Organization", "name": "J Demo" })
    );
}

#[test]
fn the_head_names_the_canonical_page_and_previews_the_article() {
    let head = article_head(&article(), Audience::Patient, CANONICAL);
    let lines: Vec<&str> = head.lines().collect();
    assert_eq!(
        lines[..lines.len() - 1],
        [
            "<title>Does the demo work? | Demo Health</title>",
            "<meta name=\"description\" content=\"Words for the patient.\">",
            "<link rel=\"canonical\" href=\"https://demo.example/library/articles/demo/\">",
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:title\" content=\"Does the demo work?\">",
            "<meta property=\"og:description\" content=\"Words for the patient.\">",
            "<meta property=\"og:url\" content=\"https://demo.example/library/articles/demo/\">",
            "<meta property=\"og:site_name\" content=\"Demo Health\">",
            "<meta property=\"og:locale\" content=\"en_GB\">",
            "<meta name=\"twitter:card\" content=\"summary\">",
            "<meta name=\"twitter:title\" content=\"Does the demo work?\">",
            "<meta name=\"twitter:description\" content=\"Words for the patient.\">",
            "<meta property=\"article:modified_time\" content=\"2026-11-20\">",
        ]
    );
    assert_eq!(
        lines[lines.len() - 1],
        script(&medical_web_page(&article(), Audience::Patient, CANONICAL))
    );
}

#[test]
fn hostile_text_can_close_neither_the_script_nor_an_attribute() {
    let hostile = "Is it \"safe\" </script><script>alert(1)</script> & <!-- so? '";
    let article = Article {
        question: hostile.into(),
        condition: Some("</SCRIPT>".into()),
        ..with_body(&format!("{hostile}\n"))
    };
    let head = article_head(&article, Audience::Professional, CANONICAL);
    // The only script is the JSON-LD's, and it ends once, at its end.
    assert_eq!(head.matches("<script").count(), 1, "{head}");
    assert_eq!(
        head.to_ascii_lowercase().matches("</script").count(),
        1,
        "{head}"
    );
    assert!(head.ends_with("</script>"), "{head}");
    assert!(!head.contains("<!--"), "{head}");
    // The title holds only escaped text; each other tag but the script has its two
    // quoted attributes and no other quote or angle bracket: nothing got out.
    let title = head.lines().next().unwrap();
    let text = title
        .strip_prefix("<title>")
        .and_then(|title| title.strip_suffix("</title>"))
        .unwrap();
    assert!(!text.contains(['<', '>', '"', '\'']), "{title}");
    for tag in head
        .lines()
        .skip(1)
        .filter(|line| !line.starts_with("<script"))
    {
        let inside = tag.strip_prefix('<').and_then(|tag| tag.strip_suffix('>'));
        let inside = inside.unwrap();
        assert!(!inside.contains(['<', '>', '\'']), "{tag}");
        assert_eq!(inside.matches('"').count(), 4, "{tag}");
    }
    assert!(head.contains(
        "<title>Is it &quot;safe&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- so? &#39; | Demo Health</title>"
    ));
    // The script's text is still the JSON of the page, question and all.
    let script = head.lines().last().unwrap();
    let json = script
        .strip_prefix("<script type=\"application/ld+json\">")
        .and_then(|rest| rest.strip_suffix("</script>"))
        .unwrap();
    assert!(json.contains("\\u003c/script\\u003e"), "{json}");
    let page: Value = serde_json::from_str(json).unwrap();
    assert_eq!(page["name"], hostile);
    assert_eq!(page["about"]["name"], "</SCRIPT>");
}

#[test]
fn the_description_is_the_first_paragraph_cut_after_a_whole_word() {
    let paragraph = "Riluzole[^1] is   the first\ntreatment[^2] for ALS: it slows the disease a little, and most people take it for years. Edaravone is given by drip in some countries; sodium phenylbutyrate was withdrawn.";
    let article = with_body(&format!("# Heading\n\n{paragraph}\n\nSecond paragraph.\n"));
    let text = description(&article, Audience::Patient);
    assert!(text.chars().count() <= DESCRIPTION_LIMIT, "{text}");
    assert!(
        !text.contains("[^") && !text.contains('\n') && !text.contains("  "),
        "{text}"
    );
    let kept = text
        .strip_suffix('…')
        .expect("a cut description ends with …");
    let whole = "Riluzole is the first treatment for ALS: it slows the disease a little, and most people take it for years. Edaravone is given by drip in some countries; sodium phenylbutyrate was withdrawn.";
    assert!(whole.starts_with(kept), "{text}");
    assert_eq!(
        &whole[kept.len()..kept.len() + 1],
        " ",
        "cut inside a word: {text}"
    );
    assert_eq!(
        text,
        "Riluzole is the first treatment for ALS: it slows the disease a little, and most people take it for years. Edaravone is given by drip in some countries; sodium…"
    );

    assert_eq!(
        description(&with_body("Short[^1]  and\nsweet."), Audience::Patient),
        "Short and sweet."
    );
    assert_eq!(
        description(
            &with_body("## Only a heading\n\n- and a list\n"),
            Audience::Patient
        ),
        "Does the demo work?"
    );
}

#[test]
fn the_catalog_head_is_the_publishers_with_the_questions_as_description() {
    let article = article();
    let catalog = Catalog {
        articles: vec![article.catalog_entry()],
        publisher: Rc::new(Publisher {
            language: "en".into(),
            ..(*article.publisher).clone()
        }),
        ..Catalog::default()
    };
    let head = catalog_head(
        &catalog,
        1,
        &catalog.articles,
        "https://demo.example/library/",
    );
    assert_eq!(
        head.lines().collect::<Vec<_>>(),
        [
            "<title>Demo Health</title>",
            "<meta name=\"description\" content=\"Does the demo work?\">",
            "<link rel=\"canonical\" href=\"https://demo.example/library/\">",
            "<meta property=\"og:type\" content=\"website\">",
            "<meta property=\"og:title\" content=\"Demo Health\">",
            "<meta property=\"og:description\" content=\"Does the demo work?\">",
            "<meta property=\"og:url\" content=\"https://demo.example/library/\">",
            "<meta property=\"og:site_name\" content=\"Demo Health\">",
            "<meta name=\"twitter:card\" content=\"summary\">",
            "<meta name=\"twitter:title\" content=\"Demo Health\">",
            "<meta name=\"twitter:description\" content=\"Does the demo work?\">",
        ]
    );
}

#[test]
fn the_sitemap_lists_every_page_with_its_day_and_escapes_its_urls() {
    let xml = sitemap([
        (
            "https://demo.example/library/".to_owned(),
            date("2026-11-30"),
        ),
        (
            "https://demo.example/library/articles/a/?x=1&y=<2>".to_owned(),
            date("2026-11-20"),
        ),
    ]);
    assert_eq!(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
         \x20 <url><loc>https://demo.example/library/</loc><lastmod>2026-11-30</lastmod></url>\n\
         \x20 <url><loc>https://demo.example/library/articles/a/?x=1&amp;y=&lt;2&gt;</loc><lastmod>2026-11-20</lastmod></url>\n\
         </urlset>\n"
    );
}

#[test]
fn robots_allows_everything_and_names_the_sitemap() {
    assert_eq!(
        robots("https://demo.example/library/sitemap.xml"),
        "User-agent: *\nAllow: /\n\nSitemap: https://demo.example/library/sitemap.xml\n"
    );
    assert!(!robots("https://x.example/\nDisallow: /").contains("\nDisallow"));
}

/// The prerendered HTML is the safe renderer's: whatever the article data holds (here
/// markdown the checks would refuse, parsed straight into the model), no markup of its
/// own and no disallowed URL reaches the page.
#[test]
fn prerendered_html_shows_markup_as_text_and_drops_disallowed_urls() {
    use article_widget::config::Placement;
    use article_widget::site::prerender::{article_fragment, config_for};

    let hostile = with_body(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<div onclick=\"alert(3)\"><b>broken <i>nesting</b>\n\n\
         A [script link](javascript:alert(4)), a [data link](data:text/html,<script>alert(5)</script>), \
         ![an image](data:image/svg+xml,<svg onload=alert(6)>) and <span onmouseover=alert(7)>inline</span>.",
    );
    for placement in [Placement::Publisher, Placement::Partner] {
        let html = article_fragment(
            &hostile,
            Audience::Patient,
            &config_for(placement, 2),
            date("2026-11-30"),
            None,
        )
        .unwrap();
        // Text is escaped, so every `<` left opens a tag the renderer made.
        for tag in html
            .split('<')
            .skip(1)
            .map(|rest| rest.split('>').next().unwrap_or_default())
        {
            let lower = tag.to_ascii_lowercase();
            let name = lower.split_whitespace().next().unwrap_or_default();
            assert!(
                !["script", "img", "iframe", "object", "embed"].contains(&name),
                "<{tag}> made it through"
            );
            assert!(
                !lower
                    .split_whitespace()
                    .skip(1)
                    .any(|attribute| attribute.starts_with("on")),
                "<{tag}> has an event handler"
            );
            assert!(
                !lower.contains("javascript:") && !lower.contains("\"data:"),
                "<{tag}> has a disallowed URL"
            );
        }
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "raw HTML is shown as text"
        );
        assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assert!(html.starts_with("<div class=\"article-widget-root\" data-prerendered=\"\">"));
    }
}

#[test]
fn the_catalogs_page_shows_its_first_page_with_the_size_of_the_whole() {
    let article = article();
    let mut entries = Vec::new();
    for index in 0..120 {
        let mut entry = article.catalog_entry();
        entry.slug = Slug::parse(&format!("article-{index:03}")).unwrap();
        entry.question = format!("Question {index:03}?");
        entries.push(entry);
    }
    let catalog = Catalog {
        articles: entries,
        publisher: article.publisher.clone(),
        ..Catalog::default()
    };
    let stylesheet = article_widget::site::prerender::stylesheet("#0b5d66", "#7fd8e0");
    let site = article_widget::site::files::Site {
        template:
            "<!doctype html><html><head></head><body><div data-article-widget></div></body></html>",
        article_template:
            "<!doctype html><html><head></head><body><div data-article-widget></div></body></html>",
        stylesheet: &stylesheet,
        site_url: "https://demo.example/",
        today: date("2026-11-30"),
        pinned: None,
    };
    let page = site.catalog_page(&catalog).unwrap();
    assert_eq!(page.matches("Question 0").count(), 50, "{page}");
    assert!(page.contains("Question 049?") && !page.contains("Question 050?"));
    assert!(page.contains("120 articles"), "{page}");
    assert!(page.contains("Page 1 of 3"), "{page}");
}

#[test]
fn every_page_names_the_sites_feed_for_feed_readers() {
    let article = article();
    let catalog = Catalog {
        articles: vec![article.catalog_entry()],
        publisher: article.publisher.clone(),
        ..Catalog::default()
    };
    let stylesheet = article_widget::site::prerender::stylesheet("#0b5d66", "#7fd8e0");
    let site = article_widget::site::files::Site {
        template: "<!doctype html><html>\n<head>\n<title>Medical articles</title>\n</head>\n<body><div data-article-widget></div></body></html>\n",
        article_template: "<!doctype html><html>\n<head>\n<title>Medical articles</title>\n</head>\n<body><div data-article-widget></div></body></html>\n",
        stylesheet: &stylesheet,
        site_url: "https://demo.example/library/",
        today: date("2026-11-30"),
        pinned: None,
    };
    let link = format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"https://demo.example/library/feed.xml\">",
        article.publisher.name
    );
    assert_eq!(
        article_widget::site::meta::feed_link(&article.publisher.name, site.site_url),
        link
    );
    let catalog_page = site.catalog_page(&catalog).unwrap();
    assert_eq!(catalog_page.matches(&link).count(), 1, "{catalog_page}");
    for (file, text) in site.article_files(&article).unwrap() {
        // In each page's head; a partner's fragment has no head, and an embed page
        // (in a frame on another site) offers no feed.
        let expected = usize::from(file.ends_with("index.html") && file.starts_with("articles/"));
        assert_eq!(text.matches(&link).count(), expected, "{file}");
        if expected == 1 {
            assert!(
                text.find(&link).unwrap() < text.find("</head>").unwrap(),
                "{file}"
            );
        }
    }
    // The publisher's name is escaped in the attribute.
    assert!(
        article_widget::site::meta::feed_link("A \"B\" & C", "https://x.example/")
            .contains("title=\"A &quot;B&quot; &amp; C\"")
    );
}

#[test]
fn every_article_and_audience_has_an_embed_page_and_its_oembed_which_its_pages_name() {
    let article = Article {
        related: vec![RelatedArticle {
            slug: Slug::parse("other").unwrap(),
            question: "Another question?".into(),
        }],
        ..article()
    };
    let stylesheet = article_widget::site::prerender::stylesheet("#0b5d66", "#7fd8e0");
    let site = article_widget::site::files::Site {
        template: "<!doctype html><html>\n<head>\n<title>Medical articles</title>\n<script type=\"module\">\nimport init, * as bindings from '/article-widget-1f.js';\nconst wasm = await init({ module_or_path: '/article-widget-1f_bg.wasm' });\n</script>\n</head>\n<body><header class=\"app-bar\">Medical articles</header><main><div data-article-widget></div></main></body></html>\n",
        article_template: "<!doctype html><html>\n<head>\n<title>Medical articles</title>\n<script type=\"module\">\nimport init, * as bindings from '/article-widget-1f.js';\nconst wasm = await init({ module_or_path: '/article-widget-1f_bg.wasm' });\n</script>\n</head>\n<body><header class=\"app-bar\">Medical articles</header><main><div data-article-widget></div></main></body></html>\n",
        stylesheet: &stylesheet,
        site_url: "https://demo.example/library/",
        today: date("2026-11-30"),
        pinned: None,
    };
    let files: BTreeMap<String, String> =
        site.article_files(&article).unwrap().into_iter().collect();
    let oembed_link = |folder: &str| {
        format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://demo.example/library/embed/demo/{folder}oembed.json\" title=\"Does the demo work?\">"
        )
    };
    let pages = std::iter::once(None).chain(Audience::ALL.iter().copied().map(Some));
    for audience in pages {
        let (folder, root) = match audience {
            None => (String::new(), "../../"),
            Some(audience) => (format!("{audience}/"), "../../../"),
        };
        let link = oembed_link(&folder);
        // The article's page offers the embed page of the same audience.
        let own_page = &files[&format!("articles/demo/{folder}index.html")];
        assert_eq!(own_page.matches(&link).count(), 1, "{folder}");
        let frame = &files[&format!("embed/demo/{folder}index.html")];
        assert!(
            frame.find(&link).unwrap() < frame.find("</head>").unwrap(),
            "{folder}"
        );
        assert!(frame.contains("<base target=\"_blank\">"), "{folder}");
        assert!(!frame.contains("app-bar"), "no site header: {frame}");
        assert!(frame.contains(
            "<link rel=\"canonical\" href=\"https://demo.example/library/articles/demo/\">"
        ));
        assert!(
            frame.contains("await init("),
            "the Wasm takes over: {frame}"
        );
        assert!(frame.contains("parent.postMessage("), "{folder}");
        // Related articles stay in the frame; the publisher's page opens in a new tab.
        assert!(
            frame.contains(&format!(
                "<a href=\"{root}embed/other/\" target=\"_self\">Another question?</a>"
            )),
            "{frame}"
        );
        assert!(
            frame.contains(&format!("href=\"{root}articles/demo/\"")),
            "{frame}"
        );
        let host = match audience {
            None => "<div data-article-widget data-article=\"demo\"><template".to_owned(),
            Some(audience) => format!("<div data-article-widget data-article=\"demo\" data-audience=\"{audience}\"><template"),
        };
        assert!(frame.contains(&host), "{frame}");
        let json: Value =
            serde_json::from_str(&files[&format!("embed/demo/{folder}oembed.json")]).unwrap();
        assert_eq!(json["version"], "1.0");
        assert_eq!(json["type"], "rich");
        assert_eq!(json["title"], "Does the demo work?");
        assert_eq!(json["provider_name"], "Demo Health");
        assert_eq!(json["provider_url"], "https://demo.example/library/");
        assert_eq!(
            json["html"],
            format!("<iframe src=\"https://demo.example/library/embed/demo/{folder}\" title=\"Does the demo work?\" width=\"640\" height=\"800\" sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>")
        );
        assert!(json["width"].is_u64() && json["height"].is_u64() && json["cache_age"].is_u64());
    }
    // The publisher's own pages keep their links in place, not in a frame.
    assert!(files["articles/demo/index.html"]
        .contains("<a href=\"../../articles/other/\">Another question?</a>"));
}

const PINNED: &str = r#"{ "version": "a41c6781e1868a84", "src": "v/a41c6781e1868a84/embed.js",
  "integrity": "sha384-pBxngeGGioRKp8a3OyYKzRvw22/UM7MH6e6BuiABcpUaz0zJ74ZLh9IvJKo7MBR0" }"#;

/// The text of each `<code>` of `html`, its character references read back.
fn codes_of(html: &str) -> Vec<String> {
    html.split("<pre><code id=\"")
        .skip(1)
        .map(|rest| {
            let text = &rest[rest.find('>').unwrap() + 1..rest.find("</code>").unwrap()];
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn the_embed_panel_offers_the_script_the_iframe_the_address_and_the_pinned_script() {
    use article_widget::site::embed_panel::{embed_panel, PinnedLoader};
    let pinned = PinnedLoader::from_json(PINNED).unwrap();
    let article = article();
    let site = "https://demo.example/library/";
    let html = embed_panel(&article, Some(Audience::Patient), site, Some(&pinned));
    assert!(
        html.starts_with("<details class=\"embed-panel\">\n<summary>Embed this article</summary>")
    );
    let container = "<div data-article-widget data-article=\"demo\" data-audience=\"patient\">\n  \
        <p><a href=\"https://demo.example/library/articles/demo/patient/\">Does the demo work?</a></p>\n  \
        <p>Words for the patient.</p>\n</div>\n";
    assert_eq!(
        codes_of(&html),
        [
            format!("{container}<script src=\"https://demo.example/library/embed.js\" async></script>"),
            format!(
                "{}\n<script src=\"https://demo.example/library/resize.js\" async></script>",
                article_widget::site::frame::iframe_snippet(
                    "https://demo.example/library/embed/demo/patient/",
                    "Does the demo work?"
                )
            ),
            "https://demo.example/library/articles/demo/patient/".to_owned(),
            format!(
                "{container}<script src=\"https://demo.example/library/v/a41c6781e1868a84/embed.js\" \
                 integrity=\"{}\" crossorigin=\"anonymous\" async></script>",
                pinned.integrity
            ),
        ]
    );
    // Each code has its Copy button, hidden until the site's script can copy.
    assert_eq!(
        html.matches("<button type=\"button\" class=\"embed-copy\"")
            .count(),
        4
    );
    assert_eq!(html.matches(" hidden>Copy</button>").count(), 4);

    // The article's own page: no audience, so the reader's choice; no pinned loader, no
    // pinned code.
    let html = embed_panel(&article, None, site, None);
    let codes = codes_of(&html);
    assert_eq!(codes.len(), 3);
    assert!(codes[0].starts_with("<div data-article-widget data-article=\"demo\">\n"));
    assert!(codes[0].contains("<p>Words for the professional.</p>"));
    assert_eq!(codes[2], "https://demo.example/library/articles/demo/");
    assert!(!html.contains("integrity"));
}

#[test]
fn an_article_page_has_the_embed_panel_after_the_widget_and_the_catalog_has_none() {
    let article = article();
    let stylesheet = article_widget::site::prerender::stylesheet("#0b5d66", "#7fd8e0");
    let site = article_widget::site::files::Site {
        template: "<!doctype html><html>\n<head>\n<title>Medical articles</title>\n</head>\n<body><main><div data-article-widget></div></main></body></html>\n",
        article_template: "<!doctype html><html>\n<head>\n<title>Medical articles</title>\n</head>\n<body><main><div data-article-widget></div></main></body></html>\n",
        stylesheet: &stylesheet,
        site_url: "https://demo.example/library/",
        today: date("2026-11-30"),
        pinned: None,
    };
    let files = site.article_files(&article).unwrap();
    let pages: Vec<_> = files
        .iter()
        .filter(|(path, _)| path.starts_with("articles/") && path.ends_with("index.html"))
        .collect();
    assert_eq!(pages.len(), 1 + Audience::ALL.len());
    for (path, page) in pages {
        let widget_end = page.find("</template></div>").unwrap();
        let panel = page
            .find("<details class=\"embed-panel\">")
            .unwrap_or_else(|| panic!("{path}"));
        assert!(
            widget_end < panel && panel < page.find("</main>").unwrap(),
            "{path}"
        );
    }
    // Fragments and embed pages are the widget alone.
    for (path, text) in files
        .iter()
        .filter(|(path, _)| !path.ends_with("index.html") || path.starts_with("embed/"))
    {
        assert!(!text.contains("<details class=\"embed-panel\""), "{path}");
    }
    let catalog = Catalog {
        articles: vec![article.catalog_entry()],
        publisher: article.publisher.clone(),
        ..Catalog::default()
    };
    assert!(!site
        .catalog_page(&catalog)
        .unwrap()
        .contains("<details class=\"embed-panel\""));
}

#[test]
fn a_pinned_loader_is_offered_only_as_the_build_writes_it() {
    use article_widget::site::embed_panel::PinnedLoader;
    assert!(PinnedLoader::from_json(PINNED).is_ok());
    let integrity = "sha384-pBxngeGGioRKp8a3OyYKzRvw22/UM7MH6e6BuiABcpUaz0zJ74ZLh9IvJKo7MBR0";
    for (src, integrity) in [
        ("https://elsewhere.example/embed.js", integrity),
        ("v/../../embed.js", integrity),
        ("v//embed.js", integrity),
        ("v/a41c/embed.js\" onload=\"x", integrity),
        ("v/a41c/embed.js", "sha256-abc"),
        ("v/a41c/embed.js", "sha384-\" onload=\"x"),
    ] {
        let json = json!({ "src": src, "integrity": integrity }).to_string();
        assert!(PinnedLoader::from_json(&json).is_err(), "{src} {integrity}");
    }
    assert!(PinnedLoader::from_json("{").is_err());
}

#[test]
fn the_first_sentence_ends_at_the_first_full_stop_a_space_follows() {
    use article_widget::site::meta::first_sentence;
    let mut article = article();
    article.variants.insert(
        Audience::Patient,
        parse("Take 2.5 mg a day[^1]. Then see your doctor! More.\n\nA second paragraph."),
    );
    assert_eq!(
        first_sentence(&article, Audience::Patient),
        "Take 2.5 mg a day."
    );
    article
        .variants
        .insert(Audience::Patient, parse("No full stop at all"));
    assert_eq!(
        first_sentence(&article, Audience::Patient),
        "No full stop at all"
    );
}
