//! What the host page asks of a widget: which article, for which audience, and where
//! its data and links live. Parsed from plain key/value pairs so that it is testable
//! without a browser; `browser` collects the pairs from the URL and data attributes.
//!
//! Longer than 300 lines: the settings and how each resolves, with a test for each.

use crate::messages::Language;
use crate::model::{Audience, Slug};
use crate::model::{FollowUp, Publisher};
use crate::preferences::{self, TextSize, Theme};
use crate::safe_url::SafeUrl;

/// The settings a host page may give, by their `data-` attribute names (`?article=` and
/// `?audience=` on the publisher's own page).
pub const SETTINGS: [&str; 7] = [
    "article",
    "audience",
    "theme",
    "lang",
    "src",
    "followup-url",
    "canonical-base",
];

/// The name of the `<meta>` by which a page of the publisher's site names the widget's
/// stylesheet file: the build writes it, the widget reads it.
pub const STYLESHEET_META: &str = "article-widget-stylesheet";

/// Where the article data lives when the host page says nothing: beside the page.
pub const DEFAULT_DATA_URL: &str = "articles/";

/// What a widget shows: the catalog, or one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    Catalog,
    Article(Slug),
}

impl Page {
    /// The article's slug; `None` for the catalog.
    pub fn slug(&self) -> Option<&Slug> {
        match self {
            Page::Catalog => None,
            Page::Article(slug) => Some(slug),
        }
    }
}

/// Whose page the widget is on, which decides how browsing inside it works.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Placement {
    /// The publisher's own page: its URL names the article, and back and forward move
    /// between articles.
    #[default]
    Publisher,
    /// A partner's page, through `embed.js`: the widget keeps its own trail with a Back
    /// button, and the partner's URL and history are never touched.
    Partner,
    /// The publisher's embed page (`embed/<slug>/`) in a frame on another site: its data
    /// and links are the publisher's site's, as on its own page, but the widget keeps
    /// its own trail as on a partner's, and its links to articles stay in the frame.
    Frame,
}

/// The method of the loader's global (`Symbol.for("article-widget.loader")`) that the
/// article-only Wasm calls with a widget's host as the reader opens the catalog: the
/// loader then mounts the full app there.
pub const OPEN_CATALOG: &str = "openCatalog";

/// The key (`Symbol.for`) of the publisher's page's global that, while the page shows
/// an audience the reader chose before the widget mounted, holds a promise settled once
/// it is shown (or given up): the widget mounts after it, so that the reader's answer is
/// not kept waiting behind the mount's long tasks.
pub const EARLY_CHOICE_SHOWN: &str = "article-widget.early-choice-shown";

/// The settings the URL of the publisher's own page gives (`?article=`, `?audience=`).
pub const PAGE_QUERY: [&str; 2] = ["article", "audience"];

/// The settings the URL of an embed page gives, as a partner's `data-` attributes
/// would (`?audience=`, `?theme=`, `?lang=`): the page names its article itself.
pub const FRAME_QUERY: [&str; 3] = ["audience", "theme", "lang"];

/// The folder of the publisher's site whose pages other sites frame: `embed/<slug>/`
/// and `embed/<slug>/<audience>/`, beside `articles/`.
pub const FRAME_FOLDER: &str = "embed";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetConfig {
    /// The page to open, from the `article` setting; the catalog when there is none.
    pub page: Page,
    pub placement: Placement,
    /// The audience the host page asks for; the article's default when `None`.
    pub audience: Option<Audience>,
    /// The theme the host page asks for while the reader has not chosen one.
    pub theme: Option<Theme>,
    /// The interface's language the host page asks for (`data-lang`); before the
    /// page's own `lang` and the publisher's language (see
    /// [`crate::messages::choose_language`]).
    pub lang: Option<Language>,
    /// The `lang` of the host element or of its page, as the browser reads it: not a
    /// setting, but what the page says of itself.
    pub page_lang: Option<String>,
    /// The base URL of `index.json` and `<slug>.json`, ending in `/`.
    pub data_url: String,
    /// The call to action after an article: the publisher's, elsewhere, or none.
    pub follow_up: FollowUpChoice,
    /// Embedded on a partner's page: the publisher's site, where each article links
    /// back to. `None` on the publisher's own page.
    pub canonical_base: Option<SafeUrl>,
    /// On the publisher's own page: its site's root, relative to this page (`./`, or
    /// `../../` on an article's page `articles/<slug>/`); see [`site_root_of_path`].
    pub site_root: String,
    /// The catalog's page to open at, from 1: on the publisher's site, the page its
    /// URL names (`catalog/<n>/`, [`catalog_page_in_path`]).
    pub catalog_page: usize,
    /// The pages the reader opened from `page`, oldest first, before this app took the
    /// widget over: the article-only Wasm hands a widget to the full app as the reader
    /// opens the catalog, and the full app opens them again, for its Back button.
    pub opened: Vec<Page>,
}

