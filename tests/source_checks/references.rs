//! The `[[references]]`: their order and what each needs.

use crate::support::{listing, only_error, only_warning, parse, variant};

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
    // A url alone will do, for a web page with the day it was read.
    let parsed = parse(&variant(
        "doi = \"10.1000/demo.1\"\npmid = \"123456\"\n",
        "url = \"https://example.org/trial\"\ncited = 2026-11-20\n",
    ));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
}

#[test]
fn a_web_page_says_the_day_it_was_read_and_not_a_day_to_come() {
    let web_page = |cited: &str| {
        parse(&variant(
            "doi = \"10.1000/demo.1\"\npmid = \"123456\"\n",
            &format!("url = \"https://example.org/trial\"\n{cited}"),
        ))
    };
    only_warning(
        &web_page(""),
        11,
        "reference 1 is a web page: add `cited = YYYY-MM-DD`, the day it was read",
    );
    only_error(
        &web_page("cited = 2026-12-25\n"),
        18,
        "reference 1: cited 2026-12-25 is after today (2026-11-27)",
    );
    let parsed = parse(&variant(
        "pmid = \"123456\"\n",
        "pmid = \"123456\"\ncited = 2026-11-20\n",
    ));
    only_error(
        &parsed,
        11,
        "reference 1: `cited` dates a web page, but the reference has no url",
    );
}

#[test]
fn a_list_of_three_or_six_authors_says_whether_more_follow() {
    let three = "authors = [\"Roe J\", \"Doe A\", \"Poe E\"]";
    let parsed = parse(&variant("authors = [\"Roe J\", \"Doe A\"]", three));
    only_warning(
        &parsed,
        11,
        "reference 1 lists exactly 3 authors: add `et_al = true` if more follow, or `et_al = false` if that is all of them",
    );
    for et_al in ["et_al = true", "et_al = false"] {
        let parsed = parse(&variant(
            "authors = [\"Roe J\", \"Doe A\"]",
            &format!("{three}\n{et_al}"),
        ));
        assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    }
    // Two authors or seven are not where lists are cut.
    let seven = "authors = [\"A A\", \"B B\", \"C C\", \"D D\", \"E E\", \"F F\", \"G G\"]";
    let parsed = parse(&variant("authors = [\"Roe J\", \"Doe A\"]", seven));
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
