//! The URL allow-list for links and images in article content.
//!
//! Only `http`, `https`, `mailto`, `tel`, relative and fragment URLs may reach the DOM.
//! The scheme is read the way a browser reads it: ASCII tabs and newlines anywhere, and
//! control characters and spaces at either end, are dropped before the scheme is looked
//! at, so `java\tscript:` and ` javascript:` are caught. Character references such as
//! `&#106;avascript:` are already decoded by the markdown parser before we see the URL.

const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The URL as it may be used in the DOM, or `None` if it must be neutralised.
pub fn allowed(url: &str) -> Option<String> {
    // Browsers strip leading and trailing C0 controls and spaces and remove every tab
    // and newline; we also drop inner controls, which no legitimate URL contains.
    let cleaned: String = url
        .chars()
        .filter(|c| !(c.is_ascii_control() || *c == '\u{7f}'))
        .collect();
    let cleaned = cleaned.trim_matches(' ');
    match scheme(cleaned) {
        None => Some(cleaned.to_owned()),
        Some(scheme) if ALLOWED_SCHEMES.iter().any(|allowed| scheme.eq_ignore_ascii_case(allowed)) => {
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

/// The text before the first `:`, when that colon comes before any `/`, `?` or `#` (after
/// which a colon belongs to a path, query or fragment of a relative URL).
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    if url.as_bytes()[end] != b':' {
        return None;
    }
    Some(&url[..end])
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
        assert_eq!(allowed(" https://exa\tmple.org ").as_deref(), Some("https://example.org"));
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
