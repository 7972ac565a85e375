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
//! The binary only reads its command line and dispatches: what each command does is
//! the library's build engine, `article_widget::build`.
//!
//! The arguments are parsed by hand (`articles/args.rs`, about 170 lines), not with
//! clap: the CLI has ten commands of a few arguments each, and clap (clap_builder,
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
mod cli {
    use std::io::Read;
    use std::path::Path;
    use std::process::ExitCode;

    use article_widget::build;

    use crate::args::{self, Args};

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

    const COMMANDS: [Command; 10] = [
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
            name: "stylesheet",
            arguments: "[DIR] SITE",
            about: "write only the widget's stylesheet into SITE, under the name `site` gives it
(Trunk's hook writes it first, for the pinned loader that names it by its hash)",
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
                Box::new(move || build::check(dir, strict))
            }
            "readability" => {
                let (dir, []) = plain(args)?.dir_then([])?;
                Box::new(move || build::readability(dir))
            }
            "new" => {
                let new = args::new(args)?;
                Box::new(move || new.run())
            }
            "review" => {
                let review = args::review(args)?;
                Box::new(move || review.run())
            }
            "build" => {
                let (dir, [out]) = plain(args)?.dir_then(["OUT"])?;
                Box::new(move || build::data::write(dir, Path::new(out)))
            }
            "stylesheet" => {
                let (dir, [site]) = plain(args)?.dir_then(["SITE"])?;
                Box::new(move || build::static_site::write_stylesheet(dir, Path::new(site)))
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
                Box::new(move || build::static_site::write(dir, Path::new(site), site_url))
            }
            "search-records" => {
                let (dir, [out]) = plain(args)?.dir_then(["OUT"])?;
                Box::new(move || build::search_records::write(dir, Path::new(out)))
            }
            "md" => {
                plain(args)?.exactly([])?;
                Box::new(md)
            }
            "markdown" => {
                let (dir, [out]) = plain(args)?.dir_then(["OUT"])?;
                Box::new(move || build::write_markdown(dir, Path::new(out)))
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

    /// `articles md`: markdown on stdin, the widget's HTML of it on stdout.
    fn md() -> Result<bool, String> {
        let mut markdown = String::new();
        std::io::stdin()
            .read_to_string(&mut markdown)
            .map_err(|error| format!("cannot read stdin: {error}"))?;
        println!("{}", article_widget::ssr::markdown_to_html(&markdown));
        Ok(true)
    }
}
