// Minifies the Wasm's JavaScript glue in a built site, and keeps Trunk's Subresource
// Integrity right: run by Trunk's post_build hook before the pages are written from
// index.html, `node xtask/minify-glue.mjs SITE_DIR`.
//
// wasm-bindgen writes readable glue (58 KB, 9.7 KB gzip); minified by esbuild it is
// 26 KB (7.4 KB gzip), which every page that loads the widget pays. Trunk wrote the
// glue's sha384 into index.html's modulepreload, so the new file's hash replaces it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const site = process.argv[2];
if (!site) {
  console.error('usage: node xtask/minify-glue.mjs SITE_DIR');
  process.exit(2);
}

const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const glues = readdirSync(site).filter((name) => /^article-widget-[0-9a-f]+\.js$/.test(name));
if (glues.length !== 1) {
  console.error(`minify-glue: expected one glue in ${site}, found ${glues.join(', ') || 'none'}`);
  process.exit(1);
}
const glue = join(site, glues[0]);
const index = join(site, 'index.html');
const readable = readFileSync(glue);
const { code } = transformSync(readable.toString('utf8'), {
  minify: true,
  format: 'esm',
  legalComments: 'none',
  target: 'es2020',
});
const page = readFileSync(index, 'utf8');
const before = sha384(readable);
if (!page.includes(before)) {
  console.error(`minify-glue: index.html does not name the glue's integrity ${before}`);
  process.exit(1);
}
writeFileSync(glue, code);
writeFileSync(index, page.replaceAll(before, sha384(Buffer.from(code))));
console.log(`minify-glue: ${glues[0]} ${readable.length} -> ${Buffer.byteLength(code)} bytes`);