impl Default for WidgetConfig {
    fn default() -> Self {
        WidgetConfig {
            page: Page::Catalog,
            placement: Placement::Publisher,
            audience: None,
            theme: None,
            lang: None,
            page_lang: None,
            data_url: DEFAULT_DATA_URL.to_owned(),
            follow_up: FollowUpChoice::Publishers,
            canonical_base: None,
            site_root: "./".to_owned(),
            catalog_page: 1,
            opened: Vec::new(),
        }
    }
}

/// What the `followup-url` setting chose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum FollowUpChoice {
    /// The publisher's call to action, as `publisher.toml` gives it (or none).
    #[default]
    Publishers,
    /// The publisher's words, leading to this URL instead.
    Url(SafeUrl),
    /// No call to action (`followup-url="none"`).
    Hidden,
}

/// A setting the widget could not use, and what it did instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning(pub String);

impl WidgetConfig {
    /// Applies `key=value` settings (from the page URL or the host's `data-` attributes)
    /// on top of `self`. Unknown keys are ignored: a host page has its own parameters.
    pub fn apply<'a>(
        mut self,
        settings: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (WidgetConfig, Vec<ConfigWarning>) {
        let mut warnings = Vec::new();
        for (key, value) in settings {
            let value = value.trim();
            match key {
                "article" => match Slug::parse(value) {
                    Some(slug) => self.page = Page::Article(slug),
                    None => warnings.push(ConfigWarning(format!(
                        "article: `{value}` is not an article slug; showing the catalog"
                    ))),
                },
                "audience" => match value.parse::<Audience>() {
                    Ok(audience) => self.audience = Some(audience),
                    Err(error) => warnings.push(ConfigWarning(format!(
                        "audience: {error}; using the article's default"
                    ))),
                },
                "theme" => match value.parse::<Theme>() {
                    Ok(theme) => self.theme = Some(theme),
                    Err(error) => warnings.push(ConfigWarning(format!("theme: {error}; using auto"))),
                },
                "lang" => match Language::from_tag(value) {
                    Some(language) => self.lang = Some(language),
                    None => warnings.push(ConfigWarning(format!(
                        "lang: the widget does not speak `{value}` (expected {}); using the page's language",
                        Language::NAMES.join(" or ")
                    ))),
                },
                "canonical-base" => match SafeUrl::parse(value) {
                    Some(url) if url.is_external() => {
                        self.canonical_base = Some(url);
                    }
                    _ => warnings.push(ConfigWarning(format!(
                        "canonical-base: `{value}` is not an http(s) URL; articles will not link back"
                    ))),
                },
                "src" if !value.is_empty() => {
                    let mut url = value.to_owned();
                    if !url.ends_with('/') {
                        url.push('/');
                    }
                    self.data_url = url;
                }
                "followup-url" if value == "none" => self.follow_up = FollowUpChoice::Hidden,
                "followup-url" => match SafeUrl::parse(value) {
                    Some(url) if !url.is_empty() => self.follow_up = FollowUpChoice::Url(url),
                    _ => warnings.push(ConfigWarning(format!(
                        "followup-url: `{value}` is not an allowed URL; using the publisher's"
                    ))),
                },
                _ => {}
            }
        }
        (self, warnings)
    }

