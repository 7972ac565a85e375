//! The closed enums' string forms, each written once.
//!
//! An `Audience` is `patient` in article files, URLs, `data-` attributes, JSON, storage
//! and CSS classes alike. [`closed_enum!`] takes each variant's one string and makes
//! from it the list of variants, `as_str`, parsing with a message that names what was
//! expected, `Display`, the serde form and the widget's reading of it (`json::Decode`), so that no second spelling can drift.

use std::fmt;

/// A string that names no variant of a closed enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    /// What was being named, for example "audience".
    pub kind: &'static str,
    pub value: String,
    /// Every accepted name, in order.
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    /// "unknown audience `x` (expected patient, caregiver or professional)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}` (expected ", self.kind, self.value)?;
        let count = self.expected.len();
        for (index, name) in self.expected.iter().enumerate() {
            let separator = match index {
                0 => "",
                _ if index + 1 == count => " or ",
                _ => ", ",
            };
            write!(f, "{separator}{name}")?;
        }
        f.write_str(")")
    }
}

/// Declares a closed enum whose variants each have one string form:
///
/// ```
/// article_widget::closed_enum! {
///     /// How loud a bell rings.
///     pub enum Volume("volume") {
///         Soft = "soft",
///         Loud = "loud",
///     }
/// }
/// assert_eq!(Volume::Loud.as_str(), "loud");
/// assert_eq!("soft".parse::<Volume>(), Ok(Volume::Soft));
/// assert_eq!(
///     "quiet".parse::<Volume>().unwrap_err().to_string(),
///     "unknown volume `quiet` (expected soft or loud)"
/// );
/// ```
#[macro_export]
macro_rules! closed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident($kind:literal) {
            $( $(#[$variant_meta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every variant's string form, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The one string form, used in files, URLs, JSON, storage and CSS.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::names::UnknownName;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::names::UnknownName {
                        kind: $kind,
                        value: text.to_owned(),
                        expected: $name::NAMES,
                    }),
                }
            }
        }

        impl $crate::json::Decode for $name {
            fn decode(reader: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::Error> {
                let text = reader.string()?;
                text.parse().map_err(|_| reader.error($kind))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct NameVisitor;
                impl ::serde::de::Visitor<'_> for NameVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str($kind)
                    }
                    fn visit_str<E: ::serde::de::Error>(self, text: &str) -> Result<$name, E> {
                        text.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(NameVisitor)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    closed_enum! {
        enum Pair("pair") {
            One = "one",
            Two = "two",
        }
    }

    closed_enum! {
        enum Trio("trio") {
            A = "a",
            B = "b",
            C = "c",
        }
    }

    #[test]
    fn every_variant_round_trips_through_its_one_name() {
        for trio in Trio::ALL {
            assert_eq!(trio.as_str().parse::<Trio>(), Ok(*trio));
            assert_eq!(trio.to_string(), trio.as_str());
            let json = serde_json::to_string(trio).unwrap();
            assert_eq!(json, format!("\"{}\"", trio.as_str()));
            assert_eq!(serde_json::from_str::<Trio>(&json).unwrap(), *trio);
        }
        assert_eq!(Trio::NAMES, ["a", "b", "c"]);
        assert_eq!(Pair::ALL, [Pair::One, Pair::Two]);
    }

    #[test]
    fn an_unknown_name_says_what_was_expected() {
        assert_eq!(
            "three".parse::<Pair>().unwrap_err().to_string(),
            "unknown pair `three` (expected one or two)"
        );
        assert_eq!(
            "d".parse::<Trio>().unwrap_err().to_string(),
            "unknown trio `d` (expected a, b or c)"
        );
        let error = serde_json::from_str::<Trio>("\"D\"").unwrap_err();
        assert!(error.to_string().contains("unknown trio `D`"), "{error}");
        assert!(serde_json::from_str::<Trio>("3").is_err());
    }

    #[test]
    fn names_serve_as_map_keys() {
        let map = std::collections::BTreeMap::from([(Pair::Two, 2), (Pair::One, 1)]);
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(json, r#"{"one":1,"two":2}"#);
        assert_eq!(
            serde_json::from_str::<std::collections::BTreeMap<Pair, i32>>(&json).unwrap(),
            map
        );
    }
}
