// article-widget loader: the one script a partner page includes.
//
//   <script src="https://WIDGET_HOST/embed.js" data-article="als-primary-treatment" async></script>
//   <div data-article-widget data-article="als-primary-treatment"></div>
//
// esbuild bundles these modules into dist/embed.js (Trunk's post_build hook), with the
// hashed names of this build's glue, Wasm and stylesheet defined in. One Wasm instance
// serves every widget of the page, however many times this script is included. No
// inline script or style: it works under a strict CSP.
//
// Static first: while the Wasm loads, each widget shows the article the build
// prerendered for it, fetched from this script's own origin only, parsed as an inert
// document and cleaned to the markup the build writes (sanitize.js); the Wasm then takes
// that page over in place.
//
// A partner's page is never the way in: the loader finds itself and its global without
// trusting the page's DOM (dom.js), loads code only from its own origin, and drops an
// answer that a redirect brought from elsewhere (origin.js).

import {
  PARTNER_BASE,
  PLACEHOLDER_TEXT,
  FRAGMENTS,
  STORAGE_KEY,
  LANGUAGES,
  OPTIONS,
  OPTION_AUDIENCE,
  OPTION_ARTICLE,
  OPTION_LANG,
  OPTION_THEME,
  OPEN_CATALOG,
} from '../contract.js';
import { audienceChosen, withAudience } from '../early-choice.js';
import { PIN, loadGlue } from './code.js';
import * as dom from './dom.js';
import { firstPaint } from './first-paint.js';
import { answeredWhereAsked, isOn, loaderBase } from './origin.js';
import { articleFile, canonicalBase, codeFor, mergeScriptOptions, resolveOptions } from './options.js';
import { SANITIZES, cleanPage } from './sanitize.js';

/* global __ARTICLE_WIDGET_GLUE__, __ARTICLE_WIDGET_WASM__, __ARTICLE_WIDGET_CSS__, __ARTICLE_WIDGET_ARTICLE_CODE__ */
// The two builds of the widget's code: the full app, and the article-only Wasm that a
// widget showing one article loads instead (null in a pinned build, which has one).
const FULL_CODE = { glue: __ARTICLE_WIDGET_GLUE__, wasm: __ARTICLE_WIDGET_WASM__ };
const ARTICLE_CODE = __ARTICLE_WIDGET_ARTICLE_CODE__;
const CSS = __ARTICLE_WIDGET_CSS__;
/** The code a widget with `options` runs (options.js `codeFor`). */
const codeOf = (options) => codeFor(options, ARTICLE_CODE, FULL_CODE);

// The loader's global, by a key no element's name or id can be: markup can make
// `window.ArticleWidget` an element (`<form id="ArticleWidget">`), never this.
const LOADER = Symbol.for('article-widget.loader');
const [FIRST_LANGUAGE] = LANGUAGES;
// How long the Wasm waits for the prerendered pages under way to paint.
const FIRST_PAINT_WAIT_MS = 1500;
// After a failed load of the code, how long a new mount waits before it tries again:
// sooner first, then less often, so that a page mounting widget after widget does not
// hammer a host in trouble. The browser coming back online, or the reader's "Try
// again", tries at once.
const RETRY_MS = [2000, 8000, 30000];
const PLACEHOLDER_CSS =
  ':host{display:block;min-height:var(--article-widget-placeholder-height,640px)}' +
  'p{font:16px/1.6 system-ui,sans-serif;color:#4a5560;margin:0;padding:1.25em}' +
  'button{font:16px/1.6 system-ui,sans-serif;margin:0 1.25em 1.25em;padding:.25em 1em}';

const warn = (message) => console.warn(`article-widget: ${message}`);

// --- State, declared before use -------------------------------------------------------

