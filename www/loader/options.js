// A widget's options: the host's `data-` attributes and what a script gave through the
// API (`mount`, `update`), checked before they are kept. Pure: tests/loader/ runs it
// under node.

import {
  DEFAULT_DATA_PATH,
  OPTIONS,
  OPTION_ARTICLE,
  OPTION_CANONICAL_BASE,
  OPTION_SRC,
  SLUG_PATTERN,
} from '../contract.js';

const SLUG = new RegExp(SLUG_PATTERN);

/** Whether `name` is one of the widget's options (never a name of Object.prototype). */
export function isOption(name) {
  return typeof name === 'string' && OPTIONS.includes(name);
}

/**
 * The options a script gave, checked: each name an option, each value text (a number
 * or a boolean is written as text); `null` or `undefined` removes the option. What
 * cannot be used is dropped with a console warning through `warn`, never kept: a later
 * change must not meet it. Returns the new set of script-given options.
 */
export function mergeScriptOptions(previous, given, warn) {
  const merged = new Map(previous);
  if (given === null || given === undefined) return merged;
  if (typeof given !== 'object') {
    warn(`options must be an object, not ${typeof given}; ignored`);
    return merged;
  }
  for (const name of Object.keys(given)) {
    const value = given[name];
    if (!isOption(name)) {
      warn(`unknown option \`${name}\` (expected ${OPTIONS.join(', ')}); ignored`);
    } else if (value === null || value === undefined) {
      merged.delete(name);
    } else if (typeof value === 'string') {
      merged.set(name, value);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      merged.set(name, String(value));
    } else {
      warn(`${name}: expected text, not ${typeof value}; ignored`);
    }
  }
  return merged;
}

/**
 * The options a widget runs with, as a plain object for the Wasm: the attributes
 * (`attribute(name)` gives `data-<name>` or null), then what a script gave, then the
 * defaults: the data beside the widget's own code, and links back to its own site.
 */
export function resolveOptions(attribute, scriptOptions, base) {
  // A plain object, as the Wasm reads it (an `Object`); its keys are only the options'
  // names, which name nothing of Object.prototype.
  const options = {};
  for (const name of OPTIONS) {
    const value = attribute(name);
    if (typeof value === 'string') options[name] = value;
  }
  for (const [name, value] of scriptOptions) options[name] = value;
  if (!options[OPTION_SRC]) options[OPTION_SRC] = new URL(DEFAULT_DATA_PATH, base).href;
  if (!options[OPTION_CANONICAL_BASE]) options[OPTION_CANONICAL_BASE] = base;
  return options;
}

/**
 * Which build of the widget's code a widget with `options` runs: the article-only
 * Wasm (`articleCode`) when it shows one article and the build has that Wasm, else the
 * full app (`fullCode`), which alone shows the catalog and its search.
 */
export function codeFor(options, articleCode, fullCode) {
  return articleCode && slugOf(options) ? articleCode : fullCode;
}

/** The article's slug, when the option names one. */
export function slugOf(options) {
  const slug = (options[OPTION_ARTICLE] || '').trim();
  return SLUG.test(slug) ? slug : null;
}

/**
 * The URL of `<slug><suffix>` beside the article data, as the widget names its files
 * (src/config.rs), resolved against the page; null for an invalid slug or address.
 */
export function articleFile(options, suffix, pageBase) {
  const slug = slugOf(options);
  if (!slug) return null;
  let src = (options[OPTION_SRC] || '').trim();
  if (!src.endsWith('/')) src += '/';
  try {
    return new URL(src + slug + suffix, pageBase);
  } catch {
    return null;
  }
}

/**
 * The canonical base the widget will link to, as the folder its links start from;
 * null when it is not an http(s) URL (the widget then says so, and links nowhere).
 */
export function canonicalBase(options) {
  try {
    const url = new URL((options[OPTION_CANONICAL_BASE] || '').trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return new URL('.', url).href;
  } catch {
    return null;
  }
}
