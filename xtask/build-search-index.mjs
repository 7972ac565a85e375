// Writes the full-text index of the catalog into a built site, under articles/search/.
// Run by Trunk's post_build hook:
// `node xtask/build-search-index.mjs SITE_DIR RECORDS.jsonl`, where RECORDS.jsonl is what
// `articles search-records` wrote: one Pagefind custom record per line.
//
// Pagefind (the npm package, whose binary comes from node_modules: nothing is fetched)
// writes the index: pagefind.js, the script the widget imports, and the chunks it
// fetches as a search needs them. Every record says it is in one language (see
// INDEX_LANGUAGE in src/site/search.rs), so there is one index, whatever the `lang` of
// the page the widget runs in. Pagefind's ready-made interfaces are not ours and are
// removed: the widget draws its own results, through the adapter copied beside them.
import { createReadStream } from 'node:fs';
import { copyFile, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as pagefind from 'pagefind';

const [site, recordsPath] = process.argv.slice(2);
if (!site || !recordsPath) {
  console.error('usage: node xtask/build-search-index.mjs SITE_DIR RECORDS.jsonl');
  process.exit(2);
}
const outputPath = join(site, 'articles', 'search');

// Records sent to Pagefind before waiting for their answers: its service answers in
// turn, and waiting for each one would leave it idle between two; more would only hold
// more lines in memory.
const IN_FLIGHT = 64;

// What Pagefind writes that the widget does not use: its search interfaces, the
// highlighting script of its own result pages, and its web worker (the adapter searches
// without one; see www/search.js).
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\b/;

function fail(message) {
  console.error(`search index: ${message}`);
  process.exitCode = 1;
}

async function addRecords(index) {
  const lines = createInterface({ input: createReadStream(recordsPath), crlfDelay: Infinity });
  let count = 0;
  let lineNumber = 0;
  const pending = new Set();
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.trim()) continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new Error(`${recordsPath}:${lineNumber}: not a JSON record: ${error.message}`);
    }
    const where = `${recordsPath}:${lineNumber}`;
    const added = index.addCustomRecord(record).then(
      ({ errors }) => {
        if (errors.length > 0) throw new Error(`${where}: ${errors.join('; ')}`);
      },
      (error) => {
        throw new Error(`${where}: ${error?.message ?? error}`);
      },
    );
    pending.add(added);
    added.finally(() => pending.delete(added)).catch(() => {});
    count += 1;
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
  return count;
}

// The files under `dir` and their total size.
async function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

// What Pagefind's own process (the binary node drives) has cost so far, read from
// /proc while it still runs, for `cargo xtask scale`: its peak RSS in kB and its
// processor time in seconds. Nothing where there is no /proc (not Linux).
async function pagefindUsage() {
  try {
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      // After the command's name in parentheses: the parent's pid is the 2nd field,
      // utime and stime the 12th and 13th, in ticks of 1/100 s.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid || !stat.includes('(pagefind')) continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const peak = Number(/VmHWM:\s*(\d+)/.exec(status)?.[1]);
      return { peakKb: peak, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
    }
  } catch {
    // No /proc: the figures are only for the scale report.
  }
  return null;
}

const started = performance.now();
try {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
  const count = await addRecords(index);
  if (count === 0) throw new Error(`${recordsPath} has no record: an empty index would find nothing`);
  // A build before this one may have left chunks this index no longer names.
  await rm(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`cannot write ${outputPath}: ${written.errors.join('; ')}`);
  for (const name of await readdir(outputPath)) {
    if (UNUSED.test(name)) await rm(join(outputPath, name));
  }
  // The widget's adapter (www/search.js) beside pagefind.js, which it imports relatively:
  // the widget imports the adapter, never Pagefind itself.
  await copyFile(new URL('../www/search.js', import.meta.url), join(outputPath, 'search.js'));
  const pagefindCost = await pagefindUsage();
  const { bytes, files } = await folderSize(outputPath);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `search index: ${count} records into ${outputPath}: ${files} files, ${(bytes / 1024).toFixed(0)} KB, ${seconds} s`,
  );
  // For `cargo xtask scale`, as `articles` does with ARTICLES_RESOURCE_USAGE: what node
  // and Pagefind's process each held at most (kB) and their processor time (s).
  if (process.env.SEARCH_INDEX_RESOURCE_USAGE) {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    const nodeCpu = (userCPUTime + systemCPUTime) / 1e6;
    const pagefindFigures = pagefindCost
      ? `${pagefindCost.peakKb} kB ${pagefindCost.cpuSeconds} s`
      : 'unknown';
    console.error(`search index: resource usage: node ${maxRSS} kB ${nodeCpu} s, pagefind ${pagefindFigures}`);
  }
} catch (error) {
  fail(error.message);
} finally {
  await pagefind.close();
}
