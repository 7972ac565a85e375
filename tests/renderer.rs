//! The markdown renderer, as markdown in and exact HTML out through native SSR of the
//! very component the widget runs. Output is deterministic, so whole strings are
//! compared.

#![cfg(not(target_arch = "wasm32"))]

use article_widget::markdown::parse;
use article_widget::ssr::markdown_to_html;

#[track_caller]
fn renders(markdown: &str, expected: &str) {
    assert_eq!(
        markdown_to_html(markdown),
        expected,
        "markdown: {markdown:?}"
    );
}

// ---------------------------------------------------------------------------------
// Blocks and inlines

#[test]
fn paragraphs_breaks_and_rules() {
    renders("Hello world.", "<p>Hello world.</p>");
    renders("One.\n\nTwo.", "<p>One.</p><p>Two.</p>");
    renders(
        "Line one\nline two  \nline three\n\n---",
        "<p>Line one\nline two<br>line three</p><hr>",
    );
}

#[test]
fn emphasis_strong_and_strikethrough() {
    renders(
        "Hello *world* and **strong** and _u_.",
        "<p>Hello <em>world</em> and <strong>strong</strong> and <em>u</em>.</p>",
    );
    renders(
        "***bold italic***",
        "<p><em><strong>bold italic</strong></em></p>",
    );
    renders("~~gone~~ stays", "<p><del>gone</del> stays</p>");
}

#[test]
fn headings_get_stable_ids() {
    renders(
        "## Early Palliative Care",
        "<h2 id=\"early-palliative-care\">Early Palliative Care</h2>",
    );
    renders(
        "### Riluzole (Rilutek®): 50 mg, twice-daily!",
        "<h3 id=\"riluzole-rilutek-50-mg-twice-daily\">Riluzole (Rilutek®): 50 mg, twice-daily!</h3>",
    );
    renders("#### Über Café", "<h4 id=\"über-café\">Über Café</h4>");
    renders(
        "## `riluzole` *dose*",
        "<h2 id=\"riluzole-dose\"><code>riluzole</code> <em>dose</em></h2>",
    );
    // A heading with no letters or digits still gets an id.
    renders("## ---", "<h2 id=\"section\">---</h2>");
}

#[test]
fn duplicate_headings_get_numbered_ids() {
    renders(
        "## Side effects\n\n## Side effects\n\n## Side effects!\n\n## Other",
        "<h2 id=\"side-effects\">Side effects</h2>\
         <h2 id=\"side-effects-1\">Side effects</h2>\
         <h2 id=\"side-effects-2\">Side effects!</h2>\
         <h2 id=\"other\">Other</h2>",
    );
}

#[test]
fn lists_nest_and_ordered_lists_keep_their_start() {
    renders(
        "- a\n  - b\n  - c\n- d",
        "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>",
    );
    renders(
        "1. one\n   1. nested\n2. two",
        "<ol><li>one<ol><li>nested</li></ol></li><li>two</li></ol>",
    );
    renders("3. x\n4. y", "<ol start=\"3\"><li>x</li><li>y</li></ol>");
    renders("- a\n\n- b", "<ul><li><p>a</p></li><li><p>b</p></li></ul>");
}

#[test]
fn code_spans_and_code_blocks() {
    renders(
        "Use `x < y` here.",
        "<p>Use <code>x &lt; y</code> here.</p>",
    );
    renders(
        "```rust extra words\nfn main() { let a = 1 < 2; }\n```",
        "<pre><code class=\"language-rust\">fn main() { let a = 1 &lt; 2; }\n</code></pre>",
    );
    renders("```\nplain\n```", "<pre><code>plain\n</code></pre>");
    renders(
        "    indented\n    code",
        "<pre><code>indented\ncode</code></pre>",
    );
}

#[test]
fn blockquotes() {
    renders(
        "> quote\n> more\n>\n> - item",
        "<blockquote><p>quote\nmore</p><ul><li>item</li></ul></blockquote>",
    );
}

#[test]
fn tables_carry_their_alignments() {
    renders(
        "| L | C | R | N |\n|:--|:-:|--:|---|\n| 1 | *2* | 3 | 4 |",
        "<table><thead><tr>\
         <th class=\"align-left\">L</th><th class=\"align-center\">C</th>\
         <th class=\"align-right\">R</th><th>N</th>\
         </tr></thead><tbody><tr>\
         <td class=\"align-left\">1</td><td class=\"align-center\"><em>2</em></td>\
         <td class=\"align-right\">3</td><td>4</td>\
         </tr></tbody></table>",
    );
    // A table with a head and no body has no tbody.
    renders(
        "| A |\n|---|",
        "<table><thead><tr><th>A</th></tr></thead></table>",
    );
}