const script = dom.currentScript();
// The folder of this script, where every piece of code comes from.
const base = script && loaderBase(dom.srcOf(script));
// The site's root, where the content (article data, prerendered pages) and the links
// go: the script's own folder, or for a pinned build the root its version folder is in,
// so that a partner pinned to old code still reads today's articles.
const siteBase = base && (PIN ? new URL(PIN.site, base).href : base);
const ownOrigin = base && new URL(base).origin;
// The hosts this loader knows, and those the Wasm has mounted.
const known = new Set();
const mounted = new WeakSet();
const prerendering = new WeakSet();
// The prerendered page each widget shows, by URL, and the shadow roots that hear a
// choice made in it.
const shownPages = new WeakMap();
const hearing = new WeakSet();
// The options a script gave each host (`mount`, `update`), beside its attributes.
const scriptOptions = new WeakMap();
// The article data requested while the Wasm loads, by URL: { url, data }, where data
// is the request's promise until it settles, then the body (or null).
const prefetches = new Map();
// The prerendered pages requested, by URL: widgets showing the same article share one
// request and one parse.
const prerenderedPages = new Map();
// The prerendered pages being shown, each a promise settled once painted or given up.
const firstPaints = [];
// Each code's glue, by code: while loading, the promise of it; once loaded, a promise of
// it that has settled. Absent before, and again after a failure, so that the next try
// starts afresh.
const loadings = new Map();
const readyCodes = new Set();
// The glue each mounted widget runs on, for the API's calls on its host.
const mountedWith = new WeakMap();
let stylesheetLoading = null;
let failures = 0;
// Widgets whose mount found the code failed. The next load of that code to succeed,
// whichever widget or retry started it, mounts them too: a load begun by a widget
// mounted later, or by a mount already on its way when the failure came, would
// otherwise leave them on the failure's placeholder, or on a prerendered page that
// never takes a click, with no load left to wait for.
const failedMounts = new Set();
// When a mount may try the code again after a failure (a time in ms).
let nextAttempt = 0;

// --- The code: glue, Wasm and stylesheet, from this script's origin only ---------------

/**
 * A fetch of a file of this loader's own origin, refused if a redirect left it; with
 * `integrity` (a pinned build's), refused too if its bytes are not the pinned ones.
 */
function fetchOwn(url, integrity) {
  return fetch(url, integrity ? { integrity } : undefined).then((response) => {
    if (!answeredWhereAsked(url, response.url, base)) {
      throw new Error(`${url} was redirected to ${response.url}; not used`);
    }
    return response;
  });
}

function bindings(code) {
  if (loadings.has(code)) return loadings.get(code);
  const attempt = failures;
  // A module whose fetch failed stays failed for the page: a retry asks for it anew.
  const retry = attempt ? `?retry=${attempt}` : '';
  // The Wasm downloads while the glue does; the glue compiles it by streaming.
  const wasm = fetchOwn(base + code.wasm, PIN && PIN.wasm);
  // The Wasm starts (compiles, instantiates, renders) only once the prerendered pages
  // under way have painted: the reader's first words come before the Wasm's work. Its
  // start and the widgets' first render are then two tasks, not one: a reader's click
  // between them is handled, and neither is as long as both (docs/performance.md).
  const glueReady = loadGlue(base + code.glue + retry).then((glue) =>
    firstPaintsSettled()
      .then(() => glue.default({ module_or_path: wasm }))
      .then(nextTask)
      .then(() => glue),
  );
  // Unobserved if the glue fails first: the failure is the glue's, reported below.
  wasm.catch(() => {});
  const loading = Promise.all([glueReady, stylesheet()]).then(
    ([glue]) => {
      readyCodes.add(code);
      failures = 0;
      failedMounts.forEach((host) => {
        if (codeOf(optionsOf(host)) !== code) return;
        failedMounts.delete(host);
        if (known.has(host) && dom.isConnected(host) && !mounted.has(host)) mount(host);
      });
      // Every mount waiting for the Wasm runs before this timer, and takes its data.
      setTimeout(() => {
        prefetches.clear();
        prerenderedPages.clear();
      }, 0);
      return glue;
    },
    (error) => {
      loadings.delete(code);
      failures += 1;
      const pinned = PIN ? ' (or a file is not the one this pinned version names by its integrity)' : '';
      console.error(`article-widget: could not load from ${base}${pinned}: ${error}`);
      nextAttempt = Date.now() + RETRY_MS[Math.min(failures, RETRY_MS.length) - 1];
      known.forEach((host) => {
        if (!mounted.has(host)) showFailure(host);
      });
      throw error;
    },
  );
  loadings.set(code, loading);
  return loading;
}

