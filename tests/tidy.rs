//! Tidy tests, after rust-analyzer's: they read the sources and fail when an invariant
//! of ARCHITECTURE.md breaks, so the rules live in tests, not only in prose. Each rule's
//! doc comment says what it reads (its scope): which files, and in them code or all text.
//! "Code" is a file without its comment lines (see [`code`]).
//!
//! Longer than 300 lines: every rule with the small readers it needs (imports, script
//! literals, the README's lists), so that one file holds the whole rule book.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use article_widget::model::Slug;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    fs::read_to_string(root().join(relative))
        .unwrap_or_else(|error| panic!("cannot read {relative}: {error}"))
}

/// Every `.rs` file under `src/`, by its path relative to the project, with its text.
fn sources() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let relative = path
                    .strip_prefix(root())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(relative, fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&root().join("src"), &mut out);
    out
}

/// The code of a file without its comments, so that prose about a rule is not taken
/// for a breach of it.
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.trim_start().starts_with("//") {
            true => "",
            false => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files under `dir` (relative to the project) whose code holds any of `needles`,
/// with the needle found.
fn breaches(dir: &str, needles: &[&str]) -> Vec<(String, String)> {
    sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with(dir))
        .flat_map(|(path, text)| {
            let code = code(&text);
            needles
                .iter()
                .filter(|needle| code.contains(**needle))
                .map(|needle| (path.clone(), needle.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Scope: the code of every file under `src/components/`, `src/pages/` and `src/app/`.
#[test]
fn components_pages_and_hooks_reach_the_browser_only_through_the_glue() {
    let forbidden = [
        "web_sys::window",
        "gloo::events",
        "EventListener",
        "local_storage",
        "session_storage",
        "gloo::storage",
        "caches()",
        "spawn_local(async move { fetch",
    ];
    for dir in ["src/components/", "src/pages/", "src/app/"] {
        assert_eq!(
            breaches(dir, &forbidden),
            [],
            "{dir} must use crate::browser"
        );
    }
}

/// The files under `dir` whose code names any of the top-level modules `modules`
/// through `crate::` (grouped imports included), with the module named.
fn uses_of(dir: &str, modules: &[&str]) -> Vec<(String, String)> {
    sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with(dir))
        .flat_map(|(path, text)| {
            crate_uses(&text)
                .into_iter()
                .filter(|used| modules.contains(&used.as_str()))
                .map(|used| (path.clone(), used))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Scope: the `crate::` uses in the code of every file under `src/browser/`,
/// `src/components/` and `src/pages/`.
#[test]
fn the_browser_glue_is_a_leaf_that_imports_no_app_component_or_page() {
    let upward = ["app", "components", "pages", "mount"];
    assert_eq!(uses_of("src/browser/", &upward), []);
    // Nor do the components import the pages or the app above them.
    assert_eq!(uses_of("src/components/", &["app", "pages", "mount"]), []);
    assert_eq!(uses_of("src/pages/", &["app", "mount"]), []);
}

/// Scope: the code of every file of the content model and the native modules listed
/// below (`src/json/`, `src/model/`, `src/source/`, `src/build/`, …).
#[test]
fn the_content_model_knows_nothing_of_the_browser() {
    let browser = ["web_sys", "js_sys", "wasm_bindgen", "gloo"];
    for file in [
        "src/json/",
        "src/names.rs",
        "src/safe_url.rs",
        "src/document.rs",
        "src/model.rs",
        "src/model/",
        "src/render.rs",
        "src/markdown.rs",
        "src/readability.rs",
        "src/preferences.rs",
        "src/messages.rs",
        "src/source/",
        "src/build/",
        "src/config.rs",
    ] {
        assert_eq!(breaches(file, &browser), [], "{file} is plain Rust");
    }
}

/// Scope: the code of every `.rs` file under `src/`.
#[test]
fn no_html_string_from_data_reaches_the_dom() {
    let html_sinks = [
        "set_inner_html",
        "inner_html",
        "set_outer_html",
        "insert_adjacent_html",
        "from_html_unchecked",
        "VRaw",
        "document.write",
    ];
    assert_eq!(breaches("src/", &html_sinks), []);
}

/// Scope: the code of every `.rs` file under `src/`, `src/lib.rs` and `Cargo.toml`.
#[test]
fn only_markdown_rs_reads_markdown_and_only_natively() {
    let readers: Vec<(String, String)> = breaches("src/", &["pulldown_cmark"]);
    assert_eq!(
        readers,
        [("src/markdown.rs".to_owned(), "pulldown_cmark".to_owned())]
    );
    let lib = read("src/lib.rs");
    assert!(
        lib.contains("#[cfg(not(target_arch = \"wasm32\"))]\npub mod markdown;"),
        "the markdown module is native-only"
    );
    // The parser is a native-only dependency: using it in the Wasm does not compile.
    let manifest = read("Cargo.toml");
    let native_only = manifest
        .split("[target.'cfg(not(target_arch = \"wasm32\"))'.dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("Cargo.toml has native-only dependencies");
    assert!(native_only.contains("pulldown-cmark"));
    let everywhere = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("Cargo.toml has dependencies");
    assert!(!everywhere.contains("pulldown-cmark"));
}

/// Scope: the `crate::` uses in the code of every file of the library under `src/` (the
/// binaries are crates of their own).
#[test]
fn only_the_authoring_side_uses_the_markdown_parser() {
    // The article checks, the build engine and the server renderer's `MarkdownView`:
    // all native only. No component, page or hook parses markdown; the widget gets
    // documents the build parsed.
    const AUTHORING: [&str; 3] = ["source", "build", "ssr"];
    let users: Vec<String> = library_sources()
        .into_iter()
        .filter(|(path, text)| {
            crate_uses(text).contains("markdown") && !AUTHORING.contains(&module_of(path).as_str())
        })
        .map(|(path, _)| path)
        .collect();
    assert_eq!(users, Vec::<String>::new());
}

/// The generated files: the contract, and the loader's first-paint and URL cases.
fn generated() -> [(&'static str, String); 3] {
    use article_widget::site::contract;
    [
        (contract::CONTRACT_PATH, contract::module()),
        (contract::CASES_PATH, contract::first_paint_cases()),
        (contract::URL_CASES_PATH, contract::url_cases()),
    ]
}

/// Scope: `www/contract.js`, `tests/loader/first-paint-cases.json` and
/// `tests/loader/url-cases.json` (the files of
/// [`generated`]), against what the Rust generates.
#[test]
fn the_contract_is_generated_from_the_rust() {
    for (path, text) in generated() {
        if std::env::var_os("UPDATE_CONTRACT").is_some() {
            fs::write(root().join(path), &text).unwrap();
        }
        assert!(
            read(path) == text,
            "{path} is stale: write it anew with `UPDATE_CONTRACT=1 cargo test --test tidy`"
        );
    }
}

/// Every text value the contract defines (names, keys, paths, words), from its JSON.
fn contract_values() -> BTreeSet<String> {
    fn walk(value: &serde_json::Value, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::String(text) => {
                out.insert(text.clone());
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            serde_json::Value::Object(fields) => fields.values().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    // HTML's own element and attribute names, which the sanitizer's lists hold: the
    // platform's words, as `href` and `p` are to every script.
    const HTML_NAMES: [&str; 2] = ["FRAGMENT_MARKUP", "URL_ATTRIBUTES"];
    let module = article_widget::site::contract::module();
    let mut values = BTreeSet::new();
    for line in module.lines() {
        let Some((name, value)) = line
            .strip_prefix("export const ")
            .and_then(|rest| rest.split_once(" = "))
        else {
            continue;
        };
        if HTML_NAMES.contains(&name) {
            continue;
        }
        let json = value
            .strip_prefix("/* @__PURE__ */ Object.freeze(")
            .and_then(|rest| rest.strip_suffix(");"))
            .or_else(|| value.strip_suffix(';'))
            .unwrap_or(value);
        walk(&serde_json::from_str(json).unwrap(), &mut values);
    }
    values
}

/// The string literals of a script's code (comments left out), quoted by `'`, `"` or
/// `` ` `` without interpolation, and its regular expressions' bodies.
fn js_literals(text: &str) -> Vec<String> {
    let code: String = code(text)
        .lines()
        .map(|line| line.split(" // ").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut literals = Vec::new();
    let mut chars = code.char_indices().peekable();
    // A `/` starts a regular expression only where an operand may start, as after `(`
    // or `=`; elsewhere it divides.
    let mut previous = '\n';
    while let Some((_, c)) = chars.next() {
        let opens_regex = c == '/' && "(,=:[!&|?{};\n".contains(previous);
        if !c.is_whitespace() {
            previous = c;
        }
        if matches!(c, '\'' | '"' | '`') || opens_regex {
            let mut literal = String::new();
            let mut closed = false;
            while let Some((_, next)) = chars.next() {
                if next == '\\' {
                    if let Some((_, escaped)) = chars.next() {
                        literal.push(escaped);
                    }
                } else if next == c {
                    closed = true;
                    break;
                } else if next == '\n' {
                    break;
                } else {
                    literal.push(next);
                }
            }
            if closed && !(c == '`' && literal.contains("${")) {
                literals.push(literal);
            }
            previous = c;
        }
    }
    literals
}

/// The scripts that share names with the Rust: the loader's modules (but the contract
/// itself), the publisher's app shell and the service worker's build.
fn contract_users() -> Vec<String> {
    let mut scripts: Vec<String> = fs::read_dir(root().join("www/loader"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "js"))
        .map(|path| {
            path.strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    scripts.sort();
    scripts.extend([
        "www/app-shell.js".to_owned(),
        "www/early-choice.js".to_owned(),
        "xtask/build-service-worker.mjs".to_owned(),
    ]);
    scripts
}

/// Scope: the string literals and regular expressions in the code of the scripts of
/// [`contract_users`]: `www/loader/*.js`, `www/app-shell.js`, `www/early-choice.js` and
/// `xtask/build-service-worker.mjs`.
#[test]
fn no_script_writes_a_name_the_contract_defines() {
    // The web's own words that happen to be names of ours too: CSS's keywords of
    // `color-scheme` (read from the page's computed style) and HTML's attribute and
    // property names (`<html lang>`, `script.src`). They are the platform's, not ours.
    const PLATFORM_WORDS: [&str; 5] = ["light", "dark", "normal", "lang", "src"];
    let values = contract_values();
    assert!(values.contains("article-widget/v1"), "{values:?}");
    assert!(values.contains("text_size"), "{values:?}");
    let slug_rule = Slug::PATTERN;
    let mut written = Vec::new();
    for script in contract_users() {
        let text = read(&script);
        for literal in js_literals(&text) {
            let is_contract =
                values.contains(&literal) && !PLATFORM_WORDS.contains(&literal.as_str());
            if is_contract || literal.contains(slug_rule) {
                written.push(format!("{script}: {literal:?}"));
            }
        }
    }
    assert_eq!(
        written,
        Vec::<String>::new(),
        "import these from www/contract.js"
    );
}

/// Scope: none; a self-test of [`js_literals`] on inline text.
#[test]
fn the_literal_reader_finds_what_it_must() {
    let found = js_literals(
        "const a = 'article-widget/v1'; // 'not code'\nconst b = `x${y}`; const c = /^[a-z0-9-]+$/;\nconst d = \"it\\'s\"; const e = f / 2 + g / 3; const h = 'es';",
    );
    assert_eq!(found, ["article-widget/v1", "^[a-z0-9-]+$", "it's", "es"]);
}

/// The one single-quoted string on the line of `text` that holds `marker`.
fn quoted_on_line(text: &str, marker: &str) -> String {
    let line = text
        .lines()
        .find(|line| line.contains(marker))
        .unwrap_or_else(|| panic!("no line with `{marker}`"));
    line.split('\'').nth(1).unwrap_or_default().to_owned()
}

/// Scope: the `forceLanguage` line of `xtask/build-search-index.mjs`.
#[test]
fn pagefind_is_told_the_one_language_every_search_record_says_it_is_in() {
    use article_widget::site::search::INDEX_LANGUAGE;
    // A record in another language would go into an index of its own, which the
    // widget's search would not look in.
    let script = read("xtask/build-search-index.mjs");
    assert_eq!(quoted_on_line(&script, "forceLanguage"), INDEX_LANGUAGE);
}

/// The relative modules a script imports statically (`from './contract.js'`), by
/// file name.
fn static_imports(script: &str) -> BTreeSet<String> {
    script
        .split("from '")
        .skip(1)
        .filter_map(|rest| rest.split('\'').next()?.strip_prefix("./"))
        .map(str::to_owned)
        .collect()
}

/// The files `html` preloads as modules (`<link rel="modulepreload" href="…">`).
fn module_preloads(html: &str) -> BTreeSet<String> {
    html.split("<link rel=\"modulepreload\" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// Scope: the static imports of `www/app-shell.js` and of each module it imports, and
/// the modulepreload links of `www/index.html`, the template of every page of the site.
#[test]
fn every_module_the_app_shell_imports_is_preloaded_by_the_page() {
    // Found only as the app shell runs, each import would cost a round trip after it,
    // and the early choice of audience is heard only once all have arrived.
    let mut imports = static_imports(&read("www/app-shell.js"));
    for module in imports.clone() {
        imports.extend(static_imports(&read(&format!("www/{module}"))));
    }
    assert!(!imports.is_empty(), "the app shell imports its modules");
    let preloaded = module_preloads(&read("www/index.html"));
    let missing: Vec<&String> = imports.difference(&preloaded).collect();
    assert!(
        missing.is_empty(),
        "www/index.html has no modulepreload for {missing:?}"
    );
}

/// Every `part="…"` name in the components' and pages' markup.
fn part_names() -> BTreeSet<String> {
    sources()
        .values()
        .flat_map(|text| {
            text.split("part=\"")
                .skip(1)
                .map(|rest| rest.split('"').next().unwrap_or_default().to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Scope: the `::part()` paragraph of `docs/embedding.md` (the partners' guide to the
/// theming hooks), and every `part="…"` in every file under `src/` (comments included).
#[test]
fn the_embedding_guides_part_list_is_every_part_of_the_widget() {
    let readme = read("docs/embedding.md");
    let start = readme
        .find("`::part()`")
        .expect("docs/embedding.md lists ::part() names");
    let paragraph = &readme[start
        ..readme[start..]
            .find("\n\n")
            .map_or(readme.len(), |end| start + end)];
    let listed: BTreeSet<String> = paragraph
        .split("names:")
        .nth(1)
        .expect("the list follows `names:`")
        .split("e.g.")
        .next()
        .unwrap_or_default()
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert_eq!(listed, part_names());
}

/// The top-level module a source file belongs to (`src/app/load.rs` → `app`).
fn module_of(path: &str) -> String {
    let inner = path.trim_start_matches("src/");
    let first = inner.split('/').next().unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

/// The layers, lowest first: a module may use only modules of its own layer or below.
/// The content model and its pure helpers know nothing of the browser; the glue knows
/// nothing of the components; the composition root sits on top.
const LAYERS: &[&[&str]] = &[
    &["json"],
    &["names", "safe_url", "document"],
    &["model", "render", "markdown"],
    &["preferences", "readability"],
    &["messages"],
    &["config", "source"],
    &["browser"],
    &["components"],
    &["pages", "ssr"],
    &["app", "site"],
    // The build engine uses the site, the server renderer and the checks below it;
    // nothing uses it but the `articles` binary.
    &["mount", "build"],
    &["lib", "main", "bin"],
];

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .unwrap_or_else(|| panic!("module `{module}` has no layer in tests/tidy.rs"))
}

/// The name `rest` starts with, unless it names a macro (`closed_enum!`), which is not
/// a module.
fn leading_name(rest: &str) -> Option<String> {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let is_macro = rest[name.len()..].starts_with('!');
    (!is_macro).then_some(name)
}

/// The first name of each path in the group that `group` opens (the text after its
/// `{`), to its matching `}`: `app, pages::{A, B}}` gives `app` and `pages`. Groups may
/// nest and run over several lines.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut item_start = true;
    for (index, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => item_start = true,
            c if c.is_whitespace() => {}
            _ if item_start && depth == 0 => {
                item_start = false;
                heads.extend(leading_name(&group[index..]));
            }
            _ => {}
        }
    }
    heads
}

/// The first names of the paths that the code of `text` reaches through `prefix`
/// (`crate::` or `super::`): `crate::model::Slug` gives `model`, `use crate::{app,
/// pages::{A, B}};` gives `app` and `pages`. Only lowercase names: a type is not a
/// module.
fn heads_after(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut heads = BTreeSet::new();
    for rest in code(text).split(prefix).skip(1) {
        match rest.strip_prefix('{') {
            Some(group) => heads.extend(group_heads(group)),
            None => heads.extend(leading_name(rest)),
        }
    }
    heads.retain(|name| {
        !name.is_empty()
            && name != "self"
            && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
    });
    heads
}

/// The top-level modules that `text` names through `crate::`, grouped imports included.
fn crate_uses(text: &str) -> BTreeSet<String> {
    heads_after(text, "crate::")
}

/// The library's files: every `.rs` file under `src/` but the binaries', which are
/// crates of their own, whose `crate::` is not the library's.
fn library_sources() -> BTreeMap<String, String> {
    sources()
        .into_iter()
        .filter(|(path, _)| !path.starts_with("src/bin/") && path != "src/main.rs")
        .collect()
}

/// Scope: the `crate::` uses in the code of every file of the library under `src/` (the
/// binaries are crates of their own), against [`LAYERS`].
#[test]
fn modules_use_only_their_own_layer_or_below_so_there_are_no_import_circles() {
    let mut breaches = Vec::new();
    for (path, text) in library_sources() {
        let module = module_of(&path);
        for used in crate_uses(&text) {
            if used != module && layer(&used) >= layer(&module) {
                breaches.push(format!("{path} uses crate::{used}"));
            }
        }
    }
    assert_eq!(breaches, Vec::<String>::new());
}

/// The sibling files a file of a module folder uses through `super::`, grouped imports
/// included.
fn super_uses(text: &str) -> BTreeSet<String> {
    heads_after(text, "super::")
}

/// Scope: the `super::` uses in the code of every file of a folder under `src/` but its
/// `mod.rs` (the module's root, which uses its files by `mod`).
#[test]
fn files_of_a_module_folder_use_each_other_without_circles() {
    // Within each folder, the graph of `super::` uses between sibling files.
    let mut graphs: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (path, text) in sources() {
        let Some((folder, file)) = path.rsplit_once('/') else {
            continue;
        };
        if folder == "src" || file == "mod.rs" || file == "main.rs" {
            continue;
        }
        let name = file.trim_end_matches(".rs").to_owned();
        let siblings: BTreeSet<String> = super_uses(&text)
            .into_iter()
            .filter(|sibling| root().join(folder).join(format!("{sibling}.rs")).exists())
            .collect();
        graphs
            .entry(folder.to_owned())
            .or_default()
            .insert(name, siblings);
    }
    for (folder, graph) in &graphs {
        // Kahn's algorithm: what cannot be ordered is on a circle.
        let mut remaining = graph.clone();
        loop {
            let leaves: Vec<String> = remaining
                .iter()
                .filter(|(_, uses)| uses.iter().all(|used| !remaining.contains_key(used)))
                .map(|(name, _)| name.clone())
                .collect();
            if leaves.is_empty() {
                break;
            }
            for leaf in leaves {
                remaining.remove(&leaf);
            }
        }
        assert!(
            remaining.is_empty(),
            "{folder}: import circle among {:?}",
            remaining.keys()
        );
    }
}

/// Scope: every `.rs` file under `src/`: its length, and the first 12 lines of one over
/// 320 lines (about 300, with some slack), which must say why it is long.
#[test]
fn every_source_file_is_short_or_says_why_it_is_not() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 320)
        .filter(|(_, text)| {
            !text
                .lines()
                .take(12)
                .any(|line| line.contains("Longer than"))
        })
        .map(|(path, text)| format!("{path}: {} lines", text.lines().count()))
        .collect();
    assert_eq!(long, Vec::<String>::new());
}

/// Scope: inline text, then every `.rs` file under `src/`: the readers the rules use.
#[test]
fn the_tidy_checks_themselves_can_fail() {
    let set = |names: &[&str]| -> BTreeSet<String> {
        names.iter().map(|name| name.to_string()).collect()
    };
    // Each reader finds what it looks for, so a rule that passes is not passing blind.
    assert_eq!(
        crate_uses("use crate::browser::dom;\n// crate::app\ncrate::closed_enum! {}\nlet x = crate::model::Slug::parse(\"a\");"),
        set(&["browser", "model"])
    );
    // Grouped imports, nested and over several lines, as rustfmt writes them.
    assert_eq!(
        crate_uses("use crate::{app, pages};\nuse crate::{\n    components::{article_link::{Links, page_link}, pager},\n    config::Page,\n    Widget,\n};\nuse crate::{self as root};"),
        set(&["app", "pages", "components", "config"])
    );
    assert_eq!(
        group_heads("markdown, render::{self, Html}}; use crate::mount;"),
        ["markdown", "render"]
    );
    assert_eq!(
        super_uses(
            "use super::{load::{LoadState, settle}, host::Host};\nuse super::navigation::Trail;"
        ),
        set(&["load", "host", "navigation"])
    );
    // A rule over grouped imports fails where a substring search would not.
    assert!(library_sources()
        .values()
        .any(|text| text.contains("use crate::{") && !crate_uses(text).is_empty()));
    assert!(!part_names().is_empty());
    assert_eq!(
        static_imports("import { a } from './contract.js';\nimport {\n  b,\n} from './early-choice.js';\nimport x from 'https://x.org/y.js';"),
        set(&["contract.js", "early-choice.js"])
    );
    assert_eq!(
        module_preloads("<link rel=\"modulepreload\" href=\"contract.js\" />\n<link rel=\"stylesheet\" href=\"page.css\">"),
        set(&["contract.js"])
    );
    assert!(breaches("src/", &["pub mod"]).len() > 3);
}
