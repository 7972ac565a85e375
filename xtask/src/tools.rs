//! Installs what the build and the tests need, when it is missing, and only then:
//! Trunk and the wasm-bindgen CLI take many minutes to compile, so a tool already
//! installed at the right version is never installed again.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::{run_command, step};

pub const TRUNK_VERSION: &str = "0.21.14";
/// The code-size profiler whose top 20 `cargo xtask bench` writes.
const TWIGGY_VERSION: &str = "0.8.0";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const PDFTOTEXT: &str = "/usr/bin/pdftotext";
const GECKODRIVER_VERSION: &str = "0.37.1";
const FIREFOX: &str = "/usr/bin/firefox-esr";
const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
const XVFB_RUN: &str = "/usr/bin/xvfb-run";
const XAUTH: &str = "/usr/bin/xauth";
/// The servers the shipped configurations (docs/deploy/) are for, which the end-to-end
/// tests run on them, with Debian's brotli module for nginx.
pub const NGINX: &str = "/usr/sbin/nginx";
const NGINX_BROTLI_STATIC: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
pub const CADDY: &str = "/usr/bin/caddy";

/// The PATH under which the project's tools are found: npm's local binaries (wasm-opt
/// from binaryen) first, then cargo's.
pub struct Toolchain {
    path: String,
}

impl Toolchain {
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path);
        command
    }
}

fn cargo_bin_dir() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    cargo_home.join("bin")
}

/// The Wasm target, Trunk, the wasm-bindgen CLI matching Cargo.lock, and the npm
/// packages (wasm-opt among them).
pub fn ensure_build_tools(root: &Path) -> Result<Toolchain> {
    let toolchain = toolchain(root)?;

    let targets = output(
        toolchain
            .command("rustup")
            .args(["target", "list", "--installed"]),
    )
    .context(
        "rustup is needed to add the wasm32 target: install Rust with rustup (https://rustup.rs)",
    )?;
    if !targets
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        step("installing the Rust target wasm32-unknown-unknown");
        run_command(
            toolchain
                .command("rustup")
                .args(["target", "add", "wasm32-unknown-unknown"]),
        )?;
    }

    let trunk = output(toolchain.command("trunk").arg("--version")).unwrap_or_default();
    if trunk.trim() != format!("trunk {TRUNK_VERSION}") {
        step(&format!(
            "installing Trunk {TRUNK_VERSION} (found: {}); this compiles for 10-15 minutes",
            none_if_empty(&trunk)
        ));
        run_command(toolchain.command("cargo").args([
            "install",
            "trunk",
            "--version",
            &format!("={TRUNK_VERSION}"),
            "--locked",
        ]))?;
    }

    let wasm_bindgen_version = locked_version(root, "wasm-bindgen")?;
    let wasm_bindgen =
        output(toolchain.command("wasm-bindgen").arg("--version")).unwrap_or_default();
    if wasm_bindgen.trim() != format!("wasm-bindgen {wasm_bindgen_version}") {
        step(&format!(
            "installing the wasm-bindgen CLI {wasm_bindgen_version} to match Cargo.lock (found: {}); this compiles for several minutes",
            none_if_empty(&wasm_bindgen)
        ));
        // Without --locked: the CLI's own lock file names a crate version the registry lacks.
        run_command(toolchain.command("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={wasm_bindgen_version}"),
        ]))?;
    }

    ensure_npm_packages(root, &toolchain)?;
    Ok(toolchain)
}

/// The npm packages alone (Pagefind among them), for `cargo xtask scale`, which builds
/// no Wasm.
pub fn ensure_node_tools(root: &Path) -> Result<Toolchain> {
    let toolchain = toolchain(root)?;
    ensure_npm_packages(root, &toolchain)?;
    Ok(toolchain)
}

fn toolchain(root: &Path) -> Result<Toolchain> {
    let mut paths = vec![root.join("node_modules/.bin"), cargo_bin_dir()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(paths)
        .context("cannot build PATH")?
        .to_string_lossy()
        .into_owned();
    Ok(Toolchain { path })
}

/// twiggy, for the benchmark's list of what weighs most in the Wasm, from crates.io at
/// a pinned version.
pub fn ensure_bench_tools(toolchain: &Toolchain) -> Result<()> {
    let found = output(toolchain.command("twiggy").arg("--version")).unwrap_or_default();
    // twiggy 0.8 names itself after its options crate: "twiggy-opt 0.8.0".
    let is_pinned = ["twiggy", "twiggy-opt"]
        .iter()
        .any(|name| found.trim() == format!("{name} {TWIGGY_VERSION}"));
    if !is_pinned {
        step(&format!(
            "installing twiggy {TWIGGY_VERSION} (found: {}); this compiles for a few minutes",
            none_if_empty(&found)
        ));
        run_command(toolchain.command("cargo").args([
            "install",
            "twiggy",
            "--version",
            &format!("={TWIGGY_VERSION}"),
            "--locked",
        ]))?;
    }
    Ok(())
}

/// Headless Chromium and its driver, nginx with its brotli module and Caddy, from
/// Debian's packages.
pub fn ensure_test_tools(_root: &Path) -> Result<()> {
    ensure_debian_packages(&[
        (CHROMIUM, "chromium"),
        (CHROMEDRIVER, "chromium-driver"),
        (NGINX, "nginx"),
        (NGINX_BROTLI_STATIC, "libnginx-mod-http-brotli-static"),
        (CADDY, "caddy"),
        // pdftotext and pdfinfo read back what the print test prints.
        (PDFTOTEXT, "poppler-utils"),
    ])?;
    ensure_feedparser()
}

/// The version of PyPI's feedparser that reads the site's Atom feed in the end-to-end
/// tests: the parser feed readers build on, with its `bozo` flag for a feed it had to
/// guess at.
const FEEDPARSER: &str = "6.0.14";

fn ensure_feedparser() -> Result<()> {
    let found = output(
        Command::new("python3").args(["-c", "import feedparser; print(feedparser.__version__)"]),
    )
    .unwrap_or_default();
    if found.trim() == FEEDPARSER {
        return Ok(());
    }
    step(&format!(
        "installing PyPI's feedparser {FEEDPARSER} (found: {}) for the feed's test",
        none_if_empty(found.trim())
    ));
    run_command(Command::new("python3").args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        &format!("feedparser=={FEEDPARSER}"),
    ]))
}

