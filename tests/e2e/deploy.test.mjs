// The shipped server configurations, run: nginx and Caddy each serve a copy of the built
// site with exactly the file in docs/deploy/ (its root, address and the paths of its logs
// and temporary files replaced), and the test measures what they send: each coding by
// the browser's Accept-Encoding, the types, caching, CORS and framing by kind of file,
// the 404 page; then a partner's page on another origin embeds an article through that
// server, and the publisher's site opens, then opens again offline. The headers expected
// here are written out by hand, apart from the table the files come from
// (xtask/src/headers.rs), so that a wrong table fails here too. Longer than 300 lines:
// starting either server, then the same six tests for each.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALS_QUESTION, launchBrowser, newPage, takenOver } from './harness.mjs';
import { waitForServiceWorker, widget } from './site-copy.mjs';

const SITE_DIR = process.env.SITE_DIR;
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const CADDY = process.env.CADDY ?? '/usr/bin/caddy';
const SHIPPED = new URL('../../docs/deploy/', import.meta.url);
const SLUG = 'als-primary-treatment';

/** Each server: its shipped file, what the test replaces in it, and how it is started. */
const SERVERS = {
  nginx: {
    file: 'nginx.conf',
    replacements: (dir, site, port) => [
      ['/srv/article-widget/dist', site],
      ['listen 80;', `listen 127.0.0.1:${port};`],
      ['/run/article-widget-nginx.pid', join(dir, 'nginx.pid')],
      ['/var/log/nginx/', `${dir}/`],
      ['/var/lib/nginx/article-widget/', `${dir}/`],
    ],
    command: (dir, config) => [NGINX, ['-p', `${dir}/`, '-c', config, '-e', join(dir, 'startup.log'), '-g', 'daemon off;']],
  },
  caddy: {
    file: 'Caddyfile',
    replacements: (dir, site, port) => [
      ['/srv/article-widget/dist', site],
      ['\n:80 {', `\nhttp://127.0.0.1:${port} {`],
    ],
    command: (dir, config) => [CADDY, ['run', '--config', config, '--adapter', 'caddyfile']],
  },
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The types each kind of file must arrive with, whichever coding carries it. */
const TYPES = {
  '.html': /^text\/html(;|$)/,
  '.js': /^(text|application)\/javascript(;|$)/,
  '.wasm': /^application\/wasm$/,
  '.css': /^text\/css(;|$)/,
  '.json': /^application\/json(;|$)/,
  '.webmanifest': /^application\/manifest\+json(;|$)/,
  '.xml': /^(text|application)\/xml(;|$)/,
  'feed.xml': /^application\/atom\+xml(;|$)/,
  '.svg': /^image\/svg\+xml(;|$)/,
  '.txt': /^text\/plain(;|$)/,
};

const agent = new http.Agent({ keepAlive: true });

/** GET `url` with exactly the `accept-encoding` given (none if null): status, headers, raw body. */
function get(url, acceptEncoding = null) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
    http
      .get(url, { agent, headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Serves a copy of the built site with the shipped file of `name`; `stop()` takes it away. */
async function startServer(name) {
  const server = SERVERS[name];
  const dir = mkdtempSync(join(tmpdir(), `article-widget-${name}-`));
  const site = join(dir, 'site');
  cpSync(SITE_DIR, site, { recursive: true, preserveTimestamps: true });
  // The rule for the embed pages is on their path: one page there is enough to see it.
  mkdirSync(join(site, 'embed/x'), { recursive: true });
  writeFileSync(join(site, 'embed/x/index.html'), '<!doctype html><html lang="en"><title>An embed page</title></html>\n');
  // nginx started by root reads the site as www-data, as the shipped file says.
  chmodSync(dir, 0o755);
  chmodSync(site, 0o755);
  const port = await freePort();
  let text = readFileSync(new URL(server.file, SHIPPED), 'utf8');
  for (const [from, to] of server.replacements(dir, site, port)) {
    assert.ok(text.includes(from), `docs/deploy/${server.file} no longer says ${JSON.stringify(from)}`);
    text = text.replaceAll(from, to);
  }
  const config = join(dir, server.file);
  writeFileSync(config, text);
  const [program, args] = server.command(dir, config);
  // Caddy keeps its state under HOME and the XDG folders: the test's own.
  const child = spawn(program, args, {
    cwd: dir,
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk) => (log += chunk));
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', () => resolve((exited = true))));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited) throw new Error(`${name} stopped at once:\n${log}`);
    try {
      await get(`${url}/robots.txt`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${name} did not answer on ${url}:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    site,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await exit;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file of `dir` (paths relative to it, with `/`). */
function filesOf(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'));
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  agent.destroy();
});

for (const name of Object.keys(SERVERS)) {
  describe(`${name}, with docs/deploy/${SERVERS[name].file}`, () => {
    let server;
    before(async () => {
      server = await startServer(name);
    });
    after(async () => {
      await server?.stop();
    });

    test('each text file and the Wasm arrive as their .br to a browser that takes br, as their .gz to one that takes only gzip, and as they are otherwise, with their type and Vary', async () => {
      const compressed = filesOf(server.site).filter((file) => existsSync(join(server.site, `${file}.br`)));
      assert.ok(compressed.some((file) => file.endsWith('_bg.wasm')), 'the Wasm has its .br');
      assert.ok(compressed.length > 50, `${compressed.length} files with siblings`);
      for (const file of compressed) {
        const url = `${server.url}/${file}`;
        const raw = readFileSync(join(server.site, file));
        const gzip = existsSync(join(server.site, `${file}.gz`)) ? readFileSync(join(server.site, `${file}.gz`)) : null;
        const cases = [
          ['gzip, deflate, br', 'br', readFileSync(join(server.site, `${file}.br`))],
          ['gzip', gzip ? 'gzip' : undefined, gzip ?? raw],
          [null, undefined, raw],
        ];
        for (const [acceptEncoding, coding, body] of cases) {
          const response = await get(url, acceptEncoding);
          const what = `${file} with accept-encoding ${acceptEncoding}`;
          assert.equal(response.status, 200, what);
          assert.equal(response.headers['content-encoding'], coding, what);
          assert.ok(response.body.equals(body), `${what}: not the expected body`);
          assert.match(response.headers.vary ?? '', /accept-encoding/i, what);
          const type = TYPES[file] ?? TYPES[extname(file)];
          assert.ok(type, `${file}: a type this test does not know`);
          assert.match(response.headers['content-type'] ?? '', type, what);
        }
      }
    });

    test('hashed files are immutable; embed.js, the service worker, pages, fragments and data are revalidated; CORS where partners fetch; the manifest and Pagefind have their types', async (t) => {
      const files = filesOf(server.site);
      const find = (pattern) => {
        const found = files.find((file) => pattern.test(file));
        assert.ok(found, `no file like ${pattern} in the site`);
        return `/${found}`;
      };
      const hashed = [
        find(/^article-widget-[0-9a-f]+\.js$/),
        find(/^article-widget-[0-9a-f]+_bg\.wasm$/),
        find(/^article-only-[0-9a-f]+\.js$/),
        find(/^article-only-[0-9a-f]+_bg\.wasm$/),
        find(/^widget-[0-9a-f]+\.css$/),
        find(/^page-[0-9a-f]+\.css$/),
        find(/^app-shell-[0-9a-f]+\.js$/),
        find(/^snippets\/.+\.js$/),
        find(/^articles\/search\/index\/.+\.pf_index$/),
        find(/^articles\/search\/fragment\/.+\.pf_fragment$/),
      ];
      const revalidated = [
        '/embed.js',
        '/sw.js',
        '/contract.js',
        '/article-only.json',
        '/manifest.webmanifest',
        '/',
        '/index.html',
        '/editorial-policy.html',
        `/articles/${SLUG}/`,
        `/articles/${SLUG}/patient/`,
        `/articles/${SLUG}/patient.html`,
        `/articles/${SLUG}.json`,
        '/articles/index.json',
        '/feed.xml',
        '/sitemap.xml',
        '/articles/search/search.js',
        '/articles/search/pagefind.js',
        '/articles/search/pagefind-entry.json',
        '/embed/x/',
      ];
      const measured = {};
      for (const path of [...hashed, ...revalidated]) {
        const { status, headers } = await get(`${server.url}${path}`, 'gzip, deflate, br');
        assert.equal(status, 200, path);
        measured[path] = headers;
        assert.equal(headers['cache-control'], hashed.includes(path) ? IMMUTABLE : 'no-cache', path);
      }
      // What a partner's page fetches from the widget's host.
      for (const path of [...hashed.filter((path) => !path.startsWith('/page-') && !path.startsWith('/app-shell-')), '/embed.js', `/articles/${SLUG}/patient.html`, `/articles/${SLUG}.json`, '/articles/index.json', '/articles/search/search.js', '/articles/search/pagefind.js']) {
        assert.equal(measured[path]['access-control-allow-origin'], '*', path);
      }
      for (const wasm of hashed.filter((path) => path.endsWith('_bg.wasm'))) {
        assert.equal(measured[wasm]['content-type'], 'application/wasm', wasm);
      }
      assert.match(measured['/manifest.webmanifest']['content-type'], /^application\/manifest\+json/);
      assert.equal(measured[find(/\.pf_index$/)]['content-type'], 'application/octet-stream');
      // The service worker's script is never kept: a new build reaches readers at once.
      assert.equal(measured['/sw.js']['cache-control'], 'no-cache');
      for (const [path, headers] of Object.entries(measured)) {
        t.diagnostic(`${name} ${path}: ${JSON.stringify(headers)}`);
      }
    });

    test("the publisher's pages may be framed only by the publisher's site, the embed pages by anyone", async () => {
      for (const path of ['/', '/editorial-policy.html', `/articles/${SLUG}/`, `/articles/${SLUG}/patient/`]) {
        const { headers } = await get(`${server.url}${path}`, 'br');
        assert.equal(headers['x-frame-options'], 'SAMEORIGIN', path);
        assert.equal(headers['content-security-policy'], "frame-ancestors 'self'", path);
      }
      const { headers } = await get(`${server.url}/embed/x/`, 'br');
      assert.equal(headers['content-security-policy'], 'frame-ancestors *');
      assert.equal(headers['x-frame-options'], undefined);
    });

    test('an address with no file gets the 404 page, with the status 404', async () => {
      for (const path of ['/no-such-page', `/articles/${SLUG}/no-such-audience/`, '/articles/no-such-article.json']) {
        const { status, headers, body } = await get(`${server.url}${path}`);
        assert.equal(status, 404, path);
        assert.match(headers['content-type'], /^text\/html/, path);
        assert.match(body.toString('utf8'), /<h1>Page not found<\/h1>/, path);
      }
    });

    test("a partner's page on another origin embeds an article through the server", async () => {
      const partner = http.createServer((request, response) => {
        const html = readFileSync(new URL('./partner/script-tag.html', import.meta.url), 'utf8').replaceAll('{{WIDGET_URL}}', server.url);
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(html);
      });
      await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
      const { context, page, pageErrors } = await newPage(browser);
      const codings = new Map();
      page.on('response', (response) => {
        if (response.url().startsWith(server.url)) codings.set(new URL(response.url()).pathname, response.headers()['content-encoding']);
      });
      try {
        await page.goto(`http://127.0.0.1:${partner.address().port}/`);
        await page.locator('[data-article-widget], article-widget').first().waitFor({ state: 'attached' });
        await takenOver(page);
        const heading = page.getByRole('heading', { level: 1, name: ALS_QUESTION });
        await heading.waitFor();
        assert.equal(codings.get('/embed.js'), 'br');
        const wasm = [...codings.keys()].find((path) => path.endsWith('_bg.wasm'));
        assert.ok(wasm, `the Wasm was fetched from ${name}: ${[...codings.keys()]}`);
        assert.equal(codings.get(wasm), 'br');
        assert.deepEqual(pageErrors, []);
      } finally {
        await context.close();
        partner.close();
      }
    });

    // Last: it takes the server away.
    test("the publisher's site opens, then opens again offline after one visit", async () => {
      const { context, page, pageErrors } = await newPage(browser);
      try {
        await page.goto(`${server.url}/?article=${SLUG}`);
        await widget(page).getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
        await waitForServiceWorker(page);
        await server.stop();
        await context.setOffline(true);
        await page.reload();
        await widget(page).getByRole('heading', { level: 1, name: ALS_QUESTION }).waitFor();
        assert.deepEqual(pageErrors, []);
      } finally {
        await context.close();
      }
    });
  });
}
