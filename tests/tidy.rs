//! Tidy tests, after rust-analyzer's: they read the sources and fail when an invariant
//! of ARCHITECTURE.md breaks, so the rules live in tests, not only in prose.

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

#[test]
fn the_browser_glue_is_a_leaf_that_imports_no_app_component_or_page() {
    let upward = [
        "crate::app",
        "crate::components",
        "crate::pages",
        "crate::mount",
    ];
    assert_eq!(breaches("src/browser/", &upward), []);
    // Nor do the components import the pages or the app above them.
    assert_eq!(
        breaches(
            "src/components/",
            &["crate::app", "crate::pages", "crate::mount"]
        ),
        []
    );
    assert_eq!(breaches("src/pages/", &["crate::app", "crate::mount"]), []);
}

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
        "src/config.rs",
    ] {
        assert_eq!(breaches(file, &browser), [], "{file} is plain Rust");
    }
}

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

/// The generated files: the contract, and the loader's first-paint cases.
fn generated() -> [(&'static str, String); 2] {
    use article_widget::site::contract;
    [
        (contract::CONTRACT_PATH, contract::module()),
        (contract::CASES_PATH, contract::first_paint_cases()),
    ]
}

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
    let module = article_widget::site::contract::module();
    let mut values = BTreeSet::new();
    for line in module.lines() {
        let Some((_, value)) = line
            .strip_prefix("export const ")
            .and_then(|rest| rest.split_once(" = "))
        else {
            continue;
        };
        let json = value
            .strip_prefix("Object.freeze(")
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
        "xtask/build-service-worker.mjs".to_owned(),
    ]);
    scripts
}

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

#[test]
fn pagefind_is_told_the_one_language_every_search_record_says_it_is_in() {
    use article_widget::site::search::INDEX_LANGUAGE;
    // A record in another language would go into an index of its own, which the
    // widget's search would not look in.
    let script = read("xtask/build-search-index.mjs");
    assert_eq!(quoted_on_line(&script, "forceLanguage"), INDEX_LANGUAGE);
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

#[test]
fn the_readmes_part_list_is_every_part_of_the_widget() {
    let readme = read("README.md");
    let start = readme
        .find("`::part()`")
        .expect("the README lists ::part() names");
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
    &["mount"],
    &["lib", "main", "bin"],
];

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .unwrap_or_else(|| panic!("module `{module}` has no layer in tests/tidy.rs"))
}

/// The top-level modules that `text` names through `crate::`.
fn crate_uses(text: &str) -> BTreeSet<String> {
    code(text)
        .split("crate::")
        .skip(1)
        // A macro (`crate::closed_enum!`) is not a module.
        .filter_map(|rest| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let is_macro = rest[name.len()..].starts_with('!');
            (!is_macro).then_some(name)
        })
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}

#[test]
fn modules_use_only_their_own_layer_or_below_so_there_are_no_import_circles() {
    let mut breaches = Vec::new();
    // The binaries are crates of their own: their `crate::` is not the library's.
    let library = sources()
        .into_iter()
        .filter(|(path, _)| !path.starts_with("src/bin/") && path != "src/main.rs");
    for (path, text) in library {
        let module = module_of(&path);
        for used in crate_uses(&text) {
            if used != module && layer(&used) >= layer(&module) {
                breaches.push(format!("{path} uses crate::{used}"));
            }
        }
    }
    assert_eq!(breaches, Vec::<String>::new());
}

/// The sibling files a file of a module folder uses through `super::`.
fn super_uses(text: &str) -> BTreeSet<String> {
    let code = code(text);
    let mut used = BTreeSet::new();
    for rest in code.split("super::").skip(1) {
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            used.extend(group.split(',').map(|item| {
                item.trim()
                    .split("::")
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            }));
        } else {
            used.insert(
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    used.retain(|name| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
    });
    used
}

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

#[test]
fn the_tidy_checks_themselves_can_fail() {
    // Each reader finds what it looks for, so a rule that passes is not passing blind.
    assert_eq!(
        crate_uses("use crate::browser::dom;\n// crate::app\ncrate::closed_enum! {}\nlet x = crate::model::Slug::parse(\"a\");"),
        BTreeSet::from(["browser".to_owned(), "model".to_owned()])
    );
    assert_eq!(
        super_uses("use super::{load::LoadState, host::Host};\nuse super::navigation::Trail;"),
        BTreeSet::from([
            "load".to_owned(),
            "host".to_owned(),
            "navigation".to_owned()
        ])
    );
    assert!(!part_names().is_empty());
    assert!(breaches("src/", &["pub mod"]).len() > 3);
}
