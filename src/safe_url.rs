//! The URL allow-list for links and images in article content.
//!
//! Only `http`, `https`, `mailto`, `tel`, relative and fragment URLs may reach the DOM.
//! The scheme is read the way a browser reads it: ASCII tabs and newlines anywhere, and
//! control characters and spaces at either end, are dropped before the scheme is looked
//! at, so `java\tscript:` and ` javascript:` are caught. Character references such as
//! `&#106;avascript:` are already decoded by the markdown parser before we see the URL.

use std::fmt;

/// The schemes a URL may have (any case); a URL without one is relative. The loader's
/// sanitizer holds a prerendered page's URLs to the same list, by the contract.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// A URL that has passed the allow-list: the only kind of URL the widget writes into an
/// `href` or a `src`. Only [`SafeUrl::parse`] makes one, and the build's checks
/// (`articles check`) and the widget in the browser call the same function, so data
/// that reaches the browser some other way is held to the same rule.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SafeUrl(String);

impl SafeUrl {
    /// The URL as it may be used in the DOM, or `None` if it must be neutralised.
    pub fn parse(url: &str) -> Option<SafeUrl> {
        allowed(url).map(SafeUrl)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether it leaves the publisher's site (see [`is_external`]).
    pub fn is_external(&self) -> bool {
        is_external(&self.0)
    }

    /// Whether it is empty (a link to the page itself).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// As the DOM gets it: every byte that may not stand in a URL percent-encoded.
    pub fn encoded(&self) -> String {
        percent_encode(&self.0)
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Read as text anywhere a `&str` is wanted; made only by [`SafeUrl::parse`].
impl std::ops::Deref for SafeUrl {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<SafeUrl> for String {
    fn from(url: SafeUrl) -> String {
        url.0
    }
}

/// The allow-list itself, behind [`SafeUrl::parse`].
fn allowed(url: &str) -> Option<String> {
    // Browsers strip leading and trailing C0 controls and spaces and remove every tab
    // and newline; we also drop inner controls, which no legitimate URL contains.
    let cleaned: String = url
        .chars()
        .filter(|c| !(c.is_ascii_control() || *c == '\u{7f}'))
        .collect();
    let cleaned = cleaned.trim_matches(' ');
    match scheme(cleaned) {
        None => Some(cleaned.to_owned()),
        Some(scheme)
            if ALLOWED_SCHEMES
                .iter()
                .any(|allowed| scheme.eq_ignore_ascii_case(allowed)) =>
        {
            Some(cleaned.to_owned())
        }
        Some(_) => None,
    }
}

/// Whether a URL leaves the publisher's site: such links get `rel="noopener noreferrer"`.
pub fn is_external(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

/// `url` with every byte that may not stand in a URL percent-encoded (as `encodeURI`
/// does, keeping existing `%XX` escapes), so that the DOM gets the URL the author meant.
pub fn percent_encode(url: &str) -> String {
    const KEEP: &[u8] = b"-_.!~*'();/?:@&=+$,%#";
    let mut encoded = String::with_capacity(url.len());
    for &byte in url.as_bytes() {
        if byte.is_ascii_alphanumeric() || KEEP.contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The text before the first `:`, when that colon comes before any `/`, `?` or `#` (after
/// which a colon belongs to a path, query or fragment of a relative URL).
/// Like a browser, text that is not a valid scheme (`[A-Za-z][A-Za-z0-9+.-]*`) makes the
/// URL relative, so `foo):bar` is a path.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    if url.as_bytes()[end] != b':' {
        return None;
    }
    let scheme = &url[..end];
    let mut bytes = scheme.bytes();
    let starts_with_letter = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    let is_scheme = starts_with_letter
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    is_scheme.then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_urls_pass() {
        for url in [
            "https://doi.org/10.1056/NEJMoa2204705",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG",
            "mailto:editor@example.org",
            "tel:+15551234",
            "/articles/als",
            "als-primary-treatment",
            "?article=als",
            "#references",
            "//cdn.example.org/x.png",
            "a/b:c",
            "foo):",
            "java script:alert(1)",
            "",
        ] {
            assert!(allowed(url).is_some(), "{url:?} should be allowed");
        }
    }

    #[test]
    fn dangerous_schemes_are_neutralised_whatever_the_disguise() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "\tjavascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "javascript\u{0}:alert(1)",
            "jav\u{7f}ascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "DATA:image/svg+xml,<svg/onload=alert(1)>",
            "vbscript:msgbox(1)",
            "VbScRiPt:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://example.org/uuid",
            "ftp://example.org",
        ] {
            assert_eq!(allowed(url), None, "{url:?} should be neutralised");
        }
    }

    #[test]
    fn allowed_urls_come_back_without_control_characters() {
        assert_eq!(
            allowed(" https://exa\tmple.org ").as_deref(),
            Some("https://example.org")
        );
    }

    #[test]
    fn urls_are_percent_encoded_once() {
        assert_eq!(percent_encode("/my uri"), "/my%20uri");
        assert_eq!(percent_encode("/föö?a=[1]"), "/f%C3%B6%C3%B6?a=%5B1%5D");
        assert_eq!(percent_encode("foo%20b"), "foo%20b");
    }

    #[test]
    fn external_links_are_absolute_web_urls() {
        assert!(is_external("https://doi.org/x"));
        assert!(is_external("//cdn.example.org"));
        assert!(!is_external("#ref-1"));
        assert!(!is_external("?article=x"));
        assert!(!is_external("mailto:a@b.c"));
    }
}