/** Tries the code again, now, for every widget still waiting for it. */
function retryNow() {
  if (!failures) return;
  nextAttempt = 0;
  known.forEach((host) => {
    if (!mounted.has(host) && dom.isConnected(host)) mount(host);
  });
}

function firstPaintsSettled() {
  return Promise.race([
    Promise.all(firstPaints),
    new Promise((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS)),
  ]);
}

function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// The widget's one stylesheet, shared by every widget of the page as a constructed
// sheet: it passes a `style-src 'none'` policy. Null where it cannot load; a later try
// asks again.
function stylesheet() {
  if (!stylesheetLoading) {
    stylesheetLoading = fetchOwn(base + CSS, PIN && PIN.css)
      .then((response) => {
        if (!response.ok) throw new Error(`the stylesheet answered ${response.status}`);
        return response.text();
      })
      .then((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return sheet;
      })
      .catch((error) => {
        warn(`no stylesheet: ${error}`);
        stylesheetLoading = null;
        return null;
      });
  }
  return stylesheetLoading;
}

// --- What the reader sees first ---------------------------------------------------------

function storedRecord() {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function paintOf(host) {
  return firstPaint(
    storedRecord(),
    {
      audience: dom.getAttribute(host, `data-${OPTION_AUDIENCE}`),
      theme: dom.getAttribute(host, `data-${OPTION_THEME}`),
      lang: dom.getAttribute(host, `data-${OPTION_LANG}`),
    },
    dom.declaredLanguage(host),
  );
}

function wordsFor(language) {
  return Object.hasOwn(PLACEHOLDER_TEXT, language || '')
    ? PLACEHOLDER_TEXT[language]
    : PLACEHOLDER_TEXT[FIRST_LANGUAGE];
}

// A placeholder of reserved height, so nothing below the widget jumps when it renders.
function placeholder(host) {
  if (dom.shadowRoot(host)) return;
  const shadow = dom.attachShadow(host, { mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PLACEHOLDER_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Without constructable stylesheets the placeholder goes unstyled.
  }
  const status = dom.createElement('p');
  dom.setAttribute(status, 'role', 'status');
  status.textContent = wordsFor(paintOf(host).language).loading;
  dom.replaceShadow(shadow, status);
}

// The prerendered page `host` shows, if it shows one: the child of its shadow root
// that its widget takes over.
function prerenderedShown(host) {
  const shadow = dom.shadowRoot(host);
  return (shadow && [...shadow.children].find((element) => dom.hasAttribute(element, 'data-prerendered'))) || null;
}

// The placeholder says the code could not load, with a way to try again; the page
// around it is untouched.
function showFailure(host) {
  const shadow = dom.shadowRoot(host);
  if (!shadow || mounted.has(host)) return;
  const words = wordsFor(paintOf(host).language);
  const status = dom.createElement('p');
  dom.setAttribute(status, 'role', 'status');
  status.textContent = words.failed;
  const button = dom.createElement('button');
  dom.setAttribute(button, 'type', 'button');
  button.textContent = words.try_again;
  dom.on(button, 'click', retryNow);
  // A prerendered page already shown stays: the reader keeps reading it.
  const kept = prerenderedShown(host);
  dom.replaceShadow(shadow, ...(kept ? [kept] : []), status, button);
}

// The prerendered page a widget shows first, from this script's own origin only.
function prerenderedUrl(options, paint) {
  const name = Object.hasOwn(FRAGMENTS, paint.audience || '') ? FRAGMENTS[paint.audience] : FRAGMENTS.default;
  const url = articleFile(options, `/${name}`, dom.baseURI());
  if (!url || !isOn(url.href, ownOrigin)) return null;
  return url.href;
}

function fetchPrerendered(url) {
  if (!prerenderedPages.has(url)) prerenderedPages.set(url, requestPrerendered(url).then((page) => page && cleanPage(page)));
  return prerenderedPages.get(url);
}

// The prerendered page, cleaned before anything of it is shown (sanitize.js). Where the
// browser sanitizes, as text; elsewhere as an inert document: XMLHttpRequest parses it
// with scripts disabled, and that parse is no injection sink, so pages that enforce
// Trusted Types need no policy for it (nor for `setHTML`, which is none either). Null
// when it cannot be had, or when a redirect took it elsewhere.
function requestPrerendered(url) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.responseType = SANITIZES ? 'text' : 'document';
    request.onload = () => {
      const where = request.responseURL;
      const own = answeredWhereAsked(url, where, base) && (!where || isOn(where, ownOrigin));
      resolve(request.status === 200 && own ? request.response : null);
    };
    request.onerror = () => resolve(null);
    request.send();
  });
}

