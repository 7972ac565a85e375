//! The CommonMark spec's examples (npm `commonmark-spec`) through `articles md`, the very
//! renderer the widget runs. Every example without raw HTML must match after
//! normalisation; raw HTML is shown as text by design, so those examples cannot.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use pulldown_cmark::{Event, Parser};

use support::html_normalize::normalize;

struct Example {
    number: usize,
    section: String,
    markdown: String,
    html: String,
}

/// Reads the examples from spec.txt the way the spec's own tooling does; `→` stands for
/// a tab in the spec's text.
fn examples(spec: &str) -> Vec<Example> {
    let fence = "`".repeat(32);
    let mut examples = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line == format!("{fence} example") {
            let mut markdown = String::new();
            let mut html = String::new();
            let mut in_html = false;
            for line in lines.by_ref() {
                if line == fence {
                    break;
                }
                if line == "." && !in_html {
                    in_html = true;
                    continue;
                }
                let target = if in_html { &mut html } else { &mut markdown };
                target.push_str(&line.replace('→', "\t"));
                target.push('\n');
            }
            examples.push(Example {
                number: examples.len() + 1,
                section: section.clone(),
                markdown,
                html,
            });
        } else if let Some(heading) = line.strip_prefix('#') {
            section = heading.trim_start_matches('#').trim().to_owned();
        }
    }
    examples
}

fn has_raw_html(markdown: &str) -> bool {
    Parser::new_ext(markdown, article_widget::markdown::parser_options())
        .any(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
}

fn render_with_cli(markdown: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_articles"))
        .arg("md")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("articles md starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(markdown.as_bytes())
        .expect("markdown is written");
    let output = child.wait_with_output().expect("articles md finishes");
    assert!(output.status.success(), "articles md failed");
    String::from_utf8(output.stdout).expect("HTML is UTF-8")
}

#[test]
fn commonmark_spec_examples_without_raw_html_match() {
    let spec_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/commonmark-spec/spec.txt");
    let spec = std::fs::read_to_string(&spec_path).unwrap_or_else(|error| {
        panic!(
            "cannot read {}: {error}. Run `cargo xtask test`, which installs it (npm ci).",
            spec_path.display()
        )
    });
    let examples = examples(&spec);
    assert_eq!(examples.len(), 652, "the spec should hold 652 examples");

    let mut considered = 0;
    let mut failures = Vec::new();
    for example in examples
        .iter()
        .filter(|example| !has_raw_html(&example.markdown))
    {
        considered += 1;
        let actual = render_with_cli(&example.markdown);
        if normalize(&actual) != normalize(&example.html) {
            failures.push(example);
        }
    }
    let passed = considered - failures.len();
    let percent = 100.0 * passed as f64 / considered as f64;
    println!(
        "commonmark: {passed} of {considered} examples without raw HTML pass ({percent:.1}%); {} of 652 examples have raw HTML",
        652 - considered
    );
    for example in &failures {
        println!(
            "  example {} ({}): {:?}\n    expected {}\n    actual   {}",
            example.number,
            example.section,
            example.markdown,
            normalize(&example.html),
            normalize(&render_with_cli(&example.markdown)),
        );
    }
    assert!(
        percent >= 99.0,
        "CommonMark conformance {percent:.1}% is below 99%"
    );
}
