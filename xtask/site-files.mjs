// What the build's scripts (xtask/*.mjs, run by Trunk's post_build hook) ask of a built
// site: a file's Subresource Integrity, and the one file of a kind, by its hashed name.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { transformSync } from 'esbuild';

/** The `sha384-…` integrity of `bytes`, as a browser checks it. */
export const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * The one file of `site` whose name matches `pattern`; otherwise `tool` says what it
 * found, and the build stops.
 */
export function oneFile(site, pattern, what, tool) {
  const found = readdirSync(site).filter((name) => pattern.test(name));
  if (found.length !== 1) {
    console.error(`${tool}: expected one ${what} in ${site}, found ${found.join(', ') || 'none'}`);
    process.exit(1);
  }
  return found[0];
}

/**
 * The Wasm's JavaScript glue as wasm-bindgen wrote it (`readable`, bytes), minified:
 * readable glue is 58 KB (9.7 KB gzip), minified 26 KB (7.4 KB gzip), which every page
 * that loads the widget pays.
 */
export function minifiedGlue(readable) {
  return transformSync(readable.toString('utf8'), {
    minify: true,
    format: 'esm',
    legalComments: 'none',
    target: 'es2020',
  }).code;
}
