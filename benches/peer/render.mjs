// The peer widget's rendering: article data (as `articles markdown` writes it) to HTML with
// marked, the way a partner would write it. Pure functions, no DOM: the peer runs them
// in the browser (peer.js) and `prepare-site.mjs` runs them in node to pre-render the
// floor pages, so the peer and the floor show the very same HTML.

/** The peer's small stylesheet: readable type, tables and references. */
export const STYLESHEET = `
:host { display: block; font: 16px/1.6 system-ui, sans-serif; color: #1d2329; max-width: 46rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
.meta { color: #4a5560; font-size: 0.9rem; margin: 0 0 1rem; }
a { color: #0b5cad; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c9d1d9; padding: 0.25rem 0.5rem; }
blockquote { border-left: 4px solid #c9d1d9; margin: 0; padding-left: 1rem; }
pre { background: #f3f5f7; padding: 0.75rem; overflow-x: auto; }
img { max-width: 100%; }
.references { font-size: 0.9rem; }
`;

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

// Articles cite their front matter's references as `[^3]`; marked has no footnotes of
// its own, so this inline extension makes each one a link into the reference list,
// as the widget does.
const citation = {
  name: 'citation',
  level: 'inline',
  start(source) {
    const index = source.indexOf('[^');
    return index < 0 ? undefined : index;
  },
  tokenizer(source) {
    const match = /^\[\^(\d+)\]/.exec(source);
    if (match) return { type: 'citation', raw: match[0], id: match[1] };
    return undefined;
  },
  renderer(token) {
    return `<sup><a href="#ref-${token.id}">${token.id}</a></sup>`;
  },
};

/** A marked instance with GitHub-flavoured markdown and citations. */
export function createMarked(Marked) {
  return new Marked({ gfm: true, extensions: [citation] });
}

function referenceHtml(reference) {
  const parts = [reference.authors.join(', '), reference.title, reference.source, String(reference.year)];
  const link = reference.doi ? `https://doi.org/${reference.doi}` : reference.url;
  const linked = link ? ` <a href="${escapeHtml(link)}">${escapeHtml(link)}</a>` : '';
  return `<li id="ref-${reference.id}">${escapeHtml(parts.join('. '))}.${linked}</li>`;
}

/** The article's HTML for `audience`: question, review line, body, references. */
export function articleHtml(article, audience, marked) {
  const variant = article.variants[audience] ?? article.variants[article.default_audience];
  return [
    '<article part="article">',
    '<header part="header">',
    `<h1 part="question">${escapeHtml(article.question)}</h1>`,
    `<p class="meta">Review status: ${escapeHtml(article.review.status)}. Updated ${escapeHtml(article.updated)}; next review ${escapeHtml(article.next_review_due)}.</p>`,
    '</header>',
    `<div part="body">${marked.parse(variant)}</div>`,
    '<section class="references" part="references"><h2>References</h2><ol>',
    ...article.references.map(referenceHtml),
    '</ol></section>',
    '</article>',
  ].join('');
}
