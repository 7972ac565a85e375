//! Browser unit tests (wasm-bindgen-test in headless Chromium): the widget mounts into a
//! shadow root, fetches real article data from a real server on another origin, and
//! shows each part. `cargo xtask test` builds the data, serves it, and passes its URL.
#![cfg(target_arch = "wasm32")]

use article_widget::config::{Page, WidgetConfig};
use article_widget::document::Document;
use article_widget::model::{Audience, Slug};
use article_widget::{mount as widget, render};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const QUESTION: &str = "What is the primary treatment for Amyotrophic Lateral Sclerosis (ALS)?";

fn data_url() -> String {
    env!(
        "ARTICLE_WIDGET_TEST_DATA_URL",
        "run the browser tests through `cargo xtask test`, which serves the article data"
    )
    .to_owned()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn new_host() -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// The first element matching `selector` in the shadow root, once it appears.
async fn wait_for(shadow: &ShadowRoot, selector: &str) -> Element {
    for _ in 0..200 {
        if let Some(element) = shadow.query_selector(selector).unwrap() {
            return element;
        }
        sleep(50).await;
    }
    panic!("`{selector}` never appeared in the widget");
}

fn text(shadow: &ShadowRoot, selector: &str) -> String {
    shadow
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{selector}`"))
        .text_content()
        .unwrap_or_default()
}

fn mount(article: &str, audience: Option<Audience>) -> ShadowRoot {
    let host = new_host();
    let config = WidgetConfig {
        page: Page::Article(Slug::parse(article).unwrap()),
        audience,
        data_url: data_url(),
        ..WidgetConfig::default()
    };
    widget::mount(&host, config, None).unwrap();
    host.shadow_root()
        .expect("the widget lives in an open shadow root")
}

#[wasm_bindgen_test]
async fn mounts_fetches_and_shows_every_part_of_an_article() {
    // The page names the widget's stylesheet, as the build's pages do.
    let document = web_sys::window().unwrap().document().unwrap();
    let named = document.create_element("meta").unwrap();
    named
        .set_attribute("name", "article-widget-stylesheet")
        .unwrap();
    named.set_attribute("content", "/widget-test.css").unwrap();
    document.head().unwrap().append_child(&named).unwrap();
    let shadow = mount("als-primary-treatment", None);
    let heading = wait_for(&shadow, "h1").await;
    assert_eq!(heading.text_content().unwrap(), QUESTION);
    // The first render of a mount draws the article in parts, a task each: the
    // disclaimer comes with the last.
    wait_for(&shadow, "aside.disclaimer").await;

    assert_eq!(
        text(&shadow, ".review-badge span:not([aria-hidden])"),
        "Awaiting review by the Medical Review Board."
    );
    assert!(text(&shadow, "[aria-current='step']").starts_with("Submitted"));
    assert!(text(&shadow, ".caution").contains("pending human review"));
    assert!(shadow
        .query_selector("time[datetime='2026-11-30']")
        .unwrap()
        .is_some());
    assert_eq!(
        text(&shadow, "fieldset[role='radiogroup'] legend"),
        "Which best describes you?"
    );
    let professional: HtmlInputElement = shadow
        .query_selector("input[value='professional']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(
        professional.checked(),
        "the article's default audience is chosen"
    );
    assert!(
        shadow
            .query_selector_all(".article-body sup.citation a[href^='#ref-']")
            .unwrap()
            .length()
            > 5
    );
    assert!(shadow.query_selector("#ref-1").unwrap().is_some());
    assert_eq!(
        text(&shadow, ".disclaimer h2"),
        "Professional Medical Disclaimer"
    );
    assert_eq!(text(&shadow, ".follow-up h2"), "Have a follow-up question?");

    let linked = shadow
        .query_selector("link[rel='stylesheet']")
        .unwrap()
        .expect("the stylesheet lives in the shadow root");
    assert!(linked
        .get_attribute("href")
        .unwrap()
        .ends_with("/widget-test.css"));
    named.remove();
}

#[wasm_bindgen_test]
async fn the_host_page_can_choose_the_audience() {
    let shadow = mount("als-primary-treatment", Some(Audience::Patient));
    wait_for(&shadow, ".disclaimer").await;
    assert_eq!(text(&shadow, ".disclaimer h2"), "Medical Disclaimer");
    let patient: HtmlInputElement = shadow
        .query_selector("input[value='patient']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(patient.checked());
}

/// How many requests the page has made for `url`.
fn requests_for(url: &str) -> u32 {
    let performance = web_sys::window().unwrap().performance().unwrap();
    performance.get_entries_by_name(url).length()
}

/// Waits until the page has made `count` requests for `url`, then checks that it made
/// no more: a 404 is an answer, never retried by itself.
async fn wait_for_requests(url: &str, count: u32) {
    for _ in 0..200 {
        if requests_for(url) >= count {
            break;
        }
        sleep(50).await;
    }
    sleep(200).await;
    assert_eq!(requests_for(url), count, "requests for {url}");
}

#[wasm_bindgen_test]
async fn a_missing_article_shows_the_unavailable_panel_and_retries() {
    let shadow = mount("no-such-article", None);
    let url = format!("{}no-such-article.json", data_url());
    let panel = wait_for(&shadow, "[role='alert']").await;
    assert!(panel
        .text_content()
        .unwrap()
        .contains("This article is unavailable"));
    // Resource timing records a request once its response has ended, which may come
    // after the panel: wait for it.
    wait_for_requests(&url, 1).await;
    let retry: HtmlElement = shadow
        .query_selector("[role='alert'] button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(retry.text_content().unwrap(), "Try again");
    retry.click();
    // The panel after the retry looks like the one before it: only a second request
    // shows that "Try again" asked again.
    wait_for_requests(&url, 2).await;
    let panel = wait_for(&shadow, "[role='alert']").await;
    assert!(panel.text_content().unwrap().contains("withdrawn"));
}

#[wasm_bindgen_test]
async fn a_citation_leads_to_its_reference_and_back_inside_the_shadow_root() {
    let shadow = mount("als-primary-treatment", None);
    // The references come with the first render's last part.
    wait_for(&shadow, "section.references").await;
    let citation: HtmlElement = wait_for(&shadow, ".article-body sup.citation a")
        .await
        .dyn_into()
        .unwrap();
    let target = citation.get_attribute("href").unwrap();
    citation.click();
    let focused = shadow
        .active_element()
        .expect("focus moved into the reference list");
    assert_eq!(format!("#{}", focused.id()), target);
    let backlink: HtmlElement = focused
        .query_selector(".backlink")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    backlink.click();
    assert_eq!(shadow.active_element().unwrap().id(), citation.id());
}

#[derive(yew::Properties, PartialEq)]
struct BodyProps {
    document: Document,
}

/// An article body as the widget renders it.
#[yew::function_component]
fn Body(props: &BodyProps) -> yew::Html {
    render::render(&props.document)
}

#[wasm_bindgen_test]
async fn raw_html_and_script_urls_never_become_live_dom() {
    let root = new_host();
    // Article data as hostile JSON could hold it, whatever the build would write: raw
    // HTML blocks and inlines, and links and images with script URLs.
    let data = r#"{"blocks":[
        {"html":"<script>window.pwned = 1</script>"},
        {"p":[{"t":"Text "},{"t":"<img src=x onerror=\"window.pwned=1\">"},
              {"a":{"href":"javascript:window.pwned=1","content":[{"t":"x"}]}},
              {"img":{"src":"data:image/svg+xml,<svg/onload=alert(1)>","alt":"y"}}]}
    ]}"#;
    let document: Document =
        article_widget::json::from_str(data).expect("the test's document decodes");
    yew::Renderer::<Body>::with_root_and_props(root.clone(), BodyProps { document }).render();
    yew::scheduler::flush().await;
    sleep(0).await;
    assert!(root
        .query_selector("script, img, [onerror]")
        .unwrap()
        .is_none());
    assert!(root.query_selector("a[href]").unwrap().is_none());
    let shown = root.text_content().unwrap();
    assert!(
        shown.contains("<script>window.pwned = 1</script>"),
        "raw HTML is shown as text: {shown}"
    );
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn widgets_asking_for_the_same_data_at_once_share_one_request() {
    use article_widget::browser::network;

    // A URL of its own, so that this test counts only its own requests.
    let url = format!(
        "{}hypertension-first-line-treatment.json?shared",
        data_url()
    );
    let (first, second) = futures::join!(network::fetch_text(&url), network::fetch_text(&url));
    let first = first.expect("the article is fetched");
    assert_eq!(Ok(first.clone()), second);
    assert!(first
        .text
        .contains("\"slug\":\"hypertension-first-line-treatment\""));
    assert_eq!(requests_for(&url), 1);

    // Done, the next caller asks afresh.
    network::fetch_text(&url).await.expect("fetched again");
    assert_eq!(requests_for(&url), 2);
}

#[wasm_bindgen_test]
fn case_folding_is_the_browsers_beyond_ascii() {
    use article_widget::browser::page::fold_case;
    assert_eq!(fold_case("Riluzole ALS"), "riluzole als");
    assert_eq!(fold_case("ÉDARAVONE Ärzte İ"), "édaravone ärzte i̇");
}