    /// The interface's language: the `lang` setting, else the page's `lang`, else the
    /// publisher's language (`None` while the data has not loaded).
    pub fn language(&self, publisher_language: Option<&str>) -> Language {
        crate::messages::choose_language(
            self.lang.map(Language::as_str),
            self.page_lang.as_deref(),
            publisher_language.unwrap_or_default(),
        )
    }

    /// The publisher's page of an article, when the widget is embedded elsewhere: by
    /// `embed.js`, or in a frame, where it is on the frame's own site.
    pub fn canonical_url(&self, slug: &Slug) -> Option<SafeUrl> {
        if self.placement == Placement::Frame {
            return SafeUrl::parse(&article_link(&self.site_root, slug));
        }
        let base = self.canonical_base.as_ref()?;
        SafeUrl::parse(&article_link(base.as_str(), slug))
    }

    /// Where the publisher's site is, as links on this page must write it: the
    /// canonical base on a partner's page, the relative root on the publisher's own.
    pub fn links_root(&self) -> &str {
        self.canonical_base
            .as_ref()
            .map_or(&self.site_root, |base| base.as_str())
    }

    /// A link of the publisher's (`publisher.toml`) as this page must write it: a
    /// relative link leads to the publisher's site, so it is resolved against the
    /// canonical base when the widget is embedded elsewhere. `None` when the URL
    /// allow-list refuses it: the data is checked at build time, and again here.
    pub fn publisher_link(&self, link: &str) -> Option<SafeUrl> {
        let link = SafeUrl::parse(link).filter(|link| !link.is_empty())?;
        let text = link.as_str();
        let is_relative = !text.contains(':') && !text.starts_with("//");
        let resolved = match (&self.canonical_base, is_relative) {
            (Some(base), true) if text.starts_with('/') => {
                format!("{}{text}", origin(base.as_str()))
            }
            (Some(base), true) => join_url(base.as_str(), text),
            (None, true) if !text.starts_with('/') && self.site_root != "./" => {
                format!("{}{text}", self.site_root)
            }
            _ => return Some(link),
        };
        // A safe link joined to a safe base: the allow-list says so once more.
        SafeUrl::parse(&resolved)
    }

    /// The call to action after an article of `publisher`'s, if any.
    pub fn follow_up(&self, publisher: &Publisher) -> Option<FollowUp> {
        let follow_up = publisher.follow_up.as_ref()?;
        let url = match &self.follow_up {
            FollowUpChoice::Hidden => return None,
            FollowUpChoice::Publishers => self.publisher_link(&follow_up.url)?,
            FollowUpChoice::Url(url) => url.clone(),
        };
        Some(FollowUp {
            url: url.into_string(),
            ..follow_up.clone()
        })
    }

    pub fn catalog_url(&self) -> String {
        format!("{}index.json", self.data_url)
    }

    /// Where the data of `page` lives.
    pub fn data_url_of(&self, page: &Page) -> String {
        match page {
            Page::Catalog => self.catalog_url(),
            Page::Article(slug) => self.article_url(slug),
        }
    }

    pub fn article_url(&self, slug: &Slug) -> String {
        format!("{}{slug}.json", self.data_url)
    }
}

/// The publisher's page of an article, `articles/<slug>/` on its site at `root` (a
/// relative root such as `../../`, or an absolute URL of the site or of a page in it).
/// The prerendered pages and the widget write the same link.
pub fn article_link(root: &str, slug: &Slug) -> String {
    site_link(root, &format!("articles/{slug}/"))
}

/// The embed page of an article, `embed/<slug>/` on the publisher's site at `root`: the
/// page other sites frame, where links to articles stay.
pub fn frame_link(root: &str, slug: &Slug) -> String {
    site_link(root, &format!("{FRAME_FOLDER}/{slug}/"))
}

/// `path` on the publisher's site at `root`: a root ending in `/` is a folder; an
/// absolute URL that does not is a page of the site, in its folder.
pub fn site_link(root: &str, path: &str) -> String {
    if root.ends_with('/') || !root.contains("//") {
        let root = if root.is_empty() || root.ends_with('/') {
            root.to_owned()
        } else {
            format!("{root}/")
        };
        format!("{root}{path}")
    } else {
        join_url(root, path)
    }
}

