//! The `[[references]]`: their order and what each needs.

use crate::support::{listing, only_error, parse, variant};

#[test]
fn reference_ids_must_run_in_order() {
    let parsed =
        parse(&variant("id = 1\n", "id = 2\n").replace("Shared intro[^1].", "Shared intro[^2]."));
    only_error(
        &parsed,
        11,
        "reference id 2 is out of order: references are numbered 1, 2, 3... and this one should be 1",
    );
}

#[test]
fn a_reference_needs_a_doi_a_pmid_or_a_url() {
    let parsed = parse(&variant(
        "doi = \"10.1000/demo.1\"\npmid = \"123456\"\n",
        "",
    ));
    only_error(&parsed, 11, "reference 1 needs a doi, a pmid or a url");
    // A url alone will do.
    let parsed = parse(&variant(
        "doi = \"10.1000/demo.1\"\npmid = \"123456\"\n",
        "url = \"https://example.org/trial\"\n",
    ));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
}

#[test]
fn a_pmid_is_digits() {
    let parsed = parse(&variant("pmid = \"123456\"", "pmid = \"PMC123456\""));
    only_error(
        &parsed,
        11,
        "reference 1: pmid `PMC123456` is not a PubMed id",
    );
}

#[test]
fn a_doi_looks_like_10_prefix_slash_suffix() {
    let parsed = parse(&variant(
        "doi = \"10.1000/demo.1\"",
        "doi = \"doi:10.1000/demo.1\"",
    ));
    only_error(
        &parsed,
        11,
        "reference 1: doi `doi:10.1000/demo.1` does not look like 10.xxxx/yyyy",
    );
    let parsed = parse(&variant("doi = \"10.1000/demo.1\"", "doi = \"10.1000\""));
    only_error(&parsed, 11, "doi `10.1000` does not look like");
}

#[test]
fn a_reference_url_must_be_http_or_https() {
    let parsed = parse(&variant(
        "pmid = \"123456\"\n",
        "pmid = \"123456\"\nurl = \"ftp://example.org/trial\"\n",
    ));
    only_error(
        &parsed,
        11,
        "reference 1: url `ftp://example.org/trial` must be http or https",
    );
}

#[test]
fn a_reference_needs_authors_a_title_and_a_source() {
    let parsed = parse(&variant("authors = [\"Roe J\", \"Doe A\"]", "authors = []"));
    only_error(&parsed, 11, "reference 1 needs its authors");
    let parsed = parse(&variant(
        "title = \"A controlled trial of demos\"",
        "title = \" \"",
    ));
    only_error(&parsed, 11, "reference 1 needs a title and a source");
}
