//! Reading lz-string's URI-safe encoding (`compressToEncodedURIComponent`),
//! with a bound on what it may produce.
//!
//! lz-string output can grow with the square of its input (each code may
//! name a dictionary entry one character longer than the last), so a crafted
//! share link of a few hundred kilobytes could expand to gigabytes and take
//! the page down. This decoder stops as soon as the text it has produced
//! passes `max_chars`. Writing stays with the `lz_str` crate; both sides are
//! checked against each other in `tests/io_and_state.rs`.

/// The 65 characters of the URI-safe alphabet, in value order.
const URI_SAFE: &[u8; 65] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

/// Why a payload could not be decoded.
#[derive(Debug, PartialEq)]
pub enum LzError {
    /// Not lz-string data: a character outside the alphabet, a code that
    /// names no entry, or data that ends before its end mark.
    Damaged,
    /// The text would be longer than the bound.
    TooLong,
}

struct Bits<'a> {
    input: &'a [u8],
    index: usize,
    value: u32,
    position: u32,
}

impl Bits<'_> {
    const RESET: u32 = 32;

    fn value_at(input: &[u8], index: usize) -> Result<u32, LzError> {
        match input.get(index) {
            // Past the end reads as zero bits, as the JavaScript does.
            None => Ok(0),
            Some(b' ') => Ok(62), // '+' turned into a space by a form or mail client
            Some(c) => URI_SAFE
                .iter()
                .position(|a| a == c)
                .map(|p| p as u32)
                .ok_or(LzError::Damaged),
        }
    }

    /// The next `count` bits, least significant first.
    fn read(&mut self, count: u32) -> Result<u32, LzError> {
        let mut bits = 0;
        for power in 0..count {
            let bit = self.value & self.position;
            self.position >>= 1;
            if self.position == 0 {
                self.position = Self::RESET;
                self.value = Self::value_at(self.input, self.index)?;
                self.index += 1;
            }
            if bit != 0 {
                bits |= 1 << power;
            }
        }
        Ok(bits)
    }
}

/// Decode a `compressToEncodedURIComponent` payload to UTF-16 code units,
/// refusing to produce more than `max_chars` of them. Never panics.
pub fn decompress_uri_component(input: &str, max_chars: usize) -> Result<Vec<u16>, LzError> {
    let input = input.as_bytes();
    if input.is_empty() {
        return Err(LzError::Damaged);
    }
    let mut bits = Bits {
        input,
        index: 1,
        value: Bits::value_at(input, 0)?,
        position: Bits::RESET,
    };
    // Codes 0, 1 and 2 are reserved (8-bit char, 16-bit char, end).
    let mut dictionary: Vec<Vec<u16>> = vec![Vec::new(); 3];
    let mut enlarge_in: u32 = 4;
    let mut num_bits: u32 = 3;
    let first = match bits.read(2)? {
        0 => bits.read(8)? as u16,
        1 => bits.read(16)? as u16,
        _ => return Ok(Vec::new()),
    };
    if max_chars == 0 {
        return Err(LzError::TooLong);
    }
    dictionary.push(vec![first]);
    let mut w = vec![first];
    let mut out = vec![first];
    loop {
        if bits.index > input.len() {
            return Err(LzError::Damaged);
        }
        let mut code = bits.read(num_bits)? as usize;
        match code {
            0 | 1 => {
                let c = bits.read(if code == 0 { 8 } else { 16 })? as u16;
                dictionary.push(vec![c]);
                code = dictionary.len() - 1;
                enlarge_in -= 1;
            }
            2 => return Ok(out),
            _ => {}
        }
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
        }
        let entry = if let Some(entry) = dictionary.get(code) {
            entry.clone()
        } else if code == dictionary.len() {
            let mut e = w.clone();
            e.push(w[0]);
            e
        } else {
            return Err(LzError::Damaged);
        };
        if out.len() + entry.len() > max_chars {
            return Err(LzError::TooLong);
        }
        out.extend_from_slice(&entry);
        let mut next = w;
        next.push(entry[0]);
        dictionary.push(next);
        enlarge_in -= 1;
        w = entry;
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
        }
        if num_bits > 31 {
            return Err(LzError::Damaged);
        }
    }
}
