//! Audience fences: the body is cut at its `::: audience` and `:::` lines into segments,
//! shared or one audience's, which make one markdown variant per audience.

use std::collections::{BTreeMap, BTreeSet};

use super::diagnostics::Diagnostics;
use crate::model::Audience;

/// A run of body lines that belongs to every audience (`None`) or to one.
pub struct Segment {
    pub audience: Option<Audience>,
    /// The file line of the segment's first line.
    pub first_line: usize,
    pub text: String,
}

/// Cuts the body `lines`, the first of which is file line `first_line`, into shared and
/// per-audience segments at the `:::` fences. Fence lines inside code blocks are text.
pub fn segments(lines: &[&str], first_line: usize, diagnostics: &mut Diagnostics) -> Vec<Segment> {
    let mut segments = vec![Segment {
        audience: None,
        first_line,
        text: String::new(),
    }];
    let mut open_fence: Option<(Audience, usize)> = None;
    let mut code_fence: Option<&str> = None;
    for (index, line) in lines.iter().enumerate() {
        let line_number = first_line + index;
        let trimmed = line.trim();
        if let Some(marker) = code_fence {
            if trimmed.starts_with(marker) {
                code_fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            code_fence = Some(&trimmed[..3]);
        } else if let Some(rest) = trimmed.strip_prefix(":::") {
            let name = rest.trim();
            let next_audience = if name.is_empty() {
                if open_fence.is_none() {
                    diagnostics.error(line_number, "`:::` closes no audience fence");
                }
                open_fence = None;
                None
            } else {
                if let Some((open, open_line)) = open_fence {
                    diagnostics.error(
                        line_number,
                        format!("audience fences do not nest: close the `::: {open}` fence of line {open_line} first"),
                    );
                }
                match name.parse::<Audience>() {
                    Ok(audience) => {
                        open_fence = Some((audience, line_number));
                        Some(audience)
                    }
                    Err(error) => {
                        diagnostics.error(line_number, error.to_string());
                        None
                    }
                }
            };
            segments.push(Segment {
                audience: next_audience,
                first_line: line_number + 1,
                text: String::new(),
            });
            continue;
        }
        if let Some(segment) = segments.last_mut() {
            segment.text.push_str(line);
        }
    }
    if let Some((audience, line)) = open_fence {
        diagnostics.error(
            line,
            format!("the `::: {audience}` fence is never closed: add a `:::` line"),
        );
    }
    segments
}

/// The markdown of each audience's variant: the shared segments and the audience's own,
/// in file order. An article without fences has one variant, for `default_audience`.
pub fn variants(
    segments: &[Segment],
    default_audience: Option<Audience>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<Audience, String> {
    let fenced: BTreeSet<Audience> = segments
        .iter()
        .filter_map(|segment| segment.audience)
        .collect();
    let audiences: Vec<Audience> = if fenced.is_empty() {
        default_audience.into_iter().collect()
    } else {
        fenced.into_iter().collect()
    };
    let body_line = segments.first().map_or(1, |segment| segment.first_line);
    let mut variants = BTreeMap::new();
    for audience in audiences {
        let markdown = variant(segments, audience);
        if markdown.is_empty() {
            diagnostics.error(body_line, format!("the {audience} variant is empty"));
        }
        variants.insert(audience, markdown);
    }
    if variants.is_empty() {
        diagnostics.error(body_line, "the article has no body");
    }
    variants
}

/// The shared segments and `audience`'s own, in file order and a blank line apart,
/// trimmed.
fn variant(segments: &[Segment], audience: Audience) -> String {
    let mut markdown = String::new();
    for segment in segments {
        if segment.audience.is_none() || segment.audience == Some(audience) {
            if !markdown.is_empty() && !markdown.ends_with("\n\n") {
                markdown.push('\n');
            }
            markdown.push_str(&segment.text);
        }
    }
    markdown.trim().to_owned()
}