// Points the prerendered page's links at the publisher's site: the build wrote a
// placeholder base, in attributes only.
function pointLinks(root, link) {
  dom.querySelectorAll(root, 'a[href]').forEach((anchor) => {
    const href = dom.getAttribute(anchor, 'href');
    if (href.startsWith(PARTNER_BASE)) dom.setAttribute(anchor, 'href', link + href.slice(PARTNER_BASE.length));
  });
}

function showPrerendered(host, options) {
  const paint = paintOf(host);
  const url = prerenderedUrl(options, paint);
  const link = canonicalBase(options);
  if (!url || !link || shownPages.get(host) === url) return;
  shownPages.set(host, url);
  const shown = Promise.all([fetchPrerendered(url), stylesheet()])
    .then(([cleaned, sheet]) => {
      const shadow = dom.shadowRoot(host);
      if (!cleaned || !sheet || !shadow || !known.has(host)) return undefined;
      // A widget whose code has mounted but not yet taken over still shows its
      // prerendered page, which it will take over: the page goes into that element,
      // which stays the same one. Once taken over, the widget shows the choice itself.
      const waiting = mounted.has(host) ? prerenderedShown(host) : null;
      if (mounted.has(host) && !waiting) return undefined;
      // Overtaken by the page of an audience chosen since.
      if (shownPages.get(host) !== url) return undefined;
      if (!dom.hasAttribute(cleaned, 'data-prerendered')) return undefined;
      // Prerendered in the article's language: where the widget will speak another of
      // its languages, the placeholder waits for it rather than flash the first.
      const first = dom.firstElementChild(cleaned);
      const frameLanguage = ((first && dom.getAttribute(first, 'lang')) || '').split('-')[0].toLowerCase();
      if (paint.language && frameLanguage && paint.language !== frameLanguage) return undefined;
      const root = dom.importNode(cleaned);
      pointLinks(root, link);
      // The reader's text size and theme, as the widget will show them.
      const frame = dom.firstElementChild(root);
      if (frame) {
        const classes = dom.classList(frame);
        for (const name of [...classes]) {
          if (name.startsWith('theme-') || name.startsWith('text-')) classes.remove(name);
        }
        classes.add(`theme-${paint.theme}`, `text-${paint.textSize}`);
      }
      acceptChoice(root);
      // Shown again for a choice made in it: the element with focus goes with the page it
      // is in, and its twin, by id, takes it.
      const focused = dom.activeElement(shadow);
      const focusedId = focused && dom.getAttribute(focused, 'id');
      let shownIn = root;
      if (waiting) {
        dom.replaceChildren(waiting, ...root.childNodes);
        shownIn = waiting;
      } else {
        shadow.adoptedStyleSheets = [sheet];
        dom.replaceShadow(shadow, root);
      }
      const twin = focusedId && dom.querySelectorAll(shownIn, `#${window.CSS.escape(focusedId)}`)[0];
      if (twin) dom.focus(twin);
      if (!hearing.has(shadow)) {
        hearing.add(shadow);
        dom.on(shadow, 'change', (event) => rememberChoice(host, event.target));
      }
      // The code failed while this page was on its way: say so under it.
      if (failures > 0 && !loadings.has(codeOf(options))) showFailure(host);
      return afterPaint();
    })
    .catch(() => {
      // The placeholder stays until the widget renders.
    });
  firstPaints.push(shown);
}

