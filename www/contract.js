// Generated from the Rust by src/site/contract.rs: do not edit.
// `UPDATE_CONTRACT=1 cargo test --test tidy` writes it anew.

/** A setting's name (`data-` before it on a host). */
export const OPTION_ARTICLE = "article";

/** A setting's name (`data-` before it on a host). */
export const OPTION_AUDIENCE = "audience";

/** A setting's name (`data-` before it on a host). */
export const OPTION_THEME = "theme";

/** A setting's name (`data-` before it on a host). */
export const OPTION_LANG = "lang";

/** A setting's name (`data-` before it on a host). */
export const OPTION_SRC = "src";

/** A setting's name (`data-` before it on a host). */
export const OPTION_FOLLOWUP_URL = "followup-url";

/** A setting's name (`data-` before it on a host). */
export const OPTION_CANONICAL_BASE = "canonical-base";

/** A field of the stored preferences. */
export const PREFERENCE_AUDIENCE = "audience";

/** A field of the stored preferences. */
export const PREFERENCE_LANGUAGE = "language";

/** A field of the stored preferences. */
export const PREFERENCE_TEXT_SIZE = "text_size";

/** A field of the stored preferences. */
export const PREFERENCE_THEME = "theme";

/** The settings a host page gives, by their `data-` names (config::SETTINGS). */
export const OPTIONS = /* @__PURE__ */ Object.freeze(["article","audience","theme","lang","src","followup-url","canonical-base"]);

/** Audience's names. */
export const AUDIENCES = /* @__PURE__ */ Object.freeze(["patient","caregiver","professional"]);

/** Theme's names; the frame's class is `theme-<name>`. */
export const THEMES = /* @__PURE__ */ Object.freeze(["auto","light","dark"]);

/** TextSize's names; the frame's class is `text-<name>`. */
export const TEXT_SIZES = /* @__PURE__ */ Object.freeze(["normal","large","larger"]);

/** The languages the widget speaks. */
export const LANGUAGES = /* @__PURE__ */ Object.freeze(["en","es"]);

/** The localStorage key of the reader's preferences (preferences::STORAGE_KEY). */
export const STORAGE_KEY = /* @__PURE__ */ Object.freeze("article-widget/v1");

/** The revision of the stored preferences this build writes (preferences::SCHEMA_VERSION). */
export const PREFERENCES_REVISION = /* @__PURE__ */ Object.freeze(2);

/** The form name of the audience's radios (audience_picker::AUDIENCE_CONTROL). */
export const AUDIENCE_CONTROL = /* @__PURE__ */ Object.freeze("audience");

/** The canonical base written into partners' fragments, replaced by the loader. */
export const PARTNER_BASE = /* @__PURE__ */ Object.freeze("https://article-widget.invalid/");

/** Where the article data lives, relative to the widget's own origin. */
export const DEFAULT_DATA_PATH = /* @__PURE__ */ Object.freeze("articles/");

/** The fragment of each audience in `<data><slug>/`, and `default`'s. */
export const FRAGMENTS = /* @__PURE__ */ Object.freeze({"caregiver":"caregiver.html","default":"default.html","patient":"patient.html","professional":"professional.html"});

/** What an article's slug is (Slug::PATTERN), anchored. */
export const SLUG_PATTERN = /* @__PURE__ */ Object.freeze("^[a-z0-9-]+$");

/** The placeholder's words in each language: loading, and when loading failed. */
export const PLACEHOLDER_TEXT = /* @__PURE__ */ Object.freeze({"en":{"failed":"We could not reach the article server. Check your connection and try again.","loading":"Loading article…","try_again":"Try again"},"es":{"failed":"No pudimos comunicarnos con el servidor de artículos. Revise su conexión e inténtelo de nuevo.","loading":"Cargando el artículo…","try_again":"Intentar de nuevo"}});

