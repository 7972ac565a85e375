//! `cargo xtask scale N`: how `articles build` copes with a catalog of N generated
//! articles (target/scale/<N>/articles): a clean build, a rebuild with nothing changed
//! and a rebuild after one article changed, each timed, with the process's peak
//! resident memory and processor time as `articles` itself reads them
//! (`ARTICLES_RESOURCE_USAGE`: VmHWM and utime + stime from /proc/self), the output's
//! size and the first page's (`index.json`), raw and gzipped as served. Then the
//! full-text index: `articles search-records` and Pagefind's indexing of its records
//! (`xtask/build-search-index.mjs`, which reports node's and Pagefind's process's peak
//! RSS and processor time), and the index's size on disk.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{bail, Context, Result};

use crate::{generate, run_command, step, tools};

/// The fixed list of real queries the browser's measurement types, one a line.
const QUERIES_FILE: &str = "benches/search-queries.txt";

/// What one run of the CLI cost.
struct Run {
    took: Duration,
    /// The processor time of all its threads: what the run cost, whatever else the
    /// machine was doing meanwhile; `None` where it could not be read.
    cpu: Option<f64>,
    peak_rss_kb: Option<u64>,
}

pub fn scale(root: &Path, count: usize, vocabulary: generate::Vocabulary) -> Result<()> {
    let toolchain = tools::ensure_node_tools(root)?;
    let dir = root.join("target/scale").join(match vocabulary {
        generate::Vocabulary::Realistic => count.to_string(),
        generate::Vocabulary::Small => format!("{count}-small"),
    });
    if vocabulary == generate::Vocabulary::Realistic {
        tools::ensure_debian_packages(&[(
            crate::vocabulary::MEDICAL_WORDS,
            crate::vocabulary::MEDICAL_WORDS_PACKAGE,
        )])?;
    }
    let sources = dir.join("articles");
    // The generator's output is the same for the same N and the same generator, so it
    // is written once per version of the generator.
    let generated = dir.join("generated");
    let version = format!(
        "generator {}, {} vocabulary\n",
        generate::VERSION,
        vocabulary.name()
    );
    if std::fs::read_to_string(&generated).ok().as_deref() != Some(version.as_str()) {
        step(&format!(
            "generating {count} synthetic articles ({} vocabulary) into {}",
            vocabulary.name(),
            sources.display()
        ));
        let started = Instant::now();
        let _ = std::fs::remove_dir_all(&sources);
        generate::articles_in(root, &sources, count, vocabulary)?;
        std::fs::write(&generated, version)?;
        println!("  generated in {:.1} s", started.elapsed().as_secs_f64());
    }

    step("building the articles CLI (cargo build --release --bin articles)");
    run_command(Command::new("cargo").args(["build", "--release", "--bin", "articles"]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let articles = root.join(target).join("release/articles");

    let out = dir.join("out");
    let _ = std::fs::remove_dir_all(&out);
    step("articles check");
    let check = measure(&articles, &["check".as_ref(), sources.as_os_str()])?;
    step("articles build, from nothing");
    let build_args = ["build".as_ref(), sources.as_os_str(), out.as_os_str()];
    let clean = measure(&articles, &build_args)?;
    let (output_bytes, files) = folder_size(&out)?;
    let index = std::fs::read(out.join("index.json"))?;
    let index_gzip = gzip_size(&index)?;
    let pages = match std::fs::read_dir(out.join("catalog")) {
        Ok(listing) => listing.count(),
        Err(_) => 0,
    };

    step("articles build again, nothing changed");
    let before = modification_times(&out)?;
    let unchanged = measure(&articles, &build_args)?;
    let rewritten = changed_files(&before, &out)?;

    step("articles build after one article changed");
    let one = sources.join(format!("{}.md", generate::slug(count / 2)));
    let mut text = std::fs::read_to_string(&one)?;
    text.push_str(&format!(
        "\nEdited for the rebuild at {:?}.\n",
        SystemTime::now()
    ));
    std::fs::write(&one, text)?;
    let before = modification_times(&out)?;
    let one_changed = measure(&articles, &build_args)?;
    let rewritten_after_one = changed_files(&before, &out)?;

    step("articles search-records");
    let records = dir.join("search-records.jsonl");
    let search_records = measure(
        &articles,
        &[
            "search-records".as_ref(),
            sources.as_os_str(),
            records.as_os_str(),
        ],
    )?;
    let records_bytes = std::fs::metadata(&records)?.len();
    step("Pagefind's index of the records (xtask/build-search-index.mjs)");
    // The site the browser measures: this build's dist/ (when built), its article data
    // the generated catalog's (a link to the build's output, not a copy of it), with
    // the index written beside that data, where the widget looks for it.
    let site = dir.join("site");
    let _ = std::fs::remove_dir_all(&site);
    let dist = root.join("dist");
    let in_browser = dist.join("shell.html").is_file();
    if in_browser {
        crate::fresh_copy(&dist, &site)?;
        std::fs::remove_dir_all(site.join("articles"))?;
        std::os::unix::fs::symlink(&out, site.join("articles"))?;
    } else {
        std::fs::create_dir_all(&site)?;
    }
    let indexing = measure_indexing(&toolchain, root, &site, &records)?;
    let (search_bytes, search_files) = tree_size(&site.join("articles/search"))?;

    let mb = |bytes: u64| bytes as f64 / 1_000_000.0;
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    println!("\n{cores} cores; load average at the end {}", load.trim());
    println!("\n| {count} articles | wall time | CPU time | peak RSS |");
    println!("| --- | ---: | ---: | ---: |");
    for (what, run) in [
        ("`articles check`".to_string(), &check),
        ("`articles build`, from nothing".to_string(), &clean),
        (
            format!("`build` again, nothing changed ({rewritten} files rewritten)"),
            &unchanged,
        ),
        (
            format!("`build` after one article changed ({rewritten_after_one} files rewritten)"),
            &one_changed,
        ),
        ("`articles search-records`".to_string(), &search_records),
        (
            "Pagefind's index of the records (node + Pagefind's process)".to_string(),
            &indexing,
        ),
    ] {
        let cpu = run.cpu.map_or("?".into(), |cpu| format!("{cpu:.2} s"));
        let rss = run
            .peak_rss_kb
            .map_or("?".into(), |kb| format!("{:.0} MB", kb as f64 / 1000.0));
        println!(
            "| {what} | {:.2} s | {cpu} | {rss} |",
            run.took.as_secs_f64()
        );
    }
    println!(
        "\noutput: {files} files, {:.1} MB; index.json (the first page) {:.1} KB, {:.1} KB gzip; {pages} more pages in catalog/",
        mb(output_bytes),
        index.len() as f64 / 1000.0,
        index_gzip as f64 / 1000.0,
    );
    println!(
        "search records {:.1} MB; search index (articles/search/): {search_files} files, {:.1} MB",
        mb(records_bytes),
        mb(search_bytes)
    );
    if in_browser {
        in_the_browser(&toolchain, root, &site, count, vocabulary)?;
    } else {
        println!("\nno dist/: run `cargo xtask dist` first to measure the catalog in the browser");
    }
    Ok(())
}

/// The catalog of `count` articles in headless Chromium, against the project's own
/// catalog in the same run (benches/catalog-scale.mjs): catalog visible, the bytes of
/// its first load and of a search, keystroke → results.
fn in_the_browser(
    toolchain: &tools::Toolchain,
    root: &Path,
    site: &Path,
    count: usize,
    vocabulary: generate::Vocabulary,
) -> Result<()> {
    step("the catalog in Chromium (benches/catalog-scale.mjs)");
    let scale_server = crate::server::serve_dir(site, 0)?;
    let small_server = crate::server::serve_dir(&root.join("dist"), 0)?;
    let output = toolchain
        .command("node")
        .arg(root.join("benches/catalog-scale.mjs"))
        .env("SCALE_SITE_URL", scale_server.url())
        .env("SMALL_SITE_URL", small_server.url())
        .env("SCALE_COUNT", count.to_string())
        .env("SCALE_VOCABULARY", vocabulary.name())
        .env("SCALE_QUERIES", root.join(QUERIES_FILE))
        .env("CHROMIUM", tools::CHROMIUM)
        .output()
        .context("cannot start node")?;
    if !output.status.success() {
        bail!(
            "benches/catalog-scale.mjs failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    print!("\n{}", String::from_utf8_lossy(&output.stdout));
    Ok(())
}

/// Runs `xtask/build-search-index.mjs` on `records` into `site`, and reads what it reports
/// of node's and Pagefind's process (`SEARCH_INDEX_RESOURCE_USAGE`): both run at once,
/// so the step's peak RSS is counted as their sum, its CPU time as theirs together.
fn measure_indexing(
    toolchain: &tools::Toolchain,
    root: &Path,
    site: &Path,
    records: &Path,
) -> Result<Run> {
    let script = root.join("xtask/build-search-index.mjs");
    let started = Instant::now();
    let output = toolchain
        .command("node")
        .arg(&script)
        .arg(site)
        .arg(records)
        .env("SEARCH_INDEX_RESOURCE_USAGE", "1")
        .output()
        .context("cannot start node")?;
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!("{} failed:\n{stderr}", script.display());
    }
    // `node <kB> kB <s> s, pagefind <kB> kB <s> s`
    let usage: Vec<f64> = stderr
        .lines()
        .find_map(|line| line.strip_prefix("search index: resource usage: "))
        .map(|rest| {
            rest.split_whitespace()
                .filter_map(|word| word.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let (peak_rss_kb, cpu) = match usage.as_slice() {
        [node_kb, node_cpu, pagefind_kb, pagefind_cpu] => {
            println!(
                "  node: peak RSS {node_kb} kB, {node_cpu:.2} s CPU; Pagefind: peak RSS {pagefind_kb} kB, {pagefind_cpu:.2} s CPU"
            );
            (
                Some((node_kb + pagefind_kb) as u64),
                Some(node_cpu + pagefind_cpu),
            )
        }
        _ => (None, None),
    };
    println!(
        "  {:.2} s; {}",
        took.as_secs_f64(),
        String::from_utf8_lossy(&output.stdout).trim()
    );
    Ok(Run {
        took,
        cpu,
        peak_rss_kb,
    })
}

/// The total size of the files under `dir`, its folders' included, and their number.
pub fn tree_size(dir: &Path) -> Result<(u64, usize)> {
    let mut total = 0;
    let mut files = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let metadata = entry.metadata()?;
        if metadata.is_dir() {
            let (bytes, count) = tree_size(&entry.path())?;
            total += bytes;
            files += count;
        } else if metadata.is_file() {
            total += metadata.len();
            files += 1;
        }
    }
    Ok((total, files))
}

/// Runs the CLI with `args`, its output kept (a generated catalog has warnings by the
/// thousand), and reads the peak RSS it reports.
fn measure(articles: &Path, args: &[&std::ffi::OsStr]) -> Result<Run> {
    let started = Instant::now();
    let output = Command::new(articles)
        .args(args)
        .env("ARTICLES_RESOURCE_USAGE", "1")
        .output()
        .with_context(|| format!("cannot start {}", articles.display()))?;
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        let tail: Vec<&str> = stderr.lines().rev().take(20).collect();
        bail!("{} failed:\n{}", articles.display(), tail.join("\n"));
    }
    let peak_rss_kb = stderr
        .lines()
        .find_map(|line| line.strip_prefix("articles: peak RSS "))
        .and_then(|rest| rest.trim_end_matches(" kB").parse().ok())
        .context("articles did not report its peak RSS")?;
    let cpu = stderr
        .lines()
        .find_map(|line| line.strip_prefix("articles: CPU time "))
        .and_then(|rest| rest.trim_end_matches(" s").parse().ok())
        .context("articles did not report its CPU time")?;
    let warnings = stderr
        .lines()
        .filter(|line| line.contains(": warning: "))
        .count();
    println!(
        "  {:.2} s ({cpu:.2} s CPU), peak RSS {peak_rss_kb} kB, {warnings} warning(s); {}",
        took.as_secs_f64(),
        String::from_utf8_lossy(&output.stdout).trim()
    );
    Ok(Run {
        took,
        cpu: Some(cpu),
        peak_rss_kb: Some(peak_rss_kb),
    })
}

/// The size of `bytes` gzipped at the level a server compresses at.
fn gzip_size(bytes: &[u8]) -> Result<usize> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

/// The total size of the files of `dir` and of its folders (the catalog's pages), and
/// their number.
fn folder_size(dir: &Path) -> Result<(u64, usize)> {
    let mut total = 0;
    let mut files = 0;
    for (path, _) in modification_times(dir)? {
        total += std::fs::metadata(path)?.len();
        files += 1;
    }
    Ok((total, files))
}

/// Every file of `dir` and of its folders, with the time it was last written.
fn modification_times(dir: &Path) -> Result<Vec<(PathBuf, SystemTime)>> {
    let mut times = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let metadata = entry.metadata()?;
            if metadata.is_dir() {
                folders.push(entry.path());
            } else {
                times.push((entry.path(), metadata.modified()?));
            }
        }
    }
    Ok(times)
}

/// How many of the files timed in `before` were written since, or are new.
fn changed_files(before: &[(PathBuf, SystemTime)], dir: &Path) -> Result<usize> {
    let now = modification_times(dir)?;
    let earlier: std::collections::HashMap<&PathBuf, &SystemTime> =
        before.iter().map(|(path, time)| (path, time)).collect();
    Ok(now
        .iter()
        .filter(|(path, time)| earlier.get(path) != Some(&time))
        .count())
}
