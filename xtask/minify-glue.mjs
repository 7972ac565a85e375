// Minifies the Wasm's JavaScript glue in a built site, and keeps Trunk's Subresource
// Integrity right: run by Trunk's post_build hook before the pages are written from
// index.html, `node xtask/minify-glue.mjs SITE_DIR`.
//
// wasm-bindgen writes readable glue (58 KB, 9.7 KB gzip); minified by esbuild it is
// 26 KB (7.4 KB gzip), which every page that loads the widget pays. Trunk wrote the
// glue's sha384 into index.html's modulepreload, so the new file's hash replaces it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifiedGlue, oneFile, sha384 } from './site-files.mjs';

const site = process.argv[2];
if (!site) {
  console.error('usage: node xtask/minify-glue.mjs SITE_DIR');
  process.exit(2);
}

const glueName = oneFile(site, /^article-widget-[0-9a-f]+\.js$/, 'glue', 'minify-glue');
const glue = join(site, glueName);
const index = join(site, 'index.html');
const readable = readFileSync(glue);
const code = minifiedGlue(readable);
const page = readFileSync(index, 'utf8');
const before = sha384(readable);
if (!page.includes(before)) {
  console.error(`minify-glue: index.html does not name the glue's integrity ${before}`);
  process.exit(1);
}
writeFileSync(glue, code);
writeFileSync(index, page.replaceAll(before, sha384(Buffer.from(code))));
console.log(`minify-glue: ${glueName} ${readable.length} -> ${Buffer.byteLength(code)} bytes`);
