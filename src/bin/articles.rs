//! `articles`: the authoring CLI. `articles --help` lists its commands (`COMMANDS`
//! below, one entry each); `articles COMMAND --help` prints one command's usage.
//!
//! Longer than 300 lines: the table of commands with each one's usage, and the
//! dispatch of each command's parsed arguments, side by side so that they cannot drift.
//!
//! Its conventions are those of Rust's command-line tools (clap's defaults):
//! `--help`/`-h` and `--version` print to stdout and exit 0; a command line it cannot
//! run (an unknown command, an option it does not take, a missing or bad argument) is
//! one line on stderr and exit 2; problems found in the articles are `path:line:
//! message` lines on stderr and exit 1.
//!
//! The arguments are parsed by hand (`articles/args.rs`, about 100 lines), not with
//! clap: the CLI has nine commands of a few arguments each, and clap (clap_builder,
//! clap_lex, anstream and, for its derive, clap_derive) would be compiled in every
//! clean CI build, since every test run builds this binary, for nothing the small
//! parser does not already do.

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
#[path = "articles/args.rs"]
mod args;

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

    use crate::args::Args;
    use crate::workflow;

    /// One command: its name, its arguments, what it does.
    struct Command {
        name: &'static str,
        arguments: &'static str,
        about: &'static str,
    }

    impl Command {
        /// `name arguments`.
        fn synopsis(&self) -> String {
            format!("{} {}", self.name, self.arguments)
                .trim_end()
                .to_owned()
        }
    }

    const COMMANDS: [Command; 9] = [
        Command {
            name: "check",
            arguments: "[--strict] [DIR]",
            about: "validate every article in DIR (default: articles), printing each problem
as path:line: message; --strict: warnings (an overdue review, a hard patient
variant, an uncited reference) fail too",
        },
        Command {
            name: "readability",
            arguments: "[DIR]",
            about: "the Flesch-Kincaid grade of each article's variants, as a markdown table",
        },
        Command {
            name: "new",
            arguments: "SLUG --question TEXT [--dir DIR]",
            about: "scaffold a submitted article with the three audiences in DIR/SLUG.md",
        },
        Command {
            name: "review",
            arguments: "SLUG --status submitted|under-review|approved
       [--reviewer NAME --credentials TEXT] [--date YYYY-MM-DD] [--dir DIR]",
            about: "move an article's review on, in place, keeping its formatting and
comments; nothing is written if the result fails the checks",
        },
        Command {
            name: "build",
            arguments: "[DIR] OUT",
            about: "validate, then write OUT/index.json (the catalog's first page),
OUT/catalog/<n>.json and OUT/<slug>.json; into an OUT built before, only what
changed since",
        },
        Command {
            name: "site",
            arguments: "[--site-url URL] [DIR] SITE",
            about: "validate, then prerender the static site into SITE, a site Trunk built
(its index.html is the pages' template); --site-url: serve it from URL, not
publisher.toml's site_url (a test server, a staging host)",
        },
        Command {
            name: "search-records",
            arguments: "[DIR] OUT",
            about: "validate, then write into the file OUT one JSON line per article: its
record of the full-text index, which xtask/build-search-index.mjs gives Pagefind",
        },
        Command {
            name: "md",
            arguments: "",
            about: "read markdown on stdin, print the widget's HTML",
        },
        Command {
            name: "markdown",
            arguments: "[DIR] OUT",
            about: "like build, but each variant as its markdown (for a JavaScript renderer
such as the benchmark's peer)",
        },
    ];

    /// `articles --help`: every command.
    fn help() -> String {
        let mut help = format!(
            "articles {}: the authoring CLI of the article widget

usage: articles COMMAND [ARGUMENTS]
       articles COMMAND --help    one command's usage
       articles --version

commands:",
            env!("CARGO_PKG_VERSION")
        );
        for command in &COMMANDS {
            help.push_str(&format!("\n  {}\n", command.synopsis()));
            for line in command.about.lines() {
                help.push_str(&format!("      {line}\n"));
            }
        }
        help
    }

    /// `articles COMMAND --help`.
    fn command_help(command: &Command) -> String {
        format!(
            "usage: articles {}\n\n{}",
            command.synopsis(),
            command.about
        )
    }

    /// A command, its arguments read, ready to run.
    type Run<'a> = Box<dyn FnOnce() -> Result<bool, String> + 'a>;

    /// Reads the arguments of `command`: an error is a usage error.
    fn parse<'a>(command: &str, args: &[&'a str]) -> Result<Run<'a>, String> {
        let plain = |args| Args::parse(args, &[], &[]);
        Ok(match command {
            "check" => {
                let args = Args::parse(args, &["--strict"], &[])?;
                let (dir, []) = args.dir_then([])?;
                let strict = args.switch("--strict");
                Box::new(move || check(dir, strict))
            }
            "readability" => {
                let (dir, []) = plain(args)?.dir_then([])?;
                Box::new(move || readability(dir))
            }
            "new" => {
                let new = workflow::New::parse(args)?;
                Box::new(move || new.run())
            }
            "review" => {
                let review = workflow::Review::parse(args)?;
                Box::new(move || review.run())
            }
            "build" => {
                let (dir, [out]) = plain(args)?.dir_then(["OUT"])?;
                Box::new(move || crate::build::build(dir, Path::new(out)))
            }
            "site" => {
                let args = Args::parse(args, &[], &["--site-url"])?;
                let (dir, [site]) = args.dir_then(["SITE"])?;
                let site_url = args.value("--site-url");
                if let Some(url) = site_url {
                    let is_http = url.starts_with("https://") || url.starts_with("http://");
                    if !is_http || !url.ends_with('/') {
                        return Err(format!(
                            "--site-url `{url}`: an absolute http(s) URL ending in `/`"
                        ));
                    }
                }
                Box::new(move || crate::site::write(dir, Path::new(site), site_url))
            }
            "search-records" => {
                let (dir, [out]) = plain(args)?.dir_then(["OUT"])?;
                Box::new(move || crate::search::write_records(dir, Path::new(out)))
            }
            "md" => {
                plain(args)?.exactly([])?;
                Box::new(md)
            }
            "markdown" => {
                let (dir, [out]) = plain(args)?.dir_then(["OUT"])?;
                Box::new(move || markdown(dir, Path::new(out)))
            }
            _ => unreachable!("a command of COMMANDS"),
        })
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let usage_error = |message: String| {
            eprintln!("articles: {message}");
            ExitCode::from(2)
        };
        let find = |name: &str| COMMANDS.iter().find(|command| command.name == name);
        let (command, rest) = match args.as_slice() {
            [] => {
                return usage_error("no command given; `articles --help` lists the commands".into())
            }
            ["--help" | "-h" | "help"] => {
                print!("{}", help());
                return ExitCode::SUCCESS;
            }
            ["--version" | "-V"] => {
                println!("articles {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            ["help", name, ..] => {
                let Some(command) = find(name) else {
                    return usage_error(format!(
                        "help: unknown command `{name}`; `articles --help` lists the commands"
                    ));
                };
                println!("{}", command_help(command));
                return ExitCode::SUCCESS;
            }
            [name, rest @ ..] => match find(name) {
                Some(command) => (command, rest),
                None if name.starts_with('-') => {
                    return usage_error(format!(
                        "unknown option `{name}`; `articles --help` lists the commands"
                    ))
                }
                None => {
                    return usage_error(format!(
                        "unknown command `{name}`; `articles --help` lists the commands"
                    ))
                }
            },
        };
        // Whatever else is there: help is what was asked for.
        if rest
            .iter()
            .take_while(|arg| **arg != "--")
            .any(|arg| matches!(*arg, "--help" | "-h"))
        {
            println!("{}", command_help(command));
            return ExitCode::SUCCESS;
        }
        let run = match parse(command.name, rest) {
            Ok(run) => run,
            Err(message) => {
                return usage_error(format!(
                    "{}: {message}; `articles {} --help` prints its usage",
                    command.name, command.name
                ))
            }
        };
        match run() {
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