// An audience chosen in a prerendered page, before the Wasm has taken it over
// (docs/static-first.md): the page's audience question is live, its other controls
// stay inert until the widget takes over. The build writes it so; a fragment of an
// earlier build, still cached, had the whole block inert.
function acceptChoice(root) {
  const section = dom.querySelectorAll(root, '.personalize')[0];
  const others = section && dom.querySelectorAll(section, '.preferences')[0];
  if (!others) return;
  dom.removeAttribute(section, 'inert');
  dom.removeAttribute(section, 'aria-busy');
  dom.setAttribute(others, 'inert', '');
  dom.setAttribute(others, 'aria-busy', 'true');
}

// The choice is stored where the Wasm reads it, so that its first render shows it; each
// widget still waiting shows that audience's prerendered page meanwhile; and a Wasm
// already running but not yet shown hears it as a change from elsewhere.
function rememberChoice(host, control) {
  if (!dom.closest(control, '[data-prerendered]')) return;
  const audience = audienceChosen(dom.getAttribute(control, 'name'), dom.getAttribute(control, 'value'));
  if (!audience) return;
  const record = withAudience(storedRecord(), audience);
  try {
    window.localStorage.setItem(STORAGE_KEY, record);
  } catch {
    // Not kept beyond the page: the widgets still waiting show it all the same.
  }
  for (const label of dom.querySelectorAll(dom.closest(control, 'fieldset'), 'label')) {
    const chosen = dom.getAttribute(label, 'for') === dom.getAttribute(control, 'id');
    dom.classList(label).toggle('selected', chosen);
  }
  if (readyCodes.size > 0) dom.dispatch(window, new StorageEvent('storage', { key: STORAGE_KEY, newValue: record }));
  // Those whose code has mounted too, while their prerendered page is still shown.
  known.forEach((other) => {
    if (shownPages.has(other) && (!mounted.has(other) || prerenderedShown(other))) {
      showPrerendered(other, optionsOf(other));
    }
  });
}

// --- The article's data, asked for while the Wasm loads ---------------------------------

// A body already here is shown by the widget's first render, a request still under way
// becomes the widget's own. A failed one, or one a redirect took elsewhere, hands over
// null, and the widget asks again itself, with its timeouts, retries and messages.
function prefetchArticle(url) {
  if (prefetches.has(url)) return;
  const handover = { url, data: null };
  handover.data = fetch(url)
    .then((response) => (response.ok && answeredWhereAsked(url, response.url) ? response.text() : null))
    .then(
      (text) => {
        handover.data = text;
        return text;
      },
      () => null,
    );
  prefetches.set(url, handover);
}

// --- Widgets ----------------------------------------------------------------------------

function optionsOf(host) {
  const attribute = (name) => dom.getAttribute(host, `data-${name}`);
  return resolveOptions(attribute, scriptOptions.get(host) || new Map(), siteBase);
}

function mount(host, given) {
  if (!dom.isElement(host)) return Promise.reject(new TypeError('ArticleWidget.mount needs an element'));
  known.add(host);
  watchColorScheme(host);
  if (given !== undefined) scriptOptions.set(host, mergeScriptOptions(scriptOptions.get(host), given, warn));
  optionWatcher.observe(host, { attributes: true, attributeFilter: OPTIONS.map((name) => `data-${name}`) });
  placeholder(host);
  const options = optionsOf(host);
  const url = articleFile(options, '.json', dom.baseURI());
  const code = codeOf(options);
  const ready = readyCodes.has(code);
  if (!ready && !prerendering.has(host)) {
    prerendering.add(host);
    showPrerendered(host, options);
  }
  if (!loadings.has(code) && failures && Date.now() < nextAttempt) {
    // The code failed a moment ago: this widget waits for the next try with the others.
    failedMounts.add(host);
    showFailure(host);
    return Promise.resolve(false);
  }
  // The first paint's requests go first, in this task; the article's data and the code
  // in the next, so that the script's first task ends sooner (docs/performance.md).
  const codeLoaded = ready
    ? bindings(code)
    : nextTask().then(() => {
        if (url) prefetchArticle(url.href);
        return bindings(code);
      });
  return codeLoaded.then(
    (glue) => {
      if (!known.has(host) || !dom.isConnected(host) || mounted.has(host)) return false;
      mounted.add(host);
      failedMounts.delete(host);
      mountedWith.set(host, glue);
      return stylesheet().then((sheet) => {
        const shadow = dom.shadowRoot(host);
        if (sheet && shadow) shadow.adoptedStyleSheets = [sheet];
        glue.mountWidget(host, optionsOf(host), url ? prefetches.get(url.href) : undefined, undefined);
        return true;
      });
    },
    // Said once in the console and on the placeholder; never a rejection on the page.
    () => {
      failedMounts.add(host);
      return false;
    },
  );
}

