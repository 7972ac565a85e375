//! `cargo xtask`: the project's automation, in Rust so it runs wherever cargo does.
//!
//! ```text
//! cargo xtask serve   install what is missing, build, serve the widget on :8080 and a partner demo on :8081
//! cargo xtask test    install what is missing, run every test: lint, native, browser unit, end to end
//! cargo xtask e2e [FILE…] build dist/ and run only the end-to-end tests (all, or the files
//!                     named) against the same servers as `test`: the quick loop while
//!                     working on one feature
//! cargo xtask dist    build the deployable static site into dist/ (release, wasm-opt),
//!                     with a .br and a .gz beside each text and Wasm file
//! cargo xtask bench   measure the release build; prints a table, writes target/bench/report.md
//!                     (BENCH_ONLY=mount-cycles,… takes only those measurements: benches/bench.mjs;
//!                     BENCH_REUSE_SITE=1 measures the last run's build again, unbuilt)
//! cargo xtask scale N time `articles build` on N generated articles: clean, unchanged,
//!                     one changed; then the search index; peak RSS and sizes, as a
//!                     markdown table
//! ```

// The shipped server configurations are written by their test (UPDATE_DEPLOY_FILES=1).
#[cfg(test)]
mod deploy_files;
mod generate;
mod headers;
mod precompress;
mod scale;
mod server;
mod test_sites;
mod tools;
mod vocabulary;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve   build and serve the widget at http://127.0.0.1:8080, a partner demo at :8081
  test    run every test: lint, native, browser unit (wasm-bindgen-test), end to end
  e2e [FILE...]
          build dist/ and run the end-to-end tests in Chromium (all, or only the files
          named, such as tests/e2e/feed.test.mjs) against the same servers as `test`
  dist [--keep PREVIOUS_DIST]
          build the deployable static site into dist/, with .br and .gz siblings;
          --keep keeps the pinned versions (v/<version>/) of an earlier build
  bench   measure the release build in headless Chromium; writes target/bench/report.md
          (BENCH_ONLY=mount-cycles,... takes only those measurements; see benches/bench.mjs;
          BENCH_REUSE_SITE=1 measures the last run's build again without rebuilding it)
  scale N [--vocabulary realistic|small]
          time `articles build` on N generated synthetic articles (target/scale/N/,
          or N-small/): from nothing, again unchanged, after one change; then the
          search index (articles search-records, Pagefind); peak RSS and sizes; then
          the catalog and its search in Chromium when dist/ is built. Realistic (the
          default): words by Zipf's law over real medical words; small: the stress
          case of a few dozen words";

fn main() {
    if let Err(error) = run() {
        eprintln!("xtask: error: {error:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let root = project_root();
    std::env::set_current_dir(&root).with_context(|| format!("cannot enter {}", root.display()))?;
    let command = std::env::args().nth(1).unwrap_or_default();
    match command.as_str() {
        "serve" => serve(&root),
        "test" => test(&root),
        "e2e" => {
            let toolchain = tools::ensure_build_tools(&root)?;
            tools::ensure_test_tools(&root)?;
            let chosen: Vec<PathBuf> = std::env::args().skip(2).map(PathBuf::from).collect();
            end_to_end(&root, &toolchain, &chosen)
        }
        "dist" => {
            let toolchain = tools::ensure_build_tools(&root)?;
            let keep = match (std::env::args().nth(2).as_deref(), std::env::args().nth(3)) {
                (None, _) => None,
                (Some("--keep"), Some(previous)) => Some(PathBuf::from(previous)),
                _ => bail!("usage: cargo xtask dist [--keep PREVIOUS_DIST]"),
            };
            dist(&toolchain, keep.as_deref())
        }
        "bench" => bench(&root),
        "scale" => {
            let usage = "usage: cargo xtask scale N [--vocabulary realistic|small]";
            let args: Vec<String> = std::env::args().skip(2).collect();
            let count = args
                .first()
                .and_then(|count| count.parse().ok())
                .context(usage)?;
            let vocabulary = match args.get(1..).unwrap_or_default() {
                [] => generate::Vocabulary::Realistic,
                [flag, name] if flag == "--vocabulary" => generate::Vocabulary::parse(name)?,
                _ => bail!(usage),
            };
            scale::scale(&root, count, vocabulary)
        }
        "" | "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

fn project_root() -> PathBuf {
    let xtask_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    xtask_dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or(xtask_dir)
}

/// Announces a step, so that a long run says what it is doing.
pub fn step(message: &str) {
    println!("\n==> {message}");
}

/// Runs a command to completion; a failure names the command.
pub fn run_command(command: &mut Command) -> Result<()> {
    let description = format!("{command:?}");
    let status = command
        .status()
        .with_context(|| format!("cannot start {description}"))?;
    if !status.success() {
        bail!("{description} failed ({status})");
    }
    Ok(())
}

/// The widget's host on :8080 (its own page, `embed.js`, the Wasm, the article data,
/// with CORS), and a demo partner site on :8081 that embeds it by script tag.
fn serve(root: &Path) -> Result<()> {
    let toolchain = tools::ensure_build_tools(root)?;
    step("building the widget (trunk build)");
    run_command(toolchain.command("trunk").arg("build"))?;
    let widget = server::serve_dir(&root.join("dist"), 8080)?;
    let partner = server::serve_dir_with(
        &root.join("www/partner-demo"),
        8081,
        vec![("{{WIDGET_URL}}".into(), widget.url())],
    )?;
    step(&format!(
        "serving the widget's page at {}/ and a partner site embedding it at {}/ (Ctrl-C stops)",
        widget.url(),
        partner.url()
    ));
    step("rebuilding on every change (trunk watch)");
    run_command(toolchain.command("trunk").arg("watch"))
}

/// Builds the release site into dist/; with `keep`, the pinned versions of that earlier
/// build (its `v/<version>/` folders) stay in the new one, for the partners pinned to them.
fn dist(toolchain: &tools::Toolchain, keep: Option<&Path>) -> Result<()> {
    step("building the release site into dist/ (trunk build --release, wasm-opt -Oz)");
    // Trunk replaces dist/ whole: the earlier build is copied aside first when it is
    // the one to keep versions from.
    let kept_copy = match keep {
        Some(previous) if previous.canonicalize().ok() == Path::new("dist").canonicalize().ok() => {
            let copy = PathBuf::from("target/previous-dist");
            fresh_copy(previous, &copy)?;
            Some(copy)
        }
        Some(previous) => Some(previous.to_path_buf()),
        None => None,
    };
    run_command(toolchain.command("trunk").args(["build", "--release"]))?;
    if let Some(previous) = kept_copy {
        step(&format!(
            "keeping the pinned versions of {}",
            previous.display()
        ));
        run_command(
            toolchain
                .command("node")
                .arg("xtask/keep-versions.mjs")
                .arg(&previous)
                .arg("dist"),
        )?;
    }
    let mut total = 0;
    for entry in std::fs::read_dir("dist").context("dist/ was not written")? {
        let path = entry?.path();
        if path.is_file() {
            let size = std::fs::metadata(&path)?.len();
            total += size;
            println!("  {:>9} bytes  {}", size, path.display());
        }
    }
    println!("  {total:>9} bytes  in dist/ (article data in dist/articles/)");
    let (search_bytes, search_files) = scale::tree_size(Path::new("dist/articles/search"))
        .context("the search index, dist/articles/search/, was not written")?;
    println!("  {search_bytes:>9} bytes  in dist/articles/search/, the search index ({search_files} files)");
    precompress(Path::new("dist"))
}

/// Writes the `.br` and `.gz` siblings of `site`'s text and Wasm files, and says how
/// much they weigh.
fn precompress(site: &Path) -> Result<()> {
    step(&format!(
        "precompressing {} (brotli 11, gzip 9)",
        site.display()
    ));
    let summary = precompress::precompress_site(site)?;
    println!(
        "  {} text and Wasm files, {} bytes: {} bytes as .br, {} bytes as .gz",
        summary.files, summary.raw_bytes, summary.brotli_bytes, summary.gzip_bytes
    );
    Ok(())
}

fn test(root: &Path) -> Result<()> {
    let toolchain = tools::ensure_build_tools(root)?;
    tools::ensure_test_tools(root)?;
    let engines = tools::ensure_engines(&toolchain)?;

    step("lint: cargo fmt --check, cargo clippy -D warnings");
    run_command(
        toolchain
            .command("cargo")
            .args(["fmt", "--all", "--", "--check"]),
    )?;
    run_command(toolchain.command("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The Wasm build has code of its own (the browser glue's wasm32 paths), in the full
    // app and in the article-only Wasm, the crate without its `catalog` feature (build.rs).
    for features in [&[][..], &["--no-default-features"][..]] {
        run_command(
            toolchain
                .command("cargo")
                .args([
                    "clippy",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--lib",
                    "--bins",
                ])
                .args(features)
                .args(["--", "-D", "warnings"]),
        )?;
    }

    step("loader unit tests: node's test runner on www/loader/ (options, first paint, origins)");
    run_command(toolchain.command("node").args(["--test", "tests/loader/"]))?;

    step("native tests: content model, checks, renderer, components (SSR), CommonMark spec");
    // --show-output prints what passing tests report, such as the CommonMark pass count.
    run_command(
        toolchain
            .command("cargo")
            .args(["test", "--workspace", "--", "--show-output"]),
    )?;

    let article_data = root.join("target/article-data");
    run_command(
        articles_cli(&toolchain)
            .args(["build", "articles"])
            .arg(&article_data),
    )?;
    let data_server = server::serve_dir(&article_data, 0)?;
    // wasm-bindgen-test-runner drives the browser whose driver variable is set.
    let unit_test_browsers = [
        (
            "Chromium",
            "CHROMEDRIVER",
            PathBuf::from(tools::CHROMEDRIVER),
        ),
        ("Firefox", "GECKODRIVER", engines.geckodriver.clone()),
    ];
    for (browser, driver_variable, driver) in unit_test_browsers {
        step(&format!(
            "browser unit tests: wasm-bindgen-test in headless {browser}"
        ));
        let started = Instant::now();
        // One cargo run per test file: each is its own page in its own browser session.
        for test_file in ["browser", "storage"] {
            run_command(
                toolchain
                    .command("cargo")
                    .args([
                        "test",
                        "--target",
                        "wasm32-unknown-unknown",
                        "--test",
                        test_file,
                    ])
                    .env(
                        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                        "wasm-bindgen-test-runner",
                    )
                    .env_remove("CHROMEDRIVER")
                    .env_remove("GECKODRIVER")
                    .env(driver_variable, &driver)
                    .env(
                        "ARTICLE_WIDGET_TEST_DATA_URL",
                        format!("{}/", data_server.url()),
                    ),
            )?;
        }
        took(browser, started);
    }

    end_to_end(root, &toolchain, &[])?;
    firefox_and_webkit(root, &toolchain, &engines)?;
    step("all tests passed");
    Ok(())
}

/// Builds dist/ and the test sites, serves them, and runs the end-to-end tests in
/// Chromium: the files of `chosen`, or every `tests/e2e/*.test.mjs` when it is empty.
fn end_to_end(root: &Path, toolchain: &tools::Toolchain, chosen: &[PathBuf]) -> Result<()> {
    dist(toolchain, None)?;
    step("end-to-end tests: playwright-core driving Chromium against dist/ and partner pages on another origin");
    let site = server::serve_dir(&root.join("dist"), 0)?;
    let partner = server::serve_dir_with(
        &root.join("tests/e2e/partner"),
        0,
        vec![("{{WIDGET_URL}}".into(), site.url())],
    )?;
    // Articles in states the real catalog does not have (approved, overdue), with a
    // publisher of their own.
    let fixture_data = root.join("target/e2e-fixtures");
    run_command(
        articles_cli(toolchain)
            .args(["build", "tests/e2e/fixtures/articles"])
            .arg(&fixture_data),
    )?;
    // The same articles as a static site, prerendered by the build from this build's
    // shell, with their search index: what a reader without scripts, a crawler and a
    // partner's first paint get.
    let fixture_site = root.join("target/e2e-fixture-site");
    test_sites::site_of(
        toolchain,
        root,
        &root.join("tests/e2e/fixtures/articles"),
        &fixture_site,
        true,
    )?;
    let fixture_site_server = server::serve_dir(&fixture_site, 0)?;
    // A catalog of several pages, of generated articles.
    let paged_site = test_sites::paged_site(toolchain, root)?;
    let paged_site_server = server::serve_dir(&paged_site, 0)?;
    // The real site, written for its test server's own address, for Lighthouse: its
    // canonical links, sitemap and robots.txt name the host it audits.
    let lighthouse_site = root.join("target/e2e-lighthouse-site");
    fresh_copy(&root.join("dist"), &lighthouse_site)?;
    let lighthouse_server = server::serve_dir(&lighthouse_site, 0)?;
    run_command(
        articles_cli(toolchain)
            .args(["site", "--site-url"])
            .arg(format!("{}/", lighthouse_server.url()))
            .arg("articles")
            .arg(&lighthouse_site),
    )?;
    precompress(&lighthouse_site)?;
    let e2e_files = if chosen.is_empty() {
        test_files(&root.join("tests/e2e"))?
    } else {
        chosen.to_vec()
    };
    run_command(
        toolchain
            .command("node")
            .arg("--test")
            .arg("--test-concurrency=1")
            .args(&e2e_files)
            .env("WIDGET_URL", site.url())
            .env("PARTNER_URL", partner.url())
            // The app and save tests serve copies of the site themselves (tests/e2e/site-copy.mjs),
            // to deploy a new build or to take the server away.
            .env("SITE_DIR", root.join("dist"))
            .env("FIXTURE_DATA_DIR", &fixture_data)
            .env("FIXTURE_SITE_URL", fixture_site_server.url())
            .env("PAGED_SITE_URL", paged_site_server.url())
            .env(
                "LIGHTHOUSE_SITE_URL",
                format!("{}/", lighthouse_server.url()),
            )
            .env("CHROMIUM", tools::CHROMIUM)
            // tests/e2e/deploy.test.mjs runs them on the shipped configurations.
            .env("NGINX", tools::NGINX)
            .env("CADDY", tools::CADDY),
    )?;
    Ok(())
}

/// The end-to-end subset that runs in Firefox and WebKit, against a dist/ already built.
fn firefox_and_webkit(
    root: &Path,
    toolchain: &tools::Toolchain,
    engines: &tools::Engines,
) -> Result<()> {
    let site = server::serve_dir(&root.join("dist"), 0)?;
    let partner = server::serve_dir_with(
        &root.join("tests/e2e/partner"),
        0,
        vec![("{{WIDGET_URL}}".into(), site.url())],
    )?;
    step("end-to-end subset in Firefox and WebKit: WebDriver (selenium-webdriver), WebKit under Xvfb");
    let started = Instant::now();
    run_command(
        toolchain
            .command(&engines.xvfb_run.to_string_lossy())
            // A free display number, so that concurrent runs never share one.
            .args(["--auto-servernum", "--server-args=-screen 0 1280x1024x24"])
            .arg("node")
            .arg("--test")
            .arg("--test-concurrency=1")
            .args(test_files(&root.join("tests/engines"))?)
            .env("WIDGET_URL", site.url())
            .env("PARTNER_URL", partner.url())
            // The offline tests serve copies of the site and of the partner pages.
            .env("SITE_DIR", root.join("dist"))
            .env("FIREFOX", &engines.firefox)
            .env("GECKODRIVER", &engines.geckodriver)
            .env("WEBKIT_WEBDRIVER", &engines.webkit_webdriver)
            .env("MINIBROWSER", &engines.minibrowser),
    )?;
    took("the Firefox and WebKit subset", started);
    Ok(())
}

/// Builds the release site into target/bench/dist (never dist/, which the tests rebuild
/// meanwhile), adds a generated 1 MB article, the peer widget and the floor pages beside
/// it, measures the native renderer with criterion, serves everything and runs
/// `benches/bench.mjs`, which writes the one table of target/bench/report.md.
fn bench(root: &Path) -> Result<()> {
    let toolchain = tools::ensure_build_tools(root)?;
    tools::ensure_test_tools(root)?;
    tools::ensure_bench_tools(&toolchain)?;
    let bench_dir = root.join("target/bench");
    let site = bench_dir.join("site");
    let partner_pages = bench_dir.join("partner");
    // BENCH_REUSE_SITE=1 measures the sites an earlier run prepared again, without the
    // ten minutes of building and compressing them: for a measurement's own changes.
    if std::env::var("BENCH_REUSE_SITE").is_ok_and(|value| value == "1") && site.is_dir() {
        step("reusing target/bench/site and target/bench/partner (BENCH_REUSE_SITE=1)");
        return measure(root, &toolchain, &bench_dir, &site, &partner_pages);
    }
    let release = bench_dir.join("dist");
    step("building the release site into target/bench/dist (trunk build --release, wasm-opt -Oz)");
    // A cargo target directory of its own: Trunk writes the Wasm through fixed paths
    // under it (wasm-bindgen's output), which a concurrent `cargo xtask test` or `dist`
    // would overwrite while this build reads them.
    run_command(
        toolchain
            .command("trunk")
            .args(["build", "--release", "--dist"])
            .arg(&release)
            .env("CARGO_TARGET_DIR", bench_dir.join("cargo-target")),
    )?;
    twiggy_top(&toolchain, &bench_dir)?;

    step("preparing the benchmark sites: a generated 1 MB article, the peer, the floor pages");
    let sources = bench_dir.join("articles");
    fresh_copy(&release, &site)?;
    fresh_copy(&root.join("articles"), &sources)?;
    fresh_copy(&root.join("benches/partner"), &partner_pages)?;
    run_command(
        toolchain
            .command("node")
            .arg("benches/generate-article.mjs")
            .arg(&sources),
    )?;
    // The widget's data, and the peer's: the same articles, each variant as markdown.
    for (command, out) in [("build", "articles"), ("markdown", "peer/articles")] {
        run_command(
            toolchain
                .command("cargo")
                .args(["run", "--quiet", "--release", "--bin", "articles", "--"])
                .arg(command)
                .arg(&sources)
                .arg(site.join(out)),
        )?;
    }
    // The generated article's prerendered pages too, as a build with it would write
    // them: the sanitizer's measurement cleans its partner fragment.
    run_command(
        toolchain
            .command("cargo")
            .args([
                "run",
                "--quiet",
                "--release",
                "--bin",
                "articles",
                "--",
                "site",
            ])
            .arg(&sources)
            .arg(&site),
    )?;
    run_command(
        toolchain
            .command("node")
            .arg("benches/prepare-site.mjs")
            .arg(&site)
            .arg(&partner_pages),
    )?;
    // As dist/ is deployed: every text and Wasm file with its .br and .gz, the peer's
    // too, so that both implementations download what a real host would send.
    precompress(&site)?;

    // Reads the peer's markdown just written under target/bench/site/peer/articles.
    if bench_measures("parse") {
        step("native renderer throughput (cargo bench --bench renderer, criterion)");
        run_command(
            toolchain
                .command("cargo")
                .args(["bench", "--bench", "renderer"]),
        )?;
    }

    measure(root, &toolchain, &bench_dir, &site, &partner_pages)
}

/// Serves the prepared sites and runs `benches/bench.mjs` against them.
fn measure(
    root: &Path,
    toolchain: &tools::Toolchain,
    bench_dir: &Path,
    site: &Path,
    partner_pages: &Path,
) -> Result<()> {
    step("measuring in headless Chromium (benches/bench.mjs)");
    let server = server::serve_dir(site, 0)?;
    let partner = server::serve_dir_with(
        partner_pages,
        0,
        vec![("{{WIDGET_URL}}".into(), server.url())],
    )?;
    run_command(
        toolchain
            .command("node")
            .arg("benches/bench.mjs")
            .env("BENCH_URL", server.url())
            .env("BENCH_PARTNER_URL", partner.url())
            .env("BENCH_SITE", site)
            .env("BENCH_PARTNER_DIR", partner_pages)
            .env("BENCH_CRITERION", root.join("target/criterion"))
            .env("BENCH_REPORT", bench_dir.join("report.md"))
            .env("CHROMIUM", tools::CHROMIUM),
    )
}

/// Writes target/bench/twiggy-top.txt: the 20 items that weigh most in the release Wasm,
/// by name. It reads wasm-bindgen's output, which Trunk leaves under the bench's cargo
/// target directory: the Wasm in dist/ has been through `wasm-opt -Oz`, which strips
/// the names twiggy needs, so the sizes are before wasm-opt's (and include the names
/// section, the list's first line).
fn twiggy_top(toolchain: &tools::Toolchain, bench_dir: &Path) -> Result<()> {
    let bindgen_dir = bench_dir.join("cargo-target/wasm-bindgen/release");
    let wasm = std::fs::read_dir(&bindgen_dir)
        .with_context(|| {
            format!(
                "cannot read wasm-bindgen's output, {}",
                bindgen_dir.display()
            )
        })?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .find(|path| path.to_string_lossy().ends_with("_bg.wasm"))
        .with_context(|| format!("no *_bg.wasm in {}", bindgen_dir.display()))?;
    let report = bench_dir.join("twiggy-top.txt");
    step(&format!(
        "the Wasm's top 20 by size (twiggy top, before wasm-opt) into {}",
        report.display()
    ));
    run_command(
        toolchain
            .command("twiggy")
            .args(["top", "-n", "20", "-o"])
            .arg(&report)
            .arg(&wasm),
    )
}

/// Whether the benchmark takes `measurement`: all of them, unless `BENCH_ONLY` names
/// some (see benches/bench.mjs, which reads it too).
fn bench_measures(measurement: &str) -> bool {
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    let named: Vec<&str> = only
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .collect();
    named.is_empty() || named.contains(&measurement)
}

/// `cargo run --bin articles --`, the authoring CLI, with the project's tools on PATH.
fn articles_cli(toolchain: &tools::Toolchain) -> std::process::Command {
    let mut command = toolchain.command("cargo");
    command.args(["run", "--quiet", "--bin", "articles", "--"]);
    command
}

/// `to` made a copy of `from`, whatever it held before.
fn fresh_copy(from: &Path, to: &Path) -> Result<()> {
    if to.exists() {
        std::fs::remove_dir_all(to).with_context(|| format!("cannot clear {}", to.display()))?;
    }
    copy_dir(from, to)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for entry in
        std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))?
    {
        let path = entry?.path();
        let destination = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &destination)?;
        } else {
            std::fs::copy(&path, &destination).with_context(|| {
                format!(
                    "cannot copy {} to {}",
                    path.display(),
                    destination.display()
                )
            })?;
        }
    }
    Ok(())
}

/// Says how long the steps since `started` took, for the CI time budget.
fn took(what: &str, started: Instant) {
    let seconds = started.elapsed().as_secs();
    println!("  {what}: {}m{:02}s", seconds / 60, seconds % 60);
}

/// The node test files (`*.test.mjs`) of `dir`, sorted.
fn test_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no tests (*.test.mjs) in {}", dir.display());
    }
    Ok(files)
}
