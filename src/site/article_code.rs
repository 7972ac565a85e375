//! Which Wasm a page of the publisher's site starts. Trunk's template starts the full
//! app; an article's pages start the article-only Wasm instead (the crate built without
//! its `catalog` feature by `xtask/build-article-wasm.mjs`), which is smaller, and which
//! hands the widget over to the full app when the reader opens the catalog.

use serde::Deserialize;

/// The file at the site's root that names the article-only Wasm
/// (`xtask/build-article-wasm.mjs` writes it).
pub const ARTICLE_CODE_FILE: &str = "article-only.json";

/// The article-only Wasm's files, as `article-only.json` names them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ArticleCode {
    /// Its JavaScript glue, `article-only-<hash>.js`, at the site's root.
    pub glue: String,
    /// Its Wasm, `article-only-<hash>_bg.wasm`.
    pub wasm: String,
    /// The glue's sha384, as an `integrity` attribute says it.
    pub integrity: String,
}

impl ArticleCode {
    /// The article-only Wasm `json` names, if it names files this build writes: a page
    /// starts nothing else.
    pub fn from_json(json: &str) -> Result<ArticleCode, String> {
        let code: ArticleCode = serde_json::from_str(json)
            .map_err(|error| format!("not the article-only Wasm's names: {error}"))?;
        let hashed = |name: &str, suffix: &str| {
            name.strip_prefix("article-only-")
                .and_then(|rest| rest.strip_suffix(suffix))
                .is_some_and(|hash| !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        if !hashed(&code.glue, ".js") {
            return Err(format!(
                "glue `{}` is not article-only-<hash>.js",
                code.glue
            ));
        }
        if !hashed(&code.wasm, "_bg.wasm") {
            return Err(format!(
                "Wasm `{}` is not article-only-<hash>_bg.wasm",
                code.wasm
            ));
        }
        let hash = code.integrity.strip_prefix("sha384-").unwrap_or_default();
        let is_base64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
        if hash.len() != 64 || !hash.bytes().all(is_base64) {
            return Err(format!("integrity `{}` is not a sha384", code.integrity));
        }
        Ok(code)
    }
}

/// `template` (Trunk's page) starting `code` in place of Trunk's full app: its glue's
/// name and integrity, and its Wasm's name, where Trunk wrote the full app's. A
/// template that starts no Wasm is returned as it is.
pub fn with_article_code(template: &str, code: &ArticleCode) -> String {
    let Some(hash) = trunk_hash(template) else {
        return template.to_owned();
    };
    let glue = format!("article-widget-{hash}.js");
    let wasm = format!("article-widget-{hash}_bg.wasm");
    let mut page = template.replace(&wasm, &code.wasm);
    if let Some(integrity) = integrity_of(template, &glue) {
        page = page.replace(integrity, &code.integrity);
    }
    page.replace(&glue, &code.glue)
}

/// The hash in the names of Trunk's glue and Wasm (`article-widget-<hash>.js`).
fn trunk_hash(template: &str) -> Option<&str> {
    template
        .match_indices("article-widget-")
        .find_map(|(at, name)| {
            let rest = &template[at + name.len()..];
            let end = rest.find(|c: char| !c.is_ascii_hexdigit())?;
            (end > 0 && rest[end..].starts_with(".js")).then(|| &rest[..end])
        })
}

/// The `integrity` of the tag that names `file` (Trunk's modulepreload of the glue).
fn integrity_of<'a>(template: &'a str, file: &str) -> Option<&'a str> {
    template.match_indices('<').find_map(|(start, _)| {
        let tag = &template[start..start + template[start..].find('>')?];
        if !tag.contains(&format!("/{file}\"")) && !tag.contains(&format!("\"{file}\"")) {
            return None;
        }
        let value = &tag[tag.find("integrity=\"")? + "integrity=\"".len()..];
        Some(&value[..value.find('"')?])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const INTEGRITY: &str =
        "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    fn code() -> ArticleCode {
        ArticleCode {
            glue: "article-only-0a1b.js".to_owned(),
            wasm: "article-only-0a1b_bg.wasm".to_owned(),
            integrity: INTEGRITY.to_owned(),
        }
    }

    #[test]
    fn an_article_page_starts_the_article_only_wasm_with_its_integrity() {
        let template = "<link rel=\"modulepreload\" href=\"/article-widget-9f.js\" crossorigin=\"anonymous\" integrity=\"sha384-full\">\n\
            <link rel=\"modulepreload\" href=\"/snippets/article-widget-1c/inline0.js\" integrity=\"sha384-snippet\">\n\
            <script type=\"module\">import init, * as bindings from '/article-widget-9f.js';\n\
            const wasm = await init({ module_or_path: '/article-widget-9f_bg.wasm' });</script>";
        let page = with_article_code(template, &code());
        assert_eq!(
            page,
            format!("<link rel=\"modulepreload\" href=\"/article-only-0a1b.js\" crossorigin=\"anonymous\" integrity=\"{INTEGRITY}\">\n\
            <link rel=\"modulepreload\" href=\"/snippets/article-widget-1c/inline0.js\" integrity=\"sha384-snippet\">\n\
            <script type=\"module\">import init, * as bindings from '/article-only-0a1b.js';\n\
            const wasm = await init({{ module_or_path: '/article-only-0a1b_bg.wasm' }});</script>")
        );
        assert_eq!(with_article_code("<p>static</p>", &code()), "<p>static</p>");
    }

    #[test]
    fn only_names_this_build_writes_are_started() {
        let json = |glue: &str, wasm: &str, integrity: &str| {
            format!("{{\"glue\":\"{glue}\",\"wasm\":\"{wasm}\",\"integrity\":\"{integrity}\"}}")
        };
        assert_eq!(
            ArticleCode::from_json(&json(
                "article-only-0a1b.js",
                "article-only-0a1b_bg.wasm",
                INTEGRITY
            )),
            Ok(code())
        );
        for bad in [
            json(
                "https://evil.example/x.js",
                "article-only-0a1b_bg.wasm",
                INTEGRITY,
            ),
            json("article-only-.js", "article-only-0a1b_bg.wasm", INTEGRITY),
            json(
                "article-only-0a1b.js",
                "../article-only-0a1b_bg.wasm",
                INTEGRITY,
            ),
            json(
                "article-only-0a1b.js",
                "article-only-0a1b_bg.wasm",
                "sha384-short",
            ),
            "[]".to_owned(),
        ] {
            assert!(ArticleCode::from_json(&bad).is_err(), "{bad}");
        }
    }
}