/** The publisher's app shell's words in each language: `{name}` is a value to fill in. */
export const APP_SHELL_TEXT = /* @__PURE__ */ Object.freeze({"en":{"about_size":" (about {size})","all_saved":"All {articles} are saved on this device: they open without a connection.","app_name":"Medical articles","article_one":"{count} article","article_other":"{count} articles","cancel":"Cancel","confirm_size":"Saving {articles} downloads {size} to this device. Use a connection without data charges and make sure there is room.","confirm_unknown":"Saving {articles} downloads an amount this catalog does not say. Download them to this device?","download":"Download","download_size":"Download {size}","failed":"The articles could not be saved. Check your connection and try again.","listed":"The articles listed","nothing_downloaded":"Nothing was downloaded.","offline_tools":"Offline reading","results_for":"Results for “{query}”","save_all":"Save all {articles}{size} for offline use","save_all_articles":"Save all articles for offline use","save_these":"Save these {articles}{size} for offline use","saved_label":"Articles saved","saving":"Saving articles for offline use: {done} of {total}","size":" ({size})","some_failed":"{failed} of {articles} could not be saved. Check your connection and try again.","stop":"Stop saving","stopped":"Stopped: {saved} of {articles} saved on this device.","these_saved":"These {articles} are saved on this device: they open without a connection.","update_ready":"A new version of these articles is ready.","update_reload":"Update available, reload"},"es":{"about_size":" (unos {size})","all_saved":"Los {articles} están guardados en este dispositivo: se abren sin conexión.","app_name":"Artículos médicos","article_one":"{count} artículo","article_other":"{count} artículos","cancel":"Cancelar","confirm_size":"Guardar {articles} descarga {size} en este dispositivo. Use una conexión sin cargos por datos y compruebe que haya espacio.","confirm_unknown":"Guardar {articles} descarga una cantidad que este catálogo no indica. ¿Descargarlos en este dispositivo?","download":"Descargar","download_size":"Descargar {size}","failed":"No se pudieron guardar los artículos. Compruebe su conexión e inténtelo de nuevo.","listed":"Los artículos de la lista","nothing_downloaded":"No se descargó nada.","offline_tools":"Lectura sin conexión","results_for":"Resultados de «{query}»","save_all":"Guardar los {articles}{size} para leerlos sin conexión","save_all_articles":"Guardar todos los artículos para leerlos sin conexión","save_these":"Guardar estos {articles}{size} para leerlos sin conexión","saved_label":"Artículos guardados","saving":"Guardando los artículos para leerlos sin conexión: {done} de {total}","size":" ({size})","some_failed":"No se pudieron guardar {failed} de {articles}. Compruebe su conexión e inténtelo de nuevo.","stop":"Dejar de guardar","stopped":"Detenido: {saved} de {articles} guardados en este dispositivo.","these_saved":"Estos {articles} están guardados en este dispositivo: se abren sin conexión.","update_ready":"Hay una versión nueva de estos artículos.","update_reload":"Actualización disponible: recargar"}});

/** The cache of the widget's own copies of articles (browser::offline). */
export const WIDGET_CACHE = /* @__PURE__ */ Object.freeze("article-widget/v1/articles");

/** The publisher's app's cache of articles. */
export const APP_ARTICLE_CACHE = /* @__PURE__ */ Object.freeze("article-widget/v1/app-articles");

/** The publisher's app's cache of pages. */
export const APP_PAGE_CACHE = /* @__PURE__ */ Object.freeze("article-widget/v1/app-pages");

/** The elements a prerendered page may hold, each with its attributes (prerender::FRAGMENT_MARKUP). */
export const FRAGMENT_MARKUP = /* @__PURE__ */ Object.freeze({"a":["aria-current","aria-label","class","href","hreflang","id","lang","rel","role","target","title"],"article":["aria-labelledby","class","lang","part"],"aside":["aria-labelledby","class","part"],"blockquote":[],"br":[],"button":["aria-controls","aria-expanded","class","type"],"cite":[],"code":["class"],"del":[],"details":["class","part"],"div":["aria-busy","class","data-prerendered","hidden","id","inert","lang","part"],"em":[],"fieldset":["aria-describedby","role"],"footer":["class"],"h1":["id","part","tabindex"],"h2":["class","id"],"h3":["id"],"h4":["id"],"h5":["id"],"h6":["id"],"header":["class","part"],"hr":[],"img":["alt","src","title"],"input":["checked","disabled","id","name","type","value"],"label":["class","for"],"legend":[],"li":["aria-current","class","id","value"],"ol":["class","start"],"p":["aria-live","class","id","part","role"],"pre":[],"section":["class","part"],"span":["aria-hidden","class"],"strong":["class"],"summary":[],"sup":["class"],"table":[],"tbody":[],"td":["class"],"th":["class"],"thead":[],"time":["datetime"],"tr":[],"ul":["class"]});

/** The attributes of those that hold a URL. */
export const URL_ATTRIBUTES = /* @__PURE__ */ Object.freeze(["href","src"]);

/** The schemes a URL may have; none is relative (safe_url::ALLOWED_SCHEMES). */
export const URL_SCHEMES = /* @__PURE__ */ Object.freeze(["http","https","mailto","tel"]);

/** The header that dates a kept copy of an article. */
export const SAVED_ON_HEADER = /* @__PURE__ */ Object.freeze("x-article-widget-saved-on");

/** The `type` of the message by which an embed page tells its parent its height. */
export const FRAME_HEIGHT_MESSAGE = /* @__PURE__ */ Object.freeze("article-widget:height");

/** The method of the loader's symbol-keyed global that the article-only Wasm calls to hand a widget to the full app. */
export const OPEN_CATALOG = /* @__PURE__ */ Object.freeze("openCatalog");

/** The `Symbol.for` key of the publisher's page's promise, settled once an audience chosen before the widget mounted is shown: the widget mounts after it. */
export const EARLY_CHOICE_SHOWN = /* @__PURE__ */ Object.freeze("article-widget.early-choice-shown");
