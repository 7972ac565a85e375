// Shared set-up for the cross-engine subset: Firefox ESR through geckodriver and
// WebKitGTK's MiniBrowser through WebKitWebDriver, both Debian's, driven over W3C
// WebDriver by selenium-webdriver. `cargo xtask test` runs it under Xvfb (MiniBrowser
// has no headless mode) against the release build it serves at WIDGET_URL, with the
// partner pages of tests/e2e/partner at PARTNER_URL.
//
// WebDriver has no init scripts, request interception or offline switch: what the
// Chromium suite does with those stays there. The offline tests here serve their own
// copy of the site and take that server away.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyFor } from '../e2e/precompressed.mjs';
import { Builder } from 'selenium-webdriver';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';
import remote from 'selenium-webdriver/remote/index.js';
import portprober from 'selenium-webdriver/net/portprober.js';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the cross-engine tests through \`cargo xtask test\``);
  return value;
}

export const WIDGET_URL = required('WIDGET_URL');
export const PARTNER_URL = required('PARTNER_URL');
export const SITE_DIR = required('SITE_DIR');

export const ALS_QUESTION = 'What is the primary treatment for Amyotrophic Lateral Sclerosis (ALS)?';

/** Generous: the machine is shared with other builds and browsers. */
export const TIMEOUT_MS = 30_000;

const ENGINES = {
  firefox: () => ({
    name: 'Firefox',
    driver: required('GECKODRIVER'),
    // WebDriver BiDi reports the page's uncaught errors, from before any script runs.
    bidi: true,
    // A free port for BiDi too (its default, 9222, would clash with a concurrent run).
    args: (port) => ['--host', '127.0.0.1', '--port', String(port), '--websocket-port', '0'],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: required('FIREFOX'),
        args: ['-headless'],
        // Nothing of Firefox's own calls home: this machine has no internet.
        prefs: {
          'app.update.auto': false,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
        },
      },
    },
  }),
  webkit: () => ({
    name: 'WebKit',
    driver: required('WEBKIT_WEBDRIVER'),
    // WebKitWebDriver 2.50 has no WebDriver BiDi: uncaught errors go unseen.
    bidi: false,
    args: (port) => [`--port=${port}`],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: required('MINIBROWSER'), args: ['--automation'] },
    },
  }),
};

/**
 * Starts `engine`'s driver and one browser session. Resolves to `{ driver, name,
 * version, pageErrors, quit() }`; `pageErrors` collects the pages' uncaught errors
 * where the engine reports them (WebDriver BiDi), and is null elsewhere.
 */