/// The site root, relative to a page of the publisher's own site whose URL path is
/// `path`: the prerendered pages of an article (`…/articles/<slug>/`, or its embed page
/// `…/embed/<slug>/`) and of its audiences (`…/articles/<slug>/<audience>/`) are two and
/// three folders down.
pub fn site_root_of_path(path: &str) -> String {
    match place_of_path(path) {
        Some((_, depth)) => "../".repeat(depth),
        None if catalog_page_in_path(path).is_some() => "../../".to_owned(),
        None => "./".to_owned(),
    }
}

/// The article a URL path of the publisher's own site names, as written there:
/// `…/articles/<slug>/` (or `…/embed/<slug>/`), with or without an audience's folder
/// after it.
pub fn article_in_path(path: &str) -> Option<Slug> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let folders: Vec<&str> = path.trim_end_matches('/').rsplit('/').take(3).collect();
    match folders.as_slice() {
        [audience, slug, folder, ..]
            if is_pages_folder(folder) && audience.parse::<Audience>().is_ok() =>
        {
            Slug::parse(slug)
        }
        [slug, folder, ..] if is_pages_folder(folder) => Slug::parse(slug),
        _ => None,
    }
}

/// Where a page of the publisher's own site whose URL path is `path` stands: in a
/// frame on another site when it is an embed page (`…/embed/<slug>/`), else on the
/// publisher's own page.
pub fn placement_of_path(path: &str) -> Placement {
    match place_of_path(path) {
        Some((FRAME_FOLDER, _)) => Placement::Frame,
        _ => Placement::Publisher,
    }
}

fn is_pages_folder(folder: &str) -> bool {
    folder == "articles" || folder == FRAME_FOLDER
}

/// The folder (`articles` or `embed`) and depth below the site's root of an article's
/// page at `path`; `None` for any other page.
fn place_of_path(path: &str) -> Option<(&'static str, usize)> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let folders: Vec<&str> = path.trim_end_matches('/').rsplit('/').take(3).collect();
    let pages_folder = |name: &str| {
        [FRAME_FOLDER, "articles"]
            .into_iter()
            .find(|folder| *folder == name)
    };
    match folders.as_slice() {
        [audience, slug, folder, ..]
            if audience.parse::<Audience>().is_ok()
                && Slug::parse(slug).is_some()
                && pages_folder(folder).is_some() =>
        {
            pages_folder(folder).map(|folder| (folder, 3))
        }
        [slug, folder, ..] if Slug::parse(slug).is_some() && path.ends_with('/') => {
            pages_folder(folder).map(|folder| (folder, 2))
        }
        _ => None,
    }
}

/// The folder of the catalog's static pages after the first, at the site's root (the
/// data's pages are in `articles/catalog/`).
pub const CATALOG_PAGES_FOLDER: &str = "catalog";

/// The folder of the catalog's page `page` (from 1) on the publisher's site, from its
/// root: the root itself for the first, `catalog/<n>/` for the others.
pub fn catalog_page_path(page: usize) -> String {
    if page <= 1 {
        String::new()
    } else {
        format!("{CATALOG_PAGES_FOLDER}/{page}/")
    }
}

/// The catalog's page a URL path of the publisher's own site names: `…/catalog/<n>/`
/// from 2 on, as [`catalog_page_path`] writes it; `None` for any other path.
pub fn catalog_page_in_path(path: &str) -> Option<usize> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let folders: Vec<&str> = path.strip_suffix('/')?.rsplit('/').take(2).collect();
    match folders.as_slice() {
        [number, folder] if *folder == CATALOG_PAGES_FOLDER => number
            .parse::<usize>()
            .ok()
            .filter(|page| *page >= 2 && number.bytes().all(|byte| byte.is_ascii_digit())),
        _ => None,
    }
}

/// The scheme and host of an absolute URL (`https://a.example`).
fn origin(url: &str) -> &str {
    let after_scheme = url.find("//").map_or(0, |index| index + 2);
    match url[after_scheme..].find('/') {
        Some(index) => &url[..after_scheme + index],
        None => url,
    }
}

