//! A small static file server: serves a folder on loopback with the headers the widget's
//! host needs (CORS for cross-origin partner pages, `application/wasm` for streaming
//! compilation, long caching for content-hashed files). It serves the widget and the
//! partner pages for `cargo xtask serve`, the tests and the benchmarks.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

use anyhow::{Context, Result};

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
    // Of the headers, only whether the client takes gzip changes what we serve.
    let mut header = String::new();
    let mut takes_gzip = false;
    while reader.read_line(&mut header)? > 2 {
        let lower = header.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
            takes_gzip = true;
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
            "204 No Content",
            "text/plain",
            &[],
            false,
            path,
            false,
        );
    }
    let with_body = method != "HEAD";
    let not_found = |stream: &mut TcpStream| {
        respond(
            stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            with_body,
            path,
            false,
        )
    };
    let Some(file) = resolve(root, path) else {
        return not_found(&mut stream);
    };
    let Ok(mut body) = std::fs::read(&file) else {
        return not_found(&mut stream);
    };
    if file.extension().is_some_and(|ext| ext == "html") && !substitutions.is_empty() {
        let mut text = String::from_utf8_lossy(&body).into_owned();
        for (from, to) in substitutions.iter() {
            text = text.replace(from, to);
        }
        body = text.into_bytes();
    }
    let content_type = content_type(&file);
    let compress = takes_gzip && is_compressible(content_type);
    if compress {
        body = gzip(&file, &body);
    }
    respond(
        &mut stream,
        "200 OK",
        content_type,
        &body,
        with_body,
        path,
        compress,
    )
}

/// Text, and the Wasm, compress well; images are compressed already.
fn is_compressible(content_type: &str) -> bool {
    !content_type.starts_with("image/png") && content_type != "application/octet-stream"
}

/// `body` (the content of `file`) gzipped, once per content: a static host serves
/// precompressed files, and compressing on every request would weigh on the timings.
fn gzip(file: &Path, body: &[u8]) -> Vec<u8> {
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
        return hit;
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let compressed = match encoder.write_all(body).and_then(|()| encoder.finish()) {
        Ok(compressed) => compressed,
        Err(_) => return body.to_vec(),
    };
    if let Ok(mut cache) = cache.lock() {
        cache.insert(key, compressed.clone());
    }
    compressed
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
    match path.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "webmanifest" => "application/manifest+json",
        // Pagefind's index (articles/search/): its chunks and Wasm, gzipped by Pagefind
        // itself, so they are binary to us and never compressed again.
        "pf_meta" | "pf_index" | "pf_fragment" | "pf_filter" | "pagefind" => {
            "application/octet-stream"
        }
        _ => "application/octet-stream",
    }
}

/// Trunk's content-hashed file names (`name-0123456789abcdef.ext`) and Pagefind's
/// chunks (`en_0123abc.pf_index`, named by their content's hash) never change content,
/// so they may be cached forever; everything else is revalidated, among them the
/// widget's adapter `search.js`, `pagefind.js`, `pagefind-entry.json` and
/// `wasm.*.pagefind`.
fn cache_control(path: &str) -> &'static str {
    let is_pagefind_chunk = [".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter"]
        .iter()
        .any(|extension| path.ends_with(extension));
    if is_pagefind_chunk {
        return "public, max-age=31536000, immutable";
    }
    let stem = path.rsplit('/').next().unwrap_or(path);
    let stem = stem
        .split('.')
        .next()
        .unwrap_or(stem)
        .trim_end_matches("_bg");
    let is_hashed = stem
        .rsplit('-')
        .next()
        .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
    if is_hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    with_body: bool,
    path: &str,
    gzipped: bool,
) -> std::io::Result<()> {
    let encoding = if gzipped {
        "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n"
    } else {
        ""
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{encoding}Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: GET, HEAD, OPTIONS\r\nAccess-Control-Allow-Headers: *\r\nCache-Control: {}\r\nConnection: close\r\n\r\n",
        body.len(),
        cache_control(path),
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagefinds_files_are_binary_never_gzipped_again_and_only_its_chunks_are_immutable() {
        for file in [
            "articles/search/pagefind.en_eb3cdabdad.pf_meta",
            "articles/search/index/en_44af4c5.pf_index",
            "articles/search/fragment/en_c04a625.pf_fragment",
            "articles/search/filter/en_caee10e.pf_filter",
            "articles/search/wasm.en.pagefind",
        ] {
            let content_type = content_type(Path::new(file));
            assert_eq!(content_type, "application/octet-stream", "{file}");
            assert!(!is_compressible(content_type), "{file}");
        }
        let immutable = "public, max-age=31536000, immutable";
        assert_eq!(
            cache_control("/articles/search/index/en_44af4c5.pf_index"),
            immutable
        );
        for file in [
            "/articles/search/pagefind.js",
            "/articles/search/pagefind-entry.json",
            "/articles/search/search.js",
            "/articles/search/wasm.en.pagefind",
        ] {
            assert_eq!(cache_control(file), "no-cache", "{file}");
        }
        assert_eq!(cache_control("/widget-0123456789abcdef.css"), immutable);
    }
}
