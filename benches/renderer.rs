//! Native throughput of the widget's renderer against pulldown-cmark's own HTML writer
//! on the same markdown:
//!
//! - `widget`: markdown → document → Yew virtual DOM, the whole pipeline (the parse
//!   runs in `articles build`, the render in the reader's browser);
//! - `widget-render`: document → Yew virtual DOM, what the reader's browser does;
//! - `push_html`: markdown → HTML string, pulldown-cmark alone.
//!
//! Throughput is always per byte of markdown. Inputs are the markdown the bench's peer
//! fetches, as `cargo xtask bench` writes it (the ALS article and the generated 1 MB
//! article, professional variants), so run `cargo xtask bench` once before
//! `cargo bench --bench renderer` on its own.
//! `cargo xtask bench` folds the figures (target/criterion/renderer/) into its report.

use std::hint::black_box;
use std::path::Path;

use article_widget::markdown::{parse, parser_options};
use article_widget::render::render;
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use pulldown_cmark::Parser;

const ARTICLE_DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/bench/site/peer/articles"
);

/// The (input name, article slug) pairs measured; `cargo xtask bench` reads these names.
const INPUTS: [(&str, &str); 2] = [
    ("als-professional", "als-primary-treatment"),
    ("bench-1mb-professional", "bench-1mb"),
];

fn professional_markdown(slug: &str) -> String {
    let path = Path::new(ARTICLE_DATA).join(format!("{slug}.json"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read {}: {error}; `cargo xtask bench` writes it",
            path.display()
        )
    });
    let article: serde_json::Value = serde_json::from_str(&json)
        .unwrap_or_else(|error| panic!("{} is not JSON: {error}", path.display()));
    article["variants"]["professional"]
        .as_str()
        .unwrap_or_else(|| panic!("{slug} has no professional markdown"))
        .to_owned()
}

fn push_html(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, parser_options()));
    html
}

fn renderers(c: &mut Criterion) {
    let mut group = c.benchmark_group("renderer");
    // Twenty samples of equal iteration counts keep the 1 MB input within seconds; the
    // report takes the median of the samples and wants at least 15.
    group.sample_size(20);
    group.sampling_mode(SamplingMode::Flat);
    for (name, slug) in INPUTS {
        let markdown = professional_markdown(slug);
        group.throughput(Throughput::Bytes(markdown.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("widget", name),
            &markdown,
            |b, markdown| b.iter(|| render(&parse(black_box(markdown)))),
        );
        let document = parse(&markdown);
        group.bench_with_input(
            BenchmarkId::new("widget-render", name),
            &document,
            |b, document| b.iter(|| render(black_box(document))),
        );
        group.bench_with_input(
            BenchmarkId::new("push_html", name),
            &markdown,
            |b, markdown| b.iter(|| push_html(black_box(markdown))),
        );
    }
    group.finish();
}

criterion_group!(benches, renderers);
criterion_main!(benches);