function mountWhenNear(host) {
  const mode = dom.getAttribute(host, 'data-loading');
  if (mode !== null && mode !== 'lazy' && mode !== 'eager') {
    warn(`data-loading: unknown value \`${mode}\` (expected lazy or eager); loading now`);
  }
  if (mode !== 'lazy' || !('IntersectionObserver' in window)) return mount(host);
  known.add(host);
  placeholder(host);
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        mount(host);
      }
    },
    { rootMargin: '400px' },
  );
  observer.observe(host);
  return undefined;
}

// A mounted widget follows its options: the host's `data-` attributes, changed by the
// page at any time, and those given by script (`mount`, `update`), checked first and
// never kept raw.
function update(host, given) {
  if (!dom.isElement(host)) return Promise.reject(new TypeError('ArticleWidget.update needs an element'));
  if (given !== undefined) scriptOptions.set(host, mergeScriptOptions(scriptOptions.get(host), given, warn));
  if (!known.has(host)) return Promise.resolve(false);
  const glue = mountedWith.get(host);
  if (glue) return Promise.resolve(glue.updateWidget(host, optionsOf(host)));
  // Not mounted yet: once its code is here.
  const loading = loadings.get(codeOf(optionsOf(host)));
  if (!loading) return Promise.resolve(false);
  return loading.then(
    (loaded) => loaded.updateWidget(host, optionsOf(host)),
    () => false,
  );
}

const optionWatcher = new MutationObserver((records) => {
  const changed = new Set();
  for (const record of records) {
    // The attribute now speaks for that option, over what a script gave before.
    const given = scriptOptions.get(record.target);
    if (given) given.delete(record.attributeName.slice('data-'.length));
    changed.add(record.target);
  }
  changed.forEach((host) => update(host));
});

function unmount(host) {
  known.delete(host);
  failedMounts.delete(host);
  scriptOptions.delete(host);
  mounted.delete(host);
  const glue = mountedWith.get(host);
  mountedWith.delete(host);
  return Promise.resolve(glue ? glue.unmountWidget(host) : false);
}

// The article-only Wasm's app asks for this as the reader opens the catalog, which only
// the full app shows: the full app takes the widget over in place, opening again the
// pages the reader had opened (`opened`, each an `article` setting, the catalog's
// empty), so that its Back button retraces them. Until it has loaded, the article's app
// says it is loading; if it cannot load, the console says why and Back still works.
function openCatalog(host, opened) {
  const from = mountedWith.get(host);
  if (!from || !known.has(host) || !loadings.has(ARTICLE_CODE)) return false;
  bindings(FULL_CODE).then(
    (glue) => {
      if (mountedWith.get(host) !== from || !dom.isConnected(host)) return;
      from.unmountWidget(host);
      mountedWith.set(host, glue);
      glue.mountWidget(host, optionsOf(host), undefined, Array.isArray(opened) ? opened : undefined);
    },
    () => {},
  );
  return true;
}

// The tag itself carries the options: the widget goes right after it.
function hostFor(tag) {
  const host = dom.createElement('article-widget');
  for (const name of [...OPTIONS, 'loading']) {
    const value = dom.getAttribute(tag, `data-${name}`);
    if (value !== null) dom.setAttribute(host, `data-${name}`, value);
  }
  dom.insertAfter(tag, host);
  return host;
}

