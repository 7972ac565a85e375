//! `articles`: the authoring CLI.
//!
//! ```text
//! articles check [DIR]      validate every article (default DIR: articles)
//! articles build [DIR] OUT  write the catalog (index.json, its first page, then
//!                            catalog/<n>.json) and one <slug>.json per article into
//!                            OUT, only what changed since the last build there
//! articles site [DIR] SITE  prerender the static site into SITE, a built site
//! articles search-records [DIR] OUT
//!                            one JSON line per article into the file OUT: its record
//!                            of the full-text index, for xtask/build-search-index.mjs
//! articles md               markdown on stdin -> the widget's HTML on stdout
//! articles markdown [DIR] OUT  one <slug>.json per article with each variant's
//!                            markdown instead of its parsed body (the bench's peer)
//! ```

#[cfg(target_arch = "wasm32")]
fn main() {
    // The CLI reads files and stdin: it has nothing to do inside a browser.
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let code = cli::main();
    // For `cargo xtask scale` and the memory test: what the whole run held at most, and
    // the processor time of all its threads (which a busy machine's wall time hides),
    // read once all the work is done.
    if std::env::var_os("ARTICLES_RESOURCE_USAGE").is_some() {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let peak = status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .map_or("unknown", str::trim);
        eprintln!("articles: peak RSS {peak}");
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        // After the command's name in parentheses: utime and stime are the 12th and
        // 13th fields, in ticks of USER_HZ, which Linux fixes at 100 per second.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
        let ticks = |index: usize| {
            fields
                .get(index)
                .and_then(|field| field.parse::<u64>().ok())
        };
        if let (Some(user), Some(system)) = (ticks(11), ticks(12)) {
            eprintln!("articles: CPU time {:.2} s", (user + system) as f64 / 100.0);
        }
    }
    code
}

// Beside the binary, not in `src/bin/`, where Cargo would take it for a binary of its own.
#[cfg(not(target_arch = "wasm32"))]
#[path = "articles/workflow.rs"]
mod workflow;

#[cfg(not(target_arch = "wasm32"))]
#[path = "articles/site.rs"]
mod site;

#[cfg(not(target_arch = "wasm32"))]
#[path = "articles/build.rs"]
mod build;

#[cfg(not(target_arch = "wasm32"))]
#[path = "articles/manifest.rs"]
mod manifest;

#[cfg(not(target_arch = "wasm32"))]
#[path = "articles/pages.rs"]
mod pages;

#[cfg(not(target_arch = "wasm32"))]
#[path = "articles/sources.rs"]
mod sources;

