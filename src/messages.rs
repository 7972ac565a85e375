//! Every word the widget itself says to a reader, one typed table per language.
//!
//! Longer than 300 lines: every language's table in one file, side by side, so that a
//! string one language lacks or words differently shows in one place.
//!
//! The articles, the publisher's name, disclaimers and calls to action come from the
//! data; everything else a reader sees (labels, notes, errors, the offline banner, the
//! review stepper, the audiences' names) is a field of [`Messages`]. Strings with
//! values in them are functions, so that each language orders its sentence its own way.
//! Long dates are written here too ([`long_date`]), the same in the build's pages and in
//! the widget: the browser's `Intl.DateTimeFormat` would spare the Wasm a few hundred
//! bytes of month names, but the first one a page makes loads its locale's data, which a
//! profile at 4x CPU slowdown found to be 65–80 ms of the take-over's one long task.
//!
//! Adding a language: a `Language` variant (`model::Language`), a `Messages` table, and its arm in
//! [`Language::messages`] (and in [`long_date`]).

pub use crate::model::Language;
use crate::model::{Audience, ReviewStatus};
use crate::preferences::{TextSize, Theme};

impl Language {
    /// The language's name for itself, the same in every interface: a reader looks for
    /// their own language under its own name.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Español",
        }
    }

    /// This language's table.
    pub fn messages(self) -> &'static Messages {
        match self {
            Language::English => &EN,
            Language::Spanish => &ES,
        }
    }
}

/// The interface's language, first match wins: the widget's `lang` setting, the host
/// element's or the page's `lang`, the publisher's language; English when the widget
/// speaks none of them.
pub fn choose_language(
    data_lang: Option<&str>,
    page_lang: Option<&str>,
    publisher_default: &str,
) -> Language {
    [data_lang, page_lang, Some(publisher_default)]
        .into_iter()
        .flatten()
        .find_map(Language::from_tag)
        .unwrap_or_default()
}

/// The words of the publisher's app shell (`www/app-shell.js`, and the page's header
/// that the build writes): templates, each `{name}` a value the script fills in, given
/// to the script by the contract (`site::contract`), which serialises it field by field.
/// One language's, as [`Messages`].
#[derive(Debug, serde::Serialize)]
pub struct AppShellWords {
    /// The site's name in the page's header.
    pub app_name: &'static str,
    /// The label of the offline tools.
    pub offline_tools: &'static str,
    /// The button before the catalog's size is known.
    pub save_all_articles: &'static str,
    /// `{articles}`: "9 articles"; `{size}`: " (183 KB)" or nothing.
    pub save_all: &'static str,
    /// `{articles}`; `{size}`: " (about 40 KB)" or nothing.
    pub save_these: &'static str,
    /// " (`{size}`)" and " (about `{size}`)" after a number of articles.
    pub size: &'static str,
    pub about_size: &'static str,
    /// What the widget listed: a page of the catalog, or the results of `{query}`.
    pub listed: &'static str,
    pub results_for: &'static str,
    pub download: &'static str,
    /// `{size}`.
    pub download_size: &'static str,
    pub cancel: &'static str,
    /// `{articles}`; `{size}`.
    pub confirm_size: &'static str,
    /// `{articles}`.
    pub confirm_unknown: &'static str,
    /// The progress bar's name.
    pub saved_label: &'static str,
    /// `{done}` of `{total}`.
    pub saving: &'static str,
    pub stop: &'static str,
    pub nothing_downloaded: &'static str,
    /// `{saved}` of `{articles}`.
    pub stopped: &'static str,
    /// `{articles}`, every article of the catalog, or those listed.
    pub all_saved: &'static str,
    pub these_saved: &'static str,
    /// `{failed}` of `{articles}`.
    pub some_failed: &'static str,
    pub failed: &'static str,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    /// `{count}` article(s): one, and any other number.
    pub article_one: &'static str,
    pub article_other: &'static str,
}

/// The words of one language. One field per thing said; see the module's comment.
#[derive(Debug)]
pub struct Messages {
    /// The publisher's app shell's, for its script and the page's header.
    pub app_shell: AppShellWords,
    // The frame and the app.
    pub back: &'static str,
    pub loading: &'static str,
    /// The banner over a saved copy: whether the reader is offline (else the server is
    /// silent), and the day it was saved, already written as a long date, if known.
    pub saved_copy: fn(offline: bool, saved_on: Option<&str>) -> String,
    pub storage_notice: &'static str,

