// Adds what the benchmark compares the widget with to the benchmark's sites:
//
// - the peer (benches/peer/) into SITE_DIR/peer/: peer.js, and marked, DOMPurify and the
//   peer's renderer under content-hashed names (the server caches those forever, as it
//   does the widget's glue and Wasm);
// - the floor pages into PARTNER_DIR: the peer's HTML of an article rendered here, ahead
//   of time, and set into a shadow root by a tiny inline script.
//
// Usage: node benches/prepare-site.mjs SITE_DIR PARTNER_DIR
// SITE_DIR already holds the release site, its article data (articles/<slug>.json) and
// the peer's, with markdown variants (peer/articles/<slug>.json).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';
import { STYLESHEET, articleHtml, createMarked } from './peer/render.mjs';

const [siteDir, partnerDir] = process.argv.slice(2);
if (!siteDir || !partnerDir) {
  console.error('usage: node benches/prepare-site.mjs SITE_DIR PARTNER_DIR');
  process.exit(2);
}
const nodeModules = new URL('../node_modules/', import.meta.url);
const peerSource = new URL('./peer/', import.meta.url);

/** Writes `text` as SITE_DIR/peer/<stem>-<hash>.js; returns the file name. */
function writeHashed(peerDir, stem, text) {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const name = `${stem}-${hash}.js`;
  writeFileSync(join(peerDir, name), text);
  return name;
}

function preparePeer() {
  const peerDir = join(siteDir, 'peer');
  mkdirSync(peerDir, { recursive: true });
  const marked = readFileSync(new URL('marked/lib/marked.esm.js', nodeModules), 'utf8');
  // DOMPurify's ES build is not minified (21 KB gzip against 12); a partner's bundler
  // would minify it, so the peer gets the minified UMD build wrapped as a module: with
  // `module` and `exports` in scope the UMD header hands its factory's result to them.
  const purifyUmd = readFileSync(new URL('dompurify/dist/purify.min.js', nodeModules), 'utf8');
  const purify = `const exports = {};\nconst module = { exports };\n${purifyUmd}\nexport default module.exports;\n`;
  const render = readFileSync(new URL('render.mjs', peerSource), 'utf8');
  const names = {
    './marked.js': writeHashed(peerDir, 'marked', marked),
    './purify.js': writeHashed(peerDir, 'purify', purify),
    './render.mjs': writeHashed(peerDir, 'render', render),
  };
  let entry = readFileSync(new URL('peer.js', peerSource), 'utf8');
  for (const [specifier, name] of Object.entries(names)) {
    const quoted = `'${specifier}'`;
    if (!entry.includes(quoted)) throw new Error(`peer.js no longer imports ${specifier}`);
    entry = entry.replace(quoted, `'./${name}'`);
  }
  writeFileSync(join(peerDir, 'peer.js'), entry);
}

/** A partner page showing `slug` the fastest way there is: its HTML already in the page. */
function writeFloorPage(file, slug) {
  const article = JSON.parse(readFileSync(join(siteDir, 'peer', 'articles', `${slug}.json`), 'utf8'));
  const html = `<style>${STYLESHEET}</style>${articleHtml(article, article.default_audience, createMarked(Marked))}`;
  // `<` escaped, so that no `</script>` in the article can end the script early.
  const literal = JSON.stringify(html).replace(/</g, '\\u003c');
  writeFileSync(
    join(partnerDir, file),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Benchmark partner page: the floor</title>
  </head>
  <body>
    <h1>A partner page</h1>
    <floor-article></floor-article>
    <script>document.querySelector('floor-article').attachShadow({ mode: 'open' }).innerHTML = ${literal};</script>
  </body>
</html>
`,
  );
}

preparePeer();
writeFloorPage('floor.html', 'als-primary-treatment');
writeFloorPage('floor-1mb.html', 'bench-1mb');
console.log(`wrote the peer into ${join(siteDir, 'peer')} and the floor pages into ${partnerDir}`);
