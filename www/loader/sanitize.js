// The one way a prerendered page reaches a partner's page. It comes from the widget's
// own origin, but a partner who pins embed.js by its hash trusts this script, not that
// host: a host that served `<img onerror>` in a page would run script on every partner
// page. So the page is cleaned while it is still in an inert document (no script runs
// there, no image loads), and only then imported: every element the build does not
// write goes with its content, every attribute it does not write on that element goes,
// handlers always, and a URL stays only as safe_url.rs would let it (markup.js). Where
// the browser has the HTML Sanitizer API, it parses the page with the same lists
// (`setHTML`), and the walk runs after it all the same: the URL rule is ours alone, and
// a browser that reads the configuration otherwise (its shape changed while the API was
// drafted) still lets through only the build's markup.
// Nodes are imported, never written out and parsed again, so no markup can change meaning
// on the way. Every node is read through the prototypes (dom.js): a `<form>` can shadow
// its own methods by its controls' names.

import * as dom from './dom.js';
import { keepsAttribute, keepsElement, sanitizerConfig } from './markup.js';

/** Whether the browser sanitizes: the page is then asked for as text. */
export const SANITIZES = dom.setHTML !== null;

function clean(parent) {
  for (let node = dom.firstChild(parent), next; node; node = next) {
    next = dom.nextSibling(node);
    const name = dom.nodeType(node) === 1 && dom.localName(node);
    if (name && keepsElement(name, dom.namespaceURI(node))) {
      for (const attribute of dom.getAttributeNames(node)) {
        if (!keepsAttribute(name, attribute, dom.getAttribute(node, attribute))) dom.removeAttribute(node, attribute);
      }
      clean(node);
    } else if (dom.nodeType(node) !== 3) {
      dom.removeChild(parent, node);
    }
  }
}

/**
 * The root element of a prerendered page, cleaned, still in an inert document; null
 * when there is none. `page` is what XMLHttpRequest answered: text where the browser
 * sanitizes, else the document it parsed with scripts off.
 */
export function cleanPage(page) {
  let body;
  if (typeof page === 'string') {
    body = dom.createElementIn(dom.inertDocument(), 'body');
    dom.setHTML(body, page, { sanitizer: sanitizerConfig() });
  } else {
    body = dom.body(page);
  }
  if (!body) return null;
  clean(body);
  return dom.firstElementChild(body);
}
