//! Lenient reading: each type says what it can be read from, and a JSON value it cannot be
//! read from becomes `None`, consumed whole and never an error, so a bad field or list element
//! costs only itself. (serde_json cannot carry on after an error raised inside a value, so the
//! leniency has to come from never raising one.)
//!
//! One serde visitor, [`Reading`], walks every value and tells a [`Sink`] what it found; arrays
//! and objects are handed over as [`Elements`] and [`Entries`] trait objects. So serde_json's
//! value parser is compiled once for the whole model instead of once per type read (a copy per
//! type was a fifth of each wasm download), and each type adds only its small `Lenient` hooks.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A type read leniently. Each hook reads one kind of JSON value; by default a value of that
/// kind is not this type. Arrays and objects a hook leaves unread are skipped after it.
pub(crate) trait Lenient: Sized {
    /// Called with the text already free of control characters.
    fn from_text(_text: String) -> Option<Self> {
        None
    }
    fn from_number(_number: serde_json::Number) -> Option<Self> {
        None
    }
    fn from_bool(_value: bool) -> Option<Self> {
        None
    }
    fn from_elements(_elements: &mut dyn Elements) -> Option<Self> {
        None
    }
    fn from_entries(_entries: &mut dyn Entries) -> Option<Self> {
        None
    }
}

/// A JSON array being read, element by element.
pub(crate) trait Elements {
    /// Reads the next element into `sink`; false at the end of the array, or once the JSON
    /// is broken (the error is kept, and returned when the array's reading ends).
    fn next(&mut self, sink: &mut dyn Sink) -> bool;
}

impl dyn Elements + '_ {
    /// The next element as a `T`: `None` at the end, `Some(None)` for an element that is not one.
    pub(crate) fn next_as<T: Lenient>(&mut self) -> Option<Option<T>> {
        let mut slot = Slot::<T>(None);
        self.next(&mut slot).then_some(slot.0)
    }
}

/// A JSON object being read, key by key; each key's value is read or skipped before the next.
pub(crate) trait Entries {
    /// The next key; `None` at the end of the object, or once the JSON is broken.
    fn next_key(&mut self) -> Option<String>;
    fn next_value(&mut self, sink: &mut dyn Sink);
    fn skip_value(&mut self);
}

impl dyn Entries + '_ {
    /// The value of the key just read, as a `T`.
    pub(crate) fn value<T: Lenient>(&mut self) -> Option<T> {
        let mut slot = Slot::<T>(None);
        self.next_value(&mut slot);
        slot.0
    }
}

/// Told what the JSON value being read turned out to be. Values a sink does not take are
/// dropped.
pub(crate) trait Sink {
    fn text(&mut self, _text: String) {}
    fn number(&mut self, _number: serde_json::Number) {}
    fn boolean(&mut self, _value: bool) {}
    fn elements(&mut self, _elements: &mut dyn Elements) {}
    fn entries(&mut self, _entries: &mut dyn Entries) {}
}

/// Where a `T` is read to.
struct Slot<T>(Option<T>);

impl<T: Lenient> Sink for Slot<T> {
    fn text(&mut self, text: String) {
        self.0 = T::from_text(text);
    }
    fn number(&mut self, number: serde_json::Number) {
        self.0 = T::from_number(number);
    }
    fn boolean(&mut self, value: bool) {
        self.0 = T::from_bool(value);
    }
    fn elements(&mut self, elements: &mut dyn Elements) {
        self.0 = T::from_elements(elements);
    }
    fn entries(&mut self, entries: &mut dyn Entries) {
        self.0 = T::from_entries(entries);
    }
}

impl Lenient for String {
    fn from_text(text: String) -> Option<Self> {
        Some(text)
    }
}

impl Lenient for u32 {
    fn from_number(number: serde_json::Number) -> Option<Self> {
        number.as_u64().and_then(|n| u32::try_from(n).ok())
    }
}

impl Lenient for bool {
    fn from_bool(value: bool) -> Option<Self> {
        Some(value)
    }
}

/// A list keeps the elements that read as a `T` and drops the rest: an unknown block type, a
/// broken link or a feed item without an id costs that element, never the document around it.
impl<T: Lenient> Lenient for Vec<T> {
    fn from_elements(elements: &mut dyn Elements) -> Option<Self> {
        let mut list = Vec::new();
        while let Some(element) = elements.next_as::<T>() {
            list.extend(element);
        }
        Some(list)
    }
}

/// A type read from a JSON object through a set of [`Fields`]: the object is read field by
/// field, then the value built from what was readable.
pub(crate) trait Record: Sized {
    type Fields: Fields;
    /// The value, or the name of the required field that is missing or unreadable.
    fn build(fields: Self::Fields) -> Result<Self, &'static str>;
}

/// An object's fields, each `None` until read; see [`fields!`](super::fields).
pub(crate) trait Fields: Default {
    /// Reads the value of `key` into its field, or skips it if the key is not one of them.
    fn read(&mut self, key: &str, entries: &mut dyn Entries);
}

/// A set of fields is a record of its own, for what is built later from more than the object
/// read: a feed's items, once the whole feed is read, as they take its authors and language.
impl<F: Fields> Record for F {
    type Fields = F;
    fn build(fields: F) -> Result<F, &'static str> {
        Ok(fields)
    }
}

