//! The widget's reader of the build's data: article data, the catalog's pages, the
//! search adapter's answers and the stored preferences.
//!
//! The build writes this JSON with serde (the model's derived `Serialize`); the widget
//! reads it with a small pull [`Reader`] and one [`Decode`] impl per type, instead of
//! serde_json, which cost every partner page tens of KB of Wasm. serde_json is a
//! native-only dependency, so reading data with it in the widget is a compile error.
//! `tests/wire.rs` holds the two sides to one form: random documents written by serde
//! read back the same, and no bytes make the reader panic.

mod reader;

use std::borrow::Cow;
use std::rc::Rc;

pub use self::reader::{Error, Next, Reader, MAX_DEPTH};

/// The layout of the data this build writes and reads. Data from a newer build, which
/// may have changed its layout, is refused with [`Refusal::Newer`] so the reader is
/// asked to reload, never shown a garbled article. Data without the field is from
/// before it existed, in layout 1.
pub const FORMAT: u64 = 1;

/// The name of the field holding [`FORMAT`], the first of every article's and
/// catalog page's data.
pub const FORMAT_FIELD: &str = "format";

/// A type read from JSON written by the build.
pub trait Decode: Sized {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error>;
}

/// Why data could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not the JSON of the type asked for: truncated, damaged or another shape.
    Damaged(Error),
    /// Written by a newer build, in the layout it names.
    Newer(u64),
}

/// Reads a whole text as one `T`, with nothing after it.
pub fn from_str<T: Decode>(text: &str) -> Result<T, Error> {
    let mut reader = Reader::new(text);
    let value = T::decode(&mut reader)?;
    reader.end()?;
    Ok(value)
}

/// Reads the build's versioned data (an article, a catalog page): refused as newer if
/// its `format` says so, even where the rest no longer reads.
pub fn from_data<T: Decode>(text: &str) -> Result<T, Refusal> {
    if let Some(format) = format_of(text).filter(|&format| format > FORMAT) {
        return Err(Refusal::Newer(format));
    }
    from_str(text).map_err(Refusal::Damaged)
}

/// The `format` of versioned data, read from its first field, where the build puts it.
fn format_of(text: &str) -> Option<u64> {
    let mut reader = Reader::new(text);
    let mut format = None;
    // Stop after the first field: an error is the way out of the object.
    let _ = reader.object(&mut |reader, key| {
        if key == FORMAT_FIELD {
            format = reader.whole_number().ok();
        }
        Err(reader.error("nothing more"))
    });
    format
}

/// Native only: the build's writer of versioned data, the type's serde form with
/// `format` first.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_data<T: serde::Serialize>(value: &T) -> serde_json::Result<Vec<u8>> {
    #[derive(serde::Serialize)]
    struct Versioned<'a, T> {
        format: u64,
        #[serde(flatten)]
        data: &'a T,
    }
    serde_json::to_vec(&Versioned {
        format: FORMAT,
        data: value,
    })
}

/// Reads an object's fields into `Option` locals of the same names; fields of other
/// names are skipped, as serde skips them.
#[macro_export]
#[doc(hidden)]
macro_rules! read_fields {
    ($reader:ident; $($field:ident),+ $(,)?) => {
        $(let mut $field = None;)+
        $reader.object(&mut |reader, key| {
            match key {
                $(stringify!($field) => $field = Some($crate::json::Decode::decode(reader)?),)+
                _ => reader.skip()?,
            }
            Ok(())
        })?;
    };
}

/// A struct read from its fields: those in `{}` must be there, those after
/// `default` take their default when absent (`Option`s among them).
#[macro_export]
#[doc(hidden)]
macro_rules! record {
    ($type:ident { $($required:ident),* $(,)? } $(default { $($optional:ident),+ $(,)? })?) => {
        impl $crate::json::Decode for $type {
            fn decode(reader: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::Error> {
                $crate::read_fields!(reader; $($required,)* $($($optional,)+)?);
                Ok($type {
                    $($required: $crate::json::required($required, reader, stringify!($required))?,)*
                    $($($optional: $optional.unwrap_or_default(),)+)?
                })
            }
        }
    };
}

/// A field that must be there: an error at the end of its object if it was not.
pub fn required<T>(field: Option<T>, reader: &Reader<'_>, name: &'static str) -> Result<T, Error> {
    field.ok_or(reader.error(name))
}

impl Decode for String {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        reader.string().map(Cow::into_owned)
    }
}

impl Decode for Rc<str> {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        reader.string().map(|text| Rc::from(&*text))
    }
}

impl Decode for bool {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        reader.bool()
    }
}

macro_rules! whole_numbers {
    ($($type:ty),+) => {
        $(impl Decode for $type {
            fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
                let number = reader.whole_number()?;
                <$type>::try_from(number).map_err(|_| reader.error("a smaller number"))
            }
        })+
    };
}

whole_numbers!(u8, u16, u32, u64, usize);

impl<T: Decode> Decode for Option<T> {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        if reader.null() {
            return Ok(None);
        }
        T::decode(reader).map(Some)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        let mut items = Vec::new();
        reader.array(&mut |reader| {
            items.push(T::decode(reader)?);
            Ok(())
        })?;
        Ok(items)
    }
}

impl<T: Decode> Decode for Rc<T> {
    fn decode(reader: &mut Reader<'_>) -> Result<Self, Error> {
        T::decode(reader).map(Rc::new)
    }
}

/// Reads a string and makes a `T` of it.
pub fn parsed<T>(
    reader: &mut Reader<'_>,
    parse: fn(&str) -> Option<T>,
    expected: &'static str,
) -> Result<T, Error> {
    let text = reader.string()?;
    parse(&text).ok_or(reader.error(expected))
}