#[test]
fn task_lists_are_disabled_checkboxes() {
    renders(
        "- [ ] todo\n- [x] done",
        "<ul><li><input type=\"checkbox\" disabled=\"\">todo</li>\
         <li><input checked type=\"checkbox\" disabled=\"\">done</li></ul>",
    );
}

#[test]
fn images_take_their_alt_text_from_nested_markup() {
    renders(
        "![an *emph* `code` **strong**](img.png \"T\")",
        "<p><img src=\"img.png\" title=\"T\" alt=\"an emph code strong\"></p>",
    );
    renders(
        "![outer ![inner](a.png) text](b.png)",
        "<p><img src=\"b.png\" alt=\"outer inner text\"></p>",
    );
    renders(
        "[![logo](a.png)](https://example.org)",
        "<p><a rel=\"noopener noreferrer\" href=\"https://example.org\"><img src=\"a.png\" alt=\"logo\"></a></p>",
    );
}

#[test]
fn urls_are_percent_encoded() {
    renders(
        "[a](<my file.pdf>) [b](/a?b=1&c=2)",
        "<p><a href=\"my%20file.pdf\">a</a> <a href=\"/a?b=1&amp;c=2\">b</a></p>",
    );
}

// ---------------------------------------------------------------------------------
// Citations

#[test]
fn citations_link_to_their_reference() {
    renders(
        "Riluzole[^3].",
        "<p>Riluzole<sup class=\"citation\"><a href=\"#ref-3\" target=\"_self\" id=\"cite-3-1\" role=\"doc-noteref\" aria-label=\"Reference 3\">3</a></sup>.</p>",
    );
}

#[test]
fn adjacent_citations_are_separated_by_a_comma() {
    renders(
        "Riluzole[^1][^2] and edaravone[^3].",
        "<p>Riluzole<sup class=\"citation\"><a href=\"#ref-1\" target=\"_self\" id=\"cite-1-1\" role=\"doc-noteref\" aria-label=\"Reference 1\">1</a></sup><sup class=\"citation-separator\">,</sup><sup class=\"citation\"><a href=\"#ref-2\" target=\"_self\" id=\"cite-2-1\" role=\"doc-noteref\" aria-label=\"Reference 2\">2</a></sup> and edaravone<sup class=\"citation\"><a href=\"#ref-3\" target=\"_self\" id=\"cite-3-1\" role=\"doc-noteref\" aria-label=\"Reference 3\">3</a></sup>.</p>",
    );
}

#[test]
fn a_second_citation_of_a_reference_gets_the_next_id() {
    let html = markdown_to_html("A[^3] B[^1] C[^3]\n\nD[^3]");
    let ids: Vec<&str> = html
        .split("id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert_eq!(ids, ["cite-3-1", "cite-1-1", "cite-3-2", "cite-3-3"]);
    assert!(html.contains(
        "C<sup class=\"citation\"><a href=\"#ref-3\" target=\"_self\" id=\"cite-3-2\" role=\"doc-noteref\" aria-label=\"Reference 3\">3</a></sup>"
    ));
    assert_eq!(html.matches("href=\"#ref-3\"").count(), 3);
    assert_eq!(html.matches("href=\"#ref-1\"").count(), 1);
}

#[test]
fn cited_lists_each_label_once_in_order_of_first_appearance() {
    assert_eq!(
        parse("A[^3] B[^1] C[^3] D[^2] E[^1]").cited,
        ["3", "1", "2"]
    );
    assert!(parse("No citations here.").cited.is_empty());
    // In code, `[^1]` is text, not a citation.
    assert!(parse("`[^1]`").cited.is_empty());
}

// ---------------------------------------------------------------------------------
// Raw HTML is text

#[test]
fn raw_html_blocks_are_shown_as_escaped_text() {
    let html = markdown_to_html("<script>alert(1)</script>\n\nAfter.");
    assert_eq!(
        html,
        "<p class=\"raw-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n</p><p>After.</p>"
    );
    assert!(!html.to_lowercase().contains("<script"));
}

#[test]
fn inline_raw_html_is_shown_as_escaped_text() {
    let html = markdown_to_html("text <b>bold</b> and <img src=x onerror=alert(1)> end");
    assert_eq!(
        html,
        "<p>text &lt;b&gt;bold&lt;/b&gt; and &lt;img src=x onerror=alert(1)&gt; end</p>"
    );
    assert!(!html.contains("<b>"));
    assert!(!html.contains("<img"));
}

#[test]
fn html_comments_and_iframes_are_text_too() {
    let html =
        markdown_to_html("<!-- hidden -->\n\n<iframe src=\"https://evil.example\"></iframe>");
    assert!(!html.contains("<!--"), "{html}");
    assert!(!html.contains("<iframe"), "{html}");
    assert!(html.contains("&lt;!-- hidden --&gt;"), "{html}");
    assert!(
        html.contains("&lt;iframe src=\"https://evil.example\"&gt;&lt;/iframe&gt;"),
        "{html}"
    );
}

// ---------------------------------------------------------------------------------
// Links

#[test]
fn external_links_get_rel_noopener_noreferrer() {
    renders(
        "[ext](https://example.org \"Title\") [up](HTTP://EXAMPLE.ORG) [cdn](//cdn.example.org/x)",
        "<p><a rel=\"noopener noreferrer\" href=\"https://example.org\" title=\"Title\">ext</a> \
         <a rel=\"noopener noreferrer\" href=\"HTTP://EXAMPLE.ORG\">up</a> \
         <a rel=\"noopener noreferrer\" href=\"//cdn.example.org/x\">cdn</a></p>",
    );
    renders(
        "<https://example.org/a>",
        "<p><a rel=\"noopener noreferrer\" href=\"https://example.org/a\">https://example.org/a</a></p>",
    );
}

#[test]
fn relative_fragment_mail_and_phone_links_get_no_rel() {
    renders(
        "[rel](/a/b) [page](als-primary-treatment) [query](?article=x) [frag](#ref-1) [mail](mailto:a@example.org) [tel](tel:+15551234)",
        "<p><a href=\"/a/b\">rel</a> <a href=\"als-primary-treatment\">page</a> \
         <a href=\"?article=x\">query</a> <a href=\"#ref-1\">frag</a> \
         <a href=\"mailto:a@example.org\">mail</a> <a href=\"tel:+15551234\">tel</a></p>",
    );
}

#[test]
fn email_autolinks_become_mailto_links() {
    renders(
        "<editor@example.org>",
        "<p><a href=\"mailto:editor@example.org\">editor@example.org</a></p>",
    );
}

// ---------------------------------------------------------------------------------
// URL scheme tricks, in links and in images

/// Every `href` and `src` value in `html`, character references decoded.
fn url_attributes(html: &str) -> Vec<String> {
    let mut values = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for (start, _) in html.match_indices(attribute) {
            let rest = &html[start + attribute.len()..];
            let value = &rest[..rest.find('"').expect("attribute is closed")];
            values.push(decode_references(value));
        }
    }
    values
}

