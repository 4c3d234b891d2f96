//! [`Keyed`]: values by text key, kept sorted by key, written as a JSON
//! object. A small sorted list rather than a `BTreeMap`: each map type adds
//! its own copy of the B-tree code to the WebAssembly (about 3 KB gzip),
//! and these hold a handful of entries (a place's sources, a service's role
//! mix, the uncertainty ranges, the results' roles, groups and sectors).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq)]
pub struct Keyed<V>(Vec<(String, V)>);

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<V> Keyed<V> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// Set `key`'s value, replacing any it had.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<V>) {
        let (key, value) = (key.into(), value.into());
        match self.find(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    /// Take `key` out; its value, if it had one.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// `key`'s value, inserted as the default first if it has none.
    pub fn entry_or_default(&mut self, key: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key.to_string(), V::default()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// (key, value) pairs in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// (key, value) pairs in key order, values mutable.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut V)> {
        self.0.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.find(key).ok().map(|i| &mut self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Keep only the entries `keep` holds for.
    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut V) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// Collected in any order; a key given twice keeps its last value (as a
/// JSON object read twice over, or a `BTreeMap`).
impl<K: Into<String>, V> FromIterator<(K, V)> for Keyed<V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut out = Keyed::default();
        for (key, value) in pairs {
            out.insert(key, value);
        }
        out
    }
}

impl<K: Into<String>, V, const N: usize> From<[(K, V); N]> for Keyed<V> {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<V> IntoIterator for Keyed<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;

    /// (key, value) pairs in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, V> IntoIterator for &'a Keyed<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V> std::ops::Index<&str> for Keyed<V> {
    type Output = V;

    /// The value of `key`; panics if there is none (for tests, and callers
    /// that have just checked).
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no value for this key")
    }
}

impl<V: Serialize> Serialize for Keyed<V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Keyed<V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Keyed<V>, D::Error> {
        struct Visitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<V> {
            type Value = Keyed<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Keyed<V>, A::Error> {
                let mut out = Keyed::default();
                while let Some((key, value)) = map.next_entry::<String, V>()? {
                    out.insert(key, value);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(Visitor(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_keys_sorted_replaces_and_reads_back_as_an_object() {
        let mut k: Keyed<String> = Keyed::default();
        k.insert("need_index", "NHS England");
        k.insert("population", "Census 2021");
        k.insert("need_index", "Entered by you");
        *k.entry_or_default("a") = "first".to_string();
        assert_eq!(
            k.keys().collect::<Vec<_>>(),
            ["a", "need_index", "population"]
        );
        assert_eq!(k["need_index"], "Entered by you");
        assert_eq!(k.get("nothing"), None);
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(
            json,
            r#"{"a":"first","need_index":"Entered by you","population":"Census 2021"}"#
        );
        let back: Keyed<String> = serde_json::from_str(r#"{"z":"1","b":"2"}"#).unwrap();
        assert_eq!(back.keys().collect::<Vec<_>>(), ["b", "z"]);
        assert!(serde_json::from_str::<Keyed<String>>("[1]").is_err());
        assert!(serde_json::from_str::<Keyed<String>>(r#"{"a":1}"#).is_err());
    }

    /// As a `BTreeMap` did for the role mixes, the ranges and the results'
    /// roles: collected in any order, a key twice keeps its last value, and
    /// the JSON is the same object, keys sorted.
    #[test]
    fn collects_like_a_sorted_map_and_edits_in_place() {
        let mut mix: Keyed<f64> = [
            ("psychologist", 0.2),
            ("mh_nurse", 0.5),
            ("psychologist", 0.3),
        ]
        .into();
        assert_eq!(mix.len(), 2);
        assert_eq!(mix["psychologist"], 0.3);
        assert!(mix.contains_key("mh_nurse") && !mix.contains_key("peer"));
        for (_, share) in mix.iter_mut() {
            *share *= 2.0;
        }
        *mix.get_mut("mh_nurse").unwrap() += 0.0;
        assert_eq!(
            serde_json::to_string(&mix).unwrap(),
            r#"{"mh_nurse":1.0,"psychologist":0.6}"#
        );
        let same: std::collections::BTreeMap<String, f64> =
            serde_json::from_str(&serde_json::to_string(&mix).unwrap()).unwrap();
        assert_eq!(same.into_iter().collect::<Keyed<f64>>(), mix);
        mix.retain(|role, _| role != "psychologist");
        assert_eq!(
            (&mix)
                .into_iter()
                .map(|(k, _)| k.as_str())
                .collect::<Vec<_>>(),
            ["mh_nurse"]
        );
        let read: Keyed<f64> = serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        assert_eq!(
            read.into_iter().collect::<Vec<_>>(),
            [("a".to_string(), 2.0), ("b".to_string(), 3.0)]
        );
        mix.clear();
        assert!(mix.is_empty());
    }
}
