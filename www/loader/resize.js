// resize.js: the one optional line beside an embed page's iframe on a partner's page,
//
//   <script src="https://WIDGET_HOST/resize.js" async></script>
//
// that gives each frame of an embed page (`/embed/<slug>/`) the article's height, so that
// the page never scrolls inside the frame. Without it the frame keeps the snippet's fixed
// height and scrolls. esbuild bundles it into dist/resize.js (Trunk's post_build hook);
// it must stay under 1 KB.
//
// It trusts nothing but the browser: a message counts only when it comes from the
// window of one of the page's iframes whose src is on this script's origin (a sandboxed
// frame's messages say the origin "null": the window is then what identifies it), has
// the embed page's type, and carries a finite height in a sane range. It sends nothing.

import { FRAME_HEIGHT_MESSAGE } from '../contract.js';

// The tallest frame allowed, in CSS pixels: a very long article, not an endless one.
const MAX_HEIGHT = 100000;
// Found through the prototype: markup can shadow `document.currentScript` by a name.
const script = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript').get.call(document);
const origin = script && new URL(script.src).origin;
// Live: frames added after this script ran count too.
const frames = Document.prototype.getElementsByTagName.call(document, 'iframe');

addEventListener('message', (event) => {
  const { data } = event;
  if (!origin || !data || data.type !== FRAME_HEIGHT_MESSAGE) return;
  const { height } = data;
  if (typeof height !== 'number' || !(height > 0 && height <= MAX_HEIGHT)) return;
  if (event.origin !== origin && event.origin !== 'null') return;
  for (const frame of frames) {
    if (frame.contentWindow === event.source && new URL(frame.src, document.baseURI).origin === origin) {
      frame.style.height = `${Math.ceil(height)}px`;
    }
  }
});
