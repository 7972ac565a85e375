// Keeps the pinned versions of an earlier build in a new one:
// `node xtask/keep-versions.mjs PREVIOUS_SITE SITE` copies each `v/<version>/` folder of
// PREVIOUS_SITE that SITE lacks (`cargo xtask dist --keep PREVIOUS_SITE` runs it).
//
// A partner who pinned the loader by its integrity loads `v/<version>/` for as long as
// its page lives; a deploy that replaced the whole site with the new build would break
// that page. A folder SITE already has is this build's own and is never overwritten: a
// version's name is its embed.js's hash, so the same name is the same code.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [previous, site] = process.argv.slice(2);
if (!previous || !site) {
  console.error('usage: node xtask/keep-versions.mjs PREVIOUS_SITE SITE');
  process.exit(2);
}
const versions = join(previous, 'v');
if (!existsSync(versions)) {
  console.error(`keep-versions: ${versions} does not exist: is ${previous} a built site?`);
  process.exit(1);
}
mkdirSync(join(site, 'v'), { recursive: true });
let kept = 0;
for (const entry of readdirSync(versions, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const to = join(site, 'v', entry.name);
  if (existsSync(to)) continue;
  cpSync(join(versions, entry.name), to, { recursive: true, preserveTimestamps: true });
  kept += 1;
}
console.log(`keep-versions: kept ${kept} earlier pinned version(s) from ${previous}`);
