//! A small static file server: serves a folder on loopback with the headers the widget's
//! host needs (CORS for cross-origin partner pages, `application/wasm` for streaming
//! compilation, long caching for content-hashed files, the precompressed `.br` and `.gz`
//! siblings that `cargo xtask dist` writes, by the client's `Accept-Encoding`). It
//! serves the widget and the partner pages for `cargo xtask serve`, the tests and the
//! benchmarks.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

use anyhow::{Context, Result};

use crate::headers;
use crate::precompress::{self, Encoding};
use negotiation::{choose_body, fresh_siblings, Body};

mod negotiation;

pub struct StaticServer {
    port: u16,
}

/// Text replaced in every HTML file served, such as `{{WIDGET_URL}}` in partner pages.
pub type Substitutions = Vec<(String, String)>;

impl StaticServer {
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Serves `root` on 127.0.0.1:`port` (0 picks a free port) from background threads that
/// live as long as the process.
pub fn serve_dir(root: &Path, port: u16) -> Result<StaticServer> {
    serve_dir_with(root, port, Vec::new())
}

/// Like [`serve_dir`], replacing `substitutions` in HTML files.
pub fn serve_dir_with(
    root: &Path,
    port: u16,
    substitutions: Substitutions,
) -> Result<StaticServer> {
    let listener = TcpListener::bind(("127.0.0.1", port)).with_context(|| {
        format!("cannot listen on 127.0.0.1:{port}: is another server running there?")
    })?;
    let port = listener.local_addr()?.port();
    let root = root.to_path_buf();
    let substitutions = std::sync::Arc::new(substitutions);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            let substitutions = substitutions.clone();
            thread::spawn(move || {
                let _ = handle(stream, &root, &substitutions);
            });
        }
    });
    Ok(StaticServer { port })
}

fn handle(
    mut stream: TcpStream,
    root: &Path,
    substitutions: &Substitutions,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers, only the codings the client accepts change what we serve. A
    // header sent on several lines is one list (RFC 9110, 5.3).
    let mut header = String::new();
    let mut accept_encoding: Option<String> = None;
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                let value = value.trim();
                accept_encoding = Some(match accept_encoding {
                    Some(earlier) => format!("{earlier}, {value}"),
                    None => value.to_owned(),
                });
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");

    if method == "OPTIONS" {
        return respond(
            &mut stream,
            &Reply::new("204 No Content", "text/plain", Vec::new()),
            false,
            path,
        );
    }
    let with_body = method != "HEAD";
    // The site's own 404 page where it has one (the build's `404.html`), as nginx and
    // Caddy send it with the shipped configurations.
    let not_found = |stream: &mut TcpStream| {
        let reply = match std::fs::read(root.join("404.html")) {
            Ok(page) => Reply::new("404 Not Found", "text/html; charset=utf-8", page),
            Err(_) => Reply::new("404 Not Found", "text/plain", b"not found".to_vec()),
        };
        respond(stream, &reply, with_body, path)
    };
    let Some(file) = resolve(root, path) else {
        return not_found(&mut stream);
    };
    let Ok(mut body) = std::fs::read(&file) else {
        return not_found(&mut stream);
    };
    let substituted =
        file.extension().is_some_and(|ext| ext == "html") && !substitutions.is_empty();
    if substituted {
        let mut text = String::from_utf8_lossy(&body).into_owned();
        for (from, to) in substitutions.iter() {
            text = text.replace(from, to);
        }
        body = text.into_bytes();
    }
    let compressible = precompress::is_compressible(&file);
    // A substituted page differs from its file, so a sibling of the file would be wrong.
    let siblings = if substituted {
        Vec::new()
    } else {
        fresh_siblings(&file)
    };
    // The table's type for this path, where it names one (headers.rs), else the file's.
    let content_type = headers::rule_for(path)
        .content_type
        .unwrap_or_else(|| content_type(&file));
    let mut reply = Reply::new("200 OK", content_type, body);
    reply.varies = compressible || !siblings.is_empty();
    match choose_body(accept_encoding.as_deref(), &siblings, compressible) {
        Body::Sibling(encoding) => {
            // The sibling may have gone since it was looked for: the file then goes as it is.
            if let Ok(compressed) = std::fs::read(encoding.sibling(&file)) {
                reply.body = compressed;
                reply.encoding = Some(encoding);
            }
        }
        Body::GzipOnTheFly => {
            if let Some(compressed) = gzip(&file, &reply.body) {
                reply.body = compressed;
                reply.encoding = Some(Encoding::Gzip);
            }
        }
        Body::Identity => {}
    }
    respond(&mut stream, &reply, with_body, path)
}

