//! Which body goes out for a file: its precompressed sibling, the file gzipped here, or
//! the file as it is, by the request's `Accept-Encoding` (RFC 9110, 12.5.3) and by the
//! siblings that are there and fresh.

use std::path::Path;

use crate::precompress::Encoding;

/// What goes out for a file, by the codings the client accepts.
#[derive(Debug, PartialEq, Eq)]
pub enum Body {
    /// The file's precompressed sibling, as `cargo xtask dist` wrote it.
    Sibling(Encoding),
    /// The file gzipped here, for a file with no sibling (the partner pages, a test's
    /// copy changed after the build).
    GzipOnTheFly,
    /// The file as it is.
    Identity,
}

/// Decides what to send for a file that has the precompressed `siblings` and is
/// `compressible` (so may be gzipped here), given the request's `Accept-Encoding`. The
/// coding the client gives the highest quality wins; brotli before gzip when equal.
/// A coding never asked for is never sent, and without the header the file goes as it
/// is, as browsers always send it and other clients may not decode anything.
pub fn choose_body(
    accept_encoding: Option<&str>,
    siblings: &[Encoding],
    compressible: bool,
) -> Body {
    let Some(accept_encoding) = accept_encoding else {
        return Body::Identity;
    };
    let mut best: Option<(f32, Body)> = None;
    for encoding in Encoding::ALL {
        let quality = accepted_quality(accept_encoding, encoding);
        if quality <= 0.0 {
            continue;
        }
        let body = if siblings.contains(&encoding) {
            Body::Sibling(encoding)
        } else if encoding == Encoding::Gzip && compressible {
            Body::GzipOnTheFly
        } else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|(best_quality, _)| quality > *best_quality)
        {
            best = Some((quality, body));
        }
    }
    best.map_or(Body::Identity, |(_, body)| body)
}

/// The quality value (0 to 1) that `Accept-Encoding` gives `encoding` (RFC 9110,
/// 12.5.3): its own entry, else `*`'s, else 0. `q=0` refuses it; a quality that does not
/// parse counts as a refusal too, as sending what a client may not decode is the worse
/// mistake.
fn accepted_quality(accept_encoding: &str, encoding: Encoding) -> f32 {
    let mut wildcard = None;
    for element in accept_encoding.split(',') {
        let mut parameters = element.split(';');
        let coding = parameters.next().unwrap_or("").trim();
        let quality = parameters
            .filter_map(|parameter| parameter.split_once('='))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
            .map_or(Some(1.0), |(_, value)| {
                value
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|q| (0.0..=1.0).contains(q))
            })
            .unwrap_or(0.0);
        // "x-gzip" is gzip's old name, which RFC 9110 still asks servers to take.
        let names_it = coding.eq_ignore_ascii_case(encoding.token())
            || (encoding == Encoding::Gzip && coding.eq_ignore_ascii_case("x-gzip"));
        if names_it {
            return quality;
        }
        if coding == "*" {
            wildcard = Some(quality);
        }
    }
    wildcard.unwrap_or(0.0)
}

/// The precompressed siblings of `file` that are at least as new as it. A site copied
/// and then changed in place (the tests rewrite pages of their copies) keeps the
/// siblings of the file as it was: serving one would send the old content.
pub fn fresh_siblings(file: &Path) -> Vec<Encoding> {
    let modified = |path: &Path| {
        std::fs::metadata(path)
            .and_then(|meta| meta.modified())
            .ok()
    };
    let Some(file_modified) = modified(file) else {
        return Vec::new();
    };
    Encoding::ALL
        .into_iter()
        .filter(|encoding| {
            modified(&encoding.sibling(file)).is_some_and(|sibling| sibling >= file_modified)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    #[test]
    fn a_browser_that_takes_brotli_gets_the_brotli_sibling() {
        for header in [
            "gzip, deflate, br, zstd",
            "br",
            "BR;q=1.0, gzip;q=1.0",
            "gzip;q=0.8, br;q=0.9",
            "*",
        ] {
            assert_eq!(
                choose_body(Some(header), &BOTH, true),
                Body::Sibling(Encoding::Brotli),
                "{header}"
            );
        }
    }

    #[test]
    fn a_client_that_did_not_ask_for_brotli_never_gets_it() {
        for header in [
            "gzip, deflate",
            "gzip, br;q=0",
            "br;q=0, *",
            "x-gzip",
            "*, br;q=0",
            "gzip;q=1, br;q=0.5",
        ] {
            assert_eq!(
                choose_body(Some(header), &BOTH, true),
                Body::Sibling(Encoding::Gzip),
                "{header}"
            );
        }
        for header in [
            "",
            "identity",
            "deflate",
            "br;q=0, gzip;q=0",
            "*;q=0",
            "gzip;q=x",
        ] {
            assert_eq!(
                choose_body(Some(header), &BOTH, true),
                Body::Identity,
                "{header}"
            );
        }
        assert_eq!(choose_body(None, &BOTH, true), Body::Identity);
    }

    #[test]
    fn a_file_without_siblings_is_gzipped_here_only_if_it_compresses() {
        assert_eq!(
            choose_body(Some("gzip, deflate, br"), &[], true),
            Body::GzipOnTheFly
        );
        assert_eq!(
            choose_body(Some("gzip, deflate, br"), &[], false),
            Body::Identity
        );
        assert_eq!(choose_body(Some("br"), &[], true), Body::Identity);
        // With only a gzip sibling, brotli is not made up: the sibling goes.
        assert_eq!(
            choose_body(Some("br, gzip"), &[Encoding::Gzip], true),
            Body::Sibling(Encoding::Gzip)
        );
    }

    #[test]
    fn quality_values_follow_rfc_9110() {
        assert_eq!(accepted_quality("gzip;q=0.5, br", Encoding::Gzip), 0.5);
        assert_eq!(accepted_quality("gzip ; Q=0.25", Encoding::Gzip), 0.25);
        assert_eq!(accepted_quality("deflate, *;q=0.3", Encoding::Brotli), 0.3);
        assert_eq!(accepted_quality("br;q=2", Encoding::Brotli), 0.0);
        assert_eq!(accepted_quality("brotli, gzipped", Encoding::Brotli), 0.0);
        assert_eq!(accepted_quality("brotli, gzipped", Encoding::Gzip), 0.0);
    }

    #[test]
    fn a_sibling_older_than_its_file_is_stale_and_never_served() {
        let dir = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("index.html");
        std::fs::write(&file, "<p>first build</p>").unwrap();
        std::fs::write(Encoding::Brotli.sibling(&file), "br").unwrap();
        std::fs::write(Encoding::Gzip.sibling(&file), "gz").unwrap();
        assert_eq!(fresh_siblings(&file), BOTH);
        // A test rewrites the page of its copy after the build.
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .and_then(|handle| handle.set_modified(later))
            .unwrap();
        assert_eq!(fresh_siblings(&file), []);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