fn read_fields<F: Fields>(entries: &mut dyn Entries) -> F {
    let mut fields = F::default();
    while let Some(key) = entries.next_key() {
        fields.read(&key, entries);
    }
    fields
}

/// A nested record that cannot be built (a required field missing or unreadable) is `None`.
impl<T: Record> Lenient for T {
    fn from_entries(entries: &mut dyn Entries) -> Option<Self> {
        T::build(read_fields(entries)).ok()
    }
}

/// Reads a whole document as a `T`: unlike a record inside one, a document that is not an
/// object or lacks a required field is an error, for the reader to be told.
pub(crate) fn deserialize_document<'de, T: Record, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct Document<T>(Option<Result<T, &'static str>>);
    impl<T: Record> Sink for Document<T> {
        fn entries(&mut self, entries: &mut dyn Entries) {
            self.0 = Some(T::build(read_fields(entries)));
        }
    }
    let mut document = Document(None);
    Reading(&mut document).deserialize(deserializer)?;
    match document.0 {
        Some(Ok(value)) => Ok(value),
        Some(Err(field)) => Err(de::Error::custom(format_args!(
            "missing or unreadable field `{field}`"
        ))),
        None => Err(de::Error::custom("the document is not a JSON object")),
    }
}

/// Any well-formed JSON value: `Some` when it reads as a `T`. For tests, which read one value.
#[cfg(test)]
pub(crate) struct Maybe<T>(pub Option<T>);

#[cfg(test)]
impl<'de, T: Lenient> de::Deserialize<'de> for Maybe<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut slot = Slot::<T>(None);
        Reading(&mut slot).deserialize(deserializer)?;
        Ok(Maybe(slot.0))
    }
}

/// The one visitor: reads any JSON value and tells the sink what it is.
struct Reading<'s>(&'s mut dyn Sink);

impl<'de> DeserializeSeed<'de> for Reading<'_> {
    type Value = ();

    /// Never inlined: one copy of serde_json's value parser is the point of this module.
    #[inline(never)]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Reading<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<(), E> {
        self.visit_string(text.to_owned())
    }

    /// Control characters have no business in news text, and some (NUL, escape, C1 controls)
    /// confuse or spoof what a reader sees, so every string loses them here, where the model
    /// reads it. Newlines and tabs stay.
    fn visit_string<E>(self, mut text: String) -> Result<(), E> {
        if text.chars().any(is_stray_control) {
            text.retain(|c| !is_stray_control(c));
        }
        self.0.text(text);
        Ok(())
    }

    fn visit_u64<E>(self, n: u64) -> Result<(), E> {
        self.0.number(n.into());
        Ok(())
    }

    fn visit_i64<E>(self, n: i64) -> Result<(), E> {
        self.0.number(n.into());
        Ok(())
    }

    fn visit_f64<E>(self, n: f64) -> Result<(), E> {
        if let Some(number) = serde_json::Number::from_f64(n) {
            self.0.number(number);
        }
        Ok(())
    }

    fn visit_bool<E>(self, value: bool) -> Result<(), E> {
        self.0.boolean(value);
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let mut elements = ElementReader { seq, error: None };
        self.0.elements(&mut elements);
        while elements.error.is_none() && elements.skip() {}
        elements.error.map_or(Ok(()), Err)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let mut entries = EntryReader { map, error: None };
        self.0.entries(&mut entries);
        while entries.next_key().is_some() {
            entries.skip_value();
        }
        entries.error.map_or(Ok(()), Err)
    }
}

pub(crate) fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// An array as serde hands it over, keeping the first error instead of returning it, so that
/// the sinks need not be generic over the JSON reader.
struct ElementReader<'de, A: SeqAccess<'de>> {
    seq: A,
    error: Option<A::Error>,
}

impl<'de, A: SeqAccess<'de>> ElementReader<'de, A> {
    fn skip(&mut self) -> bool {
        kept(self.seq.next_element::<IgnoredAny>(), &mut self.error)
            .flatten()
            .is_some()
    }
}

impl<'de, A: SeqAccess<'de>> Elements for ElementReader<'de, A> {
    fn next(&mut self, sink: &mut dyn Sink) -> bool {
        self.error.is_none()
            && kept(self.seq.next_element_seed(Reading(sink)), &mut self.error)
                .flatten()
                .is_some()
    }
}

/// An object as serde hands it over, keeping the first error as [`ElementReader`] does.
struct EntryReader<'de, A: MapAccess<'de>> {
    map: A,
    error: Option<A::Error>,
}

impl<'de, A: MapAccess<'de>> Entries for EntryReader<'de, A> {
    fn next_key(&mut self) -> Option<String> {
        if self.error.is_some() {
            return None;
        }
        kept(self.map.next_key(), &mut self.error).flatten()
    }

    fn next_value(&mut self, sink: &mut dyn Sink) {
        if self.error.is_none() {
            kept(self.map.next_value_seed(Reading(sink)), &mut self.error);
        }
    }

    fn skip_value(&mut self) {
        if self.error.is_none() {
            kept(self.map.next_value::<IgnoredAny>(), &mut self.error);
        }
    }
}

/// The value of `result`, or `None` with its error kept in `error`.
fn kept<T, E>(result: Result<T, E>, error: &mut Option<E>) -> Option<T> {
    result.map_err(|e| *error = Some(e)).ok()
}