#[cfg(not(target_arch = "wasm32"))]
#[path = "articles/search.rs"]
mod search;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Read;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use article_widget::source::{self, Report};

    const USAGE: &str = "usage:
  articles check [--strict] [DIR]
                             validate every article in DIR (default: articles);
                             --strict: warnings (an overdue review, a hard patient
                             variant, an uncited reference) fail too
  articles readability [DIR] the Flesch-Kincaid grade of each article's variants,
                             as a markdown table
  articles new SLUG --question TEXT [--dir DIR]
                             scaffold a submitted article with the three audiences
  articles review SLUG --status submitted|under-review|approved
                       [--reviewer NAME --credentials TEXT] [--date YYYY-MM-DD] [--dir DIR]
                             move an article's review on, in place, keeping its
                             formatting and comments; nothing is written if the
                             result fails the checks
  articles build [DIR] OUT   validate, then write OUT/index.json (the catalog's first
                             page), OUT/catalog/<n>.json and OUT/<slug>.json;
                             into an OUT built before, only what changed since
  articles site [--site-url URL DIR] [DIR] SITE
                             validate, then prerender the static site into SITE, a
                             site Trunk built (its index.html is the pages' template);
                             --site-url: serve it from URL, not publisher.toml's
                             site_url (a test server, a staging host)
  articles search-records [DIR] OUT
                             validate, then write into the file OUT one JSON line per
                             article: its record of the full-text index, which
                             xtask/build-search-index.mjs gives Pagefind
  articles md                read markdown on stdin, print the widget's HTML
  articles markdown [DIR] OUT  like build, but each variant as its markdown (for
                             a JavaScript renderer such as the benchmark's peer)";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let result = match args.as_slice() {
            ["check"] => check(Path::new("articles"), false),
            ["check", "--strict"] => check(Path::new("articles"), true),
            ["check", "--strict", dir] => check(Path::new(dir), true),
            ["check", dir] => check(Path::new(dir), false),
            ["readability"] => readability(Path::new("articles")),
            ["readability", dir] => readability(Path::new(dir)),
            ["build", out] => crate::build::build(Path::new("articles"), Path::new(out)),
            ["build", dir, out] => crate::build::build(Path::new(dir), Path::new(out)),
            ["site", site] => write_site(Path::new("articles"), Path::new(site), None),
            ["site", dir, site] => write_site(Path::new(dir), Path::new(site), None),
            ["site", "--site-url", url, dir, site] => {
                write_site(Path::new(dir), Path::new(site), Some(url))
            }
            ["search-records", out] => {
                crate::search::write_records(Path::new("articles"), Path::new(out))
            }
            ["search-records", dir, out] => {
                crate::search::write_records(Path::new(dir), Path::new(out))
            }
            ["new", rest @ ..] => crate::workflow::new(rest),
            ["review", rest @ ..] => crate::workflow::review(rest),
            ["md"] => md(),
            ["markdown", out] => markdown(Path::new("articles"), Path::new(out)),
            ["markdown", dir, out] => markdown(Path::new(dir), Path::new(out)),
            ["help" | "--help" | "-h"] => {
                println!("{USAGE}");
                Ok(true)
            }
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        };
        match result {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(message) => {
                eprintln!("articles: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn checked(dir: &Path) -> Result<Report, String> {
        let report = source::check_dir(dir, source::today())
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
        for diagnostic in &report.diagnostics {
            eprintln!("{diagnostic}");
        }
        Ok(report)
    }

    /// Checks `dir` on every core, keeping of each article only its record: memory
    /// stays bounded whatever the size of the catalog.
    fn check(dir: &Path, strict: bool) -> Result<bool, String> {
        let scan = source::scan_dir(dir, source::today())
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
        let mut diagnostics = 0;
        for diagnostic in scan.diagnostics() {
            eprintln!("{diagnostic}");
            diagnostics += 1;
        }
        if scan.has_errors() {
            return Ok(false);
        }
        if strict && diagnostics > 0 {
            eprintln!("articles: --strict: warnings count as errors");
            return Ok(false);
        }
        println!(
            "checked {} article(s) in {}: no errors",
            scan.article_count(),
            dir.display()
        );
        Ok(true)
    }

    /// The report of `dir` when it has no error, with `out` created to write it into;
    /// `None` (and nothing written) when it has errors.
    fn checked_for_writing(dir: &Path, out: &Path) -> Result<Option<Report>, String> {
        let report = checked(dir)?;
        if report.has_errors() {
            eprintln!("articles: nothing written to {}", out.display());
            return Ok(None);
        }
        std::fs::create_dir_all(out)
            .map_err(|error| format!("cannot create {}: {error}", out.display()))?;
        Ok(Some(report))
    }

    fn write_site(dir: &Path, site: &Path, site_url: Option<&str>) -> Result<bool, String> {
        if let Some(url) = site_url {
            let is_http = url.starts_with("https://") || url.starts_with("http://");
            if !is_http || !url.ends_with('/') {
                return Err(format!(
                    "--site-url `{url}`: an absolute http(s) URL ending in `/`"
                ));
            }
        }
        crate::site::write(dir, site, site_url)
    }

    /// The article data as `build` writes it, but each variant as markdown: what a
    /// renderer of markdown, not of the widget's documents, needs.
    fn markdown(dir: &Path, out: &Path) -> Result<bool, String> {
        let Some(report) = checked_for_writing(dir, out)? else {
            return Ok(false);
        };
        for article in &report.articles {
            let mut json = serde_json::to_value(article)
                .map_err(|error| format!("cannot encode {}: {error}", article.slug))?;
            let markdown = report.markdown.get(article.slug.as_str());
            json["variants"] = serde_json::to_value(markdown)
                .map_err(|error| format!("cannot encode {}: {error}", article.slug))?;
            write_json(&out.join(format!("{}.json", article.slug)), &json)?;
        }
        println!(
            "wrote the markdown of {} article(s) from {} into {}",
            report.articles.len(),
            dir.display(),
            out.display()
        );
        Ok(true)
    }

    fn readability(dir: &Path) -> Result<bool, String> {
        let report = checked(dir)?;
        if report.has_errors() {
            return Ok(false);
        }
        print!("{}", article_widget::readability::table(&report.articles));
        Ok(true)
    }

    fn write_json(path: &PathBuf, value: &impl serde::Serialize) -> Result<(), String> {
        let json = serde_json::to_string(value)
            .map_err(|error| format!("cannot encode {}: {error}", path.display()))?;
        std::fs::write(path, json)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))
    }

    fn md() -> Result<bool, String> {
        let mut markdown = String::new();
        std::io::stdin()
            .read_to_string(&mut markdown)
            .map_err(|error| format!("cannot read stdin: {error}"))?;
        println!("{}", article_widget::ssr::markdown_to_html(&markdown));
        Ok(true)
    }
}
