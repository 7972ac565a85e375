// article-widget loader: the one script a partner page includes.
//
//   <script src="https://WIDGET_HOST/embed.js" data-article="als-primary-treatment" async></script>
//   <div data-article-widget data-article="als-primary-treatment"></div>
//
// It finds its own origin from its own URL and loads everything from there: the Wasm
// and its JS glue and the stylesheet (content-hashed names, filled in at build time)
// and the article data. One Wasm instance serves every widget of the page, however
// many times this script is included. No inline script or style: it works under a
// strict CSP.
//
// Static first: while the Wasm loads, each widget shows the article the build
// prerendered for it (articles/<slug>/<audience>.html), fetched from this script's own
// origin only and parsed as an inert document (no script runs, no injection sink is
// used); the Wasm then takes that page over in place. Its controls stay inert, and
// look it, until then.
(function () {
  'use strict';

  var GLUE = '__ARTICLE_WIDGET_GLUE__';
  var WASM = '__ARTICLE_WIDGET_WASM__';
  var CSS = '__ARTICLE_WIDGET_CSS__';
  // The canonical base the build writes into prerendered pages (src/site/prerender.rs),
  // replaced here by the widget's own.
  var PRERENDERED_BASE = 'https://article-widget.invalid/';
  // The reader's preferences, as the widget stores them (src/preferences.rs).
  var STORAGE_KEY = 'article-widget/v1';
  var OPTIONS = ['article', 'audience', 'theme', 'lang', 'followup-url', 'src', 'canonical-base'];
  var LOADING_TEXT = {
    en: 'Loading article…',
    es: 'Cargando el artículo…',
  };
  var OPTION_ATTRIBUTES = OPTIONS.map(function (name) {
    return 'data-' + name;
  });
  var PLACEHOLDER_CSS =
    ':host{display:block;min-height:var(--article-widget-placeholder-height,640px)}' +
    'p{font:16px/1.6 system-ui,sans-serif;color:#4a5560;margin:0;padding:1.25em}';

  var script = document.currentScript;
  var api = window.ArticleWidget;
  if (api && api.loader) {
    // Included again: the page keeps its one instance; this tag only adds its widget.
    if (script && script.hasAttribute('data-article')) api.mount(hostFor(script));
    api.scan(document);
    return;
  }
  if (!script) {
    var scripts = document.querySelectorAll('script[src]');
    for (var i = 0; i < scripts.length && !script; i++) {
      if (/\/embed\.js(?:[?#]|$)/.test(scripts[i].src)) script = scripts[i];
    }
  }
  if (!script) {
    console.warn('article-widget: cannot find the embed.js script tag; nothing mounted');
    return;
  }
  var base = new URL('.', script.src).href;
  var known = new Set();
  // The options a script gave each host (`mount`, `update`), beside its attributes.
  var extras = new Map();
  // The article data requested while the Wasm loads, by URL: { url, data }, where data
  // is the request's promise until it settles, then the body (or null).
  var prefetches = new Map();
  var ready = false;
  var loading = null;
  var stylesheetLoading = null;
  // Hosts the Wasm has mounted: a prerendered page arriving later is not shown.
  var mounted = new WeakSet();
  var prerendering = new WeakSet();


  function bindings() {
    if (!loading) {
      // The Wasm downloads while the glue does, not after it; the glue compiles it by
      // streaming (the host serves application/wasm).
      var wasm = fetch(base + WASM);
      // Both download at once, but the Wasm starts (compiles, instantiates, renders)
      // only once the prerendered pages under way have painted: the reader's first
      // words come before the Wasm's work on the main thread.
      var glueReady = import(base + GLUE).then(function (glue) {
        return firstPaintsSettled().then(function () {
          return glue.default({ module_or_path: wasm }).then(function () {
            return glue;
          });
        });
      });
      // The stylesheet comes with the Wasm: a widget mounts with both.
      loading = Promise.all([glueReady, stylesheet()]).then(function (results) {
        ready = true;
        // Every mount waiting for the Wasm runs before this timer, and takes its
        // data; later mounts make their own requests.
        setTimeout(function () {
          prefetches.clear();
          // Once the Wasm runs, no prerendered page is shown any more.
          prerenderedPages.clear();
        }, 0);
        return results[0];
      });
      loading.catch(function (error) {
        console.error('article-widget: could not load from ' + base + ': ' + error);
      });
    }
    return loading;
  }

  // The prerendered pages being shown, each a promise settled once painted or given
  // up; never waited for longer than FIRST_PAINT_WAIT_MS.
  var firstPaints = [];
  var FIRST_PAINT_WAIT_MS = 1500;
  function firstPaintsSettled() {
    return Promise.race([
      Promise.all(firstPaints),
      new Promise(function (resolve) {
        setTimeout(resolve, FIRST_PAINT_WAIT_MS);
      }),
    ]);
  }

  // After the next frame has painted.
  function afterPaint() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () {
        setTimeout(resolve, 0);
      });
    });
  }

  // The widget's one stylesheet, shared by every widget of the page as a constructed
  // sheet: it passes a `style-src 'none'` policy. Null where it cannot load.
  function stylesheet() {
    if (!stylesheetLoading) {
      stylesheetLoading = fetch(base + CSS)
        .then(function (response) {
          if (!response.ok) throw new Error('the stylesheet answered ' + response.status);
          return response.text();
        })
        .then(function (text) {
          var sheet = new CSSStyleSheet();
          sheet.replaceSync(text);
          return sheet;
        })
        .catch(function (error) {
          console.warn('article-widget: no stylesheet: ' + error);
          return null;
        });
    }
    return stylesheetLoading;
  }

  function storedPreferences() {
    try {
      var record = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '{}');
      return record && typeof record === 'object' ? record : {};
    } catch (error) {
      return {};
    }
  }

  // The prerendered page a widget shows first: the audience the widget will show (the
  // reader's stored choice, else data-audience, else the article's default), from this
  // script's own origin only; null when there is none to show.
  function prerenderedUrl(options, preferences) {
    var audiences = ['patient', 'caregiver', 'professional'];
    var audience = audiences.indexOf(preferences.audience) >= 0 ? preferences.audience : (options.audience || '').trim();
    if (audiences.indexOf(audience) < 0) audience = 'default';
    var url = articleFile(options, '/' + audience + '.html');
    // Never HTML from anywhere else: a data-src on another origin renders as before.
    if (!url || url.origin !== new URL(base).origin) return null;
    return url.href;
  }

  // The canonical base the widget will use, as the folder its links start from; null
  // when it is not an http(s) URL (the widget then says so, and links nowhere).
  function canonicalBase(options) {
    try {
      var url = new URL(options['canonical-base'].trim());
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
      return new URL('.', url).href;
    } catch (error) {
      return null;
    }
  }

  // The prerendered pages requested, by URL: widgets showing the same article share one
  // request and one parse (each shows its own copy of the document's nodes).
  var prerenderedPages = new Map();

  // The prerendered page as an inert document: XMLHttpRequest parses it with scripts
  // disabled, and that parse is no injection sink, so pages that enforce Trusted Types
  // need no policy for it. Null when it cannot be had.
  function fetchPrerendered(url) {
    if (!prerenderedPages.has(url)) prerenderedPages.set(url, requestPrerendered(url));
    return prerenderedPages.get(url);
  }

  function requestPrerendered(url) {
    return new Promise(function (resolve) {
      var request = new XMLHttpRequest();
      request.open('GET', url);
      request.responseType = 'document';
      request.onload = function () {
        resolve(request.status === 200 ? request.response : null);
      };
      request.onerror = function () {
        resolve(null);
      };
      request.send();
    });
  }

  // Points the prerendered page's links at the publisher's site: the build wrote a
  // placeholder base, in attributes only.
  function pointLinks(root, link) {
    root.querySelectorAll('a[href]').forEach(function (anchor) {
      var href = anchor.getAttribute('href');
      if (href.indexOf(PRERENDERED_BASE) === 0) anchor.setAttribute('href', link + href.slice(PRERENDERED_BASE.length));
    });
  }

  function showPrerendered(host, options) {
    var preferences = storedPreferences();
    var url = prerenderedUrl(options, preferences);
    var link = canonicalBase(options);
    if (!url || !link) return;
    var shown = Promise.all([fetchPrerendered(url), stylesheet()])
      .then(function (results) {
        var prerendered = results[0];
        var sheet = results[1];
        var shadow = host.shadowRoot;
        if (!prerendered || !prerendered.body || !sheet || !shadow || mounted.has(host) || !known.has(host)) return;
        var root = prerendered.body.firstElementChild;
        if (!root || !root.hasAttribute('data-prerendered')) return;
        // Prerendered in the article's language: where the widget will speak another of
        // its languages (and may show the article's translation into it), the
        // placeholder waits for it rather than flash the first.
        var frameLanguage = ((root.firstElementChild && root.firstElementChild.lang) || '').split('-')[0].toLowerCase();
        var wanted = readerLanguage(host, preferences);
        if (LOADING_TEXT[wanted] && frameLanguage && wanted !== frameLanguage) return;
        root = document.importNode(root, true);
        pointLinks(root, link);
        // The reader's text size and theme, as the widget will show them.
        var frame = root.firstElementChild;
        var theme = ['light', 'dark'].indexOf(preferences.theme) >= 0 ? preferences.theme : (options.theme || '').trim();
        if (frame && ['light', 'dark', 'auto'].indexOf(theme) >= 0) {
          frame.classList.remove('theme-auto');
          frame.classList.add('theme-' + theme);
        }
        if (frame && ['large', 'larger'].indexOf(preferences.text_size) >= 0) {
          frame.classList.remove('text-normal');
          frame.classList.add('text-' + preferences.text_size);
        }
        shadow.adoptedStyleSheets = [sheet];
        shadow.replaceChildren(root);
        return afterPaint();
      })
      .catch(function () {
        // The placeholder stays until the widget renders.
      });
    firstPaints.push(shown);
  }

  function optionsOf(host, extra) {
    var options = {};
    OPTIONS.forEach(function (name) {
      var value = host.getAttribute('data-' + name);
      if (value !== null) options[name] = value;
    });
    Object.keys(extra || {}).forEach(function (name) {
      options[name] = String(extra[name]);
    });
    if (!options.src) options.src = base + 'articles/';
    if (!options['canonical-base']) options['canonical-base'] = base;
    return options;
  }

  // The URL of the article's data, made as the widget makes it (src/config.rs); null
  // for an invalid slug, which is left to the widget to report.
  function articleUrl(options) {
    var url = articleFile(options, '.json');
    return url && url.href;
  }

  // The URL of `<slug><suffix>` beside the article data, as the widget names its files
  // (src/config.rs); null for an invalid slug or address.
  function articleFile(options, suffix) {
    var slug = (options.article || '').trim();
    if (!/^[a-z0-9-]+$/.test(slug)) return null;
    var src = options.src.trim();
    if (src.slice(-1) !== '/') src += '/';
    try {
      return new URL(src + slug + suffix, document.baseURI);
    } catch (error) {
      return null;
    }
  }

  // The article's data is requested while the Wasm loads, not once it runs, and is
  // handed to the widget with its mount: a body already here is shown by the widget's
  // first render, a request still under way becomes the widget's own. Either way there
  // is one request. A failed one hands over null, and the widget asks again itself,
  // with its timeouts, retries and messages.
  function prefetchArticle(url) {
    if (prefetches.has(url)) return;
    var handover = { url: url, data: null };
    handover.data = fetch(url)
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(
        function (text) {
          handover.data = text;
          return text;
        },
        function () {
          return null;
        },
      );
    prefetches.set(url, handover);
  }

  // A placeholder of reserved height, so nothing below the widget jumps when it renders.
  function placeholder(host) {
    if (host.shadowRoot) return;
    var shadow = host.attachShadow({ mode: 'open' });
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(PLACEHOLDER_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch (error) {
      // Without constructable stylesheets the placeholder goes unstyled.
    }
    var status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = loadingText(host);
    shadow.appendChild(status);
  }

  // The placeholder's line in the widget's language as far as it is known here: the
  // same words as the widget's own (tidy test).
  function loadingText(host) {
    return LOADING_TEXT[readerLanguage(host, storedPreferences())] || LOADING_TEXT.en;
  }

  // The primary subtag of the reader's language as the widget will choose it: the
  // reader's stored choice, else data-lang, else the nearest lang.
  function readerLanguage(host, preferences) {
    if (LOADING_TEXT[preferences.language]) return preferences.language;
    var declared = host.getAttribute('data-lang') || (host.closest('[lang]') || document.documentElement).lang || '';
    return declared.trim().split(/[-_]/)[0].toLowerCase();
  }

  function mount(host, extra) {
    if (!(host instanceof Element)) return Promise.reject(new TypeError('ArticleWidget.mount needs an element'));
    known.add(host);
    watchColorScheme(host);
    if (extra) extras.set(host, Object.assign({}, extra));
    optionWatcher.observe(host, { attributes: true, attributeFilter: OPTION_ATTRIBUTES });
    placeholder(host);
    var options = optionsOf(host, extras.get(host));
    var url = articleUrl(options);
    // The prerendered page first: it is what the reader sees first.
    if (!ready && !prerendering.has(host)) {
      prerendering.add(host);
      showPrerendered(host, options);
    }
    // Once the Wasm runs, the widget's own request is as early as this one.
    if (!ready && url) prefetchArticle(url);
    return bindings().then(function (glue) {
      if (known.has(host) && host.isConnected && !mounted.has(host)) {
        mounted.add(host);
        // Settled already: the Wasm waited for it.
        return stylesheet().then(function (sheet) {
          if (sheet && host.shadowRoot) host.shadowRoot.adoptedStyleSheets = [sheet];
          glue.mountWidget(host, options, url ? prefetches.get(url) : undefined);
        });
      }
    });
  }

  function mountWhenNear(host) {
    var loadingMode = host.getAttribute('data-loading');
    if (loadingMode !== null && loadingMode !== 'lazy' && loadingMode !== 'eager') {
      console.warn('article-widget: data-loading: unknown value `' + loadingMode + '` (expected lazy or eager); loading now');
    }
    if (loadingMode !== 'lazy' || !('IntersectionObserver' in window)) return mount(host);
    known.add(host);
    placeholder(host);
    var observer = new IntersectionObserver(
      function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          mount(host);
        }
      },
      { rootMargin: '400px' },
    );
    observer.observe(host);
  }

  // A mounted widget follows its options: the host's `data-` attributes, changed by the
  // page at any time, and those given by script (`mount`, `update`). The widget updates
  // in place, keeping what still applies (the reader's place, preferences, history).
  function update(host, options) {
    if (!(host instanceof Element)) return Promise.reject(new TypeError('ArticleWidget.update needs an element'));
    if (options) {
      var extra = Object.assign({}, extras.get(host));
      Object.keys(options).forEach(function (name) {
        if (options[name] === null || options[name] === undefined) delete extra[name];
        else extra[name] = options[name];
      });
      extras.set(host, extra);
    }
    if (!known.has(host) || !loading) return Promise.resolve(false);
    return loading.then(function (glue) {
      return glue.updateWidget(host, optionsOf(host, extras.get(host)));
    });
  }

  var optionWatcher = new MutationObserver(function (records) {
    var changed = new Set();
    records.forEach(function (record) {
      // The attribute now speaks for that option, over what a script gave before.
      var extra = extras.get(record.target);
      if (extra) delete extra[record.attributeName.slice('data-'.length)];
      changed.add(record.target);
    });
    changed.forEach(function (host) {
      update(host);
    });
  });

  function unmount(host) {
    known.delete(host);
    extras.delete(host);
    mounted.delete(host);
    if (!loading) return Promise.resolve(false);
    return loading.then(function (glue) {
      return glue.unmountWidget(host);
    });
  }

  // The tag itself carries the options: the widget goes right after it.
  function hostFor(tag) {
    var host = document.createElement('article-widget');
    OPTIONS.concat(['loading']).forEach(function (name) {
      var value = tag.getAttribute('data-' + name);
      if (value !== null) host.setAttribute('data-' + name, value);
    });
    tag.parentNode.insertBefore(host, tag.nextSibling);
    return host;
  }

  function scan(root) {
    var hosts = root.querySelectorAll ? root.querySelectorAll('[data-article-widget]') : [];
    for (var i = 0; i < hosts.length; i++) {
      if (!known.has(hosts[i])) mountWhenNear(hosts[i]);
    }
  }

  // Single-page apps add and remove containers: follow them.
  var observer = new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) return;
        if (node.hasAttribute('data-article-widget') && !known.has(node)) mountWhenNear(node);
        scan(node);
      });
    });
    known.forEach(function (host) {
      if (!host.isConnected) unmount(host);
    });
  });

  window.ArticleWidget = {
    loader: true,
    mount: function (host, options) {
      return mount(host, options);
    },
    update: update,
    unmount: unmount,
    scan: scan,
    /** How many widgets are mounted (for the page's own checks). */
    count: function () {
      return loading ? loading.then(function (glue) { return glue.mountedWidgets(); }) : Promise.resolve(0);
    },
  };

  // The theme "auto" follows the host page: the colour scheme it declares on a
  // container or an ancestor, else the system's. The widget's `:host { all: initial }`
  // resets what the host inherits, so an inherited scheme is read from its parent (one
  // the page sets on the container itself still shows on it). The page may toggle it at
  // any time, by a class or an attribute anywhere above the widget: the widget follows,
  // without a reload.
  function declaredColorScheme(element) {
    return element ? getComputedStyle(element).colorScheme || 'normal' : 'normal';
  }

  function hostColorScheme(host) {
    var declared = declaredColorScheme(host);
    if (declared === 'normal') declared = declaredColorScheme(host.parentElement);
    var words = declared.split(/\s+/);
    var light = words.indexOf('light') >= 0;
    var dark = words.indexOf('dark') >= 0;
    if (dark && !light) return 'dark';
    if (light && !dark) return 'light';
    return null;
  }

  function followColorScheme(host) {
    var scheme = hostColorScheme(host);
    if (scheme === host.getAttribute('data-host-color-scheme')) return;
    if (scheme) host.setAttribute('data-host-color-scheme', scheme);
    else host.removeAttribute('data-host-color-scheme');
  }

  // After a change, checks every widget's host once, in the next frame: one style pass
  // for all of them, however many attributes changed.
  var schemeCheck = 0;
  function checkColorSchemesSoon() {
    if (schemeCheck) return;
    schemeCheck = requestAnimationFrame(function () {
      schemeCheck = 0;
      known.forEach(followColorScheme);
    });
  }

  // Only the host and its ancestors decide what the host inherits: those are watched,
  // not every attribute change of the page.
  var schemeWatcher = new MutationObserver(checkColorSchemesSoon);
  function watchColorScheme(host) {
    for (var element = host; element; element = element.parentElement) {
      schemeWatcher.observe(element, {
        attributes: true,
        attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme', 'data-bs-theme'],
      });
    }
    // At once, not in the next frame: a widget whose Wasm is already here renders
    // before then, and must not show the other scheme for a frame.
    followColorScheme(host);
  }

  if (script.hasAttribute('data-article')) mountWhenNear(hostFor(script));
  function start() {
    scan(document);
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