/// `relative` resolved against the folder of `base` (a page or folder URL).
fn join_url(base: &str, relative: &str) -> String {
    let without_query = base.split(['?', '#']).next().unwrap_or(base);
    match without_query.rfind('/') {
        Some(index) if index > without_query.find("//").map_or(0, |scheme| scheme + 1) => {
            format!("{}{relative}", &without_query[..=index])
        }
        _ => format!("{without_query}/{relative}"),
    }
}

/// What a widget shows before its Wasm runs: the prerendered page of `audience` (the
/// article's default when `None`), in `theme` and `text_size`, held back while the
/// reader's `language` is another than the page's (`None`: the publisher's, which only
/// the data says). The widget then shows the same, so the take-over changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstPaint {
    pub audience: Option<Audience>,
    pub language: Option<Language>,
    pub theme: Theme,
    pub text_size: TextSize,
}

/// The first paint of a widget whose reader stored `stored` (the record under
/// [`preferences::STORAGE_KEY`], as it is), on a host with the `data-` `settings` and
/// the page language `page_lang`: the widget's own rules, applied to the page's raw
/// strings. The loader makes the same decision before the Wasm arrives, and its unit
/// tests hold it to the cases this function answers (`site::contract`).
pub fn first_paint<'a>(
    stored: Option<&str>,
    settings: impl IntoIterator<Item = (&'a str, &'a str)>,
    page_lang: Option<&str>,
) -> FirstPaint {
    let preferences = preferences::decode(stored).preferences;
    let (config, _) = WidgetConfig::default().apply(settings);
    FirstPaint {
        audience: preferences.audience.or(config.audience),
        language: preferences
            .language
            .or(config.lang)
            .or_else(|| page_lang.and_then(Language::from_tag)),
        theme: preferences.effective_theme(config.theme),
        text_size: preferences.text_size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(text: &str) -> Slug {
        Slug::parse(text).unwrap()
    }

    #[test]
    fn settings_override_defaults() {
        let (config, warnings) = WidgetConfig::default().apply([
            ("article", "als-primary-treatment"),
            ("audience", "caregiver"),
            ("src", "https://widgets.example.org/data"),
            ("followup-url", "none"),
            ("utm_source", "newsletter"),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(config.page, Page::Article(slug("als-primary-treatment")));
        assert_eq!(config.audience, Some(Audience::Caregiver));
        assert_eq!(
            config.article_url(&slug("x")),
            "https://widgets.example.org/data/x.json"
        );
        assert_eq!(config.follow_up, FollowUpChoice::Hidden);
    }

    #[test]
    fn an_embed_links_back_to_the_publisher() {
        let (config, warnings) = WidgetConfig::default().apply([
            ("canonical-base", "https://articles.example.org/"),
            ("theme", "dark"),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(config.theme, Some(Theme::Dark));
        assert_eq!(
            config.canonical_url(&slug("als")).as_deref(),
            Some("https://articles.example.org/articles/als/")
        );
        assert_eq!(
            config.publisher_link("editorial-policy.html").as_deref(),
            Some("https://articles.example.org/editorial-policy.html")
        );
        assert_eq!(
            config.publisher_link("/policy/").as_deref(),
            Some("https://articles.example.org/policy/")
        );
        assert_eq!(
            config
                .publisher_link("mailto:fix@articles.example.org")
                .as_deref(),
            Some("mailto:fix@articles.example.org")
        );
        assert_eq!(config.publisher_link("javascript:alert(1)"), None);
        // On the publisher's own page its links stand as written.
        assert_eq!(
            WidgetConfig::default()
                .publisher_link("editorial-policy.html")
                .as_deref(),
            Some("editorial-policy.html")
        );
        assert_eq!(WidgetConfig::default().canonical_url(&slug("als")), None);
        // On an article's own page the publisher's relative links start at the root.
        let on_article_page = WidgetConfig {
            site_root: "../../".into(),
            ..WidgetConfig::default()
        };
        assert_eq!(
            on_article_page
                .publisher_link("editorial-policy.html")
                .as_deref(),
            Some("../../editorial-policy.html")
        );
        assert_eq!(
            on_article_page.publisher_link("/policy/").as_deref(),
            Some("/policy/")
        );
        assert_eq!(
            join_url("https://a.example/x/page.html?q=1", "p.html"),
            "https://a.example/x/p.html"
        );
        assert_eq!(
            join_url("https://a.example", "p.html"),
            "https://a.example/p.html"
        );
    }

    #[test]
    fn article_links_lead_to_the_articles_page_on_the_publishers_site() {
        let als = slug("als");
        assert_eq!(article_link("./", &als), "./articles/als/");
        assert_eq!(article_link("../../", &als), "../../articles/als/");
        assert_eq!(
            article_link("https://pub.example/health/", &als),
            "https://pub.example/health/articles/als/"
        );
        assert_eq!(
            article_link("https://pub.example/health/index.html?x=1", &als),
            "https://pub.example/health/articles/als/"
        );
        assert_eq!(
            article_link("https://pub.example", &als),
            "https://pub.example/articles/als/"
        );
    }

    #[test]
    fn a_page_of_the_site_knows_its_root_and_its_article() {
        for (path, root, article) in [
            ("/", "./", None),
            ("/index.html", "./", None),
            ("/health/", "./", None),
            ("/articles/als/", "../../", Some("als")),
            ("/health/articles/als/index.html", "../../", Some("als")),
            ("/articles/als/patient/", "../../../", Some("als")),
            ("/articles/als/patient/index.html", "../../../", Some("als")),
            ("/articles/Not_A_Slug/", "./", None),
            ("/articles/", "./", None),
            ("/embed/als/", "../../", Some("als")),
            (
                "/health/embed/als/caregiver/index.html",
                "../../../",
                Some("als"),
            ),
            ("/articles/patient/", "../../", Some("patient")),
            ("/other/als/", "./", None),
            ("/catalog/2/", "../../", None),
            ("/health/catalog/40/index.html", "../../", None),
        ] {
            assert_eq!(site_root_of_path(path), root, "{path}");
            assert_eq!(
                article_in_path(path).as_ref().map(Slug::as_str),
                article,
                "{path}"
            );
        }
    }

    #[test]
    fn an_embed_page_is_in_a_frame_and_links_back_to_its_article() {
        assert_eq!(placement_of_path("/embed/als/"), Placement::Frame);
        assert_eq!(placement_of_path("/x/embed/als/patient/"), Placement::Frame);
        assert_eq!(placement_of_path("/articles/als/"), Placement::Publisher);
        assert_eq!(placement_of_path("/"), Placement::Publisher);
        let framed = WidgetConfig {
            placement: Placement::Frame,
            site_root: "../../".into(),
            ..WidgetConfig::default()
        };
        assert_eq!(
            framed.canonical_url(&slug("als")).as_deref(),
            Some("../../articles/als/")
        );
        assert_eq!(framed.links_root(), "../../");
    }

    #[test]
    fn a_catalog_page_is_named_by_its_folder_from_the_second_on() {
        for page in [2, 3, 2000] {
            let path = format!("/health/{}", catalog_page_path(page));
            assert_eq!(catalog_page_in_path(&path), Some(page), "{path}");
            assert_eq!(site_root_of_path(&path), "../../", "{path}");
        }
        assert_eq!(catalog_page_path(1), "");
        for path in [
            "/",
            "/catalog/",
            "/catalog/1/",
            "/catalog/0/",
            "/catalog/+2/",
            "/catalog/2",
            "/catalog/two/",
            "/articles/catalog/",
            "/catalog/2/x/",
        ] {
            assert_eq!(catalog_page_in_path(path), None, "{path}");
        }
        assert_eq!(catalog_page_in_path("/catalog/3/index.html"), Some(3));
    }

    #[test]
    fn the_follow_up_is_the_publishers_unless_the_page_says_otherwise() {
        let publisher = Publisher {
            follow_up: Some(FollowUp {
                heading: "Questions?".into(),
                text: "Ask us.".into(),
                button: "Ask".into(),
                url: "ask.html".into(),
            }),
            ..Publisher::default()
        };
        let embedded = WidgetConfig {
            canonical_base: SafeUrl::parse("https://pub.example/health/"),
            ..WidgetConfig::default()
        };
        let url =
            |config: &WidgetConfig| config.follow_up(&publisher).map(|follow_up| follow_up.url);
        assert_eq!(url(&WidgetConfig::default()).as_deref(), Some("ask.html"));
        assert_eq!(
            url(&embedded).as_deref(),
            Some("https://pub.example/health/ask.html")
        );
        let (elsewhere, _) = embedded
            .clone()
            .apply([("followup-url", "https://clinic.example/ask")]);
        assert_eq!(
            url(&elsewhere).as_deref(),
            Some("https://clinic.example/ask")
        );
        let (hidden, _) = embedded.apply([("followup-url", "none")]);
        assert_eq!(url(&hidden), None);
        // A publisher without a call to action shows none, whatever the page asks.
        assert_eq!(elsewhere.follow_up(&Publisher::default()), None);
    }

    #[test]
    fn bad_settings_warn_and_keep_defaults() {
        let (config, warnings) = WidgetConfig::default().apply([
            ("article", "../secrets"),
            ("audience", "doctor"),
            ("followup-url", "javascript:alert(1)"),
            ("theme", "sepia"),
            ("canonical-base", "javascript:alert(1)"),
            ("lang", "fr"),
        ]);
        assert_eq!(config, WidgetConfig::default());
        let warnings: Vec<&str> = warnings.iter().map(|warning| warning.0.as_str()).collect();
        assert_eq!(
            warnings,
            [
                "article: `../secrets` is not an article slug; showing the catalog",
                "audience: unknown audience `doctor` (expected patient, caregiver or professional); using the article's default",
                "followup-url: `javascript:alert(1)` is not an allowed URL; using the publisher's",
                "theme: unknown theme `sepia` (expected auto, light or dark); using auto",
                "canonical-base: `javascript:alert(1)` is not an http(s) URL; articles will not link back",
                "lang: the widget does not speak `fr` (expected en or es); using the page's language",
            ]
        );
    }

    #[test]
    fn the_lang_setting_comes_before_the_pages_lang_and_the_publishers() {
        let (config, warnings) = WidgetConfig::default().apply([("lang", "es-MX")]);
        assert!(warnings.is_empty());
        assert_eq!(config.lang, Some(Language::Spanish));
        let on_an_english_page = WidgetConfig {
            page_lang: Some("en-US".into()),
            ..config
        };
        assert_eq!(on_an_english_page.language(Some("en")), Language::Spanish);
        let unset = WidgetConfig {
            page_lang: Some("es".into()),
            ..WidgetConfig::default()
        };
        assert_eq!(unset.language(None), Language::Spanish);
        assert_eq!(
            WidgetConfig::default().language(Some("es")),
            Language::Spanish
        );
        assert_eq!(WidgetConfig::default().language(None), Language::English);
    }

    #[test]
    fn the_first_paint_follows_the_reader_then_the_host_page() {
        let paint = first_paint(
            Some(
                r#"{"version":2,"audience":"caregiver","language":"es","text_size":"large","theme":"auto"}"#,
            ),
            [("audience", "patient"), ("theme", "dark"), ("lang", "en")],
            Some("en"),
        );
        assert_eq!(
            paint,
            FirstPaint {
                audience: Some(Audience::Caregiver),
                language: Some(Language::Spanish),
                theme: Theme::Dark,
                text_size: TextSize::Large,
            }
        );
        // Nothing stored: the host page's settings, and its own language.
        let paint = first_paint(None, [("audience", " professional ")], Some("es-MX"));
        assert_eq!(paint.audience, Some(Audience::Professional));
        assert_eq!(paint.language, Some(Language::Spanish));
        assert_eq!(paint.theme, Theme::Auto);
        // Names of Object.prototype are names of nothing here.
        let paint = first_paint(
            Some(r#"{"audience":"constructor","language":"__proto__","theme":"toString"}"#),
            [
                ("audience", "constructor"),
                ("lang", "constructor"),
                ("theme", "__proto__"),
            ],
            Some("toString"),
        );
        assert_eq!(
            paint,
            FirstPaint {
                audience: None,
                language: None,
                theme: Theme::Auto,
                text_size: TextSize::Normal,
            }
        );
    }
}
