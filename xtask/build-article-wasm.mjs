// Builds the article-only Wasm into a built site: run by Trunk's post_build hook after
// the glue is minified, `node xtask/build-article-wasm.mjs SITE_DIR`.
//
// A page that shows one article (a partner's embed, an article's page on the
// publisher's site) needs no catalog, pager or search: this is the same crate built
// without its `catalog` feature (see build.rs), about 12 KB brotli smaller. When the
// reader opens the catalog, the full app that Trunk built takes the widget over
// (docs/performance.md#code-by-page-kind).
//
// Writes `article-only-<hash>.js` (the glue, minified) and `article-only-<hash>_bg.wasm`,
// named by the Wasm's content, and `article-only.json`, which names them and the glue's
// integrity for `articles site` (the article pages start this Wasm) and for embed.js's
// bundling. The tools are Trunk's: cargo, the wasm-bindgen CLI and, for a release
// build, wasm-opt, from the PATH `cargo xtask` gives.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifiedGlue, sha384 } from './site-files.mjs';

const site = process.argv[2];
if (!site) {
  console.error('usage: node xtask/build-article-wasm.mjs SITE_DIR');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Trunk says which profile it built; by hand, release.
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';

const run = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

// The crate's Wasm binary without its default `catalog` feature: cargo keeps this build
// apart from the full one, so that neither rebuilds the other.
const messages = run('cargo', [
  'build',
  '--quiet',
  ...(release ? ['--release'] : []),
  '--target',
  'wasm32-unknown-unknown',
  '--bin',
  'article-widget',
  '--no-default-features',
  '--message-format=json-render-diagnostics',
]);
const binary = messages
  .split('\n')
  .filter((line) => line.startsWith('{'))
  .map((line) => JSON.parse(line))
  .filter((message) => message.reason === 'compiler-artifact' && message.target?.name === 'article-widget' && message.executable)
  .map((message) => message.executable)
  .pop();
if (!binary) {
  console.error('build-article-wasm: cargo named no article-widget Wasm');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'article-only-'));
try {
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, '--out-name', 'article-only', binary]);
  const bound = join(work, 'article-only_bg.wasm');
  // npm's binaryen, as `cargo xtask` puts it on the PATH, also when Trunk runs by hand.
  const npmWasmOpt = join(root, 'node_modules/.bin/wasm-opt');
  if (release) run(existsSync(npmWasmOpt) ? npmWasmOpt : 'wasm-opt', ['-Oz', bound, '-o', bound]);
  const wasmBytes = readFileSync(bound);
  const hash = createHash('sha256').update(wasmBytes).digest('hex').slice(0, 16);
  const glue = `article-only-${hash}.js`;
  const wasm = `article-only-${hash}_bg.wasm`;
  const glueCode = Buffer.from(minifiedGlue(readFileSync(join(work, 'article-only.js'))));
  writeFileSync(join(site, glue), glueCode);
  writeFileSync(join(site, wasm), wasmBytes);
  // The glue's snippets (the crate's inline JavaScript, the same in both builds), where
  // Trunk has not already put them: its copies keep the integrity its page names.
  cpSync(join(work, 'snippets'), join(site, 'snippets'), { recursive: true, force: false });
  const manifest = { glue, wasm, integrity: sha384(glueCode) };
  writeFileSync(join(site, 'article-only.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`build-article-wasm: ${wasm} ${wasmBytes.length} bytes, ${glue} ${glueCode.length} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