    // The panels shown instead of a page.
    pub unavailable_heading: &'static str,
    pub try_again: &'static str,
    pub offline_heading: &'static str,
    pub offline_message: &'static str,
    pub error_not_found: &'static str,
    pub error_server: &'static str,
    pub error_network: &'static str,
    pub error_damaged: &'static str,
    /// Data from a newer build than this widget: only reloading the page helps.
    pub error_newer: &'static str,

    // The article page.
    pub all_articles: &'static str,
    pub no_text: &'static str,
    /// The note when the audience asked for (first) has no variant and another's
    /// (second) is shown.
    pub missing_variant: fn(asked: Audience, shown: Audience) -> String,
    /// What the live region says after a change of audience.
    pub showing_version: fn(shown: Audience) -> String,
    pub read_on_publisher_site: &'static str,
    /// On a printed copy only, before the plural of the audience shown: "Written for patients".
    pub printed_for: &'static str,
    /// On a printed copy only, before the address of the page it was printed from.
    pub printed_from: &'static str,
    /// On a printed copy only, before the day it was printed.
    pub printed_on: &'static str,
    pub audience_links_lead: &'static str,
    pub personalize: &'static str,
    pub personalize_lead: &'static str,
    pub audience_legend: &'static str,
    pub audience_hint: &'static str,
    pub preferences_toggle: &'static str,
    pub text_size_legend: &'static str,
    pub theme_legend: &'static str,
    pub related_articles: &'static str,
    pub references: &'static str,
    pub back_to_citation: fn(label: &str) -> String,
    /// A citation's name to a screen reader, in the article's body.
    pub citation: fn(label: &str) -> String,
    pub article_history: &'static str,
    /// Before a change of the history that corrected the article (and in the feed).
    pub correction: &'static str,
    /// The heading of the notice over an article changed since the reader last read
    /// it, the day already written as a long date.
    pub updated_since: fn(read_on: &str) -> String,
    pub dismiss: &'static str,

    // The review: badge, stepper, dates.
    /// "Reviewed by {reviewers} on ", before the date.
    pub reviewed_by: fn(reviewers: &str) -> String,
    /// After the date of the review.
    pub reviewed_end: &'static str,
    pub being_reviewed: fn(board: &str) -> String,
    pub awaiting_review: fn(board: &str) -> String,
    /// The review body's name inside a sentence, when the publisher did not write it.
    pub board_in_sentence: fn(name: &str) -> String,
    pub review_heading: &'static str,
    pub step_done: &'static str,
    pub step_current: &'static str,
    pub step_pending: &'static str,
    pub educational: &'static str,
    pub caution: &'static str,
    pub overdue_before: &'static str,
    pub overdue_after: &'static str,
    /// The same, over a copy saved on this device shown because the network failed.
    pub overdue_saved_before: &'static str,
    pub overdue_saved_after: &'static str,
    pub last_updated: &'static str,
    pub next_review_due: &'static str,
    pub editorial_policy: &'static str,
    pub report_error: &'static str,

    // The catalog.
    pub catalog_heading: &'static str,
    pub no_articles: &'static str,
    pub search_label: &'static str,
    pub filter_legend: &'static str,
    pub everyone: &'static str,
    pub language_legend: &'static str,
    pub every_language: &'static str,
    /// The link to an article's translation into this language, written in this
    /// language (the reader it is for reads it): not in [`Messages::fixed_strings`].
    pub read_in: &'static str,
    pub article_count: fn(count: usize) -> String,
    pub updated: &'static str,
    pub searching: &'static str,
    /// Words typed that are not searched yet: a word is, from its third letter.
    pub search_hint: &'static str,
    /// A page of the catalog on its way.
    pub loading_page: &'static str,
    /// Full-text search could not be reached: what the list shows instead.
    pub search_unavailable: &'static str,
    pub page_unavailable: &'static str,
    pub pages_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_of: fn(page: usize, count: usize) -> String,

