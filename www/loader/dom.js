// The loader's only way into the page's DOM. A partner's page may hold user content
// (a comment, a forum post), and markup alone can shadow a document's properties by
// name (`<img name="currentScript">`, `<form name="querySelectorAll">`) and a form's
// by its controls' names. So the loader never reads a property of `document` or of an
// element: it calls the prototypes' own functions, captured here before anything else
// runs. `window.document`, the interface objects (`Document`, `Element`, …) and the
// built-ins (`Object`, `Map`, `URL`, `fetch`) are the window's own properties, which
// named elements cannot shadow. ARCHITECTURE.md lists what is read; tests/e2e's
// clobbering test shadows each by `name` and by `id`.

const doc = window.document;

function method(prototype, name) {
  const fn = prototype[name];
  return (target, ...args) => fn.apply(target, args);
}

function getter(prototype, name) {
  const get = Object.getOwnPropertyDescriptor(prototype, name).get;
  return (target) => get.call(target);
}

const documentCurrentScript = getter(Document.prototype, 'currentScript');
const documentElementOf = getter(Document.prototype, 'documentElement');
const baseUriOf = getter(Node.prototype, 'baseURI');
const readyStateOf = getter(Document.prototype, 'readyState');
const scriptSrc = getter(HTMLScriptElement.prototype, 'src');
const isConnectedOf = getter(Node.prototype, 'isConnected');
const parentNodeOf = getter(Node.prototype, 'parentNode');
const nextSiblingOf = getter(Node.prototype, 'nextSibling');
const nodeTypeOf = getter(Node.prototype, 'nodeType');
const shadowRootOf = getter(Element.prototype, 'shadowRoot');
const firstElementChildOf = getter(Element.prototype, 'firstElementChild');
const bodyOf = getter(Document.prototype, 'body');
const classListOf = getter(Element.prototype, 'classList');
const parentElementOf = getter(Node.prototype, 'parentElement');
const firstChildOf = getter(Node.prototype, 'firstChild');
const localNameOf = getter(Element.prototype, 'localName');
const namespaceOf = getter(Element.prototype, 'namespaceURI');
const implementationOf = getter(Document.prototype, 'implementation');
const activeElementOf = getter(ShadowRoot.prototype, 'activeElement');

export const querySelectorAll = method(Element.prototype, 'querySelectorAll');
const documentQuerySelectorAll = method(Document.prototype, 'querySelectorAll');
const fragmentQuerySelectorAll = method(DocumentFragment.prototype, 'querySelectorAll');
export const getAttribute = method(Element.prototype, 'getAttribute');
export const hasAttribute = method(Element.prototype, 'hasAttribute');
export const setAttribute = method(Element.prototype, 'setAttribute');
export const removeAttribute = method(Element.prototype, 'removeAttribute');
export const closest = method(Element.prototype, 'closest');
const attachShadowTo = method(Element.prototype, 'attachShadow');
export const createElementIn = method(Document.prototype, 'createElement');
export const getAttributeNames = method(Element.prototype, 'getAttributeNames');
export const removeChild = method(Node.prototype, 'removeChild');
const createHTMLDocument = method(DOMImplementation.prototype, 'createHTMLDocument');
/** The HTML Sanitizer API's `setHTML`, where the browser has it; else null. */
export const setHTML = typeof Element.prototype.setHTML === 'function' ? method(Element.prototype, 'setHTML') : null;
const importNodeIn = method(Document.prototype, 'importNode');
const insertBeforeIn = method(Node.prototype, 'insertBefore');
const replaceShadowChildren = method(DocumentFragment.prototype, 'replaceChildren');
const addEventListenerTo = method(EventTarget.prototype, 'addEventListener');
const dispatchEventTo = method(EventTarget.prototype, 'dispatchEvent');
const focusOn = method(HTMLElement.prototype, 'focus');

/** The script element running now, if it is one: never an element the page named so. */
export function currentScript() {
  const script = documentCurrentScript(doc);
  return script instanceof HTMLScriptElement ? script : null;
}

/** The absolute URL a script was loaded from. */
export const srcOf = (script) => scriptSrc(script);
export const documentElement = () => documentElementOf(doc);
export const baseURI = () => baseUriOf(doc);
export const readyState = () => readyStateOf(doc);
export const isConnected = (node) => isConnectedOf(node);
export const parentElement = (node) => parentElementOf(node);
export const nodeType = (node) => nodeTypeOf(node);
export const firstChild = (node) => firstChildOf(node);
export const nextSibling = (node) => nextSiblingOf(node);
export const localName = (element) => localNameOf(element);
export const namespaceURI = (element) => namespaceOf(element);
/** A new document with no browsing context: nothing in it runs or loads. */
export const inertDocument = () => createHTMLDocument(implementationOf(doc), '');
export const isElement = (node) => node instanceof Element && nodeTypeOf(node) === 1;
export const shadowRoot = (element) => shadowRootOf(element);
export const firstElementChild = (element) => firstElementChildOf(element);
export const body = (document) => bodyOf(document);
export const classList = (element) => classListOf(element);
export const attachShadow = (element, init) => attachShadowTo(element, init);
export const createElement = (name) => createElementIn(doc, name);
export const importNode = (node) => importNodeIn(doc, node, true);
export const replaceShadow = (shadow, ...nodes) => replaceShadowChildren(shadow, ...nodes);
export const replaceChildren = method(Element.prototype, 'replaceChildren');
export const on = (target, type, listener, options) => addEventListenerTo(target, type, listener, options);
export const dispatch = (target, event) => dispatchEventTo(target, event);
/** The element with focus in a shadow root, if any. */
export const activeElement = (shadow) => activeElementOf(shadow);
/** Moves focus to `element` without scrolling the page. */
export const focus = (element) => focusOn(element, { preventScroll: true });

/**
 * The elements under `root` matching `selector`: a document, an element, or a
 * fragment such as a shadow root of the page's own components; none for anything else.
 */
export function queryUnder(root, selector) {
  if (root instanceof Document) return documentQuerySelectorAll(root, selector);
  if (root instanceof Element) return querySelectorAll(root, selector);
  if (root instanceof DocumentFragment) return fragmentQuerySelectorAll(root, selector);
  return [];
}

/** Inserts `node` right after `reference`. */
export function insertAfter(reference, node) {
  insertBeforeIn(parentNodeOf(reference), node, nextSiblingOf(reference));
}

/** The `lang` the page declares for `element`: its own or its nearest ancestor's. */
export function declaredLanguage(element) {
  const declaring = closest(element, '[lang]') || documentElementOf(doc);
  return (declaring && getAttribute(declaring, 'lang')) || '';
}
