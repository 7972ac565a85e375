//! A pull reader of JSON text: the widget walks the build's data straight into its
//! types, with no general decoder and no tree in between.
//!
//! It never panics, whatever the text: every byte is read through `get`, nesting is
//! bounded by [`MAX_DEPTH`], and each failure is an [`Error`] with its byte offset.
//!
//! Longer than 300 lines: the whole of JSON's grammar in one cursor, each rule a short
//! method, so that no byte is read outside it.

use std::borrow::Cow;

/// How deep arrays and objects may nest: as deep as serde_json allowed, which read the
/// data before this reader, so nothing the build writes is refused.
pub const MAX_DEPTH: usize = 128;

/// Why a text could not be read: at which byte, and what was expected there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    pub expected: &'static str,
}

impl std::fmt::Display for Error {
    /// "at byte 12: expected a string".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at byte {}: expected {}", self.at, self.expected)
    }
}

/// What the next value is, from its first byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

/// A cursor over one JSON text.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            at: 0,
            depth: 0,
        }
    }

    /// An error at the reader's place.
    pub fn error(&self, expected: &'static str) -> Error {
        Error {
            at: self.at,
            expected,
        }
    }

    /// The end of the text, after its one value: trailing bytes other than white
    /// space are an error, as a truncated text is.
    pub fn end(&mut self) -> Result<(), Error> {
        self.skip_space();
        match self.byte() {
            None => Ok(()),
            Some(_) => Err(self.error("the end of the data")),
        }
    }

    /// What the next value is; an error at the end of the text or at a byte that
    /// starts no value.
    pub fn peek(&mut self) -> Result<Next, Error> {
        self.skip_space();
        match self.byte() {
            Some(b'{') => Ok(Next::Object),
            Some(b'[') => Ok(Next::Array),
            Some(b'"') => Ok(Next::String),
            Some(b'-' | b'0'..=b'9') => Ok(Next::Number),
            Some(b't' | b'f') => Ok(Next::Bool),
            Some(b'n') => Ok(Next::Null),
            _ => Err(self.error("a value")),
        }
    }

    /// Reads an object, calling `field` with each key; `field` must read that key's
    /// value (or [`Reader::skip`] it).
    pub fn object(
        &mut self,
        field: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.open(b'{', "an object")?;
        if !self.close_if(b'}') {
            loop {
                let key = self.string()?;
                self.skip_space();
                self.expect(b':', "`:`")?;
                field(self, &key)?;
                if !self.comma_or_close(b'}', "`,` or `}`")? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads an array, calling `item` once for each element, which it must read.
    pub fn array(
        &mut self,
        item: &mut dyn FnMut(&mut Reader<'a>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.open(b'[', "an array")?;
        if !self.close_if(b']') {
            loop {
                item(self)?;
                if !self.comma_or_close(b']', "`,` or `]`")? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads a string, borrowed from the text unless it holds escapes.
    pub fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.skip_space();
        self.expect(b'"', "a string")?;
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            match self.byte() {
                None => return Err(self.error("the end of a string")),
                Some(b'"') => {
                    let tail = self.slice(run, self.at);
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut owned) => {
                            owned.push_str(tail);
                            Cow::Owned(owned)
                        }
                    });
                }
                Some(b'\\') => {
                    let owned = owned.get_or_insert_with(String::new);
                    owned.push_str(self.slice(run, self.at));
                    self.at += 1;
                    let unescaped = self.escape()?;
                    owned.push(unescaped);
                    run = self.at;
                }
                Some(0..=0x1f) => return Err(self.error("no control character in a string")),
                Some(_) => self.at += 1,
            }
        }
    }

    /// Reads a whole number that is not negative, as the data's counts and numbers are.
    pub fn whole_number(&mut self) -> Result<u64, Error> {
        self.skip_space();
        let start = self.at;
        let mut value: u64 = 0;
        while let Some(digit @ b'0'..=b'9') = self.byte() {
            value = value
                .checked_mul(10)
                .and_then(|value| value.checked_add(u64::from(digit - b'0')))
                .ok_or(self.error("a smaller number"))?;
            self.at += 1;
        }
        let digits = self.at - start;
        let leading_zero = digits > 1 && self.text.as_bytes().get(start) == Some(&b'0');
        if digits == 0 || leading_zero || matches!(self.byte(), Some(b'.' | b'e' | b'E')) {
            self.at = start;
            return Err(self.error("a whole number"));
        }
        Ok(value)
    }

    pub fn bool(&mut self) -> Result<bool, Error> {
        self.skip_space();
        if self.word("true") {
            Ok(true)
        } else if self.word("false") {
            Ok(false)
        } else {
            Err(self.error("true or false"))
        }
    }

    /// Reads `null` if it comes next, and says whether it did.
    pub fn null(&mut self) -> bool {
        self.skip_space();
        self.word("null")
    }

    /// Reads and drops the next value, whatever it is: a field this build does not
    /// know, written by a build that added it.
    pub fn skip(&mut self) -> Result<(), Error> {
        match self.peek()? {
            Next::Object => self.object(&mut |reader, _| reader.skip()),
            Next::Array => self.array(&mut |reader| reader.skip()),
            Next::String => self.string().map(drop),
            Next::Bool => self.bool().map(drop),
            Next::Null if self.null() => Ok(()),
            Next::Null => Err(self.error("null")),
            Next::Number => self.any_number(),
        }
    }

    /// The text of the next value, read and dropped: what a problem shows.
    pub fn raw(&mut self) -> Result<&'a str, Error> {
        self.skip_space();
        let start = self.at;
        self.skip()?;
        Ok(self.slice(start, self.at))
    }

    fn any_number(&mut self) -> Result<(), Error> {
        let start = self.at;
        if self.byte() == Some(b'-') {
            self.at += 1;
        }
        let digits = |reader: &mut Reader| {
            let from = reader.at;
            while matches!(reader.byte(), Some(b'0'..=b'9')) {
                reader.at += 1;
            }
            reader.at > from
        };
        let mut valid = digits(self);
        if valid && self.byte() == Some(b'.') {
            self.at += 1;
            valid = digits(self);
        }
        if valid && matches!(self.byte(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.byte(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            valid = digits(self);
        }
        if valid {
            Ok(())
        } else {
            self.at = start;
            Err(self.error("a number"))
        }
    }

    /// After a backslash: the character it stands for.
    fn escape(&mut self) -> Result<char, Error> {
        let escaped = self.byte().ok_or(self.error("an escape"))?;
        self.at += 1;
        Ok(match escaped {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    // A high surrogate pairs with the low one that must follow it.
                    0xd800..=0xdbff => {
                        if !self.word("\\u") {
                            return Err(self.error("the second half of a surrogate pair"));
                        }
                        let second = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&second) {
                            return Err(self.error("a low surrogate"));
                        }
                        0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
                    }
                    code => code,
                };
                char::from_u32(code).ok_or(self.error("a character"))?
            }
            _ => return Err(self.error("an escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .byte()
                .and_then(|byte| char::from(byte).to_digit(16))
                .ok_or(self.error("four hexadecimal digits"))?;
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn open(&mut self, byte: u8, expected: &'static str) -> Result<(), Error> {
        self.skip_space();
        if self.depth >= MAX_DEPTH {
            return Err(self.error("less nesting"));
        }
        self.expect(byte, expected)?;
        self.depth += 1;
        Ok(())
    }

    fn close_if(&mut self, byte: u8) -> bool {
        self.skip_space();
        let closes = self.byte() == Some(byte);
        if closes {
            self.at += 1;
        }
        closes
    }

    /// After a member: whether another follows.
    fn comma_or_close(&mut self, close: u8, expected: &'static str) -> Result<bool, Error> {
        self.skip_space();
        match self.byte() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(byte) if byte == close => {
                self.at += 1;
                Ok(false)
            }
            _ => Err(self.error(expected)),
        }
    }

    fn expect(&mut self, byte: u8, expected: &'static str) -> Result<(), Error> {
        if self.byte() != Some(byte) {
            return Err(self.error(expected));
        }
        self.at += 1;
        Ok(())
    }

    fn word(&mut self, word: &str) -> bool {
        let matches = self
            .text
            .as_bytes()
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()));
        if matches {
            self.at += word.len();
        }
        matches
    }

    fn skip_space(&mut self) {
        while matches!(self.byte(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// The text between two offsets, both at ASCII bytes the reader stopped on, so
    /// always on character boundaries; empty rather than a panic if not.
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or_default()
    }
}
