// What of a prerendered page may reach a partner's page: exactly the markup the build
// writes (FRAGMENT_MARKUP, each element with its attributes, from
// src/site/prerender.rs by the contract), and URLs only as src/safe_url.rs lets them
// through. Pure: tests/loader/ runs it under node; sanitize.js applies it.

import { FRAGMENT_MARKUP, URL_ATTRIBUTES, URL_SCHEMES } from '../contract.js';

const HTML = 'http://www.w3.org/1999/xhtml';

/**
 * Whether `url` may stand in an `href` or a `src`, as `safe_url::allowed` answers: with
 * ASCII controls dropped and spaces trimmed, a scheme on the list, or none (relative).
 */
export function allowsUrl(url) {
  const cleaned = url.replace(/[\0-\x1f\x7f]/g, '').replace(/^ +| +$/g, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(cleaned);
  return !scheme || URL_SCHEMES.includes(scheme[1].toLowerCase());
}

/** Whether an element of `name` in `namespace` is one the build writes. */
export function keepsElement(name, namespace) {
  return namespace === HTML && Object.hasOwn(FRAGMENT_MARKUP, name);
}

/**
 * Whether the attribute `name`, of value `value`, may stay on a kept `element`: one the
 * build writes on it (never a handler nor a style: tests/fragment_markup.rs), and a URL
 * only when it passes.
 */
export function keepsAttribute(element, name, value) {
  return FRAGMENT_MARKUP[element].includes(name) && (!URL_ATTRIBUTES.includes(name) || allowsUrl(value));
}

/** The HTML Sanitizer API's configuration of the same lists (a `SanitizerConfig`). */
export function sanitizerConfig() {
  return {
    elements: Object.keys(FRAGMENT_MARKUP).map((name) => ({ name, attributes: FRAGMENT_MARKUP[name] })),
    attributes: [],
    dataAttributes: false,
  };
}
