// Where the widget's code comes from. The live embed.js imports the Wasm's glue from
// its own origin when a widget first needs it, so that a page without widgets never
// pays for it. A pinned embed.js (xtask/pin-loader.mjs) is built with this module
// replaced by the glue itself, so that the one `integrity` hash on its script tag
// covers the glue too: a dynamic import() cannot carry an integrity of its own.

/** The glue's module, from `url`. */
export const loadGlue = (url) => import(url);

/* global __ARTICLE_WIDGET_PIN__ */
/**
 * What a pinned build fixes, or null in the live build: the sha384 `integrity` of its
 * Wasm and stylesheet (fetched from the version's own folder, `/v/<version>/`), and the
 * way from that folder back to the site's root, where the content stays live.
 */
export const PIN = __ARTICLE_WIDGET_PIN__;
