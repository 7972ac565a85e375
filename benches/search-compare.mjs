// Lab A/B of the catalog search at scale: `node benches/search-compare.mjs LABEL=SITE_DIR
// LABEL=SITE_DIR...`, each SITE_DIR a site as `cargo xtask scale N` leaves it
// (target/scale/N/site: dist/ with the generated catalog's articles/ and its index),
// differing in the one lever measured. The machine is shared and noisy, so the sites
// take turns: query by query, in an order that rotates, each site's keystrokes (typed a
// character at a time into a page with the library loaded) and the query's bytes from
// cold. Figures to stdout as a markdown table, with the load average before and after.
// SCALE_COMPARE_QUERIES limits the queries (all of benches/search-queries.txt unless set).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, launch, ms, quantile, queries, searchBytes, typeQuery, warmPage } from './search-measure.mjs';

const sites = process.argv.slice(2).map((argument) => {
  const [label, dir] = argument.split('=');
  if (!label || !dir || !existsSync(join(dir, 'shell.html'))) {
    console.error('usage: node benches/search-compare.mjs LABEL=SITE_DIR LABEL=SITE_DIR... (each with shell.html)');
    process.exit(2);
  }
  return { label, dir };
});
const QUERIES = queries().slice(0, Number(process.env.SCALE_COMPARE_QUERIES ?? Infinity));
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// As xtask's server sends them (xtask/src/server.rs): a .br or .gz sibling when the
// client takes it, text gzipped on the fly, Pagefind's chunks (gzipped already) as they are.
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
const gzipped = new Map();
function serve(dir) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const accepts = request.headers['accept-encoding'] ?? '';
    const headers = { 'Content-Type': type, 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' };
    if (accepts.includes('br') && existsSync(`${file}.br`)) {
      response.writeHead(200, { ...headers, 'Content-Encoding': 'br' });
      createReadStream(`${file}.br`).pipe(response);
    } else if (type !== 'application/octet-stream' && accepts.includes('gzip')) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file)));
      response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
      response.end(gzipped.get(file));
    } else {
      response.writeHead(200, headers);
      createReadStream(file).pipe(response);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

for (const site of sites) Object.assign(site, await serve(site.dir), { keystrokes: [], bytes: [] });
const browser = await launch();
const before = loadAverage();
for (const site of sites) site.typing = await warmPage(browser, site.url, QUERIES[0]);
for (const [index, query] of QUERIES.entries()) {
  const order = sites.map((_, at) => sites[(at + index) % sites.length]);
  for (const site of order) {
    const timings = await typeQuery(site.typing, query);
    site.keystrokes.push(...timings.map((time, at) => ({ time, typed: at + 1 })));
  }
  for (const site of order) site.bytes.push((await searchBytes(browser, site.url, query)).total);
}
const after = loadAverage();
await browser.close();
for (const site of sites) site.server.close();

const figures = (times) => `p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`;
console.log(`load average before ${before}, after ${after}; ${QUERIES.length} queries, sites in turn`);
console.log('| site | keystroke → results (all) | from the 3rd character | bytes per search, cold |');
console.log('| --- | ---: | ---: | ---: |');
for (const site of sites) {
  const all = site.keystrokes.map((each) => each.time);
  const third = site.keystrokes.filter((each) => each.typed >= 3).map((each) => each.time);
  console.log(
    `| ${site.label} | ${figures(all)} (${all.length}) | ${figures(third)} (${third.length}) | p50 ${kb(quantile(site.bytes, 0.5))}, p95 ${kb(quantile(site.bytes, 0.95))} |`,
  );
}
