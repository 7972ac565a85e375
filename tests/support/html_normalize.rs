//! HTML normalisation for comparing renderer output with expected HTML, in the spirit of
//! the CommonMark spec's own `normalize.py`: whitespace between and around block
//! elements is dropped, runs of whitespace collapse, character references are decoded
//! and re-encoded one way, attributes are sorted, and `<br />` equals `<br>`.
//!
//! Two additions of ours are removed before comparing, because the spec's expected HTML
//! knows nothing of them: the `id` of headings and the `rel` of external links.

// Whitespace next to these is not rendered; `br` joins them because the spec puts a
// newline after each line break.
const BLOCK_TAGS: &[&str] = &[
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

#[derive(Debug, PartialEq)]
pub enum Token {
    Tag {
        name: String,
        closing: bool,
        attributes: Vec<(String, String)>,
    },
    Text(String),
}

/// The normalised form of `html`.
pub fn normalize(html: &str) -> String {
    let mut tokens = tokenize(html);
    for index in 0..tokens.len() {
        let after_block = index > 0 && is_block(&tokens[index - 1]);
        let before_block = tokens.get(index + 1).is_some_and(is_block);
        if let Token::Text(text) = &mut tokens[index] {
            let mut collapsed = collapse_whitespace(text);
            if after_block {
                collapsed = collapsed.trim_start().to_owned();
            }
            if before_block {
                collapsed = collapsed.trim_end().to_owned();
            }
            *text = collapsed;
        }
    }
    let mut out = String::new();
    for token in tokens {
        match token {
            Token::Text(text) => out.push_str(&encode(&text)),
            Token::Tag {
                name,
                closing,
                mut attributes,
            } => {
                out.push('<');
                if closing {
                    out.push('/');
                }
                out.push_str(&name);
                attributes.retain(|(key, _)| !is_our_addition(&name, key));
                attributes.sort();
                for (key, value) in attributes {
                    out.push_str(&format!(" {key}=\"{}\"", encode(&value)));
                }
                out.push('>');
            }
        }
    }
    out.trim().to_owned()
}

/// Attributes the widget adds that the spec's HTML lacks: heading ids and link `rel`s.
fn is_our_addition(tag: &str, attribute: &str) -> bool {
    let is_heading = matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    (is_heading && attribute == "id") || (tag == "a" && attribute == "rel")
}

fn is_block(token: &Token) -> bool {
    matches!(token, Token::Tag { name, .. } if BLOCK_TAGS.contains(&name.as_str()))
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// The tags and text of `html`, its character references decoded.
pub fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            if let Some((tag, remainder)) = parse_tag(after) {
                tokens.push(tag);
                rest = remainder;
                continue;
            }
        }
        let end = rest
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c == '<')
            .map_or(rest.len(), |(i, _)| i);
        let text = decode(&rest[..end]);
        match tokens.last_mut() {
            Some(Token::Text(previous)) => previous.push_str(&text),
            _ => tokens.push(Token::Text(text)),
        }
        rest = &rest[end..];
    }
    tokens.retain(|token| !matches!(token, Token::Text(text) if text.is_empty()));
    tokens
}

/// Parses a tag after its `<`; `None` when the text is no tag (a literal `<`).
fn parse_tag(input: &str) -> Option<(Token, &str)> {
    let end = input.find('>')?;
    let inner = input[..end].trim();
    let remainder = &input[end + 1..];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(inner) => (true, inner),
        None => (false, inner),
    };
    let inner = inner.strip_suffix('/').unwrap_or(inner).trim();
    let name_end = inner
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut attributes = Vec::new();
    let mut rest = inner[name_end..].trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, remainder) = match after.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let close = after[1..].find(quote).map_or(after.len(), |i| i + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            rest = remainder.trim_start();
            decode(value)
        } else {
            String::new()
        };
        attributes.push((key, value));
    }
    Some((
        Token::Tag {
            name,
            closing,
            attributes,
        },
        remainder,
    ))
}

fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let Some(end) = rest.find(';').filter(|&end| end <= 32) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