    // The closed enums' names, in the order of their variants.
    pub audiences: [&'static str; 3],
    pub audience_plurals: [&'static str; 3],
    pub review_statuses: [&'static str; 3],
    pub text_sizes: [&'static str; 3],
    pub themes: [&'static str; 3],
}

impl Messages {
    /// The label a reader sees for an audience: "Caregiver".
    pub fn audience(&self, audience: Audience) -> &'static str {
        self.audiences[position(Audience::ALL, audience)]
    }

    /// The plural used in sentences: "the version for caregivers".
    pub fn plural(&self, audience: Audience) -> &'static str {
        self.audience_plurals[position(Audience::ALL, audience)]
    }

    pub fn review_status(&self, status: ReviewStatus) -> &'static str {
        self.review_statuses[position(ReviewStatus::ALL, status)]
    }

    pub fn text_size(&self, text_size: TextSize) -> &'static str {
        self.text_sizes[position(TextSize::ALL, text_size)]
    }

    pub fn theme(&self, theme: Theme) -> &'static str {
        self.themes[position(Theme::ALL, theme)]
    }

    /// Every fixed string of the table, for the tests that look for a language's words
    /// where another's should be.
    pub fn fixed_strings(&self) -> Vec<&'static str> {
        let mut strings = vec![
            self.back,
            self.loading,
            self.storage_notice,
            self.unavailable_heading,
            self.try_again,
            self.offline_heading,
            self.offline_message,
            self.error_not_found,
            self.error_server,
            self.error_network,
            self.error_damaged,
            self.error_newer,
            self.all_articles,
            self.no_text,
            self.read_on_publisher_site,
            self.printed_for,
            self.printed_from,
            self.printed_on,
            self.audience_links_lead,
            self.personalize,
            self.personalize_lead,
            self.audience_legend,
            self.audience_hint,
            self.preferences_toggle,
            self.text_size_legend,
            self.theme_legend,
            self.related_articles,
            self.references,
            self.article_history,
            self.correction,
            self.dismiss,
            self.reviewed_end,
            self.review_heading,
            self.step_done,
            self.step_current,
            self.step_pending,
            self.educational,
            self.caution,
            self.overdue_before,
            self.overdue_after,
            self.overdue_saved_before,
            self.overdue_saved_after,
            self.last_updated,
            self.next_review_due,
            self.editorial_policy,
            self.report_error,
            self.catalog_heading,
            self.no_articles,
            self.search_label,
            self.filter_legend,
            self.everyone,
            self.language_legend,
            self.every_language,
            self.updated,
            self.searching,
            self.search_hint,
            self.loading_page,
            self.search_unavailable,
            self.page_unavailable,
            self.pages_label,
            self.previous_page,
            self.next_page,
        ];
        for names in [
            &self.audiences,
            &self.audience_plurals,
            &self.review_statuses,
            &self.text_sizes,
            &self.themes,
        ] {
            strings.extend_from_slice(names);
        }
        strings
    }
}

/// Where `item` is in `all`: every closed enum's `ALL` holds each variant once.
fn position<T: PartialEq>(all: &[T], item: T) -> usize {
    all.iter().position(|each| *each == item).unwrap_or(0)
}

/// "November 30, 2026" or "30 de noviembre de 2026", as the language writes a date in
/// running text.
pub fn long_date(date: crate::model::Date, language: Language) -> String {
    const EN_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ES_MONTHS: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    let index = usize::from(date.month().saturating_sub(1)).min(11);
    match language {
        Language::English => format!("{} {}, {}", EN_MONTHS[index], date.day(), date.year()),
        Language::Spanish => format!("{} de {} de {}", date.day(), ES_MONTHS[index], date.year()),
    }
}