fn decode_references(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `url` as a browser reads its scheme: lowercased, with whitespace and controls gone.
fn squeezed(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

#[track_caller]
fn assert_no_dangerous_url(markdown: &str, html: &str) {
    for url in url_attributes(html) {
        let url = squeezed(&url);
        for scheme in ["javascript:", "vbscript:", "data:"] {
            assert!(
                !url.starts_with(scheme),
                "markdown {markdown:?} gave a {scheme} URL: {html}"
            );
        }
    }
    let squeezed_html = squeezed(html);
    for needle in [
        "href=\"javascript",
        "src=\"javascript",
        "href=\"vbscript",
        "src=\"vbscript",
        "href=\"data",
        "src=\"data",
    ] {
        assert!(
            !squeezed_html.contains(needle),
            "markdown {markdown:?} gave {needle}: {html}"
        );
    }
}

/// Destinations that must never reach an `href` or a `src`, as written in markdown.
const DANGEROUS: &[&str] = &[
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "<  javascript:alert(1)>",
    "<\tjavascript:alert(1)>",
    "<\t \tJaVaScRiPt:alert(1)>",
    "<java\tscript:alert(1)>",
    "java&#9;script:alert(1)",
    "java&#x09;script:alert(1)",
    "java&#10;script:alert(1)",
    "java&#13;script:alert(1)",
    "java&Tab;script:alert(1)",
    "java&NewLine;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#X6a;&#X61;vascript:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "javascript&#x3A;alert(1)",
    "&#1;javascript:alert(1)",
    "<\u{1}javascript:alert(1)>",
    "java\u{7f}script:alert(1)",
    "<javascript\u{8}:alert(1)>",
    "&#31;javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg/onload=alert(1)>",
    "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
    "d&#97;ta:text/html,x",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "&#118;bscript:msgbox(1)",
];

#[test]
fn dangerous_link_destinations_are_dropped_and_the_text_kept() {
    for destination in DANGEROUS {
        let markdown = format!("[click **me**]({destination})");
        let html = markdown_to_html(&markdown);
        assert_no_dangerous_url(&markdown, &html);
        assert_eq!(
            html, "<p><span class=\"blocked-link\">click <strong>me</strong></span></p>",
            "markdown: {markdown:?}"
        );
    }
}

#[test]
fn dangerous_reference_link_destinations_are_dropped_and_the_text_kept() {
    for destination in DANGEROUS {
        let markdown = format!("[click][r] and [r]\n\n[r]: {destination}");
        let html = markdown_to_html(&markdown);
        assert_no_dangerous_url(&markdown, &html);
        assert_eq!(
            html,
            "<p><span class=\"blocked-link\">click</span> and <span class=\"blocked-link\">r</span></p>",
            "markdown: {markdown:?}"
        );
    }
}

#[test]
fn dangerous_image_sources_are_dropped_and_the_alt_text_kept() {
    for destination in DANGEROUS {
        let markdown = format!("Look: ![a *pic*]({destination})");
        let html = markdown_to_html(&markdown);
        assert_no_dangerous_url(&markdown, &html);
        assert_eq!(html, "<p>Look: a pic</p>", "markdown: {markdown:?}");
        assert!(!html.contains("<img"), "{html}");
    }
}

#[test]
fn dangerous_autolinks_keep_only_their_text() {
    for (markdown, text) in [
        ("<javascript:alert(1)>", "javascript:alert(1)"),
        ("<JAVASCRIPT:alert(1)>", "JAVASCRIPT:alert(1)"),
        ("<vbscript:msgbox(1)>", "vbscript:msgbox(1)"),
        ("<data:text/html,x>", "data:text/html,x"),
    ] {
        let html = markdown_to_html(markdown);
        assert_no_dangerous_url(markdown, &html);
        assert_eq!(
            html,
            format!("<p><span class=\"blocked-link\">{text}</span></p>")
        );
    }
}

#[test]
fn a_nul_in_a_scheme_is_no_scheme_at_all() {
    // CommonMark replaces NUL with U+FFFD, which no scheme contains: the URL is a
    // relative path, harmless, and kept.
    let markdown = "[click](java&#0;script:alert(1))";
    let html = markdown_to_html(markdown);
    assert_no_dangerous_url(markdown, &html);
    assert_eq!(
        html,
        "<p><a href=\"java%EF%BF%BDscript:alert(1)\">click</a></p>"
    );
}

#[test]
fn harmless_lookalikes_are_kept() {
    renders(
        "[a](javascript-guide.html) [b](/docs/javascript:intro) [c](#data:x) [d](?q=vbscript:x)",
        "<p><a href=\"javascript-guide.html\">a</a> <a href=\"/docs/javascript:intro\">b</a> \
         <a href=\"#data:x\">c</a> <a href=\"?q=vbscript:x\">d</a></p>",
    );
    renders(
        "![ok](<  https://example.org/a.png>)",
        "<p><img src=\"https://example.org/a.png\" alt=\"ok\"></p>",
    );
}

// ---------------------------------------------------------------------------------
// Parts: the widget draws a long body a task each (`render::render_in_parts`)

#[test]
fn parts_are_whole_blocks_of_about_the_budget_and_never_too_many() {
    use article_widget::render::part_ends;
    assert_eq!(
        part_ends(&[], 10, 4),
        [0],
        "an empty body is one empty part"
    );
    assert_eq!(part_ends(&[3, 3, 3, 3], 6, 4), [2, 4]);
    assert_eq!(
        part_ends(&[2, 20, 2], 5, 4),
        [1, 2, 3],
        "a block over the budget is a part of its own"
    );
    assert_eq!(
        part_ends(&[1; 100], 10, 4),
        [25, 50, 75, 100],
        "a long body: the budget grows to fit the most parts"
    );
    assert_eq!(
        part_ends(&[4, 4, 4], 100, 4),
        [3],
        "a short body is one part"
    );
}

#[derive(yew::Properties, PartialEq)]
struct PartsProps {
    markdown: yew::AttrValue,
}

/// The body as the widget draws it in parts, every part drawn.
#[yew::function_component]
fn Parts(props: &PartsProps) -> yew::Html {
    let document = parse(&props.markdown);
    let parts =
        article_widget::render::render_in_parts(&document, |label| format!("Reference {label}"));
    yew::Html::from_iter(parts)
}

#[test]
fn a_body_drawn_in_parts_is_the_body_drawn_whole() {
    let paragraph = "Riluzole[^1] prolongs survival by about *three months*, in [a trial](https://example.org/).\n\n";
    let mut long = String::new();
    for index in 0..60 {
        long.push_str(&format!(
            "## Part {index}\n\n{paragraph}- one\n- two[^2]\n\n"
        ));
    }
    for markdown in ["", "One paragraph.", long.as_str()] {
        let owned = markdown.to_owned();
        let parts = article_widget::ssr::render::<Parts>(move || PartsProps {
            markdown: yew::AttrValue::from(owned),
        });
        assert_eq!(
            parts,
            markdown_to_html(markdown),
            "markdown: {markdown:.40}"
        );
    }
    let document = parse(&long);
    assert_eq!(
        article_widget::render::render_in_parts(&document, |label| label.to_owned()).len(),
        article_widget::render::MOST_PARTS,
        "a long body in the most parts"
    );
}
