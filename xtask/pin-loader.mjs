// Writes this build's pinned loader into a built site: run by Trunk's post_build hook
// after the live embed.js, `node xtask/pin-loader.mjs SITE_DIR`.
//
// The live embed.js changes with every deploy, so no `integrity` attribute can hold on
// it. The pinned one is a version folder, `v/<version>/`, that never changes once
// written: its embed.js has the Wasm's glue bundled in (see www/loader/code.js) and
// names its Wasm and stylesheet, copied beside it, by their sha384. One `integrity` on
// the script tag therefore pins every byte of code. The content (article data,
// prerendered pages) still comes from the site's root, live.
//
// <version> is the start of the pinned embed.js's own sha384, so a build whose code did
// not change writes the same folder again. `pinned.json` names this build's version,
// its script and that script's integrity, for the embed panel's pinned code; deploys keep
// the older folders (`cargo xtask dist --keep`, docs/embedding.md#pinned-versions).
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { oneFile, sha384 } from './site-files.mjs';

const site = process.argv[2];
if (!site) {
  console.error('usage: node xtask/pin-loader.mjs SITE_DIR');
  process.exit(2);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const one = (pattern, what) => oneFile(site, pattern, what, 'pin-loader');

const glue = one(/^article-widget-[0-9a-f]+\.js$/, 'glue');
const wasm = one(/^article-widget-[0-9a-f]+_bg\.wasm$/, 'Wasm');
const css = one(/^widget-[0-9a-f]+\.css$/, 'stylesheet');
const wasmBytes = readFileSync(join(site, wasm));
const cssBytes = readFileSync(join(site, css));

// www/loader/code.js, replaced by the glue itself.
const bundledGlue = {
  name: 'bundled-glue',
  setup(build) {
    build.onResolve({ filter: /^\.\/code\.js$/ }, () => ({ path: 'code.js', namespace: 'pinned' }));
    build.onLoad({ filter: /.*/, namespace: 'pinned' }, () => ({
      resolveDir: resolve(site),
      contents: [
        `import * as glue from ${JSON.stringify('./' + glue)};`,
        'export const loadGlue = () => Promise.resolve(glue);',
        'export const PIN = __ARTICLE_WIDGET_PIN__;',
      ].join('\n'),
    }));
  },
};

const pin = { wasm: sha384(wasmBytes), css: sha384(cssBytes), site: '../../' };
const result = await build({
  entryPoints: [join(root, 'www/loader/main.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
  // The glue's default Wasm address reads import.meta.url; the loader always gives the
  // Wasm's response itself, so that address is never used.
  logOverride: { 'empty-import-meta': 'silent' },
  write: false,
  plugins: [bundledGlue],
  define: {
    __ARTICLE_WIDGET_GLUE__: JSON.stringify(glue),
    __ARTICLE_WIDGET_WASM__: JSON.stringify(wasm),
    __ARTICLE_WIDGET_CSS__: JSON.stringify(css),
    __ARTICLE_WIDGET_PIN__: JSON.stringify(pin),
    // A pinned version is the full app alone: its one integrity covers one glue, and
    // the article-only Wasm's glue would need a second bundled in.
    __ARTICLE_WIDGET_ARTICLE_CODE__: 'null',
  },
});
const script = Buffer.from(result.outputFiles[0].contents);
const integrity = sha384(script);
const version = createHash('sha384').update(script).digest('hex').slice(0, 16);
const folder = join(site, 'v', version);
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'embed.js'), script);
copyFileSync(join(site, wasm), join(folder, wasm));
copyFileSync(join(site, css), join(folder, css));
const pinned = { version, src: `v/${version}/embed.js`, integrity };
writeFileSync(join(site, 'pinned.json'), `${JSON.stringify(pinned, null, 2)}\n`);
console.log(`pin-loader: v/${version}/embed.js ${script.length} bytes, ${integrity}`);