pub static EN: Messages = Messages {
    app_shell: AppShellWords {
        app_name: "Medical articles",
        offline_tools: "Offline reading",
        save_all_articles: "Save all articles for offline use",
        save_all: "Save all {articles}{size} for offline use",
        save_these: "Save these {articles}{size} for offline use",
        size: " ({size})",
        about_size: " (about {size})",
        listed: "The articles listed",
        results_for: "Results for “{query}”",
        download: "Download",
        download_size: "Download {size}",
        cancel: "Cancel",
        confirm_size: "Saving {articles} downloads {size} to this device. Use a connection without data charges and make sure there is room.",
        confirm_unknown: "Saving {articles} downloads an amount this catalog does not say. Download them to this device?",
        saved_label: "Articles saved",
        saving: "Saving articles for offline use: {done} of {total}",
        stop: "Stop saving",
        nothing_downloaded: "Nothing was downloaded.",
        stopped: "Stopped: {saved} of {articles} saved on this device.",
        all_saved: "All {articles} are saved on this device: they open without a connection.",
        these_saved: "These {articles} are saved on this device: they open without a connection.",
        some_failed: "{failed} of {articles} could not be saved. Check your connection and try again.",
        failed: "The articles could not be saved. Check your connection and try again.",
        update_ready: "A new version of these articles is ready.",
        update_reload: "Update available, reload",
        article_one: "{count} article",
        article_other: "{count} articles",
    },
    back: "Back",
    loading: "Loading article…",
    saved_copy: |offline, saved_on| {
        let why = match offline {
            true => "You're offline.",
            false => "The article server is not answering.",
        };
        match saved_on {
            Some(date) => format!("{why} Showing the copy saved on {date}."),
            None => format!("{why} Showing the copy saved earlier."),
        }
    },
    storage_notice: "This browser does not let us save your choices, so they will last only until you leave this page.",
    unavailable_heading: "This article is unavailable",
    try_again: "Try again",
    offline_heading: "You're offline",
    offline_message: "This article has not been saved on this device yet. It will open by itself when you are back online.",
    error_not_found: "We could not find this article. It may have been withdrawn, or the link may be wrong.",
    error_server: "The article server had a problem. Please try again in a moment.",
    error_network: "We could not reach the article server. Check your connection and try again.",
    error_damaged: "The article arrived damaged. Please try again.",
    error_newer: "This article was published for a newer version of this page. Please reload the page.",
    all_articles: "All articles",
    no_text: "This article has no text yet.",
    missing_variant: |asked, shown| {
        format!(
            "There is no {} version of this article yet; showing the version for {}.",
            EN.audience(asked).to_ascii_lowercase(),
            EN.plural(shown),
        )
    },
    showing_version: |shown| format!("Showing the version for {}.", EN.plural(shown)),
    read_on_publisher_site: "Read this article on the publisher's site",
    printed_for: "Written for ",
    printed_from: "Printed from ",
    printed_on: "Printed on ",
    audience_links_lead: "Which best describes you? Read the version for:",
    personalize: "Personalize",
    personalize_lead: "Help us tailor your experience",
    audience_legend: "Which best describes you?",
    audience_hint: "Your choice helps us use language that's most understandable for you.",
    preferences_toggle: "Text size and theme",
    text_size_legend: "Text size",
    theme_legend: "Theme",
    related_articles: "Related articles",
    references: "References",
    back_to_citation: |label| format!("Back to citation {label}"),
    citation: |label| format!("Reference {label}"),
    article_history: "Article history",
    correction: "Correction",
    updated_since: |read_on| format!("Updated since you last read it on {read_on}"),
    dismiss: "Dismiss",
    reviewed_by: |reviewers| format!("Reviewed by {reviewers} on "),
    reviewed_end: ".",
    being_reviewed: |board| format!("Being reviewed by {board}; not yet approved."),
    awaiting_review: |board| format!("Awaiting review by {board}."),
    board_in_sentence: |name| format!("the {name}"),
    review_heading: "Article Review Status",
    step_done: "completed",
    step_current: "current step",
    step_pending: "not yet",
    educational: "Educational purpose only",
    caution: "Educational purpose only • Exercise caution as content is pending human review",
    overdue_before: "This article was due for review on ",
    overdue_after: ". It may not reflect the latest guidance.",
    overdue_saved_before: "The copy saved on this device was due for review on ",
    overdue_saved_after: ". It may be out of date: connect to get the latest version.",
    last_updated: "Last updated: ",
    next_review_due: "Next review due: ",
    editorial_policy: "View editorial policy",
    report_error: "Report an error",
    catalog_heading: "Articles",
    no_articles: "No articles are published yet.",
    search_label: "Search articles",
    filter_legend: "Show articles for",
    everyone: "Everyone",
    language_legend: "Language",
    every_language: "All languages",
    read_in: "Read in English",
    article_count: |count| match count {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    },
    updated: "Updated ",
    searching: "Searching…",
    search_hint: "Each word is searched from its third letter.",
    loading_page: "Loading articles…",
    search_unavailable: "Searching the articles' text is not available right now (are you offline?). \
        Showing the articles listed here whose question matches.",
    page_unavailable: "This page of the catalog could not be loaded. Check your connection and try again.",
    pages_label: "Pages of articles",
    previous_page: "Previous page",
    next_page: "Next page",
    page_of: |page, count| format!("Page {page} of {count}"),
    audiences: ["Patient", "Caregiver", "Healthcare professional"],
    audience_plurals: ["patients", "caregivers", "healthcare professionals"],
    review_statuses: ["Submitted", "Under Review", "Approved"],
    text_sizes: ["Normal", "Large", "Larger"],
    themes: ["Automatic", "Light", "Dark"],
};

