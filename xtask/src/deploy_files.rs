//! The shipped server configurations, `docs/deploy/nginx.conf`, `docs/deploy/Caddyfile`
//! and `docs/deploy/_headers`, written from the one table of headers (`headers.rs`). A
//! test fails when a shipped file is not what the table writes;
//! `UPDATE_DEPLOY_FILES=1 cargo test -p xtask` rewrites them. The end-to-end test
//! `tests/e2e/deploy.test.mjs` runs nginx and Caddy on the shipped files and measures
//! what they send.
//!
//! Longer than 300 lines: three writers, each with the comments its file ships with.

use crate::headers::{self, Headers, Rule, RULES, UNLISTED};

/// The site's root as the files say it: a deployment writes its own there, the
/// end-to-end test its copy of dist/.
pub const SITE_ROOT: &str = "/srv/article-widget/dist";

/// Sent with every answer by nginx and Caddy, which choose a precompressed sibling by
/// `Accept-Encoding` (the project's server sends it where the coding could change).
const VARY: (&str, &str) = ("Vary", "Accept-Encoding");

/// The table's rules gathered by the headers they send, in the table's order: one
/// matcher per kind of file rather than one per pattern.
fn kinds() -> Vec<(Headers, Vec<&'static Rule>)> {
    let mut kinds: Vec<(Headers, Vec<&Rule>)> = Vec::new();
    for rule in RULES {
        let sent = sent_headers(rule);
        match kinds.iter_mut().find(|(headers, _)| *headers == sent) {
            Some((_, rules)) => rules.push(rule),
            None => kinds.push((sent, vec![rule])),
        }
    }
    kinds
}

/// The headers a rule sends, its content type among them when it names one.
fn sent_headers(rule: &Rule) -> Headers {
    let mut sent = headers::headers(rule);
    if let Some(content_type) = rule.content_type {
        sent.push(("Content-Type", content_type));
    }
    sent
}

/// One anchored regular expression matching any of `rules`' patterns.
fn alternation<'a>(rules: impl IntoIterator<Item = &'a Rule>) -> String {
    let alternatives: Vec<String> = rules
        .into_iter()
        .map(|rule| {
            let regex = headers::regex(rule.pattern);
            regex[1..regex.len() - 1].to_owned()
        })
        .collect();
    format!("^(?:{})$", alternatives.join("|"))
}

fn patterns(rules: &[&Rule]) -> String {
    rules
        .iter()
        .map(|rule| rule.pattern)
        .collect::<Vec<_>>()
        .join(" ")
}

const GENERATED: &str = "Written from the table of headers in xtask/src/headers.rs: change the table, then run\n`UPDATE_DEPLOY_FILES=1 cargo test -p xtask`.";

/// What the end-to-end tests do with the nginx and Caddy files.
const RUN_BY_THE_TESTS: &str = "`cargo xtask test` serves dist/ with this very file (tests/e2e/deploy.test.mjs, with\nthe root, the address and the paths of logs and temporary files replaced) and checks\nwhat it sends.";

fn comment(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                "#\n".to_owned()
            } else {
                format!("# {line}\n")
            }
        })
        .collect()
}

