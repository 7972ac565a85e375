// The precompressed siblings that `cargo xtask dist` writes (`name.br`, `name.gz`), for
// the tests' own Node servers of site copies (site-copy.mjs, ../engines/harness.mjs):
// they send them as the project's server does (xtask/src/server.rs, whose unit tests
// hold the rules), so that the offline app is tested on compressed responses too.
import { readFile, stat } from 'node:fs/promises';

// Brotli first: when a client takes both equally, the smaller goes.
const CODINGS = [
  { coding: 'br', extension: '.br' },
  { coding: 'gzip', extension: '.gz' },
];

/** The quality (0 to 1) `acceptEncoding` gives `coding`: its own entry, else `*`'s, else 0. */
function quality(acceptEncoding, coding) {
  let wildcard = 0;
  for (const element of acceptEncoding.split(',')) {
    const [name, ...parameters] = element.split(';').map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.replace(/\s/g, '').startsWith('q='));
    const value = q === undefined ? 1 : Number(q.split('=')[1]);
    // A quality that does not parse refuses the coding: a body the client may not decode is the worse mistake.
    const accepted = Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0;
    if (name === coding || (coding === 'gzip' && name === 'x-gzip')) return accepted;
    if (name === '*') wildcard = accepted;
  }
  return wildcard;
}

const modified = async (path) => {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * The body to send for `file` and its `content-encoding` (null for none): the sibling
 * in the coding the request accepts best, if there is one at least as new as the file
 * (a test that rewrites a page of its copy leaves that page's siblings stale), else the
 * file as it is. Throws as `readFile` does when the file is missing.
 */
export async function bodyFor(file, acceptEncoding) {
  const fileModified = await modified(file);
  if (acceptEncoding && fileModified !== null) {
    let best = null;
    for (const { coding, extension } of CODINGS) {
      const q = quality(acceptEncoding, coding);
      if (q <= 0 || (best && q <= best.q)) continue;
      const siblingModified = await modified(file + extension);
      if (siblingModified !== null && siblingModified >= fileModified) best = { q, coding, sibling: file + extension };
    }
    if (best) return { body: await readFile(best.sibling), encoding: best.coding };
  }
  return { body: await readFile(file), encoding: null };
}
