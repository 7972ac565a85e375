// The publisher's site as the offline-app tests need it: each test serves its own copy
// of the built site (SITE_DIR) on its own origin, so that service workers never meet,
// and can take that server away entirely, so that "offline" means no server at all. It
// sends the build's precompressed .br and .gz files as the project's server does.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { bodyFor } from './precompressed.mjs';

const SITE_DIR = process.env.SITE_DIR;
if (!SITE_DIR) throw new Error('SITE_DIR is not set: run the end-to-end tests through `cargo xtask test`');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const sites = [];

/** Takes away every copy still served: for the test file's `after`. */
export function stopSiteCopies() {
  for (const site of sites) site.stop();
}

/**
 * Serves a fresh copy of the built site on its own port; `stop()` takes it away. The
 * paths `slow` matches answer after `delayMs`, as over a slow connection. With
 * `partners`, any origin may read it, as partners' pages read the widget's host.
 */
export async function serveSiteCopy({ slow = null, delayMs = 0, partners = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'article-widget-site-'));
  // The build's times kept, so that a precompressed sibling stays as new as its file
  // until a test rewrites the file (precompressed.mjs).
  cpSync(SITE_DIR, dir, { recursive: true, preserveTimestamps: true });
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://site').pathname));
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (slow?.test(path)) await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      const { body, encoding } = await bodyFor(file, request.headers['accept-encoding']);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        // As the widget's host does: partner pages on other origins load from a copy too.
        'access-control-allow-origin': '*',
        // The length of what is sent: the compressed body when it is compressed.
        'content-length': Buffer.byteLength(body),
        ...(encoding && { 'content-encoding': encoding }),
        ...(partners && { 'access-control-allow-origin': '*' }),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const site = {
    dir,
    url: `http://127.0.0.1:${server.address().port}`,
    stop() {
      server.close();
      server.closeAllConnections();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  sites.push(site);
  return site;
}

/** Waits until the service worker is active and controls the page. */
export async function waitForServiceWorker(page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

/** No network at all: the browser is offline and the server is gone. */
export async function goOffline(context, site) {
  site.stop();
  await context.setOffline(true);
}

export function widget(page) {
  return page.locator('[data-article-widget]');
}