function scan(root) {
  for (const host of dom.queryUnder(root, '[data-article-widget]')) {
    if (!known.has(host)) mountWhenNear(host);
  }
}

// Single-page apps add and remove containers: follow them.
const treeWatcher = new MutationObserver((records) => {
  for (const record of records) {
    record.addedNodes.forEach((node) => {
      if (!dom.isElement(node)) return;
      if (dom.hasAttribute(node, 'data-article-widget') && !known.has(node)) mountWhenNear(node);
      scan(node);
    });
  }
  known.forEach((host) => {
    if (!dom.isConnected(host)) unmount(host);
  });
});

// --- The host page's colour scheme --------------------------------------------------------

// The theme "auto" follows the host page: the colour scheme it declares on a container
// or an ancestor, else the system's. The widget's `:host { all: initial }` resets what
// the host inherits, so an inherited scheme is read from its parent.
function declaredColorScheme(element) {
  return element ? getComputedStyle(element).colorScheme || 'normal' : 'normal';
}

function hostColorScheme(host) {
  let declared = declaredColorScheme(host);
  if (declared === 'normal') declared = declaredColorScheme(dom.parentElement(host));
  // CSS's own keywords of `color-scheme`, which happen to be two theme names too.
  const words = declared.split(/\s+/);
  const light = words.includes('light');
  const dark = words.includes('dark');
  if (dark && !light) return 'dark';
  if (light && !dark) return 'light';
  return null;
}

function followColorScheme(host) {
  const scheme = hostColorScheme(host);
  if (scheme === dom.getAttribute(host, 'data-host-color-scheme')) return;
  if (scheme) dom.setAttribute(host, 'data-host-color-scheme', scheme);
  else dom.removeAttribute(host, 'data-host-color-scheme');
}

let schemeCheck = 0;
function checkColorSchemesSoon() {
  if (schemeCheck) return;
  schemeCheck = requestAnimationFrame(() => {
    schemeCheck = 0;
    known.forEach(followColorScheme);
  });
}

const schemeWatcher = new MutationObserver(checkColorSchemesSoon);
function watchColorScheme(host) {
  for (let element = host; element; element = dom.parentElement(element)) {
    schemeWatcher.observe(element, {
      attributes: true,
      attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme', 'data-bs-theme'],
    });
  }
  followColorScheme(host);
}

// --- Start --------------------------------------------------------------------------------

function start() {
  scan(window.document);
  treeWatcher.observe(dom.documentElement(), { childList: true, subtree: true });
}

const existing = window[LOADER];
if (existing && typeof existing.scan === 'function') {
  // Included again: the page keeps its one loader; this tag only adds its widget.
  if (script && dom.hasAttribute(script, `data-${OPTION_ARTICLE}`)) existing.mount(hostFor(script));
  existing.scan(window.document);
} else if (!script || !base) {
  warn('cannot tell which script tag is embed.js (load it as a classic <script src>); nothing mounted');
} else {
  const api = Object.freeze({
    loader: true,
    mount: (host, options) => mount(host, options),
    update: (host, options) => update(host, options),
    unmount: (host) => unmount(host),
    scan: (root) => scan(root === undefined ? window.document : root),
    /** How many widgets are mounted (for the page's own checks). */
    count: () =>
      Promise.all([...loadings.values()].map((loading) => loading.then((glue) => glue.mountedWidgets(), () => 0))).then(
        (counts) => counts.reduce((sum, count) => sum + count, 0),
      ),
  });
  // The Wasm's own way in, beside the page's API.
  Object.defineProperty(window, LOADER, { value: Object.freeze({ ...api, [OPEN_CATALOG]: openCatalog }) });
  Object.defineProperty(window, 'ArticleWidget', { value: api, configurable: true, writable: true });
  dom.on(window, 'online', retryNow);
  if (dom.hasAttribute(script, `data-${OPTION_ARTICLE}`)) mountWhenNear(hostFor(script));
  if (dom.readyState() === 'loading') dom.on(window.document, 'DOMContentLoaded', start);
  else start();
}
