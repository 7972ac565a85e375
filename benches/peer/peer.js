// The peer: the article widget a partner would build in JavaScript, to measure ours
// against. Never shipped. One module script on the partner page, like embed.js:
//
//   <script type="module" src="https://WIDGET_HOST/peer/peer.js" data-article="als-primary-treatment" async></script>
//
// It fetches the same article as the widget, renders the variant's markdown with marked,
// sanitises it with DOMPurify and puts it in an open shadow root with a small
// stylesheet. `prepare-site.mjs` replaces the three relative imports below by the
// content-hashed copies it writes beside this file, cached forever like the widget's
// glue and Wasm; this file itself is revalidated, like embed.js.
import { Marked } from './marked.js';
import DOMPurify from './purify.js';
import { STYLESHEET, articleHtml, createMarked } from './render.mjs';

// The same articles, each variant as markdown (`articles markdown`, run by the bench):
// the widget's own data holds bodies parsed at build time, which marked cannot read.
const articles = new URL('./articles/', import.meta.url);
const marked = createMarked(Marked);
const sheet = new CSSStyleSheet();
sheet.replaceSync(STYLESHEET);

async function mount(host, slug, audience) {
  const response = await fetch(new URL(`${slug}.json`, articles));
  if (!response.ok) throw new Error(`${slug}: HTTP ${response.status}`);
  const article = await response.json();
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet];
  // A fragment, not a string: the sanitised nodes go in without being parsed again.
  shadow.append(DOMPurify.sanitize(articleHtml(article, audience ?? article.default_audience, marked), { RETURN_DOM_FRAGMENT: true }));
}

// A module script has no document.currentScript: find the tags that load this file.
for (const script of document.querySelectorAll('script[data-article]')) {
  if (script.src !== import.meta.url) continue;
  const host = document.createElement('peer-article');
  script.after(host);
  mount(host, script.dataset.article, script.dataset.audience).catch((error) => console.error(`peer: ${error}`));
}