/// The engines beside Chromium, and what drives them.
pub struct Engines {
    pub firefox: PathBuf,
    pub geckodriver: PathBuf,
    pub webkit_webdriver: PathBuf,
    /// WebKitGTK's MiniBrowser, the browser WebKitWebDriver drives.
    pub minibrowser: PathBuf,
    /// Runs a command under a virtual X display: MiniBrowser has no headless mode.
    pub xvfb_run: PathBuf,
}

/// Firefox ESR and WebKitGTK from Debian's packages, with a virtual display for
/// WebKitGTK, and geckodriver from crates.io at a pinned version.
pub fn ensure_engines(toolchain: &Toolchain) -> Result<Engines> {
    ensure_debian_packages(&[
        (FIREFOX, "firefox-esr"),
        (WEBKIT_WEBDRIVER, "webkit2gtk-driver"),
        (XVFB_RUN, "xvfb"),
        (XAUTH, "xauth"),
    ])?;
    let minibrowser = find_minibrowser().context(
        "webkit2gtk-driver is installed but WebKitGTK's MiniBrowser is not under /usr/lib/*/webkit2gtk-4.1/",
    )?;

    let geckodriver = cargo_bin_dir().join("geckodriver");
    let found = output(Command::new(&geckodriver).arg("--version")).unwrap_or_default();
    let found = found.lines().next().unwrap_or_default();
    if found.trim() != format!("geckodriver {GECKODRIVER_VERSION}") {
        step(&format!(
            "installing geckodriver {GECKODRIVER_VERSION} (found: {}); this compiles for several minutes",
            none_if_empty(found)
        ));
        run_command(toolchain.command("cargo").args([
            "install",
            "geckodriver",
            "--version",
            &format!("={GECKODRIVER_VERSION}"),
            "--locked",
        ]))?;
    }
    Ok(Engines {
        firefox: FIREFOX.into(),
        geckodriver,
        webkit_webdriver: WEBKIT_WEBDRIVER.into(),
        minibrowser,
        xvfb_run: XVFB_RUN.into(),
    })
}

/// Installs, in one `apt-get` run, the packages of `wanted` whose file is missing.
pub fn ensure_debian_packages(wanted: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(file, _)| !Path::new(file).exists())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let packages = missing.join(" ");
    step(&format!("installing Debian's {packages} (apt-get install)"));
    let is_root = output(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0");
    if !is_root {
        bail!("Debian's {packages} are needed: run `sudo apt-get install {packages}`");
    }
    run_command(Command::new("apt-get").arg("update"))?;
    run_command(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    if let Some((file, package)) = wanted.iter().find(|(file, _)| !Path::new(file).exists()) {
        bail!("apt-get installed {package} but {file} is still missing");
    }
    Ok(())
}

/// MiniBrowser lives under the multiarch library folder (`/usr/lib/x86_64-linux-gnu/`
/// on amd64).
fn find_minibrowser() -> Option<PathBuf> {
    std::fs::read_dir("/usr/lib")
        .ok()?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path().join("webkit2gtk-4.1/MiniBrowser"))
        .find(|path| path.is_file())
}

fn ensure_npm_packages(root: &Path, toolchain: &Toolchain) -> Result<()> {
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules/.package-lock.json");
    let up_to_date = match (std::fs::metadata(&lock), std::fs::metadata(&installed)) {
        (Ok(lock), Ok(installed)) => match (lock.modified(), installed.modified()) {
            (Ok(lock), Ok(installed)) => installed >= lock,
            _ => false,
        },
        _ => false,
    };
    if up_to_date {
        return Ok(());
    }
    step("installing npm packages (npm ci): wasm-opt, workbox-build, Pagefind, CommonMark spec, playwright-core, selenium-webdriver, axe-core, Lighthouse, marked, DOMPurify, MiniSearch (benches)");
    if output(toolchain.command("npm").arg("--version")).is_err() {
        bail!(
            "npm is missing: install Node.js 20 or newer with npm (`apt-get install nodejs npm`)"
        );
    }
    run_command(
        toolchain
            .command("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(root),
    )
}

/// The version of `package` that Cargo.lock pins.
fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).context("cannot read Cargo.lock")?;
    let marker = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&marker)
        .with_context(|| format!("Cargo.lock has no {package}"))?
        + marker.len();
    let end = lock[start..]
        .find('"')
        .with_context(|| format!("Cargo.lock's {package} entry is malformed"))?;
    Ok(lock[start..start + end].to_owned())
}

fn output(command: &mut Command) -> Result<String> {
    let output = command.output()?;
    if !output.status.success() {
        bail!("{command:?} failed");
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn none_if_empty(text: &str) -> &str {
    if text.trim().is_empty() {
        "none"
    } else {
        text.trim()
    }
}
