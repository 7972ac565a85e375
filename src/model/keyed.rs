//! [`Keyed`]: a map whose keys are the names of a closed enum, such as an article's
//! variants by audience or its translations by language.
//!
//! It holds at most a handful of entries, kept in the key's order, in one `Vec`: a
//! lookup is a short scan. `BTreeMap` did the same job; its code for each key and value
//! type cost every partner page 1.8 KB brotli of Wasm (docs/performance.md, "2026-12-05:
//! maps as lists"). Its serde form is the same JSON object, keys in the same order, so
//! the data the build writes did not change.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Entries by key, at most one per key, in the key's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyed<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for Keyed<K, V> {
    fn default() -> Self {
        Keyed {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> Keyed<K, V> {
    pub fn new() -> Self {
        Keyed::default()
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        self.entries
            .iter()
            .find_map(|(here, value)| (here == key).then_some(value))
    }

    /// Puts `value` under `key`, in the key's place; returns the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.entries.binary_search_by(|(here, _)| here.cmp(&key)) {
            Ok(index) => Some(std::mem::replace(&mut self.entries[index].1, value)),
            Err(index) => {
                self.entries.insert(index, (key, value));
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Each entry, in the key's order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(key, value)| (key, value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(key, _)| key)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, value)| value)
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for Keyed<K, V> {
    /// A later entry for a key replaces an earlier one, as in `BTreeMap`.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut map = Keyed::new();
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for Keyed<K, V> {
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<K: Serialize, V: Serialize> Serialize for Keyed<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (key, value) in &self.entries {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Keyed<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);

        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
            type Value = Keyed<K, V>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a map")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = Keyed::new();
                while let Some((key, value)) = access.next_entry()? {
                    map.insert(key, value);
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(Entries(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Audience;

    #[test]
    fn entries_keep_the_keys_order_whatever_order_they_came_in() {
        let map = Keyed::from([
            (Audience::Professional, 3),
            (Audience::Patient, 1),
            (Audience::Caregiver, 2),
        ]);
        assert_eq!(
            map.keys().copied().collect::<Vec<_>>(),
            [
                Audience::Patient,
                Audience::Caregiver,
                Audience::Professional
            ]
        );
        assert_eq!(map.values().copied().collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn a_key_holds_one_value_and_a_later_insert_replaces_it() {
        let mut map = Keyed::new();
        assert_eq!(map.insert(Audience::Caregiver, "first"), None);
        assert_eq!(map.insert(Audience::Caregiver, "second"), Some("first"));
        assert_eq!(map.iter().count(), 1);
        assert_eq!(map.get(&Audience::Caregiver), Some(&"second"));
        assert_eq!(map.get(&Audience::Patient), None);
        map.clear();
        assert!(map.is_empty());
    }

    #[test]
    fn its_json_is_the_object_a_btree_map_wrote() {
        let entries = [(Audience::Professional, 3), (Audience::Patient, 1)];
        let map = Keyed::from(entries);
        let btree = std::collections::BTreeMap::from(entries);
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(json, serde_json::to_string(&btree).unwrap());
        assert_eq!(json, r#"{"patient":1,"professional":3}"#);
        assert_eq!(
            serde_json::from_str::<Keyed<Audience, i32>>(&json).unwrap(),
            map
        );
        assert!(serde_json::from_str::<Keyed<Audience, i32>>(r#"{"nurse":1}"#).is_err());
    }
}