pub static ES: Messages = Messages {
    app_shell: AppShellWords {
        app_name: "Artículos médicos",
        offline_tools: "Lectura sin conexión",
        save_all_articles: "Guardar todos los artículos para leerlos sin conexión",
        save_all: "Guardar los {articles}{size} para leerlos sin conexión",
        save_these: "Guardar estos {articles}{size} para leerlos sin conexión",
        size: " ({size})",
        about_size: " (unos {size})",
        listed: "Los artículos de la lista",
        results_for: "Resultados de «{query}»",
        download: "Descargar",
        download_size: "Descargar {size}",
        cancel: "Cancelar",
        confirm_size: "Guardar {articles} descarga {size} en este dispositivo. Use una conexión sin cargos por datos y compruebe que haya espacio.",
        confirm_unknown: "Guardar {articles} descarga una cantidad que este catálogo no indica. ¿Descargarlos en este dispositivo?",
        saved_label: "Artículos guardados",
        saving: "Guardando los artículos para leerlos sin conexión: {done} de {total}",
        stop: "Dejar de guardar",
        nothing_downloaded: "No se descargó nada.",
        stopped: "Detenido: {saved} de {articles} guardados en este dispositivo.",
        all_saved: "Los {articles} están guardados en este dispositivo: se abren sin conexión.",
        these_saved: "Estos {articles} están guardados en este dispositivo: se abren sin conexión.",
        some_failed: "No se pudieron guardar {failed} de {articles}. Compruebe su conexión e inténtelo de nuevo.",
        failed: "No se pudieron guardar los artículos. Compruebe su conexión e inténtelo de nuevo.",
        update_ready: "Hay una versión nueva de estos artículos.",
        update_reload: "Actualización disponible: recargar",
        article_one: "{count} artículo",
        article_other: "{count} artículos",
    },
    back: "Volver",
    loading: "Cargando el artículo…",
    saved_copy: |offline, saved_on| {
        let why = match offline {
            true => "No tiene conexión.",
            false => "El servidor de artículos no responde.",
        };
        match saved_on {
            Some(date) => format!("{why} Se muestra la copia guardada el {date}."),
            None => format!("{why} Se muestra una copia guardada anteriormente."),
        }
    },
    storage_notice: "Este navegador no permite guardar sus preferencias; se mantendrán solo hasta que salga de esta página.",
    unavailable_heading: "Este artículo no está disponible",
    try_again: "Intentar de nuevo",
    offline_heading: "No tiene conexión",
    offline_message: "Este artículo todavía no se ha guardado en este dispositivo. Se abrirá automáticamente cuando vuelva a tener conexión.",
    error_not_found: "No encontramos este artículo. Es posible que se haya retirado o que el enlace sea incorrecto.",
    error_server: "El servidor de artículos tuvo un problema. Vuelva a intentarlo en un momento.",
    error_network: "No pudimos comunicarnos con el servidor de artículos. Revise su conexión e inténtelo de nuevo.",
    error_damaged: "El artículo llegó dañado. Vuelva a intentarlo.",
    error_newer: "Este artículo se publicó para una versión más nueva de esta página. Vuelva a cargar la página.",
    all_articles: "Todos los artículos",
    no_text: "Este artículo todavía no tiene texto.",
    missing_variant: |asked, shown| {
        format!(
            "Todavía no hay una versión de este artículo para {}; se muestra la versión para {}.",
            ES.plural(asked),
            ES.plural(shown),
        )
    },
    showing_version: |shown| format!("Se muestra la versión para {}.", ES.plural(shown)),
    read_on_publisher_site: "Leer este artículo en el sitio de origen",
    printed_for: "Escrito para ",
    printed_from: "Impreso desde ",
    printed_on: "Impreso el ",
    audience_links_lead: "¿Cuál de estas opciones se aplica a usted? Lea la versión para:",
    personalize: "Personalizar",
    personalize_lead: "Ayúdenos a adaptar el contenido a sus necesidades",
    audience_legend: "¿Cuál de estas opciones se aplica a usted?",
    audience_hint: "Su respuesta nos ayuda a usar el lenguaje que le resulte más fácil de entender.",
    preferences_toggle: "Tamaño del texto y tema",
    text_size_legend: "Tamaño del texto",
    theme_legend: "Tema",
    related_articles: "Artículos relacionados",
    references: "Referencias",
    back_to_citation: |label| format!("Volver a la cita {label}"),
    citation: |label| format!("Referencia {label}"),
    article_history: "Historial del artículo",
    correction: "Corrección",
    updated_since: |read_on| format!("Actualizado desde que lo leyó el {read_on}"),
    dismiss: "Descartar",
    reviewed_by: |reviewers| format!("Revisado por {reviewers} el "),
    reviewed_end: ".",
    being_reviewed: |board| format!("En revisión por {board}; aún no aprobado."),
    awaiting_review: |board| format!("Pendiente de revisión por {board}."),
    // The article's gender is the name's: `articles check` asks for `in_sentence`.
    board_in_sentence: |name| name.to_owned(),
    review_heading: "Estado de revisión del artículo",
    step_done: "completado",
    step_current: "paso actual",
    step_pending: "pendiente",
    educational: "Solo con fines educativos",
    caution: "Solo con fines educativos • Use esta información con precaución: el contenido está pendiente de revisión humana",
    overdue_before: "La revisión de este artículo estaba prevista para el ",
    overdue_after: ". Es posible que no refleje las recomendaciones más recientes.",
    overdue_saved_before: "La copia guardada en este dispositivo debía revisarse el ",
    overdue_saved_after: ". Puede estar desactualizada: conéctese para obtener la versión más reciente.",
    last_updated: "Última actualización: ",
    next_review_due: "Próxima revisión: ",
    editorial_policy: "Ver la política editorial",
    report_error: "Informar un error",
    catalog_heading: "Artículos",
    no_articles: "Todavía no hay artículos publicados.",
    search_label: "Buscar artículos",
    filter_legend: "Mostrar artículos para",
    everyone: "Todos",
    language_legend: "Idioma",
    every_language: "Todos los idiomas",
    read_in: "Leer en español",
    article_count: |count| match count {
        1 => "1 artículo".to_owned(),
        n => format!("{n} artículos"),
    },
    updated: "Actualizado el ",
    searching: "Buscando…",
    search_hint: "Cada palabra se busca a partir de su tercera letra.",
    loading_page: "Cargando artículos…",
    search_unavailable: "La búsqueda en el texto de los artículos no está disponible ahora (¿está sin conexión?). \
        Se muestran los artículos de esta lista cuya pregunta coincide.",
    page_unavailable: "No se pudo cargar esta página del catálogo. Compruebe su conexión e inténtelo de nuevo.",
    pages_label: "Páginas de artículos",
    previous_page: "Página anterior",
    next_page: "Página siguiente",
    page_of: |page, count| format!("Página {page} de {count}"),
    audiences: ["Paciente", "Cuidador", "Profesional de la salud"],
    audience_plurals: ["pacientes", "cuidadores", "profesionales de la salud"],
    review_statuses: ["Enviado", "En revisión", "Aprobado"],
    text_sizes: ["Normal", "Grande", "Más grande"],
    themes: ["Automático", "Claro", "Oscuro"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_the_first_candidate_the_widget_speaks() {
        let cases: &[(Option<&str>, Option<&str>, &str, Language)] = &[
            (Some("es"), Some("en"), "en", Language::Spanish),
            (Some("es-MX"), None, "", Language::Spanish),
            (Some("en-GB"), Some("es"), "es", Language::English),
            (Some("EN"), Some("es"), "es", Language::English),
            (Some("fr"), Some("es-419"), "en", Language::Spanish),
            (None, Some("es_AR"), "en", Language::Spanish),
            (None, None, "es", Language::Spanish),
            (None, Some(""), "es-CO", Language::Spanish),
            (Some("de"), Some("fr-CA"), "pt", Language::English),
            (None, None, "", Language::English),
        ];
        for &(data_lang, page_lang, publisher, expected) in cases {
            assert_eq!(
                choose_language(data_lang, page_lang, publisher),
                expected,
                "{data_lang:?}, {page_lang:?}, {publisher:?}"
            );
        }
    }

    #[test]
    fn long_dates_are_written_in_each_language() {
        let date = crate::model::Date::new(2026, 11, 30).unwrap();
        assert_eq!(long_date(date, Language::English), "November 30, 2026");
        assert_eq!(
            long_date(date, Language::Spanish),
            "30 de noviembre de 2026"
        );
        let leap = crate::model::Date::new(2024, 2, 29).unwrap();
        assert_eq!(long_date(leap, Language::English), "February 29, 2024");
    }

    #[test]
    fn sentences_with_values_read_naturally_in_each_language() {
        assert_eq!(
            (EN.missing_variant)(Audience::Professional, Audience::Patient),
            "There is no healthcare professional version of this article yet; showing the version for patients."
        );
        assert_eq!(
            (ES.missing_variant)(Audience::Caregiver, Audience::Patient),
            "Todavía no hay una versión de este artículo para cuidadores; se muestra la versión para pacientes."
        );
        assert_eq!((ES.article_count)(1), "1 artículo");
        assert_eq!((ES.article_count)(3), "3 artículos");
        assert_eq!(
            (ES.saved_copy)(true, Some("17 de agosto de 2025")),
            "No tiene conexión. Se muestra la copia guardada el 17 de agosto de 2025."
        );
        assert_eq!(
            (ES.updated_since)("17 de agosto de 2025"),
            "Actualizado desde que lo leyó el 17 de agosto de 2025"
        );
    }

    #[test]
    fn every_language_has_every_string() {
        for language in Language::ALL {
            let strings = language.messages().fixed_strings();
            assert!(strings.iter().all(|text| !text.is_empty()), "{language}");
        }
    }
}

/// The words of the "Embed this article" panel on the publisher's article pages
/// (`site::embed_panel`). A table of their own, outside [`Messages`]: only the build
/// writes them, so the Wasm carries none of them.
#[derive(Debug)]
pub struct EmbedPanelWords {
    pub summary: &'static str,
    pub intro: &'static str,
    /// Each code's title, and when to use it.
    pub script: &'static str,
    pub script_when: &'static str,
    pub iframe: &'static str,
    pub iframe_when: &'static str,
    pub url: &'static str,
    pub url_when: &'static str,
    pub pinned: &'static str,
    pub pinned_when: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
}

impl Language {
    /// This language's words of the embed panel.
    pub fn embed_panel(self) -> &'static EmbedPanelWords {
        match self {
            Language::English => &EMBED_PANEL_EN,
            Language::Spanish => &EMBED_PANEL_ES,
        }
    }
}

