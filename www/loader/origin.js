// Where things may come from. Code (the glue, the Wasm, the stylesheet, the search
// adapter) and the prerendered HTML come only from the loader's own origin, the origin
// of the embed.js that runs; data may come from `data-src`, and is checked as
// untrusted by the widget. An answer that a redirect brought from another origin than
// the one asked is never used. Pure: tests/loader/ runs it under node.

/** The origin of `url` (resolved against `base`), or null when it is no URL. */
export function originOf(url, base) {
  try {
    return new URL(url, base).origin;
  } catch {
    return null;
  }
}

/** Whether `url` is on `origin` (an origin such as `https://widgets.example`). */
export function isOn(url, origin, base) {
  const found = originOf(url, base);
  return found !== null && found !== 'null' && found === origin;
}

/**
 * Whether an answer is where it was asked for: its final URL (`response.url`,
 * `XMLHttpRequest.responseURL`; empty when the browser made it up) on the origin of the
 * URL asked.
 */
export function answeredWhereAsked(asked, answered, base) {
  if (!answered) return true;
  return originOf(asked, base) === originOf(answered, base);
}

/**
 * The folder embed.js was loaded from, which every piece of code comes from; null
 * when the script's URL is not http(s).
 */
export function loaderBase(scriptUrl) {
  try {
    const url = new URL(scriptUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return new URL('.', url).href;
  } catch {
    return null;
  }
}