/// `body` (the content of `file`) gzipped, once per content: compressing on every
/// request would weigh on the timings. `None` if gzip fails, and then the body goes as
/// it is.
fn gzip(file: &Path, body: &[u8]) -> Option<Vec<u8>> {
    use std::collections::HashMap;
    use std::io::Write as _;
    use std::sync::{Mutex, OnceLock};
    /// Compressed bodies by file and content.
    type Compressed = HashMap<(PathBuf, Vec<u8>), Vec<u8>>;
    static COMPRESSED: OnceLock<Mutex<Compressed>> = OnceLock::new();
    let cache = COMPRESSED.get_or_init(Default::default);
    // Keyed by content as well as path: the tests rewrite files in place.
    let key = (file.to_path_buf(), body.to_vec());
    if let Some(hit) = cache.lock().ok().and_then(|cache| cache.get(&key).cloned()) {
        return Some(hit);
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let compressed = encoder
        .write_all(body)
        .and_then(|()| encoder.finish())
        .ok()?;
    if let Ok(mut cache) = cache.lock() {
        cache.insert(key, compressed.clone());
    }
    Some(compressed)
}

/// The file for a URL path, never outside `root`.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path);
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|component| !matches!(component, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' && index + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).unwrap_or("");
            if let Ok(byte) = u8::from_str_radix(hex, 16) {
                out.push(byte);
                index += 3;
                continue;
            }
        }
        out.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(path: &Path) -> &'static str {
    let extension = path.extension().and_then(|ext| ext.to_str()).unwrap_or("");
    // The types the deployment's configurations set (headers.rs) first.
    if let Some((_, content_type)) = headers::CONTENT_TYPES
        .iter()
        .find(|(listed, _)| *listed == extension)
    {
        return content_type;
    }
    match extension {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A response: its status, type and body, and how the body is encoded.
struct Reply {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    encoding: Option<Encoding>,
    /// Whether another `Accept-Encoding` could have got another body, which caches
    /// must know (`Vary`).
    varies: bool,
}

impl Reply {
    fn new(status: &'static str, content_type: &'static str, body: Vec<u8>) -> Self {
        Reply {
            status,
            content_type,
            body,
            encoding: None,
            varies: false,
        }
    }
}

fn respond(
    stream: &mut TcpStream,
    reply: &Reply,
    with_body: bool,
    path: &str,
) -> std::io::Result<()> {
    let encoding = reply
        .encoding
        .map(|encoding| format!("Content-Encoding: {}\r\n", encoding.token()))
        .unwrap_or_default();
    let vary = if reply.varies {
        "Vary: Accept-Encoding\r\n"
    } else {
        ""
    };
    // The deployment's headers for this path (headers.rs), as nginx and Caddy send them.
    let table: String = headers::headers(headers::rule_for(path))
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}{vary}{table}Access-Control-Allow-Methods: GET, HEAD, OPTIONS\r\nAccess-Control-Allow-Headers: *\r\nConnection: close\r\n\r\n",
        reply.status,
        reply.content_type,
        reply.body.len(),
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(&reply.body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagefinds_files_are_binary_and_never_gzipped_again() {
        for file in [
            "articles/search/pagefind.en_eb3cdabdad.pf_meta",
            "articles/search/index/en_44af4c5.pf_index",
            "articles/search/fragment/en_c04a625.pf_fragment",
            "articles/search/filter/en_caee10e.pf_filter",
            "articles/search/wasm.en.pagefind",
        ] {
            let content_type = content_type(Path::new(file));
            assert_eq!(content_type, "application/octet-stream", "{file}");
            assert!(!precompress::is_compressible(Path::new(file)), "{file}");
        }
    }

    /// The head and body of the answer to a GET of `path` with `accept_encoding`.
    fn get(server: &StaticServer, path: &str, accept_encoding: Option<&str>) -> (String, Vec<u8>) {
        use std::io::Read as _;
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        let accept = accept_encoding
            .map(|value| format!("Accept-Encoding: {value}\r\n"))
            .unwrap_or_default();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\n{accept}\r\n").unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let split = answer
            .windows(4)
            .position(|window| window == b"\r\n\r\n")
            .unwrap();
        let head = String::from_utf8(answer[..split].to_vec()).unwrap();
        (head.to_ascii_lowercase(), answer[split + 4..].to_vec())
    }

    #[test]
    fn the_server_sends_the_sibling_the_client_accepts_with_the_files_type() {
        let site = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&site);
        std::fs::create_dir_all(&site).unwrap();
        let script = "console.log('the widget, loaded');\n".repeat(40);
        std::fs::write(site.join("embed.js"), &script).unwrap();
        precompress::precompress_site(&site).unwrap();
        let server = serve_dir(&site, 0).unwrap();

        let (head, body) = get(&server, "/embed.js", Some("gzip, deflate, br"));
        assert!(head.contains("\r\ncontent-encoding: br\r\n"), "{head}");
        assert!(head.contains("\r\nvary: accept-encoding\r\n"), "{head}");
        assert!(head.contains("\r\ncache-control: no-cache\r\n"), "{head}");
        assert!(
            head.contains("\r\ncontent-type: text/javascript; charset=utf-8\r\n"),
            "{head}"
        );
        assert!(
            head.contains(&format!("\r\ncontent-length: {}\r\n", body.len())),
            "{head}"
        );
        assert_eq!(body, std::fs::read(site.join("embed.js.br")).unwrap());

        let (head, body) = get(&server, "/embed.js", Some("gzip, br;q=0"));
        assert!(head.contains("\r\ncontent-encoding: gzip\r\n"), "{head}");
        assert_eq!(body, std::fs::read(site.join("embed.js.gz")).unwrap());

        let (head, body) = get(&server, "/embed.js", None);
        assert!(!head.contains("content-encoding"), "{head}");
        assert!(head.contains("\r\nvary: accept-encoding\r\n"), "{head}");
        assert_eq!(body, script.as_bytes());
        std::fs::remove_dir_all(&site).unwrap();
    }

    #[test]
    fn a_missing_file_gets_the_sites_404_page_where_it_has_one() {
        let site = std::env::temp_dir().join(format!("xtask-404-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&site);
        std::fs::create_dir_all(&site).unwrap();
        let server = serve_dir(&site, 0).unwrap();
        let (head, body) = get(&server, "/no-such-page", None);
        assert!(head.starts_with("http/1.1 404 not found\r\n"), "{head}");
        assert_eq!(body, b"not found");
        let page = "<!doctype html><title>Page not found</title>";
        std::fs::write(site.join("404.html"), page).unwrap();
        let (head, body) = get(&server, "/no-such-page", None);
        assert!(head.starts_with("http/1.1 404 not found\r\n"), "{head}");
        assert!(head.contains("\r\ncontent-type: text/html"), "{head}");
        assert_eq!(body, page.as_bytes());
        std::fs::remove_dir_all(&site).unwrap();
    }
}