export async function startSession(engine) {
  const spec = ENGINES[engine]();
  const port = await portprober.findFreePort('127.0.0.1');
  const service = new remote.DriverService(spec.driver, {
    port,
    loopback: true,
    args: spec.args(port),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = await service.start(TIMEOUT_MS);
  let driver;
  let pageErrors = null;
  try {
    const capabilities = spec.bidi ? { ...spec.capabilities, webSocketUrl: true } : spec.capabilities;
    driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
    await driver.manage().setTimeouts({ script: TIMEOUT_MS, pageLoad: TIMEOUT_MS * 2 });
    if (spec.bidi) {
      pageErrors = [];
      const inspector = await LogInspector(driver);
      await inspector.onJavascriptException((entry) => pageErrors.push(entry.text));
    }
  } catch (error) {
    await service.kill();
    throw error;
  }
  const version = (await driver.getCapabilities()).get('browserVersion');
  return {
    driver,
    name: spec.name,
    version,
    pageErrors,
    async quit() {
      try {
        await driver.quit();
      } finally {
        await service.kill();
      }
    },
  };
}

/**
 * Waits until `script` (a function run in the page with `args`) returns something
 * truthy, and returns it. Errors while a page is navigating count as "not yet".
 */
export async function waitInPage(driver, what, script, ...args) {
  let lastError;
  const result = await driver
    .wait(
      async () => {
        try {
          return await driver.executeScript(script, ...args);
        } catch (error) {
          lastError = error;
          return false;
        }
      },
      TIMEOUT_MS,
      `timed out waiting until ${what}`,
    )
    .catch((error) => {
      throw lastError ? new Error(`${error.message} (last error: ${lastError.message})`) : error;
    });
  return result;
}

// The functions below run in the page: they read the widget through its open shadow
// root, since WebDriver's CSS selectors stop at shadow boundaries.

/** The text of `selector` in the shadow root of the host `host`, or null. */
export function widgetText(host, selector) {
  const root = document.querySelector(host)?.shadowRoot;
  const element = root?.querySelector(selector);
  return element ? element.textContent.trim() : null;
}

/** The element `selector` in the shadow root of the host `host`, or null. */
export function widgetElement(host, selector) {
  return document.querySelector(host)?.shadowRoot?.querySelector(selector) ?? null;
}

/** Waits until `selector` in `host`'s widget has the text `expected`. */
export function waitForWidgetText(driver, host, selector, expected) {
  return waitInPage(
    driver,
    `${host} shows ${selector} "${expected}"`,
    (host, selector, expected) => {
      const element = document.querySelector(host)?.shadowRoot?.querySelector(selector);
      return element !== null && element !== undefined && element.textContent.trim() === expected;
    },
    host,
    selector,
    expected,
  );
}

/** Waits until the heading of `host`'s widget is the ALS article's question. */
/**
 * Waits until the widget on `host` shows the ALS article as its own page: the build's
 * prerendered page, which shows first with its controls inert, taken over.
 */
export async function waitForAlsArticle(driver, host) {
  await waitForWidgetText(driver, host, 'h1', ALS_QUESTION);
  await waitInPage(
    driver,
    `${host}: the widget to take over its prerendered page`,
    (host) => {
      const shadow = document.querySelector(host)?.shadowRoot;
      return Boolean(shadow?.querySelector('.article-widget-root:not([hidden])') && !shadow.querySelector('[data-prerendered]'));
    },
    host,
  );
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const PARTNER_DIR = fileURLToPath(new URL('../e2e/partner/', import.meta.url));

/**
 * Serves a copy of `dir` on its own origin, with CORS, replacing `{{WIDGET_URL}}` in
 * HTML by `widgetUrl`. `stop()` takes the server away: every request then fails as
 * when the reader is offline.
 */
export async function serveCopy(dir, widgetUrl = '') {
  const copy = mkdtempSync(join(tmpdir(), 'article-widget-engines-'));
  // The build's times kept, so that a precompressed sibling stays as new as its file
  // (../e2e/precompressed.mjs).
  cpSync(dir, copy, { recursive: true, preserveTimestamps: true });
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://site').pathname));
    const file = join(copy, path.endsWith('/') ? `${path}index.html` : path);
    try {
      // A page whose text is replaced is sent as replaced; anything else as the build
      // precompressed it, when the browser takes that.
      const substituted = widgetUrl !== '' && extname(file) === '.html';
      const { body, encoding } = substituted
        ? { body: (await readFile(file)).toString('utf8').replaceAll('{{WIDGET_URL}}', widgetUrl), encoding: null }
        : await bodyFor(file, request.headers['accept-encoding']);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        vary: 'accept-encoding',
        // The length of what is sent: the compressed body when it is compressed.
        'content-length': Buffer.byteLength(body),
        ...(encoding && { 'content-encoding': encoding }),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop() {
      server.close();
      server.closeAllConnections();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** A copy of the built site, on an origin of its own. */
export function serveSiteCopy() {
  return serveCopy(SITE_DIR);
}

/** The partner pages, on another origin, embedding the widget from `widgetUrl`. */
export function servePartnerPages(widgetUrl) {
  return serveCopy(PARTNER_DIR, widgetUrl);
}

