//! The chunked CSV reader: fed the file's bytes a chunk at a time (a
//! `File.slice` in the browser), it hands each record's fields to a sink,
//! holding only the record being read. The delimiter (comma, semicolon or
//! tab) is the one the first line has most of, outside quotes; a UTF-8 byte
//! order mark is skipped; quoted fields may hold delimiters, quotes and line
//! breaks (csv-core, RFC 4180). Every field is checked to be UTF-8.

use super::ImportError;

/// How much of the file is held to find the first line's delimiter before
/// it is chosen from what is there.
const SNIFF_LIMIT: usize = 1 << 20;

/// The delimiter the first line (up to its first line break outside
/// quotes) has most of: comma, semicolon or tab, comma on a tie; `None`
/// when it has none of them.
pub fn sniff_delimiter(first: &[u8]) -> Option<u8> {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in first {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let (best, &n) = counts
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, &n)| n)
        .expect("three counts");
    (n > 0).then_some([b',', b';', b'\t'][best])
}

/// One record of a CSV.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    /// Its number, from 1 (the header).
    pub row: u64,
    pub fields: &'a [&'a str],
    /// The file's delimiter.
    pub delimiter: u8,
}

/// A CSV read a chunk at a time. Records are numbered from 1 (the header).
pub struct CsvStream {
    reader: Option<csv_core::Reader>,
    delimiter: Option<u8>,
    /// Bytes held until the first line is complete (to find the delimiter).
    pending: Vec<u8>,
    output: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    end_len: usize,
    row: u64,
    done: bool,
}

impl Default for CsvStream {
    fn default() -> Self {
        CsvStream::new()
    }
}

impl CsvStream {
    pub fn new() -> Self {
        CsvStream {
            reader: None,
            delimiter: None,
            pending: Vec::new(),
            output: vec![0; 4096],
            out_len: 0,
            ends: vec![0; 64],
            end_len: 0,
            row: 0,
            done: false,
        }
    }

    /// The delimiter, once the first line has been read.
    pub fn delimiter(&self) -> Option<u8> {
        self.delimiter
    }

    /// Records handed to the sink so far (the header included).
    pub fn records(&self) -> u64 {
        self.row
    }

    /// Reads `chunk`, the next bytes of the file, handing every record it
    /// completes to `sink`. Stops at the sink's
    /// first error.
    pub fn feed<F>(&mut self, chunk: &[u8], sink: &mut F) -> Result<(), ImportError>
    where
        F: FnMut(Record<'_>) -> Result<(), ImportError>,
    {
        if self.reader.is_none() {
            self.pending.extend_from_slice(chunk);
            let start = bom_len(&self.pending);
            let body = &self.pending[start..];
            let line_complete = first_line_complete(body);
            if !line_complete && self.pending.len() < SNIFF_LIMIT {
                return Ok(());
            }
            self.start()?;
            let pending = std::mem::take(&mut self.pending);
            return self.read(&pending[start..], false, sink);
        }
        self.read(chunk, false, sink)
    }

    /// The end of the file: hands the last record (one with no line break
    /// after it) to `sink`.
    pub fn finish<F>(&mut self, sink: &mut F) -> Result<(), ImportError>
    where
        F: FnMut(Record<'_>) -> Result<(), ImportError>,
    {
        if self.reader.is_none() {
            let pending = std::mem::take(&mut self.pending);
            let start = bom_len(&pending);
            if pending[start..].iter().all(|b| b.is_ascii_whitespace()) {
                return Ok(());
            }
            self.pending = pending;
            self.start()?;
            let pending = std::mem::take(&mut self.pending);
            self.read(&pending[start..], false, sink)?;
        }
        self.read(&[], true, sink)
    }

    fn start(&mut self) -> Result<(), ImportError> {
        let start = bom_len(&self.pending);
        let delimiter = sniff_delimiter(&self.pending[start..]).ok_or(ImportError::OneColumn)?;
        self.delimiter = Some(delimiter);
        self.reader = Some(csv_core::ReaderBuilder::new().delimiter(delimiter).build());
        Ok(())
    }

    /// Reads `input`; csv-core takes empty input as the end of the file, so
    /// only `finishing` passes it one.
    fn read<F>(
        &mut self,
        mut input: &[u8],
        finishing: bool,
        sink: &mut F,
    ) -> Result<(), ImportError>
    where
        F: FnMut(Record<'_>) -> Result<(), ImportError>,
    {
        use csv_core::ReadRecordResult as R;
        if self.done {
            return Ok(());
        }
        let reader = self.reader.as_mut().expect("started before reading");
        loop {
            if input.is_empty() && !finishing {
                return Ok(());
            }
            let (result, nin, nout, nend) = reader.read_record(
                input,
                &mut self.output[self.out_len..],
                &mut self.ends[self.end_len..],
            );
            input = &input[nin..];
            self.out_len += nout;
            self.end_len += nend;
            match result {
                R::InputEmpty => return Ok(()),
                R::OutputFull => {
                    let len = self.output.len();
                    self.output.resize(len * 2, 0);
                }
                R::OutputEndsFull => {
                    let len = self.ends.len();
                    self.ends.resize(len * 2, 0);
                }
                R::Record => {
                    self.row += 1;
                    let row = self.row;
                    let data = &self.output[..self.out_len];
                    let mut fields = Vec::with_capacity(self.end_len);
                    let mut start = 0;
                    for &end in &self.ends[..self.end_len] {
                        let field = std::str::from_utf8(&data[start..end])
                            .map_err(|_| ImportError::NotUtf8 { row })?;
                        fields.push(field);
                        start = end;
                    }
                    self.out_len = 0;
                    self.end_len = 0;
                    sink(Record {
                        row,
                        fields: &fields,
                        delimiter: self.delimiter.unwrap_or(b','),
                    })?;
                }
                R::End => {
                    self.done = true;
                    return Ok(());
                }
            }
        }
    }
}

fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    }
}

fn first_line_complete(bytes: &[u8]) -> bool {
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => return true,
            _ => {}
        }
    }
    false
}
