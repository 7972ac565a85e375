//! What the checks report: one [`Diagnostic`] per problem, collected for one file by
//! [`Diagnostics`], at lines that [`LineIndex`] finds from byte offsets.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is: an error stops the build, a warning does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, at one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    /// An error at `line` of `path`. Not public: outside this module, diagnostics are
    /// what the checks found, never made.
    pub(super) fn error(path: &Path, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(path, line, Severity::Error, message)
    }

    fn new(path: &Path, line: usize, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            severity,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line: message`, with `warning: ` before the message of a warning.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match self.severity {
            Severity::Error => write!(f, "{path}:{}: {}", self.line, self.message),
            Severity::Warning => write!(f, "{path}:{}: warning: {}", self.line, self.message),
        }
    }
}

/// Whether any of `diagnostics` is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics
        .iter()
        .any(|diagnostic| diagnostic.severity == Severity::Error)
}

/// The problems found in one file, in the order the checks found them.
pub struct Diagnostics {
    path: PathBuf,
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new(path: &Path) -> Diagnostics {
        Diagnostics {
            path: path.to_path_buf(),
            items: Vec::new(),
        }
    }

    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        let diagnostic = Diagnostic::new(&self.path, line, Severity::Error, message);
        self.items.push(diagnostic);
    }

    pub fn warning(&mut self, line: usize, message: impl Into<String>) {
        let diagnostic = Diagnostic::new(&self.path, line, Severity::Warning, message);
        self.items.push(diagnostic);
    }

    pub fn has_errors(&self) -> bool {
        has_errors(&self.items)
    }

    pub fn into_items(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// Where each line of a text starts, so that the file line of any byte offset is a
/// binary search away: a long article has hundreds of thousands of markdown events.
pub struct LineIndex {
    /// The file line of the text's first line.
    first_line: usize,
    starts: Vec<usize>,
}

impl LineIndex {
    /// The lines of `text`, which starts on line `first_line` of its file.
    pub fn new(text: &str, first_line: usize) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(index, _)| index + 1))
            .collect();
        LineIndex { first_line, starts }
    }

    /// The file line of byte `offset` of the text.
    pub fn line(&self, offset: usize) -> usize {
        self.first_line + self.starts.partition_point(|&start| start <= offset) - 1
    }
}