pub static EMBED_PANEL_EN: EmbedPanelWords = EmbedPanelWords {
    summary: "Embed this article",
    intro: "Show this article on your own site. Its text stays up to date: corrections and reviews reach your page too.",
    script: "Script tag",
    script_when: "Use this when your site lets you add a script: the article fits into your page, readers can switch audience, and it keeps working offline.",
    iframe: "Iframe",
    iframe_when: "Use this when your editor removes scripts but keeps an iframe. The script line after it, where allowed, fits the frame to the article.",
    url: "Page address",
    url_when: "Use this when your platform turns a link into an embed by itself (oEmbed): paste the address on a line of its own.",
    pinned: "Script tag, pinned by integrity",
    pinned_when: "Use this when your security policy asks for Subresource Integrity: the code is fixed by its hash, while the article's text stays up to date.",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Could not copy: select the code and copy it.",
};

pub static EMBED_PANEL_ES: EmbedPanelWords = EmbedPanelWords {
    summary: "Insertar este artículo",
    intro: "Muestre este artículo en su propio sitio. Su texto se mantiene al día: las correcciones y revisiones llegan también a su página.",
    script: "Etiqueta script",
    script_when: "Úsela si su sitio le permite añadir un script: el artículo se integra en su página, los lectores pueden cambiar de público y sigue funcionando sin conexión.",
    iframe: "Iframe",
    iframe_when: "Úselo si su editor elimina los scripts pero conserva un iframe. La línea de script que le sigue, donde se permita, ajusta el marco al artículo.",
    url: "Dirección de la página",
    url_when: "Úsela si su plataforma convierte por sí misma un enlace en contenido insertado (oEmbed): pegue la dirección en una línea aparte.",
    pinned: "Etiqueta script fijada por integridad",
    pinned_when: "Úsela si su política de seguridad exige Subresource Integrity: el código queda fijado por su hash, y el texto del artículo se mantiene al día.",
    copy: "Copiar",
    copied: "Copiado",
    copy_failed: "No se pudo copiar: seleccione el código y cópielo.",
};