pub fn nginx_conf() -> String {
    let mut out = comment(&format!(
        "nginx serving dist/ (docs/deployment.md): a whole configuration, `nginx -c nginx.conf`.\nInto an nginx that has its own, take the `server` block and the `types` below.\n{GENERATED}\n{RUN_BY_THE_TESTS}"
    ));
    out.push_str(
        "
# Brotli: Debian's libnginx-mod-http-brotli-static (elsewhere, Google's ngx_brotli).
# Debian's own nginx.conf loads it already (modules-enabled/). Without the module,
# delete this line and `brotli_static on;` below: gzip_static then serves the .gz.
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;

user www-data;
worker_processes auto;
pid /run/article-widget-nginx.pid;
error_log /var/log/nginx/article-widget-error.log;

events {}

http {
    include /etc/nginx/mime.types;
    # Types a mime.types may lack (headers.rs, CONTENT_TYPES; application/wasm is in
    # nginx's own since 1.21).
    types {
",
    );
    for (extension, content_type) in headers::CONTENT_TYPES {
        if *extension == "wasm" {
            continue;
        }
        out.push_str(&format!("        {content_type} {extension};\n"));
    }
    out.push_str(&format!(
        "    }}
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css text/plain text/xml application/javascript application/json application/manifest+json application/atom+xml;
    access_log /var/log/nginx/article-widget-access.log;
    client_body_temp_path /var/lib/nginx/article-widget/body;
    proxy_temp_path /var/lib/nginx/article-widget/proxy;
    fastcgi_temp_path /var/lib/nginx/article-widget/fastcgi;
    uwsgi_temp_path /var/lib/nginx/article-widget/uwsgi;
    scgi_temp_path /var/lib/nginx/article-widget/scgi;
    sendfile on;
    server_tokens off;

    server {{
        listen 80;
        root {SITE_ROOT};
        # The build's name.br, else name.gz, by the browser's Accept-Encoding, sent with
        # the type of name and Vary: Accept-Encoding. nginx does not check that a
        # sibling is as new as its file: upload them together.
        # Vary: Accept-Encoding is added below to every answer rather than by
        # gzip_vary, which leaves it out of the file sent as it is when the file has a
        # .br and no .gz (a small file whose gzip is no smaller).
        brotli_static on;
        gzip_static on;
        error_page 404 /404.html;
"
    ));
    let location = |regex: &str, headers: &[(&str, &str)], content_type: Option<&str>| {
        let mut block = format!("        location ~ \"{regex}\" {{\n");
        for (name, value) in headers.iter().chain([&VARY]) {
            block.push_str(&format!(
                "            add_header {name} \"{value}\" always;\n"
            ));
        }
        if let Some(content_type) = content_type {
            // One type whatever the extension: an empty `types` leaves only the default.
            block.push_str(&format!(
                "            types {{}}\n            default_type {content_type};\n"
            ));
        }
        // A directory's page is served in this location (no internal redirect to
        // `index.html`, which would be matched again), so it gets its URL's headers.
        block.push_str("            try_files $uri/index.html $uri =404;\n        }\n");
        block
    };
    for (sent, rules) in kinds() {
        out.push_str(&format!("\n        # {}\n", patterns(&rules)));
        let content_type = rules[0].content_type;
        let without_type: Vec<(&str, &str)> = sent
            .iter()
            .copied()
            .filter(|(name, _)| *name != "Content-Type")
            .collect();
        out.push_str(&location(&alternation(rules), &without_type, content_type));
    }
    out.push_str("\n        # Any other file.\n");
    out.push_str(
        &location("^/", &headers::headers(&UNLISTED), None)
            .replace("location ~ \"^/\"", "location /"),
    );
    out.push_str("    }\n}\n");
    out
}

pub fn caddyfile() -> String {
    let mut out = comment(&format!(
        "Caddy 2 serving dist/ (docs/deployment.md): `caddy run --config Caddyfile`.\n{GENERATED}\n{RUN_BY_THE_TESTS}"
    ));
    out.push_str(&format!(
        "
{{
\t# No admin endpoint: this file is the whole configuration.
\tadmin off
}}

# A plain http address, as behind a TLS front of your own; write the site's name
# instead (example.org) and Caddy gets and renews its certificate.
:80 {{
\troot * {SITE_ROOT}
\t# The build's name.br, else name.gz, by the browser's Accept-Encoding, with the
\t# type of name and Vary: Accept-Encoding.
\tfile_server {{
\t\tprecompressed br gzip
\t}}
"
    ));
    for (name, value) in headers::EVERY_RESPONSE {
        out.push_str(&format!("\theader {name} \"{value}\"\n"));
    }
    let (vary, coding) = VARY;
    out.push_str(&format!(
        "\t# {vary}: {coding} on every answer: Caddy leaves it out when it sends the file\n\t# as it is to a request without Accept-Encoding, which a cache would then keep for all.\n\theader {{\n\t\tdefer\n\t\t{vary} \"{coding}\"\n\t}}\n",
    ));
    out.push_str("\n\t# Types Caddy's own table may lack (headers.rs, CONTENT_TYPES).\n");
    for (extension, content_type) in headers::CONTENT_TYPES {
        out.push_str(&format!(
            "\t@type_{extension} path *.{extension}\n\theader @type_{extension} Content-Type \"{content_type}\"\n"
        ));
    }
    for (index, (sent, rules)) in kinds().into_iter().enumerate() {
        out.push_str(&format!("\n\t# {}\n", patterns(&rules)));
        out.push_str(&format!(
            "\t@kind{index} path_regexp \"{}\"\n\theader @kind{index} {{\n",
            alternation(rules)
        ));
        for (name, value) in sent {
            if !headers::EVERY_RESPONSE
                .iter()
                .any(|(every, _)| *every == name)
            {
                out.push_str(&format!("\t\t{name} \"{value}\"\n"));
            }
        }
        out.push_str("\t}\n");
    }
    out.push_str(&format!(
        "\n\t# Any other file.\n\t@unlisted not path_regexp \"{}\"\n\theader @unlisted Cache-Control \"{}\"\n",
        alternation(RULES),
        UNLISTED.caching.header_value()
    ));
    let not_found = headers::rule_for("/404.html");
    out.push_str(
        "\n\t# Any address with no file: the build's 404.html, with the status 404.\n\thandle_errors {\n\t\t@not_found expression {err.status_code} == 404\n\t\thandle @not_found {\n\t\t\trewrite * /404.html\n\t\t\theader {\n",
    );
    for (name, value) in headers::headers(not_found) {
        out.push_str(&format!("\t\t\t\t{name} \"{value}\"\n"));
    }
    out.push_str(
        "\t\t\t}\n\t\t\tfile_server {\n\t\t\t\tprecompressed br gzip\n\t\t\t}\n\t\t}\n\t}\n}\n",
    );
    out
}

pub fn netlify_headers() -> String {
    let mut out = comment(&format!(
        "Netlify and Cloudflare Pages: copy this file into the upload as `_headers`, at its top.\nBoth apply every rule that matches a path, so no file is matched by two rules setting\none header. A file no rule names gets the host's own caching, revalidated on each use.\nThey compress on their own: leave the .br and .gz out of the upload.\n{GENERATED}\nA native test reads it back as those hosts do and compares it with the table."
    ));
    out.push_str("\n/*\n");
    for (name, value) in headers::EVERY_RESPONSE {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    for rule in RULES {
        out.push_str(&format!("{}\n", rule.pattern));
        for (name, value) in sent_headers(rule) {
            if !headers::EVERY_RESPONSE
                .iter()
                .any(|(every, _)| *every == name)
            {
                out.push_str(&format!("  {name}: {value}\n"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Each shipped file is what the table writes; with UPDATE_DEPLOY_FILES set, the
    /// test writes them instead.
    #[test]
    fn the_shipped_server_configurations_are_written_from_the_table_of_headers() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/deploy");
        let update = std::env::var_os("UPDATE_DEPLOY_FILES").is_some();
        let mut stale = Vec::new();
        for (name, text) in [
            ("nginx.conf", nginx_conf()),
            ("Caddyfile", caddyfile()),
            ("_headers", netlify_headers()),
        ] {
            let path = folder.join(name);
            if update {
                std::fs::create_dir_all(&folder).unwrap();
                std::fs::write(&path, &text).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(name);
            }
        }
        assert!(
            stale.is_empty(),
            "docs/deploy/{stale:?} differ from what xtask/src/headers.rs writes: run `UPDATE_DEPLOY_FILES=1 cargo test -p xtask`"
        );
    }

    /// Read back as Netlify and Cloudflare Pages read it (every matching rule applies),
    /// `_headers` gives each kind of file what the table gives it.
    #[test]
    fn the_headers_file_read_as_its_hosts_read_it_gives_each_file_the_tables_headers() {
        let text = netlify_headers();
        let mut rules: Vec<(&str, Vec<(&str, &str)>)> = Vec::new();
        for line in text.lines().filter(|line| !line.starts_with('#')) {
            if let Some(header) = line.strip_prefix("  ") {
                let (name, value) = header.split_once(": ").unwrap();
                rules.last_mut().unwrap().1.push((name, value));
            } else if !line.is_empty() {
                rules.push((line, Vec::new()));
            }
        }
        for (path, _, _) in headers::tests::SAMPLES {
            let mut sent: Vec<(&str, &str)> = rules
                .iter()
                .filter(|(pattern, _)| headers::matches(pattern, path))
                .flat_map(|(_, headers)| headers.iter().copied())
                .collect();
            let mut wanted = sent_headers(headers::rule_for(path));
            sent.sort();
            wanted.sort();
            assert_eq!(sent, wanted, "{path}");
        }
    }
}
