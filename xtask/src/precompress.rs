//! Precompressed siblings: `cargo xtask dist` writes `name.br` and `name.gz` beside each
//! text and Wasm file of the site, at the highest compression (brotli quality 11, gzip
//! level 9), so that a host serves them as they are instead of compressing on every
//! request at a lower level. The project's server (server.rs) sends them to clients that
//! accept them.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// A content coding that a file may have a precompressed sibling in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    /// Both codings, brotli first: it is the smaller, so it is preferred when a client
    /// takes both equally.
    pub const ALL: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// The name of the coding in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The extension of the sibling file, as nginx, Caddy and most hosts name it.
    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gz",
        }
    }

    /// `file`'s sibling in this coding: `embed.js` → `embed.js.br`.
    pub fn sibling(self, file: &Path) -> PathBuf {
        let mut name = file.as_os_str().to_owned();
        name.push(".");
        name.push(self.extension());
        PathBuf::from(name)
    }

    pub fn compress(self, bytes: &[u8]) -> Result<Vec<u8>> {
        match self {
            Encoding::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: 11,
                    size_hint: bytes.len(),
                    ..Default::default()
                };
                let mut compressed = Vec::new();
                brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &params)
                    .context("brotli failed")?;
                Ok(compressed)
            }
            Encoding::Gzip => {
                let mut encoder =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                encoder.write_all(bytes).context("gzip failed")?;
                encoder.finish().context("gzip failed")
            }
        }
    }
}

/// Whether `file` gets precompressed siblings: text and the Wasm, by extension. Images
/// are compressed formats already, and so are Pagefind's index chunks (`*.pf_*`) and
/// its `wasm.*.pagefind`, which Pagefind gzips itself and the widget fetches as binary:
/// none of them is listed, so none gets a sibling.
pub fn is_compressible(file: &Path) -> bool {
    const COMPRESSIBLE_EXTENSIONS: [&str; 12] = [
        "html",
        "htm",
        "js",
        "mjs",
        "css",
        "json",
        "svg",
        "xml",
        "txt",
        "webmanifest",
        "map",
        "wasm",
    ];
    file.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| COMPRESSIBLE_EXTENSIONS.contains(&extension))
}

/// What [`precompress_site`] wrote, summed over the files that got a sibling.
#[derive(Default, Debug)]
pub struct Summary {
    pub files: usize,
    pub raw_bytes: u64,
    pub brotli_bytes: u64,
    pub gzip_bytes: u64,
}

/// Writes the `.br` and `.gz` siblings of every compressible file under `site`. A
/// sibling is written only when it is smaller than the file (a file of a few bytes
/// grows with a coding's header); an older sibling that is no longer wanted, or whose
/// file is gone, is removed, so that no stale sibling is ever served in place of its
/// file. Sites that are copied and then changed (the test and bench sites) are
/// precompressed again after the change.
pub fn precompress_site(site: &Path) -> Result<Summary> {
    let mut files = Vec::new();
    collect_files(site, &mut files)?;
    let mut summary = Summary::default();
    for file in &files {
        if let Some(original) = original_of(file) {
            // A sibling left from an earlier build: kept only if its file still wants
            // it (then it is rewritten below, from the file as it is now).
            if !original.is_file() {
                remove(file)?;
            }
            continue;
        }
        if !is_compressible(file) {
            continue;
        }
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        summary.files += 1;
        summary.raw_bytes += bytes.len() as u64;
        for encoding in Encoding::ALL {
            let compressed = encoding
                .compress(&bytes)
                .with_context(|| format!("cannot compress {}", file.display()))?;
            let sibling = encoding.sibling(file);
            if compressed.len() >= bytes.len() {
                remove(&sibling)?;
                continue;
            }
            std::fs::write(&sibling, &compressed)
                .with_context(|| format!("cannot write {}", sibling.display()))?;
            match encoding {
                Encoding::Brotli => summary.brotli_bytes += compressed.len() as u64,
                Encoding::Gzip => summary.gzip_bytes += compressed.len() as u64,
            }
        }
    }
    Ok(summary)
}

/// The file that `file` is the precompressed sibling of, if its name says it is one:
/// `embed.js.br` → `embed.js`. A `.gz` of a file that would get no sibling (an archive,
/// `site.tar.gz`) is not one.
fn original_of(file: &Path) -> Option<PathBuf> {
    let extension = file.extension()?;
    Encoding::ALL
        .iter()
        .any(|encoding| extension == encoding.extension())
        .then(|| file.with_extension(""))
        .filter(|original| is_compressible(original))
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

fn remove(file: &Path) -> Result<()> {
    match std::fs::remove_file(file) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(error).with_context(|| format!("cannot remove {}", file.display()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_the_wasm_are_compressible_images_and_pagefinds_chunks_are_not() {
        for file in [
            "index.html",
            "embed.js",
            "article-widget-0123456789abcdef_bg.wasm",
            "widget-0123456789abcdef.css",
            "articles/index.json",
            "sitemap.xml",
            "robots.txt",
            "manifest.webmanifest",
            "icons/icon.svg",
            "articles/search/pagefind.js",
        ] {
            assert!(is_compressible(Path::new(file)), "{file}");
        }
        for file in [
            "icons/icon-192.png",
            "articles/search/pagefind.en_eb3cdabdad.pf_meta",
            "articles/search/index/en_44af4c5.pf_index",
            "articles/search/fragment/en_c04a625.pf_fragment",
            "articles/search/wasm.en.pagefind",
            "embed.js.br",
            "embed.js.gz",
        ] {
            assert!(!is_compressible(Path::new(file)), "{file}");
        }
    }

    #[test]
    fn a_site_gets_siblings_that_decode_to_its_files_and_loses_stale_ones() {
        let site = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&site);
        std::fs::create_dir_all(site.join("icons")).unwrap();
        let page = "<p>The same paragraph, again and again.</p>\n".repeat(50);
        std::fs::write(site.join("index.html"), &page).unwrap();
        std::fs::write(site.join("tiny.txt"), "a").unwrap();
        std::fs::write(site.join("icons/icon.png"), [0x89, b'P', b'N', b'G']).unwrap();
        // Left from an earlier build: a file since removed, and a file now too small.
        std::fs::write(site.join("gone.js.br"), "stale").unwrap();
        std::fs::write(site.join("tiny.txt.gz"), "stale").unwrap();
        // Not a sibling: an archive whose name merely ends in .gz.
        std::fs::write(site.join("site.tar.gz"), "archive").unwrap();

        let summary = precompress_site(&site).unwrap();

        let brotli = std::fs::read(site.join("index.html.br")).unwrap();
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &brotli[..], &mut decoded).unwrap();
        assert_eq!(decoded, page.as_bytes());
        let gzip = std::fs::read(site.join("index.html.gz")).unwrap();
        let mut decoded = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gzip[..]), &mut decoded)
            .unwrap();
        assert_eq!(decoded, page);
        for absent in [
            "gone.js.br",
            "tiny.txt.br",
            "tiny.txt.gz",
            "icons/icon.png.br",
        ] {
            assert!(!site.join(absent).exists(), "{absent}");
        }
        assert!(site.join("site.tar.gz").exists());
        assert_eq!(summary.files, 2, "index.html and tiny.txt");
        assert_eq!(summary.brotli_bytes, brotli.len() as u64);
        std::fs::remove_dir_all(&site).unwrap();
    }
}
